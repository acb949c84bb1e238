"""The worked example the guide and the email print, in both languages, from a filing moment
that never depends on the clock; and the same example in every output."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from memogen.data.config_model import Config
from memogen.data.models import Standard
from memogen.render.moments import filed_words, moment_words, worked_example
from memogen.render.worker import Job, render_standard

ISSUE_EXAMPLE = {"calendar": {"country": "RU", "example_filed": "2026-04-29 12:00"}}


def config(**values: Any) -> Config:
    return Config.model_validate(values)


def test_the_example_says_when_a_request_filed_then_is_ready_in_russian(
    tiny_standard: Standard,
) -> None:
    example = worked_example(tiny_standard, config(**ISSUE_EXAMPLE), "ru")
    assert example is not None
    assert example["ready"] == (
        "Если подать заявку в среду, 29 апреля, в 12:00, "
        "результат будет готов не позднее 5 мая, 13:00."
    )
    assert example["ack"] == "Получение заявки мы подтвердим не позднее 29 апреля, 17:00."


def test_the_example_says_when_a_request_filed_then_is_ready_in_english(
    tiny_standard: Standard,
) -> None:
    example = worked_example(tiny_standard, config(**ISSUE_EXAMPLE), "en")
    assert example is not None
    assert example["ready"] == (
        "If you file a request on Wednesday, 29 April, at 12:00, the result will be ready by "
        "5 May, 13:00."
    )
    assert [stage["text"] for stage in example["outputs"]["stages"]] == [
        "30 April 2026, 12:00",
        "5 May 2026, 13:00",
    ]


def test_without_example_filed_the_example_files_at_noon_on_the_effective_date(
    tiny_standard: Standard,
) -> None:
    example = worked_example(tiny_standard, config(calendar={"country": "RU"}), "en")
    assert example is not None  # effective: 2026-12-01, a Tuesday
    assert example["ready"].startswith("If you file a request on Tuesday, 1 December, at 12:00,")
    assert example["filed_value"] == "2026-12-01T12:00"


def test_without_a_calendar_section_there_is_no_example(tiny_standard: Standard) -> None:
    assert worked_example(tiny_standard, Config(), "ru") is None


def test_without_an_effective_date_or_example_filed_there_is_no_example(
    tiny_standard: Standard,
) -> None:
    undated = tiny_standard.model_copy(update={"effective": None})
    assert worked_example(undated, config(calendar={"country": "RU"}), "ru") is None


def test_moments_are_worded_with_the_month_in_the_genitive(tiny_standard: Standard) -> None:
    example = worked_example(tiny_standard, config(**ISSUE_EXAMPLE), "ru")
    assert example is not None
    assert example["outputs"]["ready"]["text"] == "5 мая 2026, 13:00"
    assert "во вторник" in filed_words(datetime(2026, 5, 5, 9, 0), "ru")
    assert moment_words(datetime(2026, 1, 12, 9, 5), "en", year=False) == ("12 January, 09:05")


def test_the_guide_and_the_email_print_the_worked_example(
    tiny_standard: Standard, tmp_path: Path
) -> None:
    job = Job(
        tiny_standard,
        config(**ISSUE_EXAMPLE),
        None,
        ("guide", "email"),
        ("html", "md", "txt"),
        tmp_path,
    )
    render_standard(job)
    sentence = (
        "If you file a request on Wednesday, 29\xa0April, at 12:00, the result will be ready by"
    )
    for name in ("guide.html", "guide.md", "email.html"):
        text = (tmp_path / "tiny-service" / name).read_text("utf-8").replace("&nbsp;", "\xa0")
        assert f"{sentence} 5\xa0May, 13:00." in text, name
    plain = (tmp_path / "tiny-service" / "email.txt").read_text("utf-8")
    assert "Example. If you file a request on Wednesday, 29\xa0April, at 12:00, the result" in plain
    guide = (tmp_path / "tiny-service" / "guide.html").read_text("utf-8")
    assert (
        '<input type="datetime-local" id="calc-filed" name="filed" value="2026-04-29T12:00"'
        in guide
    )


def test_without_a_calendar_section_the_documents_stay_as_they_were(
    tiny_standard: Standard, tmp_path: Path
) -> None:
    render_standard(Job(tiny_standard, Config(), None, ("guide",), ("html",), tmp_path))
    guide = (tmp_path / "tiny-service" / "guide.html").read_text("utf-8")
    assert "<script" not in guide and "If you file" not in guide
