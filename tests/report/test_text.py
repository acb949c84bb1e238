"""Unit tests for memogen.report.text: one line per issue, then a summary people read."""

from __future__ import annotations

from memogen.errors import Issue
from memogen.findings import Findings
from memogen.report.text import render, summary

FILE = "standards/tiny-service.yaml"
ERROR = Issue(FILE, 3, 8, "deadline", "'soon' is not a duration", "write a number and a unit")
WARNING = Issue(FILE, 12, 5, "inputs.1", "no example", "add one", "warning", rule="MG101")
NOTE = Issue(FILE, 40, 9, "summary", "an ordinary space in '10 %'", "", "info", rule="MG403")


def test_each_issue_is_its_compiler_line_with_its_rule_then_the_summary() -> None:
    findings = Findings("lint", [FILE], [ERROR, WARNING])
    assert render(findings, "error") == (
        "standards/tiny-service.yaml:3:8: error: deadline: 'soon' is not a duration "
        "(write a number and a unit)\n"
        "standards/tiny-service.yaml:12:5: warning: inputs.1: no example (add one) [MG101]\n"
        "1 file checked: 1 error(s), 1 warning(s)\n"
    )


def test_a_clean_run_says_all_valid_or_no_findings() -> None:
    assert render(Findings("validate", [FILE, "b.yaml"], []), "error") == (
        "2 files checked, all valid\n"
    )
    assert render(Findings("lint", [FILE], []), "error") == "1 file checked, no findings\n"
    assert render(Findings("validate", [], []), "error") == "0 files checked, all valid\n"


def test_notes_and_the_baseline_are_counted_only_when_there_are_some() -> None:
    assert summary(Findings("lint", [FILE], [ERROR, NOTE], hidden=3)) == (
        "1 file checked: 1 error(s), 0 warning(s), 1 note(s); 3 accepted in the baseline"
    )
    assert summary(Findings("lint", [FILE], [], hidden=1)) == (
        "1 file checked, no findings; 1 accepted in the baseline"
    )


def test_a_broken_config_prints_its_issues_without_a_summary_of_no_files() -> None:
    broken = Issue("memogen.yaml", 1, 16, "workday_hours", "must be at least 1")
    assert render(Findings("validate", [], [broken]), "error") == (
        "memogen.yaml:1:16: error: workday_hours: must be at least 1\n"
    )


def test_a_message_with_line_breaks_stays_on_its_line() -> None:
    odd = Issue(FILE, 1, 1, "a\n::error::x", "unknown key 'a\u2028b'")
    assert render(Findings("validate", [FILE], [odd]), "error").splitlines() == [
        "standards/tiny-service.yaml:1:1: error: a\\n::error::x: unknown key 'a\\u2028b'",
        "1 file checked: 1 error(s), 0 warning(s)",
    ]
