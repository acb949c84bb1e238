"""Unit tests for memogen.render.poster_sheet: the sheet's geometry on each paper."""

from __future__ import annotations

import math

import pytest

from memogen.render.poster_sheet import paper_scale, poster_geometry
from tests.render.test_poster_fit import poster_config


@pytest.mark.parametrize(
    ("size", "root", "margin", "short", "long"),
    [
        ("A4", "7.07pt", "8.5mm", "192.8mm", "279.8mm"),
        ("A3", "10.00pt", "12.0mm", "272.8mm", "395.8mm"),
        ("A2", "14.14pt", "17.0mm", "385.8mm", "559.8mm"),
    ],
)
@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_the_sheet_and_its_type_follow_the_paper_and_its_orientation(
    size: str, root: str, margin: str, short: str, long: str, orientation: str
) -> None:
    geometry = poster_geometry(poster_config(size, orientation), 3)
    width, height = (short, long) if orientation == "portrait" else (long, short)
    assert geometry["root"] == root
    assert geometry["margin"] == margin
    assert (geometry["sheet_width"], geometry["sheet_height"]) == (width, height)


@pytest.mark.parametrize("size", ["A4", "A3", "A2"])
def test_the_sheet_and_its_margins_never_exceed_the_paper(size: str) -> None:
    geometry = poster_geometry(poster_config(size), 3)
    margin = float(geometry["margin"].removesuffix("mm"))
    short = {"A4": 210, "A3": 297, "A2": 420}[size]
    assert float(geometry["sheet_width"].removesuffix("mm")) + 2 * margin < short


@pytest.mark.parametrize(
    ("stages", "columns", "rows", "many"),
    [(1, 1, 1, False), (6, 1, 6, False), (7, 2, 4, False), (8, 2, 4, False), (9, 2, 5, True)],
)
def test_up_to_six_stages_take_one_column_and_more_than_eight_are_many(
    stages: int, columns: int, rows: int, many: bool
) -> None:
    geometry = poster_geometry(poster_config(), stages)
    assert (geometry["columns"], geometry["rows"], geometry["many"]) == (columns, rows, many)


def test_the_papers_scale_is_its_short_side_over_a3s() -> None:
    assert paper_scale(poster_config("A3")) == 1.0
    assert paper_scale(poster_config("A4", "landscape")) == 210 / 297
    assert paper_scale(poster_config("A2")) == 420 / 297


@pytest.mark.parametrize("size", ["A4", "A3", "A2"])
@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_on_a_narrower_screen_the_paper_is_measured_in_its_root_size_to_scale_with_it(
    size: str, orientation: str
) -> None:
    geometry = poster_geometry(poster_config(size, orientation), 3)
    root_mm = float(geometry["root"].removesuffix("pt")) * 25.4 / 72
    in_mm = {
        key: float(geometry[key].removesuffix("mm"))
        for key in ("sheet_width", "sheet_height", "margin")
    }
    paper_width = in_mm["sheet_width"] + 2 * in_mm["margin"] + 0.2
    for rems, mm in (
        ("rem_width", in_mm["sheet_width"]),
        ("rem_height", in_mm["sheet_height"]),
        ("rem_margin", in_mm["margin"]),
        ("rem_paper", paper_width),
    ):
        assert float(geometry[rems]) * root_mm == pytest.approx(mm, abs=0.01)
    assert geometry["scaled_below"] == math.ceil(paper_width / 25.4 * 96) + 20
