"""Unit tests for memogen.render.scoreboard, and the heat map of scores.html against the CSV
it was made from."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from pathlib import Path
from statistics import mean

import pytest

from memogen.build.catalogue import stage_catalogue
from memogen.build.plan import BuildResult
from memogen.build.writer import Staging
from memogen.project import open_project
from memogen.render.scoreboard import answers, band, number, signed

SURVEY_CONFIG = "language: ru\nsurvey:\n  results: surveys/*.csv\n  min_responses: 3\n"


def test_numbers_have_the_languages_decimal_sign() -> None:
    assert (number(4.25, "ru"), number(4.0, "en"), number(3.96, "ru")) == ("4,2", "4.0", "4,0")


def test_changes_have_a_sign_and_a_true_minus() -> None:
    assert [signed(v, "ru") for v in (0.34, -0.26, 0.01, -0.04)] == [
        "+0,3",
        "\u22120,3",
        "±0,0",
        "±0,0",
    ]


@pytest.mark.parametrize(
    ("difference", "expected"),
    [
        (0.5, "far_above"),
        (0.2, "above"),
        (0.19, "par"),
        (-0.19, "par"),
        (-0.2, "below"),
        (-0.7, "far_below"),
    ],
)
def test_a_difference_from_the_company_falls_in_its_band(difference: float, expected: str) -> None:
    assert band(difference) == expected


def survey_csv(ids: list[str]) -> str:
    """Answers spread over three services, two quarters and every score."""
    lines = ["service,submitted,speed,quality,ease,comment"]
    for n in range(48):
        service = ids[n % 3]
        lines.append(
            f"{service},2026-{10 + n % 3}-{1 + n % 27:02d},{1 + n % 5},{1 + (n * 2) % 5},"
            f'{1 + (n * 3) % 5},"secret {n}"'
        )
    return "\n".join(lines) + "\n"


@pytest.fixture
def scored_repo(synthetic_repo: Callable[[int], Path]) -> Path:
    root = synthetic_repo(12)
    (root / "memogen.yaml").write_text(SURVEY_CONFIG, encoding="utf-8")
    ids = sorted(p.stem for p in (root / "standards").glob("*.yaml"))[:3]
    (root / "surveys").mkdir()
    (root / "surveys" / "q4.csv").write_text(survey_csv(ids), encoding="utf-8")
    return root


def heat_map(html: str) -> dict[str, tuple[int, list[str]]]:
    """scores.html's first table: row name → (count, the printed means)."""
    table = html.split('<table class="heat">')[1].split("</table>")[0]
    rows = {}
    for row in re.findall(r"<tr[^>]*><th scope=\"row\">(.*?)</th>(.*?)</tr>", table, re.S):
        count = int(re.search(r'<td class="count">(\d+)</td>', row[1]).group(1))  # type: ignore[union-attr]
        rows[row[0]] = (count, re.findall(r"<strong>([\d,]+)</strong>", row[1]))
    return rows


def test_the_heat_maps_numbers_are_the_csvs(scored_repo: Path, tmp_path: Path) -> None:
    project = open_project(scored_repo / "memogen.yaml")
    _, checked = project.check([scored_repo / "standards"])
    assert checked.errors == []
    out = tmp_path / "out"
    with Staging(out) as staging:
        stage_catalogue(
            checked.standards, project, {}, staging, out, BuildResult(), checked.answers, pdf=False
        )
        staging.commit()
    html = (out / "scores.html").read_text(encoding="utf-8")
    department = {s.id: s.department for s in checked.standards}
    answers = list(csv.DictReader(io.StringIO(survey_csv(sorted(department)[:3]))))
    expected: dict[str, tuple[int, list[str]]] = {}
    for name in {department[a["service"]] for a in answers} | {"Вся компания"}:
        own = [a for a in answers if name in ("Вся компания", department[a["service"]])]
        printed = [f"{mean(int(a[d]) for a in own):.1f}".replace(".", ",") for d in DIMS]
        expected[name] = (len(own), printed)
    assert heat_map(html) == expected
    assert "secret" not in html  # comments stay unpublished by default


DIMS = ("speed", "quality", "ease")


def test_comments_are_published_only_when_the_config_says_so(
    scored_repo: Path, tmp_path: Path
) -> None:
    config = scored_repo / "memogen.yaml"
    config.write_text(SURVEY_CONFIG + "  publish_comments: true\n", encoding="utf-8")
    project = open_project(config)
    _, checked = project.check([scored_repo / "standards"])
    with Staging(tmp_path) as staging:
        stage_catalogue(
            checked.standards, project, {}, staging, tmp_path, BuildResult(), checked.answers, False
        )
        staging.commit()
    assert "secret 45" in (tmp_path / "scores.html").read_text(encoding="utf-8")
    assert "secret" not in (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "secret" not in (tmp_path / "catalogue.json").read_text(encoding="utf-8")


def test_a_count_of_answers_takes_the_right_plural_form() -> None:
    assert [answers(n, "ru") for n in (1, 3, 5, 21, 112)] == [
        "1 ответ за год",
        "3 ответа за год",
        "5 ответов за год",
        "21 ответ за год",
        "112 ответов за год",
    ]
    assert [answers(n, "en") for n in (1, 2)] == ["1 answer in a year", "2 answers in a year"]
