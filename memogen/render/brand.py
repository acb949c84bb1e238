"""The company's logo where a `data:` URI will not do: as PNG for the email and the Word files.

Mail clients block `data:` images (Gmail) and SVG (Gmail, Outlook), and Word takes no SVG
without a PNG beside it. A PNG logo goes in as it is; an SVG one is rasterised once per
process at a fixed height (WeasyPrint lays it out, PDFium paints it: what the stage diagram's
PNG already uses, no new dependency), on white, cut to the drawing's edges.
"""

from __future__ import annotations

import base64
import io
import struct
from dataclasses import dataclass
from functools import cache

from PIL import Image, ImageChops

from memogen.render.formats.png import render_png

LOGO_PX = 96  # an SVG logo's PNG height: 2.4x the email's 40 CSS px, sharp on dense screens
_SVG_HEIGHT_MM = 20.0  # the height it is laid out at before rasterising
_SVG_ROOM_MM = 200.0  # the widest logo laid out (10:1)
_MM_PER_INCH = 25.4
_PAPER_SHADE = 8  # how far from white a pixel of the page itself may be


@dataclass(frozen=True)
class LogoPng:
    """The logo as PNG bytes, with its size in pixels."""

    data: bytes
    width: int
    height: int

    def scaled(self, height: int, max_width: int) -> tuple[int, int]:
        """(width, height) shown `height` high, narrowed to `max_width` with its proportions."""
        width = round(self.width * height / self.height)
        if width > max_width:
            return max_width, max(1, round(self.height * max_width / self.width))
        return width, height

    @property
    def data_uri(self) -> str:
        return "data:image/png;base64," + base64.b64encode(self.data).decode("ascii")


def logo_png(uri: str) -> LogoPng | None:
    """memogen.yaml's logo (a verified `data:` URI, or "" for none) as PNG."""
    if not uri:
        return None
    kind, _, payload = uri.partition(";base64,")
    data = base64.b64decode(payload)
    if kind == "data:image/png":  # memogen.data.logo checked its signature and header
        width, height = struct.unpack(">II", data[16:24])
        return LogoPng(data, width, height)
    return _rasterised(uri)


@cache
def _rasterised(svg_uri: str) -> LogoPng:
    """An SVG logo painted `LOGO_PX` high on white, cropped to what it draws."""
    page = (
        '<!doctype html><html lang="en"><title>logo</title>'
        f"<style>@page {{ size: {_SVG_ROOM_MM}mm {_SVG_HEIGHT_MM}mm; margin: 0 }}"
        f"body {{ margin: 0 }} img {{ display: block; height: {_SVG_HEIGHT_MM}mm; width: auto;"
        f" max-width: {_SVG_ROOM_MM}mm }}</style>"
        f'<body><img src="{svg_uri}" alt=""></body></html>'
    )
    from memogen.render.formats.pdf import render_pdf  # lazy, like WeasyPrint inside it

    dpi = LOGO_PX / (_SVG_HEIGHT_MM / _MM_PER_INCH)
    painted = Image.open(io.BytesIO(render_png(render_pdf(page).data, dpi)))
    white = Image.new("RGB", painted.size, "white")
    # (the palette may shade the page's white by a step or two: not part of the drawing)
    ink = ImageChops.difference(painted.convert("RGB"), white).convert("L")
    drawn = ink.point(lambda level: 255 if level > _PAPER_SHADE else 0).getbbox()
    cropped = painted.crop(drawn) if drawn else painted
    out = io.BytesIO()
    cropped.save(out, format="PNG", optimize=True)
    return LogoPng(out.getvalue(), cropped.width, cropped.height)


MAIL_LOGO_HEIGHT = 40  # CSS px: the email's header mark
MAIL_LOGO_MAX_WIDTH = 240  # CSS px: a wide logo is narrowed, in proportion


def mail_logo(logo: LogoPng, src: str) -> dict[str, object]:
    """What the email template prints of its logo: `src` (a `cid:` or the `data:` URI) and
    the size in CSS px, as width and height attributes (Outlook sizes images by them)."""
    width, height = logo.scaled(MAIL_LOGO_HEIGHT, MAIL_LOGO_MAX_WIDTH)
    return {"src": src, "width": width, "height": height}
