"""The `calendar:` section of memogen.yaml: country, working hours, time zone, cut-off, a
company's own days off and working days, and the filing moment of the worked example.
Each value is checked on its own (data/times.py); `rules()` checks them against each other and
against `workday_hours` (config.py places what it finds at the right line and column)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Literal

from memogen.data.document import KeyPath
from memogen.data.fields import IsoDate
from memogen.data.models import Strict, documented
from memogen.data.times import Hours, Moment, Span, TimeOfDay, TimeZone, parse_span
from memogen.i18n import _

DEFAULT_HOURS, DEFAULT_LUNCH = "09:00-18:00", "13:00-14:00"


class CalendarOptions(Strict):
    country: Literal["RU"] = documented(
        "The production calendar memogen ships: holidays, transfers, shortened days.",
        "RU",
        default="RU",
    )
    hours: Hours | None = documented(
        "Working hours; without them, 09:00-18:00 with lunch 13:00-14:00.",
        "09:00-18:00",
        default=None,
    )
    lunch: Hours | None = documented(
        "Lunch break within the working hours; hours less lunch make workday_hours.",
        "13:00-14:00",
        default=None,
    )
    timezone: TimeZone = documented(
        "Time zone of the working hours (tz database name).",
        "Europe/Moscow",
        default="Europe/Moscow",
    )
    cutoff: TimeOfDay | None = documented(
        "A request filed later counts from the next working day.", "17:00", default=None
    )
    holidays: list[IsoDate] = documented(
        "The company's own extra days off (YYYY-MM-DD).", ["2026-12-30"], default=[], max_length=366
    )
    workdays: list[IsoDate] = documented(
        "The company's own extra working days (YYYY-MM-DD).", [], default=[], max_length=366
    )
    example_filed: Moment | None = documented(
        "When the worked example in the guide and email files its request; "
        "default: 12:00 on the first working day from the standard's effective date.",
        "2026-04-29 12:00",
        default=None,
    )

    @property
    def working_hours(self) -> Span:
        return self.hours or parse_span(DEFAULT_HOURS)

    @property
    def lunch_break(self) -> Span | None:
        return self.lunch if self.hours else self.lunch or parse_span(DEFAULT_LUNCH)

    @property
    def workday_minutes(self) -> int:
        lunch = self.lunch_break
        return self.working_hours.minutes - (lunch.minutes if lunch else 0)

    def extra_days(self) -> tuple[frozenset[date], frozenset[date]]:
        return frozenset(self.holidays), frozenset(self.workdays)


def rules(options: CalendarOptions, workday_hours: int) -> Iterator[tuple[KeyPath, str, str]]:
    """What the values break together: (where, message, hint)."""
    hours, lunch = options.working_hours, options.lunch_break
    if lunch and not hours.holds(lunch):
        message = _("the lunch break {lunch} is not within the working hours {hours}")
        hint = _("move the break inside the working hours")
        yield ("calendar", "lunch"), message.format(lunch=lunch, hours=hours), hint
        return
    worked = options.workday_minutes
    if worked != workday_hours * 60:
        message = (
            _(
                "the working hours {hours} less lunch {lunch} make {worked:g} hours, but "
                "workday_hours is {count}"
            )
            if lunch
            else _("the working hours {hours} make {worked:g} hours, but workday_hours is {count}")
        )
        told = message.format(hours=hours, lunch=lunch, worked=worked / 60, count=workday_hours)
        hint = _("change the hours or the lunch break, or workday_hours")
        yield ("calendar", "hours"), told, hint
    cutoff = options.cutoff
    if cutoff is not None and not hours.start < cutoff <= hours.end:
        message = _("the cut-off {cutoff} is outside the working hours {hours}")
        hint = _("set a time within the working hours, e.g. 17:00")
        yield ("calendar", "cutoff"), message.format(cutoff=f"{cutoff:%H:%M}", hours=hours), hint
