"""PNG of a PDF's first page (the poster), for screens and chat; an SVG (the stage diagram)
as PNG for the Word documents."""

from __future__ import annotations

import io
import re

from PIL import Image

POSTER_DPI = 150
PNG_COMPRESSION = 6  # zlib level: level 9 saves 2 % more and takes 3.5x as long
# A poster is flat colours and anti-aliased text: a 256-colour palette changes no pixel by
# more than 15/255 (invisible), and makes the A3 PNG 141 KiB instead of 417 KiB.
PALETTE_COLOURS = 256
_VIEWBOX = re.compile(r'viewBox="0 0 ([\d.]+) ([\d.]+)"')


def render_png(pdf: bytes, dpi: float = POSTER_DPI) -> bytes:
    """Rasterise page 1 with PDFium; the bytes depend only on the PDF (no timestamps)."""
    import pypdfium2  # lazy: 75 ms to import (python -X importtime), and only posters need it

    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        bitmap = page.render(scale=dpi / 72, may_draw_forms=False)
        image = bitmap.to_pil().convert("RGB")
        page.close()
    finally:
        document.close()
    palette = image.quantize(
        PALETTE_COLOURS, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE
    )
    out = io.BytesIO()
    palette.save(out, format="PNG", compress_level=PNG_COMPRESSION, dpi=(dpi, dpi))
    return out.getvalue()


def svg_to_png(svg: str, width_mm: float, dpi: int) -> bytes:
    """An SVG with a `viewBox` (one memogen drew) as a PNG `width_mm` wide at `dpi`: laid out
    by WeasyPrint on a page of its own size, rasterised like the poster (same bounds, same
    fonts, no new dependency)."""
    from memogen.render.formats.pdf import render_pdf  # lazy, like WeasyPrint inside it

    box = _VIEWBOX.search(svg)
    if box is None:
        raise ValueError("an SVG without a viewBox")
    height_mm = width_mm * float(box.group(2)) / float(box.group(1))
    # A millimetre of white round it: the cards' outer strokes stand on the viewBox's edge.
    page = (
        '<!doctype html><html lang="en"><title>diagram</title>'
        f"<style>@page {{ size: {width_mm + 2}mm {height_mm + 2}mm; margin: 1mm }}"
        "body { margin: 0 } svg { display: block; width: 100%; height: auto }</style>"
        f"<body>{svg}</body></html>"
    )
    return render_png(render_pdf(page).data, dpi)
