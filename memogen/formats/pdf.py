"""PDF through WeasyPrint: no fetching, fonts subset and embedded, tagged, reproducible."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from functools import cache
from typing import Any

PDF_OPTIONS: dict[str, Any] = {"pdf_tags": True, "uncompressed_pdf": False}


@dataclass
class Pdf:
    data: bytes
    pages: int
    warnings: list[str] = field(default_factory=list)


class _Collect(logging.Handler):
    """Keeps what WeasyPrint logs during one render (missing glyphs, refused URLs, bad CSS)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def render_pdf(html: str) -> Pdf:
    """Lay out the HTML and write the PDF; fetches nothing but inline `data:` URLs."""
    import weasyprint

    collector = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(collector)
    logger.propagate = False
    try:
        document = weasyprint.HTML(string=html, base_url=None,
                                   url_fetcher=_fetcher()).render(font_config=_fonts())
        identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
        data = document.write_pdf(pdf_identifier=identifier, **PDF_OPTIONS)
    finally:
        logger.removeHandler(collector)
    return Pdf(data, len(document.pages), collector.messages)


@cache
def _fonts() -> Any:
    """One FontConfiguration per process: sharing it keeps a long-lived worker's memory flat."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


@cache
def _fetcher() -> Any:
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols={"data"}, allow_redirects=False, timeout=1)
