"""Unit tests for memogen.report.junit: a suite per file, a case per rule, a failure per
broken rule, and XML that every CI server can parse whatever the files are called."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from memogen.errors import Issue
from memogen.findings import Findings
from memogen.lint.rules.catalog import BY_ID
from memogen.report.junit import render

A, B = "standards/a-service.yaml", "standards/b-service.yaml"


def cases(text: str) -> dict[tuple[str | None, str | None], ET.Element]:
    root = ET.fromstring(text)
    return {(s.get("name"), c.get("name")): c for s in root.iter("testsuite") for c in s}


def test_several_failures_of_one_rule_are_one_failing_case_that_says_how_many_more() -> None:
    issues = [
        Issue(A, 3, 8, "deadline", "'soon' is not a duration"),
        Issue(A, 9, 1, "title", "must not be empty"),
        Issue(A, 12, 1, "id", "the id differs from the file name"),
    ]
    failure = cases(render(Findings("validate", [A], issues), "error"))[
        (A, "MG000 valid-standard")
    ].find("failure")
    assert failure is not None
    assert failure.get("message") == "3:8: 'soon' is not a duration (and 2 more)"
    assert failure.text == "".join(issue.text() + "\n" for issue in issues)


def test_errors_fail_even_under_fail_on_never_and_notes_never_fail() -> None:
    error = Issue(A, 1, 1, "", "broken")
    note = Issue(A, 2, 1, "summary", "an ordinary space", "", "info", rule="MG403")
    findings = Findings("lint", [A], [error, note], [BY_ID["MG403"]])
    found = cases(render(findings, "never"))
    assert found[(A, "MG000 valid-standard")].find("failure") is not None
    unit = found[(A, "MG403 unit-space")]
    assert unit.find("failure") is None
    assert unit.findtext("system-out") == note.text() + "\n"


def test_a_rule_skipped_for_a_file_is_skipped_unless_it_found_something() -> None:
    why = "applies to standards in 'ru' only"
    note = Issue(B, 2, 1, "summary", "an ordinary space", "", "info", rule="MG403")
    findings = Findings(
        "lint", [A, B], [note], [BY_ID["MG403"]], {A: {"MG403": why}, B: {"MG403": why}}
    )
    text = render(findings, "error")
    skipped = cases(text)[(A, "MG403 unit-space")].find("skipped")
    assert skipped is not None and skipped.get("message") == why
    assert cases(text)[(B, "MG403 unit-space")].find("skipped") is None
    root = ET.fromstring(text)
    assert (root.get("tests"), root.get("skipped"), root.get("failures")) == ("4", "1", "0")


def test_an_issue_in_a_file_not_checked_gets_its_own_suite() -> None:
    broken = Issue("memogen.yaml", 1, 16, "workday_hours", "must be at least 1")
    root = ET.fromstring(render(Findings("validate", [], [broken]), "error"))
    assert [suite.get("name") for suite in root.iter("testsuite")] == ["memogen.yaml"]
    assert root.get("failures") == "1"


def test_hostile_file_names_and_messages_still_make_well_formed_xml() -> None:
    """A file name may hold control characters and bytes that are not UTF-8 (which reach
    Python as lone surrogates); neither may appear raw in XML 1.0."""
    file = 'standards/a\x1bb\udcff]]>&<".yaml'
    issue = Issue(file, 1, 1, "k\x01", "bad 'a\x1bb\udcff' <x> & \"y\"\u2028z")
    text = render(Findings("validate", [file], [issue]), "error")
    root = ET.fromstring(text.encode("utf-8"))
    [suite] = root.iter("testsuite")
    assert suite.get("name") == 'standards/a\\x1bb\\udcff]]>&<".yaml'
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message") == "1:1: bad 'a\\x1bb\\udcff' <x> & \"y\"\u2028z"
