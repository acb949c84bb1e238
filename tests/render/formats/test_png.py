"""Unit tests for memogen.render.formats.png: page 1 of a PDF as a palette PNG whose bytes
depend on the PDF alone."""

from __future__ import annotations

import io

import pypdfium2
from PIL import Image

from memogen.render.formats.png import POSTER_DPI, render_png, svg_to_png


def pdf_of_pages(*sizes: tuple[float, float]) -> bytes:
    """A blank PDF with pages of these sizes, in points."""
    document = pypdfium2.PdfDocument.new()
    for width, height in sizes:
        document.new_page(width, height).close()
    out = io.BytesIO()
    document.save(out)
    document.close()
    return out.getvalue()


def test_page_one_becomes_a_palette_png_at_the_posters_resolution() -> None:
    image = Image.open(io.BytesIO(render_png(pdf_of_pages((72, 144), (300, 300)))))
    assert (image.format, image.mode) == ("PNG", "P")
    assert image.size == (POSTER_DPI, 2 * POSTER_DPI)  # one inch by two, page 2 left out
    assert tuple(round(d) for d in image.info["dpi"]) == (POSTER_DPI, POSTER_DPI)
    assert image.convert("RGB").getextrema() == ((255, 255), (255, 255), (255, 255))


def test_the_resolution_can_be_chosen() -> None:
    image = Image.open(io.BytesIO(render_png(pdf_of_pages((72, 36)), dpi=72)))
    assert image.size == (72, 36)


def test_the_same_pdf_gives_the_same_bytes() -> None:
    pdf = pdf_of_pages((144, 144))
    assert render_png(pdf) == render_png(pdf)


def test_an_svg_becomes_a_png_of_the_width_asked_for_at_its_resolution() -> None:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 50">'
        '<rect width="200" height="50" fill="#1F4E79"/></svg>'
    )
    image = Image.open(io.BytesIO(svg_to_png(svg, 25.4, 300)))
    # one inch wide and a quarter high, plus the millimetre of white round it
    assert image.size == (round(27.4 / 25.4 * 300), round(8.35 / 25.4 * 300))
    assert image.convert("RGB").getpixel((image.width // 2, image.height // 2)) == (31, 78, 121)
