"""Findings → a report for people (text) or for CI (json, github, junit, sarif).

One module per format; each `render(findings, fail_on)` returns the whole report as
text. `fail_on` matters to the formats that mark failures themselves (JUnit).
"""

from __future__ import annotations

from collections.abc import Callable

from memogen.findings import FailOn, Findings
from memogen.report import as_json, github, junit, sarif, text

REPORT_FORMATS = ("text", "json", "github", "junit", "sarif")


def render(findings: Findings, fmt: str, fail_on: FailOn = "error") -> str:
    """The whole report in one of REPORT_FORMATS."""
    renderers: dict[str, Callable[[Findings, FailOn], str]] = {
        "text": text.render,
        "json": as_json.render,
        "github": github.render,
        "junit": junit.render,
        "sarif": sarif.render,
    }
    return renderers[fmt](findings, fail_on)
