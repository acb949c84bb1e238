"""Survey answers → the scores each service and department shows, and the company's.

The quarters are counted back from the latest quarter that has an answer (not from today:
the same answers give the same scores on any day). A group with fewer answers than
`min_responses` has a count but no means, so that nobody can tell who answered.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from memogen.data.survey import DIMENSIONS, Answer

Quarter = tuple[int, int]  # (year, 1..4)
YEAR_QUARTERS = 4


@dataclass(frozen=True)
class Group:
    """The answers of a group: how many, and their means by dimension (None: too few)."""

    count: int
    means: dict[str, float] | None


@dataclass(frozen=True)
class ServiceScores:
    year: Group  # the last four quarters
    latest: Group  # the latest quarter
    change: dict[str, float] | None  # latest quarter − the one before, when both are shown


@dataclass(frozen=True)
class Scores:
    latest_quarter: Quarter
    services: dict[str, ServiceScores]
    departments: dict[str, Group]  # over the last four quarters
    company: Group
    comments: dict[str, list[str]]  # service → the latest quarter's comments, in file order


def quarter_of(day: date) -> Quarter:
    return day.year, (day.month - 1) // 3 + 1


def quarter_before(quarter: Quarter, steps: int = 1) -> Quarter:
    year, number = quarter
    index = year * 4 + number - 1 - steps
    return index // 4, index % 4 + 1


def group(answers: list[Answer], min_responses: int) -> Group:
    """The count and, with enough answers, the mean of each dimension."""
    if len(answers) < min_responses:
        return Group(len(answers), None)
    return Group(
        len(answers),
        {d: sum(getattr(a, d) for a in answers) / len(answers) for d in DIMENSIONS},
    )


def compute_scores(
    answers: Iterable[Answer], departments: dict[str, str], min_responses: int
) -> Scores | None:
    """The scores of every service in `departments` (id → its department); None without
    answers."""
    kept = [a for a in answers if a.service in departments]
    if not kept:
        return None
    latest = max(quarter_of(a.submitted) for a in kept)
    year = {quarter_before(latest, steps) for steps in range(YEAR_QUARTERS)}
    previous = quarter_before(latest)
    in_year = [a for a in kept if quarter_of(a.submitted) in year]
    services = {}
    for service in sorted({a.service for a in kept}):
        own = [a for a in in_year if a.service == service]
        now = group([a for a in own if quarter_of(a.submitted) == latest], min_responses)
        before = group([a for a in own if quarter_of(a.submitted) == previous], min_responses)
        change = (
            {d: now.means[d] - before.means[d] for d in DIMENSIONS}
            if now.means and before.means
            else None
        )
        services[service] = ServiceScores(group(own, min_responses), now, change)
    by_department: dict[str, list[Answer]] = {}
    for answer in in_year:
        by_department.setdefault(departments[answer.service], []).append(answer)
    comments: dict[str, list[str]] = {}
    for answer in kept:
        if answer.comment and quarter_of(answer.submitted) == latest:
            comments.setdefault(answer.service, []).append(answer.comment)
    return Scores(
        latest,
        services,
        {name: group(items, min_responses) for name, items in sorted(by_department.items())},
        group(in_year, min_responses),
        comments,
    )
