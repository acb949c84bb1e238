"""Text that does not fit: found in WeasyPrint's laid-out boxes, not guessed from lengths.

A line of text that reaches past the content edge of its block (a long unbreakable
word in a narrow cell) or past the page's content area is cut off or runs into the
margin on paper. Each page with such a line gives one warning naming its first words.
Text hidden on purpose (`clip`, `visibility`) is not looked at.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

TOLERANCE_PX = 1.0  # sub-pixel rounding of the layout is not an overflow
QUOTED_WORDS = 5
QUOTED_CHARS = 40


def overflow_warnings(pages: list[Any]) -> list[str]:
    """One warning per page of the rendered document whose text runs past an edge."""
    warnings = []
    for number, page in enumerate(pages, 1):
        line = next(_overflowing_lines(page._page_box), None)
        if line is not None:
            warnings.append(
                f'text runs past the edge of page {number} ("{_first_words(line)}") '
                "(shorten it, or break a long word with spaces or hyphens)"
            )
    return warnings


def _overflowing_lines(page_box: Any) -> Iterator[Any]:
    """The line boxes of a page (margin boxes aside) that reach past their block or the page."""
    from weasyprint.formatting_structure import boxes  # lazy: WeasyPrint takes 0.6 s to import

    page_right = page_box.content_box_x() + page_box.width
    pending = [(child, page_right) for child in reversed(page_box.children)]
    while pending:  # depth first, in reading order, without recursion
        box, limit = pending.pop()
        if isinstance(box, boxes.MarginBox) or _hidden_on_purpose(box):
            continue
        if isinstance(box, boxes.LineBox):
            if _right_edge_of_text(box) > limit + TOLERANCE_PX:
                yield box
            continue
        if isinstance(box, boxes.BlockContainerBox):
            limit = min(limit, box.content_box_x() + box.width)
        pending.extend((child, limit) for child in reversed(getattr(box, "children", ())))


def _hidden_on_purpose(box: Any) -> bool:
    """Cropped by `clip` (the visually-hidden text of screen readers) or invisible."""
    return bool(box.style["clip"]) or box.style["visibility"] != "visible"


def _right_edge_of_text(line: Any) -> float:
    from weasyprint.formatting_structure import boxes  # lazy, as above

    return max(
        (
            text.position_x + text.width
            for text in line.descendants()
            if isinstance(text, boxes.TextBox) and text.text.strip()
        ),
        default=0.0,
    )


def _first_words(line: Any) -> str:
    """The line's first few words, as a reader finds it on the page."""
    from weasyprint.formatting_structure import boxes  # lazy, as above

    text = " ".join(t.text for t in line.descendants() if isinstance(t, boxes.TextBox))
    words = text.split()
    quoted = " ".join(words[:QUOTED_WORDS])
    if len(quoted) > QUOTED_CHARS:
        quoted = quoted[:QUOTED_CHARS]
    return quoted + ("…" if quoted != " ".join(words) else "")
