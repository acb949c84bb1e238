"""Unit tests for memogen.render.formats.docx_parts: rich text as paragraphs and bullets,
lists that number from 1, images with alt text."""

from __future__ import annotations

import docx
from docx.oxml.ns import qn

from memogen.render.context import Rich
from memogen.render.formats.docx_parts import image, numbered, rich_text
from memogen.render.qr import qr_png


def test_a_markdown_paragraph_is_one_word_paragraph_and_its_list_is_bullets() -> None:
    document = docx.Document()
    rich_text(document, Rich.of("First line\nsame paragraph.\n\n- one\n- two\n\nLast."))
    assert [(p.style.name, p.text) for p in document.paragraphs] == [
        ("Normal", "First line same paragraph."),
        ("List Bullet", "one"),
        ("List Bullet", "two"),
        ("Normal", "Last."),
    ]


def test_markup_in_a_field_stays_text() -> None:
    document = docx.Document()
    rich_text(document, Rich.of('<w:p>x</w:p> & <script>alert(1)</script> "q"'))
    assert document.paragraphs[0].text == 'x &  "q"'  # the sanitiser's plain text, escaped


def test_two_numbered_lists_each_start_at_one() -> None:
    document = docx.Document()
    numbered(document, ["a", "b"])
    numbered(document, [[("c", True), (" d", False)]])
    ids = [p._p.pPr.numPr.numId.val for p in document.paragraphs]
    assert ids[0] == ids[1] != ids[2]
    assert document.paragraphs[2].runs[0].bold
    numbering = document.part.numbering_part.element
    for number in set(ids):
        start = numbering.num_having_numId(number).find(qn("w:lvlOverride"))[0]
        assert start.get(qn("w:val")) == "1"


def test_an_image_carries_its_alt_text() -> None:
    document = docx.Document()
    image(document, qr_png("https://example.com/"), 360000, "QR code to the form")
    [shape] = document.inline_shapes
    assert shape._inline.docPr.get("descr") == "QR code to the form"
    assert shape.width == 360000
