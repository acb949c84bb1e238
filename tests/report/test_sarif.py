"""Unit tests for memogen.report.sarif: rules, results, locations and fingerprints of SARIF
2.1.0, valid against its schema (tests/schemas/) whatever the files are called."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema

from memogen.errors import Issue
from memogen.findings import Findings
from memogen.lint.rules.catalog import BY_ID
from memogen.report.sarif import render

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[1] / "schemas" / "sarif-schema-2.1.0.json").read_text(
        encoding="utf-8"
    )
)
FILE = "standards/tiny-service.yaml"


def sarif(findings: Findings) -> dict[str, Any]:
    """The report as data, after checking that it is UTF-8 and valid SARIF 2.1.0."""
    log: dict[str, Any] = json.loads(render(findings, "error").encode("utf-8"))
    validator = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    assert [error.message for error in validator.iter_errors(log)] == []
    return log


def result(findings: Findings) -> dict[str, Any]:
    [found] = sarif(findings)["runs"][0]["results"]
    return found


def test_a_note_is_a_sarif_note_under_its_rule() -> None:
    note = Issue(FILE, 4, 7, "summary", "an ordinary space in '10 %'", "", "info", rule="MG403")
    found = result(Findings("lint", [FILE], [note], [BY_ID["MG403"]]))
    assert (found["ruleId"], found["ruleIndex"], found["level"]) == ("MG403", 1, "note")
    assert found["message"] == {"text": "summary: an ordinary space in '10 %'"}


def test_a_finding_keeps_its_fingerprint_when_lines_move_and_loses_it_when_it_changes() -> None:
    def fingerprint(issue: Issue) -> str:
        return str(result(Findings("validate", [FILE], [issue]))["partialFingerprints"])

    moved = fingerprint(Issue(FILE, 3, 8, "deadline", "'soon' is not a duration"))
    assert moved == fingerprint(Issue(FILE, 30, 1, "deadline", "'soon' is not a duration"))
    assert moved != fingerprint(Issue(FILE, 3, 8, "deadline", "'later' is not a duration"))
    assert moved != fingerprint(Issue("standards/other.yaml", 3, 8, "deadline", "x"))


def test_a_cyrillic_file_name_is_a_percent_encoded_relative_uri() -> None:
    file = "standards/отдел кадров/справка.yaml"
    location = result(Findings("validate", [file], [Issue(file, 1, 1, "", "x")]))["locations"][0]
    assert location["physicalLocation"]["artifactLocation"] == {
        "uri": "standards/%D0%BE%D1%82%D0%B4%D0%B5%D0%BB%20%D0%BA%D0%B0%D0%B4%D1%80%D0%BE%D0%B2/"
        "%D1%81%D0%BF%D1%80%D0%B0%D0%B2%D0%BA%D0%B0.yaml",
        "uriBaseId": "%SRCROOT%",
    }


def test_a_file_name_with_control_characters_and_bytes_not_utf8_is_still_valid_sarif() -> None:
    """The byte 0xff of a file name reaches Python as the lone surrogate U+DCFF: the URI
    names the real bytes, the texts escape what UTF-8 cannot hold."""
    file = "standards/a\x1bb\udcff.yaml"
    issue = Issue(file, 2, 5, "id", "the id differs from the file name 'a\x1bb\udcff.yaml'")
    found = result(Findings("validate", [file], [issue]))
    location = found["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "standards/a%1Bb%FF.yaml", "uriBaseId": "%SRCROOT%"}
    assert found["message"]["text"] == ("id: the id differs from the file name 'a\x1bb\udcff.yaml'")


def test_hostile_messages_stay_one_json_value_per_line() -> None:
    odd = Issue(FILE, 1, 1, 'a"\n::error::x', "«Счёт»\u2028</script>\x85")
    text = render(Findings("validate", [FILE], [odd]), "error")
    assert not any(line.lstrip().startswith("::") for line in text.splitlines())
    assert result(Findings("validate", [FILE], [odd]))["message"]["text"] == (
        'a"\n::error::x: «Счёт»\u2028</script>\x85'
    )
