"""How big the poster's type may be: the title and the stages take the largest type with
which everything fits on the page, estimated from the texts.

The constants copy the sizes in the poster's stylesheet: they change with it.
"""

from __future__ import annotations

import textwrap
from typing import Any

from memogen.data import durations
from memogen.data.config_model import Config
from memogen.data.models import Standard

PAGE_SIZES_MM = {"A5": (148, 210), "A4": (210, 297), "A3": (297, 420), "A2": (420, 594)}


# Poster measures in A3 units: 1rem = 10pt = 3.53mm on A3; every size in poster.html.j2 is in
# rem, and the root size follows the paper, so one estimate serves A4, A3 and A2 alike.
_REM = 10 * 25.4 / 72
_SIDE = 44 + 3.6  # landscape: the column beside the head and the timeline, and its gap (rem)


def poster_fit(
    config: Config, standard: Standard, stages: list[dict[str, Any]], labels: dict[str, str]
) -> dict[str, Any]:
    """Poster measures, ready to print as CSS. Type scales with the paper's short side (A3 = 1);
    the title and the stages take the largest type with which everything fits on the page,
    estimated from the texts (bold DejaVu Sans advances ~0.66 em a character in Russian)."""
    lang = standard.language or config.language
    width, height = PAGE_SIZES_MM[config.poster.size]
    landscape = config.poster.orientation == "landscape"
    if landscape:
        width, height = height, width
    scale = min(width, height) / PAGE_SIZES_MM["A3"][0]
    margin = round(12 * scale, 1)  # as printed, so that the sheet never exceeds the page area
    sheet_w, sheet_h = width - 2 * margin - 0.2, height - 2 * margin - 0.2
    w, h = sheet_w / scale / _REM, sheet_h / scale / _REM  # the sheet in A3 rem
    head_w = w - 7.2 - (_SIDE if landscape else 0)
    title_scale = _title_scale(standard.title, head_w, 5.4)
    slogan = standard.poster.slogan if standard.poster and standard.poster.slogan else ""
    head = (
        5
        + 1.2
        + 2 * _lines(f"{config.organisation} · {standard.department}", head_w, 1.6)
        + 1.1
        + 5.4 * title_scale * 1.06 * _lines(standard.title, head_w, 5.4 * title_scale)
        + (1.3 + 3 * _lines(slogan, head_w, 2.4, 0.55) if slogan else 0)
    )
    request = standard.request
    act_w = (w - _SIDE - 21 - 2.4) if landscape else (w - 23 - 3.2)
    act = 3.8 + 2.75 * sum(
        _lines(text, act_w, 1.8, 0.6)
        for text in (
            request.form_name or labels[f"channel_{request.channel}"],
            request.form_url or "",
            labels["scan_to_open"] if request.form_url else "",
            f"{labels['send_to']}: {request.address}" if request.address else "",
        )
        if text
    )
    if landscape:
        total = 4.8 + 2.75 + 2 + 4.6 * _lines(durations.word(standard.deadline, lang), 38, 3.7)
        room = h - max(head, total) - 2.8 - 2 * 2
        stages_w = w - _SIDE
    else:
        bottom = max(23, act + 1.4 + 10) if request.form_url else act + 1.4 + 10
        room = h - head - 10.5 - bottom - 2.8 - 4 * 2
        stages_w = w
    columns = 1 if len(stages) <= 6 else 2
    rows = -(-len(stages) // columns)
    cap = {1: 1.1, 2: 1.1, 3: 1.1, 4: 1.05, 5: 1.0, 6: 0.9}.get(len(stages), 0.8)
    steps = [cap] + [step / 100 for step in range(int(cap * 100) - 5, 34, -5)]
    stage_scale = next(
        (
            step
            for step in steps
            if _stages_height(
                stages, step, (stages_w - 3 * (columns - 1)) / columns, columns, labels
            )
            <= room * 0.96
        ),
        0.35,
    )
    return {
        "root": f"{10 * scale:.2f}pt",
        "margin": f"{margin:.1f}mm",
        "sheet_width": f"{sheet_w:.1f}mm",
        "sheet_height": f"{sheet_h:.1f}mm",
        "columns": columns,
        "rows": rows,
        # each stage's place in the timeline's flex rows: the columns side by side
        # (1, 7, 2, 8, …) while the list itself keeps its reading order
        "order": [i % rows * columns + i // rows for i in range(len(stages))],
        "stage_scale": stage_scale,
        "title_scale": title_scale,
    }


def _stages_height(
    stages: list[dict[str, Any]], scale: float, column: float, columns: int, labels: dict[str, str]
) -> float:
    """The timeline's height in rem at this type scale: its heading and its tallest column."""
    em = scale
    stacked = columns > 1  # two columns: the deadline goes under the name
    deadline_w = 0 if stacked else max(len(s["deadline"]) for s in stages) * 2.5 * 0.64 * em
    text_w = column - 6.6 * em - deadline_w
    heights = []
    for stage in stages:
        performer = stage["performer"] + (f" {labels['you_act']}" if stage["client_action"] else "")
        rows = (
            1.1
            + 2.7 * 1.12 * _lines(stage["name"], text_w / em, 2.7)
            + (1.7 * 1.25 * _lines(performer, text_w / em, 1.7, 0.6) + 0.5 if performer else 0)
            + (3.8 if stacked else 0)
        )
        heights.append(max(rows, 5.0) * em)
    per_column = -(-len(stages) // columns)
    tallest = max(sum(heights[i : i + per_column]) for i in range(0, len(heights), per_column))
    return 1.9 * 1.85 * em + tallest


def _lines(text: str, width: float, size: float, advance: float | None = None) -> int:
    """How many lines `text` takes in a `width` (rem) at a type `size` (rem): an estimate."""
    if not text:
        return 0
    if advance is None:
        advance = 0.68 if any("\u0400" <= ch <= "\u04ff" for ch in text) else 0.62
    return len(textwrap.wrap(text, max(1, int(width / (size * advance))))) or 1


def _title_scale(title: str, width: float, size: float) -> float:
    """The largest step of the title's type that keeps it to two lines (more, if it is long)."""
    steps = [(1.0, 2), (0.9, 2), (0.8, 2), (0.7, 2), (0.7, 3), (0.6, 3), (0.5, 4), (0.4, 5)]
    return next((step for step, lines in steps if _lines(title, width, size * step) <= lines), 0.35)
