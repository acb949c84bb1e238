"""Unit tests for memogen.lint.rules.typography (MG401-MG403): Russian typography in every
text, with code, link addresses and HTML left out."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from memogen.lint.rules import typography
from memogen.lint.rules.base import Check, Context, Hit

LintContext = Callable[..., Context]  # the fixture of conftest.py
SUMMARY = "summary: We help colleagues with small things.\n"
QUOTES_HINT = "use «ёлочки»: «…» (and „лапки“ for quotes inside quotes)"
DASH_HINT = (
    "write a dash with spaces around it: ' — '; for ranges of numbers write '–' without "
    "spaces, e.g. 3–5"
)
SPACE_HINT = (
    "put a space between the number and the unit, e.g. '5 кг': memogen keeps them on one line"
)


def russian(lint_context: LintContext, summary: str) -> Context:
    """The clean standard in Russian, with this summary."""
    return lint_context(("language: en\n", "language: ru\n"), (SUMMARY, f"summary: {summary}\n"))


@pytest.mark.parametrize(
    "check",
    [typography.straight_quotes, typography.hyphen_as_dash, typography.unit_space],
    ids=lambda check: check.__name__,
)
def test_good_russian_typography_passes(check: Check, lint_context: LintContext) -> None:
    ctx = russian(
        lint_context, "Выдаём «справки» за 3–5 дней — бумага A4, 10 %, 15 000 ₽, ИТ-служба."
    )
    assert list(check(ctx)) == []


def test_mg401_straight_quotes_point_at_their_own_occurrence(lint_context: LintContext) -> None:
    ctx = russian(lint_context, 'Выдаём "справки" и "копии".')
    assert list(typography.straight_quotes(ctx)) == [
        Hit(("summary",), 'straight quotes in "справки"', QUOTES_HINT, '"', 0),
        Hit(("summary",), 'straight quotes in "копии"', QUOTES_HINT, '"', 2),
    ]


def test_mg401_quotes_in_code_and_link_addresses_are_not_typography(
    lint_context: LintContext,
) -> None:
    ctx = russian(lint_context, 'Откройте [форму](https://x.example/?a="b") и введите `"да"`.')
    assert list(typography.straight_quotes(ctx)) == []


def test_mg402_a_hyphen_or_en_dash_between_words(lint_context: LintContext) -> None:
    ctx = russian(lint_context, "Справка - это документ. Срок – три дня.")
    assert list(typography.hyphen_as_dash(ctx)) == [
        Hit(("summary",), "a hyphen used as a dash in 'Справка - это'", DASH_HINT, " - ", 0),
        Hit(("summary",), "a hyphen used as a dash in 'Срок – три'", DASH_HINT, " – ", 0),
    ]


def test_mg403_asks_for_a_space_not_a_no_break_one(lint_context: LintContext) -> None:
    ctx = russian(
        lint_context, "Скидка 10% на 5кг за 15 000 ₽ и 100₽, но 10кгс и 2 метра не единицы."
    )
    assert list(typography.unit_space(ctx)) == [
        Hit(("summary",), "a number glued to its unit in '5кг'", SPACE_HINT, "5кг", 0),
        Hit(("summary",), "a number glued to its unit in '100₽'", SPACE_HINT, "100₽", 0),
    ]


def test_every_text_is_checked_but_not_codes_and_addresses(lint_context: LintContext) -> None:
    ctx = lint_context(
        ("language: en\n", "language: ru\n"),
        ("  name: Ann Lee\n", '  name: Ann "Lee"\n'),
        ('version: "1.0"\n', "version: 10кг\n"),
    )
    assert [hit.path for hit in typography.straight_quotes(ctx)] == [("owner", "name")]
    assert list(typography.unit_space(ctx)) == []  # a version is a code, not a text
