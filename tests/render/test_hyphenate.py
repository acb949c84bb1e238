"""Unit tests for memogen.render.hyphenate: long words cut to a width, at their syllables."""

from __future__ import annotations

from memogen.render.hyphenate import pieces


def letters(text: str) -> float:
    """A width of one unit a character: the pieces' lengths are their widths."""
    return float(len(text))


def test_a_word_that_fits_stays_whole() -> None:
    assert pieces("согласование", 12, letters) == ["согласование"]


def test_a_russian_word_is_cut_at_its_syllables_with_a_hyphen_each_piece_fitting() -> None:
    cut = pieces("Рентгеноэлектрокардиографическое", 12, letters)
    assert cut == ["Рентгено-", "электрокар-", "диографиче-", "ское"]


def test_an_english_word_breaks_at_its_own_hyphen_without_doubling_it() -> None:
    cut = pieces("countersigned-approval", 15, letters)
    assert cut == ["countersigned-", "approval"]


def test_a_word_without_syllables_is_cut_where_it_must_without_a_hyphen() -> None:
    assert pieces("XQZXQZXQZ", 4, letters) == ["XQZX", "QZXQ", "Z"]
