"""The one writer: atomic files, the staging folder, safe paths, errors in plain words."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from memogen.build import writer
from memogen.build.writer import Staging, cannot_write, read_regular, write_atomic


def test_write_atomic_replaces_the_file_whole_and_leaves_no_temporary_file(
    tmp_path: Path,
) -> None:
    target = tmp_path / "memo.html"
    target.write_bytes(b"old")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.html"]


def test_write_atomic_that_fails_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "memo.html"
    target.write_bytes(b"old")

    def disk_full(handle: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer.os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["memo.html"]


def test_write_atomic_gives_the_usual_mode_not_mkstemps_0600(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "memo.html", b"x")
    finally:
        os.umask(umask)
    assert (tmp_path / "memo.html").stat().st_mode & 0o777 == 0o644


def test_staging_commit_moves_its_files_into_place_and_removes_itself(tmp_path: Path) -> None:
    out = tmp_path / "out"
    staging = Staging(out)
    staging.add("tiny-service/memo.html", b"memo")
    staging.add("index.html", b"index")
    assert staging.commit() == []
    assert (out / "tiny-service" / "memo.html").read_bytes() == b"memo"
    assert (out / "index.html").read_bytes() == b"index"
    assert list(out.glob(".staging-*")) == []


def test_staging_discard_leaves_the_output_folder_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_bytes(b"old")
    staging = Staging(out)
    staging.add("index.html", b"new")
    staging.discard()
    assert sorted(p.name for p in out.iterdir()) == ["index.html"]
    assert (out / "index.html").read_bytes() == b"old"


def test_a_failure_inside_the_staging_block_discards_it(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt), Staging(out) as staging:
        staging.add("index.html", b"new")
        raise KeyboardInterrupt
    assert list(out.iterdir()) == []


def test_a_dropped_file_is_removed_on_commit_and_a_stranger_in_its_folder_is_kept(
    tmp_path: Path,
) -> None:
    out = tmp_path / "out"
    (out / "old-service").mkdir(parents=True)
    (out / "old-service" / "memo.html").write_bytes(b"memo")
    (out / "old-service" / "notes.txt").write_bytes(b"a user's file")
    staging = Staging(out)
    staging.drop("old-service/memo.html")
    assert staging.commit() == ["old-service/notes.txt"]
    assert sorted(p.name for p in (out / "old-service").iterdir()) == ["notes.txt"]


@pytest.mark.parametrize("relative", ["../escape.html", "a/../../b.html", "/etc/passwd", "A.html"])
def test_a_path_that_could_leave_the_output_folder_is_refused(
    tmp_path: Path, relative: str
) -> None:
    staging = Staging(tmp_path / "out")
    with pytest.raises(ValueError, match="unsafe output path"):
        staging.add(relative, b"x")
    staging.discard()


def test_a_full_disk_is_said_in_plain_words_with_what_to_do() -> None:
    error = cannot_write(Path("out/index.html"), OSError(errno.ENOSPC, "No space left on device"))
    assert str(error) == (
        "cannot write out/index.html: No space left on device "
        "(the disk is full; free some space and build again); "
        "the output folder was left as it was"
    )


def test_a_failure_after_some_files_moved_says_so() -> None:
    error = cannot_write("out/x.pdf", OSError(errno.EIO, "Input/output error"), unchanged=False)
    assert str(error) == (
        "cannot write out/x.pdf: Input/output error; "
        "some files of this build are already in place; build again"
    )


def test_read_regular_reads_a_file_but_not_a_symlink_a_fifo_or_a_file_over_the_limit(
    tmp_path: Path,
) -> None:
    (tmp_path / "file").write_bytes(b"12345")
    (tmp_path / "link").symlink_to(tmp_path / "file")
    os.mkfifo(tmp_path / "fifo")
    assert read_regular(tmp_path / "file") == b"12345"
    assert read_regular(tmp_path / "file", limit=4) is None
    assert read_regular(tmp_path / "link") is None
    assert read_regular(tmp_path / "fifo") is None
    assert read_regular(tmp_path / "missing") is None
