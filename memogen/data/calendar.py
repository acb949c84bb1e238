"""Production calendars: which days are worked, which are off, which are an hour shorter.

memogen ships the official calendars as data files (`calendars/<country>-<year>.json`), each
naming its legal source: the public holidays, the days off moved by law or decree, and the
shortened pre-holiday days. A year without a file counts only Saturdays and Sundays as days
off; `uncovered` says which years those are, so that the caller can warn.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib.resources import files
from typing import Any

from memogen.i18n import _

COUNTRIES = ("RU",)


@dataclass(frozen=True)
class CalendarYear:
    """One year of a country's official calendar, as its file states it."""

    country: str
    year: int
    source: str
    holidays: frozenset[date]
    transfers: tuple[tuple[date, date], ...]  # (a day off moved, the day it moved to)
    shortened: frozenset[date]

    @property
    def days_off_on_weekdays(self) -> frozenset[date]:
        """Holidays from Monday to Friday and the weekdays days off were moved to."""
        moved_to = {to for _, to in self.transfers}
        return frozenset(day for day in self.holidays | moved_to if day.weekday() < 5)

    @property
    def worked_weekends(self) -> frozenset[date]:
        """A Saturday or Sunday whose day off moved away, unless it is itself a holiday."""
        return (
            frozenset(moved for moved, _ in self.transfers if moved not in self.holidays)
            - self.days_off_on_weekdays
        )


@dataclass(frozen=True)
class Calendar:
    """A country's calendar for the years memogen ships, plus a company's own exceptions."""

    country: str
    years: frozenset[int]
    days_off: frozenset[date]  # off although Monday to Friday
    workdays: frozenset[date]  # worked although Saturday or Sunday
    shortened: frozenset[date]  # worked, one hour shorter
    sources: tuple[str, ...]

    def is_working(self, day: date) -> bool:
        if day in self.workdays:
            return True
        return day.weekday() < 5 and day not in self.days_off

    def is_shortened(self, day: date) -> bool:
        return day in self.shortened and self.is_working(day)

    def covers(self, year: int) -> bool:
        return year in self.years

    def span(self) -> str:
        """The years covered, as people write them: `2025–2026`, or `2025, 2027`."""
        years = sorted(self.years)
        if years and years == list(range(years[0], years[-1] + 1)) and len(years) > 1:
            return f"{years[0]}–{years[-1]}"
        return ", ".join(str(year) for year in years)

    def exceptions(self) -> dict[str, Any]:
        """The calendar as the guide's calculator reads it: only what differs from a plain
        Monday-to-Friday week, as ISO dates."""
        return {
            "years": sorted(self.years),
            "off": sorted(day.isoformat() for day in self.days_off),
            "work": sorted(day.isoformat() for day in self.workdays),
            "short": sorted(day.isoformat() for day in self.shortened),
        }


def uncovered_words(calendar: Calendar, years: Iterable[int]) -> tuple[str, str]:
    """The warning (message, hint) for years the shipped calendar does not cover."""
    named = Calendar("", frozenset(years), frozenset(), frozenset(), frozenset(), ()).span()
    return (
        _("the {country} production calendar memogen ships covers {span}, not {named}").format(
            country=calendar.country, span=calendar.span(), named=named
        ),
        _(
            "days off in {named} are only Saturdays and Sundays: list the holidays under "
            "calendar.holidays, or update memogen"
        ).format(named=named),
    )


def load_calendar(
    country: str, holidays: Iterable[date] = (), workdays: Iterable[date] = ()
) -> Calendar:
    """The shipped calendar of `country`, with a company's extra days off and working days."""
    years = shipped_years(country)
    extra_off, extra_work = frozenset(holidays), frozenset(workdays)
    days_off = frozenset().union(*(y.days_off_on_weekdays for y in years))
    worked = frozenset().union(*(y.worked_weekends for y in years))
    return Calendar(
        country=country,
        years=frozenset(y.year for y in years),
        days_off=(days_off | {d for d in extra_off if d.weekday() < 5}) - extra_work,
        workdays=(worked | {d for d in extra_work if d.weekday() >= 5}) - extra_off,
        shortened=frozenset().union(*(y.shortened for y in years)) - extra_off,
        sources=tuple(y.source for y in years),
    )


@cache
def shipped_years(country: str) -> tuple[CalendarYear, ...]:
    """Every year of `country` memogen ships, oldest first."""
    folder = files("memogen.data").joinpath("calendars")
    prefix = f"{country.lower()}-"
    names = sorted(
        entry.name
        for entry in folder.iterdir()
        if entry.name.startswith(prefix) and entry.name.endswith(".json")
    )
    return tuple(_year(json.loads(folder.joinpath(name).read_text("utf-8"))) for name in names)


def _year(raw: dict[str, Any]) -> CalendarYear:
    return CalendarYear(
        country=raw["country"],
        year=raw["year"],
        source=raw["source"],
        holidays=frozenset(date.fromisoformat(day) for day in raw["holidays"]),
        transfers=tuple(
            (date.fromisoformat(t["from"]), date.fromisoformat(t["to"])) for t in raw["transfers"]
        ),
        shortened=frozenset(date.fromisoformat(day) for day in raw["shortened"]),
    )
