"""Unit tests for memogen.data.document: where a key path stands, what value it holds."""

from __future__ import annotations

from memogen.data.document import CONTROL_CHARACTER, Document, located_error


def placed() -> Document:
    """`title: Кофе` on line 1 and a list `stages` of one mapping from line 2."""
    return Document(
        "standards/s.yaml",
        {"title": "Кофе", "stages": [{"name": "Приём"}]},
        values={
            (): (1, 1),
            ("title",): (1, 8),
            ("stages",): (3, 3),
            ("stages", 0): (3, 5),
            ("stages", 0, "name"): (3, 11),
        },
        keys={("title",): (1, 1), ("stages",): (2, 1), ("stages", 0, "name"): (3, 5)},
    )


def test_a_path_is_found_at_its_value() -> None:
    assert placed().where(("stages", 0, "name")) == (3, 11)


def test_a_path_is_found_at_its_key_when_asked() -> None:
    assert placed().where(("stages",), at_key=True) == (2, 1)


def test_a_path_without_a_key_position_falls_back_to_its_value() -> None:
    assert placed().where(("stages", 0), at_key=True) == (3, 5)


def test_a_missing_path_is_placed_at_its_closest_existing_ancestor() -> None:
    assert placed().where(("stages", 4, "deadline")) == (3, 3)


def test_a_path_with_no_ancestor_at_all_is_placed_at_the_start_of_the_file() -> None:
    assert Document("s.yaml", None).where(("title",)) == (1, 1)


def test_the_value_at_a_path_is_the_loaded_value_and_none_where_it_does_not_exist() -> None:
    document = placed()
    assert document.value_at(("stages", 0, "name")) == "Приём"
    assert document.value_at(()) == document.data
    assert document.value_at(("stages", 3)) is None  # past the end of a list
    assert document.value_at(("title", "name")) is None  # into text
    assert document.value_at(("stages", "name")) is None  # a key into a list


def test_a_located_error_carries_one_issue_at_that_place() -> None:
    error = located_error("s.yaml", (4, 2), "the key 'x' appears twice", "keep one of them")
    assert error.describe() == "s.yaml:4:2: error: the key 'x' appears twice (keep one of them)"


def test_control_characters_that_hide_text_are_matched_and_ordinary_text_is_not() -> None:
    assert [CONTROL_CHARACTER.search(c) is not None for c in "\x07\x1b\x85\ufeff"] == [True] * 4
    assert CONTROL_CHARACTER.search("Служба качества\tи\nсроки\r\n — ок") is None
