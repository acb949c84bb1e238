"""Unit tests for memogen.render.collation: Russian order, search folding and anchors."""

from __future__ import annotations

from memogen.render.collation import fold, slug, sort_key, unique_slugs

NAMES = ["Legal", "Отдел снабжения", "Ёлочный склад", "Бухгалтерия", "Facilities", "Елена", "1С"]


def test_a_russian_catalogue_puts_cyrillic_before_latin_and_yo_beside_ye() -> None:
    assert sorted(NAMES, key=lambda name: sort_key(name, "ru")) == [
        "1С",
        "Бухгалтерия",
        "Елена",
        "Ёлочный склад",
        "Отдел снабжения",
        "Facilities",
        "Legal",
    ]


def test_an_english_catalogue_puts_latin_first() -> None:
    assert sorted(NAMES, key=lambda name: sort_key(name, "en"))[1:3] == ["Facilities", "Legal"]


def test_case_and_punctuation_do_not_change_the_order() -> None:
    names = ["ит-поддержка", "Итоги", "ИТ поддержка"]
    assert sorted(names, key=lambda name: sort_key(name, "ru")) == [
        "ИТ поддержка",
        "ит-поддержка",
        "Итоги",
    ]


def test_search_text_is_folded_like_the_page_folds_what_is_typed() -> None:
    assert fold("  ЁЛКА   Йод\tCafé ") == "елка йод cafe"


def test_anchors_are_plain_latin_slugs_of_the_names() -> None:
    assert slug("Отдел снабжения") == "otdel-snabzheniia"
    assert slug("ИТ-поддержка") == "it-podderzhka"
    assert slug("Щит и Юг") == "shchit-i-iug"
    assert slug("«»") == "section"


def test_names_with_the_same_slug_get_numbered_anchors() -> None:
    assert unique_slugs(["Отдел Ё", "Отдел Е", "Legal"]) == {
        "Отдел Ё": "otdel-e",
        "Отдел Е": "otdel-e-2",
        "Legal": "legal",
    }


def test_numbers_in_names_are_ordered_by_value() -> None:
    names = ["Договор № 171", "Договор № 83", "Договор № 9", "Договор"]
    assert sorted(names, key=lambda name: sort_key(name, "ru")) == [
        "Договор",
        "Договор № 9",
        "Договор № 83",
        "Договор № 171",
    ]
