"""What a laid-out document looks like, read from WeasyPrint's boxes, never guessed from lengths.

One walk over the boxes of every page finds the troubles a reader would see on paper:
text that runs past the edge of its block (a long word in a narrow column), text cut off by
a box that hides what overflows it or by the page, and text printed on top of other text.
Each trouble names the field of the standard that holds the text (`data-field` on the
element or an ancestor, e.g. `stages.3.name`). The walk also measures how full each page is.
Text hidden on purpose (`clip`, `visibility`) is not looked at.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from memogen.render.formats.boxes import (
    TOLERANCE_PX,
    Rect,
    attribute,
    collide,
    content_rect,
    hidden_on_purpose,
    intersection,
    padding_rect,
)

QUOTED_WORDS = 5
QUOTED_CHARS = 40

Kind = Literal["edge", "clipped", "overlap"]


@dataclass(frozen=True)
class Trouble:
    """A piece of text a reader would not read whole."""

    kind: Kind
    page: int  # 1-based
    field: str  # the standard's field that holds the text, or "" where none is marked
    words: str  # its first words, as a reader finds them on the page
    need: float = 0.0  # clipped: the content's height over its box's (how much it must shrink)
    other: str = ""  # overlap: the field of the text it is printed over


@dataclass
class Layout:
    """The measured layout of one document."""

    pages: int
    page_height: float = 0.0  # the first page's content height (CSS px)
    fill: list[float] = field(default_factory=list)  # per page: share of the content height used
    troubles: list[Trouble] = field(default_factory=list)
    # an element marked `data-room` (a box of fixed height its content should fill): the
    # share of its height its text takes, over 1 where the text runs past its bottom
    rooms: dict[str, float] = field(default_factory=dict)
    room_height: dict[str, float] = field(default_factory=dict)  # room → its height (CSS px)
    lines: dict[str, int] = field(default_factory=dict)  # field → how many lines its text takes
    advance: dict[str, float] = field(default_factory=dict)  # field → its text's summed width
    width: dict[str, float] = field(default_factory=dict)  # field → the width of its block
    size: dict[str, float] = field(default_factory=dict)  # field → its smallest type (CSS px)
    # field → the height its text spans (top of its first line to the bottom of its last,
    # summed over pages), its own text and that of the fields inside it
    extent: dict[str, float] = field(default_factory=dict)

    @property
    def need(self) -> float:
        """How many times its room the content takes (over 1: it does not fit): the marked
        rooms where the document marks some (its pages are then full by design), else the
        pages it takes; and the boxes that cut text off."""
        clipped = max((t.need for t in self.troubles), default=0.0)
        if self.rooms:
            return max(clipped, *self.rooms.values())
        # every page but the last counts whole: what a break left empty is not room
        return max(clipped, self.pages - 1 + self.fill[-1] if self.fill else 0.0)


@dataclass
class _Text:
    rect: Rect
    line: int  # id() of its line box: pieces of one line never collide
    field: str
    words: str
    astray: bool = False  # it ran past its edge or was cut off: what it covers is its doing


def measure(pages: list[Any]) -> Layout:
    """Measure every page of a rendered WeasyPrint document."""
    layout = Layout(len(pages))
    for number, page in enumerate(pages, 1):
        walk = _Walk(number, layout)
        walk.run(page._page_box)
        for name, (top, bottom) in walk.spans.items():
            layout.extent[name] = layout.extent.get(name, 0.0) + bottom - top
        top, height = page._page_box.content_box_y(), page._page_box.height
        layout.page_height = layout.page_height or height
        layout.fill.append(max(0.0, min(1.0, (walk.lowest - top) / height)) if height else 0.0)
        layout.troubles.extend(_overlaps(walk.texts, number))
    return layout


@dataclass(frozen=True)
class _Within:
    """What a box sits in: the edge its text must keep left of, what cuts it off, the field
    it shows, its line, the room it fills."""

    right: float
    clip: Rect
    fields: tuple[str, ...] = ()  # the innermost last
    line: int = 0
    room: str = ""

    @property
    def field(self) -> str:
        return self.fields[-1] if self.fields else ""


class _Walk:
    """One page's walk: its texts, its lowest text, its troubles and rooms (into `layout`)."""

    def __init__(self, number: int, layout: Layout) -> None:
        self.number, self.layout = number, layout
        self.texts: list[_Text] = []
        self.lowest = 0.0
        self.reported: set[tuple[Kind, str]] = set()
        self.room_tops: dict[str, tuple[float, float]] = {}  # room → (top, height)
        self.lines_seen: set[str] = set()
        self.spans: dict[str, tuple[float, float]] = {}  # field → (top, bottom) on this page

    def run(self, page_box: Any) -> None:
        """Depth first, in reading order, without recursion."""
        from weasyprint.formatting_structure import boxes  # lazy: WeasyPrint takes 0.6 s

        page = content_rect(page_box)
        self.lowest = page[1]
        paper = (0.0, 0.0, page_box.margin_width(), page_box.margin_height())
        within = _Within(page[2], paper)  # text in the margins prints; past the paper it cannot
        pending = [(child, within) for child in reversed(page_box.children)]
        while pending:
            box, within = pending.pop()
            if isinstance(box, boxes.MarginBox) or hidden_on_purpose(box):
                continue
            within = self._enter(box, within, boxes)
            if isinstance(box, boxes.TextBox):
                self._text(box, within)
            elif isinstance(box, boxes.ReplacedBox):
                self.lowest = max(self.lowest, box.position_y + box.margin_height())
            else:
                children = reversed(getattr(box, "children", ()))
                pending.extend((child, within) for child in children)

    def _enter(self, box: Any, within: _Within, boxes: Any) -> _Within:
        """What the box's children sit in."""
        field_name = attribute(box, "data-field")
        room = attribute(box, "data-room")
        if room and room != within.room:  # the element's own box, not its lines
            self.room_tops[room] = (box.content_box_y(), box.height)
            self.layout.rooms.setdefault(room, 0.0)
            self.layout.room_height[room] = box.height
        right, clip = within.right, within.clip
        if isinstance(box, boxes.BlockContainerBox):
            right = min(right, box.content_box_x() + box.width)
            if field_name:
                self.layout.width[field_name] = box.width
        if box.style["overflow"] != "visible":
            clip = intersection(clip, padding_rect(box))
        fields = within.fields
        if field_name and field_name != within.field:
            fields = (*fields, field_name)
        line = id(box) if isinstance(box, boxes.LineBox) else within.line
        return _Within(right, clip, fields, line, room or within.room)

    def _text(self, box: Any, within: _Within) -> None:
        text = _text_of(box, within.line, within.field)
        if text is None:
            return
        if within.field:
            sizes = self.layout.size
            sizes[within.field] = min(sizes.get(within.field, 1e9), box.style["font_size"])
        self.texts.append(text)
        self.lowest = max(self.lowest, text.rect[3])
        for name in within.fields:
            top, bottom = self.spans.get(name, (text.rect[1], text.rect[3]))
            self.spans[name] = (min(top, text.rect[1]), max(bottom, text.rect[3]))
        if within.field:
            self._note_field(text, within)
        if within.room:
            top, height = self.room_tops[within.room]
            used = (text.rect[3] - top) / height if height > 0 else 0.0
            self.layout.rooms[within.room] = max(self.layout.rooms[within.room], used)
        for trouble in _troubles_of(text, within.right, within.clip, self.number):
            text.astray = True
            key = (trouble.kind, trouble.field or trouble.words)
            if key not in self.reported:
                self.reported.add(key)
                self.layout.troubles.append(trouble)

    def _note_field(self, text: _Text, within: _Within) -> None:
        lines = self.layout.lines
        key = f"{within.field}@{within.line}"
        if key not in self.lines_seen:
            self.lines_seen.add(key)
            lines[within.field] = lines.get(within.field, 0) + 1
        advance = self.layout.advance
        advance[within.field] = advance.get(within.field, 0.0) + text.rect[2] - text.rect[0]


def _text_of(box: Any, line: int, where: str) -> _Text | None:
    words = box.text.split()
    if not words:
        return None
    rect = (box.position_x, box.position_y, box.position_x + box.width, 0.0)
    rect = (*rect[:3], box.position_y + box.margin_height())
    return _Text(rect, line, where, _first_words(words))


def _troubles_of(text: _Text, right: float, clip: Rect, number: int) -> Iterator[Trouble]:
    left, top, text_right, bottom = text.rect
    if text_right > right + TOLERANCE_PX:
        yield Trouble("edge", number, text.field, text.words)
    elif (
        bottom > clip[3] + TOLERANCE_PX
        or text_right > clip[2] + TOLERANCE_PX
        or left < clip[0] - TOLERANCE_PX
        or top < clip[1] - TOLERANCE_PX
    ):
        height = clip[3] - clip[1]
        need = (bottom - clip[1]) / height if height > 0 else 0.0
        yield Trouble("clipped", number, text.field, text.words, need)


def _overlaps(texts: list[_Text], number: int) -> Iterator[Trouble]:
    """Pairs of text pieces printed on top of each other (a sweep down the page); text that
    ran past its edge is reported as such, not again for what it covers."""
    ordered = sorted(texts, key=lambda text: text.rect[1])
    active: list[_Text] = []
    seen: set[str] = set()
    for text in ordered:
        active = [other for other in active if other.rect[3] > text.rect[1] + TOLERANCE_PX]
        for other in active:
            if other.astray or text.astray:
                continue
            if other.line != text.line and collide(other.rect, text.rect):
                key = text.field or text.words
                if key not in seen:
                    seen.add(key)
                    yield Trouble("overlap", number, text.field, text.words, other=other.field)
        active.append(text)


def _first_words(words: list[str]) -> str:
    quoted = " ".join(words[:QUOTED_WORDS])
    if len(quoted) > QUOTED_CHARS:
        quoted = quoted[:QUOTED_CHARS]
    return quoted + ("…" if quoted != " ".join(words) else "")
