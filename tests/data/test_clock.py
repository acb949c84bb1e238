"""The deadline clock on the shipped RU calendar, 09:00-18:00 with lunch 13:00-14:00."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest

from memogen.data.calendar_settings import CalendarOptions
from memogen.data.clock import Clock, clock_for, first_working_noon
from memogen.data.durations import parse_duration
from memogen.data.models import Standard
from memogen.errors import UserError

MSK = ZoneInfo("Europe/Moscow")


def clock(**options: object) -> Clock:
    return clock_for(CalendarOptions.model_validate(options), 8)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=MSK)


def due(filed: str, duration: str, **options: object) -> str:
    chosen = clock(**options)
    moment = chosen.add(chosen.start(at(filed)), parse_duration(duration))
    return f"{moment:%Y-%m-%d %H:%M}"


@pytest.mark.parametrize(
    ("filed", "duration", "ready"),
    [
        # the examples: 1-3 May are off; 9 May is a Saturday holiday, so 11 May is off
        ("2026-04-29 12:00", "3 business days", "2026-05-05 13:00"),
        ("2026-05-08 10:00", "2 business days", "2026-05-13 11:00"),
        # before hours: from 09:00 the same day
        ("2026-04-28 07:30", "4 business hours", "2026-04-28 13:00"),
        # during lunch: from 14:00
        ("2026-04-28 13:20", "1 business hour", "2026-04-28 15:00"),
        # after hours: from 09:00 the next working day
        ("2026-04-28 19:00", "1 business day", "2026-04-29 18:00"),
        # on a holiday: from the next working day (12 June is a Friday, 15 June a Monday)
        ("2026-06-12 11:00", "2 business hours", "2026-06-15 11:00"),
        # before a transfer: Thursday 8 January is a holiday and Friday 9 January is off too
        ("2026-01-08 10:00", "1 business hour", "2026-01-12 10:00"),
        # across the new year: 31 December 2025 and 1-11 January 2026 are off
        ("2025-12-30 15:00", "1 business day", "2026-01-12 15:00"),
        # a business day on a shortened day: 30 April ends at 17:00
        ("2026-04-30 09:00", "8 business hours", "2026-05-04 10:00"),
        # a deadline that ends with the working day ends at 18:00, not the next morning
        ("2026-04-28 09:00", "1 business day", "2026-04-28 18:00"),
        # elapsed time runs through nights and holidays, from the next working moment
        ("2026-04-30 12:00", "3 days", "2026-05-03 12:00"),
        ("2026-05-01 10:00", "2 hours", "2026-05-04 11:00"),
        ("2026-04-28 10:00", "1 week", "2026-05-05 10:00"),
    ],
)
def test_deadlines_run_on_working_hours_of_working_days(
    filed: str, duration: str, ready: str
) -> None:
    assert due(filed, duration) == ready


def test_a_request_after_the_cut_off_counts_from_the_next_working_day() -> None:
    assert due("2026-04-28 17:30", "1 business hour", cutoff="17:00") == "2026-04-29 10:00"
    assert due("2026-04-28 17:00", "1 business hour", cutoff="17:00") == "2026-04-28 18:00"


def test_working_hours_without_lunch_run_straight_through() -> None:
    assert due("2026-04-28 12:00", "2 business hours", hours="09:00-17:00") == "2026-04-28 14:00"


def test_a_moment_with_another_offset_is_read_in_the_calendar_s_zone() -> None:
    chosen = clock()
    filed = datetime(2026, 4, 28, 6, 0, tzinfo=ZoneInfo("UTC"))  # 09:00 in Moscow
    assert chosen.start(filed) == at("2026-04-28 09:00")


def test_the_schedule_sums_the_stages_and_promises_the_total(tiny_standard: Standard) -> None:
    standard = tiny_standard
    schedule = clock().schedule(standard, at("2026-04-29 12:00"))
    assert [f"{due:%m-%d %H:%M}" for _, due in schedule.stages] == ["04-30 12:00", "05-05 13:00"]
    assert f"{schedule.acknowledge_by:%m-%d %H:%M}" == "04-29 17:00"
    assert f"{schedule.ready:%m-%d %H:%M}" == "05-05 13:00"
    assert schedule.uncovered == ()


def test_the_schedule_names_the_years_the_calendar_does_not_cover(
    tiny_standard: Standard,
) -> None:
    assert clock().schedule(tiny_standard, at("2026-12-30 12:00")).uncovered == (2027,)


def test_the_example_files_at_noon_on_the_first_working_day() -> None:
    assert first_working_noon(clock(), datetime(2026, 1, 1).date()) == at("2026-01-12 12:00")
    assert first_working_noon(clock(), datetime(2026, 4, 29).date()).time() == time(12)


def test_a_machine_without_the_time_zone_says_how_to_install_it() -> None:
    options = CalendarOptions.model_construct(timezone="Nowhere/Atlantis")
    with pytest.raises(UserError) as caught:
        clock_for(options, 8)
    assert str(caught.value) == (
        "the time zone 'Nowhere/Atlantis' is not installed on this machine "
        "(install the tz database: apt-get install tzdata, or pip install tzdata)"
    )
