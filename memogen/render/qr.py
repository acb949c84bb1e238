"""QR codes as one compact SVG <path> (cheap to lay out, sharp at any print size)."""

from __future__ import annotations

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
