"""Unit tests for memogen.data.lint_settings: the `lint:` section of memogen.yaml."""

from __future__ import annotations

import pytest

from memogen.data.config_model import Config
from memogen.data.lint_settings import LintOptions
from memogen.data.loader import load_text
from memogen.data.wording import to_model
from memogen.lint.rules.catalog import RULE_IDS


def lint_of(text: str) -> LintOptions:
    config, issues = to_model(Config, load_text(text, "memogen.yaml"))
    assert issues == [] and config is not None
    return config.lint


def issues_of(text: str) -> list[str]:
    config, issues = to_model(Config, load_text(text, "memogen.yaml"))
    assert config is None
    return [issue.text() for issue in issues]


def test_by_default_every_rule_runs_at_its_own_severity_with_the_documented_limits() -> None:
    lint = LintOptions()
    assert lint.disable == []
    assert all(getattr(lint.severity, rule) is None for rule in RULE_IDS)
    assert (lint.jargon.ru, lint.jargon.en) == (None, None)
    assert (lint.max_sentence_words, lint.poster_word_budget, lint.max_age_days) == (25, 30, 730)
    assert lint.baseline == ".memogen-lint-baseline.json"


def test_rules_are_switched_off_and_reweighted_by_id() -> None:
    lint = lint_of(
        "lint:\n  disable: [MG203, ' MG101 ']\n  severity:\n    MG403: warning\n"
        "  jargon:\n    ru: ['осуществл*', в рамках]\n"
    )
    assert lint.disable == ["MG203", "MG101"]
    assert lint.severity.MG403 == "warning"  # type: ignore[attr-defined]
    assert lint.jargon.ru == ["осуществл*", "в рамках"]


def test_an_unknown_rule_id_gets_the_closest_one() -> None:
    assert issues_of("lint:\n  disable: [MG2O3]\n") == [
        "memogen.yaml:2:13: error: lint.disable.1: 'MG2O3' is not a lint rule "
        "(did you mean 'MG203'?)"
    ]


def test_a_rule_id_like_no_other_points_to_the_rule_list() -> None:
    assert issues_of("lint:\n  disable: [spelling]\n") == [
        "memogen.yaml:2:13: error: lint.disable.1: 'spelling' is not a lint rule "
        "(see docs/lint-rules.md)"
    ]


@pytest.mark.parametrize("empty", ["''", "[MG101]"])
def test_a_rule_id_that_is_empty_or_not_text_is_asked_for_as_an_id(empty: str) -> None:
    assert issues_of(f"lint:\n  disable: [{empty}]\n") == [
        "memogen.yaml:2:13: error: lint.disable.1: expected a rule id "
        "(write an id like MG101; see docs/lint-rules.md)"
    ]


def test_a_severity_for_an_unknown_rule_is_an_unknown_key_and_a_severity_must_be_one_word() -> None:
    assert sorted(issues_of("lint:\n  severity:\n    MG1O1: error\n    MG101: fatal\n")) == [
        "memogen.yaml:3:5: error: lint.severity.MG1O1: unknown key 'MG1O1' (did you mean 'MG101'?)",
        "memogen.yaml:4:12: error: lint.severity.MG101: 'fatal' is not allowed here "
        "(use one of: error, warning, info)",
    ]


@pytest.mark.parametrize(
    ("setting", "bound"),
    [
        ("max_sentence_words: 4", "must be at least 5"),
        ("poster_word_budget: 501", "must be at most 500"),
        ("max_age_days: 0", "must be at least 1"),
    ],
)
def test_the_limits_keep_to_their_bounds(setting: str, bound: str) -> None:
    key, _, _ = setting.partition(":")
    [issue] = issues_of(f"lint:\n  {setting}\n")
    assert issue.endswith(f"error: lint.{key}: {bound}")
