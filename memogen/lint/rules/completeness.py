"""MG1xx: is everything a client and a staff member needs actually written down?"""

from __future__ import annotations

from collections.abc import Iterator

from memogen.i18n import _, ngettext
from memogen.lint.rules.base import Context, Hit


def input_example(ctx: Context) -> Iterator[Hit]:
    """MG101: every required input has a filled-in example."""
    for i, item in enumerate(ctx.standard.inputs):
        if item.required and not item.example:
            yield Hit(
                ("inputs", i),
                _("the required input '{name}' has no example").format(name=item.name),
                _("add 'example:' with a filled-in sample of what to write"),
            )


def stage_performer(ctx: Context) -> Iterator[Hit]:
    """MG102: every stage names who does it."""
    for i, stage in enumerate(ctx.standard.stages):
        if not stage.performer:
            yield Hit(
                ("stages", i),
                _("the stage '{name}' has no performer").format(name=stage.name),
                _("add 'performer:' with the role that does this stage"),
            )


def stage_result(ctx: Context) -> Iterator[Hit]:
    """MG103: every stage says what exists when it is done."""
    for i, stage in enumerate(ctx.standard.stages):
        if not stage.result:
            yield Hit(
                ("stages", i),
                _("the stage '{name}' has no result").format(name=stage.name),
                _("add 'result:' saying what exists when the stage is done"),
            )


def contact_channel(ctx: Context) -> Iterator[Hit]:
    """MG104: every contact in the escalation list can be reached."""
    for i, contact in enumerate(ctx.standard.contacts):
        if not contact.email and not contact.phone:
            yield Hit(
                ("contacts", i),
                _("the contact '{name}' has no email or phone").format(name=contact.name),
                _("add 'email:' or 'phone:' so that clients can reach this person"),
            )


def form_url(ctx: Context) -> Iterator[Hit]:
    """MG105: a form or portal request has a link to the form."""
    request = ctx.standard.request
    if request.channel in ("form", "portal") and not request.form_url:
        yield Hit(
            ("request", "channel"),
            _("the '{channel}' channel has no form_url").format(channel=request.channel),
            _("add 'form_url: https://…' under request; the poster prints it as a QR code"),
        )


def feedback_url(ctx: Context) -> Iterator[Hit]:
    """MG106: clients have somewhere to rate the service."""
    if ctx.standard.feedback is None:
        yield Hit(
            (),
            _("the standard has no feedback link"),
            _("add 'feedback:' with 'url: https://…' of a short survey"),
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
            ngettext(
                "the standard took effect on {date}, {age} days ago (more than {limit})",
                "the standard took effect on {date}, {age} days ago (more than {limit})",
                age,
            ).format(date=effective.isoformat(), age=age, limit=limit),
            _("review it, then raise 'version' and set a new 'effective' date"),
        )
