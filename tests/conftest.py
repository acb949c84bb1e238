"""Shared fixtures. Each helper has a name that says what it makes; add yours beside them."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import settings

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

    from memogen.data.models import Standard

REPO_ROOT = Path(__file__).resolve().parent.parent

# A property fails on what it finds, never on how long an example took on a busy machine.
settings.register_profile("memogen", deadline=None)
settings.load_profile("memogen")

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# A small, complete, valid standard; the bad fixtures are variations of it.
VALID_STANDARD_FILE = FIXTURES / "good" / "tiny-service.yaml"


@pytest.fixture(autouse=True)
def english_messages(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """memogen speaks English unless a test asks for Russian: the fixtures say `language: ru`,
    and most tests assert the English messages. A Russian test sets MEMOGEN_LANG=ru (or
    deletes it, to test the choice by memogen.yaml) and `memogen.i18n.use("ru")` itself."""
    from memogen import i18n
    from memogen.i18n.choice import ENVIRONMENT

    monkeypatch.setenv(ENVIRONMENT, "en")
    i18n.use("en")
    yield
    i18n.use("en")


@pytest.fixture
def valid_standard_text() -> str:
    """A small, complete, valid standard with id `tiny-service` (file tiny-service.yaml)."""
    return VALID_STANDARD_FILE.read_text(encoding="utf-8")


RepoWriter = Callable[..., Path]


@pytest.fixture
def write_repo(tmp_path: Path) -> RepoWriter:
    """Make a repo in tmp_path: `write_repo({"standards/x.yaml": text}, config=text)`.

    `config` (text of memogen.yaml) is written only when given. Returns the repo folder.
    """

    def write(files: dict[str, str] | None = None, config: str | None = None) -> Path:
        (tmp_path / "standards").mkdir(exist_ok=True)
        for name, text in (files or {}).items():
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        if config is not None:
            (tmp_path / "memogen.yaml").write_text(config, encoding="utf-8")
        return tmp_path

    return write


# Debian's chromium, driven by Playwright (never `playwright install`: no browser downloads).
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Debian chromium; the tests that use it are skipped only when it is not installed."""
    if not CHROMIUM.exists():
        pytest.skip(f"Debian's chromium is not installed ({CHROMIUM}): apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


AxeCheck = Callable[["Page"], list[str]]
# WCAG 2.0 and 2.1, levels A and AA. (axe's wcag22aa adds target-size, which the guide's
# contact links do not meet yet: see the accessibility notes in docs/serve.md.)
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# evaluate() has no timeout of its own: a page that never answers fails after 60 s, not never.
RUN_AXE = """tags => Promise.race([
  axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]}),
  new Promise((_, reject) => setTimeout(() => reject(new Error("axe-core timed out")), 60000)),
])"""


@pytest.fixture(scope="session")
def axe_script() -> str:
    """axe-core, as the `axe-playwright-python` package ships it: nothing is downloaded."""
    from importlib.resources import files

    return files("axe_playwright_python").joinpath("axe.min.js").read_text("utf-8")


@pytest.fixture(scope="session")
def axe_violations(axe_script: str) -> AxeCheck:
    """`axe_violations(page)`: axe-core's WCAG 2 A/AA violations on the page, one line each."""

    def check(page: Page) -> list[str]:
        if not page.evaluate("typeof axe !== 'undefined'"):
            page.add_script_tag(content=axe_script)
        result = page.evaluate(RUN_AXE, WCAG_TAGS)
        return [
            f"{v['id']} ({v['impact']}): {v['help']}: "
            + "; ".join(f"{node['target']} {node['failureSummary']!r}" for node in v["nodes"][:5])
            for v in result["violations"]
        ]

    return check


@pytest.fixture
def tiny_standard() -> Standard:
    """The valid standard `tiny-service` (English, two stages) as its model."""
    from memogen.data.config_model import Config
    from memogen.data.validate import check_standards

    checked = check_standards([(VALID_STANDARD_FILE, "standards/tiny-service.yaml")], Config())
    assert checked.issues == []
    return checked.standards[0]


# A company's worth of synthetic standards, made in code: the catalogue tested at scale.
# Russian and English, Cyrillic and Latin department names, a form link on most.
DEPARTMENTS = (
    "Отдел снабжения",
    "ИТ-поддержка",
    "Юридический отдел",
    "Служба персонала",
    "Бухгалтерия",
    "Отдел дизайна",
    "Административно-хозяйственный отдел",
    "Ёлочный склад",  # ё sorts as е: between «Бухгалтерия» and «ИТ-поддержка»
    "Facilities",
    "Legal",
    "Security Office",
)
TOPICS = (
    ("Закупка", "purchase", "Покупаем товары и оборудование по заявке"),
    ("Справка", "certificate", "Готовим справку с места работы"),
    ("Ноутбук", "laptop", "Выдаём и настраиваем ноутбук для работы"),
    ("Договор", "contract", "Проверяем договор перед подписанием"),
    ("Макет", "layout", "Делаем макет баннера или презентации"),
    ("Пропуск", "pass", "Оформляем пропуск для гостя"),
    ("Ремонт", "repair", "Чиним мебель и технику в офисе"),
    ("Отпуск", "leave", "Оформляем отпуск и считаем отпускные"),
)
SYNTHETIC_CONFIG = "organisation: ООО «Пример»\nlanguage: ru\n"


def synthetic_standard_text(number: int) -> tuple[str, str]:
    """The `number`th synthetic standard: (its id, its YAML text)."""
    topic, slug, summary = TOPICS[number % len(TOPICS)]
    department = DEPARTMENTS[number % len(DEPARTMENTS)]
    english = department.isascii()
    standard_id = f"{slug}-{number:03d}"
    title = f"{slug.capitalize()} request {number}" if english else f"{topic} № {number}"
    channel = "email" if number % 5 == 0 else "form"
    request = (
        "  channel: email\n  address: desk@example.com\n"
        if channel == "email"
        else f"  channel: form\n  form_url: https://intranet.example.com/forms/{standard_id}\n"
    )
    text = f"""memogen: 1
id: {standard_id}
title: {title}
language: {"en" if english else "ru"}
version: "1.{number % 7}"
effective: 2026-12-01
department: {department}
summary: {summary}, номер {number}.
owner:
  name: Ann Lee
  email: ann.lee@example.com
request:
{request}  acknowledge_within: 4 business hours
inputs:
  - name: What is needed
stages:
  - name: Registration
    deadline: 1 business day
    result: The request has a number
deadline: {1 + number % 9} business days
result:
  criteria:
    - Done as asked
contacts:
  - name: Bob Stone
    email: bob.stone@example.com
feedback:
  url: https://survey.example.com/{standard_id}
"""
    return standard_id, text


def write_synthetic_repo(folder: Path, count: int) -> Path:
    """Write `count` synthetic standards and a memogen.yaml into `folder`; returns it."""
    (folder / "standards").mkdir(parents=True, exist_ok=True)
    (folder / "memogen.yaml").write_text(SYNTHETIC_CONFIG, encoding="utf-8")
    for number in range(count):
        standard_id, text = synthetic_standard_text(number)
        (folder / "standards" / f"{standard_id}.yaml").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def synthetic_repo(tmp_path_factory: pytest.TempPathFactory) -> Callable[[int], Path]:
    """`synthetic_repo(count)`: a new repo with `count` valid synthetic standards."""
    return lambda count: write_synthetic_repo(tmp_path_factory.mktemp("company"), count)


def pytest_configure(config: pytest.Config) -> None:
    """A suite started as a background job (`cmd &` in a script, nohup) inherits SIGINT
    ignored, and so would every `memogen serve` the tests stop with Ctrl-C: take it back.
    English messages for the processes module-scoped fixtures start too (`english_messages`)."""
    os.environ["MEMOGEN_LANG"] = "en"
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
