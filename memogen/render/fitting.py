"""Type that fits, chosen by laying the document out and measuring it, never from lengths.

A fitted artifact's templates read `fit` (named sizes, such as the memo's body size) from
their context. The fitting renders the templates with a first choice, lays the document
out with WeasyPrint, measures it (`formats.layout`) and lets the artifact's plan choose
again from what it measured (a document that takes 1.3 times its page is laid out again
at a size predicted to fit, then checked), until the plan accepts a layout. Layouts are
kept by choice: no choice is laid out twice. The layout accepted is the one written.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from memogen.render.formats import pdf
from memogen.render.formats.layout import Layout, measure

MAX_LAYOUTS = 6  # a plan that has not settled by then keeps the best layout it has
Values = dict[str, float]
Make = Callable[[Values], tuple[str, str]]  # fit values → the HTML and its print CSS


@dataclass
class Fitted:
    """One laid-out choice: its values, its sources, its layout and its measurements."""

    values: Values
    html: str
    print_css: str
    laid: pdf.Laid
    layout: Layout
    layouts: int = 1  # how many layouts the fitting took in all


class Plan(Protocol):
    """How an artifact chooses its sizes."""

    def first(self) -> Values:
        """The choice to lay out first."""

    def next(self, values: Values, layout: Layout, tried: Mapping[Key, Layout]) -> Values | None:
        """The choice to lay out next, from this one's layout; None keeps this one."""

    def settle(self, values: Values, tried: Mapping[Key, Layout]) -> Values:
        """The choice to keep once the search stops (also when it ran out of layouts)."""


Key = tuple[tuple[str, float], ...]


def key_of(values: Values) -> Key:
    return tuple(sorted(values.items()))


def fit(make: Make, plan: Plan | None) -> Fitted:
    """Lay out the plan's choices until it accepts one; without a plan, lay out once."""
    values = plan.first() if plan else {}
    tried: dict[Key, Fitted] = {}
    for _ in range(2 * MAX_LAYOUTS):  # a plan may go back to a choice already laid out
        current = tried.get(key_of(values)) or _lay_out(make, values)
        tried[key_of(values)] = current
        if plan is None or len(tried) >= MAX_LAYOUTS:
            break
        following = plan.next(values, current.layout, _layouts(tried))
        if following is None:
            break
        values = following
    else:  # out of turns: the last choice named was not laid out
        values = current.values
    if plan is not None:
        current = tried[key_of(plan.settle(values, _layouts(tried)))]
    current.layouts = len(tried)
    return current


def _layouts(tried: Mapping[Key, Fitted]) -> dict[Key, Layout]:
    return {key: fitted.layout for key, fitted in tried.items()}


def _lay_out(make: Make, values: Values) -> Fitted:
    html, print_css = make(values)
    laid = pdf.lay_out(html, print_css)
    return Fitted(values, html, print_css, laid, measure(laid.document.pages))


@dataclass(frozen=True)
class Phase:
    """Sizes to try, largest first, for a layout of at most `pages` pages, with `extra`
    values (e.g. a compact layout) that the templates read."""

    sizes: tuple[float, ...]
    pages: int = 1
    extra: tuple[tuple[str, float], ...] = ()


EXPONENT = 1.25  # a layout's height grows with its type's size to this power, until measured
HOPELESS = 1.1  # predicted to need this much of its room at the smallest size: the next phase
EXPONENTS = (0.7, 3.0)  # the bounds of a measured exponent
ROOM = 0.99  # of the room a prediction may fill: the layout checks it


@dataclass(frozen=True)
class SizeSearch:
    """The largest size of the first phase whose layout holds (`holds`), else of the next.

    Each layout's measured need (its content over its room) predicts the size that fills
    the room: need grows as the size to a power, 1.25 until two layouts measure it. The
    search lays out the largest size predicted to hold between the largest seen to hold
    and the smallest seen not to, and keeps the largest that held when none is left."""

    name: str
    phases: tuple[Phase, ...]
    holds: Callable[[Layout, Phase], bool]  # grows false with the size: what is searched
    start: int = 0  # the size to lay out first, as an index into the first phase's sizes
    exponent: float = EXPONENT  # how need grows with the size, until two layouts measure it
    # what the largest size that holds must also be, else the next phase is tried
    balanced: Callable[[Layout], bool] = lambda layout: True

    def first(self) -> Values:
        return self.values(0, self.phases[0].sizes[self.start])

    def values(self, phase: int, size: float) -> Values:
        chosen = self.phases[phase]
        return {self.name: size, "phase": phase, "pages": chosen.pages, **dict(chosen.extra)}

    def next(self, values: Values, layout: Layout, tried: Mapping[Key, Layout]) -> Values | None:
        number = int(values["phase"])
        phase = self.phases[number]
        points = self._points(number, tried)
        held = [size for size, (holds, _) in points.items() if holds]
        largest_held = max(held, default=0.0)
        smallest_failed = min((s for s, (holds, _) in points.items() if not holds), default=1e9)
        open_sizes = [
            s for s in phase.sizes if s not in points and largest_held < s < smallest_failed
        ]
        if open_sizes:
            size, need = values[self.name], layout.need / phase.pages
            power = _exponent(size, points, self.exponent)
            hopeful = [s for s in open_sizes if need * (s / size) ** power <= ROOM]
            if hopeful:
                return self.values(number, hopeful[0])
            smallest = need * (open_sizes[-1] / size) ** power
            last_phase = number + 1 == len(self.phases)
            if not held and (smallest <= HOPELESS or last_phase):
                return self.values(number, open_sizes[-1])
        if held:
            chosen = self.values(number, largest_held)
            if chosen[self.name] != values[self.name]:
                return chosen  # back to it (laid out already)
            if self.balanced(layout) or number + 1 == len(self.phases):
                return None
            return self._entering(number + 1, values[self.name], layout.need, tried)
        if number + 1 < len(self.phases):
            return self._entering(number + 1, values[self.name], layout.need, tried)
        return None

    def settle(self, values: Values, tried: Mapping[Key, Layout]) -> Values:
        """The earliest phase's largest size that held and is balanced; else, of those that
        held, the one whose emptiest page is fullest; if none held, the layout that came
        closest (fewest pages, then the fullest emptiest page)."""
        held = {
            key: layout
            for key, layout in tried.items()
            if self.holds(layout, self.phases[int(dict(key)["phase"])])
        }
        balanced = [
            (int(dict(key)["phase"]), -dict(key)[self.name], key)
            for key, layout in held.items()
            if self.balanced(layout)
        ]
        if balanced:
            return dict(min(balanced)[2])
        pool = held or tried
        closest = min(pool, key=lambda key: (pool[key].pages, -min(pool[key].fill, default=0)))
        return dict(closest)

    def _points(self, number: int, tried: Mapping[Key, Layout]) -> dict[float, tuple[bool, float]]:
        """This phase's sizes laid out so far: whether each held, and its need."""
        phase = self.phases[number]
        return {
            dict(key)[self.name]: (self.holds(layout, phase), layout.need / phase.pages)
            for key, layout in tried.items()
            if dict(key).get("phase") == number
        }

    def _entering(
        self, number: int, size: float, need: float, tried: Mapping[Key, Layout]
    ) -> Values | None:
        """The first layout of the next phase: the largest size predicted to fit its pages."""
        phase = self.phases[number]
        fitting = [s for s in phase.sizes if need * (s / size) ** EXPONENT <= ROOM * phase.pages]
        candidate = self.values(number, fitting[0] if fitting else phase.sizes[-1])
        return None if key_of(candidate) in tried else candidate


def _exponent(size: float, points: Mapping[float, tuple[bool, float]], guess: float) -> float:
    """How need grows with size, measured from this layout and the nearest other one."""
    own = points.get(size)
    others = [s for s in points if s != size and points[s][1] > 0]
    if own is None or own[1] <= 0 or not others:
        return guess
    nearest = min(others, key=lambda s: abs(s - size))
    measured = math.log(points[nearest][1] / own[1]) / math.log(nearest / size)
    return min(max(measured, EXPONENTS[0]), EXPONENTS[1])
