"""Unit tests for memogen.render.fitting: the fitting loop and the size search, on synthetic
layouts (no WeasyPrint): what is laid out, in what order, and what is kept."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pytest

from memogen.render import fitting
from memogen.render.fitting import (
    MAX_LAYOUTS,
    Fitted,
    Key,
    Values,
    fit,
)
from memogen.render.formats.layout import Layout
from memogen.render.size_search import Phase, SizeSearch


def needing(need: float) -> Layout:
    """A one-page layout (need ≤ 1) or a two-page one whose second page holds the rest."""
    if need <= 1:
        return Layout(pages=1, fill=[need])
    return Layout(pages=2, fill=[1.0, need - 1])


class FakeLayOut:
    """Stands in for `fitting._lay_out`: a layout from `layout_of(values)`, and a record of
    every choice laid out."""

    def __init__(self, layout_of: Callable[[Values], Layout] | None = None) -> None:
        self.laid: list[Values] = []
        self.layout_of = layout_of

    def __call__(self, make: fitting.Make, values: Values) -> Fitted:
        self.laid.append(dict(values))
        html, css = make(values)
        layout = self.layout_of(values) if self.layout_of else Layout(pages=1, fill=[0.5])
        return Fitted(dict(values), html, css, laid=None, layout=layout)  # type: ignore[arg-type]


@pytest.fixture
def lay_out(monkeypatch: pytest.MonkeyPatch) -> FakeLayOut:
    fake = FakeLayOut()
    monkeypatch.setattr(fitting, "_lay_out", fake)
    return fake


def make(values: Values) -> tuple[str, str]:
    return f"<p>{sorted(values.items())}</p>", "@page { size: A4 }"


class ScriptedPlan:
    """A plan that proposes the choices of `script` in turn, then settles on `keep`."""

    def __init__(self, script: list[Values], keep: Values | None = None) -> None:
        self.script = list(script)
        self.keep = keep
        self.asked: list[Values] = []

    def first(self) -> Values:
        return self.script.pop(0)

    def next(self, values: Values, layout: Layout, tried: Mapping[Key, Layout]) -> Values | None:
        self.asked.append(dict(values))
        return self.script.pop(0) if self.script else None

    def settle(self, values: Values, tried: Mapping[Key, Layout]) -> Values:
        return self.keep if self.keep is not None else values


def test_without_a_plan_the_document_is_laid_out_once_with_no_values(lay_out: FakeLayOut) -> None:
    fitted = fit(make, None)
    assert lay_out.laid == [{}]
    assert (fitted.values, fitted.layouts) == ({}, 1)
    assert fitted.html == "<p>[]</p>"


def test_the_plans_first_choice_is_laid_out_first_and_its_next_ones_follow(
    lay_out: FakeLayOut,
) -> None:
    plan = ScriptedPlan([{"body": 9.0}, {"body": 10.0}, {"body": 9.5}])
    fitted = fit(make, plan)
    assert lay_out.laid == [{"body": 9.0}, {"body": 10.0}, {"body": 9.5}]
    assert plan.asked == [{"body": 9.0}, {"body": 10.0}, {"body": 9.5}]
    assert (fitted.values, fitted.layouts) == ({"body": 9.5}, 3)


def test_a_choice_is_never_laid_out_twice(lay_out: FakeLayOut) -> None:
    plan = ScriptedPlan([{"body": 9.0}, {"body": 10.0}, {"body": 9.0}, {"body": 10.0}])
    fitted = fit(make, plan)
    assert lay_out.laid == [{"body": 9.0}, {"body": 10.0}]
    assert fitted.layouts == 2


def test_the_fitting_stops_after_max_layouts_however_many_choices_the_plan_has(
    lay_out: FakeLayOut,
) -> None:
    plan = ScriptedPlan([{"body": float(size)} for size in range(100)])
    fitted = fit(make, plan)
    assert len(lay_out.laid) == MAX_LAYOUTS
    assert fitted.layouts == MAX_LAYOUTS


def test_a_plan_that_keeps_going_back_to_choices_laid_out_still_stops(
    lay_out: FakeLayOut,
) -> None:
    plan = ScriptedPlan([{"body": 9.0}, *[{"body": 9.0 + n % 2} for n in range(100)]])
    fit(make, plan)
    assert lay_out.laid == [{"body": 9.0}, {"body": 10.0}]


def test_the_choice_the_plan_settles_on_is_the_one_kept_with_its_own_sources(
    lay_out: FakeLayOut,
) -> None:
    plan = ScriptedPlan([{"body": 9.0}, {"body": 10.0}, {"body": 11.0}], keep={"body": 10.0})
    fitted = fit(make, plan)
    assert fitted.values == {"body": 10.0}
    assert fitted.html == "<p>[('body', 10.0)]</p>"
    assert fitted.layouts == 3


# The size search, on a memo-like plan: one page at 11–9 pt, a compact page at 9, two pages.
ONE_PAGE = Phase((11.0, 10.5, 10.0, 9.5, 9.0), extra=(("compact", 0),))
COMPACT = Phase((9.0,), extra=(("compact", 1),))
TWO_PAGES = Phase((12.0, 11.0, 10.0, 9.0), pages=2, extra=(("compact", 0),))


def memo_like(start: int = 4, balanced: Callable[[Layout], bool] | None = None) -> SizeSearch:
    return SizeSearch(
        "body",
        (ONE_PAGE, COMPACT, TWO_PAGES),
        lambda layout, phase: layout.pages <= phase.pages,
        start=start,
        balanced=balanced or (lambda layout: True),
    )


def test_the_search_keeps_the_largest_size_that_holds(lay_out: FakeLayOut) -> None:
    needs = {11.0: 1.2, 10.5: 1.1, 10.0: 1.02, 9.5: 0.95, 9.0: 0.85}
    lay_out.layout_of = lambda values: needing(needs[values["body"]])
    fitted = fit(make, memo_like())
    assert fitted.values["body"] == 9.5
    assert fitted.values["phase"] == 0
    assert 9.5 in [values["body"] for values in lay_out.laid]
    assert len(lay_out.laid) < len(needs)  # predicted, not tried one by one


def test_a_plan_that_runs_out_of_turns_settles_from_the_last_choice_laid_out(
    lay_out: FakeLayOut,
) -> None:
    """After 2 × MAX_LAYOUTS turns of going back and forth, the choice the plan names last
    was never laid out: settling from it must not fail (a plan may keep what it is given)."""
    back_and_forth = [{"body": 9.0}, *[{"body": 10.0}, {"body": 9.0}] * (MAX_LAYOUTS - 1)]
    plan = ScriptedPlan([*back_and_forth, {"body": 10.0}, {"body": 11.0}])
    fitted = fit(make, plan)
    assert lay_out.laid == [{"body": 9.0}, {"body": 10.0}]
    assert fitted.values == {"body": 10.0}
