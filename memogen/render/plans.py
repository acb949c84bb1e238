"""Each fitted artifact's plan (what sizes it tries, in what order) and what its measured
layout tells the owner: the troubles found, located at the fields that hold the text."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from memogen.data.config_model import Config
from memogen.data.document import Document, KeyPath
from memogen.data.models import Standard
from memogen.errors import Issue, UserError
from memogen.fonts import cap_height_ratio
from memogen.outputs import ArtifactKind, FitPlan
from memogen.render import poster_fit
from memogen.render.fitting import Key, Phase, Plan, SizeSearch, Values, key_of
from memogen.render.formats.layout import Layout, Trouble

# The memo's body size (pt), largest first: the largest that keeps one page is used.
MEMO_SIZES = {"A4": (11.0, 10.5, 10.0, 9.5, 9.0), "A5": (10.0, 9.5, 9.0)}
TWO_PAGE_SIZES = (12.0, 11.5, 11.0, 10.5, 10.0, 9.5, 9.0)  # a memo that must take two pages
# The parts of a memo a warning may name (their fields, as memo.html.j2 marks them).
MEMO_PARTS = {
    "stages": "stages",
    "inputs": "inputs",
    "result.criteria": "result criteria",
    "contacts": "contacts",
    "service_rules": "service rules",
    "summary": "summary",
}
TALLEST_NAMED = 3  # stages named as the ones to shorten
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


def too_long(layout: Layout, artifact: str) -> str:
    """What makes a document longer than one page, measured: its largest part's share of a
    page and, for the stages, the tallest ones."""
    height = layout.page_height or 1.0
    parts = {part: layout.extent.get(part, 0.0) / height for part in MEMO_PARTS}
    largest = max(parts, key=lambda part: parts[part])
    taken = f"the {artifact} takes {layout.pages} pages, not one, even in its compact layout"
    if not parts[largest]:  # a template that marks no part (a user's own)
        return f"{taken} (shorten it)"
    fix = f"shorten the {MEMO_PARTS[largest]}"
    rows = {  # the stages' own rows (`stages.3`), not their parts (`stages.3.name`)
        int(field.removeprefix("stages.")): extent
        for field, extent in layout.extent.items()
        if field.startswith("stages.") and field.removeprefix("stages.").isdigit()
    }
    if largest == "stages" and rows:
        tallest = sorted(sorted(rows, key=lambda n: -rows[n])[:TALLEST_NAMED])
        fix = f"shorten the results of stages {_listed(tallest)}"
    return f"{taken}: the {MEMO_PARTS[largest]} need {parts[largest]:.0%} of a page ({fix})"


def _listed(numbers: list[int]) -> str:
    words = [str(n) for n in numbers]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


_SAYS = {
    "edge": (
        "text runs past the edge of its column",
        "break the long word with a space or a hyphen, or shorten it",
    ),
    "clipped": ("text is cut off", "shorten it"),
    "overlap": ("text is printed over other text", "shorten it"),
}


def trouble_warnings(layout: Layout, document: Document | None, pdf_name: str) -> list[str]:
    """One warning per trouble (once, whatever pages it is on), located at its field when
    the template marks one."""
    warnings = (_warning(trouble, document, pdf_name) for trouble in layout.troubles)
    return list(dict.fromkeys(warnings))


def _warning(trouble: Trouble, document: Document | None, pdf_name: str) -> str:
    what, hint = _SAYS[trouble.kind]
    quoted = f'{pdf_name}: {what} ("{trouble.words}")'
    if document is None or not trouble.field:
        return f"{quoted} on page {trouble.page} ({hint})"
    return _located(document, trouble.field, quoted, hint).text()


def _located(document: Document, dotted: str, message: str, hint: str) -> Issue:
    line, col = document.where(key_path(dotted))
    return Issue(document.file, line, col, dotted, message, hint, "warning")


# The poster's key text (DIN 1450 and ISO 3864: what must read from the viewing distance).
KEY_TEXT = {"title": "title", "deadline": "total deadline"}
DISTANCE_PER_CAP_HEIGHT = 300  # legible from 300 times the height of the capital letters
MM_PER_PX = 25.4 / 96


def poster_verdicts(
    layout: Layout, config: Config, standard: Standard, document: Document | None, pdf_name: str
) -> list[str]:
    """Refuse a poster whose stages do not fit at the smallest legible size; warn of key
    text too small to read from `poster.viewing_distance`."""
    if not poster_fit.stages_hold(layout, len(standard.stages)):
        raise UserError([_too_many_stages(config, standard, document)])
    distance = config.poster.viewing_distance
    ratio = cap_height_ratio(config.brand.font)
    warnings = []
    for name, what in KEY_TEXT.items():
        if name not in layout.size:
            continue
        capitals = layout.size[name] * MM_PER_PX * ratio
        reach = capitals * DISTANCE_PER_CAP_HEIGHT / 1000
        if reach < distance:
            message = (
                f"{pdf_name}: the {what}'s capital letters are {capitals:.1f} mm high: they read "
                f"from {reach:.1f} m, not from {distance:g} m (poster.viewing_distance)"
            )
            hint = "shorten it so that it takes larger type, or print the poster larger"
            issue = _located(document, name, message, hint) if document else None
            warnings.append(issue.text() if issue else f"{message} ({hint})")
    return warnings


def _too_many_stages(config: Config, standard: Standard, document: Document | None) -> Issue:
    size, count = config.poster.size, len(standard.stages)
    smallest = poster_fit.floor_pt(count) * poster_fit.paper_scale(config)
    larger = {"A4": "A3", "A3": "A2"}.get(size)
    hint = "shorten the stage names and performers, or merge stages"
    if larger:
        hint += f", or print it on {larger} (poster.size: {larger} in memogen.yaml)"
    line, col = document.where(("stages",), at_key=True) if document else (1, 1)
    return Issue(
        document.file if document else standard.id,
        line,
        col,
        "stages",
        f"the {size} poster cannot hold these {count} stages with names of at least "
        f"{smallest:.0f} pt",
        hint,
    )


def key_path(dotted: str) -> KeyPath:
    """`stages.3.name` → ("stages", 2, "name"): the printed path, 1-based, back to the data's."""
    return tuple(int(part) - 1 if part.isdigit() else part for part in dotted.split("."))
