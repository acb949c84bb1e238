"""Issue 11's promises, checked on the laid-out PDFs of every variant (tests/layout/
variants.py) on every paper: legible type, one-page memos, nothing off the sheet, nothing
drawn on anything else, every stage shown, no near-empty guide page.

The variants are built once per paper for the whole module (`memogen build -j 2` in
process, about a minute). Run them alone with `pytest -m layout tests/layout`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from memogen.render.labels import LABELS
from tests.layout.measure import (
    body_size,
    font_size_of,
    overlapping_words,
    page_count,
    page_fill,
    text_outside_page,
    words_above,
)
from tests.layout.variants import (
    LANGUAGES,
    NAMES,
    PAPERS,
    Paper,
    build_project,
    expected_texts,
    standard_id,
    variant,
)

pytestmark = pytest.mark.layout

MEMO_BODY_FLOOR = 9.0  # pt
MEMO_ONE_PAGE_UP_TO = 8  # stages, on A4 (an A5 memo, half the page, may take two)
# On A3 (pt); other paper in proportion to its short side, as the poster's type is: an A4
# poster is read from closer, an A2 from farther (its viewing distance is checked apart).
POSTER_KEY_FLOORS = ((8, 20.0), (12, 18.0))  # (up to so many stages, stage names and deadlines)
POSTER_TEXT_FLOOR = 12.0  # pt, anything above the footer
SHORT_SIDE_MM = {"A4": 210, "A3": 297, "A2": 420}
GUIDE_PAGE_FILL_FLOOR = 0.2  # every page after the first, as measure.page_fill reads it
MEMO_TWO_PAGES_FILL_FLOOR = {"A4": 1 / 3, "A5": 1 / 4}
# (an A5 memo of one to 1.4 pages of content at its largest size, 12 pt, cannot fill a third
# of its second page: its last quarter is the floor there)

Built = dict[str, tuple[Path, dict[str, str]]]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("layout")
    return {paper.name: build_project(root / paper.name, paper) for paper in PAPERS}


def cases(*artifacts: str) -> list[Any]:
    """(paper, variant, language) for each paper of `artifacts`, named like
    `poster-A3-portrait-stages_8-ru`."""
    return [
        pytest.param(paper, name, lang, id=f"{paper.name}-{name}-{lang}")
        for paper in PAPERS
        if paper.artifact in artifacts
        for name in NAMES
        for lang in LANGUAGES
    ]


def pdf(built: Built, paper: Paper, name: str, lang: str) -> Path:
    """The variant's PDF on that paper; fails with memogen's message if it was refused."""
    out, refused = built[paper.name]
    sid = standard_id(name, lang)
    if sid in refused:
        pytest.fail(f"memogen refused {sid} on {paper.name}: {refused[sid]}")
    return out / sid / f"{paper.artifact}.pdf"


def stage_count(name: str) -> int:
    return len(variant(name, "en")["stages"])


ALL = cases("memo", "guide", "poster")


@pytest.mark.parametrize(("paper", "name", "lang"), ALL)
def test_every_stage_name_and_deadline_is_shown(
    built: Built, paper: Paper, name: str, lang: str
) -> None:
    document = pdf(built, paper, name, lang)
    names, deadlines = expected_texts(name, lang)
    missing = [text for text in (*names, *deadlines) if font_size_of(document, text) is None]
    assert missing == []


@pytest.mark.parametrize(("paper", "name", "lang"), ALL)
def test_no_text_leaves_the_sheet(built: Built, paper: Paper, name: str, lang: str) -> None:
    outside = text_outside_page(pdf(built, paper, name, lang))
    assert [(w.text, w.page + 1) for w in outside] == []


@pytest.mark.parametrize(("paper", "name", "lang"), ALL)
def test_no_two_words_overlap(built: Built, paper: Paper, name: str, lang: str) -> None:
    pairs = overlapping_words(pdf(built, paper, name, lang))
    assert [(a.text, b.text, a.page + 1) for a, b in pairs] == []


@pytest.mark.parametrize(("paper", "name", "lang"), cases("memo"))
def test_memo_body_is_at_least_9_pt(built: Built, paper: Paper, name: str, lang: str) -> None:
    size = body_size(pdf(built, paper, name, lang))
    assert size >= MEMO_BODY_FLOOR


@pytest.mark.parametrize(
    ("paper", "name", "lang"),
    [
        c
        for c in cases("memo")
        if stage_count(c.values[1]) <= MEMO_ONE_PAGE_UP_TO and c.values[0].size == "A4"
    ],
)
def test_memo_is_one_page_up_to_8_stages(built: Built, paper: Paper, name: str, lang: str) -> None:
    pages = page_count(pdf(built, paper, name, lang))
    assert pages == 1


@pytest.mark.parametrize(("paper", "name", "lang"), cases("memo"))
def test_a_memo_on_two_pages_fills_each_a_third(
    built: Built, paper: Paper, name: str, lang: str
) -> None:
    fills = page_fill(pdf(built, paper, name, lang))
    assert len(fills) <= 2
    if len(fills) == 2:
        assert min(fills) >= MEMO_TWO_PAGES_FILL_FLOOR[paper.size], [round(f, 2) for f in fills]


def on_paper(paper: Paper, floor: float) -> float:
    """A floor given for A3, on this paper."""
    return floor * SHORT_SIDE_MM[paper.size] / SHORT_SIDE_MM["A3"]


def key_floor(stages: int) -> float:
    return next(floor for most, floor in POSTER_KEY_FLOORS if stages <= most)


@pytest.mark.parametrize(("paper", "name", "lang"), cases("poster"))
def test_poster_stage_names_and_deadlines_read_from_afar(
    built: Built, paper: Paper, name: str, lang: str
) -> None:
    document = pdf(built, paper, name, lang)
    floor = on_paper(paper, key_floor(stage_count(name))) - 0.05  # (sizes are rounded to 0.1)
    names, deadlines = expected_texts(name, lang)
    sizes = {text: font_size_of(document, text) for text in (*names, *deadlines)}
    assert {text: size for text, size in sizes.items() if size is None or size < floor} == {}


@pytest.mark.parametrize(("paper", "name", "lang"), cases("poster"))
def test_poster_has_nothing_under_12_pt_above_its_footer(
    built: Built, paper: Paper, name: str, lang: str
) -> None:
    footer = f"{LABELS[lang]['version']} {variant(name, lang)['version']}"
    above = words_above(pdf(built, paper, name, lang), footer)
    floor = on_paper(paper, POSTER_TEXT_FLOOR) - 0.05
    assert [(w.text, w.size) for w in above if w.size < floor] == []


@pytest.mark.parametrize(("paper", "name", "lang"), cases("guide"))
def test_no_guide_page_after_the_first_is_less_than_a_fifth_full(
    built: Built, paper: Paper, name: str, lang: str
) -> None:
    fills = page_fill(pdf(built, paper, name, lang))
    emptiest = {n: round(f, 3) for n, f in enumerate(fills[1:], 2) if f < GUIDE_PAGE_FILL_FLOOR}
    assert emptiest == {}
