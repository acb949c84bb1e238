"""Unit tests for memogen.lint.rules.completeness (MG1xx): each check on a standard that
leaves one thing out, and on the complete tiny standard."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from memogen.lint.rules import completeness
from memogen.lint.rules.base import Check, Context, Hit

LintContext = Callable[..., Context]  # the fixture of conftest.py


CHECKS: list[Check] = [
    completeness.input_example,
    completeness.stage_performer,
    completeness.stage_result,
    completeness.contact_channel,
    completeness.form_url,
    completeness.feedback_url,
    completeness.stale_standard,
]


@pytest.mark.parametrize("check", CHECKS, ids=lambda check: check.__name__)
def test_the_complete_standard_passes(check: Check, lint_context: LintContext) -> None:
    assert list(check(lint_context())) == []


def test_mg101_a_required_input_without_an_example(lint_context: LintContext) -> None:
    ctx = lint_context(("    example: The printer jams\n", ""))
    assert list(completeness.input_example(ctx)) == [
        Hit(
            ("inputs", 0),
            "the required input 'What is wrong' has no example",
            "add 'example:' with a filled-in sample of what to write",
        )
    ]
    optional = lint_context(
        ("    example: The printer jams\n", ""), ("    required: true\n", "    required: false\n")
    )
    assert list(completeness.input_example(optional)) == []


def test_mg102_and_mg103_a_stage_without_performer_or_result(lint_context: LintContext) -> None:
    ctx = lint_context(
        ("    performer: Support engineer\n    deadline: 2", "    deadline: 2"),
        ("    result: The request has a number\n", ""),
    )
    assert list(completeness.stage_performer(ctx)) == [
        Hit(
            ("stages", 1),
            "the stage 'Work' has no performer",
            "add 'performer:' with the role that does this stage",
        )
    ]
    assert list(completeness.stage_result(ctx)) == [
        Hit(
            ("stages", 0),
            "the stage 'Registration' has no result",
            "add 'result:' saying what exists when the stage is done",
        )
    ]


def test_mg104_a_contact_without_email_or_phone(lint_context: LintContext) -> None:
    ctx = lint_context(("    email: bob.stone@example.com\n", ""))
    assert list(completeness.contact_channel(ctx)) == [
        Hit(
            ("contacts", 0),
            "the contact 'Bob Stone' has no email or phone",
            "add 'email:' or 'phone:' so that clients can reach this person",
        )
    ]


@pytest.mark.parametrize("channel", ["form", "portal"])
def test_mg105_a_form_or_portal_without_its_link(channel: str, lint_context: LintContext) -> None:
    ctx = lint_context(
        ("  channel: form\n", f"  channel: {channel}\n"),
        ("  form_url: https://intranet.example.com/forms/help\n", ""),
    )
    assert list(completeness.form_url(ctx)) == [
        Hit(
            ("request", "channel"),
            f"the '{channel}' channel has no form_url",
            "add 'form_url: https://…' under request; the poster prints it as a QR code",
        )
    ]


def test_mg106_a_standard_without_feedback(lint_context: LintContext) -> None:
    ctx = lint_context(("feedback:\n  url: https://survey.example.com/help\n", ""))
    assert list(completeness.feedback_url(ctx)) == [
        Hit(
            (),
            "the standard has no feedback link",
            "add 'feedback:' with 'url: https://…' of a short survey",
        )
    ]


def test_mg107_is_stale_one_day_after_max_age_days(lint_context: LintContext) -> None:
    at_the_limit = lint_context(today=date(2026, 12, 31), max_age_days=30)
    assert list(completeness.stale_standard(at_the_limit)) == []
    stale = lint_context(today=date(2027, 1, 1), max_age_days=30)
    assert list(completeness.stale_standard(stale)) == [
        Hit(
            ("effective",),
            "the standard took effect on 2026-12-01, 31 days ago (more than 30)",
            "review it, then raise 'version' and set a new 'effective' date",
        )
    ]


def test_mg107_a_standard_without_an_effective_date_is_never_stale(
    lint_context: LintContext,
) -> None:
    ctx = lint_context(("effective: 2026-12-01\n", ""), today=date(2100, 1, 1))
    assert list(completeness.stale_standard(ctx)) == []
