"""memogen.diff.report: text, JSON and Markdown, and `--fail-on`."""

from __future__ import annotations

import json

import pytest

from memogen.diff.compare import Change
from memogen.diff.report import Compared, as_json, as_markdown, as_text, fails

BREAKING = Change(
    "deadline", "breaking", "total-longer", "3 business days", "5 business days", "Longer | total"
)
NOTABLE = Change(
    "faq.0", "notable", "faq-new", None, {"q": "Why?"}, "A new question answered: “Why?”"
)
EDITORIAL = Change("summary", "editorial", "wording", "a", "b", "Wording changed: summary")


@pytest.mark.parametrize(
    ("kinds", "fail_on", "failed"),
    [
        ([BREAKING], "breaking", True),
        ([NOTABLE, EDITORIAL], "breaking", False),
        ([NOTABLE], "notable", True),
        ([EDITORIAL], "notable", False),
        ([BREAKING], "never", False),
    ],
)
def test_fail_on_fails_at_its_class_or_a_graver_one(
    kinds: list[Change], fail_on: str, failed: bool
) -> None:
    assert fails([Compared("x", kinds)], fail_on) is failed


def test_json_is_one_entry_per_changed_standard() -> None:
    results = [Compared("a", [BREAKING]), Compared("b", [])]
    assert json.loads(as_json(results)) == [
        {
            "id": "a",
            "changes": [
                {
                    "path": "deadline",
                    "kind": "breaking",
                    "old": "3 business days",
                    "new": "5 business days",
                    "message": "Longer | total",
                }
            ],
        }
    ]


def test_markdown_is_a_table_whose_cells_keep_their_bars() -> None:
    assert as_markdown([Compared("a", [BREAKING])]) == (
        "### a\n\n| class | path | change |\n|---|---|---|\n"
        "| breaking | `deadline` | Longer \\| total |\n\n"
    )
    assert as_markdown([Compared("a", [])]) == "No changes.\n"


def test_text_counts_the_changes_by_class() -> None:
    assert as_text([Compared("a", [BREAKING, NOTABLE, EDITORIAL])]).splitlines()[-1] == (
        "3 change(s): 1 breaking, 1 notable, 1 editorial"
    )
