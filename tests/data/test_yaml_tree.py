"""Unit tests for memogen.data.yaml_tree: libyaml's events → plain data and positions."""

from __future__ import annotations

import pytest
import yaml

from memogen.data.document import Document
from memogen.data.yaml_tree import MAX_DEPTH, TreeBuilder
from memogen.errors import UserError

FILE = "standards/s.yaml"


def built(text: str) -> TreeBuilder:
    """A tree builder fed every event of `text`, as the loader feeds it."""
    builder = TreeBuilder(FILE, text)
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        builder.feed(event)
    return builder


def tree(text: str) -> Document:
    return built(text).document()


def refusal(text: str) -> str:
    with pytest.raises(UserError) as caught:
        built(text)
    return caught.value.describe()


def test_mappings_keep_their_key_order_and_lists_their_item_order() -> None:
    document = tree("zeta: 1\nalpha:\n  - Б\n  - А\nmid: ~\n")
    assert document.data == {"zeta": "1", "alpha": ["Б", "А"], "mid": None}
    assert list(document.data) == ["zeta", "alpha", "mid"]


def test_every_key_and_value_is_placed_at_its_line_and_column_counted_from_one() -> None:
    document = tree("owner:\n  name: Анна\nstages:\n  - name: Приём\n")
    assert document.values[()] == (1, 1)
    assert document.keys[("owner",)] == (1, 1)
    assert document.keys[("owner", "name")] == (2, 3)
    assert document.values[("owner", "name")] == (2, 9)
    assert document.values[("stages", 0)] == (4, 5)
    assert document.values[("stages", 0, "name")] == (4, 11)


def test_a_lone_scalar_is_the_whole_document() -> None:
    assert tree("just text\n").data == "just text"


def test_a_key_that_is_a_list_is_refused_where_it_stands() -> None:
    assert refusal("? [a, b]\n: value\n") == (
        "standards/s.yaml:1:3: error: a key is a list or mapping (keys are plain words like 'title')"
    )


def test_a_key_that_is_empty_is_refused() -> None:
    assert refusal("? \n: value\n") == (
        "standards/s.yaml:1:2: error: a key is empty (keys are plain words like 'title')"
    )


def test_a_duplicate_key_names_the_line_of_the_first_one() -> None:
    assert refusal("title: A\nid: x\ntitle: B\n") == (
        "standards/s.yaml:3:1: error: the key 'title' appears twice in this mapping"
        " (it was first given on line 1; keep one of them)"
    )


def test_nesting_one_level_past_the_bound_is_refused_with_the_bound_in_the_message() -> None:
    text = "".join("  " * level + f"k{level}:\n" for level in range(MAX_DEPTH)) + "  " * MAX_DEPTH
    text += "- deep\n"
    assert refusal(text).endswith(
        f"error: values are nested more than {MAX_DEPTH} levels deep"
        " (a standard needs only a few levels; check the indentation)"
    )


def test_a_quoted_value_over_several_lines_is_remembered_for_the_syntax_message() -> None:
    assert built('title: "Кофе\n  брейк"\n').multiline_quote == ((1, 8), 2)
    assert built('title: "Кофе брейк"\n').multiline_quote is None
