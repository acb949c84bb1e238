"""The geometry of WeasyPrint's boxes that the layout measurement reads: rectangles, what
is hidden on purpose, and the attributes a template marks its elements with."""

from __future__ import annotations

from typing import Any

Rect = tuple[float, float, float, float]  # left, top, right, bottom (CSS px)
TOLERANCE_PX = 1.0  # sub-pixel rounding of the layout is not a trouble
OVERLAP_SHARE = 0.25  # two lines touching by less than this share of a line's height do not collide


def attribute(box: Any, name: str) -> str:
    element = getattr(box, "element", None)
    if element is None or getattr(box, "element_tag", None) is None:
        return ""
    return str(element.get(name) or "")


def collide(a: Rect, b: Rect) -> bool:
    across = min(a[2], b[2]) - max(a[0], b[0])
    down = min(a[3], b[3]) - max(a[1], b[1])
    shortest = min(a[3] - a[1], b[3] - b[1])
    return across > TOLERANCE_PX and down > OVERLAP_SHARE * shortest


def content_rect(page_box: Any) -> Rect:
    x, y = page_box.content_box_x(), page_box.content_box_y()
    return (x, y, x + page_box.width, y + page_box.height)


def padding_rect(box: Any) -> Rect:
    x, y = box.padding_box_x(), box.padding_box_y()
    return (x, y, x + box.padding_width(), y + box.padding_height())


def intersection(a: Rect, b: Rect) -> Rect:
    return (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))


def hidden_on_purpose(box: Any) -> bool:
    """Cropped by `clip` (the visually-hidden text of screen readers) or invisible."""
    return bool(box.style["clip"]) or box.style["visibility"] != "visible"
