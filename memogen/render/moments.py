"""Deadlines as dates: a schedule worded for people, the guide's worked example, and the data
its offline calculator computes with.

The worked example files its request at `calendar.example_filed`, else at 12:00 on the first
working day from the standard's `effective` date; with neither there is no example. It never
reads the clock, so the documents stay byte-identical from build to build.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from babel.dates import format_date, format_time

from memogen.data.clock import Clock, Schedule, clock_for, first_working_noon
from memogen.data.config_model import Config
from memogen.data.models import Standard
from memogen.render.calculator import calculator_json
from memogen.render.labels import DATE_LOCALES, LABELS


def moment_words(moment: datetime, lang: str, year: bool = True) -> str:
    """`5 мая 2026, 13:00`, `5 May 2026, 13:00` (without the year: `5 мая, 13:00`)."""
    day = format_date(moment.date(), "d MMMM y" if year else "d MMMM", locale=DATE_LOCALES[lang])
    return f"{day}, {moment:%H:%M}"


def filed_words(moment: datetime, lang: str) -> str:
    """`в среду, 29 апреля, в 12:00`, `on Wednesday, 29 April, at 12:00`."""
    labels = LABELS[lang]
    return labels["example_filed"].format(
        weekday=labels["weekdays_on"].split("|")[moment.weekday()],
        date=format_date(moment.date(), "d MMMM", locale=DATE_LOCALES[lang]),
        time=format_time(moment.time(), "HH:mm", locale=lang),
    )


def iso(moment: datetime) -> str:
    """ISO 8601 with the offset, to the minute: `2026-05-05T13:00+03:00`."""
    return moment.isoformat(timespec="minutes")


def example_filing(standard: Standard, config: Config, clock: Clock) -> datetime | None:
    """When the worked example files its request (see the module's docstring)."""
    options = config.calendar
    if options is not None and options.example_filed is not None:
        return clock.local(options.example_filed)
    if standard.effective is not None:
        return first_working_noon(clock, standard.effective)
    return None


def worked_example(standard: Standard, config: Config, lang: str) -> dict[str, Any] | None:
    """The example the guide and the email print, and the calculator's data; None without
    `calendar:` in memogen.yaml (the documents then stay as they were)."""
    if config.calendar is None:
        return None
    clock = clock_for(config.calendar, config.workday_hours)
    filed = example_filing(standard, config, clock)
    if filed is None:
        return None
    schedule = clock.schedule(standard, filed)
    labels = LABELS[lang]
    return {
        "ready": labels["example_ready"].format(
            filed=filed_words(filed, lang), ready=moment_words(schedule.ready, lang, year=False)
        ),
        "ack": labels["example_ack"].format(
            moment=moment_words(schedule.acknowledge_by, lang, year=False)
        )
        if schedule.acknowledge_by
        else "",
        "note": labels["example_note"],
        "filed_value": f"{filed:%Y-%m-%dT%H:%M}",
        "outputs": worded(schedule, lang),
        "data": calculator_json(standard, clock, lang),
    }


def worded(schedule: Schedule, lang: str) -> dict[str, Any]:
    """Each moment of a schedule in words, as the calculator first shows it."""
    ack = schedule.acknowledge_by
    return {
        "ack": {"text": moment_words(ack, lang)} if ack else None,
        "stages": [
            {"name": stage.name, "text": moment_words(due, lang)} for stage, due in schedule.stages
        ],
        "ready": {"text": moment_words(schedule.ready, lang)},
    }
