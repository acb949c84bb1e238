"""`memogen due ID --filed MOMENT`: text and JSON, in the standard's language, with located
refusals. (Named for memogen/due.py; the end-to-end runs go through the command line.)"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from memogen.cli import main

RepoWriter = Callable[..., Path]


@pytest.fixture
def repo(write_repo: RepoWriter, valid_standard_text: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    english = valid_standard_text
    russian = english.replace("language: en", "language: ru").replace(
        "id: tiny-service", "id: tiny-ru"
    )
    folder = write_repo(
        {"standards/tiny-service.yaml": english, "standards/tiny-ru.yaml": russian},
        config='calendar:\n  country: RU\n  cutoff: "17:00"\n',
    )
    monkeypatch.chdir(folder)
    return folder


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["due", *args])
    return result.exit_code, result.stdout, result.stderr


def test_due_prints_each_moment_in_english(repo: Path) -> None:
    assert run("tiny-service", "--filed", "2026-04-29 12:00") == (
        0,
        "Tiny service (tiny-service)\n"
        "Filed: Wednesday, 29 April 2026, 12:00\n"
        "Receipt confirmed by: 29 April 2026, 17:00\n"
        "1. Registration (1 business day): by 30 April 2026, 12:00\n"
        "2. Work (2 business days): by 5 May 2026, 13:00\n"
        "The result will be ready by: 5 May 2026, 13:00\n",
        "",
    )


def test_due_prints_each_moment_in_russian_across_the_may_holidays(repo: Path) -> None:
    assert run("tiny-ru", "--filed", "2026-05-08T10:00") == (
        0,
        "Tiny service (tiny-ru)\n"
        "Заявка подана: пятница, 8 мая 2026, 10:00\n"
        "Подтверждение получения не позднее: 8 мая 2026, 15:00\n"
        "1. Registration (1 рабочий день): не позднее 12 мая 2026, 11:00\n"
        "2. Work (2 рабочих дня): не позднее 14 мая 2026, 11:00\n"
        "Результат будет готов не позднее: 14 мая 2026, 11:00\n",
        "",
    )


def test_due_as_json_gives_iso_moments_with_their_offset(repo: Path) -> None:
    code, out, _ = run("tiny-ru", "--filed", "2026-04-29 17:30", "--format", "json")
    assert code == 0
    assert json.loads(out) == {
        "id": "tiny-ru",
        # after the 17:00 cut-off: counted from 30 April, a shortened day (09:00-17:00)
        "filed": "2026-04-29T17:30+03:00",
        "acknowledge_by": "2026-04-30T13:00+03:00",
        "stages": [
            {"name": "Registration", "deadline": "1 рабочий день", "due": "2026-05-04T10:00+03:00"},
            {"name": "Work", "deadline": "2 рабочих дня", "due": "2026-05-06T10:00+03:00"},
        ],
        "ready": "2026-05-06T10:00+03:00",
    }


def test_due_as_json_words_the_deadlines_in_an_english_standard_s_language(repo: Path) -> None:
    code, out, _ = run("tiny-service", "--filed", "2026-04-29T12:00+03:00", "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert [stage["deadline"] for stage in report["stages"]] == [
        "1 business day",
        "2 business days",
    ]
    assert (report["filed"], report["ready"]) == (
        "2026-04-29T12:00+03:00",
        "2026-05-05T13:00+03:00",
    )


def test_a_filing_moment_not_in_iso_form_is_a_usage_error_naming_the_option(repo: Path) -> None:
    code, _, err = run("tiny-service", "--filed", "29.04.2026 12:00")
    assert code == 2
    assert "'--filed': " in err  # click's words around memogen's sentence
    assert err.endswith(
        ": '29.04.2026 12:00' is not a date and time "
        "(write it as YYYY-MM-DD HH:MM, e.g. 2026-04-29 12:00)\n"
    )


def test_an_unknown_id_is_a_user_error_with_the_closest_id(repo: Path) -> None:
    assert run("tiny-servise", "--filed", "2026-04-29 12:00") == (
        1,
        "",
        "no valid standard has the id 'tiny-servise' (did you mean 'tiny-service'?)\n",
    )


def test_a_broken_standard_shows_its_own_errors(repo: Path) -> None:
    path = repo / "standards" / "tiny-ru.yaml"
    path.write_text(path.read_text("utf-8").replace("deadline: 3 business days", "deadline: soon"))
    code, _, err = run("tiny-ru", "--filed", "2026-04-29 12:00")
    assert code == 1
    assert err.startswith("standards/tiny-ru.yaml:")
    assert "deadline: 'soon' is not a duration" in err


def test_an_id_used_in_two_folders_is_refused_not_answered_from_one_of_them(repo: Path) -> None:
    """Which file memogen would take is a guess: the owner sees the clash, as in a build."""
    copy = repo / "standards" / "it" / "tiny-service.yaml"
    copy.parent.mkdir()
    copy.write_text(
        (repo / "standards" / "tiny-service.yaml")
        .read_text("utf-8")
        .replace("deadline: 3 business days", "deadline: 5 business days"),
        encoding="utf-8",
    )
    assert run("tiny-service", "--filed", "2026-04-29 12:00") == (
        1,
        "",
        "standards/tiny-service.yaml:2:5: error: id: the id 'tiny-service' is already used "
        "(by standards/it/tiny-service.yaml:2; every standard needs its own id)\n",
    )


def test_a_schedule_beyond_the_shipped_years_warns_at_calendar(repo: Path) -> None:
    code, out, err = run("tiny-service", "--filed", "2026-12-30 12:00")
    assert code == 0 and "2027" in out
    assert err == (
        "memogen.yaml:1:1: warning: calendar: the RU production calendar memogen ships covers "
        "2025–2026, not 2027 (days off in 2027 are only Saturdays and Sundays: list the holidays "
        "under calendar.holidays, or update memogen)\n"
    )


def test_without_a_calendar_section_a_workday_other_than_8_hours_is_refused(
    write_repo: RepoWriter, valid_standard_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_repo(
        {"standards/tiny-service.yaml": valid_standard_text}, config="workday_hours: 7\n"
    )
    monkeypatch.chdir(folder)
    assert run("tiny-service", "--filed", "2026-04-29 12:00") == (
        1,
        "",
        "without a calendar: section, memogen counts 09:00-18:00 with lunch 13:00-14:00, "
        "8 hours, but workday_hours is 7 (add calendar: with your working hours to "
        "memogen.yaml; see README, «Calendars»)\n",
    )


def test_a_schedule_past_the_year_9999_is_a_user_error_not_a_crash(repo: Path) -> None:
    assert run("tiny-service", "--filed", "9999-12-30 12:00") == (
        1,
        "",
        "tiny-service: a request filed on 9999-12-30 12:00 would be due after the year 9999, "
        "the last year memogen can count to (shorten the deadlines, or give an earlier date)\n",
    )
