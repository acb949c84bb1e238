"""The poster's plan: the title's and the stages' type chosen by measuring the laid-out
poster, above the legible floors. Sizes are in A3 units (see `poster_sheet`): every size in
poster.css is in rem or em, so one plan serves every paper."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace

from memogen.data.config_model import Config
from memogen.data.models import Standard
from memogen.render.fitting import Key, Values, key_of
from memogen.render.formats.layout import Layout
from memogen.render.poster_sheet import A3_ROOT_PT, MANY_STAGES, bring_list
from memogen.render.size_search import Phase, SizeSearch

STAGE_NAME_EM = 2.7  # a stage name's size in the stages' em (poster.css)
# The smallest stage names (pt on A3; in proportion on other paper): up to 8 stages, up to 12.
FLOORS_PT = ((8, 20.0), (12, 18.0))
# The largest stage scale by the number of stages: few stages take larger type.
CAPS = {1: 1.5, 2: 1.45, 3: 1.35, 4: 1.25, 5: 1.15, 6: 1.05, 7: 1.0, 8: 0.95}
SMALLEST_CAP = 0.9
STEP = 0.05
STAGES_EXPONENT = 1.0  # the stages' height grows about as their type (measured on the examples)
# The title's scale steps (× 5.4rem) and the lines each may take, largest first.
TITLE_STEPS = ((1.0, 2), (0.9, 2), (0.8, 2), (0.7, 3), (0.6, 3), (0.5, 4), (0.4, 5))
BRING_BESIDE = 1.0  # …and the stages keep this scale or more beside it
LINE_END_SLACK = 1.3  # a wrapped line leaves room at its end: lines ≈ advance × this ÷ width


def floor_pt(stage_count: int) -> float:
    """The smallest stage name (pt on A3) for this many stages."""
    return next((pt for most, pt in FLOORS_PT if stage_count <= most), FLOORS_PT[-1][1])


def stage_scales(stage_count: int) -> tuple[float, ...]:
    """The stages' scale steps, from the cap for this many stages down to the floor."""
    cap = CAPS.get(stage_count, SMALLEST_CAP)
    floor = math.ceil(floor_pt(stage_count) / (A3_ROOT_PT * STAGE_NAME_EM) * 100) / 100
    steps = [round(cap - STEP * i, 2) for i in range(int((cap - floor) / STEP) + 1)]
    return (*steps, floor) if steps[-1] > floor else tuple(steps)


def stages_hold(layout: Layout, count: int) -> bool:
    """The stages fit their room, each of the `count` names is laid out (a box pushed off
    the sheet is not), and each deadline where the template marks them (a column's last
    deadline can go off the sheet under a name that stays), and none of their text is cut
    off or overprinted. A template that marks no stages (a user's own, without
    `data-room`/`data-field`) is not judged."""
    if "stages" not in layout.rooms and not any(f.startswith("stages") for f in layout.lines):
        return True
    crowded = any(
        trouble.field.startswith("stages") or trouble.other.startswith("stages")
        for trouble in layout.troubles
    )
    marks_deadlines = any(f.startswith("stages.") and f.endswith(".deadline") for f in layout.lines)
    parts = ("name", "deadline") if marks_deadlines else ("name",)
    shown = all(
        layout.lines.get(f"stages.{n}.{part}", 0) for n in range(1, count + 1) for part in parts
    )
    return shown and not crowded and layout.rooms.get("stages", 0.0) <= 1.0


class PosterPlan:
    """The stages' largest scale that holds (a size search), with the largest title step
    whose measured lines stay within the step's limit."""

    def __init__(self, stage_count: int, bring: bool) -> None:
        scales = stage_scales(stage_count)
        self.title_steps = TITLE_STEPS[2:] if stage_count > MANY_STAGES else TITLE_STEPS
        phases: tuple[Phase, ...] = (Phase(scales, extra=(("bring", 0),)),)
        large = tuple(scale for scale in scales if scale >= BRING_BESIDE)
        if bring and large:  # what to bring, only beside stages in large type
            phases = (Phase(large, extra=(("bring", 1),)), *phases)
        start = len(phases[0].sizes) // 2
        self.count = stage_count
        self.stages = SizeSearch(
            "stages",
            phases,
            lambda layout, _: stages_hold(layout, stage_count),
            start=start,
            exponent=STAGES_EXPONENT,
        )

    def first(self) -> Values:
        return {**self.stages.first(), "title": self.title_steps[0][0]}

    def next(self, values: Values, layout: Layout, tried: Mapping[Key, Layout]) -> Values | None:
        title = self._title(values["title"], layout, tried)
        same_title = {
            key_of({k: v for k, v in key if k != "title"}): measured
            for key, measured in tried.items()
            if dict(key)["title"] == title
        }
        own = {k: v for k, v in values.items() if k != "title"}
        if title != values["title"]:
            layout = _with_title(layout, values["title"], title, self._lines_at(title, layout))
        stages = self.stages.next(own, layout, same_title)
        if stages is None and title == values["title"]:
            return None
        return {**(stages or own), "title": title}  # (one laid out before is not again)

    def settle(self, values: Values, tried: Mapping[Key, Layout]) -> Values:
        """The largest stages whose layout held with a title within its lines; else this one."""
        good = [
            (-dict(key)["stages"], -dict(key)["title"], key)
            for key, layout in tried.items()
            if stages_hold(layout, self.count) and not _title_too_long(key, layout)
        ]
        return dict(min(good)[2]) if good else values

    def _lines_at(self, step: float, layout: Layout) -> int:
        """The title's lines at this step, predicted from its measured advance and width."""
        width = layout.width.get("title", 0.0)
        if width <= 0:
            return layout.lines.get("title", 1)
        return max(1, math.ceil(layout.advance.get("title", 0.0) * LINE_END_SLACK * step / width))

    def _title(self, scale: float, layout: Layout, tried: Mapping[Key, Layout]) -> float:
        """The largest title step predicted (from the title's measured advance) to keep
        within its lines, and not yet seen to break them."""
        lines, width = layout.lines.get("title", 1), layout.width.get("title", 0.0)
        if width <= 0:
            return scale
        failed = {dict(key)["title"] for key, seen in tried.items() if _title_too_long(key, seen)}
        for step, most in self.title_steps:
            predicted = lines if step == scale else self._lines_at(step / scale, layout)
            if step not in failed and predicted <= most:
                return step
        return TITLE_STEPS[-1][0]


def _with_title(layout: Layout, old: float, new: float, lines: int) -> Layout:
    """The layout as the stages would see it with the title at another step: the head
    grows or shrinks by the title's change in height, and the stages' room with it."""
    height = layout.room_height.get("stages", 0.0)
    title = layout.extent.get("title", 0.0)
    if height <= 0 or title <= 0:
        return layout
    change = title - title * new / old * lines / max(1, layout.lines.get("title", 1))
    used = layout.rooms.get("stages", 0.0) * height / max(1.0, height + change)
    return replace(layout, rooms={**layout.rooms, "stages": used})


def _title_too_long(key: Key, layout: Layout) -> bool:
    scale = dict(key)["title"]
    most = dict(TITLE_STEPS).get(scale, TITLE_STEPS[-1][1])
    return layout.lines.get("title", 1) > most


def poster_plan(config: Config, standard: Standard) -> PosterPlan:
    return PosterPlan(len(standard.stages), bring=bool(bring_list(standard)))
