"""The guide's offline calculator: its data is safe inside a <script>, and in headless Debian
chromium it gives, for any moment typed in, the very moments `memogen due` prints."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner

from memogen.cli import main
from memogen.data.clock import clock_for
from memogen.data.config_model import Config
from memogen.data.models import Standard
from memogen.render.calculator import calculator_json
from memogen.render.moments import moment_words
from memogen.render.worker import Job, render_standard

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

RepoWriter = Callable[..., Path]
CONFIG = 'calendar:\n  country: RU\n  cutoff: "17:00"\n  example_filed: "2026-04-29 12:00"\n'


def test_the_calculator_data_cannot_end_its_script_element(tiny_standard: Standard) -> None:
    config = Config.model_validate({"calendar": {"country": "RU"}})
    assert config.calendar is not None
    text = calculator_json(tiny_standard, clock_for(config.calendar, 8), "ru")
    assert "<" not in text and ">" not in text and "&" not in text
    data = json.loads(text)
    assert data["hours"] == [540, 1080] and data["lunch"] == [780, 840]
    assert data["stages"] == [
        {"business": True, "minutes": 480},
        {"business": True, "minutes": 960},
    ]
    assert data["months"][4] == "мая"


@pytest.fixture
def guide(
    write_repo: RepoWriter, valid_standard_text: str, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """A repo with the tiny standard in Russian and its guide built next to it."""
    text = valid_standard_text.replace("language: en", "language: ru")
    repo = write_repo({"standards/tiny-service.yaml": text}, config=CONFIG)
    monkeypatch.chdir(repo)
    from memogen.project import open_project

    project = open_project(None)
    _, checked = project.check(())
    render_standard(Job(checked.standards[0], project.config, None, ("guide",), ("html",), repo))
    return repo / "tiny-service" / "guide.html"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    context.route(
        "**/*",
        lambda route: (
            route.abort() if not route.request.url.startswith("file:") else route.continue_()
        ),
    )
    yield context.new_page()
    context.close()


def due_json(filed: str) -> dict[str, object]:
    result = CliRunner().invoke(main, ["due", "tiny-service", "--filed", filed, "--format", "json"])
    assert result.exit_code == 0, result.output
    return dict(json.loads(result.stdout))


@pytest.mark.parametrize(
    "filed",
    [
        "2026-04-29T12:00",  # the example: 1-3 May are off
        "2026-05-08T10:00",  # a shortened Friday before the 9 May holiday
        "2026-04-29T17:30",  # after the cut-off
        "2025-12-30T15:00",  # across the new year holidays
        "2026-06-13T11:00",  # on a Saturday after a holiday
    ],
)
def test_the_calculator_answers_as_memogen_due_does(guide: Path, page: Page, filed: str) -> None:
    from playwright.sync_api import expect

    expected = due_json(filed.replace("T", " "))
    page.goto(guide.as_uri())
    expect(page.locator("#calculator")).to_be_visible()
    page.get_by_label("Когда вы подаёте заявку").fill(filed)
    ready = page.locator("#calc-ready")
    expect(ready).to_have_attribute("data-moment", str(expected["ready"])[:16])
    answers = {
        "ack": page.locator("#calc-ack"),
        **{f"stage {n}": page.locator(f"#calc-stage-{n}") for n in (1, 2)},
        "ready": ready,
    }
    stages = expected["stages"]
    assert isinstance(stages, list)
    wanted = {
        "ack": expected["acknowledge_by"],
        **{f"stage {n}": stage["due"] for n, stage in enumerate(stages, 1)},
        "ready": expected["ready"],
    }
    for name, output in answers.items():
        moment = datetime.fromisoformat(str(wanted[name]))
        assert output.get_attribute("data-moment") == str(wanted[name])[:16], name
        assert output.text_content() == moment_words(moment, "ru"), name


def test_a_year_without_a_calendar_is_said_under_the_answer(guide: Path, page: Page) -> None:
    from playwright.sync_api import expect

    page.goto(guide.as_uri())
    page.get_by_label("Когда вы подаёте заявку").fill("2026-12-30T12:00")
    expect(page.locator("#calc-note")).to_have_text(
        "В этом году производственного календаря нет: выходными считаются только субботы и "
        "воскресенья."
    )


def test_without_javascript_the_worked_example_still_reads(guide: Path, browser: Browser) -> None:
    from playwright.sync_api import expect

    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(guide.as_uri())
    expect(page.get_by_text("Если подать заявку в среду, 29 апреля, в 12:00")).to_be_visible()
    expect(page.locator("#calculator")).to_be_hidden()
    context.close()
