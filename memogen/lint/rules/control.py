"""MG108–MG109: a standard as a controlled document: approved before it takes effect, and a
change against its clients announced by a new version."""

from __future__ import annotations

from collections.abc import Iterator

from memogen.diff.compare import compare
from memogen.i18n import _
from memogen.lint.rules.base import Context, Hit


def approval_after_effective(ctx: Context) -> Iterator[Hit]:
    """MG108: a version is approved before it takes effect."""
    approved, effective = ctx.standard.approved, ctx.standard.effective
    if approved is not None and effective is not None and approved.date > effective:
        yield Hit(
            ("approved", "date"),
            _("the version was approved on {approved}, after it took effect on {effective}").format(
                approved=approved.date.isoformat(), effective=effective.isoformat()
            ),
            _("approve a version before its 'effective' date, or move 'effective' later"),
        )


def unversioned_breaking_change(ctx: Context) -> Iterator[Hit]:
    """MG109 (with `--base REV`): a breaking change comes with a new version, first in history."""
    old, new = ctx.previous, ctx.standard
    if not ctx.compared or old is None:
        return
    breaking = [c for c in compare(old, new, ctx.workday_hours) if c.kind == "breaking"]
    recorded = bool(new.history) and new.history[0].version == new.version
    if breaking and (new.version == old.version or not recorded):
        yield Hit(
            ("version",) if new.version else (),
            _(
                "{count} breaking change(s) since the base revision ({path}: {change}) but no "
                "new version with its history entry"
            ).format(count=len(breaking), path=breaking[0].path, change=breaking[0].message),
            _("raise 'version', and add its entry first under 'history' with what changed"),
        )
