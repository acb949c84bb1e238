"""`memogen diff` and `lint --base` read the standards of a git revision with the bounds of
any standard: a file over 256 KiB at that revision is refused from its size in git's tree,
before memogen asks git for a byte of it (`git show` would hand over the whole blob)."""

from __future__ import annotations

import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from memogen.cli import main
from memogen.diff import sources
from tests.conftest import VALID_STANDARD_FILE


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def test_a_standard_too_large_at_the_base_revision_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    standard = tmp_path / "standards" / "tiny-service.yaml"
    standard.parent.mkdir()
    text = VALID_STANDARD_FILE.read_text(encoding="utf-8")
    standard.write_text(text + "#" * (300 * 1024) + "\n", encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "a padded standard")
    standard.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    ran: list[Sequence[str]] = []
    real_run = subprocess.run

    def recorded(args: Sequence[str], **kwargs: Any) -> Any:
        ran.append(args)
        return real_run(args, **kwargs)

    monkeypatch.setattr(sources.subprocess, "run", recorded)
    result = CliRunner().invoke(main, ["diff"])
    assert (result.exit_code, result.output) == (
        1,
        "HEAD:standards/tiny-service.yaml:1:1: error: the file is larger than 256 KiB "
        "(a standard is a few pages of text; split it or shorten it)\n",
    )
    assert [args[3] for args in ran] == ["ls-tree"]  # git -C ROOT ls-tree …: nothing read
