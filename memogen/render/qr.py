"""QR codes as one compact SVG <path> (cheap to lay out, sharp at any print size), and as
PNG for the Word documents."""

from __future__ import annotations

import io

import segno


def qr_svg(url: str, color: str = "#000000") -> str:
    """An inline SVG of the URL's QR code, sized by its container (viewBox only).

    One <path> of stroked runs (no per-module rectangles, so WeasyPrint lays it out in no
    time), error correction M (survives a crease or a pin hole), a quiet zone of two modules:
    the template puts a white margin around it. The SVG is decorative for screen readers
    (aria-hidden); the template wraps it in role="img" with a label that names the link.
    """
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(border=2, dark=color, omitsize=True, svgclass="qr", lineclass=None)
    return str(svg).replace(
        "<svg ", '<svg aria-hidden="true" focusable="false" shape-rendering="crispEdges" ', 1
    )


def qr_png(url: str, color: str = "#000000", dpi: int = 300, module_mm: float = 0.8) -> bytes:
    """The same code as a PNG for documents that take no SVG (the .docx): each module a
    whole number of pixels near `module_mm` at `dpi`, so it stays sharp; no timestamps."""
    code = segno.make(url, error="m", micro=False)
    out = io.BytesIO()
    scale = max(1, round(module_mm / 25.4 * dpi))
    code.save(out, kind="png", scale=scale, border=2, dark=color, dpi=dpi)
    return out.getvalue()
