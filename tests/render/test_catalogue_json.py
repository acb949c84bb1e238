"""Unit tests for memogen.render.catalogue_json: catalogue.json follows its documented schema."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from memogen.build.scores import compute_scores
from memogen.data.config_model import Config
from memogen.data.models import Standard
from memogen.data.survey import Answer
from memogen.project import open_project
from memogen.render.catalogue_json import catalogue_json

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "docs" / "catalogue.schema.json").read_text("utf-8")
)


@pytest.fixture(scope="module")
def standards(synthetic_repo: Callable[[int], Path]) -> list[Standard]:
    root = synthetic_repo(30)
    _, checked = open_project(root / "memogen.yaml").check([root / "standards"])
    assert checked.errors == []
    return checked.standards


def answers_about(standard_ids: list[str], each: int) -> list[Answer]:
    return [
        Answer(standard_id, date(2026, 1 + n % 12, 1), 1 + n % 5, 5, 1 + n % 3)
        for standard_id in standard_ids
        for n in range(each)
    ]


def test_catalogue_json_validates_against_its_schema_with_and_without_scores(
    standards: list[Standard],
) -> None:
    files = {s.id: ["guide.html", "memo.pdf"] for s in standards}
    departments = {s.id: s.department for s in standards}
    ids = sorted(departments)
    answers = answers_about(ids[:4], 12) + answers_about(ids[4:6], 2)
    scores = compute_scores(answers, departments, 5)
    validator = jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    for given in (None, scores):
        document = json.loads(catalogue_json(standards, Config(), files, given))
        assert [error.message for error in validator.iter_errors(document)] == []
        assert [entry["id"] for entry in document["services"]] == ids


def test_an_entry_has_the_deadline_in_words_and_as_a_value_and_every_file(
    tiny_standard: Standard,
) -> None:
    document = json.loads(
        catalogue_json([tiny_standard], Config(), {"tiny-service": ["b", "a"]}, None)
    )
    [entry] = document["services"]
    assert entry["deadline"] == {"words": "3 business days", "amount": 3, "unit": "business days"}
    assert entry["request"]["href"] == "https://intranet.example.com/forms/help"
    assert entry["files"] == ["tiny-service/a", "tiny-service/b"]
    assert "scores" not in entry


def test_a_service_with_too_few_answers_has_its_count_and_no_means(
    tiny_standard: Standard,
) -> None:
    scores = compute_scores(answers_about(["tiny-service"], 4), {"tiny-service": "S"}, 5)
    [entry] = json.loads(catalogue_json([tiny_standard], Config(), {}, scores))["services"]
    assert entry["scores"]["year"] == {"answers": 4, "means": None}
    assert entry["scores"]["change"] is None


def test_the_same_input_gives_the_same_bytes(standards: list[Standard]) -> None:
    scores = compute_scores(
        answers_about([s.id for s in standards], 6), {s.id: s.department for s in standards}, 5
    )
    once = catalogue_json(standards, Config(), {}, scores)
    assert catalogue_json(list(reversed(standards)), Config(), {}, scores) == once
