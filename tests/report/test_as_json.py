"""Unit tests for memogen.report.as_json: a summary and every issue, for scripts."""

from __future__ import annotations

import json

from memogen.errors import Issue
from memogen.findings import Findings
from memogen.report.as_json import render

FILE = "standards/tiny-service.yaml"
ERROR = Issue(FILE, 3, 8, "deadline", "'soon' is not a duration", "write a number and a unit")
NOTE = Issue(FILE, 40, 9, "summary", "an ordinary space in '10 %'", "", "info", rule="MG403")


def test_every_issue_is_an_object_with_its_place_and_words() -> None:
    report = json.loads(render(Findings("validate", [FILE], [ERROR]), "error"))
    assert report == {
        "summary": {"files": 1, "errors": 1, "warnings": 0},
        "issues": [
            {
                "file": FILE,
                "line": 3,
                "column": 8,
                "path": "deadline",
                "severity": "error",
                "message": "'soon' is not a duration",
                "hint": "write a number and a unit",
            }
        ],
    }


def test_a_lint_run_adds_its_rules_notes_and_hidden_findings() -> None:
    report = json.loads(render(Findings("lint", [FILE], [ERROR, NOTE], hidden=2), "error"))
    assert report["summary"] == {"files": 1, "errors": 1, "warnings": 0, "notes": 1, "hidden": 2}
    assert [issue.get("rule") for issue in report["issues"]] == [None, "MG403"]


def test_hostile_text_comes_back_exactly_and_the_report_is_utf8_json_lines() -> None:
    odd = Issue("standards/a\x1bb\udcff.yaml", 1, 1, 'a"\n::x', "«Счёт»\u2028</script>")
    text = render(Findings("validate", [odd.file], [odd]), "error")
    issue = json.loads(text.encode("utf-8"))["issues"][0]
    assert (issue["file"], issue["path"], issue["message"]) == (odd.file, odd.path, odd.message)
    assert not any(line.lstrip().startswith("::") for line in text.splitlines())
