"""The poster's sheet: its geometry on the paper (the root type size, margins, columns) and
what a poster of few stages adds, ready for the templates. Sizes are in A3 units: the root
size follows the paper (A3 = 10pt, A4 = 7.07pt, A2 = 14.1pt), so one plan serves every paper.
"""

from __future__ import annotations

import math
from typing import Any

from memogen.data.config_model import Config
from memogen.data.models import Standard

PAGE_SIZES_MM = {"A5": (148, 210), "A4": (210, 297), "A3": (297, 420), "A2": (420, 594)}
MANY_STAGES = 8  # more: the QR code and the title give the stages room
BRING_UP_TO = 3  # stages: a poster of this many or fewer lists what to bring…
BRING_AT_MOST = 6  # …if that is this many inputs or fewer…
A3_ROOT_PT = 10.0
MM_PER_INCH = 25.4


def poster_geometry(config: Config, stage_count: int) -> dict[str, Any]:
    """The sheet on the page and the stages' columns, ready to print as CSS."""
    width, height = PAGE_SIZES_MM[config.poster.size]
    if config.poster.orientation == "landscape":
        width, height = height, width
    scale = paper_scale(config)
    margin = round(12 * scale, 1)  # as printed, so that the sheet never exceeds the page area
    columns = 1 if stage_count <= 6 else 2
    many = stage_count > MANY_STAGES
    rows = -(-stage_count // columns)
    sheet_width, sheet_height = width - 2 * margin - 0.2, height - 2 * margin - 0.2
    root = round(A3_ROOT_PT * scale, 2)
    return {
        "root": f"{root:.2f}pt",
        "margin": f"{margin:.1f}mm",
        "sheet_width": f"{sheet_width:.1f}mm",
        "sheet_height": f"{sheet_height:.1f}mm",
        "columns": columns,
        "many": many,  # a smaller QR code and title leave the stages room
        "rows": rows,
        **on_screen(width, (round(sheet_width, 1), round(sheet_height, 1)), margin, root),
    }


def on_screen(
    paper_width: float, sheet: tuple[float, float], margin: float, root_pt: float
) -> dict[str, Any]:
    """The sheet on a screen narrower than its paper (a phone): the sheet, its margin and the
    paper's width in root units, so that poster.css scales the whole paper to the screen's
    width through the root size, and the screen width (CSS px, 96 to the inch, and 10 px
    each side) below which it does."""
    root_mm = root_pt * MM_PER_INCH / 72
    return {
        "rem_width": f"{sheet[0] / root_mm:.3f}",
        "rem_height": f"{sheet[1] / root_mm:.3f}",
        "rem_margin": f"{margin / root_mm:.3f}",
        "rem_paper": f"{paper_width / root_mm:.3f}",
        "scaled_below": math.ceil(paper_width / MM_PER_INCH * 96) + 20,
    }


def paper_scale(config: Config) -> float:
    """The poster's type relative to A3: its paper's short side over A3's."""
    return min(PAGE_SIZES_MM[config.poster.size]) / PAGE_SIZES_MM["A3"][0]


def bring_list(standard: Standard) -> list[str]:
    """What a poster of few stages lists under them: the inputs' names, if they are few."""
    few = len(standard.stages) <= BRING_UP_TO and len(standard.inputs) <= BRING_AT_MOST
    return [item.name for item in standard.inputs] if few else []
