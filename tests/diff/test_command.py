"""memogen.diff.command: two files without --base are compared with each other; with --base,
each with git."""

from __future__ import annotations

from pathlib import Path

from memogen.diff.command import _two_files


def test_two_yaml_files_without_base_are_the_two_file_mode(tmp_path: Path) -> None:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text("a", encoding="utf-8")
    new.write_text("b", encoding="utf-8")
    assert _two_files([old, new], None)
    assert not _two_files([old, new], "HEAD")
    assert not _two_files([old], None)
    assert not _two_files([tmp_path, new], None)
