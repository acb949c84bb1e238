"""Each fitted artifact's plan (what sizes it tries, in what order) and what its measured
layout tells the owner: the troubles found, located at the fields that hold the text."""

from __future__ import annotations

from collections.abc import Callable

from memogen.data.config_model import Config
from memogen.data.document import Document, KeyPath
from memogen.data.models import Standard
from memogen.errors import Issue
from memogen.render import poster_fit
from memogen.render.fitting import Phase, Plan, SizeSearch
from memogen.render.formats.layout import Layout, Trouble

# The memo's body size (pt), largest first: the largest that keeps one page is used.
MEMO_SIZES = {"A4": (11.0, 10.5, 10.0, 9.5, 9.0), "A5": (10.0, 9.5, 9.0)}
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

PlanMaker = Callable[[Config, Standard], Plan]


def memo_plan(config: Config, standard: Standard) -> Plan:
    """One page at the largest body size; then a compact layout at the smallest; then two
    pages at the largest size that keeps two (the second page as full as it gets)."""
    sizes = MEMO_SIZES[config.memo.size]
    return SizeSearch(
        "body",
        (
            Phase(sizes, extra=(("compact", 0),)),
            Phase(sizes[-1:], extra=(("compact", 1),)),
            Phase(sizes, pages=2, extra=(("compact", 0),)),
        ),
        lambda layout, phase: layout.pages <= phase.pages,
        start=len(sizes) - 1,  # most memos are dense: the smallest size settles them soonest
    )


PLANS: dict[str, PlanMaker] = {"memo": memo_plan, "poster": poster_fit.poster_plan}


def too_long(layout: Layout, artifact: str) -> str:
    """What makes a document longer than one page, measured: its largest part's share of a
    page and, for the stages, the tallest ones."""
    height = layout.page_height or 1.0
    parts = {part: layout.extent.get(part, 0.0) / height for part in MEMO_PARTS}
    largest = max(parts, key=lambda part: parts[part])
    fix = f"shorten the {MEMO_PARTS[largest]}"
    if largest == "stages":
        rows = {
            int(field.split(".")[1]): extent
            for field, extent in layout.extent.items()
            if field.count(".") == 1 and field.startswith("stages.")
        }
        tallest = sorted(sorted(rows, key=lambda n: -rows[n])[:TALLEST_NAMED])
        fix = f"shorten the results of stages {_listed(tallest)}"
    return (
        f"the {artifact} takes {layout.pages} pages, not one, even in its compact layout: "
        f"the {MEMO_PARTS[largest]} need {parts[largest]:.0%} of a page ({fix})"
    )


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
    """One warning per trouble, located at its field when the template marks one."""
    return [_warning(trouble, document, pdf_name) for trouble in layout.troubles]


def _warning(trouble: Trouble, document: Document | None, pdf_name: str) -> str:
    what, hint = _SAYS[trouble.kind]
    quoted = f'{pdf_name}: {what} ("{trouble.words}")'
    if document is None or not trouble.field:
        return f"{quoted} on page {trouble.page} ({hint})"
    line, col = document.where(key_path(trouble.field))
    return Issue(document.file, line, col, trouble.field, quoted, hint, "warning").text()


def key_path(dotted: str) -> KeyPath:
    """`stages.3.name` → ("stages", 2, "name"): the printed path, 1-based, back to the data's."""
    return tuple(int(part) - 1 if part.isdigit() else part for part in dotted.split("."))
