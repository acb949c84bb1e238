"""Unit tests for memogen.build.scores: means and counts by quarter, service and department,
and the anonymity threshold."""

from __future__ import annotations

from datetime import date

import pytest

from memogen.build.scores import compute_scores, quarter_before, quarter_of
from memogen.data.survey import read_survey_text

DEPARTMENTS = {"purchase": "Снабжение", "laptop": "ИТ", "contract": "Юристы"}
# Five answers about `purchase` in 2026 Q4, five in Q3; two about `laptop` (too few); three
# about `contract`, the oldest of them in 2025 Q3: more than four quarters back.
FIXED_CSV = """service,submitted,speed,quality,ease
purchase,2026-10-01,5,4,3
purchase,2026-11-15,4,4,3
purchase,2026-12-31,5,5,4
purchase,2026-10-20,3,4,2
purchase,2026-11-30,4,3,3
purchase,2026-07-01,3,3,3
purchase,2026-08-01,3,4,3
purchase,2026-09-30,2,3,3
purchase,2026-07-15,3,3,2
purchase,2026-08-20,4,2,4
laptop,2026-05-05,5,5,5
laptop,2026-02-01,1,1,1
contract,2026-01-10,4,4,4
contract,2026-01-11,2,2,2
contract,2025-09-30,1,1,1
"""


def fixed_scores(min_responses: int = 5):  # type: ignore[no-untyped-def]
    answers, issues = read_survey_text(FIXED_CSV, "fixed.csv", set(DEPARTMENTS))
    assert issues == []
    scores = compute_scores(answers, DEPARTMENTS, min_responses)
    assert scores is not None
    return scores


def test_quarters_are_counted_back_across_years() -> None:
    assert quarter_of(date(2026, 12, 31)) == (2026, 4)
    assert quarter_of(date(2026, 1, 1)) == (2026, 1)
    assert quarter_before((2026, 1)) == (2025, 4)
    assert quarter_before((2026, 4), 3) == (2026, 1)


def test_the_latest_quarter_comes_from_the_answers_not_the_clock() -> None:
    assert fixed_scores().latest_quarter == (2026, 4)


def test_a_service_has_the_means_of_its_year_and_latest_quarter_and_the_change() -> None:
    purchase = fixed_scores().services["purchase"]
    assert purchase.year.count == 10
    assert purchase.year.means == {"speed": 3.6, "quality": 3.5, "ease": 3.0}
    assert purchase.latest.count == 5
    assert purchase.latest.means == {"speed": 4.2, "quality": 4.0, "ease": 3.0}
    assert purchase.change == pytest.approx({"speed": 1.2, "quality": 1.0, "ease": 0.0})


def test_a_group_with_fewer_answers_than_the_threshold_has_a_count_and_no_means() -> None:
    scores = fixed_scores()
    assert (scores.services["laptop"].year.count, scores.services["laptop"].year.means) == (2, None)
    assert scores.departments["ИТ"].means is None
    assert scores.services["laptop"].change is None


def test_answers_older_than_four_quarters_are_left_out_of_the_year() -> None:
    assert fixed_scores().services["contract"].year.count == 2


def test_departments_and_the_company_are_means_of_their_answers_in_the_year() -> None:
    scores = fixed_scores(min_responses=2)
    assert scores.departments["Юристы"].means == {"speed": 3.0, "quality": 3.0, "ease": 3.0}
    assert scores.company.count == 14
    assert scores.company.means == pytest.approx(
        {"speed": 48 / 14, "quality": 47 / 14, "ease": 42 / 14}
    )


def test_the_threshold_applies_to_the_latest_quarter_too() -> None:
    purchase = fixed_scores(min_responses=6).services["purchase"]
    assert purchase.year.means is not None
    assert (purchase.latest.count, purchase.latest.means, purchase.change) == (5, None, None)


def test_without_answers_about_the_services_there_are_no_scores() -> None:
    answers, _ = read_survey_text(FIXED_CSV, "fixed.csv", set(DEPARTMENTS))
    assert compute_scores(answers, {"other": "X"}, 5) is None
