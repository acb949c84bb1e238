"""The shipped production calendars, day by day against the official tables.

2026: Постановление Правительства РФ от 24.09.2025 № 1466 and the Labour Code (arts. 95, 112);
2025: Постановление Правительства РФ от 04.10.2024 № 1335. The month totals are those of the
official production calendar (40-hour week): 247 working days and 1972 hours in each year.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from memogen.data.calendar import load_calendar, shipped_years, uncovered_words

CALENDAR = load_calendar("RU")

# Every day off from Monday to Friday in 2026, and the days an hour shorter.
DAYS_OFF_2026 = {
    date(2026, 1, 1),
    date(2026, 1, 2),
    date(2026, 1, 5),
    date(2026, 1, 6),
    date(2026, 1, 7),
    date(2026, 1, 8),
    date(2026, 1, 9),  # moved from Saturday 3 January
    date(2026, 2, 23),
    date(2026, 3, 9),  # 8 March is a Sunday
    date(2026, 5, 1),
    date(2026, 5, 11),  # 9 May is a Saturday
    date(2026, 6, 12),
    date(2026, 11, 4),
    date(2026, 12, 31),  # moved from Sunday 4 January
}
SHORTENED_2026 = {date(2026, 4, 30), date(2026, 5, 8), date(2026, 6, 11), date(2026, 11, 3)}
WORKING_DAYS_BY_MONTH = {
    2025: [17, 20, 21, 22, 18, 19, 23, 21, 22, 23, 19, 22],
    2026: [15, 19, 21, 22, 19, 21, 23, 21, 22, 22, 20, 22],
}


def days_of(year: int) -> list[date]:
    first = date(year, 1, 1)
    return [first + timedelta(days=n) for n in range((date(year + 1, 1, 1) - first).days)]


def test_every_2026_day_off_and_working_day_is_the_official_one() -> None:
    for day in days_of(2026):
        official = day.weekday() < 5 and day not in DAYS_OFF_2026
        assert CALENDAR.is_working(day) is official, day


def test_every_2026_shortened_day_is_the_official_one() -> None:
    assert {day for day in days_of(2026) if CALENDAR.is_shortened(day)} == SHORTENED_2026


def test_2025_moves_a_working_saturday_and_five_days_off() -> None:
    assert CALENDAR.is_working(date(2025, 11, 1))  # Saturday, worked: its day off is 3 November
    for day in (date(2025, 5, 2), date(2025, 5, 8), date(2025, 6, 13), date(2025, 11, 3)):
        assert not CALENDAR.is_working(day), day
    assert not CALENDAR.is_working(date(2025, 12, 31))
    assert {d for d in days_of(2025) if CALENDAR.is_shortened(d)} == {
        date(2025, 3, 7),
        date(2025, 4, 30),
        date(2025, 6, 11),
        date(2025, 11, 1),
    }


@pytest.mark.parametrize("year", [2025, 2026])
def test_the_months_have_the_official_number_of_working_days_and_hours(year: int) -> None:
    counted = [
        sum(CALENDAR.is_working(d) for d in days_of(year) if d.month == month)
        for month in range(1, 13)
    ]
    worked = [d for d in days_of(year) if CALENDAR.is_working(d)]
    assert counted == WORKING_DAYS_BY_MONTH[year]
    assert len(worked) * 8 - sum(CALENDAR.is_shortened(d) for d in worked) == 1972


def test_each_shipped_year_names_its_official_source() -> None:
    sources = {year.year: year.source for year in shipped_years("RU")}
    assert "от 04.10.2024 № 1335" in sources[2025]
    assert "от 24.09.2025 № 1466" in sources[2026]
    assert all("ст. 112" in source and "ст. 95" in source for source in sources.values())


def test_a_company_s_own_days_off_and_working_days_override_the_calendar() -> None:
    calendar = load_calendar(
        "RU", holidays=[date(2026, 12, 30)], workdays=[date(2026, 1, 9), date(2026, 12, 26)]
    )
    assert not calendar.is_working(date(2026, 12, 30))
    assert calendar.is_working(date(2026, 1, 9))  # a day off moved by decree, worked here
    assert calendar.is_working(date(2026, 12, 26))  # a Saturday


def test_a_year_without_a_file_counts_only_weekends_as_days_off() -> None:
    assert not CALENDAR.covers(2031)
    assert CALENDAR.is_working(date(2031, 1, 2))  # a holiday memogen does not know yet
    assert not CALENDAR.is_working(date(2031, 1, 4))  # a Saturday


def test_the_warning_names_the_uncovered_years_and_the_covered_ones() -> None:
    assert uncovered_words(CALENDAR, [2027, 2028]) == (
        "the RU production calendar memogen ships covers 2025–2026, not 2027–2028",
        "days off in 2027–2028 are only Saturdays and Sundays: list the holidays under "
        "calendar.holidays, or update memogen",
    )


def test_the_calculator_gets_only_what_differs_from_a_plain_week() -> None:
    exceptions = CALENDAR.exceptions()
    assert exceptions["years"] == [2025, 2026]
    assert "2026-01-09" in exceptions["off"] and "2026-01-03" not in exceptions["off"]
    assert exceptions["work"] == ["2025-11-01"]
    assert exceptions["short"][-4:] == ["2026-04-30", "2026-05-08", "2026-06-11", "2026-11-03"]
