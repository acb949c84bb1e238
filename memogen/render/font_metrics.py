"""How tall the brand font's capital letters are, read from the font file fontconfig picks:
the poster checks its key text against the viewing distance with it."""

from __future__ import annotations

import shutil
import subprocess
from functools import cache
from typing import Any

CAP_HEIGHT_GUESS = 0.72  # capital letters' height over the type size, where the font cannot say


@cache
def cap_height_ratio(font: str, bold: bool = True) -> float:
    """The height of the font's capital letters over its type size, read from the font file
    fontconfig picks for `font` (its OS/2 table); a common value where it cannot be read."""
    program = shutil.which("fc-match")
    if program is None:
        return CAP_HEIGHT_GUESS
    pattern = f"{font}:bold" if bold else font
    found = subprocess.run(
        [program, "-f", "%{file}", pattern], capture_output=True, text=True, timeout=60, check=False
    ).stdout.strip()
    try:
        from fontTools.ttLib import TTFont  # WeasyPrint's dependency: subsets the PDFs' fonts

        with TTFont(found) as face:
            capitals = getattr(face["OS/2"], "sCapHeight", 0) or _height_of_h(face)
            return float(capitals) / face["head"].unitsPerEm if capitals else CAP_HEIGHT_GUESS
    except Exception:  # no file, not a font we can read: the common value
        return CAP_HEIGHT_GUESS


def _height_of_h(face: Any) -> int:
    """The top of the capital H's outline (fonts older than OS/2 version 2 lack sCapHeight)."""
    name = face.getBestCmap().get(ord("H"))
    glyphs = face.get("glyf", None)
    return int(getattr(glyphs[name], "yMax", 0)) if glyphs is not None and name else 0
