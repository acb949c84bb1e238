"""The compiler-style report people read: one line per issue, then a summary."""

from __future__ import annotations

from memogen.findings import FailOn, Findings
from memogen.report.common import counts


def render(findings: Findings, fail_on: FailOn) -> str:
    lines = [issue.text() + (f" [{issue.rule}]" if issue.rule else "") for issue in findings.issues]
    if findings.issues and not findings.files:  # memogen.yaml is wrong: nothing was checked
        return "".join(line + "\n" for line in lines)
    return "".join(line + "\n" for line in lines) + summary(findings) + "\n"


def summary(findings: Findings) -> str:
    """`5 files checked: 1 error(s), 2 warning(s)` and what the baseline hid."""
    files = f"{len(findings.files)} file{'s' if len(findings.files) != 1 else ''}"
    hidden = f"; {findings.hidden} accepted in the baseline" if findings.hidden else ""
    if not findings.issues:
        clean = "all valid" if findings.tool == "validate" else "no findings"
        return f"{files} checked, {clean}{hidden}"
    found = counts(findings.issues)
    notes = f", {found['info']} note(s)" if found["info"] else ""
    return (
        f"{files} checked: {found['error']} error(s), {found['warning']} warning(s){notes}{hidden}"
    )
