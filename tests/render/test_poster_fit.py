"""Unit tests for memogen.render.poster_fit: the sheet's geometry on each paper, the stages'
scale steps and floors, when stages hold, and the poster's plan on synthetic layouts."""

from __future__ import annotations

import math
from itertools import pairwise

import pytest

from memogen.data.config_model import Config
from memogen.render.fitting import key_of
from memogen.render.formats.layout import Layout, Trouble
from memogen.render.poster_fit import (
    A3_ROOT_PT,
    STAGE_NAME_EM,
    STEP,
    TITLE_STEPS,
    PosterPlan,
    floor_pt,
    stage_scales,
    stages_hold,
)


def poster_config(size: str = "A3", orientation: str = "portrait") -> Config:
    return Config.model_validate({"poster": {"size": size, "orientation": orientation}})


@pytest.mark.parametrize(("stages", "floor"), [(1, 20.0), (8, 20.0), (9, 18.0), (12, 18.0)])
def test_stage_names_keep_20_pt_up_to_8_stages_and_18_pt_up_to_12(
    stages: int, floor: float
) -> None:
    assert floor_pt(stages) == floor


def test_more_than_twelve_stages_keep_the_last_floor() -> None:
    assert floor_pt(13) == 18.0


@pytest.mark.parametrize(
    ("stages", "scales"),
    [
        (5, (1.15, 1.1, 1.05, 1.0, 0.95, 0.9, 0.85, 0.8, 0.75)),
        (8, (0.95, 0.9, 0.85, 0.8, 0.75)),
        (12, (0.9, 0.85, 0.8, 0.75, 0.7, 0.67)),
    ],
)
def test_the_stages_scales_step_down_from_the_cap_to_the_floor(
    stages: int, scales: tuple[float, ...]
) -> None:
    assert stage_scales(stages) == scales


@pytest.mark.parametrize("stages", range(1, 14))
def test_the_smallest_scale_sets_stage_names_at_the_floor_on_a3_or_just_above(stages: int) -> None:
    scales = stage_scales(stages)
    smallest = scales[-1]
    assert smallest == math.ceil(floor_pt(stages) / (A3_ROOT_PT * STAGE_NAME_EM) * 100) / 100
    assert floor_pt(stages) <= smallest * A3_ROOT_PT * STAGE_NAME_EM < floor_pt(stages) + 0.3
    assert list(scales) == sorted(set(scales), reverse=True)
    assert all(round(a - b, 2) == STEP for a, b in pairwise(scales[:-1]))  # the floor may be nearer


def holding(count: int, room: float = 0.9, **extra: object) -> Layout:
    """A poster layout whose `count` stage names and deadlines each take a line, in a room
    this full."""
    lines = {f"stages.{n}.{part}": 1 for n in range(1, count + 1) for part in ("name", "deadline")}
    return Layout(pages=1, fill=[1.0], rooms={"stages": room}, lines=lines, **extra)  # type: ignore[arg-type]


def test_stages_hold_when_every_name_is_laid_out_untroubled_within_the_room() -> None:
    assert stages_hold(holding(3), 3)
    assert stages_hold(holding(3, room=1.0), 3)


def test_stages_do_not_hold_when_a_name_was_pushed_off_the_sheet() -> None:
    layout = holding(3)
    del layout.lines["stages.2.name"]
    assert not stages_hold(layout, 3)
    assert not stages_hold(holding(3), 4)


def test_stages_do_not_hold_when_a_deadline_was_pushed_off_the_sheet_under_its_name() -> None:
    """A landscape poster with a logo: the first column's last deadline went off the sheet,
    its name stayed on it, and the poster was printed without that deadline."""
    layout = holding(8)
    del layout.lines["stages.4.deadline"]
    assert not stages_hold(layout, 8)


def test_stages_do_not_hold_when_their_text_is_troubled_or_past_their_room() -> None:
    edge = Trouble("edge", 1, "stages.2.name", "Рентгеноэлектрокардиографическое")
    assert not stages_hold(holding(3, troubles=[edge]), 3)
    assert not stages_hold(holding(3, room=1.05), 3)


def test_trouble_outside_the_stages_does_not_make_them_fail() -> None:
    title = Trouble("overlap", 1, "title", "A long title")
    assert stages_hold(holding(3, troubles=[title]), 3)


def test_a_template_that_marks_no_stages_is_not_judged_on_them() -> None:
    """A user's own poster template without `data-room`/`data-field` marks: nothing
    measured is nothing to refuse."""
    assert stages_hold(Layout(pages=1, fill=[1.0], lines={"title": 2}), 5)


def test_a_template_that_marks_the_stages_room_but_shows_no_name_does_not_hold() -> None:
    assert not stages_hold(Layout(pages=1, fill=[1.0], rooms={"stages": 0.2}), 5)


def test_the_poster_plan_starts_half_way_down_the_stages_scales_with_the_largest_title() -> None:
    plan = PosterPlan(5, bring=False)
    scales = stage_scales(5)
    assert plan.first() == {
        "stages": scales[len(scales) // 2],
        "phase": 0,
        "pages": 1,
        "bring": 0,
        "title": 1.0,
    }


def test_few_stages_and_inputs_first_try_listing_what_to_bring_beside_large_stages() -> None:
    first = PosterPlan(2, bring=True).first()
    assert first["bring"] == 1
    assert first["stages"] >= 1.0


def test_many_stages_start_with_a_smaller_title() -> None:
    assert PosterPlan(9, bring=False).first()["title"] == TITLE_STEPS[2][0]


def test_a_title_past_its_lines_is_laid_out_again_at_a_smaller_step_predicted_from_its_width() -> (
    None
):
    plan = PosterPlan(5, bring=False)
    values = plan.first()
    # three lines at 1.0 (two allowed); its words take 900 px in a 500 px column
    layout = holding(5)
    layout.lines["title"] = 3
    layout.advance["title"], layout.width["title"] = 900.0, 500.0
    following = plan.next(values, layout, {key_of(values): layout})
    assert following is not None
    # 900 × 1.3 slack: 0.9 predicts 3 lines, 0.8 predicts 2 (its limit)
    assert following["title"] == 0.8


def test_settle_keeps_the_largest_stages_that_held_with_a_title_within_its_lines() -> None:
    plan = PosterPlan(5, bring=False)
    small = {"stages": 0.9, "phase": 0, "pages": 1, "bring": 0, "title": 1.0}
    large = {**small, "stages": 1.05}
    larger_long_title = {**small, "stages": 1.1}
    failed = {**small, "stages": 1.15}
    long_title = holding(5)
    long_title.lines["title"] = 3
    tried = {
        key_of(small): holding(5),
        key_of(large): holding(5),
        key_of(larger_long_title): long_title,
        key_of(failed): holding(5, room=1.2),
    }
    assert plan.settle(failed, tried) == large


def test_settle_keeps_the_last_choice_when_none_held() -> None:
    plan = PosterPlan(5, bring=False)
    values = plan.first()
    tried = {key_of(values): holding(5, room=1.3)}
    assert plan.settle(values, tried) == values


def test_stages_that_run_into_the_footer_do_not_hold_though_the_footer_is_reported() -> None:
    """The overlap is reported at the text printed over (the footer, no field): the stages
    under it are the cause, named as its other party."""
    into_footer = Trouble("overlap", 1, "", "Version 1.0", other="stages.8.performer")
    assert not stages_hold(holding(3, troubles=[into_footer]), 3)
