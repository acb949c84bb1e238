"""The layout tests' ruler, checked on tiny PDFs made with WeasyPrint: a wrong measurement
would make every layout test lie."""

from __future__ import annotations

from pathlib import Path

import pytest
import weasyprint

from tests.layout.measure import (
    font_size_of,
    overlapping_words,
    page_count,
    page_fill,
    read_pdf,
    text_outside_page,
)

PAGE = "@page { size: A6; margin: 10mm } body { margin: 0; font: 10pt/1.3 'DejaVu Sans' }"


def pdf_of(tmp_path: Path, body: str, css: str = "", name: str = "t.pdf") -> Path:
    """A PDF of `body` on A6 paper with 10 mm margins, in DejaVu Sans 10 pt."""
    html = f"<html lang=ru><style>{PAGE} p {{ margin: 0 }} {css}</style><body>{body}</body>"
    path = tmp_path / name
    path.write_bytes(weasyprint.HTML(string=html).write_pdf())
    return path


def test_font_size_of_reads_the_size_each_text_is_set_in(tmp_path: Path) -> None:
    pdf = pdf_of(tmp_path, "<p>Приём заявки</p><p style='font-size: 20pt'>Срок 2&nbsp;дня</p>")
    assert font_size_of(pdf, "Приём заявки") == 10
    assert font_size_of(pdf, "Срок 2 дня") == 20
    assert font_size_of(pdf, "Нет такого текста") is None


def test_font_size_of_is_the_smallest_size_of_the_text_where_it_is_biggest(
    tmp_path: Path,
) -> None:
    body = "<p style='font-size: 7pt'>Доставка</p><p><span style='font-size: 24pt'>Срок</span> 1 день</p>"
    pdf = pdf_of(tmp_path, body)
    assert font_size_of(pdf, "Доставка") == 7
    assert font_size_of(pdf, "Срок 1 день") == 10


def test_a_text_broken_over_lines_and_hyphenated_is_still_found(tmp_path: Path) -> None:
    word = "Рентгеноэлектрокардиографическое согласование"
    pdf = pdf_of(tmp_path, f"<p style='width: 25mm; hyphens: auto'>{word}</p>")
    assert len(read_pdf(pdf).words) >= 3, "the test needs the word hyphenated"
    assert font_size_of(pdf, word) == 10


def test_a_broken_url_is_found(tmp_path: Path) -> None:
    url = "https://intranet.example.com/forms/purchase"
    pdf = pdf_of(tmp_path, f"<p style='width: 30mm; overflow-wrap: anywhere'>{url}</p>")
    assert font_size_of(pdf, url) == 10


def test_text_inside_the_sheet_is_not_outside(tmp_path: Path) -> None:
    pdf = pdf_of(tmp_path, "<p>Всё на месте</p><p style='margin-left: 70mm'>край</p>")
    assert text_outside_page(pdf) == []


def test_text_pushed_off_the_sheet_is_outside(tmp_path: Path) -> None:
    pdf = pdf_of(tmp_path, "<p>На месте</p><p style='margin-left: 100mm'>1 день</p>")
    assert sorted(w.text for w in text_outside_page(pdf)) == ["1", "день"]


def test_text_below_the_sheet_is_outside(tmp_path: Path) -> None:
    pdf = pdf_of(tmp_path, "<p style='position: absolute; top: 140mm'>Внизу</p>")
    assert [w.text for w in text_outside_page(pdf)] == ["Внизу"]


def test_a_line_drawn_onto_another_overlaps_it(tmp_path: Path) -> None:
    body = "<p style='font-size: 20pt'>Срок</p><p style='margin-top: -14pt'>Исполнитель</p>"
    pairs = overlapping_words(pdf_of(tmp_path, body))
    assert [(a.text, b.text) for a, b in pairs] == [("Срок", "Исполнитель")]


def test_a_cell_running_into_the_next_overlaps_it(tmp_path: Path) -> None:
    body = (
        "<table style='border-collapse: collapse; table-layout: fixed; width: 60mm'><tr>"
        "<td style='width: 15mm; padding: 0'>Делопроизводитель</td><td style='padding: 0'>3 дня</td>"
        "</tr></table>"
    )
    pairs = overlapping_words(pdf_of(tmp_path, body))
    assert [(a.text, b.text) for a, b in pairs] == [
        ("Делопроизводитель", "3"),
        ("Делопроизводитель", "дня"),
    ]


@pytest.mark.parametrize("line_height", ["1", "0.9"])
def test_tight_lines_with_accents_do_not_overlap(tmp_path: Path, line_height: str) -> None:
    body = (
        f"<p style='line-height: {line_height}; width: 30mm'>ЁЙ Ёлка Йогурт ÅÉ ЁЙ Ёлка gjpq ЁЙ</p>"
    )
    pdf = pdf_of(tmp_path, body)
    assert len({round(w.box.top) for w in read_pdf(pdf).words}) >= 2, "needs two lines"
    assert overlapping_words(pdf) == []


def test_underlined_and_ligatured_text_does_not_overlap(tmp_path: Path) -> None:
    body = "<p><u>office fluff affine</u> <b>жирный</b> <i>курсив</i></p><p><u>второй ряд</u></p>"
    assert overlapping_words(pdf_of(tmp_path, body)) == []


def test_words_side_by_side_do_not_overlap(tmp_path: Path) -> None:
    body = "<p>Приём заявки — 2&nbsp;рабочих часа, <b>Этап</b>:<span style='font-size: 7pt'>СРОК</span></p>"
    assert overlapping_words(pdf_of(tmp_path, body)) == []


def test_page_count_counts_the_pages(tmp_path: Path) -> None:
    assert page_count(pdf_of(tmp_path, "<p>1</p><p style='break-before: page'>2</p>")) == 2


def test_a_page_of_text_is_full_and_one_line_is_nearly_empty(tmp_path: Path) -> None:
    lines = "<br>".join(
        f"Строка текста на всю ширину {a}{b}" for a in "абвгдеж" for b in "абвгдежзиклмнопрстуфх"
    )
    pdf = pdf_of(tmp_path, f"<p>{lines}</p><p>Последняя</p>", "p { line-height: 1.3 }")
    fills = page_fill(pdf)
    assert len(fills) >= 2
    assert 0.6 < fills[0] < 0.8, "a full page at line height 1.3 (one em of text per 1.3)"
    one_line = page_fill(pdf_of(tmp_path, "<p>Одна строка</p>", name="one.pdf"))
    assert one_line[0] == pytest.approx(10 / 419.53, abs=0.005), "one 10 pt line of an A6 page"


def test_running_footers_are_not_content(tmp_path: Path) -> None:
    css = (
        "@page { @bottom-left { content: 'Стандарт 1.0 · стр. ' counter(page); font: 7pt 'DejaVu Sans' } }"
        " p { line-height: 1 }"
    )
    lines = "<br>".join(f"Строка {a}{b}" for a in "абв" for b in "абвгдежзикл")
    fills = page_fill(
        pdf_of(tmp_path, f"<p>{lines}</p><p style='break-before: page'>Одна</p>", css)
    )
    assert len(fills) == 2
    assert fills[0] > 0.8, "the first page is filled with lines set solid below its top margin"
    assert fills[1] < 0.05, "the page with one line is nearly empty, its footer left out"


def test_graphics_count_as_content_but_a_background_does_not(tmp_path: Path) -> None:
    css = "html { background: #eef } .box { height: 50mm; border: 1pt solid black }"
    fills = page_fill(pdf_of(tmp_path, "<p>Текст</p><div class=box></div>", css))
    assert 0.3 < fills[0] < 0.42, "a 50 mm box and a line on a 148 mm high A6 page"


def test_a_descender_reaching_into_the_capitals_below_overlaps_them(tmp_path: Path) -> None:
    body = (
        "<p style='font-size: 14pt; line-height: 1'>Manager</p>"
        "<p style='font-size: 10pt; line-height: 1; margin-top: -2pt'>DEADLINE</p>"
    )
    pairs = overlapping_words(pdf_of(tmp_path, body))
    assert [(a.text, b.text) for a, b in pairs] == [("Manager", "DEADLINE")]
