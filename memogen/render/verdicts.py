"""What a measured layout tells the owner: each trouble located at the field that holds
the text, why a memo takes two pages, and the poster's refusal and legibility warnings."""

from __future__ import annotations

from memogen.data.config_model import Config
from memogen.data.document import Document, KeyPath
from memogen.data.models import Standard
from memogen.errors import Issue, UserError
from memogen.i18n import N_, _, current, ngettext
from memogen.render import poster_fit
from memogen.render.font_metrics import cap_height_ratio
from memogen.render.formats.layout import Layout, Trouble
from memogen.render.labels import LABELS
from memogen.render.poster_sheet import paper_scale

# The parts of a memo a warning may name (their fields, as memo.html.j2 marks them).
MEMO_PARTS = {
    "stages": N_("stages"),
    "inputs": N_("inputs"),
    "result.criteria": N_("result criteria"),
    "contacts": N_("contacts"),
    "service_rules": N_("service rules"),
    "summary": N_("summary"),
}
TALLEST_NAMED = 3  # stages named as the ones to shorten


def too_long(layout: Layout, artifact: str) -> str:
    """What makes a document longer than one page, measured: its largest part's share of a
    page and, for the stages, the tallest ones."""
    height = layout.page_height or 1.0
    parts = {part: layout.extent.get(part, 0.0) / height for part in MEMO_PARTS}
    largest = max(parts, key=lambda part: parts[part])
    named = artifact if current() == "en" else LABELS[current()][f"kind_{artifact}"]
    taken = ngettext(
        "the {artifact} takes {pages} pages, not one, even in its compact layout",
        "the {artifact} takes {pages} pages, not one, even in its compact layout",
        layout.pages,
    ).format(artifact=named, pages=layout.pages)
    if not parts[largest]:  # a template that marks no part (a user's own)
        return _("{taken} (shorten it)").format(taken=taken)
    part = _(MEMO_PARTS[largest])
    fix = _("shorten the {part}").format(part=part)
    rows = {  # the stages' own rows (`stages.3`), not their parts (`stages.3.name`)
        int(field.removeprefix("stages.")): extent
        for field, extent in layout.extent.items()
        if field.startswith("stages.") and field.removeprefix("stages.").isdigit()
    }
    if largest == "stages" and rows:
        tallest = sorted(sorted(rows, key=lambda n: -rows[n])[:TALLEST_NAMED])
        fix = _("shorten the results of stages {numbers}").format(numbers=_listed(tallest))
    need = _("{taken}: the {part} need {share:.0%} of a page ({fix})")
    return need.format(taken=taken, part=part, share=parts[largest], fix=fix)


def _listed(numbers: list[int]) -> str:
    words = [str(n) for n in numbers]
    if len(words) == 1:
        return words[0]
    return _("{some} and {last}").format(some=", ".join(words[:-1]), last=words[-1])


_SAYS = {
    "edge": (
        N_("text runs past the edge of its column"),
        N_("break the long word with a space or a hyphen, or shorten it"),
    ),
    "clipped": (N_("text is cut off"), N_("shorten it")),
    "overlap": (N_("text is printed over other text"), N_("shorten it")),
}


def trouble_warnings(layout: Layout, document: Document | None, pdf_name: str) -> list[str]:
    """One warning per trouble (once, whatever pages it is on), located at its field when
    the template marks one."""
    warnings = (_warning(trouble, document, pdf_name) for trouble in layout.troubles)
    return list(dict.fromkeys(warnings))


def _warning(trouble: Trouble, document: Document | None, pdf_name: str) -> str:
    what, hint = (_(text) for text in _SAYS[trouble.kind])
    quoted = _('{pdf}: {what} ("{words}")').format(pdf=pdf_name, what=what, words=trouble.words)
    if document is None or not trouble.field:
        return _("{quoted} on page {page} ({hint})").format(
            quoted=quoted, page=trouble.page, hint=hint
        )
    return _located(document, trouble.field, quoted, hint).text()


def _located(document: Document, dotted: str, message: str, hint: str) -> Issue:
    line, col = document.where(key_path(dotted))
    return Issue(document.file, line, col, dotted, message, hint, "warning")


# The poster's key text (DIN 1450 and ISO 3864: what must read from the viewing distance).
KEY_TEXT = {"title": N_("title"), "deadline": N_("total deadline")}
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
            message = _(
                "{pdf}: the {what}'s capital letters are {capitals:.1f} mm high: they read "
                "from {reach:.1f} m, not from {distance:g} m (poster.viewing_distance)"
            ).format(pdf=pdf_name, what=_(what), capitals=capitals, reach=reach, distance=distance)
            hint = _("shorten it so that it takes larger type, or print the poster larger")
            issue = _located(document, name, message, hint) if document else None
            warnings.append(issue.text() if issue else f"{message} ({hint})")
    return warnings


def _too_many_stages(config: Config, standard: Standard, document: Document | None) -> Issue:
    size, count = config.poster.size, len(standard.stages)
    smallest = poster_fit.floor_pt(count) * paper_scale(config)
    larger = {"A4": "A3", "A3": "A2"}.get(size)
    hint = _("shorten the stage names and performers, or merge stages")
    if larger:
        hint = _(
            "shorten the stage names and performers, or merge stages, or print it on {larger} "
            "(poster.size: {larger} in memogen.yaml)"
        ).format(larger=larger)
    line, col = document.where(("stages",), at_key=True) if document else (1, 1)
    return Issue(
        document.file if document else standard.id,
        line,
        col,
        "stages",
        ngettext(
            "the {size} poster cannot hold these {count} stages with names of at least "
            "{smallest:.0f} pt",
            "the {size} poster cannot hold these {count} stages with names of at least "
            "{smallest:.0f} pt",
            count,
        ).format(size=size, count=count, smallest=smallest),
        hint,
    )


def key_path(dotted: str) -> KeyPath:
    """`stages.3.name` → ("stages", 2, "name"): the printed path, 1-based, back to the data's."""
    return tuple(int(part) - 1 if part.isdigit() else part for part in dotted.split("."))
