"""The spacing rules: where a line must not break, one rule at a time."""

from __future__ import annotations

import pytest

from memogen.render.spacing import spaced

NB = "\u00a0"
THIN = "\u202f"
NBH = "\u2011"


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("Справки с места работы и копии", f"Справки с{NB}места работы и{NB}копии"),
        ("заявка — в отдел", f"заявка{NB}— в{NB}отдел"),
        ("заявка - в отдел", f"заявка{NB}— в{NB}отдел"),
        ("форма № АО-1", f"форма №{NB}АО{NBH}1"),
        ("стоимость 50 000 ₽", f"стоимость 50{THIN}000{NB}₽"),
        ("за 1 рабочий день", f"за{NB}1{NB}рабочий день"),
        ("ИТ-поддержки", f"ИТ{NBH}поддержки"),
        ("кто-то придёт", f"кто{NBH}то придёт"),
        ("А. С. Пушкин", f"А.{NB}С.{NB}Пушкин"),
        ("Пушкин А. С.", f"Пушкин{NB}А.{NB}С."),
        ("и т. д. и т. п.", f"и{NB}т.{NB}д.{NB}и{NB}т.{NB}п."),
        ("склад, каб. 104", f"склад, каб.{NB}104"),
        ("Можно ли купить", f"Можно{NB}ли купить"),
    ],
)
def test_russian_text_gets_the_spaces_and_hyphens_a_typesetter_would_set(
    typed: str, printed: str
) -> None:
    assert spaced(typed, "ru") == printed


def test_english_text_gets_a_unit_on_its_number_and_a_dash_on_its_word() -> None:
    assert spaced("within 5 business days", "en") == f"within 5{NB}business days"
    assert spaced("Call us - we answer", "en") == f"Call us{NB}— we answer"
