"""memogen.data.lifecycle: the history matches the version, a review date past the build day
warns (and fails --strict), and the build day comes from SOURCE_DATE_EPOCH."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from memogen.cli import main
from memogen.data.lifecycle import build_day
from tests.conftest import VALID_STANDARD_FILE, RepoWriter

TINY = VALID_STANDARD_FILE.read_text(encoding="utf-8")

CONTROLLED = """approved:
  by: Peter Sidorov
  date: 2026-11-20
review_by: 2027-09-01
history:
  - version: "1.0"
    date: 2026-12-01
    changes: First version
"""
DAY_2027_09_02 = "1819843200"  # 2027-09-02 00:00 UTC


def validate(repo_path: object, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    monkeypatch.chdir(str(repo_path))
    result = CliRunner().invoke(main, ["validate", *args])
    return result.exit_code, result.output


def test_approval_review_and_history_are_valid_fields(
    write_repo: RepoWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    repo = write_repo({"standards/tiny-service.yaml": TINY + CONTROLLED})
    assert validate(repo, monkeypatch) == (0, "1 file checked, all valid\n")


def test_a_review_date_past_the_build_day_is_a_warning_and_fails_strict(
    write_repo: RepoWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", DAY_2027_09_02)
    repo = write_repo({"standards/tiny-service.yaml": TINY + CONTROLLED})
    line = TINY.count("\n") + 4
    expected = (
        f"standards/tiny-service.yaml:{line}:12: warning: review_by: the review was due on "
        "2027-09-01, 1 day before 2027-09-02 (review the standard, then set a new "
        "'review_by' date)\n"
    )
    code, output = validate(repo, monkeypatch)
    assert (code, output.splitlines()[0]) == (0, expected.rstrip("\n"))
    assert validate(repo, monkeypatch, "--strict")[0] == 1


def test_the_newest_history_entry_must_be_the_version(
    write_repo: RepoWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01: review_by is ahead
    text = TINY + CONTROLLED.replace('version: "1.0"', 'version: "0.9"')
    repo = write_repo({"standards/tiny-service.yaml": text})
    line = TINY.count("\n") + 6
    code, output = validate(repo, monkeypatch)
    assert code == 1
    assert output.splitlines()[0] == (
        f"standards/tiny-service.yaml:{line}:14: error: history.0.version: the newest history "
        "entry is version '0.9', but the standard is version '1.0' (put the entry of the "
        "current version first (newest first), or correct 'version')"
    )


def test_the_build_day_is_source_date_epochs_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", DAY_2027_09_02)
    assert build_day() == date(2027, 9, 2)
