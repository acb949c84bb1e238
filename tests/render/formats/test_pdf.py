"""Unit tests for memogen.render.formats.pdf: laying out and writing apart give the PDF of one
render, its identifier follows its input, attachments are dropped, each render is bounded,
and what WeasyPrint warns about is kept."""

from __future__ import annotations

import hashlib
import logging
import re
import threading

import pytest
import weasyprint

from memogen.render.formats import pdf
from memogen.render.formats.pdf import Pdf, PdfTimeout, lay_out, render_pdf, write_pdf

PAGE = "@page { size: 400px 300px; margin: 50px }"
HTML = f"<html lang=en><head><style>{PAGE}</style></head><body><p>Приём заявки</p></body></html>"


def identifier_of(data: bytes) -> bytes:
    """The first part of the PDF's /ID: the identifier memogen gave it."""
    found = re.search(rb"/ID ?\[\s*[(<]([0-9a-fA-F]+)[)>]", data)
    assert found is not None
    return found.group(1)


def test_laying_out_then_writing_gives_the_bytes_of_one_render() -> None:
    print_css = "p { color: #1F4E79 }"
    written = write_pdf(lay_out(HTML, print_css))
    rendered = render_pdf(HTML, print_css)
    assert written.data == rendered.data
    assert (written.pages, rendered.pages) == (1, 1)


def test_the_pdfs_identifier_is_a_hash_of_its_html_and_print_css() -> None:
    print_css = "p { color: #1F4E79 }"
    expected = hashlib.sha256((HTML + print_css).encode("utf-8")).hexdigest()[:32]
    assert identifier_of(render_pdf(HTML, print_css).data) == expected.encode("ascii")


def test_two_different_inputs_get_different_identifiers() -> None:
    other = HTML.replace("Приём заявки", "Выдача справки")
    assert identifier_of(render_pdf(HTML).data) != identifier_of(render_pdf(other).data)
    assert identifier_of(render_pdf(HTML).data) != identifier_of(render_pdf(HTML, "p {}").data)


def test_attachments_are_dropped_whatever_the_html_asks_for() -> None:
    html = HTML.replace(
        "<p>",
        '<link rel="attachment" href="data:text/plain,secret">'
        '<a rel="attachment" href="data:text/plain,secret">file</a><p>',
    )
    assert b"/EmbeddedFile" in weasyprint.HTML(string=html).write_pdf()  # WeasyPrint alone
    assert b"/EmbeddedFile" not in render_pdf(html).data


def test_each_style_block_is_split_off_on_its_own() -> None:
    html = "<style>p { color: red }</style><p>x</p><style>\nh1 { margin: 0 }\n</style>"
    assert pdf._split_styles(html) == ("<p>x</p>", ["p { color: red }", "\nh1 { margin: 0 }\n"])


def test_html_without_style_blocks_is_left_as_it_is() -> None:
    assert pdf._split_styles("<p>x</p>") == ("<p>x</p>", [])


def test_the_styles_of_the_html_and_the_print_css_both_apply() -> None:
    html = HTML.replace("</style>", "</style><style>p { break-after: page }</style>")
    html = html.replace("<p>Приём заявки</p>", "<p>one</p><p>two</p><p>three</p>")
    assert render_pdf(html).pages == 3
    assert render_pdf(html, "p { break-after: auto }").pages == 1  # the print CSS comes last


def many_paragraphs(count: int) -> str:
    return HTML.replace("<p>Приём заявки</p>", "<p>Приём заявки и выдача справки</p>" * count)


HEAVY = many_paragraphs(3000)  # seconds to lay out; raised in its first millisecond


def test_a_layout_past_the_time_limit_raises_pdf_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf, "PDF_TIME_LIMIT_S", 0.001)
    with pytest.raises(PdfTimeout) as raised:
        lay_out(HEAVY)
    assert str(raised.value) == "laying out the PDF took longer than 0.001 s"


def test_writing_past_the_time_limit_raises_pdf_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    laid = lay_out(many_paragraphs(200))  # pages of subset fonts: more than a millisecond
    monkeypatch.setattr(pdf, "PDF_TIME_LIMIT_S", 0.001)
    with pytest.raises(PdfTimeout):
        write_pdf(laid)


def test_off_the_main_thread_a_layout_is_not_bounded_by_an_alarm(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Signals reach the main thread only: elsewhere the worker's own bounds apply."""
    monkeypatch.setattr(pdf, "PDF_TIME_LIMIT_S", 0.001)
    written: list[Pdf] = []
    thread = threading.Thread(target=lambda: written.append(render_pdf(many_paragraphs(50))))
    thread.start()
    thread.join()
    assert [made.pages for made in written] == [9]  # all of it, laid out and written


def test_what_weasyprint_warns_about_is_kept_with_the_pdf() -> None:
    html = HTML.replace("</style>", " p { colour: red }</style>")
    warnings = render_pdf(html, "h1 { fnot-size: 2em }").warnings
    assert any("colour" in warning for warning in warnings)
    assert any("fnot-size" in warning for warning in warnings)


def test_a_stylesheet_parsed_once_still_warns_every_document() -> None:
    html = HTML.replace("</style>", " p { colour: blue }</style>")
    first, second = render_pdf(html), render_pdf(html.replace("Приём", "Выдача"))
    assert any("colour" in warning for warning in first.warnings)
    assert any("colour" in warning for warning in second.warnings)


def test_a_data_url_in_a_warning_is_shortened_to_its_type() -> None:
    html = HTML.replace("<p>", '<img alt="" src="data:image/png;base64,AAAAAAAA"><p>')
    warnings = render_pdf(html).warnings
    assert any("data:image/png,…" in warning for warning in warnings)
    assert not any("AAAAAAAA" in warning for warning in warnings)


def test_collecting_warnings_leaves_no_handler_behind() -> None:
    logger = logging.getLogger("weasyprint")
    before = list(logger.handlers)
    render_pdf(HTML.replace("</style>", " p { colour: red }</style>"))
    assert logger.handlers == before
