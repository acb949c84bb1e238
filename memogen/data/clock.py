"""The deadline clock: from the moment a request is filed to the moment each promise is due.

Business hours and business days run only within working hours on working days (a business
day is `workday_hours` business hours; a shortened pre-holiday day ends an hour early).
Minutes, hours, calendar days and weeks run on elapsed time, counted on the wall clock of the
calendar's time zone. A request filed outside working hours, or after the cut-off, starts the
clock at the next working moment. Each stage is due at the running sum of the deadlines.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from memogen.data.calendar import Calendar, load_calendar
from memogen.data.calendar_settings import CalendarOptions
from memogen.data.durations import Duration
from memogen.data.models import Stage, Standard
from memogen.data.times import Span
from memogen.errors import UserError
from memogen.i18n import _

SHORTENED_BY = timedelta(hours=1)
# A business deadline never needs more days than this to run out (99999 business days, the
# longest a standard can write, take about 140,000 days): the walk is bounded whatever happens.
_MAX_DAYS = 200_000


@dataclass(frozen=True)
class Schedule:
    """When a request filed at `filed` is acknowledged, when each stage is due, when the
    result is ready; moments in the calendar's time zone."""

    filed: datetime
    start: datetime
    acknowledge_by: datetime | None
    stages: tuple[tuple[Stage, datetime], ...]
    ready: datetime
    uncovered: tuple[int, ...]  # years the clock ran through that the calendar does not cover


@dataclass(frozen=True)
class Clock:
    calendar: Calendar
    hours: Span
    lunch: Span | None
    cutoff: time | None
    zone: ZoneInfo
    workday_hours: int

    def local(self, moment: datetime) -> datetime:
        """A moment as wall time in the calendar's zone (a naive moment is taken as such)."""
        if moment.tzinfo is None:
            return moment.replace(tzinfo=self.zone)
        return moment.astimezone(self.zone)

    def intervals(self, day: date) -> list[tuple[datetime, datetime]]:
        """The working stretches of `day` ([] on a day off), lunch left out."""
        if not self.calendar.is_working(day):
            return []
        begin = datetime.combine(day, self.hours.start, self.zone)
        end = datetime.combine(day, self.hours.end, self.zone)
        if self.calendar.is_shortened(day):
            end -= SHORTENED_BY
        stretches = [(begin, end)]
        if self.lunch is not None:
            pause = (
                datetime.combine(day, self.lunch.start, self.zone),
                datetime.combine(day, self.lunch.end, self.zone),
            )
            stretches = [(begin, min(end, pause[0])), (max(begin, pause[1]), end)]
        return [(start, stop) for start, stop in stretches if start < stop]

    def start(self, filed: datetime) -> datetime:
        """The moment the clock starts for a request filed at `filed`."""
        filed = self.local(filed)
        late = self.cutoff is not None and filed.time() > self.cutoff
        if late:
            filed = datetime.combine(filed.date() + timedelta(days=1), time(0), self.zone)
        return self._next_working_moment(filed)

    def add(self, moment: datetime, duration: Duration) -> datetime:
        """`moment` plus `duration`, on the duration's own clock."""
        minutes = math.ceil(duration.minutes(self.workday_hours))
        if not duration.is_business:
            return moment + timedelta(minutes=minutes)
        for begin, end in self._stretches_from(moment):
            available = int((end - begin).total_seconds()) // 60
            if minutes <= available:
                return begin + timedelta(minutes=minutes)
            minutes -= available
        raise ValueError("a business deadline ran past the end of the calendar")

    def schedule(self, standard: Standard, filed: datetime) -> Schedule:
        """The schedule of a request filed at `filed`; a UserError naming the standard when it
        runs past 9999-12-31, the last day a date holds (a filing then, stages of 99999 weeks)."""
        try:
            return self._schedule(standard, filed)
        except OverflowError:
            raise UserError(
                _(
                    "{id}: a request filed on {filed} would be due after the year 9999, the last "
                    "year memogen can count to (shorten the deadlines, or give an earlier date)"
                ).format(id=standard.id, filed=f"{filed.date().isoformat()} {filed:%H:%M}")
            ) from None

    def _schedule(self, standard: Standard, filed: datetime) -> Schedule:
        start = self.start(filed)
        within = standard.request.acknowledge_within
        stages: list[tuple[Stage, datetime]] = []
        moment = start
        for stage in standard.stages:
            moment = self.add(moment, stage.deadline)
            stages.append((stage, moment))
        ready = self.add(start, standard.deadline)
        latest = max([ready, *(due for _, due in stages)])
        first = self.local(filed).year
        return Schedule(
            filed=self.local(filed),
            start=start,
            acknowledge_by=self.add(start, within) if within else None,
            stages=tuple(stages),
            ready=ready,
            uncovered=tuple(
                y for y in range(first, latest.year + 1) if not self.calendar.covers(y)
            ),
        )

    def _next_working_moment(self, moment: datetime) -> datetime:
        return next(self._stretches_from(moment))[0]

    def _stretches_from(self, moment: datetime) -> Iterator[tuple[datetime, datetime]]:
        """The working stretches from `moment` on, the first one cut at `moment`."""
        day = moment.date()
        for _day in range(_MAX_DAYS):
            for begin, end in self.intervals(day):
                if end > moment:
                    yield max(begin, moment), end
            day += timedelta(days=1)


def clock_for(options: CalendarOptions, workday_hours: int) -> Clock:
    """The clock of memogen.yaml's `calendar:` section (or of its defaults)."""
    holidays, workdays = options.extra_days()
    try:  # the default zone is not validated: a machine may lack the tz database
        zone = ZoneInfo(options.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise UserError(
            _(
                "the time zone '{timezone}' is not installed on this machine (install the tz "
                "database: apt-get install tzdata, or pip install tzdata)"
            ).format(timezone=options.timezone)
        ) from None
    return Clock(
        calendar=load_calendar(options.country, holidays, workdays),
        hours=options.working_hours,
        lunch=options.lunch_break,
        cutoff=options.cutoff,
        zone=zone,
        workday_hours=workday_hours,
    )


def first_working_noon(clock: Clock, day: date) -> datetime:
    """12:00 on the first working day from `day` on: the worked example's default filing."""
    for offset in range(min(366, (date.max - day).days + 1)):
        candidate = day + timedelta(days=offset)
        if clock.calendar.is_working(candidate):
            return datetime.combine(candidate, time(12), clock.zone)
    return datetime.combine(day, time(12), clock.zone)
