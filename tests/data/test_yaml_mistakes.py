"""Unit tests for memogen.data.yaml_mistakes: the mistakes owners make most, with their fix,
in both languages, at their line and column."""

from __future__ import annotations

FILE = "standards/s.yaml"


def loaded(text: str, language: str = "en") -> str:
    """What memogen says of `text`, through the loader, in `language`."""
    from memogen import i18n
    from memogen.data.loader import load_text
    from memogen.errors import UserError

    i18n.use(language)  # type: ignore[arg-type]
    try:
        load_text(text, FILE)
    except UserError as exc:
        return exc.describe()
    raise AssertionError(f"{text!r} loaded")


BOLD = "id: x\ntitle: **Важно**: прочитайте\n"
QUOTED = 'id: x\ntitle: "Переговорная" и кейтеринг\n'
SHIFTED = "id: x\nowner:\n  name: Анна\n   role: Руководитель\n  email: a@example.com\n"
SHIFTED_ITEM = "contacts:\n  - name: Анна\n    email: a@example.com\n  -  name: Борис\n    email: b@example.com\n"


def test_a_value_starting_with_markdown_stars_is_told_to_go_in_quotes_or_after_a_bar() -> None:
    assert loaded(BOLD) == (
        "standards/s.yaml:2:8: error: a value that starts with '*' must be put in quotes "
        "(put the whole value in quotes, or write it on the lines after '|')"
    )
    assert loaded("steps:\n  - *Откройте* форму\n", "ru") == (
        "standards/s.yaml:2:5: error: значение, которое начинается с '*', нужно взять в кавычки "
        "(возьмите всё значение в кавычки или напишите его на строках после '|')"
    )


def test_a_quoted_value_with_more_text_after_it_is_told_to_quote_the_whole_value() -> None:
    assert loaded(QUOTED) == (
        "standards/s.yaml:2:8: error: the text goes on after the closing quote "
        "(put the whole value in quotes: title: '\"Переговорная\" и кейтеринг')"
    )
    assert loaded(QUOTED, "ru") == (
        "standards/s.yaml:2:8: error: после закрывающей кавычки текст продолжается "
        "(возьмите в кавычки всё значение: title: '\"Переговорная\" и кейтеринг')"
    )


def test_a_key_out_of_line_is_shown_on_its_own_line_with_the_column_of_its_siblings() -> None:
    assert loaded(SHIFTED) == (
        "standards/s.yaml:4:4: error: this key starts at column 4, its siblings at column 3 "
        "(align it with 'name' on line 3, using spaces)"
    )
    assert loaded(SHIFTED, "ru") == (
        "standards/s.yaml:4:4: error: этот ключ начинается в колонке 4, а соседние — в колонке 3 "
        "(выровняйте его пробелами по 'name' в строке 3)"
    )


def test_a_list_items_key_moved_by_a_space_is_shown_there_not_a_line_late() -> None:
    assert loaded(SHIFTED_ITEM) == (
        "standards/s.yaml:4:6: error: this key starts at column 6, its siblings at column 5 "
        "(align it with 'email' on line 5, using spaces)"
    )
    assert loaded(SHIFTED_ITEM, "ru") == (
        "standards/s.yaml:4:6: error: этот ключ начинается в колонке 6, а соседние — в колонке 5 "
        "(выровняйте его пробелами по 'email' в строке 5)"
    )
