"""GitHub Actions: workflow commands that become annotations, and a job summary table."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from memogen.errors import UserError, on_one_line
from memogen.findings import FailOn, Findings
from memogen.i18n import _
from memogen.render.filters import md_url
from memogen.report.common import one_line
from memogen.report.text import summary

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def render(findings: Findings, fail_on: FailOn) -> str:
    """`::error file=F,line=L,col=C::message`, one line per issue."""
    return "".join(
        f"::{_COMMAND[issue.severity]} file={_escape(issue.file, True)},line={issue.line},"
        f"col={issue.col}::{_escape(one_line(issue), False)}\n"
        for issue in findings.issues
    )


def _escape(text: str, is_property: bool) -> str:
    """The workflow-command escapes; other line breaks, which have none, as `\\u2028` etc."""
    text = on_one_line(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))
    if is_property:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def step_summary(findings: Findings, environ: Mapping[str, str]) -> str:
    """A Markdown heading and table of the issues, linked to the files when GitHub says where."""
    head = f"### memogen {findings.tool}: {summary(findings)}\n"
    if not findings.issues:
        return head + "\n"
    columns = (_("Severity"), _("Where"), _("Rule"), _("Problem"))
    rows = ["| " + " | ".join(columns) + " |", "| --- | --- | --- | --- |"]
    for issue in findings.issues:
        where = _cell(f"{issue.file}:{issue.line}:{issue.col}").replace("`", "'")
        link = _blob_url(environ, issue.file, issue.line)
        place = f"[`{where}`]({md_url(link)})" if link else f"`{where}`"
        message = _cell(one_line(issue, with_rule=False))
        rows.append(f"| {issue.severity} | {place} | {findings.rule_of(issue).id} | {message} |")
    return head + "\n" + "\n".join(rows) + "\n\n"


def append_step_summary(findings: Findings, environ: Mapping[str, str]) -> bool:
    """Append the summary to $GITHUB_STEP_SUMMARY when it is set; say whether it was.

    The file is GitHub's to create; a path that cannot be appended to is the environment's
    mistake, reported in one sentence."""
    target = environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return False
    try:
        with Path(target).open("a", encoding="utf-8") as out:
            out.write(step_summary(findings, environ))
    except OSError as exc:
        raise UserError(
            _(
                "GITHUB_STEP_SUMMARY names {target}, which cannot be written ({reason}); "
                "unset it or point it at a file you may write to"
            ).format(target=target, reason=exc.strerror or exc)
        ) from None
    return True


def _blob_url(environ: Mapping[str, str], file: str, line: int) -> str:
    parts = [
        environ.get(name, "") for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA")
    ]
    if not all(parts) or file.startswith("/"):
        return ""
    server, repository, sha = parts
    return f"{server}/{repository}/blob/{sha}/{file}#L{line}"


def _cell(text: str) -> str:
    return on_one_line(text).replace("\\", "\\\\").replace("|", "\\|")
