"""Standards' documents → trusted models, with every problem located and worded for people.

Pydantic checks the shape and `wording` rewrites its findings in memogen's own words;
this module adds the rules that need more than one field or more than one file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from memogen.data import durations
from memogen.data.calendar import load_calendar, uncovered_words
from memogen.data.config_model import Config
from memogen.data.document import Document
from memogen.data.lifecycle import lifecycle_rules
from memogen.data.loader import load_file
from memogen.data.models import Standard
from memogen.data.survey import Answer
from memogen.data.wording import cut_comment_warnings, to_model
from memogen.errors import Issue, UserError
from memogen.i18n import _, current


@dataclass
class Checked:
    """The outcome of validating a set of files: the good models and every issue."""

    standards: list[Standard] = field(default_factory=list)
    sources: dict[str, Path] = field(default_factory=dict)  # id → file
    issues: list[Issue] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)  # id → its YAML source map
    answers: list[Answer] = field(default_factory=list)  # the survey's, with `survey:` set

    def with_documents(self) -> list[tuple[Standard, Document]]:
        """Each valid standard with the document it came from, to locate further findings."""
        return [(standard, self.documents[standard.id]) for standard in self.standards]

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning"]


def check_standards(files: Iterable[tuple[Path, str]], config: Config) -> Checked:
    """Validate every (path, display name) pair and the rules across files."""
    checked = Checked()
    first_seen: dict[str, Issue] = {}
    for path, display in files:
        try:
            document = load_file(path, display)
        except UserError as exc:
            checked.issues.extend(exc.issues)
            continue
        checked.issues.extend(cut_comment_warnings(document))
        standard, issues = to_model(Standard, document)
        checked.issues.extend(issues)
        if standard is None:
            continue
        issues = list(_standard_rules(standard, document, path, config))
        checked.issues.extend(issues)
        clash = _id_clash(standard, document, first_seen)
        if clash:
            checked.issues.append(clash)
            continue
        if not any(i.severity == "error" for i in issues):
            if standard.language is None:
                standard = standard.model_copy(update={"language": config.language})
            checked.standards.append(standard)
            checked.sources[standard.id] = path
            checked.documents[standard.id] = document
    checked.issues.sort()
    return checked


def _standard_rules(
    standard: Standard, document: Document, path: Path, config: Config
) -> Iterable[Issue]:
    """Rules that need several fields or the file's name."""
    file = document.file
    if path.name != f"{standard.id}.yaml":
        line, col = document.where(("id",))
        yield Issue(
            file,
            line,
            col,
            "id",
            _("the id '{id}' differs from the file name '{name}'").format(
                id=standard.id, name=path.name
            ),
            _("rename the file to '{id}.yaml' or change the id").format(id=standard.id),
        )
    if standard.request.channel == "email" and not standard.request.address:
        line, col = document.where(("request", "channel"))
        yield Issue(
            file,
            line,
            col,
            "request.channel",
            _("the email channel needs an address"),
            _("add 'address: team@example.com' under request"),
        )
    yield from _deadline_rule(standard, document, config.workday_hours)
    yield from _acknowledgement_rule(standard, document, config.workday_hours)
    yield from _calendar_year_rule(standard, document, config)
    yield from lifecycle_rules(standard, document)


def _calendar_year_rule(standard: Standard, document: Document, config: Config) -> Iterable[Issue]:
    """With `calendar:` set, a standard effective in a year the calendar does not cover gets
    its dates from weekends alone: say so where the year is written."""
    if config.calendar is None or standard.effective is None:
        return
    calendar = load_calendar(config.calendar.country)
    if not calendar.covers(standard.effective.year):
        line, col = document.where(("effective",))
        message, hint = uncovered_words(calendar, [standard.effective.year])
        yield Issue(document.file, line, col, "effective", message, hint, severity="warning")


def _acknowledgement_rule(
    standard: Standard, document: Document, workday_hours: int
) -> Iterable[Issue]:
    """Confirming a request cannot take longer than handling all of it. A business figure
    is compared with an elapsed deadline by the fewest hours it can take (5 business days
    never fit in 3 days); an elapsed figure is not compared with a business deadline (10
    days may pass within 2 business days over the New Year)."""
    within, deadline = standard.request.acknowledge_within, standard.deadline
    if within is None or (deadline.is_business and not within.is_business):
        return
    least = (
        within.minutes(workday_hours)
        if deadline.is_business
        else durations.least_elapsed_minutes(within, workday_hours)
    )
    if least > deadline.minutes(workday_hours):
        line, col = document.where(("request", "acknowledge_within"))
        yield Issue(
            document.file,
            line,
            col,
            "request.acknowledge_within",
            _(
                "the time to acknowledge a request ({within}) is longer than the whole "
                "deadline ({deadline})"
            ).format(within=_worded(within), deadline=_worded(deadline)),
            _("shorten the time to acknowledge, or extend the total deadline"),
        )


def _deadline_rule(standard: Standard, document: Document, workday_hours: int) -> Iterable[Issue]:
    stage_deadlines = [stage.deadline for stage in standard.stages]
    line, col = document.where(("deadline",))
    if not durations.comparable([*stage_deadlines, standard.deadline]):
        message, hint = _clocks_apart(standard, document)
        yield Issue(document.file, line, col, "deadline", message, hint, severity="warning")
        return
    stages_minutes = sum(d.minutes(workday_hours) for d in stage_deadlines)
    if stages_minutes > standard.deadline.minutes(workday_hours):  # exact, not rounded
        unit = standard.deadline.unit
        if durations.total(stage_deadlines, unit, workday_hours).amount <= standard.deadline.amount:
            unit = durations.Unit.MINUTES  # so close that only minutes show the difference
        stages_total = durations.total(stage_deadlines, unit, workday_hours)
        whole = durations.total([standard.deadline], unit, workday_hours)
        yield Issue(
            document.file,
            line,
            col,
            "deadline",
            _("the stages add up to {stages}, more than the total deadline of {total}").format(
                stages=_worded(stages_total), total=_worded(whole)
            ),
            _("shorten a stage or extend the total deadline"),
        )


def check_ids_against(checked: Checked, others: Iterable[tuple[Path, str]]) -> None:
    """Standards checked without the rest of the repo (a build of some files) against the
    repo's other files of the same name (an id is its file's name): a second file with the
    same id is an error, as in a check of the whole repo, and the standard is not passed on."""
    named: dict[str, list[tuple[Path, str]]] = {}
    for path, display in others:
        named.setdefault(path.stem, []).append((path, display))
    for standard in list(checked.standards):
        for path, display in named.get(standard.id, []):
            try:
                other = load_file(path, display)
            except UserError:  # not a standard at all: the check of that file says why
                continue
            if not isinstance(other.data, dict) or other.data.get("id") != standard.id:
                continue
            line, col = other.where(("id",))
            first = Issue(other.file, line, col, "id", "")
            checked.issues.append(_clash(standard, checked.documents[standard.id], first))
            checked.standards.remove(standard)
            del checked.sources[standard.id], checked.documents[standard.id]
            break
    checked.issues.sort()


def _id_clash(standard: Standard, document: Document, first_seen: dict[str, Issue]) -> Issue | None:
    line, col = document.where(("id",))
    here = Issue(document.file, line, col, "id", "")
    if standard.id not in first_seen:
        first_seen[standard.id] = here
        return None
    return _clash(standard, document, first_seen[standard.id])


def _clash(standard: Standard, document: Document, first: Issue) -> Issue:
    """The error at `document`'s id: `first` (another file) has the same one."""
    line, col = document.where(("id",))
    return Issue(
        document.file,
        line,
        col,
        "id",
        _("the id '{id}' is already used").format(id=standard.id),
        _("by {file}:{line}; every standard needs its own id").format(
            file=first.file, line=first.line
        ),
    )


def _worded(duration: durations.Duration) -> str:
    """A duration in the words of the messages' language."""
    return durations.word(duration, current(), " ")


_BUSINESS_UNIT = {
    durations.Unit.DAYS: durations.Unit.BUSINESS_DAYS,
    durations.Unit.HOURS: durations.Unit.BUSINESS_HOURS,
}


def _clocks_apart(standard: Standard, document: Document) -> tuple[str, str]:
    """`deadline: 3 дня` over stages in business days: memogen reads calendar days, words the
    owner never wrote; name the stages' unit and suggest the total in it."""
    total, stages = standard.deadline, [stage.deadline for stage in standard.stages]
    suggested = _BUSINESS_UNIT.get(total.unit)
    if total.is_business or suggested is None or not all(d.is_business for d in stages):
        return _("the stage deadlines cannot be compared with the total deadline"), _(
            "use business hours/days everywhere, or elapsed time everywhere"
        )
    units = {stage.unit for stage in stages}
    counted = (
        _("business days")
        if units == {durations.Unit.BUSINESS_DAYS}
        else _("business hours")
        if units == {durations.Unit.BUSINESS_HOURS}
        else _("business hours and days")
    )
    written = str(document.value_at(("deadline",)))
    fixed = durations.in_words_like(durations.Duration(total.amount, suggested), written)
    message = _("the total deadline '{total}' counts calendar time, but the stages count {units}")
    hint = _("if you mean business time, write '{fixed}'")
    return message.format(total=written, units=counted), hint.format(fixed=fixed)
