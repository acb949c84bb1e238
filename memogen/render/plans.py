"""Each fitted artifact's plan: what sizes it tries, in what order, and which layout it
keeps. What a measured layout tells the owner is in `verdicts`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from memogen.data.config_model import Config
from memogen.data.models import Standard
from memogen.outputs import ArtifactKind, FitPlan
from memogen.render import poster_fit
from memogen.render.fitting import Key, Plan, Values, key_of
from memogen.render.formats.layout import Layout
from memogen.render.size_search import Phase, SizeSearch

# The memo's body size (pt), largest first: the largest that keeps one page is used.
MEMO_SIZES = {"A4": (11.0, 10.5, 10.0, 9.5, 9.0), "A5": (10.0, 9.5, 9.0)}
TWO_PAGE_SIZES = (12.0, 11.5, 11.0, 10.5, 10.0, 9.5, 9.0)  # a memo that must take two pages
LEAST_FILL_OF_TWO = 0.45  # a memo on two pages reaches this far down each (a third of ink)

PlanMaker = Callable[[Config, Standard], Plan]


def memo_plan(config: Config, standard: Standard) -> Plan:
    """One page at the largest body size; then a compact layout at the smallest; then two
    pages, each at least a third full: the stages on the first and the rest on the second,
    else one flow over both, at the largest size that holds. An A5 memo is compact from the
    start: five columns do not fit its width."""
    sizes = MEMO_SIZES[config.memo.size]
    compact = 1 if config.memo.size == "A5" else 0
    one_page: tuple[Phase, ...] = (Phase(sizes, extra=(("compact", compact), ("split", 0))),)
    if not compact:
        one_page += (Phase(sizes[-1:], extra=(("compact", 1), ("split", 0))),)
    two_pages = tuple(  # up to a larger size: the second page as full as it gets
        Phase(TWO_PAGE_SIZES, pages=2, extra=(("compact", compact), ("split", split)))
        for split in (1, 0)
    )
    return SizeSearch(
        "body",
        one_page + two_pages,
        lambda layout, phase: layout.pages <= phase.pages,
        start=len(sizes) - 1,  # most memos are dense: the smallest size settles them soonest
        balanced=lambda layout: layout.pages == 1 or min(layout.fill) >= LEAST_FILL_OF_TWO,
    )


# The guide's choices, in order of preference: its body size (pt), and how many of its last
# sections start a new page together (0: none) so that its last page is not nearly empty.
GUIDE_CHOICES = ((9.2, 0), (9.2, 3), (9.2, 4), (9.4, 0), (9.0, 0), (9.2, 5))
LEAST_GUIDE_FILL = 0.25  # of a page after the first, down to the bottom of its content


@dataclass(frozen=True)
class BalancePlan:
    """Choices in order of preference; the first whose pages after the first are each at
    least `least` full, else the one whose emptiest such page is fullest."""

    choices: tuple[Values, ...]
    least: float

    def first(self) -> Values:
        return self.choices[0]

    def next(self, values: Values, layout: Layout, tried: Mapping[Key, Layout]) -> Values | None:
        if self._balanced(layout):
            return None
        untried = [choice for choice in self.choices if key_of(choice) not in tried]
        return untried[0] if untried else None

    def settle(self, values: Values, tried: Mapping[Key, Layout]) -> Values:
        order = [key_of(choice) for choice in self.choices]
        balanced = [key for key in order if key in tried and self._balanced(tried[key])]
        if balanced:
            return dict(balanced[0])
        emptiest = {key: min(layout.fill[1:], default=1.0) for key, layout in tried.items()}
        fullest: Key = max(emptiest, key=emptiest.__getitem__)
        return dict(fullest)

    def _balanced(self, layout: Layout) -> bool:
        return min(layout.fill[1:], default=1.0) >= self.least


def guide_plan(config: Config, standard: Standard) -> Plan:
    choices = tuple({"body": size, "move": moved} for size, moved in GUIDE_CHOICES)
    return BalancePlan(choices, LEAST_GUIDE_FILL)


PLANS: dict[FitPlan, PlanMaker] = {
    "page": memo_plan,
    "pages": guide_plan,
    "sheet": poster_fit.poster_plan,
}


def plan_for(kind: ArtifactKind, config: Config, standard: Standard) -> Plan | None:
    """The plan of an artifact the table says is fitted; None for one laid out as it is."""
    return PLANS[kind.fit](config, standard) if kind.fit else None
