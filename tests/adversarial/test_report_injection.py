"""Guarantee: a report line is one line memogen wrote. Whatever a key, a value or a file name
holds, no line of any report starts with '::' (GitHub Actions runs such a line as a workflow
command) except the annotations of `--format github`, one per issue; CR, LF and the other
line breaks are escaped everywhere."""

from __future__ import annotations

import json
import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from memogen.outputs import REPORT_FORMATS

from .adversarial_kit import TINY_TEXT, Cli, make_repo

HOSTILE_KEYS = (
    '"::set-output name=x::y": 1\n'
    '"a\\n::error::boom\\r\\n::warning::x": 2\n'
    '"b\\u2028::notice::c": 3\n'
)
HOSTILE_VALUE = ("effective: 2026-12-01", 'effective: "2026\\n::set-output name=d::1"')
FILE = "::a,b:c%.yaml"


@pytest.fixture
def hostile_repo(tmp_path: Path) -> Path:
    text = TINY_TEXT.replace(*HOSTILE_VALUE) + HOSTILE_KEYS
    repo = make_repo(tmp_path, {"tiny-service.yaml": text})
    shutil.copy(repo / "standards" / "tiny-service.yaml", repo / FILE)
    return repo


def _command_lines(report: str) -> list[str]:
    return [line for line in report.splitlines() if line.lstrip().startswith("::")]


@pytest.mark.parametrize("fmt", [f for f in REPORT_FORMATS if f != "github"])
def test_no_report_line_starts_a_workflow_command(
    fmt: str, hostile_repo: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    ran = cli("validate", "--format", fmt, FILE, "standards", cwd=hostile_repo)
    assert ran.code == 1 and "set-output" in ran.stdout
    assert _command_lines(ran.stdout) == []


def test_text_report_escapes_line_breaks_and_keeps_one_issue_a_line(
    hostile_repo: Path, cli: Cli
) -> None:
    ran = cli("validate", FILE, cwd=hostile_repo)
    lines = ran.stdout.splitlines()
    assert lines[0] == (
        "./::a,b:c%.yaml:6:12: error: effective: '2026\\n::set-output name=d::1' is not a date "
        "(write the date as YYYY-MM-DD, e.g. 2026-12-01)"
    )
    assert lines[2].startswith(
        "./::a,b:c%.yaml:46:1: error: a\\n::error::boom\\r\\n::warning::x: unknown key "
        "'a\\n::error::boom\\r\\n::warning::x'"
    )
    assert lines[3].startswith("./::a,b:c%.yaml:47:1: error: b\\u2028::notice::c: unknown key")
    assert lines[4] == "1 file checked: 4 error(s), 0 warning(s)"


def test_github_annotations_escape_data_and_properties(
    hostile_repo: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = hostile_repo / "summary.md"
    summary.write_text("", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    ran = cli("validate", "--format", "github", FILE, cwd=hostile_repo)
    lines = ran.stdout.splitlines()
    assert _command_lines(ran.stdout) == lines and len(lines) == 4
    assert lines[0] == (
        "::error file=%3A%3Aa%2Cb%3Ac%25.yaml,line=6,col=12::effective: "
        "'2026%0A::set-output name=d::1' is not a date "
        "(write the date as YYYY-MM-DD, e.g. 2026-12-01)"
    )
    assert lines[2].startswith(
        "::error file=%3A%3Aa%2Cb%3Ac%25.yaml,line=46,col=1::a%0A::error::boom%0D%0A::warning::x:"
    )
    table = summary.read_text(encoding="utf-8").splitlines()
    assert len(table) == 2 + 2 + 4 + 1  # heading, blank, table head, one row per issue, blank
    assert "\r" not in summary.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["json", "junit", "sarif"])
def test_a_file_name_with_control_characters_and_bytes_not_utf8_keeps_reports_parseable(
    fmt: str, tmp_path: Path, cli: Cli
) -> None:
    """Linux allows any byte but '/' and NUL in a file name; Python holds a byte that is not
    UTF-8 as a lone surrogate. The machine formats stay UTF-8 and parse (SARIF once ended in
    an internal error, JUnit was not XML)."""
    repo = make_repo(tmp_path, {})
    name = os.fsdecode(b"a\x1bb\xff.yaml")
    (repo / "standards" / name).write_text(TINY_TEXT, encoding="utf-8")
    ran = cli("validate", "--format", fmt, cwd=repo)
    assert (ran.code, ran.stderr) == (1, "")
    text = ran.stdout.encode("utf-8").decode("utf-8")
    if fmt == "junit":
        ET.fromstring(text)
    else:
        json.loads(text)


@pytest.mark.parametrize("fmt", ["text", "json", "md"])
def test_no_diff_report_line_starts_a_workflow_command(fmt: str) -> None:
    """`memogen diff` words what the owner typed (a question, an input's name) into its
    reports; the JSON one wrote U+2028 and NEL raw, which split a line for most readers."""
    from memogen.diff.compare import Change
    from memogen.diff.report import FORMATS, Compared

    typed = "Q\n::error::a\r::warning::b\u2028::notice::c\x85::debug::d\u2029::x::e"
    change = Change("faq.0", "notable", "faq-new", None, {"q": typed}, f"New: «{typed}»")
    report = FORMATS[fmt]([Compared("tiny-service", [change])])
    assert _command_lines(report) == []
    if fmt == "json":
        assert json.loads(report)[0]["changes"][0]["new"] == {"q": typed}
