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

from memogen import durations, markup
from memogen.diagram import DiagramStage, stage_diagram
from memogen.labels import LABELS, LANGUAGE_NAMES
from memogen.models import Config, Standard
from memogen.qr import qr_svg

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
        return cls(markup.to_html(source), markup.to_inline_html(source),
                   markup.to_safe_markdown(source), markup.to_plain_text(source))


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
        "brand": config.brand,
        "page": _pages(config),
        "s": standard,
        "id": standard.id,
        "title": standard.title,
        "summary": Rich.of(standard.summary),
        "deadline": durations.word(standard.deadline, lang),
        "acknowledge": durations.word(request.acknowledge_within, lang)
        if request.acknowledge_within else "",
        "effective": _date(standard.effective, lang),
        "version": standard.version or "",
        "channel": labels[f"channel_{request.channel}"],
        "steps": [Rich.of(step) for step in request.steps],
        "hard_parts": [{"title": part.title, "text": Rich.of(part.text)}
                       for part in request.hard_parts],
        "inputs": [{"name": item.name, "description": rich(item.description),
                    "example": item.example or "", "required": item.required}
                   for item in standard.inputs],
        "stages": stages,
        "criteria": [Rich.of(item) for item in standard.result.criteria],
        "delivery": rich(standard.result.delivery),
        "changes": _changes(standard, labels),
        "contacts": list(standard.contacts),
        "rules": [*config.service_rules, *standard.service_rules],
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
        "poster_fit": _poster_fit(config, len(stages), standard.title),
    }


def catalogue_context(standards: list[Standard], config: Config, files: dict[str, list[str]],
                      ) -> dict[str, Any]:
    """The catalogue: standards grouped by department, with links to their files."""
    lang = config.language
    departments: dict[str, list[dict[str, Any]]] = {}
    for standard in sorted(standards, key=lambda s: (s.department.casefold(), s.title.casefold())):
        own = standard.language or lang
        departments.setdefault(standard.department, []).append({
            "id": standard.id, "title": standard.title, "language": LANGUAGE_NAMES[own],
            "lang": own, "version": standard.version or "—",
            "effective": _date(standard.effective, lang) or "—",
            "deadline": durations.word(standard.deadline, lang),
            "files": files.get(standard.id, []),
        })
    return {"lang": lang, "t": LABELS[lang], "org": config.organisation or "",
            "brand": config.brand, "departments": sorted(departments.items()),
            "count": len(standards)}


def _stage(number: int, stage: Any, lang: str) -> dict[str, Any]:
    return {"number": number, "name": stage.name, "performer": stage.performer or "",
            "deadline": durations.word(stage.deadline, lang), "result": rich(stage.result),
            "client_action": rich(stage.client_action)}


def _changes(standard: Standard, labels: dict[str, str]) -> list[dict[str, str]]:
    if standard.changes is None:
        return []
    moments = ("before_start", "in_progress", "after_delivery")
    return [{"when": labels[moment], "text": getattr(standard.changes, moment)}
            for moment in moments if getattr(standard.changes, moment)]


def _diagram(stages: list[dict[str, Any]], config: Config, labels: dict[str, str]) -> str:
    cards = [DiagramStage(s["number"], s["name"], s["deadline"], s["performer"],
                          s["client_action"] is not None) for s in stages]
    return stage_diagram(cards, config.brand.primary, config.brand.accent, labels["you_act"],
                         labels["how_it_works"])


def _pages(config: Config) -> dict[str, Any]:
    poster_w, poster_h = PAGE_SIZES_MM[config.poster.size]
    if config.poster.orientation == "landscape":
        poster_w, poster_h = poster_h, poster_w
    return {"memo": config.memo.size, "poster": f"{config.poster.size} {config.poster.orientation}",
            "poster_scale": poster_w / PAGE_SIZES_MM["A3"][0],
            "poster_landscape": config.poster.orientation == "landscape"}


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
    r, g, b = (channel(value[i:i + 2]) for i in (0, 2, 4))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    # contrast with white vs with the theme's ink (#1d232b, luminance ≈ 0.016)
    return "#ffffff" if 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.066 else "#1d232b"


def _poster_fit(config: Config, stage_count: int, title: str) -> dict[str, Any]:
    """Poster measures, ready to print as CSS: type scales with the paper's short side
    (A3 = 1, so A4 and A2 fill their page alike) and shrinks where there is more to fit."""
    width, height = PAGE_SIZES_MM[config.poster.size]
    landscape = config.poster.orientation == "landscape"
    if landscape:
        width, height = height, width
    scale = min(width, height) / PAGE_SIZES_MM["A3"][0]
    margin = 12 * scale
    if landscape:
        columns = stage_count if stage_count <= 5 else -(-stage_count // 2)
        stage_scale = 1.0 if stage_count <= 5 else 0.8
    else:
        columns = 1 if stage_count <= 6 else 2
        stage_scale = {1: 1.1, 2: 1.1, 3: 1.1, 4: 1.05, 5: 1.0, 6: 0.9}.get(stage_count, 0.74)
    # The title's width in A3 millimetres (minus the head's padding) and its type size
    # (5.4rem portrait, 5rem landscape; 1rem = 10pt on A3): see poster.html.j2.
    title_width = (width - 2 * margin) / scale - 25.4
    title_size = (5 if landscape else 5.4) * 10 * 25.4 / 72
    return {"root": f"{10 * scale:.2f}pt", "margin": f"{margin:.1f}mm",
            "sheet_width": f"{width - 2 * margin:.1f}mm",
            "sheet_height": f"{height - 2 * margin:.1f}mm",
            "columns": columns, "stage_scale": stage_scale,
            "title_scale": _title_scale(title, title_width, title_size)}


def _title_scale(title: str, width: float, size: float) -> float:
    """The largest step of the title's type that keeps it to two lines (or four, if long).

    Bold DejaVu Sans averages ~0.66 em a character in Russian, 0.57 in English: the estimate
    leans to the safe side."""
    advance = 0.68 if any("\u0400" <= ch <= "\u04ff" for ch in title) else 0.62
    steps = [(1.0, 2), (0.9, 2), (0.8, 2), (0.7, 2), (0.7, 3), (0.6, 3), (0.5, 4), (0.4, 5)]
    for step, lines in steps:
        if len(textwrap.wrap(title, max(1, int(width / (size * step * advance))))) <= lines:
            return step
    return 0.35


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
