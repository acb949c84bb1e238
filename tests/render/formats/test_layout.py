"""Unit tests for memogen.render.formats.layout: what `measure` reads from tiny documents laid
out with WeasyPrint. Every size is explicit (px) so that each expectation is exact."""

from __future__ import annotations

import pytest

from memogen.render.formats.layout import Layout, Trouble, measure
from memogen.render.formats.pdf import lay_out

# A 400 × 300 px page with 50 px margins: a content area of 300 × 200 px, lines of 20 px.
PAGE = (
    "@page { size: 400px 300px; margin: 50px }"
    " body { margin: 0; font: 10px/20px 'DejaVu Sans' } p { margin: 0 }"
)
LONG_WORD = "Supercalifragilisticexpialidocious"  # about 163 px at 10 px


def measured(body: str) -> Layout:
    html = f"<html lang=en><head><style>{PAGE}</style></head><body>{body}</body></html>"
    return measure(lay_out(html).document.pages)


def test_a_long_word_past_its_column_is_an_edge_trouble_at_the_nearest_marked_field() -> None:
    layout = measured(
        f'<div data-field="stages"><div data-field="stages.1" style="width: 50px">'
        f'<p data-field="stages.1.name"><span>{LONG_WORD}</span></p></div></div>'
    )
    assert layout.troubles == [Trouble("edge", 1, "stages.1.name", LONG_WORD)]


def test_text_of_an_unmarked_element_belongs_to_its_marked_ancestor() -> None:
    layout = measured(f'<div data-field="summary" style="width: 50px"><p>{LONG_WORD}</p></div>')
    assert layout.troubles == [Trouble("edge", 1, "summary", LONG_WORD)]


def test_text_that_fits_its_column_is_no_trouble() -> None:
    layout = measured('<div data-field="summary" style="width: 50px"><p>Short</p></div>')
    assert layout.troubles == []


def test_text_past_a_box_that_hides_its_overflow_is_clipped_by_how_much() -> None:
    # four 20 px lines in a 40 px box: the third reaches 60 px, 1.5 times the box
    layout = measured(
        '<div data-field="summary" style="height: 40px; overflow: hidden">'
        "<p>a</p><p>b</p><p>c</p><p>d</p></div>"
    )
    assert layout.troubles == [Trouble("clipped", 1, "summary", "c", need=1.5)]
    assert layout.need == 1.5


def test_a_trouble_quotes_the_first_five_words_or_forty_characters() -> None:
    hidden = "<div style='height: 20px; overflow: hidden'><p>a</p><p>{}</p></div>"
    words = measured(hidden.format("one two three four five six seven"))
    chars = measured(hidden.format("Pneumonoultramicroscopicsilicovolcanoconiosis x"))
    assert [t.words for t in words.troubles] == ["one two three four five…"]
    assert [t.words for t in chars.troubles] == ["Pneumonoultramicroscopicsilicovolcanocon…"]


def test_two_texts_on_top_of_each_other_overlap_once_at_the_later_field() -> None:
    layout = measured(
        '<p data-field="title" style="position: absolute; top: 0; left: 0">Hello world</p>'
        '<p data-field="deadline" style="position: absolute; top: 0; left: 0">Hello world</p>'
    )
    assert layout.troubles == [Trouble("overlap", 1, "deadline", "Hello world", other="title")]


def test_lines_that_touch_by_less_than_a_quarter_of_a_line_do_not_overlap() -> None:
    layout = measured(
        '<p style="position: absolute; top: 0; left: 0">Hello world</p>'
        '<p style="position: absolute; top: 16px; left: 0">Hello world</p>'
    )
    assert layout.troubles == []


@pytest.mark.parametrize(
    "hiding",
    ["position: absolute; clip: rect(0, 0, 0, 0)", "visibility: hidden"],
)
def test_text_hidden_on_purpose_is_not_looked_at(hiding: str) -> None:
    layout = measured(
        f'<p data-field="hidden" style="{hiding}; top: 0; left: 0">Hello world</p>'
        '<p style="position: absolute; top: 0; left: 0">Hello world</p>'
    )
    assert layout.troubles == []
    assert "hidden" not in layout.lines


def test_text_in_the_page_margin_prints_but_text_past_the_paper_is_cut_off() -> None:
    in_margin = measured('<p style="position: absolute; top: -30px; left: 0">Running head</p>')
    off_paper = measured('<p style="position: absolute; top: -80px; left: 0">Off the paper</p>')
    assert in_margin.troubles == []
    assert [(t.kind, t.words) for t in off_paper.troubles] == [("clipped", "Off the paper")]


def test_fill_is_how_far_down_each_pages_content_reaches() -> None:
    layout = measured('<p>one</p><p style="break-before: page">two</p><p>three</p>')
    assert (layout.pages, layout.page_height, layout.fill) == (2, 200.0, [0.1, 0.2])
    assert layout.need == 1.2  # the first page counts whole


def test_a_room_is_the_share_of_its_height_its_text_takes() -> None:
    layout = measured(
        '<div data-room="stages" style="height: 100px"><p>one</p><p>two</p></div>'
        '<div data-room="footer" style="height: 10px"><p>past its bottom</p></div>'
    )
    assert layout.rooms == {"stages": 0.4, "footer": 2.0}
    assert layout.need == 2.0  # the rooms, not the page they fill


def test_each_fields_lines_advance_width_size_and_extent_are_measured() -> None:
    words = " ".join(["word"] * 16)  # about 440 px: two lines of 300
    layout = measured(
        f'<div data-field="summary" style="width: 300px"><p>{words}</p></div>'
        '<p data-field="title">Big <span style="font-size: 8px">small</span></p>'
    )
    assert layout.lines == {"summary": 2, "title": 1}
    assert 300 < layout.advance["summary"] < 2 * 300
    assert layout.width["summary"] == 300.0
    assert layout.size == {"summary": 10.0, "title": 8.0}  # the smallest type of the field
    assert layout.extent["summary"] == 40.0


def test_a_fields_extent_is_its_own_text_and_its_inner_fields_text() -> None:
    layout = measured(
        '<div data-field="stages"><div data-field="stages.1"><p data-field="stages.1.name">a</p>'
        '<p>b</p></div><div data-field="stages.2"><p>c</p></div></div>'
    )
    assert layout.extent == {
        "stages": 60.0,
        "stages.1": 40.0,
        "stages.1.name": 20.0,
        "stages.2": 20.0,
    }


def test_a_fields_extent_is_summed_over_the_pages_it_spans() -> None:
    # 150 px of nothing: two of the field's lines on page 1, three on page 2
    layout = measured(
        '<div style="height: 150px"></div>'
        + "".join(f'<p data-field="faq">{word}</p>' for word in ("a", "b", "c", "d", "e"))
    )
    assert layout.pages == 2
    assert layout.extent["faq"] == 100.0
    assert layout.lines["faq"] == 5


def test_need_is_the_pages_taken_without_rooms_and_the_fullest_room_with_them() -> None:
    assert Layout(pages=1, fill=[0.7]).need == 0.7
    assert Layout(pages=3, fill=[1.0, 0.9, 0.25]).need == 2.25
    assert Layout(pages=2, fill=[1.0, 1.0], rooms={"stages": 0.8, "summary": 1.1}).need == 1.1


def test_need_is_at_least_what_a_box_that_cuts_text_off_needs() -> None:
    clipped = Trouble("clipped", 1, "title", "A title", need=1.6)
    assert Layout(pages=1, fill=[0.5], troubles=[clipped]).need == 1.6
    assert Layout(pages=1, rooms={"stages": 0.5}, troubles=[clipped]).need == 1.6
    assert Layout(pages=0).need == 0.0
