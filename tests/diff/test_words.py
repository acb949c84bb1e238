"""memogen.diff.words: a change's sentence, deadlines worded, long texts cut."""

from __future__ import annotations

from memogen.diff.words import sentence, worded


def test_deadlines_are_worded_with_their_plural_forms() -> None:
    assert sentence("stage-shorter", "ru", "Проверка", "2 business days", "1 business day") == (
        "Срок этапа «Проверка» сокращён: было 2 рабочих дня, стало 1 рабочий день"
    )


def test_a_missing_value_and_a_long_text_are_worded() -> None:
    assert worded("delivery-changed", None, "en") == "not given"
    assert worded("delivery-changed", "word " * 50, "en").endswith("…")
    assert len(worded("delivery-changed", "word " * 50, "en")) == 120
