"""Unit tests for memogen.data.survey_settings: the `survey:` section of memogen.yaml."""

from __future__ import annotations

from memogen.data.config_model import Config
from memogen.data.loader import load_text
from memogen.data.wording import to_model


def issues_of(text: str) -> list[str]:
    config, issues = to_model(Config, load_text(text, "memogen.yaml"))
    assert config is None
    return [issue.text() for issue in issues]


def test_without_a_survey_section_there_are_no_scores() -> None:
    assert Config().survey is None


def test_the_anonymity_threshold_is_five_answers_and_comments_stay_unpublished_by_default() -> None:
    config, issues = to_model(Config, load_text("survey:\n  results: surveys/*.csv\n", "m.yaml"))
    assert issues == [] and config is not None and config.survey is not None
    assert config.survey.results == "surveys/*.csv"
    assert (config.survey.min_responses, config.survey.publish_comments) == (5, False)


def test_a_pattern_that_leaves_the_repo_is_a_located_error() -> None:
    hint = "write a path relative to the folder of memogen.yaml, such as surveys/*.csv"
    assert issues_of("survey:\n  results: ../elsewhere/*.csv\n") == [
        "memogen.yaml:2:12: error: survey.results: '../elsewhere/*.csv' is not a pattern "
        f"inside the repo ({hint})"
    ]
    assert issues_of("survey:\n  results: /srv/answers.csv\n") == [
        "memogen.yaml:2:12: error: survey.results: '/srv/answers.csv' is not a pattern "
        f"inside the repo ({hint})"
    ]


def test_a_threshold_below_one_is_refused() -> None:
    [message] = issues_of("survey:\n  results: s/*.csv\n  min_responses: 0\n")
    assert message.startswith("memogen.yaml:3:18: error: survey.min_responses: ")
