"""A standard is read only from inside the repo: a link to a file outside it is refused with a
located error that echoes nothing of the file, and linked or hidden folders that lead out are
not searched."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .adversarial_kit import MAIN, TINY_TEXT, Cli, make_repo

SECRET = "SECRET-TOKEN-4242"
# Read as a standard, every line of it would be echoed by some message (an id, a key, a value).
SECRET_TEXT = f"memogen: 1\nid: {SECRET}\n{SECRET}: {SECRET}\ntitle: {SECRET} #{SECRET}\n"
REFUSED = (
    "standards/leak.yaml:1:1: error: this file is a link to a file outside the repo, and "
    "memogen does not read it (copy the standard into the repo instead of linking to it)"
)


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the repo holding a file with a secret."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "leak.yaml").write_text(SECRET_TEXT, encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "args",
    [("validate",), ("validate", "--format", "json"), ("lint",), ("build", "-j", "1")],
    ids=["validate", "json", "lint", "build"],
)
def test_a_standard_linked_from_outside_the_repo_is_refused_without_a_word_of_it(
    args: tuple[str, ...], outside: Path, cli: Cli, tmp_path: Path
) -> None:
    repo = make_repo(tmp_path / "repo")
    (repo / "standards" / "leak.yaml").symlink_to(outside / "leak.yaml")
    ran = cli(*args, cwd=repo)
    assert ran.code == 1
    assert SECRET not in ran.stdout + ran.stderr
    if args == ("validate",):
        assert ran.stdout.splitlines() == [REFUSED, "2 files checked: 1 error(s), 0 warning(s)"]


def test_a_standard_named_by_its_link_on_the_command_line_is_refused_too(
    outside: Path, cli: Cli, tmp_path: Path
) -> None:
    repo = make_repo(tmp_path / "repo")
    (repo / "standards" / "leak.yaml").symlink_to(outside / "leak.yaml")
    ran = cli("validate", "standards/leak.yaml", cwd=repo)
    assert (ran.code, ran.stdout.splitlines()[0]) == (1, REFUSED)
    assert SECRET not in ran.stdout + ran.stderr


def test_linked_and_hidden_folders_that_lead_out_of_the_repo_are_not_searched(
    outside: Path, cli: Cli, tmp_path: Path
) -> None:
    repo = make_repo(tmp_path / "repo")
    (repo / "standards" / "department").symlink_to(outside, target_is_directory=True)
    (repo / "standards" / ".hidden").mkdir()
    (repo / "standards" / ".hidden" / "leak.yaml").write_text(SECRET_TEXT, encoding="utf-8")
    (repo / "standards" / "loop").symlink_to(repo / "standards", target_is_directory=True)
    ran = cli("validate", cwd=repo)
    assert (ran.code, ran.stdout, ran.stderr) == (0, "1 file checked, all valid\n", "")


def test_a_link_to_a_standard_inside_the_repo_is_read_under_its_own_name(
    cli: Cli, tmp_path: Path
) -> None:
    repo = make_repo(tmp_path / "repo")
    (repo / "shared").mkdir()
    (repo / "shared" / "other-service.yaml").write_text(
        TINY_TEXT.replace("id: tiny-service", "id: other-service"), encoding="utf-8"
    )
    (repo / "standards" / "other-service.yaml").symlink_to(repo / "shared" / "other-service.yaml")
    ran = cli("validate", cwd=repo)
    assert (ran.code, ran.stdout) == (0, "2 files checked, all valid\n")


def _served_error_page(repo: Path, file: str) -> str:
    """The preview's error page for the refusal of `file` (what `memogen serve` shows)."""
    from memogen.project import open_project
    from memogen.serve.pages import error_page
    from memogen.serve.status import Failure

    _, checked = open_project(repo / "memogen.yaml").check([])
    assert [(issue.file, issue.line) for issue in checked.issues] == [(file, 1)]
    return error_page([Failure(tuple(checked.issues))], repo, "t-1")


def test_the_preview_error_page_shows_nothing_of_a_standard_linked_from_outside(
    outside: Path, tmp_path: Path
) -> None:
    repo = make_repo(tmp_path / "repo")
    (outside / "first-line.yaml").write_text(f"{SECRET}\n", encoding="utf-8")
    (repo / "standards" / "leak.yaml").symlink_to(outside / "first-line.yaml")
    page = _served_error_page(repo, "standards/leak.yaml")
    assert SECRET not in page
    assert "<pre>" not in page  # no excerpt: the file is not read
    assert "this file is a link to a file outside the repo" in page


NOT_REGULAR = (
    "standards/pipe.yaml:1:1: error: cannot read the file: it is not a regular file "
    "(make it a plain file of YAML text)"
)


def test_a_fifo_among_the_standards_is_refused_unread_not_waited_for(tmp_path: Path) -> None:
    """Opening a FIFO with no writer blocks for ever: `validate` must say what it is instead."""
    repo = make_repo(tmp_path / "repo")
    os.mkfifo(repo / "standards" / "pipe.yaml")
    ran = subprocess.run(
        [sys.executable, "-m", "memogen", "validate"],
        cwd=repo,
        env={**os.environ, "PYTHONPATH": str(MAIN), "CI": "1", "MEMOGEN_LANG": "en"},
        capture_output=True,
        text=True,
        timeout=120,  # a bound on a hung run, never an expected duration
    )
    assert (ran.returncode, ran.stdout.splitlines()) == (
        1,
        [NOT_REGULAR, "2 files checked: 1 error(s), 0 warning(s)"],
    )


def test_a_staff_list_linked_from_outside_the_repo_is_refused_unread(
    outside: Path, cli: Cli, tmp_path: Path
) -> None:
    repo = make_repo(tmp_path / "repo", config="language: en\nack:\n  staff: staff.csv\n")
    (outside / "staff.csv").write_text(f"name,position\n{SECRET},{SECRET}\n", encoding="utf-8")
    (repo / "staff.csv").symlink_to(outside / "staff.csv")
    ran = cli("validate", cwd=repo)
    assert ran.code == 1
    assert ran.stdout.splitlines()[0] == (
        "staff.csv:1:1: error: the staff list is missing from the repo (check the path of "
        "ack.staff; it is relative to memogen.yaml)"
    )
    assert SECRET not in ran.stdout + ran.stderr
