"""Models → what templates print: labels, worded deadlines, dates, safe rich text, graphics.

Templates hold no logic; everything they show is computed here, ready to print.
Rich (Markdown) fields become `Rich` values with `.html`, `.inline`, `.md` and
`.text` forms, each already made safe for its medium.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import date
from typing import Any

from babel.dates import format_date

from memogen.data import durations
from memogen.data.config_model import Config
from memogen.data.models import Standard
from memogen.render import markup
from memogen.render.diagram import DiagramStage, stage_diagram
from memogen.render.labels import LABELS, LANGUAGE_NAMES
from memogen.render.qr import qr_svg

PAGE_SIZES_MM = {"A5": (148, 210), "A4": (210, 297), "A3": (297, 420), "A2": (420, 594)}


@dataclass(frozen=True)
class Rich:
    """One Markdown field in every form an output needs."""

    html: str
    inline: str
    md: str
    text: str

    @classmethod
    def of(cls, source: str) -> Rich:
        # A no-break space keeps a dash off the start of a line (Russian typography; it
        # also avoids a WeasyPrint line-breaking quirk that strands a lone dash).
        source = source.replace(" — ", "\u00a0— ")
        return cls(
            markup.to_html(source),
            markup.to_inline_html(source),
            markup.to_safe_markdown(source),
            markup.to_plain_text(source),
        )


def rich(source: str | None) -> Rich | None:
    return Rich.of(source) if source else None


def standard_context(standard: Standard, config: Config) -> dict[str, Any]:
    """Everything the memo, guide, poster and email templates of one standard print."""
    lang = standard.language or config.language
    labels = LABELS[lang]
    request = standard.request
    stages = [_stage(number, stage, lang) for number, stage in enumerate(standard.stages, 1)]
    return {
        "lang": lang,
        "t": labels,
        "org": config.organisation or "",
        "logo": config.logo_uri,  # a verified data: URI, or ""
        "logo_alt": config.organisation or labels["logo"],
        "brand": config.brand,
        "page": _pages(config),
        "s": standard,
        "id": standard.id,
        "title": standard.title,
        "summary": Rich.of(standard.summary),
        "deadline": durations.word(standard.deadline, lang),
        "acknowledge": durations.word(request.acknowledge_within, lang)
        if request.acknowledge_within
        else "",
        "effective": _date(standard.effective, lang),
        "version": standard.version or "",
        "channel": labels[f"channel_{request.channel}"],
        "steps": [Rich.of(step) for step in request.steps],
        "hard_parts": [
            {"title": part.title, "text": Rich.of(part.text)} for part in request.hard_parts
        ],
        "inputs": [
            {
                "name": item.name,
                "description": rich(item.description),
                "example": item.example or "",
                "required": item.required,
            }
            for item in standard.inputs
        ],
        "stages": stages,
        "criteria": [Rich.of(item) for item in standard.result.criteria],
        "delivery": rich(standard.result.delivery),
        "changes": _changes(standard, labels),
        "contacts": list(standard.contacts),
        # Company rules are written in the company's language; another language gets only its own.
        "rules": [
            *(config.service_rules if lang == config.language else []),
            *standard.service_rules,
        ],
        "faq": [{"q": item.q, "a": Rich.of(item.a)} for item in standard.faq],
        "feedback_url": standard.feedback.url if standard.feedback else "",
        "slogan": standard.poster.slogan if standard.poster and standard.poster.slogan else "",
        "form_qr": qr_svg(request.form_url, config.brand.primary) if request.form_url else "",
        "feedback_qr": qr_svg(standard.feedback.url) if standard.feedback else "",
        "diagram": _diagram(stages, config, labels),
        "footer": _footer(standard, labels, lang),
        "client_stages": [stage for stage in stages if stage["client_action"]],
        "main_contact": standard.contacts[0] if standard.contacts else standard.owner,
        "email_intro": labels["email_intro"].format(title=standard.title),
        "on_brand": _on_brand(config),
        "poster_fit": _poster_fit(config, standard, stages, labels),
    }


def catalogue_context(
    standards: list[Standard],
    config: Config,
    files: dict[str, list[str]],
) -> dict[str, Any]:
    """The catalogue: standards grouped by department, with links to their files."""
    lang = config.language
    departments: dict[str, list[dict[str, Any]]] = {}
    for standard in sorted(standards, key=lambda s: (s.department.casefold(), s.title.casefold())):
        own = standard.language or lang
        departments.setdefault(standard.department, []).append(
            {
                "id": standard.id,
                "title": standard.title,
                "language": LANGUAGE_NAMES[own],
                "lang": own,
                "version": standard.version or "—",
                "effective": _date(standard.effective, lang) or "—",
                "deadline": durations.word(standard.deadline, lang),
                "files": files.get(standard.id, []),
                **_catalogue_links(standard.id, files.get(standard.id, []), LABELS[lang]),
            }
        )
    return {
        "lang": lang,
        "t": LABELS[lang],
        "org": config.organisation or "",
        "logo": config.logo_uri,  # a verified data: URI, or ""
        "logo_alt": config.organisation or LABELS[lang]["logo"],
        "brand": config.brand,
        "departments": sorted(departments.items()),
        "count": len(standards),
    }


# The catalogue lists a standard's files by kind, in this order, each kind's formats in theirs.
CATALOGUE_KINDS = ("guide", "memo", "poster", "email")
CATALOGUE_FORMATS = ("html", "pdf", "png", "md", "eml", "txt")


def _catalogue_links(
    standard_id: str,
    names: list[str],
    labels: dict[str, str],
) -> dict[str, Any]:
    """A standard's files as readable, relative links: one group per kind ("Гид": HTML, PDF…),
    each link named in full ("Гид PDF"); files of no known kind come last under their own name.
    `href` is the page the title opens: the guide, else the memo, else the first file."""
    known: dict[str, dict[str, str]] = {}
    others = []
    for name in names:
        kind, _, extension = name.partition(".")
        if kind in CATALOGUE_KINDS and extension in CATALOGUE_FORMATS:
            known.setdefault(kind, {})[extension] = name
        else:
            others.append({"href": f"{standard_id}/{name}", "label": name, "format": name})
    groups = []
    for kind in CATALOGUE_KINDS:
        if kind not in known:
            continue
        links = [
            {
                "href": f"{standard_id}/{known[kind][extension]}",
                "label": f"{labels[f'kind_{kind}']} {labels[f'format_{extension}']}",
                "format": labels[f"format_{extension}"],
            }
            for extension in CATALOGUE_FORMATS
            if extension in known[kind]
        ]
        groups.append({"kind": labels[f"kind_{kind}"], "links": links})
    if others:
        groups.append({"kind": labels["files"], "links": others})
    pages = [f"{kind}.html" for kind in ("guide", "memo", "poster", "email")]
    main = next((name for name in pages if name in names), names[0] if names else "")
    return {"groups": groups, "href": f"{standard_id}/{main}" if main else ""}


def _stage(number: int, stage: Any, lang: str) -> dict[str, Any]:
    return {
        "number": number,
        "name": stage.name,
        "performer": stage.performer or "",
        "deadline": durations.word(stage.deadline, lang),
        "result": rich(stage.result),
        "client_action": rich(stage.client_action),
    }


def _changes(standard: Standard, labels: dict[str, str]) -> list[dict[str, str]]:
    if standard.changes is None:
        return []
    moments = ("before_start", "in_progress", "after_delivery")
    return [
        {"when": labels[moment], "text": getattr(standard.changes, moment)}
        for moment in moments
        if getattr(standard.changes, moment)
    ]


def _diagram(stages: list[dict[str, Any]], config: Config, labels: dict[str, str]) -> str:
    cards = [
        DiagramStage(
            s["number"], s["name"], s["deadline"], s["performer"], s["client_action"] is not None
        )
        for s in stages
    ]
    return stage_diagram(
        cards, config.brand.primary, config.brand.accent, labels["you_act"], labels["how_it_works"]
    )


def _pages(config: Config) -> dict[str, Any]:
    poster_w, poster_h = PAGE_SIZES_MM[config.poster.size]
    if config.poster.orientation == "landscape":
        poster_w, poster_h = poster_h, poster_w
    return {
        "memo": config.memo.size,
        "poster": f"{config.poster.size} {config.poster.orientation}",
        "poster_scale": poster_w / PAGE_SIZES_MM["A3"][0],
        "poster_landscape": config.poster.orientation == "landscape",
    }


def _on_brand(config: Config) -> dict[str, str]:
    """The readable text colour on each brand colour (white or ink), whatever the brand is."""
    return {name: _text_on(getattr(config.brand, name)) for name in ("primary", "accent")}


def _text_on(background: str) -> str:
    def channel(hex2: str) -> float:
        c = int(hex2, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    value = background.lstrip("#")
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    r, g, b = (channel(value[i : i + 2]) for i in (0, 2, 4))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    # contrast with white vs with the theme's ink (#1d232b, luminance ≈ 0.016)
    return "#ffffff" if 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.066 else "#1d232b"


# Poster measures in A3 units: 1rem = 10pt = 3.53mm on A3; every size in poster.html.j2 is in
# rem, and the root size follows the paper, so one estimate serves A4, A3 and A2 alike.
_REM = 10 * 25.4 / 72
_SIDE = 44 + 3.6  # landscape: the column beside the head and the timeline, and its gap (rem)


def _poster_fit(
    config: Config, standard: Standard, stages: list[dict[str, Any]], labels: dict[str, str]
) -> dict[str, Any]:
    """Poster measures, ready to print as CSS. Type scales with the paper's short side (A3 = 1);
    the title and the stages take the largest type with which everything fits on the page,
    estimated from the texts (bold DejaVu Sans advances ~0.66 em a character in Russian)."""
    lang = standard.language or config.language
    width, height = PAGE_SIZES_MM[config.poster.size]
    landscape = config.poster.orientation == "landscape"
    if landscape:
        width, height = height, width
    scale = min(width, height) / PAGE_SIZES_MM["A3"][0]
    margin = round(12 * scale, 1)  # as printed, so that the sheet never exceeds the page area
    sheet_w, sheet_h = width - 2 * margin - 0.2, height - 2 * margin - 0.2
    w, h = sheet_w / scale / _REM, sheet_h / scale / _REM  # the sheet in A3 rem
    head_w = w - 7.2 - (_SIDE if landscape else 0)
    title_scale = _title_scale(standard.title, head_w, 5.4)
    slogan = standard.poster.slogan if standard.poster and standard.poster.slogan else ""
    head = (
        5
        + 1.2
        + 2 * _lines(f"{config.organisation} · {standard.department}", head_w, 1.6)
        + 1.1
        + 5.4 * title_scale * 1.06 * _lines(standard.title, head_w, 5.4 * title_scale)
        + (1.3 + 3 * _lines(slogan, head_w, 2.4, 0.55) if slogan else 0)
    )
    request = standard.request
    act_w = (w - _SIDE - 21 - 2.4) if landscape else (w - 23 - 3.2)
    act = 3.8 + 2.75 * sum(
        _lines(text, act_w, 1.8, 0.6)
        for text in (
            request.form_name or labels[f"channel_{request.channel}"],
            request.form_url or "",
            labels["scan_to_open"] if request.form_url else "",
            f"{labels['send_to']}: {request.address}" if request.address else "",
        )
        if text
    )
    if landscape:
        total = 4.8 + 2.75 + 2 + 4.6 * _lines(durations.word(standard.deadline, lang), 38, 3.7)
        room = h - max(head, total) - 2.8 - 2 * 2
        stages_w = w - _SIDE
    else:
        bottom = max(23, act + 1.4 + 10) if request.form_url else act + 1.4 + 10
        room = h - head - 10.5 - bottom - 2.8 - 4 * 2
        stages_w = w
    columns = 1 if len(stages) <= 6 else 2
    rows = -(-len(stages) // columns)
    cap = {1: 1.1, 2: 1.1, 3: 1.1, 4: 1.05, 5: 1.0, 6: 0.9}.get(len(stages), 0.8)
    steps = [cap] + [step / 100 for step in range(int(cap * 100) - 5, 34, -5)]
    stage_scale = next(
        (
            step
            for step in steps
            if _stages_height(
                stages, step, (stages_w - 3 * (columns - 1)) / columns, columns, labels
            )
            <= room * 0.96
        ),
        0.35,
    )
    return {
        "root": f"{10 * scale:.2f}pt",
        "margin": f"{margin:.1f}mm",
        "sheet_width": f"{sheet_w:.1f}mm",
        "sheet_height": f"{sheet_h:.1f}mm",
        "columns": columns,
        "rows": rows,
        # each stage's place in the timeline's flex rows: the columns side by side
        # (1, 7, 2, 8, …) while the list itself keeps its reading order
        "order": [i % rows * columns + i // rows for i in range(len(stages))],
        "stage_scale": stage_scale,
        "title_scale": title_scale,
    }


def _stages_height(
    stages: list[dict[str, Any]], scale: float, column: float, columns: int, labels: dict[str, str]
) -> float:
    """The timeline's height in rem at this type scale: its heading and its tallest column."""
    em = scale
    stacked = columns > 1  # two columns: the deadline goes under the name
    deadline_w = 0 if stacked else max(len(s["deadline"]) for s in stages) * 2.5 * 0.64 * em
    text_w = column - 6.6 * em - deadline_w
    heights = []
    for stage in stages:
        performer = stage["performer"] + (f" {labels['you_act']}" if stage["client_action"] else "")
        rows = (
            1.1
            + 2.7 * 1.12 * _lines(stage["name"], text_w / em, 2.7)
            + (1.7 * 1.25 * _lines(performer, text_w / em, 1.7, 0.6) + 0.5 if performer else 0)
            + (3.8 if stacked else 0)
        )
        heights.append(max(rows, 5.0) * em)
    per_column = -(-len(stages) // columns)
    tallest = max(sum(heights[i : i + per_column]) for i in range(0, len(heights), per_column))
    return 1.9 * 1.85 * em + tallest


def _lines(text: str, width: float, size: float, advance: float | None = None) -> int:
    """How many lines `text` takes in a `width` (rem) at a type `size` (rem): an estimate."""
    if not text:
        return 0
    if advance is None:
        advance = 0.68 if any("\u0400" <= ch <= "\u04ff" for ch in text) else 0.62
    return len(textwrap.wrap(text, max(1, int(width / (size * advance))))) or 1


def _title_scale(title: str, width: float, size: float) -> float:
    """The largest step of the title's type that keeps it to two lines (more, if it is long)."""
    steps = [(1.0, 2), (0.9, 2), (0.8, 2), (0.7, 2), (0.7, 3), (0.6, 3), (0.5, 4), (0.4, 5)]
    return next((step for step, lines in steps if _lines(title, width, size * step) <= lines), 0.35)


def _date(value: date | None, lang: str) -> str:
    return format_date(value, format="long", locale=lang) if value else ""


def _footer(standard: Standard, labels: dict[str, str], lang: str) -> str:
    parts = []
    if standard.version:
        parts.append(f"{labels['version']} {standard.version}")
    if standard.effective:
        parts.append(f"{labels['effective']} {_date(standard.effective, lang)}")
    parts.append(f"{labels['owner']}: {standard.owner.name}")
    return " · ".join(parts)
