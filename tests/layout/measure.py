"""What a laid-out PDF shows, read with pdfplumber: words with their font size and box, and
the checks the layout tests make on them (text off the sheet, words on top of each other,
the size of a given text, how full each page is).

Coordinates are PDF points from the page's top-left corner (pdfplumber's `top`/`bottom`).
A word's box is pdfminer's: as wide as its glyphs' advances, one em high (from the font's
descent below the baseline to one em above it), whatever the line height.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pdfplumber

# Chars are taken in drawing order (a word drawn over another is not interleaved with it)
# and split into words at white space, at gaps wider than a fifth of the size, where the
# font size changes and where the marked content changes (memogen's PDFs are tagged: each
# table cell and span is its own, so a cell's text running into the next is two words).
WORD_OPTIONS = {
    "extra_attrs": ["size", "mcid"],
    "use_text_flow": True,
    "x_tolerance_ratio": 0.2,
    "y_tolerance": 1,
}
OUTSIDE_TOLERANCE = 0.5  # pt a glyph's box may poke past the sheet (rounding, overhangs)
# Two words overlap when their boxes (one em high) share more than this fraction of the
# smaller word's size in both directions: lines set tighter than one em (big headings at a
# line height of 0.9) share a tenth of an em and are not flagged; a descender reaching into
# the capitals of the next line shares about a fifth and is. Two words on one line overlap
# as soon as they share more than TOUCH pt across (a table cell running into the next).
OVERLAP_FRACTION = 0.15
TOUCH = 0.15
SAME_LINE = 1.0  # pt: words whose baselines differ less than this are on one line
BACKGROUND_SHARE = 0.5  # graphics covering more of the page than this are backgrounds
MARGIN_BAND = 0.12  # running heads and footers lie in the top and bottom 12 % of a page
HYPHENS = "-\u00ad\u2010"


@dataclass(frozen=True)
class Box:
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class Word:
    text: str
    page: int  # from 0
    box: Box
    size: float  # pt, rounded to 0.01


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    words: tuple[Word, ...]
    graphics: tuple[Box, ...]  # rectangles, lines, curves and images, backgrounds left out


@dataclass(frozen=True)
class Layout:
    pages: tuple[Page, ...]

    @property
    def words(self) -> list[Word]:
        return [word for page in self.pages for word in page.words]


PdfLike = Path | Layout


@cache
def _read(path: Path, mtime_ns: int) -> Layout:
    with pdfplumber.open(path) as pdf:
        return Layout(tuple(_page(number, page) for number, page in enumerate(pdf.pages)))


def read_pdf(pdf: PdfLike) -> Layout:
    """The PDF's pages, words and graphics (read once per file version)."""
    if isinstance(pdf, Layout):
        return pdf
    return _read(pdf, pdf.stat().st_mtime_ns)


def _page(number: int, page: pdfplumber.page.Page) -> Page:
    words = tuple(
        Word(w["text"], number, Box(w["x0"], w["top"], w["x1"], w["bottom"]), round(w["size"], 2))
        for w in page.extract_words(**WORD_OPTIONS)
    )
    area = page.width * page.height
    graphics = tuple(
        Box(o["x0"], o["top"], o["x1"], o["bottom"])
        for o in (*page.rects, *page.lines, *page.curves, *page.images)
        if (o["x1"] - o["x0"]) * (o["bottom"] - o["top"]) <= BACKGROUND_SHARE * area
    )
    return Page(page.width, page.height, words, graphics)


def page_count(pdf: PdfLike) -> int:
    return len(read_pdf(pdf).pages)


def text_outside_page(pdf: PdfLike) -> list[Word]:
    """Words whose box leaves the sheet (clipped or pushed off it)."""
    layout = read_pdf(pdf)
    t = OUTSIDE_TOLERANCE
    return [
        word
        for page in layout.pages
        for word in page.words
        if word.box.x0 < -t
        or word.box.top < -t
        or word.box.x1 > page.width + t
        or word.box.bottom > page.height + t
    ]


def _shared(a0: float, a1: float, b0: float, b1: float) -> float:
    return min(a1, b1) - max(a0, b0)


def overlap(a: Word, b: Word) -> bool:
    """Whether two words are drawn on top of each other (see OVERLAP_FRACTION).

    The same text in the same place is one word drawn twice (a fake bold, a shadow), not two.
    """
    if a.page != b.page:
        return False
    limit = OVERLAP_FRACTION * min(a.size, b.size)
    across = _shared(a.box.x0, a.box.x1, b.box.x0, b.box.x1)
    down = _shared(a.box.top, a.box.bottom, b.box.top, b.box.bottom)
    one_line = abs(a.box.bottom - b.box.bottom) < SAME_LINE
    if across <= (TOUCH if one_line else limit) or down <= limit:
        return False
    return not (
        a.text == b.text and abs(a.box.x0 - b.box.x0) < 1 and abs(a.box.top - b.box.top) < 1
    )


def overlapping_words(pdf: PdfLike) -> list[tuple[Word, Word]]:
    """Every pair of words drawn on top of each other."""
    pairs = []
    for page in read_pdf(pdf).pages:
        words = sorted(page.words, key=lambda w: w.box.top)
        for i, a in enumerate(words):
            for b in words[i + 1 :]:
                if b.box.top >= a.box.bottom:
                    break
                if overlap(a, b):
                    pairs.append((a, b))
    return pairs


def _pattern(text: str) -> re.Pattern[str]:
    """The text as laid out: any white space between its words, and a line may break
    between any two characters, with a hyphen added or not (hyphenation, broken URLs)."""
    pieces = []
    for char in " ".join(text.replace("\u00a0", " ").split()):
        pieces.append(r"\s+" if char == " " else re.escape(char) + f"(?:[{HYPHENS}]?\\s)?")
    return re.compile("".join(pieces))


def occurrences(pdf: PdfLike, text: str) -> list[list[Word]]:
    """The words that show `text`, for each place it is found (within one page)."""
    found = []
    pattern = _pattern(text)
    for page in read_pdf(pdf).pages:
        starts, joined = [], ""
        for word in page.words:
            starts.append(len(joined))
            joined += word.text.replace("\u00a0", " ") + " "
        for match in pattern.finditer(joined):
            found.append(
                [
                    w
                    for w, start in zip(page.words, starts, strict=True)
                    if start < match.end() and start + len(w.text) > match.start()
                ]
            )
    return found


def font_size_of(pdf: PdfLike, text: str) -> float | None:
    """The size `text` is set in: the smallest size among its words, at the place where that
    is largest (a stage name also printed small elsewhere still counts at its big size).
    None when the text is not in the PDF."""
    sizes = [min(w.size for w in words) for words in occurrences(pdf, text)]
    return max(sizes) if sizes else None


def lines(page: Page) -> list[list[Word]]:
    """The page's words grouped into lines by their baseline (the bottom of their box)."""
    grouped: list[list[Word]] = []
    for word in sorted(page.words, key=lambda w: (round(w.box.bottom), w.box.x0)):
        if grouped and abs(grouped[-1][0].box.bottom - word.box.bottom) < SAME_LINE:
            grouped[-1].append(word)
        else:
            grouped.append([word])
    return grouped


def _line_key(line: list[Word]) -> tuple[int, str]:
    """A line's place and text with its digits left out (page numbers change)."""
    return round(line[0].box.bottom), re.sub(r"\d+", "#", " ".join(w.text for w in line))


def _in_margin(line: list[Word], page: Page) -> bool:
    """Whether the line lies in the top or bottom MARGIN_BAND of the page."""
    band = MARGIN_BAND * page.height
    return line[0].box.bottom < band or line[0].box.top > page.height - band


def running_lines(layout: Layout) -> set[tuple[int, str]]:
    """Lines in the page's top or bottom band, on two or more pages at the same height with
    the same text but for the digits: running heads and footers (a one-page PDF has none)."""
    seen: dict[tuple[int, str], int] = {}
    for page in layout.pages:
        margins = [line for line in lines(page) if _in_margin(line, page)]
        for key in {_line_key(line) for line in margins}:
            seen[key] = seen.get(key, 0) + 1
    return {key for key, count in seen.items() if count >= 2}


def page_fill(pdf: PdfLike) -> list[float]:
    """How full each page is: the union of the heights of its text lines and graphics, as a
    fraction of its content area. The content area is the page between its running heads and
    footers (see running_lines; the whole page when there are none), and only what lies in
    it counts. A page of body text at a line height of 1.4 reads about 0.7 (the leading is
    white), a page with one paragraph under its head reads about 0.05."""
    layout = read_pdf(pdf)
    running = running_lines(layout)
    fills = []
    for page in layout.pages:
        body, heads, feet = [], [0.0], [page.height]
        for line in lines(page):
            span = (min(w.box.top for w in line), max(w.box.bottom for w in line))
            if _line_key(line) not in running:
                body.append(span)
            elif span[1] < page.height / 2:
                heads.append(span[1])
            else:
                feet.append(span[0])
        top, bottom = max(heads), min(feet)
        body += [(g.top, g.bottom) for g in page.graphics]
        fills.append(_covered(body, top, bottom) / (bottom - top))
    return fills


def _covered(spans: list[tuple[float, float]], top: float, bottom: float) -> float:
    """The length of the union of the spans, within [top, bottom]."""
    total, reach = 0.0, top
    for start, end in sorted(spans):
        start, end = max(start, reach), min(end, bottom)
        if end > start:
            total += end - start
            reach = end
    return total


def body_size(pdf: PdfLike) -> float:
    """The body text's size: the one most characters are set in."""
    chars: dict[float, int] = {}
    for word in read_pdf(pdf).words:
        chars[word.size] = chars.get(word.size, 0) + len(word.text)
    return max(chars, key=lambda size: chars[size])


def words_above(pdf: PdfLike, text: str) -> list[Word]:
    """The words of the page that shows `text` lying wholly above its first line (all the
    words of the first page when `text` is not in the PDF)."""
    found = occurrences(pdf, text)
    layout = read_pdf(pdf)
    if not found:
        return list(layout.pages[0].words)
    first = found[0][0]
    return [w for w in layout.pages[first.page].words if w.box.bottom <= first.box.top]
