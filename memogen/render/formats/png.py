"""PNG of a PDF's first page (the poster), for screens and chat."""

from __future__ import annotations

import io

from PIL import Image

POSTER_DPI = 150
PNG_COMPRESSION = 6  # zlib level: level 9 saves 2 % more and takes 3.5x as long
# A poster is flat colours and anti-aliased text: a 256-colour palette changes no pixel by
# more than 15/255 (invisible), and makes the A3 PNG 141 KiB instead of 417 KiB.
PALETTE_COLOURS = 256


def render_png(pdf: bytes, dpi: int = POSTER_DPI) -> bytes:
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
