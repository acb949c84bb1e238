"""MG1xx: is everything a client and a staff member needs actually written down?"""

from __future__ import annotations

from collections.abc import Iterator

from memogen.diff.compare import compare
from memogen.lint.rules.base import Context, Hit


def input_example(ctx: Context) -> Iterator[Hit]:
    """MG101: every required input has a filled-in example."""
    for i, item in enumerate(ctx.standard.inputs):
        if item.required and not item.example:
            yield Hit(
                ("inputs", i),
                f"the required input '{item.name}' has no example",
                "add 'example:' with a filled-in sample of what to write",
            )


def stage_performer(ctx: Context) -> Iterator[Hit]:
    """MG102: every stage names who does it."""
    for i, stage in enumerate(ctx.standard.stages):
        if not stage.performer:
            yield Hit(
                ("stages", i),
                f"the stage '{stage.name}' has no performer",
                "add 'performer:' with the role that does this stage",
            )


def stage_result(ctx: Context) -> Iterator[Hit]:
    """MG103: every stage says what exists when it is done."""
    for i, stage in enumerate(ctx.standard.stages):
        if not stage.result:
            yield Hit(
                ("stages", i),
                f"the stage '{stage.name}' has no result",
                "add 'result:' saying what exists when the stage is done",
            )


def contact_channel(ctx: Context) -> Iterator[Hit]:
    """MG104: every contact in the escalation list can be reached."""
    for i, contact in enumerate(ctx.standard.contacts):
        if not contact.email and not contact.phone:
            yield Hit(
                ("contacts", i),
                f"the contact '{contact.name}' has no email or phone",
                "add 'email:' or 'phone:' so that clients can reach this person",
            )


def form_url(ctx: Context) -> Iterator[Hit]:
    """MG105: a form or portal request has a link to the form."""
    request = ctx.standard.request
    if request.channel in ("form", "portal") and not request.form_url:
        yield Hit(
            ("request", "channel"),
            f"the '{request.channel}' channel has no form_url",
            "add 'form_url: https://…' under request; the poster prints it as a QR code",
        )


def feedback_url(ctx: Context) -> Iterator[Hit]:
    """MG106: clients have somewhere to rate the service."""
    if ctx.standard.feedback is None:
        yield Hit(
            (),
            "the standard has no feedback link",
            "add 'feedback:' with 'url: https://…' of a short survey",
        )


def stale_standard(ctx: Context) -> Iterator[Hit]:
    """MG107: `effective` is not further in the past than `max_age_days`."""
    effective = ctx.standard.effective
    if effective is None:
        return
    age = (ctx.today - effective).days
    limit = ctx.options.max_age_days
    if age > limit:
        yield Hit(
            ("effective",),
            f"the standard took effect on {effective.isoformat()}, "
            f"{age} days ago (more than {limit})",
            "review it, then raise 'version' and set a new 'effective' date",
        )


def approval_after_effective(ctx: Context) -> Iterator[Hit]:
    """MG108: a version is approved before it takes effect."""
    approved, effective = ctx.standard.approved, ctx.standard.effective
    if approved is not None and effective is not None and approved.date > effective:
        yield Hit(
            ("approved", "date"),
            f"the version was approved on {approved.date.isoformat()}, after it took effect "
            f"on {effective.isoformat()}",
            "approve a version before its 'effective' date, or move 'effective' later",
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
            f"{len(breaking)} breaking change(s) since the base revision ({breaking[0].path}: "
            f"{breaking[0].message}) but no new version with its history entry",
            "raise 'version', and add its entry first under 'history' with what changed",
        )
