"""The stage diagram of the client guide: an inline SVG built from the stages.

Stages run left to right in balanced rows of up to four cards (5 stages → 3 + 2),
joined by arrows; a row ends in an elbow connector down to the next row. Each
card shows the stage number, its deadline, name and performer; a card where the
client must act is tinted with the accent colour and carries a badge.

SVG has no line wrapping, so text is wrapped here with the advance widths of
DejaVu Sans (the theme's font, named in the SVG), grouped to the nearest 0.05 em.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import partial
from xml.sax.saxutils import escape

from memogen.render.hyphenate import pieces

PER_ROW = 4
WIDTH = 680
GAP = 26  # between cards in a row: holds the arrow
ROW_GAP = 34  # between rows: holds the elbow connector
PAD = 12
FONT = "DejaVu Sans, Verdana, sans-serif"
INK, MUTED, LINE = "#1d232b", "#5b6573", "#d5dbe3"

NAME_SIZE, DEADLINE_SIZE, PERFORMER_SIZE, BADGE_SIZE = 13.5, 12.0, 11.0, 10.5
LEADING = 1.25
CIRCLE = 24  # diameter of the number disc

# Advance widths of DejaVu Sans in hundredths of an em, by weight: width → characters.
_REGULAR = {
    25: "'",
    30: " ,.IJijl’",
    35: "-/:;\\f|",
    40: "!()[]rt",
    45: '"',
    50: "*_`sz–“”",
    55: "?Lcгзсэ",
    60: "FPTYaekovxyГРТУабвеёкотухчья«»•",
    65: "$0123456789EKSbdghnpqu{}ЕЁЗийлнпр",
    70: "ABCRVXZАБВКСХЧЬЭЯдцъ",
    75: "DGHNUИЙЛНПм",
    80: "&OQwДОЦы",
    85: "#+<=>M^~МФЪфю",
    90: "Ыжш★",
    95: "%mщ",
    100: "@W—…",
    105: "Ш№",
    110: "ЖЩЮ",
}
_BOLD = {
    30: "'",
    35: " /IJ\\ijl|",
    40: ",-.:;’",
    45: "!()[]f",
    50: '"*_`rtг–',
    60: "?cszзстэ",
    65: "LakvxyГавухья«»“”•",
    70: "$0123456789EFSTYbdeghnopqu{}ЕЁЗТбеёийкнопрч",
    75: "ABCKPRVXZАБВРСУХЬЭЯлцъ",
    80: "GUКЧдм",
    85: "#&+<=>DHNOQ^~ИЙЛНОП",
    90: "wДы★",
    95: "ЦЪю",
    100: "%@MМФжф—…",
    105: "mЫш",
    110: "Wщ",
    115: "Ю",
    120: "Ж№",
    125: "Ш",
    135: "Щ",
}
_WIDTHS = {
    weight: {ch: width / 100 for width, chars in table.items() for ch in chars}
    for weight, table in ((False, _REGULAR), (True, _BOLD))
}
_FALLBACK = {False: 0.65, True: 0.72}


@dataclass(frozen=True)
class DiagramStage:
    number: int
    name: str
    deadline: str
    performer: str
    client_acts: bool


def stage_diagram(
    stages: list[DiagramStage], primary: str, accent: str, you_act: str, title: str
) -> str:
    """An accessible SVG (role="img", a title and an aria-label) of the stages in order."""
    rows = -(-len(stages) // PER_ROW)
    per_row = -(-len(stages) // rows)
    card_width = (WIDTH - GAP * (per_row - 1)) / per_row
    cards = [_Card(stage, card_width, you_act) for stage in stages]
    rows_of_cards = [cards[row * per_row : (row + 1) * per_row] for row in range(rows)]
    heads = [max(card.head for card in row_cards) for row_cards in rows_of_cards]
    heights = [
        max(card.height(head) for card in row_cards)
        for head, row_cards in zip(heads, rows_of_cards, strict=True)
    ]
    tops = [sum(heights[:row]) + row * ROW_GAP for row in range(rows)]
    height = tops[-1] + heights[-1]
    label = _attr(title)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {math.ceil(height)}" '
        f'role="img" aria-label="{label}" class="diagram" font-family="{FONT}">'
        f"<title>{escape(title)}</title>"
    ]
    for index, card in enumerate(cards):
        column, row = index % per_row, index // per_row
        x, y = column * (card_width + GAP), tops[row]
        parts.append(card.draw(x, y, heads[row], heights[row], primary, accent))
        if index + 1 == len(cards):
            continue
        if column + 1 < per_row:
            parts.append(_arrow(x + card_width, y + heights[row] / 2, primary))
        else:
            parts.append(_elbow(x + card_width / 2, y + heights[row], card_width / 2, primary))
    parts.append("</svg>")
    return "".join(parts)


class _Card:
    """One stage card, its text wrapped to its width and its height measured."""

    def __init__(self, stage: DiagramStage, width: float, you_act: str) -> None:
        self.stage, self.width = stage, width
        inner = width - 2 * PAD
        self.deadline = _wrap(stage.deadline, inner - CIRCLE - 8, DEADLINE_SIZE, True, 2)
        self.name = _wrap(stage.name, inner, NAME_SIZE, True, 6)
        self.performer = _wrap(stage.performer, inner, PERFORMER_SIZE, False, 3)
        self.badge = (
            _wrap(f"★ {you_act}", inner - 16, BADGE_SIZE, True, 2) if stage.client_acts else []
        )
        self.head = max(CIRCLE, len(self.deadline) * DEADLINE_SIZE * LEADING)

    def height(self, head: float) -> float:
        """The card's height when its row's number-and-deadline band is `head` tall."""
        return (
            PAD
            + head
            + 10
            + _block(self.name, NAME_SIZE)
            + (6 + _block(self.performer, PERFORMER_SIZE) if self.performer else 0)
            + (10 + self._badge_height() if self.badge else 0)
            + PAD
            + 2
        )

    def _badge_height(self) -> float:
        return _block(self.badge, BADGE_SIZE) + 8

    def draw(
        self, x: float, y: float, head: float, height: float, primary: str, accent: str
    ) -> str:
        stage, width = self.stage, self.width
        acts = stage.client_acts
        box = f'x="0.75" y="0.75" width="{width - 1.5:.1f}" height="{height - 1.5:.1f}" rx="9"'
        out = [
            f'<g transform="translate({x:.1f} {y:.1f})">',
            f'<rect {box} fill="#fff" stroke="{accent if acts else LINE}" stroke-width="1.5"/>',
        ]
        if acts:
            out.append(f'<rect {box} fill="{accent}" fill-opacity="0.1"/>')
        # number disc and deadline beside it
        cy = PAD + head / 2
        disc = PAD + CIRCLE / 2
        out.append(f'<circle cx="{disc}" cy="{cy:.1f}" r="{CIRCLE / 2}" fill="{primary}"/>')
        out.append(
            f'<text x="{disc}" y="{cy + 4.6:.1f}" font-size="13" font-weight="700" '
            f'fill="#fff" text-anchor="middle">{stage.number}</text>'
        )
        first = cy - (len(self.deadline) - 1) * DEADLINE_SIZE * LEADING / 2 + DEADLINE_SIZE * 0.36
        out.append(_text(self.deadline, PAD + CIRCLE + 8, first, DEADLINE_SIZE, primary, bold=True))
        top = PAD + head + 6
        out.append(
            f'<path d="M{PAD} {top:.1f}h{width - 2 * PAD:.1f}" stroke="{LINE}" stroke-width="1"/>'
        )
        top += 4 + NAME_SIZE
        out.append(_text(self.name, PAD, top, NAME_SIZE, INK, bold=True))
        top += (len(self.name) - 1) * NAME_SIZE * LEADING
        if self.performer:
            top += 6 + PERFORMER_SIZE * 1.1
            out.append(_text(self.performer, PAD, top, PERFORMER_SIZE, MUTED))
        if self.badge:
            badge_h = self._badge_height()
            badge_y = height - PAD - badge_h
            out.append(
                f'<rect x="{PAD - 4}" y="{badge_y:.1f}" width="{width - 2 * PAD + 8:.1f}" '
                f'height="{badge_h:.1f}" rx="{min(badge_h / 2, 9):.1f}" fill="{accent}"/>'
            )
            out.append(
                _text(
                    self.badge, PAD + 4, badge_y + 4 + BADGE_SIZE * 0.95, BADGE_SIZE, INK, bold=True
                )
            )
        out.append("</g>")
        return "".join(out)


def _arrow(x: float, y: float, color: str) -> str:
    """A short arrow across the gap between two cards of a row."""
    start, end = x + 5, x + GAP - 5
    return (
        f'<path d="M{start:.1f} {y:.1f}H{end - 5:.1f}" stroke="{color}" stroke-width="2.2" '
        f'stroke-linecap="round"/>'
        f'<path d="M{end - 6:.1f} {y - 5:.1f}L{end:.1f} {y:.1f}L{end - 6:.1f} {y + 5:.1f}z" '
        f'fill="{color}"/>'
    )


def _elbow(x: float, y: float, first_center: float, color: str) -> str:
    """From under the last card of a row, across, and down into the first card of the next."""
    mid = y + ROW_GAP / 2
    end = y + ROW_GAP - 2
    return (
        f'<path d="M{x:.1f} {y + 3:.1f}V{mid - 6:.1f}q0 6 -6 6H{first_center + 6:.1f}'
        f'q-6 0 -6 6V{end - 6:.1f}" fill="none" stroke="{color}" stroke-width="2.2" '
        f'stroke-linecap="round" stroke-dasharray="1 5"/>'
        f'<path d="M{first_center - 5:.1f} {end - 7:.1f}L{first_center:.1f} {end:.1f}'
        f'L{first_center + 5:.1f} {end - 7:.1f}z" fill="{color}"/>'
    )


def _block(lines: list[str], size: float) -> float:
    return len(lines) * size * LEADING if lines else 0


def _advance(text: str, size: float, bold: bool) -> float:
    widths, fallback = _WIDTHS[bold], _FALLBACK[bold]
    return sum(widths.get(ch, fallback) for ch in text) * size


def _wrap(text: str, width: float, size: float, bold: bool, max_lines: int) -> list[str]:
    """Greedy wrap by measured width (at spaces: a no-break one holds), a word wider than the
    line hyphenated; the last allowed line ends in … when text is left over."""
    lines: list[str] = []
    fits = partial(_advance, size=size, bold=bold)
    words = [piece for word in text.split(" ") if word for piece in pieces(word, width, fits)]
    for word in words:
        if lines and _advance(f"{lines[-1]} {word}", size, bold) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    if len(lines) > max_lines:
        last = " ".join(lines[max_lines - 1 :])
        while last and _advance(last + "…", size, bold) > width:
            last = last[:-1].rstrip()
        lines = [*lines[: max_lines - 1], last + "…"]
    return lines


def _text(lines: list[str], x: float, y: float, size: float, color: str, bold: bool = False) -> str:
    weight = ' font-weight="700"' if bold else ""
    spans = "".join(
        f'<tspan x="{x:.1f}" dy="{0 if i == 0 else size * LEADING:.1f}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{color}"{weight}>{spans}</text>'


def _attr(text: str) -> str:
    return escape(text, {'"': "&quot;"})
