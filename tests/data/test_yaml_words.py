"""Unit tests for memogen.data.yaml_words: libyaml's syntax errors in memogen's words."""

from __future__ import annotations

import yaml

from memogen.data.loader import _Parser
from memogen.data.yaml_words import syntax_error

FILE = "standards/s.yaml"


def libyaml_error(text: str) -> yaml.MarkedYAMLError:
    """The syntax error the loader's parser (libyaml) raises for `text`."""
    try:
        list(yaml.parse(text, Loader=_Parser))
    except yaml.MarkedYAMLError as exc:
        return exc
    raise AssertionError(f"{text!r} parsed")


def worded(text: str) -> str:
    return syntax_error(FILE, libyaml_error(text)).describe()


def test_a_known_problem_is_put_in_memogens_words_where_libyaml_found_it() -> None:
    assert worded("title: a: b\n") == (
        "standards/s.yaml:1:9: error: a ':' appears where a value was expected "
        "(put text that contains ': ' in quotes, or move the value to its own line)"
    )


def test_an_unclosed_bracket_is_shown_where_it_opens_not_where_the_file_ends() -> None:
    assert worded("id: x\nsteps: [a, b\nowner: Анна\n") == (
        "standards/s.yaml:2:8: error: a '[' list is not closed "
        "(add the closing ']' or write the list with '- ' items)"
    )


def test_a_quote_left_open_over_lines_is_shown_at_the_quote_that_was_not_closed() -> None:
    text = 'id: x\ntitle: "Кофе\nlanguage: en\nversion: "1.0"\n'
    opened = ((2, 8), 4)  # what the tree builder remembers of the last quoted value
    assert syntax_error(FILE, libyaml_error(text), opened).describe() == (
        "standards/s.yaml:2:8: error: this quote is not closed on its line "
        "(it ends on line 4) (close the quote on this line)"
    )


def test_a_quote_that_ends_elsewhere_than_the_error_does_not_take_the_blame() -> None:
    error = libyaml_error("title: a: b\n")
    assert (
        syntax_error(FILE, error, ((5, 1), 7))
        .describe()
        .startswith("standards/s.yaml:1:9: error: a ':' appears where a value was expected")
    )


def test_a_problem_memogen_has_no_words_for_keeps_libyamls_and_a_general_hint() -> None:
    error = libyaml_error("key: [\n")
    error.problem = "something new in libyaml"
    assert (
        syntax_error(FILE, error)
        .describe()
        .endswith(
            "error: the YAML is malformed here (something new in libyaml) "
            "(check quotes, colons and indentation on this line and the one above)"
        )
    )


def test_an_error_without_a_place_is_put_at_the_start_of_the_file() -> None:
    error = yaml.MarkedYAMLError(problem="found unexpected end of stream")
    assert syntax_error(FILE, error).describe() == (
        "standards/s.yaml:1:1: error: the file ends in the middle of a value "
        "(close the quote or bracket that is still open)"
    )


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
