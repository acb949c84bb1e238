"""Findings → a report for people (text) or for CI (json, github, junit, sarif).

One module per format; each `render(findings, fail_on)` returns the whole report as
text. `fail_on` matters to the formats that mark failures themselves (JUnit).
"""

from __future__ import annotations

from collections.abc import Callable

from memogen.findings import FailOn, Findings
from memogen.outputs import ReportFormat
from memogen.report import as_json, github, junit, sarif, text

# One renderer for each of memogen.outputs.REPORT_FORMATS.
RENDERERS: dict[ReportFormat, Callable[[Findings, FailOn], str]] = {
    "text": text.render,
    "json": as_json.render,
    "github": github.render,
    "junit": junit.render,
    "sarif": sarif.render,
}


def render(findings: Findings, fmt: ReportFormat, fail_on: FailOn = "error") -> str:
    """The whole report in one of memogen.outputs.REPORT_FORMATS."""
    return RENDERERS[fmt](findings, fail_on)
