"""PDF through WeasyPrint: no fetching, fonts subset and embedded, tagged, reproducible.

What a PDF may contain is decided here, not by the HTML: the fetcher serves only
`data:` URLs (what memogen inlined itself), attachments are dropped whatever the
template asks for, and each render has a wall-clock bound. Every render runs in a
worker process (see `render.pool`), which also gets a memory bound (`limit_worker`).
"""

from __future__ import annotations

import atexit
import hashlib
import logging
import re
import resource
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from memogen.i18n import _
from memogen.render.formats.line_breaks import spaces_before_phrases_boxed

PDF_OPTIONS: dict[str, Any] = {"pdf_tags": True, "uncompressed_pdf": False}
PDF_TIME_LIMIT_S = 60.0  # one PDF; the largest example takes about 1 s
_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)
# A data: URI in a WeasyPrint message (the whole base64 logo) is shortened to its type.
_DATA_URI = re.compile(r"(data:[^\s\"',;)]*)[;,][^\s\"')]*")
WORKER_MEMORY_BYTES = 2 * 1024**3  # address space of a render worker; a warm one uses ~250 MB


@dataclass
class Pdf:
    data: bytes
    pages: int
    warnings: list[str] = field(default_factory=list)


class PdfTimeout(BaseException):
    """A render ran past PDF_TIME_LIMIT_S. A BaseException, like KeyboardInterrupt, so that
    no `except Exception` inside WeasyPrint can swallow it and carry on."""


class _Collect(logging.Handler):
    """Keeps what WeasyPrint logs during one render (missing glyphs, refused URLs, bad CSS)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(_DATA_URI.sub(r"\1,…", record.getMessage()))


@dataclass
class Laid:
    """A laid-out document, not yet written: what the fitting measures."""

    document: Any
    made_from: bytes  # the HTML and CSS it came from: its PDF's identifier
    messages: list[str]  # what WeasyPrint warned about while laying it out


def render_pdf(html: str, print_css: str = "") -> Pdf:
    """Lay out the HTML, with `print_css` (what only paper needs: `@page`, running
    footers) after its own styles, and write the PDF; fetches nothing but `data:` URLs."""
    return write_pdf(lay_out(html, print_css))


def lay_out(html: str, print_css: str = "") -> Laid:
    """Lay the HTML out (with `print_css` after its own styles) into pages, within the
    wall-clock bound; fetches nothing but `data:` URLs."""
    import weasyprint  # lazy: 0.6 s to import (python -X importtime), needed for PDFs only

    body, blocks = _split_styles(html)
    body = spaces_before_phrases_boxed(body)
    parsed = [_stylesheet(text) for text in (*blocks, print_css) if text]
    messages = [message for _, css_warnings in parsed for message in css_warnings]
    with _collecting(messages), _time_limit(PDF_TIME_LIMIT_S):  # (a cached sheet warns again)
        document = weasyprint.HTML(string=body, base_url=None, url_fetcher=_fetcher()).render(
            font_config=_fonts(), stylesheets=[sheet for sheet, _ in parsed] or None
        )
    return Laid(document, (html + print_css).encode("utf-8"), messages)


def write_pdf(laid: Laid) -> Pdf:
    """The PDF of a laid-out document, reproducibly, without attachments. What WeasyPrint
    warns of while drawing (an SVG's image it refused to fetch) joins the layout's warnings."""
    document = laid.document
    messages = list(laid.messages)
    with _collecting(messages), _time_limit(PDF_TIME_LIMIT_S):
        _drop_attachments(document)
        identifier = hashlib.sha256(laid.made_from).hexdigest()[:32].encode("ascii")
        data = document.write_pdf(pdf_identifier=identifier, **PDF_OPTIONS)
    return Pdf(data, len(document.pages), messages)


@contextmanager
def _collecting(messages: list[str]) -> Iterator[None]:
    """What WeasyPrint logs meanwhile (missing glyphs, refused URLs, bad CSS) → `messages`."""
    logger = logging.getLogger("weasyprint")
    logger.propagate = False
    collector = _Collect()
    logger.addHandler(collector)
    try:
        yield
    finally:
        logger.removeHandler(collector)
        messages.extend(collector.messages)


def _split_styles(html: str) -> tuple[str, list[str]]:
    """The HTML without its <style> blocks, and their CSS, each parsed once per worker: the
    theme's long sheet is the same for most documents, a fitted size is a short one."""
    blocks = _STYLE.findall(html)
    return (_STYLE.sub("", html), blocks) if blocks else (html, [])


@lru_cache(maxsize=32)
def _stylesheet(css: str) -> tuple[Any, tuple[str, ...]]:
    """A parsed stylesheet and what parsing it warned about, reused by every document
    with the same CSS (most of a build)."""
    import weasyprint

    collector = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.propagate = False
    logger.addHandler(collector)
    try:
        sheet = weasyprint.CSS(
            string=css, base_url=None, url_fetcher=_fetcher(), font_config=_fonts()
        )
    finally:
        logger.removeHandler(collector)
    return sheet, tuple(collector.messages)


def _drop_attachments(document: Any) -> None:
    """`<link rel=attachment>` and `<a rel=attachment>` would embed files in the PDF."""
    document.metadata.attachments = []
    for page in document.pages:
        page.links = [link for link in page.links if link[0] != "attachment"]


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise PdfTimeout after `seconds` of wall clock (main thread only: signals need it)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise PdfTimeout(
            _("laying out the PDF took longer than {seconds:g} s").format(seconds=seconds)
        )

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def limit_worker(memory: int = WORKER_MEMORY_BYTES) -> None:
    """Bound a render worker's memory, and leave Ctrl-C to the parent, which cleans up."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = memory if hard == resource.RLIM_INFINITY else min(hard, memory)
    if soft == resource.RLIM_INFINITY or soft > limit:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@cache
def _fonts() -> Any:
    """One FontConfiguration per process: sharing it keeps a long-lived worker's memory flat."""
    from weasyprint.text.fonts import FontConfiguration

    # Freed before interpreter shutdown: its __del__ needs modules that are gone by then.
    atexit.register(_fonts.cache_clear)
    atexit.register(_stylesheet.cache_clear)
    return FontConfiguration()


@cache
def _fetcher() -> Any:
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols={"data"}, allow_redirects=False, timeout=1)
