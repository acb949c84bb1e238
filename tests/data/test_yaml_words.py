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
