"""A JSON report: a summary and every issue, for scripts."""

from __future__ import annotations

from typing import Any

from memogen.findings import FailOn, Findings
from memogen.report.common import counts, json_text


def render(findings: Findings, fail_on: FailOn) -> str:
    items = []
    for issue in findings.issues:
        item: dict[str, Any] = {
            "file": issue.file,
            "line": issue.line,
            "column": issue.col,
            "path": issue.path,
            "severity": issue.severity,
            "message": issue.message,
            "hint": issue.hint,
        }
        if issue.rule:
            item["rule"] = issue.rule
        items.append(item)
    found = counts(findings.issues)
    summary = {"files": len(findings.files), "errors": found["error"], "warnings": found["warning"]}
    if findings.tool == "lint":
        summary.update(notes=found["info"], hidden=findings.hidden)
    return json_text({"summary": summary, "issues": items})
