"""memogen.render.formats.line_breaks: a line before a phrase element (<strong>, <a>, <em>,
<code>) breaks where the same text without the element breaks, not at its first word."""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from memogen.render.formats.line_breaks import spaces_before_phrases_boxed
from memogen.render.formats.pdf import lay_out

# Phrase elements drawn like the text around them: any difference in breaks is WeasyPrint's
# line breaking, not a bolder word's width.
PAGE = (
    "@page { size: 200mm 2000mm; margin: 0 } body { font: 10pt 'DejaVu Sans'; margin: 0 }"
    "p { margin: 0 0 10pt } strong, em, a, code { font: inherit; color: inherit;"
    " text-decoration: none }"
)
WORDS = [
    "the",
    "lawyer",
    "replies",
    "in",
    "your",
    "request",
    "with",
    "marked-up",
    "file",
    "and",
    "list",
    "of",
    "risks",
    "approved",
    "version",
    "is",
    "contract",
    "register",
    "print",
    "it",
    "from",
    "there",
    "for",
    "signing",
    "a",
    "an",
    "of",
    "to",
    "Высококвалифицированный",
    "в",
    "и",
    "с",
    "на",
    "заявку",
]


def test_a_space_before_a_phrase_element_gets_its_own_box() -> None:
    body = 'in the <strong>x</strong> and\n<a href="u">y</a> <em>z</em></p>\n<a>q <br>'
    assert spaces_before_phrases_boxed(body) == (
        'in the<span> </span><strong>x</strong> and<span>\n</span><a href="u">y</a> '
        "<em>z</em></p>\n<a>q <br>"
    )


def test_the_english_guides_sentence_keeps_the_with_its_line() -> None:
    sentence = (
        "The lawyer replies in your request with the marked-up file and the list of risks.\n"
        "The approved version is in the <strong>contract register</strong>&nbsp;— print it "
        "from there for\nsigning."
    )
    lines = lines_of(f"<p style='width: 672.76px; font-size: 9.2pt'>{sentence}</p>")[0]
    assert lines[0].split()[:3] == ["The", "lawyer", "replies"]


def sample_paragraphs(seed: int, count: int) -> list[str]:
    """Paragraphs of 12–40 words, each with one to three phrase elements somewhere."""
    rng = random.Random(seed)
    paragraphs = []
    for _ in range(count):
        words = [rng.choice(WORDS) for _ in range(rng.randint(12, 40))]
        for _ in range(rng.randint(1, 3)):
            start = rng.randrange(len(words) - 1)
            end = min(start + rng.randint(0, 3), len(words) - 1)
            if "<" in words[start] or "<" in words[end]:
                continue
            tag = rng.choice(["strong", "em", "a", "code"])
            words[start] = f"<{tag}>{words[start]}"
            words[end] = f"{words[end]}</{tag}>"
        paragraphs.append(" ".join(words))
    return paragraphs


def lines_of(body: str) -> list[list[str]]:
    """The text of each line of each paragraph, as memogen's PDF path lays it out."""
    laid = lay_out(f"<html lang=en><head><style>{PAGE}</style></head><body>{body}</body></html>")
    paragraphs: list[list[str]] = []

    def text(box: Any) -> str:
        own = getattr(box, "text", "")
        return own + "".join(text(child) for child in getattr(box, "children", []))

    def walk(box: Any) -> None:
        if getattr(box, "element_tag", None) == "p":
            paragraphs.append([" ".join(text(line).split()) for line in box.children])
            return
        for child in getattr(box, "children", []):
            walk(child)

    for page in laid.document.pages:
        walk(page._page_box)
    return paragraphs


@pytest.mark.parametrize("width", [150, 200])
def test_lines_break_where_the_same_text_without_elements_breaks(width: int) -> None:
    paragraphs = sample_paragraphs(seed=5, count=60)
    plain = [re.sub(r"<[^>]+>", "", paragraph) for paragraph in paragraphs]
    style = f"style='width: {width}pt'"
    expected = lines_of("".join(f"<p {style}>{p}</p>" for p in plain))
    laid = lines_of("".join(f"<p {style}>{p}</p>" for p in paragraphs))
    differing = [f"{got} ≠ {want}" for got, want in zip(laid, expected, strict=True) if got != want]
    assert differing == []
