"""Guarantee 7 — output safety: paths stay inside the output folder, symlinks planted there are
replaced and never followed, and a build that fails in any way (an exception mid-render, a
full disk, Ctrl-C, in-process or in workers) leaves the previous output byte-identical with
no staging or temporary files; two builds at once both finish and leave a complete output."""

from __future__ import annotations

import errno
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

import pytest

import memogen.pipeline as pipeline
import memogen.render.formats.pdf as pdf_format
import memogen.render.formats.png as png_format
from memogen.build.writer import write_staged
from memogen.data.config import load_config
from memogen.data.validate import check_standards
from memogen.errors import InternalError

from .adversarial_kit import (
    MAIN,
    TINY_TEXT,
    Built,
    Cli,
    build_error,
    build_repo,
    leftovers,
    snapshot,
)


def test_an_id_that_climbs_out_is_refused_at_validation(tmp_path: Path) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(TINY_TEXT.replace("id: tiny-service", "id: ../../etc/cron.d/x"), "utf-8")
    assert [
        i.text() for i in check_standards([(path, "standards/x.yaml")], load_config(None)).issues
    ] == [
        "standards/x.yaml:2:5: error: id: '../../etc/cron.d/x' is not a valid id (use 3–64 "
        "lowercase latin letters, digits and '-', e.g. purchase-request)"
    ]


@pytest.mark.parametrize(
    "relative",
    [
        "../escape.txt",
        "a/../../escape.txt",
        "/tmp/escape.txt",
        "tiny-service/../../escape.txt",
        "a//b",
        "A/B.txt",
        "",
    ],
)
def test_the_writer_refuses_a_path_that_could_leave_the_output_folder(
    relative: str, tmp_path: Path
) -> None:
    staging = tmp_path / "out" / ".staging-x"
    staging.mkdir(parents=True)
    with pytest.raises(ValueError, match="unsafe output path"):
        write_staged(staging, relative, b"x")
    assert sorted(p.name for p in tmp_path.rglob("*")) == [".staging-x", "out"]


# --- symlinks planted in the output folder ---------------------------------------------------


@pytest.mark.parametrize(
    "planted", ["tiny-service", "tiny-service/memo.pdf", "index.html", ".memogen-manifest.json"]
)
def test_a_symlink_in_the_output_is_replaced_not_followed(
    planted: str, built: Built, tmp_path: Path
) -> None:
    repo, out = built.copy_to(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "memo.pdf").write_bytes(b"precious")
    (outside / "keep.txt").write_bytes(b"precious")
    target = outside if planted == "tiny-service" else outside / "keep.txt"
    link = out / planted
    if link.is_dir():
        for child in link.iterdir():
            child.unlink()
        link.rmdir()
    else:
        link.unlink()
    link.symlink_to(target)
    build_repo(repo, out, force=True)
    assert snapshot(outside) == {"keep.txt": b"precious", "memo.pdf": b"precious"}
    assert not link.is_symlink()
    assert snapshot(out) == snapshot(built.out)
    assert leftovers(out) == []


def test_a_symlinked_lock_file_is_refused_and_not_followed(built: Built, tmp_path: Path) -> None:
    repo, out = built.copy_to(tmp_path)
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"precious")
    (out / ".memogen.lock").unlink()
    (out / ".memogen.lock").symlink_to(outside)
    assert build_error(repo, out, force=True) == (
        f"cannot write {out / '.memogen.lock'}: Too many levels of symbolic links (it is a "
        "symbolic link; remove it); the output folder was left as it was"
    )
    assert outside.read_bytes() == b"precious"


# --- failures leave the previous output as it was --------------------------------------------


def test_an_exception_mid_render_leaves_the_output_as_it_was(
    built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    def broken(pdf: bytes, dpi: int = 150) -> bytes:
        raise RuntimeError("boom")

    repo, out = built.copy_to(tmp_path)
    before = snapshot(out)
    monkeypatch.setattr(png_format, "render_png", broken)
    with pytest.raises(InternalError, match=r"^rendering tiny-service failed: RuntimeError: boom$"):
        build_repo(repo, out, force=True)
    ran = cli("build", "--force", "-o", str(out), "-j", "1", cwd=repo)
    assert ran.code == 3
    assert ran.stderr.splitlines()[:2] == [
        "internal error: InternalError: rendering tiny-service failed: RuntimeError: boom",
        "This is a bug in memogen, not in your files. Please report it with the details below.",
    ]
    assert snapshot(out) == before
    assert leftovers(out) == []


def _disk_full_at(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make writing `name` inside a staging folder fail as a full disk does."""
    write_bytes = Path.write_bytes

    def full(self: Path, data: bytes) -> int:
        if ".staging-" in str(self) and self.name == name:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
        return write_bytes(self, data)

    monkeypatch.setattr(Path, "write_bytes", full)


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_full_disk_leaves_the_output_as_it_was_with_a_clear_message(
    jobs: int, built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, out = built.copy_to(tmp_path)
    (repo / "standards" / "alpha-service.yaml").write_text(
        TINY_TEXT.replace("id: tiny-service", "id: alpha-service"), encoding="utf-8"
    )
    before = snapshot(out)
    _disk_full_at("memo.md", monkeypatch)
    assert build_error(repo, out, jobs=jobs, force=True) == (
        f"cannot write {out.resolve()}/alpha-service/memo.md: No space left on device (the "
        "disk is full; free some space and build again); the output folder was left as it was"
    )
    assert snapshot(out) == before
    assert leftovers(out) == []
    assert multiprocessing.active_children() == []


def test_ctrl_c_mid_render_leaves_the_output_as_it_was(
    built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli
) -> None:
    def interrupted(html: str, print_css: str = "") -> pdf_format.Laid:
        raise KeyboardInterrupt

    repo, out = built.copy_to(tmp_path)
    before = snapshot(out)
    monkeypatch.setattr(pdf_format, "lay_out", interrupted)
    ran = cli("build", "--force", "-o", str(out), "-j", "1", cwd=repo)
    assert (ran.code, ran.stderr) == (130, "interrupted; nothing was changed\n")
    assert snapshot(out) == before
    assert leftovers(out) == []


def test_ctrl_c_while_workers_render_stops_them_and_leaves_the_output_as_it_was(
    built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The parent is interrupted while workers still render into the staging folder: they
    are stopped before the folder is removed, so nothing reappears behind the build."""
    repo, out = built.copy_to(tmp_path)
    for name in ("alpha-service", "beta-service", "gamma-service"):
        (repo / "standards" / f"{name}.yaml").write_text(
            TINY_TEXT.replace("id: tiny-service", f"id: {name}"), encoding="utf-8"
        )
    before = snapshot(out)

    def interrupt(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline, "_collect", interrupt)
    with pytest.raises(KeyboardInterrupt):
        build_repo(repo, out, jobs=2, force=True)
    assert multiprocessing.active_children() == []
    assert snapshot(out) == before
    assert leftovers(out) == []


def test_a_worker_that_dies_names_the_standard_and_leaves_the_output_as_it_was(
    built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import memogen.render.worker as render

    repo, out = built.copy_to(tmp_path)
    (repo / "standards" / "alpha-service.yaml").write_text(
        TINY_TEXT.replace("id: tiny-service", "id: alpha-service"), encoding="utf-8"
    )
    before = snapshot(out)
    monkeypatch.setattr(render, "_render_standard", lambda job: os._exit(9))
    assert build_error(repo, out, jobs=2, force=True) == (
        "alpha-service: a render worker stopped abruptly (out of memory, or killed); shorten "
        "its texts"
    )
    assert snapshot(out) == before
    assert leftovers(out) == []


def test_two_builds_at_once_both_finish_with_a_complete_output(
    built: Built, tmp_path: Path
) -> None:
    repo, _ = built.copy_to(tmp_path)
    out = tmp_path / "shared-output"
    command = [sys.executable, "-m", "memogen", "build", "-o", str(out), "-j", "1"]
    env = {**os.environ, "PYTHONPATH": str(MAIN), "CI": "1"}
    runs = [
        subprocess.Popen(
            command, cwd=repo, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    results = [(run.wait(timeout=120), *run.communicate()) for run in runs]
    assert [code for code, _, _ in results] == [0, 0], results
    assert snapshot(out) == snapshot(built.out)
    assert leftovers(out) == []


# --- nothing in the output folder is read through a symlink or from a FIFO --------------------


LIMITED_BUILD = 'ulimit -v 1048576; exec "$0" -m memogen build -j 1 --format html,md -o "$1"'


def _plant(path: Path, kind: str) -> None:
    path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")


@pytest.mark.parametrize("kind", ["fifo", "symlink to /dev/zero"])
@pytest.mark.parametrize(
    "planted", ["index.html", "catalogue.json", "standard.schema.json", ".memogen-manifest.json"]
)
def test_a_planted_fifo_or_device_in_the_output_is_never_read(
    planted: str, kind: str, built: Built, tmp_path: Path
) -> None:
    """The build runs under a 1 GiB address-space limit and a bounded wait: reading
    /dev/zero would exhaust the one, opening a FIFO with no writer would outlast the other."""
    repo, out = built.copy_to(tmp_path)
    _plant(out / planted, kind)
    ran = subprocess.run(
        ["bash", "-c", LIMITED_BUILD, sys.executable, str(out)],
        cwd=repo,
        env={**os.environ, "PYTHONPATH": str(MAIN), "CI": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (ran.returncode, ran.stderr) == (0, "")
    assert (out / planted).is_file() and not (out / planted).is_symlink()
    assert leftovers(out) == []


def test_read_regular_refuses_what_is_not_a_small_regular_file(tmp_path: Path) -> None:
    from memogen.build.writer import read_regular

    (tmp_path / "file").write_bytes(b"12345")
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "link").symlink_to(tmp_path / "file")
    assert read_regular(tmp_path / "file") == b"12345"
    assert read_regular(tmp_path / "file", limit=4) is None
    assert read_regular(tmp_path / "fifo") is None
    assert read_regular(tmp_path / "link") is None
    assert read_regular(tmp_path / "missing") is None


def test_the_catalogue_never_lists_a_folder_through_a_symlink(built: Built, tmp_path: Path) -> None:
    from memogen.pipeline import write_index

    repo, out = built.copy_to(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret-plans.pdf").write_bytes(b"precious")
    for child in (out / "tiny-service").iterdir():
        child.unlink()
    (out / "tiny-service").rmdir()
    (out / "tiny-service").symlink_to(outside)
    write_index([repo / "standards"], repo / "memogen.yaml", out)
    assert "secret-plans" not in (out / "index.html").read_text("utf-8")
