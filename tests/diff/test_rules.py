"""memogen.diff.rules: every classification rule of the table, each shown by one change that
it classifies (old and new states of the tiny standard)."""

from __future__ import annotations

import pytest

from memogen.diff.compare import compare
from memogen.diff.rules import RULES
from tests.diff.diff_kit import TINY, edited, model

REQUIRED = "    required: true\n"
PHOTO = "  - name: Photo\n    required: false\n"
CHANGES = "changes:\n  before_start: Yes\n  in_progress: By email\ncontacts:\n"
STAGE = "    result: The problem is solved\n"
CHECK_STAGE = STAGE + "  - name: Check\n    deadline: 1 business hour\n"

# rule id → (text to find, what it is in the old state, what it is in the new state)
EXAMPLES: dict[str, tuple[str, str, str]] = {
    "total-longer": (
        "\ndeadline: 3 business days",
        "\ndeadline: 3 business days",
        "\ndeadline: 5 business days",
    ),
    "total-shorter": (
        "\ndeadline: 3 business days",
        "\ndeadline: 3 business days",
        "\ndeadline: 2 business days",
    ),
    "stage-longer": (
        "deadline: 2 business days",
        "deadline: 2 business days",
        "deadline: 3 business days",
    ),
    "stage-shorter": (
        "deadline: 2 business days",
        "deadline: 2 business days",
        "deadline: 12 business hours",
    ),
    "acknowledge-longer": (
        "within: 4 business hours",
        "within: 4 business hours",
        "within: 2 business days",
    ),
    "acknowledge-shorter": (
        "within: 4 business hours",
        "within: 4 business hours",
        "within: 2 business hours",
    ),
    "input-new-required": (REQUIRED, REQUIRED, REQUIRED + "  - name: Photo\n"),
    "input-now-required": (REQUIRED, "    required: false\n", REQUIRED),
    "input-new-optional": (REQUIRED, REQUIRED, REQUIRED + PHOTO),
    "input-dropped": (REQUIRED, REQUIRED + PHOTO, REQUIRED),
    "input-now-optional": (REQUIRED, REQUIRED, "    required: false\n"),
    "request-moved": ("channel: form", "channel: form", "channel: portal"),
    "delivery-changed": ("We tell you by email.", "We tell you by email.", "Pick it up in room 5."),
    "changes-fewer": ("contacts:\n", CHANGES, CHANGES.replace("  in_progress: By email\n", "")),
    "changes-other": ("contacts:\n", CHANGES, CHANGES.replace("By email", "By phone")),
    "stage-new": (STAGE, STAGE, CHECK_STAGE),
    "stage-dropped": (STAGE, CHECK_STAGE, STAGE),
    "contact-new": ("bob.stone@example.com", "bob.stone@example.com", "b.stone@example.com"),
    "faq-new": (
        "No answer within a day\n",
        "No answer within a day\n",
        "No answer within a day\nfaq:\n  - q: Why?\n    a: Because.\n",
    ),
    "wording": ("small things", "small things", "little things"),
}


def test_every_rule_has_an_example() -> None:
    whole = {"service-withdrawn", "service-new"}  # a standard gone or new: shown below
    assert {rule.id for rule in RULES} == set(EXAMPLES) | whole


@pytest.mark.parametrize("rule", EXAMPLES, ids=list(EXAMPLES))
def test_each_rule_classifies_its_change(rule: str) -> None:
    find, old, new = EXAMPLES[rule]
    changes = compare(model(edited(find, old)), model(edited(find, new)), 8)
    kinds = {r.id: r.kind for r in RULES}
    assert [(change.rule, change.kind) for change in changes] == [(rule, kinds[rule])]


def test_a_withdrawn_service_is_breaking_and_a_new_one_notable() -> None:
    assert [(c.rule, c.kind) for c in compare(model(TINY), None, 8)] == [
        ("service-withdrawn", "breaking")
    ]
    assert [(c.rule, c.kind) for c in compare(None, model(TINY), 8)] == [("service-new", "notable")]


def test_version_effective_approval_and_history_are_not_changes_for_clients() -> None:
    new = edited('version: "1.0"', 'version: "1.1"\nreview_by: 2027-01-01')
    assert compare(model(TINY), model(new), 8) == []


def test_a_deadline_moved_to_another_clock_is_breaking() -> None:
    find = "within: 4 business hours"
    changes = compare(model(TINY), model(edited(find, "within: 2 hours")), 8)
    assert [(c.rule, c.kind) for c in changes] == [("acknowledge-longer", "breaking")]
