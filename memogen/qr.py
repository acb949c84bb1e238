"""QR codes as one compact SVG <path> (cheap to lay out, sharp at any print size)."""

from __future__ import annotations

import segno


def qr_svg(url: str, color: str = "#000000") -> str:
    """An inline SVG of the URL's QR code, sized by its container (viewBox only)."""
    code = segno.make(url, error="m", micro=False)
    return str(code.svg_inline(border=2, dark=color, omitsize=True, svgclass="qr", lineclass=None))
