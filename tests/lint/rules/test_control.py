"""Unit tests for memogen.lint.rules.control (MG108–MG109)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from memogen.lint.rules import control
from memogen.lint.rules.base import Context, Hit

LintContext = Callable[..., Context]  # the fixture of conftest.py


def test_mg108_a_version_approved_after_it_took_effect(lint_context: LintContext) -> None:
    approved = "approved:\n  by: Peter Sidorov\n  date: 2026-12-10\nmemogen: 1\n"
    ctx = lint_context(("memogen: 1\n", approved))
    assert list(control.approval_after_effective(ctx)) == [
        Hit(
            ("approved", "date"),
            "the version was approved on 2026-12-10, after it took effect on 2026-12-01",
            "approve a version before its 'effective' date, or move 'effective' later",
        )
    ]
    on_time = lint_context(("memogen: 1\n", approved.replace("12-10", "11-20")))
    assert list(control.approval_after_effective(on_time)) == []


def test_mg109_a_breaking_change_without_a_new_version(lint_context: LintContext) -> None:
    before = lint_context()
    longer = lint_context(("\ndeadline: 3 business days", "\ndeadline: 5 business days"))
    ctx = replace(longer, compared=True, previous=before.standard)
    assert list(control.unversioned_breaking_change(ctx)) == [
        Hit(
            ("version",),
            "1 breaking change(s) since the base revision (deadline: The total time is longer: "
            "was 3 business days, now 5 business days) but no new version with its history entry",
            "raise 'version', and add its entry first under 'history' with what changed",
        )
    ]
    bumped = lint_context(
        ("\ndeadline: 3 business days", "\ndeadline: 5 business days"),
        (
            'version: "1.0"',
            'version: "1.1"\nhistory:\n  - version: "1.1"\n    date: 2027-01-01\n'
            "    changes: Longer\n",
        ),
    )
    assert (
        list(
            control.unversioned_breaking_change(
                replace(bumped, compared=True, previous=before.standard)
            )
        )
        == []
    )
