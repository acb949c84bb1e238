"""Unit tests for memogen.render.formats.docx_setup: the paper read from the print
stylesheet, and a zip whose bytes depend on its content and date alone."""

from __future__ import annotations

import io
import zipfile

import docx

from memogen.render.formats.docx_setup import Paper, reproducible_bytes


def test_the_paper_is_the_print_stylesheets_page_size_and_margins() -> None:
    css = "@page {\n  size: A5 portrait;\n  margin: 8mm 8.5mm 11mm;\n  @bottom-left { x: y }\n}"
    assert Paper.of(css) == Paper("A5", (8, 8.5, 11, 8.5))
    assert Paper.of("@page { size: A4; margin: 16mm }").margins == (16, 16, 16, 16)
    assert Paper.of("@page { margin: 1mm 2mm 3mm 4mm }") == Paper("A4", (1, 2, 3, 4))


def test_a_stylesheet_that_says_nothing_usable_gives_a4_with_20mm_margins() -> None:
    assert Paper.of("") == Paper("A4", (20, 20, 20, 20))
    assert Paper.of("@page { size: letter; margin: 1in }") == Paper()


def test_the_zip_is_dated_never_before_1980_and_keeps_the_content_types_first() -> None:
    for when, stamp in ((0, (1980, 1, 1, 0, 0, 0)), (1767225600, (2026, 1, 1, 0, 0, 0))):
        data = reproducible_bytes(docx.Document(), when)
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert {info.date_time for info in archive.infolist()} == {stamp}
            assert archive.namelist()[0] == "[Content_Types].xml"
    assert reproducible_bytes(docx.Document(), 0) == reproducible_bytes(docx.Document(), 0)
