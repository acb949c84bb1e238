"""Unit tests for memogen.data.wording: pydantic's findings in memogen's words, placed in the YAML."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from memogen.data.config_model import Config
from memogen.data.document import Document
from memogen.data.fields import Line
from memogen.data.loader import load_text
from memogen.data.models import Standard, Strict
from memogen.data.wording import cut_comment_warnings, to_model
from memogen.errors import Issue

FILE = "memogen.yaml"


class Stage(Strict):
    name: Line
    kind: Literal["call", "email", "visit"] = "call"


class Plan(Strict):
    stages: list[Stage] = Field(min_length=1, max_length=2)


def issues_of(model: type[Strict], text: str) -> list[str]:
    made, issues = to_model(model, load_text(text, FILE))
    assert made is None
    return [issue.text() for issue in issues]


def test_a_valid_document_becomes_its_model_with_no_issue() -> None:
    config, issues = to_model(Config, load_text("organisation: ООО «Пример»\n", FILE))
    assert issues == []
    assert config is not None and config.organisation == "ООО «Пример»"


def test_an_empty_file_or_a_list_is_refused_with_a_hint_for_its_kind_of_file() -> None:
    assert issues_of(Config, "") == [
        "memogen.yaml:1:1: error: the file is empty (write 'key: value' lines, e.g. 'language: ru')"
    ]
    assert issues_of(Standard, "- a\n") == [
        "memogen.yaml:1:1: error: the file is not a mapping of keys "
        "(start with 'memogen: 1' and the keys of the format)"
    ]


def test_an_unknown_key_is_placed_at_the_key_with_the_closest_known_one() -> None:
    assert issues_of(Config, "brand:\n  fnot: PT Sans\n") == [
        "memogen.yaml:2:3: error: brand.fnot: unknown key 'fnot' (did you mean 'font'?)"
    ]


def test_an_unknown_key_like_no_other_lists_the_known_keys() -> None:
    assert issues_of(Config, "memo:\n  zzz: 1\n") == [
        "memogen.yaml:2:3: error: memo.zzz: unknown key 'zzz' (known keys: size)"
    ]


def test_a_missing_key_is_placed_at_its_parent_with_list_items_counted_from_one() -> None:
    assert issues_of(Plan, "stages:\n  - kind: call\n  - kind: email\n    name: Б\n") == [
        "memogen.yaml:2:5: error: stages.1: the key 'name' is required (add 'name:' here)"
    ]


def test_a_word_not_in_the_list_gets_the_closest_allowed_word() -> None:
    assert issues_of(Plan, "stages:\n  - name: А\n    kind: emial\n") == [
        "memogen.yaml:3:11: error: stages.1.kind: 'emial' is not allowed here "
        "(did you mean 'email'?)"
    ]


def test_an_empty_value_or_a_list_where_one_word_belongs_is_named_as_such() -> None:
    assert issues_of(Plan, "stages:\n  - name: А\n    kind:\n  - name: Б\n    kind: [a]\n") == [
        "memogen.yaml:3:10: error: stages.1.kind: this value is empty "
        "(use one of: call, email, visit)",
        "memogen.yaml:5:11: error: stages.2.kind: expected one word, found a list "
        "(use one of: call, email, visit)",
    ]


def test_list_bounds_and_number_bounds_are_said_with_their_limits() -> None:
    assert issues_of(Plan, "stages: []\n") == [
        "memogen.yaml:1:9: error: stages: needs at least 1 item(s) (add an item starting with '- ')"
    ]
    assert issues_of(Plan, "stages:\n" + "  - name: А\n" * 3) == [
        "memogen.yaml:2:3: error: stages: has more than 2 items (keep the list short enough to read)"
    ]
    assert issues_of(Config, "workday_hours: 25\n") == [
        "memogen.yaml:1:16: error: workday_hours: must be at most 24"
    ]


def test_a_memogen_field_error_keeps_its_own_message_and_hint() -> None:
    assert issues_of(Config, "brand:\n  primary: '#12'\n") == [
        "memogen.yaml:2:12: error: brand.primary: '#12' is not a colour "
        '(write it as "#1F4E79", in quotes)'
    ]


def test_text_cut_as_a_comment_is_warned_about_and_long_text_is_shortened() -> None:
    long = "#" + "я" * 80
    document = Document(
        FILE,
        {},
        cut_comments=[(("stages", 1, "name"), (3, 14), "#2 на 8"), (("title",), (1, 9), long)],
    )
    assert cut_comment_warnings(document) == [
        Issue(
            FILE,
            3,
            14,
            "stages.2.name",
            "the text after ' #' is a YAML comment and is left out: \"#2 на 8\"",
            "put the whole value in quotes to keep it",
            severity="warning",
        ),
        Issue(
            FILE,
            1,
            9,
            "title",
            f"the text after ' #' is a YAML comment and is left out: \"#{'я' * 58}…\"",
            "put the whole value in quotes to keep it",
            severity="warning",
        ),
    ]
