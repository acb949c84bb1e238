"""Unit tests for memogen.render.formats.boxes: the rectangles the layout measurement reads."""

from __future__ import annotations

from memogen.render.formats.boxes import collide, intersection


def test_two_lines_that_share_a_quarter_of_a_line_height_collide() -> None:
    assert collide((0, 0, 100, 20), (50, 14, 150, 34))  # 6 px of 20 down, 50 across


def test_lines_that_merely_touch_or_sit_side_by_side_do_not_collide() -> None:
    assert not collide((0, 0, 100, 20), (0, 19, 100, 39))  # 1 px: the next line
    assert not collide((0, 0, 100, 20), (100.5, 0, 200, 20))  # beside it on the line


def test_the_intersection_of_two_boxes_is_what_both_cover() -> None:
    assert intersection((0, 0, 100, 100), (50, -10, 200, 60)) == (50, 0, 100, 60)
