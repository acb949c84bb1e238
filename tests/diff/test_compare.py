"""memogen.diff.compare: changes in the standard's language, breaking first, named lists
matched by name."""

from __future__ import annotations

from memogen.diff.compare import Change, compare
from tests.diff.diff_kit import TINY, edited, model

RU = edited("language: en", "language: ru")


def test_a_longer_total_is_said_in_the_standards_language() -> None:
    new = edited("\ndeadline: 3 business days", "\ndeadline: 5 business days", RU)
    assert compare(model(RU), model(new), 8) == [
        Change(
            "deadline",
            "breaking",
            "total-longer",
            "3 business days",
            "5 business days",
            "Общий срок увеличен: было 3 рабочих дня, стало 5 рабочих дней",
        )
    ]


def test_breaking_changes_come_first() -> None:
    new = edited("small things", "little things")
    new = edited("\ndeadline: 3 business days", "\ndeadline: 4 business days", new)
    assert [c.kind for c in compare(model(TINY), model(new), 8)] == ["breaking", "editorial"]


def test_a_stage_inserted_before_others_is_one_change() -> None:
    stage = "stages:\n"
    new = edited(stage, stage + "  - name: Triage\n    deadline: 1 business hour\n")
    changes = compare(model(TINY), model(new), 8)
    assert [(c.path, c.rule, c.message) for c in changes] == [
        ("stages.0", "stage-new", "A new stage: “Triage”")
    ]
