"""The size search most plans use: the largest size of a phase whose layout holds, each
next size predicted from what the last layout measured (`fitting` lays them out)."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from memogen.render.fitting import Key, Values, key_of
from memogen.render.formats.layout import Layout


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
