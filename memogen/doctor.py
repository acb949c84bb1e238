"""`memogen doctor`: is this machine able to render PDFs? If not, how to fix it.

Each check says ok or FAIL in one line, with the command that fixes a failure.
The checks take their system probes as arguments, so tests can simulate a
machine without fc-list, without the font or without WeasyPrint.
"""

from __future__ import annotations

import ctypes.util
import importlib
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Literal

from memogen.data.models import Config
from memogen.errors import UserError

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
SAMPLE = (
    "<!doctype html><html lang='ru'><meta charset='utf-8'>"
    "<body style=\"font-family: '{font}'\"><h1>Проверка печати — Print check</h1>"
    "<p>Съешь же ещё этих мягких французских булок, да выпей чаю. "
    "The quick brown fox jumps over the lazy dog. № 1, 10 %, «ёлочки».</p></body></html>"
)


@dataclass(frozen=True)
class Result:
    name: str
    ok: bool
    detail: str
    fix: str = ""

    def line(self) -> str:
        fix = f" (fix: {self.fix})" if self.fix and not self.ok else ""
        return f"{'ok  ' if self.ok else 'FAIL'} {self.name}: {self.detail}{fix}"


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


def check_weasyprint(load: Callable[[str], ModuleType] = importlib.import_module) -> Result:
    """WeasyPrint imports and finds Pango (its text layout library)."""
    name = "WeasyPrint and Pango"
    try:
        weasyprint = load("weasyprint")
        load("weasyprint.text.ffi")  # loads Pango, HarfBuzz and fontconfig through cffi
    except ImportError:
        return Result(name, False, "WeasyPrint is not installed", "pip install 'weasyprint>=62'")
    except OSError as exc:
        return Result(
            name,
            False,
            f"a system library is missing: {exc}",
            "apt-get install libpango-1.0-0 libpangoft2-1.0-0",
        )
    return Result(name, True, f"WeasyPrint {getattr(weasyprint, '__version__', '?')}, Pango loaded")


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
def _listed_once(pattern: str) -> list[str] | None:
    return fc_list(pattern)


def font_hint(font: str) -> str:
    """How to get `font`: its Debian package, or another font."""
    package = FONT_PACKAGES.get(font)
    if package:
        return f"apt-get install {package}"
    return "install the font, or set brand.font in memogen.yaml to e.g. DejaVu Sans"


def check_font(font: str, lister: FontLister = fc_list) -> Result:
    """The brand font is installed and covers Cyrillic, as fontconfig sees it."""
    name = f"font '{font}'"
    state = font_state(font, lister)
    if state == "no fontconfig":
        return Result(
            name, False, "fc-list (fontconfig) is not installed", "apt-get install fontconfig"
        )
    if state == "cyrillic":
        return Result(name, True, "installed, covers Cyrillic")
    if state == "latin only":
        return Result(
            name,
            False,
            "installed, but it does not cover Cyrillic",
            "set brand.font in memogen.yaml to a font with Cyrillic, e.g. DejaVu Sans",
        )
    return Result(name, False, "not installed", font_hint(font))


def check_harfbuzz_subset(find: Callable[[str], str | None] = ctypes.util.find_library) -> Result:
    """WeasyPrint embeds only the glyphs it uses with libharfbuzz-subset; without it PDFs bloat."""
    found = find("harfbuzz-subset")
    if found:
        return Result("libharfbuzz-subset", True, found)
    return Result(
        "libharfbuzz-subset",
        False,
        "not found; fonts cannot be subset in PDFs",
        "apt-get install libharfbuzz-subset0",
    )


def check_render(
    font: str,
    render: Callable[[str], tuple[bytes, list[str]]] | None = None,
) -> Result:
    """A small Russian and English page renders to a PDF without a single warning."""
    name = "render a PDF"
    try:
        data, warnings = (render or _render)(SAMPLE.format(font=font))
    except Exception as exc:  # any failure here is what the user needs to see
        return Result(
            name,
            False,
            f"{exc.__class__.__name__}: {exc}",
            "fix the checks above, then run memogen doctor again",
        )
    if not data.startswith(b"%PDF-"):
        return Result(
            name,
            False,
            "WeasyPrint returned something that is not a PDF",
            "reinstall WeasyPrint: pip install --force-reinstall weasyprint",
        )
    if warnings:
        return Result(
            name,
            False,
            f"{len(warnings)} warning(s): {warnings[0]}",
            "fix the checks above, then run memogen doctor again",
        )
    return Result(name, True, f"{len(data)} bytes, no warnings")


def _render(html: str) -> tuple[bytes, list[str]]:
    from memogen.render.formats.pdf import render_pdf

    pdf = render_pdf(html)
    return pdf.data, pdf.warnings


def diagnose(config_path: Path | None) -> list[Result]:
    """Every check, in the order a fix should be made."""
    from memogen.project import open_project

    results = []
    try:
        config = open_project(config_path).config
    except UserError as exc:
        config = Config()
        first = exc.issues[0].text() if exc.issues else exc.describe()
        results.append(
            Result(
                "memogen.yaml",
                False,
                f"{first}; checking with the default font",
                "memogen validate",
            )
        )
    font = config.brand.font
    weasyprint = check_weasyprint()
    results += [weasyprint, check_font(font), check_harfbuzz_subset()]
    if weasyprint.ok:
        results.append(check_render(font))
    else:
        results.append(
            Result("render a PDF", False, "skipped: WeasyPrint cannot be loaded", weasyprint.fix)
        )
    return results
