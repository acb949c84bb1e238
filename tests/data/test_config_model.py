"""Unit tests for memogen.data.config_model: memogen.yaml's keys, their defaults and bounds."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from memogen.data.config_model import Config
from memogen.data.loader import load_text
from memogen.data.wording import to_model
from memogen.outputs import DEFAULT_ARTIFACTS, DEFAULT_FORMATS


def issues_of(text: str) -> list[str]:
    config, issues = to_model(Config, load_text(text, "memogen.yaml"))
    assert config is None
    return [issue.text() for issue in issues]


def test_an_empty_config_builds_everything_in_russian_on_a4_and_an_a3_portrait_poster() -> None:
    config = Config()
    assert (config.language, config.workday_hours, config.logo_uri) == ("ru", 8, "")
    assert (config.memo.size, config.poster.size, config.poster.orientation) == (
        "A4",
        "A3",
        "portrait",
    )
    assert config.build.artifacts == list(DEFAULT_ARTIFACTS)  # ack only when asked for
    assert config.build.formats == list(DEFAULT_FORMATS)  # docx only when asked for
    assert (config.brand.primary, config.brand.font) == ("#1F4E79", "DejaVu Sans")


def test_the_sender_is_written_from_as_in_an_email_header() -> None:
    config = Config.model_validate({"email": {"from": "Служба качества <quality@example.com>"}})
    assert config.email.sender == "Служба качества <quality@example.com>"
    assert issues_of("email:\n  sender: a@example.com\n") == [
        "memogen.yaml:2:3: error: email.sender: unknown key 'sender' "
        "(known keys: from, to, subject_prefix)"
    ]


def test_a_loaded_config_cannot_be_changed_but_its_logo_is_attached_once_read() -> None:
    config = Config()
    with pytest.raises(ValidationError):
        config.language = "en"  # type: ignore[misc]
    config.attach_logo("data:image/png;base64,AAAA")
    assert config.logo_uri == "data:image/png;base64,AAAA"


def test_paper_sizes_are_limited_to_those_each_artifact_is_laid_out_for() -> None:
    assert issues_of("memo:\n  size: A3\nposter:\n  size: A5\n") == [
        "memogen.yaml:2:9: error: memo.size: 'A3' is not allowed here (use one of: A4, A5)",
        "memogen.yaml:4:9: error: poster.size: 'A5' is not allowed here (use one of: A4, A3, A2)",
    ]


@pytest.mark.parametrize(
    ("hours", "bound"), [("0", "must be at least 1"), ("25", "must be at most 24")]
)
def test_a_workday_has_1_to_24_hours(hours: str, bound: str) -> None:
    assert issues_of(f"workday_hours: {hours}\n") == [
        f"memogen.yaml:1:16: error: workday_hours: {bound}"
    ]


def test_an_artifact_or_format_memogen_does_not_make_is_refused_with_a_close_name() -> None:
    assert issues_of("build:\n  artifacts: [memo, posters]\n  formats: [pdf, odt]\n") == [
        "memogen.yaml:2:21: error: build.artifacts.2: 'posters' is not allowed here "
        "(did you mean 'poster'?)",
        "memogen.yaml:3:18: error: build.formats.2: 'odt' is not allowed here "
        "(use one of: html, pdf, md, png, eml, txt, docx)",
    ]


def test_at_most_fifteen_service_rules() -> None:
    rules = "".join(f"  - Правило {n}\n" for n in range(16))
    assert issues_of("service_rules:\n" + rules) == [
        "memogen.yaml:2:3: error: service_rules: has more than 15 items "
        "(keep the list short enough to read)"
    ]


def test_build_formats_accept_docx_which_is_not_a_default() -> None:
    config, issues = to_model(Config, load_text("build:\n  formats: [pdf, docx]\n", "m.yaml"))
    assert issues == []
    assert config is not None and config.build.formats == ["pdf", "docx"]
    assert "docx" not in Config().build.formats
