"""Quote marks of the language, nested by level."""

from __future__ import annotations

from memogen.render.quotes import with_quotes


def quoted(text: str, lang: str) -> str:
    return "".join(piece for piece, _ in with_quotes([(text, True)], lang))


def test_the_nesting_level_runs_on_across_a_protected_piece() -> None:
    pieces = [('see "the ', True), ('`"code"`', False), (' here"', True)]
    assert "".join(p for p, _ in with_quotes(pieces, "en")) == 'see “the `"code"` here”'


def test_russian_quotes_are_yolochki_outside_and_lapki_inside() -> None:
    assert quoted('Поле "Обоснование"', "ru") == "Поле «Обоснование»"
    assert quoted('Заявка "Форма "ЗК-1" готова"', "ru") == "Заявка «Форма „ЗК-1“ готова»"
    assert quoted("Заявка «Форма «Срочно» готова»", "ru") == "Заявка «Форма „Срочно“ готова»"


def test_english_text_gets_curly_quotes_and_apostrophes() -> None:
    assert quoted('Press "Submit" on the guest\'s form', "en") == (
        "Press “Submit” on the guest’s form"
    )
    assert quoted("a 'quoted' word", "en") == "a ‘quoted’ word"
