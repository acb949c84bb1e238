"""Unit tests for memogen.report.common: JSON text, counts by severity, an issue on one line."""

from __future__ import annotations

import json

from memogen.errors import Issue
from memogen.report.common import counts, json_text, one_line


def test_json_text_keeps_cyrillic_readable_and_ends_with_a_newline() -> None:
    assert json_text({"message": "Счёт"}) == '{\n  "message": "Счёт"\n}\n'


def test_json_text_escapes_every_line_break_so_each_line_is_a_line_of_json() -> None:
    text = json_text({"message": "a\nb\rc\x85d\u2028e\u2029f"})
    assert text == '{\n  "message": "a\\nb\\rc\\u0085d\\u2028e\\u2029f"\n}\n'
    assert text.splitlines() == text.split("\n")[:-1]
    assert json.loads(text) == {"message": "a\nb\rc\x85d\u2028e\u2029f"}


def test_json_text_of_a_file_name_that_is_not_utf8_is_still_utf8() -> None:
    """A file name with the byte 0xff reaches Python as the lone surrogate U+DCFF."""
    text = json_text({"file": "standards/a\x1bb\udcff.yaml"})
    assert text == '{\n  "file": "standards/a\\u001bb\\udcff.yaml"\n}\n'
    assert json.loads(text.encode("utf-8")) == {"file": "standards/a\x1bb\udcff.yaml"}


def test_counts_tells_each_severity() -> None:
    issues = [
        Issue("a.yaml", 1, 1, severity="error"),
        Issue("a.yaml", 2, 1, severity="info"),
        Issue("a.yaml", 3, 1, severity="error"),
    ]
    found = counts(issues)
    assert (found["error"], found["warning"], found["info"]) == (2, 0, 1)


def test_one_line_is_path_message_hint_and_rule() -> None:
    issue = Issue("a.yaml", 3, 5, "inputs.2", "the input 'Счёт' has no example", "add one")
    assert one_line(issue) == "inputs.2: the input 'Счёт' has no example (add one)"
    ruled = Issue("a.yaml", 3, 5, "inputs.2", "no example", "add one", "warning", rule="MG101")
    assert one_line(ruled) == "inputs.2: no example (add one) [MG101]"
    assert one_line(ruled, with_rule=False) == "inputs.2: no example (add one)"


def test_one_line_without_a_path_or_hint_is_the_message_alone() -> None:
    assert one_line(Issue("a.yaml", 1, 1, "", "the file is empty")) == "the file is empty"
