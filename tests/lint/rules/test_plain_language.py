"""Unit tests for memogen.lint.rules.plain_language (MG201-MG203, MG301): plain words,
short sentences and a poster read at a glance, in English and in Russian."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from memogen.lint.rules import plain_language
from memogen.lint.rules.base import Check, Context, Hit

LintContext = Callable[..., Context]  # the fixture of conftest.py
SUMMARY = "summary: We help colleagues with small things.\n"


@pytest.mark.parametrize(
    "check",
    [
        plain_language.long_sentence,
        plain_language.jargon,
        plain_language.passive_voice,
        plain_language.poster_word_budget,
    ],
    ids=lambda check: check.__name__,
)
def test_the_plain_standard_passes(check: Check, lint_context: LintContext) -> None:
    assert list(check(lint_context())) == []


def test_mg201_a_sentence_over_the_limit_names_its_first_words(lint_context: LintContext) -> None:
    long = "Short one. We help colleagues with small things every day of the week here."
    ctx = lint_context((SUMMARY, f"summary: {long}\n"), max_sentence_words=10)
    assert list(plain_language.long_sentence(ctx)) == [
        Hit(
            ("summary",),
            "a sentence of 12 words, more than 10: 'We help colleagues with small things …'",
            "split it into two or three short sentences",
            "We help colleagues",
            0,
        )
    ]
    at_the_limit = lint_context(max_sentence_words=6)  # the summary has 6 words
    assert list(plain_language.long_sentence(at_the_limit)) == []


def test_mg201_the_second_long_sentence_with_the_same_opening_is_its_second_occurrence(
    lint_context: LintContext,
) -> None:
    twice = "We help you with one two three four five. We help you with six seven eight nine ten."
    ctx = lint_context((SUMMARY, f"summary: {twice}\n"), max_sentence_words=8)
    assert [(hit.fragment, hit.occurrence) for hit in plain_language.long_sentence(ctx)] == [
        ("We help you", 0),
        ("We help you", 1),
    ]


def test_mg202_jargon_is_found_once_a_text_with_the_plain_word_to_write(
    lint_context: LintContext,
) -> None:
    text = "We utilise forms in order to help. We Utilise them."
    ctx = lint_context((SUMMARY, f"summary: {text}\n"))
    assert list(plain_language.jargon(ctx)) == [
        Hit(("summary",), "'utilise' is jargon", "write 'use' instead", "utilise"),
        Hit(("summary",), "'in order to' is jargon", "write 'to' instead", "in order to"),
    ]


def test_mg202_a_word_with_a_star_matches_its_endings_in_russian(
    lint_context: LintContext,
) -> None:
    ctx = lint_context(
        ("language: en\n", "language: ru\n"),
        (SUMMARY, "summary: Мы осуществляем приём заявок, а не «осуществ».\n"),
    )
    assert list(plain_language.jargon(ctx)) == [
        Hit(
            ("summary",),
            "'осуществляем' is jargon",
            "write 'делать, проводить' instead",
            "осуществляем",
        )
    ]


def test_mg202_a_configured_list_replaces_the_built_in_one_and_has_no_suggestions(
    lint_context: LintContext,
) -> None:
    text = "We utilise the ticket queue in order to help."
    ctx = lint_context((SUMMARY, f"summary: {text}\n"), jargon={"en": ["ticket*", "utilise"]})
    assert list(plain_language.jargon(ctx)) == [
        Hit(("summary",), "'utilise' is jargon", "say it in everyday words", "utilise"),
        Hit(("summary",), "'ticket' is jargon", "say it in everyday words", "ticket"),
    ]


def test_mg202_a_link_address_is_not_read_as_jargon(lint_context: LintContext) -> None:
    ctx = lint_context((SUMMARY, "summary: See [the form](https://x.example/leverage).\n"))
    assert list(plain_language.jargon(ctx)) == []


def test_mg203_passive_voice_in_a_sentence(lint_context: LintContext) -> None:
    ctx = lint_context(("    result: We solve the problem\n", "    result: The file is sent\n"))
    assert list(plain_language.passive_voice(ctx)) == [
        Hit(
            ("stages", 1, "result"),
            "passive voice: 'is sent'",
            "say who does it, e.g. 'we send the file' instead of 'the file is sent'",
            "is sent",
        )
    ]


def test_mg203_is_gone_and_is_ready_are_not_passive(lint_context: LintContext) -> None:
    ctx = lint_context(
        (SUMMARY, "summary: The problem is gone. The room is ready. It is done by noon.\n")
    )
    assert [hit.message for hit in plain_language.passive_voice(ctx)] == [
        "passive voice: 'is done'"
    ]


def test_mg301_a_poster_over_its_word_budget_counts_each_part(lint_context: LintContext) -> None:
    ctx = lint_context(poster_word_budget=7)
    assert list(plain_language.poster_word_budget(ctx)) == [
        Hit(
            ("poster", "slogan"),
            "the poster has 8 words (title 2, slogan 4, stage names 2), more than the budget of 7",
            "shorten the slogan, the title or the stage names",
        )
    ]
    assert list(plain_language.poster_word_budget(lint_context(poster_word_budget=8))) == []


def test_mg301_without_a_slogan_the_title_is_blamed(lint_context: LintContext) -> None:
    ctx = lint_context(
        ("poster:\n  slogan: Small things, fixed fast\n", ""),
        ("title: Tiny service\n", "title: Tiny service for all staff\n"),
        poster_word_budget=5,
    )
    assert list(plain_language.poster_word_budget(ctx)) == [
        Hit(
            ("title",),
            "the poster has 7 words (title 5, stage names 2), more than the budget of 5",
            "shorten the slogan, the title or the stage names",
        )
    ]
