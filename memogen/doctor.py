"""`memogen doctor`: is this machine able to render PDFs? If not, how to fix it.

Each check says ok or FAIL in one line, with the command that fixes a failure.
The checks take their system probes as arguments, so tests can simulate a
machine without fc-list, without the font or without WeasyPrint.
"""

from __future__ import annotations

import ctypes.util
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from memogen.data.config_model import Config
from memogen.errors import UserError
from memogen.fonts import FontLister, fc_list, font_hint, font_state
from memogen.i18n import _
from memogen.project import open_project
from memogen.render.formats.pdf import render_pdf

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
        fix = _(" (fix: {fix})").format(fix=self.fix) if self.fix and not self.ok else ""
        return f"{'ok  ' if self.ok else 'FAIL'} {self.name}: {self.detail}{fix}"


def check_weasyprint(load: Callable[[str], ModuleType] = importlib.import_module) -> Result:
    """WeasyPrint imports and finds Pango (its text layout library)."""
    name = _("WeasyPrint and Pango")
    try:
        weasyprint = load("weasyprint")
        load("weasyprint.text.ffi")  # loads Pango, HarfBuzz and fontconfig through cffi
    except ImportError:
        return Result(name, False, _("WeasyPrint is not installed"), "pip install 'weasyprint>=62'")
    except OSError as exc:
        return Result(
            name,
            False,
            _("a system library is missing: {exc}").format(exc=exc),
            "apt-get install libpango-1.0-0 libpangoft2-1.0-0",
        )
    return Result(
        name,
        True,
        _("WeasyPrint {version}, Pango loaded").format(
            version=getattr(weasyprint, "__version__", "?")
        ),
    )


def check_font(font: str, lister: FontLister = fc_list) -> Result:
    """The brand font is installed and covers Cyrillic, as fontconfig sees it."""
    name = _("font '{font}'").format(font=font)
    state = font_state(font, lister)
    if state == "no fontconfig":
        return Result(
            name, False, _("fc-list (fontconfig) is not installed"), "apt-get install fontconfig"
        )
    if state == "cyrillic":
        return Result(name, True, _("installed, covers Cyrillic"))
    if state == "latin only":
        return Result(
            name,
            False,
            _("installed, but it does not cover Cyrillic"),
            _("set brand.font in memogen.yaml to a font with Cyrillic, e.g. DejaVu Sans"),
        )
    return Result(name, False, _("not installed"), font_hint(font))


def check_harfbuzz_subset(find: Callable[[str], str | None] = ctypes.util.find_library) -> Result:
    """WeasyPrint embeds only the glyphs it uses with libharfbuzz-subset; without it PDFs bloat."""
    found = find("harfbuzz-subset")
    if found:
        return Result("libharfbuzz-subset", True, found)
    return Result(
        "libharfbuzz-subset",
        False,
        _("not found; fonts cannot be subset in PDFs"),
        "apt-get install libharfbuzz-subset0",
    )


def check_render(
    font: str,
    render: Callable[[str], tuple[bytes, list[str]]] | None = None,
) -> Result:
    """A small Russian and English page renders to a PDF without a single warning."""
    name = _("render a PDF")
    try:
        data, warnings = (render or _render)(SAMPLE.format(font=font))
    except Exception as exc:  # any failure here is what the user needs to see
        return Result(
            name,
            False,
            f"{exc.__class__.__name__}: {exc}",
            _("fix the checks above, then run memogen doctor again"),
        )
    if not data.startswith(b"%PDF-"):
        return Result(
            name,
            False,
            _("WeasyPrint returned something that is not a PDF"),
            _("reinstall WeasyPrint: pip install --force-reinstall weasyprint"),
        )
    if warnings:
        return Result(
            name,
            False,
            f"{len(warnings)} warning(s): {warnings[0]}",
            _("fix the checks above, then run memogen doctor again"),
        )
    return Result(name, True, _("{count} bytes, no warnings").format(count=len(data)))


def _render(html: str) -> tuple[bytes, list[str]]:
    pdf = render_pdf(html)
    return pdf.data, pdf.warnings


def diagnose(config_path: Path | None) -> list[Result]:
    """Every check, in the order a fix should be made."""
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
                _("{first}; checking with the default font").format(first=first),
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
            Result(
                _("render a PDF"), False, _("skipped: WeasyPrint cannot be loaded"), weasyprint.fix
            )
        )
    return results
