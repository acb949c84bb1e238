"""Unit tests for memogen.report.github: workflow-command annotations and the job summary."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from memogen.errors import Issue, UserError
from memogen.findings import Findings
from memogen.report.github import append_step_summary, render, step_summary

FILE = "standards/tiny-service.yaml"
GITHUB = {
    "GITHUB_SERVER_URL": "https://github.com",
    "GITHUB_REPOSITORY": "acme/standards",
    "GITHUB_SHA": "abc123",
}


def one(issue: Issue) -> Findings:
    return Findings("lint", [issue.file], [issue])


@pytest.mark.parametrize(
    ("severity", "command"), [("error", "error"), ("warning", "warning"), ("info", "notice")]
)
def test_each_severity_is_its_workflow_command(severity: str, command: str) -> None:
    issue = Issue(FILE, 4, 2, "title", "too long", "", severity)  # type: ignore[arg-type]
    assert render(one(issue), "error") == (
        f"::{command} file=standards/tiny-service.yaml,line=4,col=2::title: too long\n"
    )


def test_properties_escape_colon_and_comma_and_the_message_only_what_ends_it() -> None:
    odd = Issue("a:b,c%.yaml", 1, 2, "k", "50% done,\r\nnext: x\u2028y", "", "error")
    assert render(one(odd), "error") == (
        "::error file=a%3Ab%2Cc%25.yaml,line=1,col=2::k: 50%25 done,%0D%0Anext: x\\u2028y\n"
    )


def test_no_issue_no_annotation() -> None:
    assert render(Findings("lint", [FILE], []), "error") == ""


def test_the_summary_links_to_the_commit_only_when_github_says_where() -> None:
    issue = Issue(FILE, 2, 3, "title", "a | b\nc", "", "error")  # the cell shows `a | b\nc`
    linked = step_summary(one(issue), GITHUB)
    assert (
        "| error | [`standards/tiny-service.yaml:2:3`](https://github.com/acme/standards/blob/"
        "abc123/standards/tiny-service.yaml#L2) | MG000 | title: a \\| b\\\\nc |\n"
    ) in linked
    partial = {**GITHUB, "GITHUB_SHA": ""}
    assert "| error | `standards/tiny-service.yaml:2:3` | MG000 |" in step_summary(
        one(issue), partial
    )
    outside = Issue("/elsewhere/x.yaml", 2, 3, "title", "x")
    assert "| error | `/elsewhere/x.yaml:2:3` | MG000 | title: x |" in step_summary(
        one(outside), GITHUB
    )


def test_a_backtick_in_a_file_name_cannot_end_its_code_span() -> None:
    issue = Issue("standards/a`b.yaml", 1, 1, "", "x")
    assert "| error | `standards/a'b.yaml:1:1` | MG000 | x |" in step_summary(one(issue), {})


def test_a_summary_path_that_cannot_be_written_is_one_sentence(tmp_path: Path) -> None:
    with pytest.raises(UserError) as raised:
        append_step_summary(Findings("lint", [FILE], []), {"GITHUB_STEP_SUMMARY": str(tmp_path)})
    assert str(raised.value) == (
        f"GITHUB_STEP_SUMMARY names {tmp_path}, which cannot be written "
        f"({os.strerror(errno.EISDIR)}); "
        "unset it or point it at a file you may write to"
    )


def test_the_summary_is_appended_only_when_github_asks(tmp_path: Path) -> None:
    target = tmp_path / "summary.md"
    assert append_step_summary(Findings("lint", [FILE], []), {}) is False
    assert not target.exists()
    assert append_step_summary(Findings("lint", [FILE], []), {"GITHUB_STEP_SUMMARY": str(target)})
    assert target.read_text(encoding="utf-8") == (
        "### memogen lint: 1 file checked, no findings\n\n"
    )
