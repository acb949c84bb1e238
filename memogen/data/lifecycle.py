"""A standard as a controlled document: its history matches its version, its review is due,
and the day a build or a check counts as today (SOURCE_DATE_EPOCH, else the clock)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime

from memogen.data.document import Document
from memogen.data.models import Standard
from memogen.errors import Issue, UserError, on_one_line
from memogen.i18n import _, ngettext

# What SOURCE_DATE_EPOCH may be: from 1970 to the last second of year 9999, the range of an
# email Date header.
LATEST_EPOCH = 253402300799


def source_date_epoch() -> int | None:
    """SOURCE_DATE_EPOCH as a number of seconds, None when unset or empty; else a UserError."""
    given = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not given:
        return None
    digits = given.isascii() and given.isdigit() and len(given) <= len(str(LATEST_EPOCH))
    if not (digits and int(given) <= LATEST_EPOCH):
        raise UserError(
            _(
                "SOURCE_DATE_EPOCH is '{given}', not a whole number of seconds from 0 to "
                "{latest} (give a Unix time such as 1767225600, or unset it)"
            ).format(given=on_one_line(given[:40]), latest=LATEST_EPOCH)
        )
    return int(given)


def build_day() -> date:
    """The day a check counts as today: SOURCE_DATE_EPOCH's (UTC) when set, else the clock's,
    so that a reproducible build also warns reproducibly."""
    epoch = source_date_epoch()
    return datetime.fromtimestamp(epoch, UTC).date() if epoch is not None else date.today()


def lifecycle_rules(
    standard: Standard, document: Document, today: Callable[[], date] = build_day
) -> Iterable[Issue]:
    """The first history entry is this version; a review date is not behind us (`today` is
    asked only then: a bad SOURCE_DATE_EPOCH troubles no standard without `review_by`)."""
    if standard.history and standard.version != standard.history[0].version:
        line, col = document.where(("history", 0, "version"))
        yield Issue(
            document.file,
            line,
            col,
            "history.0.version",
            _(
                "the newest history entry is version '{entry}', but the standard is version "
                "'{version}'"
            ).format(entry=standard.history[0].version, version=standard.version or ""),
            _("put the entry of the current version first (newest first), or correct 'version'"),
        )
    if standard.review_by is not None and standard.review_by < (day := today()):
        line, col = document.where(("review_by",))
        yield Issue(
            document.file,
            line,
            col,
            "review_by",
            ngettext(
                "the review was due on {due}, {days} day before {today}",
                "the review was due on {due}, {days} days before {today}",
                (day - standard.review_by).days,
            ).format(
                due=standard.review_by.isoformat(),
                days=(day - standard.review_by).days,
                today=day.isoformat(),
            ),
            _("review the standard, then set a new 'review_by' date"),
            severity="warning",
        )
