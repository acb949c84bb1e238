"""The stage diagram of the client guide: an inline SVG built from the stages.

Stages run left to right in rows of up to four, each a card with its number,
name, deadline and performer; a card where the client must act gets an accent
band. Text is wrapped here (SVG has no line wrapping), by an estimate of the
width of DejaVu Sans.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from xml.sax.saxutils import escape

PER_ROW = 4
WIDTH = 680
CARD_HEIGHT = 150
GAP = 28
ROW_GAP = 30
CHAR_WIDTH = 0.58  # average advance of DejaVu Sans, in em


@dataclass(frozen=True)
class DiagramStage:
    number: int
    name: str
    deadline: str
    performer: str
    client_acts: bool


def stage_diagram(stages: list[DiagramStage], primary: str, accent: str, you_act: str,
                  title: str) -> str:
    """An accessible SVG (role="img" with a title) of the stages in order."""
    per_row = min(PER_ROW, len(stages))
    card_width = (WIDTH - GAP * (per_row - 1)) / per_row
    rows = (len(stages) + per_row - 1) // per_row
    height = rows * CARD_HEIGHT + (rows - 1) * ROW_GAP
    label = escape(title, {'"': "&quot;"})
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
             f'role="img" aria-label="{label}" class="diagram">'
             f"<title>{escape(title)}</title>"]
    for index, stage in enumerate(stages):
        x = (index % per_row) * (card_width + GAP)
        y = (index // per_row) * (CARD_HEIGHT + ROW_GAP)
        parts.append(_card(stage, x, y, card_width, primary, accent, you_act))
        if index + 1 < len(stages) and (index + 1) % per_row:
            parts.append(_arrow(x + card_width + 4, y + CARD_HEIGHT / 2, GAP - 8, primary))
    parts.append("</svg>")
    return "".join(parts)


def _card(stage: DiagramStage, x: float, y: float, width: float, primary: str, accent: str,
          you_act: str) -> str:
    out = [f'<g transform="translate({x:.1f} {y:.1f})">',
           f'<rect width="{width:.1f}" height="{CARD_HEIGHT}" rx="10" fill="#fff" '
           f'stroke="{primary}" stroke-width="2"/>',
           f'<rect width="{width:.1f}" height="34" rx="10" fill="{primary}"/>',
           f'<rect y="24" width="{width:.1f}" height="10" fill="{primary}"/>',
           f'<text x="12" y="23" font-size="15" font-weight="700" fill="#fff">{stage.number}</text>',
           _lines(stage.deadline, 34, 23, 14, width - 44, "#fff", bold=True, max_lines=1)]
    out.append(_lines(stage.name, 12, 56, 14, width - 24, "#1a1a1a", bold=True, max_lines=3))
    out.append(_lines(stage.performer, 12, 118 if stage.client_acts else 132, 11.5, width - 24,
                      "#555", max_lines=1))
    if stage.client_acts:
        out.append(f'<rect x="0" y="{CARD_HEIGHT - 22}" width="{width:.1f}" height="22" '
                   f'fill="{accent}"/>')
        out.append(_lines("★ " + you_act, 12, CARD_HEIGHT - 7, 11, width - 24, "#1a1a1a",
                          bold=True, max_lines=1))
    out.append("</g>")
    return "".join(out)


def _arrow(x: float, y: float, length: float, color: str) -> str:
    return (f'<path d="M{x:.1f} {y:.1f}h{length - 6:.1f}" stroke="{color}" stroke-width="3"/>'
            f'<path d="M{x + length:.1f} {y:.1f}l-9 -6v12z" fill="{color}"/>')


def _lines(text: str, x: float, y: float, size: float, width: float, color: str,
           bold: bool = False, max_lines: int = 2) -> str:
    chars = max(4, int(width / (size * CHAR_WIDTH)))
    lines = textwrap.wrap(text, chars) or [""]
    if len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], textwrap.shorten(" ".join(lines[max_lines - 1:]),
                                                          chars, placeholder="…")]
    weight = ' font-weight="700"' if bold else ""
    spans = "".join(f'<tspan x="{x}" dy="{0 if i == 0 else size * 1.25:.1f}">{escape(line)}</tspan>'
                    for i, line in enumerate(lines))
    return f'<text y="{y}" font-size="{size}" fill="{color}"{weight}>{spans}</text>'
