"""Guarantee: a date or a deadline far in the future is a user error, one sentence, exit 1 —
never exit 3 with a traceback. Python's dates end on 9999-12-31: a request filed then, or
stages of 99999 weeks each (a warning only: they cannot be compared with business days),
overflowed the deadline clock in `memogen due` and in every build of the guide's example."""

from __future__ import annotations

from pathlib import Path

from .adversarial_kit import TINY_TEXT, Cli, make_repo

# The guide's worked example (a filing, each stage due) is printed with a calendar only.
WITH_CALENDAR = "language: en\ncalendar:\n  country: RU\n"
PAST_9999 = (
    "tiny-service: a request filed on {filed} would be due after the year 9999, the last "
    "year memogen can count to (shorten the deadlines, or give an earlier date)\n"
)


def test_a_filing_at_the_end_of_time_is_one_sentence(tmp_path: Path, cli: Cli) -> None:
    repo = make_repo(tmp_path)
    ran = cli("due", "tiny-service", "--filed", "9999-12-31 23:59", cwd=repo)
    assert (ran.code, ran.stdout, ran.stderr) == (
        1,
        "",
        PAST_9999.format(filed="9999-12-31 23:59"),
    )


def test_stages_that_run_past_the_year_9999_stop_the_build_with_one_sentence(
    tmp_path: Path, cli: Cli
) -> None:
    """Two stages of 99999 weeks: 3,833 years, from a standard effective on Monday 7000-12-01."""
    endless = (
        TINY_TEXT.replace("deadline: 1 business day", "deadline: 99999 weeks")
        .replace("deadline: 2 business days", "deadline: 99999 weeks")
        .replace("effective: 2026-12-01", "effective: 7000-12-01")
    )
    repo = make_repo(tmp_path, {"tiny-service.yaml": endless}, config=WITH_CALENDAR)
    ran = cli("due", "tiny-service", "--filed", "7000-12-01 12:00", cwd=repo)
    assert (ran.code, ran.stderr) == (1, PAST_9999.format(filed="7000-12-01 12:00"))
    ran = cli("build", "-j", "1", "--artifact", "guide", "--format", "html", cwd=repo)
    assert ran.code == 1
    assert ran.stderr.splitlines()[-1] == PAST_9999.format(filed="7000-12-01 12:00").rstrip()


def test_an_effective_date_at_the_end_of_time_stops_the_build_with_one_sentence(
    tmp_path: Path, cli: Cli
) -> None:
    last_day = TINY_TEXT.replace("effective: 2026-12-01", "effective: 9999-12-31")
    repo = make_repo(tmp_path, {"tiny-service.yaml": last_day}, config=WITH_CALENDAR)
    ran = cli("build", "-j", "1", "--artifact", "guide", "--format", "html", cwd=repo)
    assert ran.code == 1
    assert ran.stderr.splitlines()[-1] == PAST_9999.format(filed="9999-12-31 12:00").rstrip()
