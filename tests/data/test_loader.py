"""The loader: YAML bytes → plain data, every refusal located and worded for people."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from memogen.data import loader
from memogen.data.loader import MAX_FILE_BYTES, load_bytes
from memogen.data.models import Standard
from memogen.data.wording import to_model
from memogen.data.yaml_tree import MAX_DEPTH, MAX_NODES, MAX_SCALAR_CHARS
from memogen.errors import UserError

FILE = "standards/s.yaml"
VALID_STANDARD = (Path(__file__).parents[1] / "fixtures" / "good" / "tiny-service.yaml").read_text(
    encoding="utf-8"
)


def refusal(raw: bytes) -> str:
    """The full text of the error `load_bytes` raises for `raw`."""
    with pytest.raises(UserError) as caught:
        load_bytes(raw, FILE)
    return caught.value.describe()


# --- plain data only -------------------------------------------------------------------


def test_duplicate_key_is_refused_at_the_second_one() -> None:
    assert refusal(b"title: A\nid: x\ntitle: B\n") == (
        "standards/s.yaml:3:1: error: the key 'title' appears twice in this mapping "
        "(it was first given on line 1; keep one of them)"
    )


def test_duplicate_key_in_a_nested_mapping_is_refused() -> None:
    assert refusal(b"owner:\n  name: A\n  role: B\n  name: C\n") == (
        "standards/s.yaml:4:3: error: the key 'name' appears twice in this mapping "
        "(it was first given on line 2; keep one of them)"
    )


def test_same_key_in_two_list_items_is_not_a_duplicate() -> None:
    assert load_bytes(b"stages:\n  - name: A\n  - name: B\n", FILE).data == {
        "stages": [{"name": "A"}, {"name": "B"}]
    }


def test_anchor_is_refused() -> None:
    assert refusal(b"title: &t Tiny\n") == (
        "standards/s.yaml:1:8: error: the anchor '&t' is not allowed "
        "(write the value out in full; a standard is plain data)"
    )


def test_alias_is_refused() -> None:
    assert refusal(b"title: Tiny\nsummary: *t\n") == (
        "standards/s.yaml:2:10: error: the alias '*t' is not allowed "
        "(write the value out in full; a standard is plain data)"
    )


def test_merge_key_is_refused() -> None:
    assert refusal(b"owner:\n  <<: {name: A}\n") == (
        "standards/s.yaml:2:3: error: merge keys ('<<') are not allowed "
        "(write the keys out in full; a standard is plain data)"
    )


def test_python_tag_is_refused_as_typed() -> None:
    assert refusal(b"title: !!python/name:os.system\n") == (
        "standards/s.yaml:1:8: error: the tag '!!python/name:os.system' is not allowed "
        "(remove it; a standard is plain data)"
    )


def test_custom_tag_is_refused() -> None:
    assert refusal(b"title: !custom Tiny\n") == (
        "standards/s.yaml:1:8: error: the tag '!custom' is not allowed "
        "(remove it; a standard is plain data)"
    )


def test_second_document_is_refused() -> None:
    assert refusal(b"id: one\n---\nid: two\n") == (
        "standards/s.yaml:2:1: error: the file holds more than one YAML document "
        "(keep one standard per file and remove the '---' line)"
    )


def test_one_document_with_explicit_start_is_accepted() -> None:
    assert load_bytes(b"---\nid: one\n", FILE).data == {"id": "one"}


def test_mapping_as_key_is_refused() -> None:
    assert refusal(b"? {a: 1}\n: x\n") == (
        "standards/s.yaml:1:3: error: a key is a list or mapping "
        "(keys are plain words like 'title')"
    )


def test_empty_key_is_refused() -> None:
    assert refusal(b"? \n: x\n") == (
        "standards/s.yaml:1:2: error: a key is empty (keys are plain words like 'title')"
    )


# --- characters and encoding -------------------------------------------------------------


def test_tab_indentation_is_refused() -> None:
    assert refusal(b"owner:\n\tname: A\n") == (
        "standards/s.yaml:2:1: error: a tab is used for indentation "
        "(indent with spaces only; tell your editor to insert spaces for Tab)"
    )


def test_tab_after_spaces_is_refused_at_the_tab() -> None:
    assert refusal(b"owner:\n  \tname: A\n") == (
        "standards/s.yaml:2:3: error: a tab is used for indentation "
        "(indent with spaces only; tell your editor to insert spaces for Tab)"
    )


def test_invalid_utf8_is_refused_at_the_bad_byte() -> None:
    assert refusal("title: Привет\nsummary: д".encode() + b"\xff\n") == (
        "standards/s.yaml:2:11: error: byte 0xFF is not valid UTF-8 (save the file as UTF-8)"
    )


def test_windows_1251_text_is_refused_as_not_utf8() -> None:
    assert refusal("title: Привет\n".encode("cp1251")) == (
        "standards/s.yaml:1:8: error: byte 0xCF is not valid UTF-8 (save the file as UTF-8)"
    )


def test_nul_byte_is_refused() -> None:
    assert refusal(b"title: Tiny\x00\n") == (
        "standards/s.yaml:1:12: error: the invisible control character U+0000 is not allowed "
        "(delete it; it often comes from copying text out of another program)"
    )


def test_byte_order_mark_inside_the_text_is_refused() -> None:
    assert refusal("title: a\ufeffb\n".encode()) == (
        "standards/s.yaml:1:9: error: the invisible control character U+FEFF is not allowed "
        "(delete it; it often comes from copying text out of another program)"
    )


def test_byte_order_mark_at_the_start_is_accepted() -> None:
    assert load_bytes("\ufefftitle: Tiny\n".encode(), FILE).data == {"title": "Tiny"}


def test_byte_order_mark_does_not_shift_columns() -> None:
    assert refusal("\ufefftitle: &t Tiny\n".encode()) == (
        "standards/s.yaml:1:8: error: the anchor '&t' is not allowed "
        "(write the value out in full; a standard is plain data)"
    )


def test_windows_line_endings_are_accepted() -> None:
    assert load_bytes(b"id: one\r\ntitle: Tiny\r\n", FILE).data == {"id": "one", "title": "Tiny"}


# --- bounds --------------------------------------------------------------------------------


def test_file_over_the_size_bound_is_refused() -> None:
    raw = b"summary: " + b"x" * MAX_FILE_BYTES + b"\n"
    assert refusal(raw) == (
        "standards/s.yaml:1:1: error: the file is larger than 256 KiB "
        "(a standard is a few pages of text; split it or shorten it)"
    )


TOO_DEEP = (
    f"standards/s.yaml:1:{MAX_DEPTH + 1}: error: values are nested more than "
    f"{MAX_DEPTH} levels deep (a standard needs only a few levels; check the indentation)"
)


def test_deep_nesting_is_refused_where_it_first_exceeds_the_bound() -> None:
    assert refusal(b"[" * 2000 + b"]" * 2000) == TOO_DEEP  # beyond libyaml's own bound too


def test_libyamls_own_nesting_bound_still_gives_memogens_located_message(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """PyYAML 6.0.4's libyaml can stop at its own bound before memogen's check sees a level."""

    class LibyamlWithItsOwnBound(yaml.SafeLoader):
        def check_event(self, *choices: type[yaml.Event]) -> bool:
            raise yaml.MarkedYAMLError(
                problem="exceeded maximum nesting depth", problem_mark=self.get_mark()
            )

    monkeypatch.setattr(loader, "_Parser", LibyamlWithItsOwnBound)
    assert refusal(b"[" * 20 + b"]" * 20) == TOO_DEEP


def test_nesting_past_libyamls_own_bound_is_located_by_memogen_in_every_form() -> None:
    """libyaml refuses 1,000 levels itself, in a block mapping, a block sequence or a flow
    mapping too; it hands their events over level by level, so memogen's check meets the
    first level too deep before libyaml stops (a run of '[' needed the fallback above)."""
    mapping = (
        "x:\n" + "".join(" " * level + "a:\n" for level in range(1, 1001)) + " " * 1001 + "z\n"
    )
    forms = {
        "block mapping": (mapping, ":13:13:"),  # over 256 KiB: loaded as text
        "block sequence": ("x:\n" + "- " * 1000 + "z\n", ":2:23:"),
        "flow mapping": ("summary: " + "{a: " * 1000 + "x" + "}" * 1000 + "\n", ":1:54:"),
    }
    for name, (text, place) in forms.items():
        assert _libyaml_problem(text), name
        assert _text_refusal(text) == TOO_DEEP.replace(":1:13:", place), name


def _libyaml_problem(text: str) -> str:
    """What the parser memogen uses (libyaml, through PyYAML) says of `text` itself, in its
    own words; "" if it reads it."""
    parser = loader._Parser(text)
    try:
        while parser.check_event():
            parser.get_event()
    except yaml.MarkedYAMLError as exc:
        return str(exc.problem)
    finally:
        parser.dispose()
    return ""


def _text_refusal(text: str) -> str:
    with pytest.raises(UserError) as caught:
        loader.load_text(text, FILE)
    return caught.value.describe()


def test_nesting_at_the_depth_bound_is_accepted() -> None:
    raw = b"[" * MAX_DEPTH + b"x" + b"]" * MAX_DEPTH
    assert load_bytes(raw, FILE).data is not None


def test_billion_laughs_is_refused_at_its_first_anchor() -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    assert refusal("\n".join(lines).encode()) == (
        "standards/s.yaml:1:5: error: the anchor '&a0' is not allowed "
        "(write the value out in full; a standard is plain data)"
    )


def test_too_many_values_are_refused() -> None:
    raw = b"steps: [" + b"x," * MAX_NODES + b"x]\n"
    assert refusal(raw).endswith(
        f"error: the file has more than {MAX_NODES} values "
        "(a standard is a few pages of text; shorten it)"
    )


def test_overlong_value_is_refused() -> None:
    raw = b"summary: " + b"x" * (MAX_SCALAR_CHARS + 1) + b"\n"
    assert refusal(raw) == (
        f"standards/s.yaml:1:10: error: this value is longer than {MAX_SCALAR_CHARS} characters "
        "(shorten it; documents are read, not searched)"
    )


# --- scalars stay the text that was typed ---------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("version: 1.10", "1.10"),
        ("clients: no", "no"),
        ("clients: yes", "yes"),
        ("clients: off", "off"),
        ("mode: 0755", "0755"),
        ("time: 1:30", "1:30"),
        ("effective: 2026-12-01", "2026-12-01"),
        ("big: 1e3", "1e3"),
        ("nan: .nan", ".nan"),
        ("flag: true", "true"),
        ("quoted: 'null'", "null"),
        ("quoted: ''", ""),
    ],
)
def test_scalar_is_kept_as_typed_text(typed: str, kept: str) -> None:
    [(_, value)] = load_bytes(typed.encode(), FILE).data.items()
    assert value == kept


@pytest.mark.parametrize("typed", ["key:", "key: ~", "key: null", "key: Null", "key: NULL"])
def test_empty_value_is_none(typed: str) -> None:
    assert load_bytes(typed.encode(), FILE).data == {"key": None}


def test_empty_file_is_none() -> None:
    assert load_bytes(b"# only a comment\n", FILE).data is None


def test_positions_of_keys_and_values_are_recorded() -> None:
    document = load_bytes(b"owner:\n  name: Ann\nstages:\n  - name: A\n", FILE)
    assert document.keys[("owner", "name")] == (2, 3)
    assert document.values[("owner", "name")] == (2, 9)
    assert document.values[("stages", 0, "name")] == (4, 11)


# --- syntax errors in our own words --------------------------------------------------------


def test_colon_inside_a_value_is_explained() -> None:
    assert refusal(b"a: b: c\n") == (
        "standards/s.yaml:1:5: error: a ':' appears where a value was expected "
        "(put text that contains ': ' in quotes, or move the value to its own line)"
    )


def test_unclosed_quote_is_shown_where_it_opens() -> None:
    assert refusal(b'title: "Tiny\nid: x\nsummary: y\n') == (
        "standards/s.yaml:1:8: error: the file ends in the middle of a value "
        "(close the quote or bracket that is still open)"
    )


def test_quote_left_open_mid_file_is_shown_where_it_opens() -> None:
    assert refusal(b'id: x\ntitle: "Tiny service\nlanguage: en\nversion: "1.0"\n') == (
        "standards/s.yaml:2:8: error: this quote is not closed on its line (it ends on line 4) "
        "(close the quote on this line)"
    )


def test_quoted_value_over_two_lines_is_accepted() -> None:
    assert load_bytes(b'summary: "one\n  two"\nid: x\n', FILE).data == {
        "summary": "one two",
        "id": "x",
    }


def test_unclosed_bracket_is_shown_where_it_opens() -> None:
    assert refusal(b"steps: [a, b\nid: x\n") == (
        "standards/s.yaml:1:8: error: a '[' list is not closed "
        "(add the closing ']' or write the list with '- ' items)"
    )


def test_unclosed_brace_is_shown_where_it_opens() -> None:
    assert refusal(b"owner: {name: A\nid: x\n") == (
        "standards/s.yaml:1:8: error: a '{' mapping is not closed (add the closing '}')"
    )


def test_bad_indentation_is_explained() -> None:
    assert refusal(b"owner:\n  name: A\n role: B\n") == (
        "standards/s.yaml:3:2: error: this key starts at column 2, its siblings at column 3 "
        "(align it with 'name' on line 2, using spaces)"
    )


def test_misaligned_list_item_is_explained() -> None:
    assert refusal(b"- a\nb: 1\n") == (
        "standards/s.yaml:2:1: error: the indentation does not match the list above "
        "(align every '- ' item of a list at the same column)"
    )


def test_reserved_character_is_explained() -> None:
    assert refusal(b"title: @home\n") == (
        "standards/s.yaml:1:8: error: this character cannot start a value "
        "(put the value in double quotes)"
    )


def test_list_item_on_the_key_line_is_explained() -> None:
    assert refusal(b"steps: - Open the form\n") == (
        "standards/s.yaml:1:8: error: a '- ' list item cannot start on the line of its key "
        "(move each '- ' item to its own line, indented under the key)"
    )


def test_unknown_backslash_escape_is_explained() -> None:
    assert refusal(b'form_name: "C:\\docs"\n') == (
        "standards/s.yaml:1:15: error: a backslash in double quotes must start a known escape "
        "(use single quotes, or write '\\\\' for a backslash)"
    )


def test_value_starting_with_a_comma_is_explained() -> None:
    assert refusal(b"title: , and more\n") == (
        "standards/s.yaml:1:8: error: a value is missing here "
        "(remove the extra ',' or put the value in quotes)"
    )


def test_other_syntax_errors_still_get_a_location_and_a_hint() -> None:
    """A problem memogen has no words for keeps libyaml's own, whatever its release says."""
    text = "id: one\n...\nid: two\n"
    assert refusal(text.encode()) == (
        f"standards/s.yaml:3:1: error: the YAML is malformed here ({_libyaml_problem(text)}) "
        "(check quotes, colons and indentation on this line and the one above)"
    )


def test_column_counts_characters_not_bytes() -> None:
    assert refusal("название: а: б\n".encode()) == (
        "standards/s.yaml:1:12: error: a ':' appears where a value was expected "
        "(put text that contains ': ' in quotes, or move the value to its own line)"
    )


# --- no input makes the loader or the validation crash -------------------------------------

# fmt: off
_KEYS = [
    "memogen", "id", "title", "language", "deadline", "stages", "inputs", "owner", "name",
    "email", "request", "channel", "result", "criteria", "required", "effective", "<<", "?",
    "ключ", "a b", "'quoted'", '"dq"', "x" * 70, "-", "",
]
_VALUES = [
    "", "1", "2", "1.10", "no", "true", "yes", "0755", "1:30", "~", "null", "2026-02-30",
    "2026-12-01", "3 business days", "3 рабочих дня", "0 days", "1,5 рабочего дня", "form",
    "email", "https://example.com", "javascript:alert(1)", "a@b.co", "+7 495 000-00-00",
    "&a x", "*a", "!tag x", "!!python/name:os.system", "[a, b]", "[", "{a: 1}", "{",
    "|", ">", "'", '"', "'x'", '"x\\n"', "#c", "%", "@", "`", "a: b", "- x", "\\t", "\t x", "é",
    "\u2028", "=?utf-8?q?x?=", "x" * 300,
]
# fmt: on


@st.composite
def yamlish_text(draw: st.DrawFn) -> str:
    """Lines of keys, values, list items and odd characters at random indentation."""
    lines = []
    for _ in range(draw(st.integers(0, 25))):
        indent = " " * draw(st.sampled_from([0, 0, 2, 2, 4, 6, 1, 3]))
        value = draw(st.sampled_from(_VALUES) | st.text(max_size=12))
        shape = draw(st.sampled_from(["key", "item", "item-key", "raw", "doc"]))
        if shape == "key":
            sep = draw(st.sampled_from([": ", ":", " : ", ":\t"]))
            lines.append(f"{indent}{draw(st.sampled_from(_KEYS))}{sep}{value}")
        elif shape == "item":
            lines.append(f"{indent}- {value}")
        elif shape == "item-key":
            lines.append(f"{indent}- {draw(st.sampled_from(_KEYS))}: {value}")
        elif shape == "doc":
            lines.append(draw(st.sampled_from(["---", "...", "%YAML 1.1", "? x", ": y"])))
        else:
            lines.append(indent + value)
    return "\n".join(lines) + draw(st.sampled_from(["", "\n", "\r\n"]))


@st.composite
def mutated_standard(draw: st.DrawFn) -> str:
    """The valid standard with a few lines deleted, repeated, re-valued or re-indented."""
    lines = VALID_STANDARD.splitlines()
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(lines) - 1))
        change = draw(st.sampled_from(["delete", "repeat", "value", "indent"]))
        line = lines[at]
        if change == "delete" and len(lines) > 1:
            del lines[at]
        elif change == "repeat":
            lines.insert(at, line)
        elif change == "value" and ":" in line:
            lines[at] = line.split(":", 1)[0] + ": " + draw(st.sampled_from(_VALUES))
        elif change == "indent":
            lines[at] = " " * draw(st.integers(0, 6)) + line.lstrip()
    return "\n".join(lines) + "\n"


def _load_and_validate(raw: bytes) -> None:
    """Only a UserError may escape; every issue found must be printable and located."""
    try:
        document = load_bytes(raw, FILE)
    except UserError as exc:
        issues = exc.issues
    else:
        _, issues = to_model(Standard, document)
    for issue in issues:
        assert issue.line >= 1 and issue.col >= 1 and issue.message
        assert issue.text().startswith(f"{FILE}:{issue.line}:{issue.col}: ")


_FAST = settings(
    max_examples=300,
    suppress_health_check=[HealthCheck.too_slow],
)


@_FAST
@given(st.binary(max_size=2000))
def test_random_bytes_raise_only_user_errors(raw: bytes) -> None:
    _load_and_validate(raw)


@_FAST
@given(yamlish_text())
def test_random_yamlish_text_raises_only_user_errors(text: str) -> None:
    _load_and_validate(text.encode())


@_FAST
@given(mutated_standard())
def test_mutated_standard_raises_only_user_errors(text: str) -> None:
    _load_and_validate(text.encode())


# --- text that YAML reads as a comment ------------------------------------------------------


def test_text_after_a_hash_in_a_plain_value_is_recorded_where_the_hash_stands() -> None:
    document = load_bytes(
        "title: Кофе-брейк #2 на 8 человек\nsteps:\n  - Call us # or write\n".encode(), FILE
    )
    assert document.data == {"title": "Кофе-брейк", "steps": ["Call us"]}
    assert document.cut_comments == [
        (("title",), (1, 19), "#2 на 8 человек"),
        (("steps", 0), (3, 13), "# or write"),
    ]


def test_comments_on_their_own_lines_after_keys_or_quotes_stay_silent() -> None:
    document = load_bytes(
        b"# about the file\n"
        b"owner:  # who owns it\n"
        b'  name: "Ann #1"  # quoted, so meant as a comment\n'
        b"  role: |  # a block\n"
        b"    Head #2\n"
        b"  phone: ~  # none\n"
        b"  email: a@b.c#not-a-comment\n",
        FILE,
    )
    assert document.cut_comments == []
    assert document.data["owner"]["role"] == "Head #2\n"


def test_the_properties_fail_on_what_they_find_never_on_the_clock() -> None:
    """A busy CI machine must not fail a property for one slow example."""
    assert _FAST.deadline is None and settings.default.deadline is None
