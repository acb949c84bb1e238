"""The compiler-style report people read: one line per issue, then a summary."""

from __future__ import annotations

from memogen.findings import FailOn, Findings
from memogen.i18n import _, ngettext
from memogen.report.common import counts


def render(findings: Findings, fail_on: FailOn) -> str:
    lines = [issue.text() + (f" [{issue.rule}]" if issue.rule else "") for issue in findings.issues]
    if findings.issues and not findings.files:  # memogen.yaml is wrong: nothing was checked
        return "".join(line + "\n" for line in lines)
    return "".join(line + "\n" for line in lines) + summary(findings) + "\n"


def summary(findings: Findings) -> str:
    """`5 files checked: 1 error(s), 2 warning(s)` and what the baseline hid."""
    count = len(findings.files)
    files = ngettext("{count} file", "{count} files", count).format(count=count)
    hidden = ""
    if findings.hidden:
        hidden = ngettext(
            "; {count} accepted in the baseline",
            "; {count} accepted in the baseline",
            findings.hidden,
        ).format(count=findings.hidden)
    if not findings.issues:
        clean = (
            _("{files} checked, all valid")
            if findings.tool == "validate"
            else _("{files} checked, no findings")
        )
        return clean.format(files=files) + hidden
    found = counts(findings.issues)
    errors = ngettext("{count} error(s)", "{count} error(s)", found["error"])
    warnings = ngettext("{count} warning(s)", "{count} warning(s)", found["warning"])
    notes = ngettext(", {count} note(s)", ", {count} note(s)", found["info"])
    return (
        _("{files} checked: {errors}, {warnings}").format(
            files=files,
            errors=errors.format(count=found["error"]),
            warnings=warnings.format(count=found["warning"]),
        )
        + (notes.format(count=found["info"]) if found["info"] else "")
        + hidden
    )
