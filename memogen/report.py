"""Issues → text, JSON or GitHub annotations, for people and for CI."""

from __future__ import annotations

import json
from collections.abc import Sequence

from memogen.errors import Issue

REPORT_FORMATS = ("text", "json", "github")


def render_report(issues: Sequence[Issue], fmt: str, checked_files: int) -> str:
    """The whole report in one format; empty text when nothing is wrong."""
    if fmt == "json":
        return _as_json(issues, checked_files)
    if fmt == "github":
        return "".join(_github_line(issue) + "\n" for issue in issues)
    return "".join(issue.text() + "\n" for issue in issues) + _summary(issues, checked_files)


def _summary(issues: Sequence[Issue], checked_files: int) -> str:
    errors = sum(1 for i in issues if i.severity == "error")
    warnings = len(issues) - errors
    files = f"{checked_files} file{'s' if checked_files != 1 else ''}"
    if not issues:
        return f"{files} checked, all valid\n"
    return f"{files} checked: {errors} error(s), {warnings} warning(s)\n"


def _as_json(issues: Sequence[Issue], checked_files: int) -> str:
    items = [
        {"file": i.file, "line": i.line, "column": i.col, "path": i.path, "severity": i.severity,
         "message": i.message, "hint": i.hint}
        for i in issues
    ]
    errors = sum(1 for i in issues if i.severity == "error")
    summary = {"files": checked_files, "errors": errors, "warnings": len(issues) - errors}
    return json.dumps({"summary": summary, "issues": items}, ensure_ascii=False, indent=2) + "\n"


def _github_line(issue: Issue) -> str:
    """A workflow command: GitHub shows it as an annotation on the pull request."""
    message = f"{issue.path}: {issue.message}" if issue.path else issue.message
    if issue.hint:
        message += f" ({issue.hint})"
    props = f"file={_escape(issue.file, True)},line={issue.line},col={issue.col}"
    return f"::{issue.severity} {props}::{_escape(message, False)}"


def _escape(text: str, is_property: bool) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if is_property:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text
