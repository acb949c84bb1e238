"""`memogen due ID --filed MOMENT`: when a request filed at MOMENT is acknowledged, when each
stage is due and when the result is ready, on memogen.yaml's calendar (or its defaults)."""

from __future__ import annotations

import difflib
import json
from datetime import datetime

from babel.dates import format_date

from memogen.data import calendar_settings, durations
from memogen.data.calendar import uncovered_words
from memogen.data.calendar_settings import CalendarOptions
from memogen.data.clock import Schedule, clock_for
from memogen.data.models import Standard
from memogen.errors import Issue, UserError
from memogen.i18n import _
from memogen.project import Project
from memogen.render.labels import LABELS
from memogen.render.moments import iso, moment_words


def due(
    project: Project, standard_id: str, filed: datetime
) -> tuple[Standard, Schedule, list[Issue]]:
    """The standard `standard_id`, its schedule for a request filed at `filed`, and warnings."""
    standard = find_standard(project, standard_id)
    config = project.config
    options = config.calendar or _default_calendar(config.workday_hours)
    clock = clock_for(options, config.workday_hours)
    schedule = clock.schedule(standard, filed)  # past 9999: a UserError naming it
    warnings = []
    if schedule.uncovered:
        file, line, col = config.calendar_place
        message, hint = uncovered_words(clock.calendar, schedule.uncovered)
        warnings.append(Issue(file, line, col, "calendar", message, hint, severity="warning"))
    return standard, schedule, warnings


def find_standard(project: Project, standard_id: str) -> Standard:
    """The valid standard with this id; the errors of the files named after it (a broken
    one, or a second one in another folder), or a hint at the ids there are."""
    checked = project.check(())[1]
    own = [i for i in checked.errors if i.file.rsplit("/", 1)[-1] == f"{standard_id}.yaml"]
    if own:
        raise UserError(own)
    for standard in checked.standards:
        if standard.id == standard_id:
            return standard
    ids = sorted(standard.id for standard in checked.standards)
    close = difflib.get_close_matches(standard_id, ids, n=1)
    hint = (
        _("did you mean '{key}'?").format(key=close[0])
        if close
        else _("the ids are: {ids}").format(ids=", ".join(ids))
    )
    message = _("no valid standard has the id '{id}' ({hint})")
    raise UserError(message.format(id=standard_id, hint=hint))


def _default_calendar(workday_hours: int) -> CalendarOptions:
    """Without `calendar:`, the RU calendar, 09:00-18:00 with lunch 13:00-14:00: 8 hours."""
    options = CalendarOptions()
    if next(calendar_settings.rules(options, workday_hours), None) is not None:
        raise UserError(
            _(
                "without a calendar: section, memogen counts 09:00-18:00 with lunch "
                "13:00-14:00, 8 hours, but workday_hours is {count} (add calendar: with your "
                "working hours to memogen.yaml; see README, «Calendars»)"
            ).format(count=workday_hours)
        )
    return options


def as_text(standard: Standard, schedule: Schedule) -> str:
    """The schedule in the standard's language, one moment a line."""
    lang = standard.language or "ru"
    labels = LABELS[lang]
    weekday = format_date(schedule.filed.date(), "EEEE", locale=lang)
    lines = [
        f"{standard.title} ({standard.id})",
        f"{labels['due_filed']}: {weekday}, {moment_words(schedule.filed, lang)}",
    ]
    if schedule.acknowledge_by:
        lines.append(f"{labels['due_ack']}: {moment_words(schedule.acknowledge_by, lang)}")
    for number, (stage, moment) in enumerate(schedule.stages, 1):
        deadline = durations.word(stage.deadline, lang, " ")
        lines.append(
            f"{number}. {stage.name} ({deadline}): {labels['due_stage']} "
            f"{moment_words(moment, lang)}"
        )
    lines.append(f"{labels['due_ready']}: {moment_words(schedule.ready, lang)}")
    return "\n".join(lines) + "\n"


def as_json(standard: Standard, schedule: Schedule) -> str:
    """`{"id", "filed", "acknowledge_by", "stages": [{"name", "deadline", "due"}], "ready"}`."""
    lang = standard.language or "ru"
    stages = [
        {"name": stage.name, "deadline": durations.word(stage.deadline, lang, " "), "due": iso(due)}
        for stage, due in schedule.stages
    ]
    ack = schedule.acknowledge_by
    report = {
        "id": standard.id,
        "filed": iso(schedule.filed),
        "acknowledge_by": iso(ack) if ack else None,
        "stages": stages,
        "ready": iso(schedule.ready),
    }
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
