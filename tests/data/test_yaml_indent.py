"""Unit tests for memogen.data.yaml_indent: the key out of line with its siblings."""

from __future__ import annotations

from memogen.data.yaml_indent import Misplaced, misplaced_key


def test_a_key_further_in_than_its_sibling_with_a_value_is_found() -> None:
    text = "owner:\n  name: Анна\n    role: boss\n"
    assert misplaced_key(text, 3) == Misplaced(3, 5, 3, "name", 2)


def test_a_key_between_its_parent_and_its_siblings_takes_the_siblings_column() -> None:
    text = "owner:\n  name: Анна\n role: boss\n"
    assert misplaced_key(text, 3) == Misplaced(3, 2, 3, "name", 2)
    items = "id: x\nstages:\n  - name: a\n    deadline: 1 day\n   result: z\n"
    assert misplaced_key(items, 5) == Misplaced(5, 4, 5, "name", 3)


def test_a_key_after_a_list_is_the_sibling_of_the_lists_key() -> None:
    text = "request:\n  channel: form\n  steps:\n    - a\n   form_url: x\n"
    assert misplaced_key(text, 5) == Misplaced(5, 4, 3, "steps", 3)


def test_a_key_in_line_with_the_keys_above_is_not_the_problem() -> None:
    assert misplaced_key("id: x\ntitle: Meeting: 10:00\n", 2) is None
    assert misplaced_key("id: x\n", 9) is None
