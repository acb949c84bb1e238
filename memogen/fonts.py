"""The fonts fontconfig has: whether the brand font is there, and how to get it.

`memogen doctor` reports on it and validation warns when memogen.yaml names a font
the machine would print another font in place of.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from functools import cache
from typing import Literal

from memogen.i18n import _

FONT_PACKAGES = {  # Debian packages of fonts that cover Cyrillic
    "DejaVu Sans": "fonts-dejavu-core",
    "DejaVu Serif": "fonts-dejavu-core",
    "DejaVu Sans Mono": "fonts-dejavu-core",
    "Liberation Sans": "fonts-liberation",
    "Liberation Serif": "fonts-liberation",
    "Noto Sans": "fonts-noto-core",
    "Noto Serif": "fonts-noto-core",
    "PT Sans": "fonts-paratype",
    "PT Serif": "fonts-paratype",
    "Open Sans": "fonts-open-sans",
    "Roboto": "fonts-roboto",
}
FontLister = Callable[[str], list[str] | None]  # fc-list pattern → families, None: no fc-list


def fc_list(pattern: str) -> list[str] | None:
    """The font families fontconfig lists for a pattern; None when fc-list is missing."""
    program = shutil.which("fc-list")
    if program is None:
        return None
    listed = subprocess.run(
        [program, pattern, "family"], capture_output=True, text=True, timeout=60, check=False
    ).stdout
    return sorted(
        {name.strip() for line in listed.splitlines() for name in line.split(",") if name.strip()}
    )


FontState = Literal["cyrillic", "latin only", "missing", "no fontconfig"]


def font_state(font: str, lister: FontLister = fc_list) -> FontState:
    """What fontconfig has of `font`: with Cyrillic, without it, nothing, or no fontconfig."""
    cyrillic = lister(":lang=ru")
    if cyrillic is None:
        return "no fontconfig"
    if font.casefold() in {family.casefold() for family in cyrillic}:
        return "cyrillic"
    installed = lister(":") or []
    if font.casefold() in {family.casefold() for family in installed}:
        return "latin only"
    return "missing"


@cache
def font_is_missing(font: str) -> bool:
    """Whether fontconfig would print another font in place of `font` (asked once per run)."""
    return font_state(font, _listed_once) == "missing"


@cache
def font_lacks_cyrillic(font: str) -> bool:
    """Whether fontconfig has `font` without Cyrillic, and so prints Russian in another font."""
    return font_state(font, _listed_once) == "latin only"


@cache
def _listed_once(pattern: str) -> list[str] | None:
    return fc_list(pattern)


def font_hint(font: str) -> str:
    """How to get `font`: its Debian package, or another font."""
    package = FONT_PACKAGES.get(font)
    if package:
        return f"apt-get install {package}"
    return _("install the font, or set brand.font in memogen.yaml to e.g. DejaVu Sans")
