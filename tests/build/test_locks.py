"""Unit tests for memogen.build.locks: a lock held here is refused to another holder, is
never followed through a symlink, and is let go of on release."""

from __future__ import annotations

from pathlib import Path

import pytest

from memogen.build.locks import release_lock, try_lock


def test_a_held_lock_is_refused_to_another_holder_until_released(tmp_path: Path) -> None:
    first = try_lock(tmp_path / "x.lock")
    assert first is not None
    assert try_lock(tmp_path / "x.lock") is None  # another open file: another holder
    release_lock(first)
    again = try_lock(tmp_path / "x.lock")
    assert again is not None
    release_lock(again)


def test_a_lock_file_that_is_a_symlink_is_never_followed(tmp_path: Path) -> None:
    (tmp_path / "target").write_bytes(b"precious")
    (tmp_path / "x.lock").symlink_to(tmp_path / "target")
    with pytest.raises(OSError):
        try_lock(tmp_path / "x.lock")
    assert (tmp_path / "target").read_bytes() == b"precious"
