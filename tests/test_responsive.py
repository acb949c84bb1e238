"""Every HTML page memogen makes reads on a phone and on a desktop, in headless Debian chromium.

The example standards and two hard ones (12 stages, long Russian and English words, a long
unbroken address, long names) are built once (HTML only: PDFs take seconds and do not read
these rules), then each page is opened at 390 px (a phone) and at 1280 px (a desktop).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml

from memogen.pipeline import BuildOptions, build
from tests.examples_kit import copy_settings
from tests.layout.variants import base

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

REPO_ROOT = Path(__file__).resolve().parent.parent
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
CARDS_BELOW = 600  # px: the memo's stage table becomes cards below this width
GUTTER = 16  # px at least between the texts of two cells side by side
LONG_WORDS = {"ru": "Высококвалифицированный", "en": "internationalisation"}
LONG_NAMES = {
    "ru": "Константин Константинович Ворошиловградский-Новомосковский",
    "en": "Maximilian Bartholomew Featherstonehaugh-Cholmondeley-Worthington",
}
LONG_URL = (
    "https://intranet.example.com/forms/internationalisation-of-the-procurement-request-form"
    "?department=logistics&procedure=" + "a1b2c3d4e5f6" * 8
)


def hard_standard(lang: str) -> dict[str, Any]:
    """Twelve stages whose every text is long: words, names and an address that do not break."""
    data = base(lang, 12)
    word, name = LONG_WORDS[lang], LONG_NAMES[lang]
    data["id"] = f"hard-{lang}"
    data["title"] = f"{word} {word}{word}"
    data["department"] = f"{word} {data['department']}"
    data["summary"] = f"{word} {data['summary']} {LONG_URL}"
    data["owner"]["name"] = name
    data["request"].pop("form_name")
    data["request"]["form_url"] = LONG_URL
    data["contacts"][0].update(name=name, email=f"{'x' * 60}@procurement.example.com")
    for stage in data["stages"]:
        stage["name"] = f"{word} {stage['name']}"
        stage["performer"] = f"{name} {word}"
        stage["result"] = f"{word} {stage['result']} {LONG_URL}"
    return data


@pytest.fixture(scope="module")
def built_pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples and the two hard standards, every artifact that has a page, as HTML."""
    repo = tmp_path_factory.mktemp("responsive")
    shutil.copytree(REPO_ROOT / "standards", repo / "standards")
    shutil.copytree(REPO_ROOT / "surveys", repo / "surveys")
    copy_settings(repo)
    for lang in LONG_WORDS:
        text = yaml.safe_dump(hard_standard(lang), allow_unicode=True, sort_keys=False)
        (repo / "standards" / f"hard-{lang}.yaml").write_text(text, encoding="utf-8")
    options = BuildOptions(
        out=repo / "output",
        artifacts=("memo", "guide", "poster", "email", "ack"),
        formats=("html",),
    )
    build([repo / "standards"], repo / "memogen.yaml", options)
    return repo / "output"


def pages(out: Path, name: str = "*.html") -> list[Path]:
    return sorted(out.rglob(name))


@pytest.fixture(scope="module")
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def desktop(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


# A phone widens window.innerWidth to a page that overflows it (and zooms out); the layout
# viewport, documentElement.clientWidth, stays the screen's width.
OVERFLOW = """() => {
  const root = document.documentElement, width = root.clientWidth;
  if (root.scrollWidth <= width) return null;
  let widest = null, right = width;
  for (const element of document.body.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    // the furthest right; of those, the innermost (it comes later in document order)
    if (element.tagName !== "COL" && box.right > right - 0.5) {
      widest = element; right = Math.max(right, box.right);
    }
  }
  const name = widest ? widest.tagName.toLowerCase() + (widest.getAttribute("class") ?
    "." + widest.getAttribute("class").trim().split(/\\s+/).join(".") : "") : "?";
  const text = widest ? widest.textContent.trim().slice(0, 40) : "";
  return `${root.scrollWidth} px wide in ${width} px; widest: ${name} (${Math.round(right)} px) ${JSON.stringify(text)}`;
}"""


@pytest.mark.parametrize("screen", ["phone", "desktop"])
def test_no_page_scrolls_sideways(
    screen: str, built_pages: Path, request: pytest.FixtureRequest
) -> None:
    page: Page = request.getfixturevalue(screen)
    built = pages(built_pages)
    assert {p.name for p in built} >= {
        "memo.html",
        "guide.html",
        "poster.html",
        "email.html",
        "ack.html",
        "index.html",
        "scores.html",
    }
    offenders = []
    for path in built:
        page.goto(path.as_uri())
        if overflow := page.evaluate(OVERFLOW):
            offenders.append(f"{path.relative_to(built_pages).as_posix()}: {overflow}")
    assert offenders == [], f"on a {screen}:\n" + "\n".join(offenders)


# Each stage's cells: their boxes, and the label their ::before shows (none: "none").
CARDS = """() => [...document.querySelectorAll("table.stages tbody tr")].map(row =>
  [...row.children].filter(cell => !cell.classList.contains("num")).map(cell => {
    const box = cell.getBoundingClientRect(), before = getComputedStyle(cell, "::before");
    return {left: box.left, top: box.top, bottom: box.bottom, label: cell.dataset.label || null,
            shown: before.display === "none" ? "none" : before.content};
  }))"""
HEADERS = "() => [...document.querySelectorAll('table.stages thead th')].map(th => th.textContent)"


def test_a_phone_shows_each_stage_as_a_card_its_cells_labelled_with_their_columns(
    built_pages: Path, phone: Page
) -> None:
    memos = pages(built_pages, "memo.html")
    troubles = []
    for path in memos:
        phone.goto(path.as_uri())
        headers = phone.evaluate(HEADERS)
        for number, cells in enumerate(phone.evaluate(CARDS), 1):
            where = f"{path.parent.name} stage {number}"
            if len({round(cell["left"]) for cell in cells}) != 1:
                troubles.append(f"{where}: its cells do not start at one left edge: {cells}")
            if any(b["top"] < a["bottom"] - 0.5 for a, b in pairwise(cells)):
                troubles.append(f"{where}: its cells do not stack: {cells}")
            for cell in cells[1:]:  # after the stage's name, each cell says what it is
                if cell["label"] not in headers or cell["shown"] != f'"{cell["label"]}"':
                    troubles.append(f"{where}: label {cell['label']!r} shown as {cell['shown']}")
    assert len(memos) == 7
    assert troubles == []


# Each row's cells, as the boxes of their texts (a range over the cell's content).
TEXT_EDGES = """() => [...document.querySelectorAll("table.stages tr")].map(row =>
  [...row.children].map(cell => {
    const range = document.createRange();
    range.selectNodeContents(cell);
    const boxes = [...range.getClientRects()].filter(box => box.width > 0);
    return boxes.length ? {text: cell.textContent.trim().slice(0, 30),
      left: Math.min(...boxes.map(b => b.left)), right: Math.max(...boxes.map(b => b.right))} : null;
  }).filter(Boolean))"""


def test_on_a_desktop_the_texts_of_side_by_side_cells_keep_a_gutter(
    built_pages: Path, desktop: Page
) -> None:
    close = []
    for path in pages(built_pages, "memo.html"):
        desktop.goto(path.as_uri())
        for cells in desktop.evaluate(TEXT_EDGES):
            for a, b in pairwise(cells):
                if (gap := b["left"] - a["right"]) < GUTTER:
                    close.append(f"{path.parent.name}: {a['text']!r} | {b['text']!r}: {gap:.1f} px")
    assert close == [], f"less than {GUTTER} px apart:\n" + "\n".join(close)
