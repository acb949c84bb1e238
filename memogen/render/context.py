"""Models → what templates print: labels, worded deadlines, dates, safe rich text, graphics.

Templates hold no logic; everything they show is computed here, ready to print.
Rich (Markdown) fields become `Rich` values with `.html`, `.inline`, `.md` and
`.text` forms, each already made safe for its medium.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from babel.dates import format_date

from memogen.data import durations
from memogen.data.config_model import Config
from memogen.data.models import Standard
from memogen.outputs import ARTIFACTS
from memogen.render import markup
from memogen.render.ack import ack_rows
from memogen.render.diagram import DiagramStage, stage_diagram
from memogen.render.filters import mailto
from memogen.render.labels import DATE_LOCALES, LABELS
from memogen.render.live import live_links
from memogen.render.moments import worked_example
from memogen.render.poster_sheet import PAGE_SIZES_MM, bring_list, poster_geometry
from memogen.render.qr import qr_svg
from memogen.render.typography import typeset, typeset_model


@dataclass(frozen=True)
class Rich:
    """One Markdown field in every form an output needs."""

    html: str
    inline: str
    md: str
    text: str

    @classmethod
    def of(cls, source: str) -> Rich:
        # The source is typeset already (render.typography), so every form has its characters.
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
    labels = typeset_labels(lang)
    standard = typeset_model(standard, lang)
    company = config.texts(lang)
    org = typeset(company.organisation or "", lang)
    request = standard.request
    # a request by email, with no form to link to
    mail_uri = (
        mailto(request.address, standard.title) if request.address and not request.form_url else ""
    )
    stages = [_stage(number, stage, lang) for number, stage in enumerate(standard.stages, 1)]
    return {
        "lang": lang,
        "t": labels,
        "org": org,
        "logo": config.logo_uri,  # a verified data: URI, or ""
        "logo_alt": org or labels["logo"],
        "mail_logo": None,  # the email's logo as PNG, its src and size: set by the render stage
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
        "effective": typeset(_date(standard.effective, lang), lang),
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
        # The company's rules in the standard's language (none in it: only the standard's own).
        "rules": [typeset(rule, lang) for rule in company.service_rules]
        + list(standard.service_rules),
        "faq": [{"q": item.q, "a": Rich.of(item.a)} for item in standard.faq],
        "feedback_url": standard.feedback.url if standard.feedback else "",
        "slogan": standard.poster.slogan if standard.poster and standard.poster.slogan else "",
        "form_qr": qr_svg(request.form_url, config.brand.primary) if request.form_url else "",
        # no form to link to: a code that starts the email, to the address, about the service
        "mail_uri": mail_uri,
        "mail_qr": qr_svg(mail_uri, config.brand.primary) if mail_uri else "",
        "feedback_qr": qr_svg(standard.feedback.url) if standard.feedback else "",
        "diagram": _diagram(stages, config, labels),
        "footer": typeset(_footer(standard, labels, lang), lang),
        "history": _history(standard, lang),
        "live": live_links(standard, config),
        "ack_rows": ack_rows(config.staff),
        "ack_with": labels["ack_with"].format(title=standard.title),
        "approved": {"by": standard.approved.by, "date": _date(standard.approved.date, lang)}
        if standard.approved
        else None,
        "client_stages": [stage for stage in stages if stage["client_action"]],
        "main_contact": standard.contacts[0] if standard.contacts else standard.owner,
        "email_intro": labels["email_intro"].format(title=standard.title),
        # the sentence around the guide's name, which the HTML links to the published guide
        "email_more": labels["email_more"].partition("{guide}"),
        "on_brand": on_brand(config),
        "sheet": poster_geometry(config, len(stages)),
        # a poster of few stages has room for what to bring
        "bring": bring_list(standard),
        "fit": {},  # the fitted sizes, measured: set by the render stage (render.fitting)
        "example": _typeset_example(worked_example(standard, config, lang), lang),
    }


@cache
def typeset_labels(lang: str) -> dict[str, str]:
    """The documents' words in `lang`, typeset as the standards' own texts are."""
    return {key: typeset(text, lang) for key, text in LABELS[lang].items()}


def _typeset_example(example: dict[str, Any] | None, lang: str) -> dict[str, Any] | None:
    """The worked example (None without `calendar:`) with its sentences typeset."""
    if example is None:
        return None
    sentences = {key: typeset(example[key], lang) for key in ("ready", "ack", "note")}
    return {**example, **sentences}


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
    """`page.<artifact>`: the paper memogen.yaml gives it ("A5", "A3 landscape"); the poster's
    scale against A3 and whether it lies landscape."""
    poster_w, poster_h = PAGE_SIZES_MM[config.poster.size]
    if config.poster.orientation == "landscape":
        poster_w, poster_h = poster_h, poster_w
    sized = {kind.name: getattr(config, kind.paper) for kind in ARTIFACTS if kind.paper}
    return {
        **{name: " ".join(_paper_words(options)) for name, options in sized.items()},
        "poster_scale": poster_w / PAGE_SIZES_MM["A3"][0],
        "poster_landscape": config.poster.orientation == "landscape",
    }


def _paper_words(options: Any) -> list[str]:
    """A paper section's size, and its orientation if it has one: its CSS `size`."""
    return [options.size, *([options.orientation] if hasattr(options, "orientation") else [])]


def on_brand(config: Config) -> dict[str, str]:
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


def _date(value: date | None, lang: str) -> str:
    return format_date(value, format="long", locale=DATE_LOCALES[lang]) if value else ""


def _footer(standard: Standard, labels: dict[str, str], lang: str) -> str:
    parts = []
    if standard.version:
        parts.append(f"{labels['version']} {standard.version}")
    if standard.effective:
        parts.append(f"{labels['effective']} {_date(standard.effective, lang)}")
    parts.append(f"{labels['owner']}: {standard.owner.name}")
    if standard.approved:
        when = _date(standard.approved.date, lang)
        parts.append(labels["approved_line"].format(by=standard.approved.by, date=when))
    if standard.review_by:
        parts.append(labels["review_line"].format(date=_date(standard.review_by, lang)))
    return " · ".join(parts)


def _history(standard: Standard, lang: str) -> list[dict[str, str]]:
    """The latest three entries of the change history, newest first, dates in words."""
    return [
        {"version": entry.version, "date": _date(entry.date, lang), "changes": entry.changes}
        for entry in standard.history[:3]
    ]
