"""The survey's answers are hostile input too: a link out of the repo is never read, a
comment is text (escaped) and reaches only scores.html, and only when the config says so."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from memogen.build.catalogue import stage_catalogue
from memogen.build.plan import BuildResult
from memogen.build.writer import Staging
from memogen.data.survey import read_survey
from memogen.data.survey_settings import SurveyOptions
from memogen.project import open_project

HEADER = "service,submitted,speed,quality,ease,comment\n"


def test_a_survey_file_linking_out_of_the_repo_is_refused_unread(
    write_repo: Callable[..., Path],
    valid_standard_text: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    outside = tmp_path_factory.mktemp("outside") / "secret.csv"
    outside.write_text(HEADER + "tiny-service,2026-10-01,5,5,5,SECRET\n", encoding="utf-8")
    root = write_repo(
        {"standards/tiny-service.yaml": valid_standard_text},
        "survey:\n  results: surveys/*.csv\n  min_responses: 1\n",
    )
    (root / "surveys").mkdir()
    (root / "surveys" / "q4.csv").symlink_to(outside)
    _, checked = open_project(root / "memogen.yaml").check([root / "standards"])
    assert [issue.text() for issue in checked.issues] == [
        "surveys/q4.csv:1:1: error: this file is a link to a file outside the repo, and memogen "
        "does not read it (copy the export into the repo)"
    ]
    assert checked.answers == []


def test_a_published_comment_is_escaped_text_on_scores_html_only(
    write_repo: Callable[..., Path], valid_standard_text: str, tmp_path: Path
) -> None:
    script = '"<script>alert(1)</script><img src=x onerror=alert(2)>"'
    rows = "".join(f"tiny-service,2026-10-0{n},5,5,5,{script}\n" for n in range(1, 6))
    root = write_repo(
        {"standards/tiny-service.yaml": valid_standard_text, "surveys/q4.csv": HEADER + rows},
        "survey:\n  results: surveys/*.csv\n  publish_comments: true\n",
    )
    project = open_project(root / "memogen.yaml")
    _, checked = project.check([root / "standards"])
    out = tmp_path / "site"
    with Staging(out) as staging:
        stage_catalogue(
            checked.standards, project, {}, staging, out, BuildResult(), checked.answers, False
        )
        staging.commit()
    scores = (out / "scores.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in scores
    assert "<script" not in scores and "<img" not in scores
    for name in ("index.html", "catalogue.json"):
        assert "alert(" not in (out / name).read_text(encoding="utf-8")


def test_a_survey_file_over_16_mib_is_refused_unread(tmp_path: Path) -> None:
    (tmp_path / "q4.csv").write_bytes(HEADER.encode() + b"x" * (16 * 2**20))
    answers, issues = read_survey(tmp_path, SurveyOptions(results="*.csv"), set(), "m")
    assert answers == []
    assert [issue.text() for issue in issues] == [
        "q4.csv:1:1: error: the file is larger than 16 MiB (split the export by quarter)"
    ]


def test_a_fifo_the_survey_pattern_matches_is_never_opened(tmp_path: Path) -> None:
    """Opening a FIFO with no writer would wait for ever: only regular files are read."""
    os.mkfifo(tmp_path / "q4.csv")
    answers, issues = read_survey(tmp_path, SurveyOptions(results="*.csv"), set(), "m.yaml")
    assert answers == []
    assert [issue.text() for issue in issues] == [
        "m.yaml:1:1: warning: survey.results: no file matches '*.csv' (export the survey's "
        "answers as CSV into that folder, or fix the pattern)"
    ]
