"""memogen.yaml's `ack:` section and its staff CSV: the names pre-filled on the
acknowledgement sheet (columns name, position), each bad row a located error."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from memogen.data.csv_records import Cell, CsvSyntaxError, delimiter_of, read_csv_file, records
from memogen.data.models import Strict, documented
from memogen.data.paths import leads_inside
from memogen.data.survey_settings import RepoGlob
from memogen.errors import Issue
from memogen.i18n import N_, _, ngettext

MAX_STAFF_BYTES = 2 * 1024 * 1024
MAX_STAFF = 2000
COLUMNS = ("name", "position")
# what to do about a list too large, and one not in UTF-8
HINTS = (N_("split the list by department"), N_("save the list as CSV UTF-8"))


class AckOptions(Strict):
    """The acknowledgement sheet (artifact `ack`)."""

    staff: RepoGlob | None = documented(
        "A CSV file inside the repo with the columns name and position: the names printed "
        "on the acknowledgement sheet.",
        "staff.csv",
        default=None,
    )


@dataclass(frozen=True)
class StaffMember:
    name: str
    position: str


def read_staff(root: Path, file: str) -> tuple[list[StaffMember], list[Issue]]:
    """The people of the staff CSV `file` (relative to `root`), and what is wrong with it."""
    path = root / file
    issues: list[Issue] = []
    if not leads_inside(path, root) or not path.is_file():
        hint = _("check the path of ack.staff; it is relative to memogen.yaml")
        return [], [Issue(file, 1, 1, "", _("the staff list is missing from the repo"), hint)]
    hints = (_(HINTS[0]), _(HINTS[1]))
    text = read_csv_file(path, file, issues, MAX_STAFF_BYTES, hints)
    if not text.strip():
        return [], issues
    try:
        rows = list(records(text, delimiter_of(text.splitlines()[0])))
    except CsvSyntaxError as exc:
        return [], [Issue(file, exc.line, exc.col, "", exc.message, exc.hint)]
    header = [cell.text.strip().lower() for cell in rows[0]]
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        message = _("the column '{column}' is missing").format(column=missing[0])
        hint = _("the first line names the columns: name,position")
        return [], [Issue(file, 1, 1, "", message, hint)]
    staff = [_member(row, header, file, issues) for row in rows[1 : MAX_STAFF + 1]]
    if len(rows) > MAX_STAFF + 1:
        issues.append(_left_out(file, rows[MAX_STAFF + 1][0].line, len(rows) - MAX_STAFF - 1))
    return [member for member in staff if member is not None], issues


def _left_out(file: str, line: int, count: int) -> Issue:
    """The warning that the rows from `line` on (`count` of them) are past MAX_STAFF."""
    message = ngettext(
        "the sheet lists the first {limit} people; {count} more is left out",
        "the sheet lists the first {limit} people; {count} more are left out",
        count,
    ).format(limit=MAX_STAFF, count=count)
    return Issue(file, line, 1, "", message, _(HINTS[0]), "warning")


def _member(
    row: list[Cell], header: list[str], file: str, issues: list[Issue]
) -> StaffMember | None:
    if len(row) != len(header):
        issues.append(
            Issue(
                file,
                row[0].line,
                1,
                "",
                _(
                    "the line has {values} value(s), the first line names {columns} column(s)"
                ).format(values=len(row), columns=len(header)),
                _("put quotes around a value with a comma or a semicolon in it"),
            )
        )
        return None
    name = row[header.index("name")]
    if not name.text.strip():
        hint = _("write the person's full name, or delete the line")
        issues.append(Issue(file, name.line, name.col, "name", _("the name is empty"), hint))
        return None
    position = row[header.index("position")].text
    return StaffMember(" ".join(name.text.split()), " ".join(position.split()))
