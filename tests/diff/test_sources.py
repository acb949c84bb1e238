"""memogen.diff.sources: git mode against a temporary repository (`git show REV:path`), and
two files."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from memogen.cli import main
from tests.diff.diff_kit import TINY, edited

LONGER = edited("\ndeadline: 3 business days", "\ndeadline: 5 business days")


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository whose one commit holds the tiny standard; the working tree is clean."""
    (tmp_path / "standards").mkdir()
    (tmp_path / "standards" / "tiny-service.yaml").write_text(TINY, encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "first")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def diff(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["diff", *args])
    return result.exit_code, result.output


def test_git_mode_compares_the_working_tree_with_head(repo: Path) -> None:
    (repo / "standards" / "tiny-service.yaml").write_text(LONGER, encoding="utf-8")
    assert diff() == (
        0,
        "tiny-service: breaking: deadline: The total time is longer: was 3 business days, "
        "now 5 business days\n1 change(s): 1 breaking, 0 notable, 0 editorial\n",
    )


def test_git_mode_compares_with_an_older_revision(repo: Path) -> None:
    (repo / "standards" / "tiny-service.yaml").write_text(LONGER, encoding="utf-8")
    git(repo, "commit", "-qam", "longer")
    assert diff() == (0, "no changes\n")
    code, output = diff("--base", "HEAD~1", "--format", "json", "--fail-on", "notable")
    assert code == 1
    assert json.loads(output)[0]["changes"][0]["kind"] == "breaking"


def test_a_removed_file_is_a_withdrawn_service(repo: Path) -> None:
    (repo / "standards" / "tiny-service.yaml").unlink()
    assert diff()[1].startswith(
        "tiny-service: breaking: tiny-service: The service “Tiny service” is withdrawn\n"
    )


def test_a_standard_moved_into_a_department_folder_is_compared_by_its_id(repo: Path) -> None:
    """standards/ may hold one folder per department: a move is no withdrawal and no new
    service, and the change made with it is found."""
    (repo / "standards" / "support").mkdir()
    moved = repo / "standards" / "support" / "tiny-service.yaml"
    (repo / "standards" / "tiny-service.yaml").rename(moved)
    assert diff() == (0, "no changes\n")
    moved.write_text(LONGER, encoding="utf-8")
    assert diff() == (
        0,
        "tiny-service: breaking: deadline: The total time is longer: was 3 business days, "
        "now 5 business days\n1 change(s): 1 breaking, 0 notable, 0 editorial\n",
    )


def test_a_revision_git_does_not_know_is_one_sentence(repo: Path) -> None:
    assert diff("--base", "no-such-rev") == (
        1,
        "git cannot read the standards at revision 'no-such-rev' (run memogen diff inside a "
        "git repository, with --base naming a commit, a branch or a tag)\n",
    )


def test_two_files_are_compared_without_git(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "old.yaml").write_text(TINY, encoding="utf-8")
    (tmp_path / "new.yaml").write_text(LONGER, encoding="utf-8")
    code, output = diff("old.yaml", "new.yaml", "--fail-on", "breaking")
    assert (code, output.splitlines()[0]) == (
        1,
        "tiny-service: breaking: deadline: The total time is longer: was 3 business days, "
        "now 5 business days",
    )


def test_a_revision_that_looks_like_an_option_never_reaches_git(repo: Path) -> None:
    assert diff("--base", "--output=x") == (
        1,
        "'--output=x' is not a git revision (name a commit, a branch or a tag)\n",
    )
    assert not (repo / "x").exists()


def test_a_standard_in_a_folder_with_a_non_latin_name_is_compared_with_itself(repo: Path) -> None:
    """git quotes such a path in `ls-tree` unless told -z: the standard looked new."""
    folder = repo / "standards" / "кадры"
    folder.mkdir()
    (repo / "standards" / "tiny-service.yaml").rename(folder / "tiny-service.yaml")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "a department's folder")
    (folder / "tiny-service.yaml").write_text(LONGER, encoding="utf-8")
    assert diff() == (
        0,
        "tiny-service: breaking: deadline: The total time is longer: was 3 business days, "
        "now 5 business days\n1 change(s): 1 breaking, 0 notable, 0 editorial\n",
    )
