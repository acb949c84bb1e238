"""The internal clients' survey exports (CSV) → answers, every bad row a located error.

A file's first record names its columns, in any order: service, submitted, speed, quality,
ease and, optionally, comment. Each answer is a service's id, the date it was given and
three scores from 1 to 5; an id no standard has is a warning (a retired service, a typo).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from memogen.data.csv_records import Cell, CsvSyntaxError, delimiter_of, read_csv_file, records
from memogen.data.paths import leads_inside
from memogen.data.survey_settings import SurveyOptions
from memogen.errors import Issue
from memogen.i18n import N_, _

DIMENSIONS = ("speed", "quality", "ease")  # what a client rates, in the order shown
REQUIRED_COLUMNS = ("service", "submitted", *DIMENSIONS)
COLUMNS = (*REQUIRED_COLUMNS, "comment")
MAX_FILE_BYTES = 16 * 1024 * 1024  # about 150,000 answers with short comments
_COLUMN_HINT = N_("the columns are service, submitted, speed, quality, ease and comment (optional)")


@dataclass(frozen=True)
class Answer:
    """One client's answer about one service."""

    service: str
    submitted: date
    speed: int
    quality: int
    ease: int
    comment: str = ""


def read_survey(
    root: Path, options: SurveyOptions, known: set[str], config_name: str
) -> tuple[list[Answer], list[Issue]]:
    """Every answer of the files `options.results` names, and what is wrong with them."""
    answers: list[Answer] = []
    issues: list[Issue] = []
    files = sorted(p for p in root.glob(options.results) if p.is_file())
    if not files:
        message = _("no file matches '{pattern}'").format(pattern=options.results)
        hint = _("export the survey's answers as CSV into that folder, or fix the pattern")
        issues.append(Issue(config_name, 1, 1, "survey.results", message, hint, "warning"))
    for path in files:
        name = path.relative_to(root).as_posix()
        if not leads_inside(path, root):
            message = _(
                "this file is a link to a file outside the repo, and memogen does not read it"
            )
            issues.append(Issue(name, 1, 1, "", message, _("copy the export into the repo")))
            continue
        text = read_csv_file(
            path,
            name,
            issues,
            MAX_FILE_BYTES,
            (_("split the export by quarter"), _("export the answers as CSV UTF-8")),
        )
        found, problems = read_survey_text(text, name, known)
        answers.extend(found)
        issues.extend(problems)
    return answers, issues


def read_survey_text(text: str, name: str, known: set[str]) -> tuple[list[Answer], list[Issue]]:
    """The answers of one file's text (`name` as users see it), and its problems."""
    if not text.strip():
        return [], []
    first_line = text.splitlines()[0] if text else ""
    try:
        rows = list(records(text, delimiter_of(first_line)))
    except CsvSyntaxError as exc:
        return [], [Issue(name, exc.line, exc.col, "", exc.message, exc.hint)]
    columns, issues = _columns(rows[0], name)
    if columns is None:
        return [], issues
    answers = []
    for row in rows[1:]:
        answer = _answer(row, len(rows[0]), columns, name, known, issues)
        if answer is not None:
            answers.append(answer)
    return answers, issues


def _columns(header: list[Cell], name: str) -> tuple[dict[str, int] | None, list[Issue]]:
    """Column name → its index; None when a required column is missing or repeated."""
    columns: dict[str, int] = {}
    issues = []
    for index, cell in enumerate(header):
        column = cell.text.strip().casefold()
        if column in columns:
            message = _("the column '{column}' appears twice").format(column=column)
            issues.append(Issue(name, cell.line, cell.col, "", message, _("keep one of them")))
        elif column in COLUMNS:
            columns[column] = index
        else:
            message = _("memogen does not read the column '{value}'").format(
                value=cell.text.strip()[:40]
            )
            issues.append(Issue(name, cell.line, cell.col, "", message, _(_COLUMN_HINT), "warning"))
    for column in REQUIRED_COLUMNS:
        if column not in columns:
            message = _("the header has no column '{column}'").format(column=column)
            issues.append(Issue(name, header[0].line, 1, "", message, _(_COLUMN_HINT)))
    failed = any(issue.severity == "error" for issue in issues)
    return (None if failed else columns), issues


def _answer(
    row: list[Cell],
    width: int,
    columns: dict[str, int],
    name: str,
    known: set[str],
    issues: list[Issue],
) -> Answer | None:
    if len(row) != width:
        message = _("this row has {count} values and the header {width} columns").format(
            count=len(row), width=width
        )
        hint = _("put a value that holds a comma or a semicolon in double quotes")
        issues.append(Issue(name, row[0].line, row[0].col, "", message, hint))
        return None
    cells = {column: row[index] for column, index in columns.items()}
    before = len(issues)
    service = cells["service"].text.strip()
    submitted = _date(cells["submitted"], name, issues)
    scores = [_score(cells[dimension], dimension, name, issues) for dimension in DIMENSIONS]
    if not service:
        where = cells["service"]
        hint = _("write the id of the standard the answer is about")
        issues.append(Issue(name, where.line, where.col, "service", _("the id is empty"), hint))
    elif service not in known:
        issues.append(_unknown_service(cells["service"], service, name, known))
        return None
    if len(issues) > before or submitted is None:
        return None
    speed, quality, ease = (score or 0 for score in scores)
    comment = cells["comment"].text.strip() if "comment" in cells else ""
    return Answer(service, submitted, speed, quality, ease, comment)


def _date(cell: Cell, name: str, issues: list[Issue]) -> date | None:
    text = cell.text.strip()
    try:  # a date, or the date of a timestamp ("2026-10-15 09:30", "2026-10-15T09:30:00")
        if len(text) > 10 and text[10] not in " T":
            raise ValueError(text)
        return date.fromisoformat(text[:10])
    except ValueError:
        message = _("'{text}' is not a date").format(text=text[:40])
        hint = _("write an ISO date, such as 2026-10-15")
        issues.append(Issue(name, cell.line, cell.col, "submitted", message, hint))
        return None


def _score(cell: Cell, dimension: str, name: str, issues: list[Issue]) -> int | None:
    text = cell.text.strip()
    if text in ("1", "2", "3", "4", "5"):
        return int(text)
    message = _("'{value}' is not a score from 1 to 5").format(value=text[:40])
    hint = _("write a whole number from 1 to 5")
    issues.append(Issue(name, cell.line, cell.col, dimension, message, hint))
    return None


def _unknown_service(cell: Cell, service: str, name: str, known: Iterable[str]) -> Issue:
    close = difflib.get_close_matches(service, sorted(known), n=1)
    hint = (
        _("did you mean '{key}'?").format(key=close[0])
        if close
        else _("check the id in the survey's form")
    )
    message = _("no standard has the id '{value}'; the answer is left out").format(
        value=service[:64]
    )
    return Issue(name, cell.line, cell.col, "service", message, hint, "warning")
