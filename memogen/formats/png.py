"""PNG of a PDF's first page (the poster), for screens and chat."""

from __future__ import annotations

import io

POSTER_DPI = 150
PNG_COMPRESSION = 6  # zlib level: beyond 6 files shrink <2 % while encoding takes twice as long


def render_png(pdf: bytes, dpi: int = POSTER_DPI) -> bytes:
    """Rasterise page 1 with PDFium; the bytes depend only on the PDF (no timestamps)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        bitmap = page.render(scale=dpi / 72, may_draw_forms=False)
        image = bitmap.to_pil().convert("RGB")
        page.close()
    finally:
        document.close()
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=PNG_COMPRESSION, dpi=(dpi, dpi))
    return out.getvalue()
