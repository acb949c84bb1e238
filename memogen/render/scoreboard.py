"""Scores → what the catalogue's rows and scores.html print: numbers with the language's
decimal comma, changes with their sign, and the colour band of each department's mean
against the company's (the heat map)."""

from __future__ import annotations

from typing import Any

from babel import Locale
from babel.numbers import format_decimal

from memogen.build.scores import Group, Scores
from memogen.data.config_model import Config
from memogen.data.models import Standard
from memogen.data.survey import DIMENSIONS
from memogen.render.collation import sort_key
from memogen.render.context import on_brand
from memogen.render.labels import LABELS

# A department's mean this far above or below the company's is a band of its own colour:
# beyond the first step "above" or "below", beyond the second "far above" or "far below".
BAND_STEPS = (0.2, 0.5)


def number(value: float, lang: str) -> str:
    """A mean as printed: one decimal, the language's decimal sign (4,2 in Russian)."""
    return format_decimal(value, "0.0", locale=lang)


def signed(value: float, lang: str) -> str:
    """A change as printed: +0,3, −0,2 (a true minus sign), ±0,0."""
    text = number(abs(value), lang)
    if text == number(0.0, lang):
        return f"±{text}"
    return f"+{text}" if value > 0 else f"\u2212{text}"


def answers(count: int, lang: str) -> str:
    """`21 ответ за год`, `30 ответов за год`: the count with the right plural form."""
    category = Locale.parse(lang).plural_form(count)
    return f"{count} {LABELS[lang][f'answers_{category}']}"


def band(difference: float) -> str:
    """The heat map's colour band of a difference from the company mean."""
    near, far = BAND_STEPS
    if difference >= far:
        return "far_above"
    if difference >= near:
        return "above"
    if difference <= -far:
        return "far_below"
    if difference <= -near:
        return "below"
    return "par"


def row_scores(scores: Scores | None, lang: str) -> dict[str, dict[str, Any]]:
    """Each scored service's line in the catalogue: its year's means and latest changes."""
    if scores is None:
        return {}
    labels = LABELS[lang]
    company = scores.company.means
    rows = {}
    for service, own in scores.services.items():
        means = own.year.means
        rows[service] = {
            "hidden": means is None,
            "count": own.year.count,
            "answers": answers(own.year.count, lang),
            "cells": [
                {
                    "label": labels[dimension],
                    "value": number(means[dimension], lang),
                    "change": signed(own.change[dimension], lang) if own.change else "",
                    "band": band(means[dimension] - company[dimension]) if company else "par",
                }
                for dimension in DIMENSIONS
            ]
            if means
            else [],
        }
    return rows


def scores_context(
    scores: Scores, standards: list[Standard], config: Config, publish_comments: bool
) -> dict[str, Any]:
    """scores.html: the heat map of departments × dimensions against the company, then every
    service's scores (and, only when memogen.yaml says so, its latest comments)."""
    lang = config.language
    labels = LABELS[lang]
    year, quarter = scores.latest_quarter
    heat = [
        _heat_row(name, scores.departments[name], scores.company, lang)
        for name in sorted(scores.departments, key=lambda name: sort_key(name, lang))
    ]
    services = []
    for standard in sorted(standards, key=lambda s: sort_key(s.title, lang)):
        own = scores.services.get(standard.id)
        if own is None:
            continue
        shown = own.latest.means is not None
        services.append(
            {
                "title": standard.title,
                "lang": standard.language or lang,
                "department": standard.department,
                **_heat_row(standard.title, own.year, scores.company, lang),
                "changes": [
                    {"label": labels[d], "value": signed(own.change[d], lang)} for d in DIMENSIONS
                ]
                if own.change
                else [],
                "comments": scores.comments.get(standard.id, [])
                if publish_comments and shown
                else [],
            }
        )
    return {
        "lang": lang,
        "t": labels,
        "org": config.texts(lang).organisation or "",
        "brand": config.brand,
        "on_brand": on_brand(config),
        "dimensions": [labels[d] for d in DIMENSIONS],
        "quarter": labels["quarter_name"].format(quarter=quarter, year=year),
        "company": _heat_row(labels["company"], scores.company, scores.company, lang),
        "departments": heat,
        "services": services,
        "bands": [(name, labels[f"band_{name}"]) for name in _BAND_NAMES],
    }


_BAND_NAMES = ("far_above", "above", "par", "below", "far_below")


def _heat_row(name: str, own: Group, company: Group, lang: str) -> dict[str, Any]:
    """One row of the heat map: the group's count and, if shown, each mean with its band."""
    cells = []
    if own.means is not None:
        for dimension in DIMENSIONS:
            value = own.means[dimension]
            difference = value - company.means[dimension] if company.means else 0.0
            cells.append(
                {
                    "value": number(value, lang),
                    "difference": signed(difference, lang) if own is not company else "",
                    "band": band(difference),
                }
            )
    return {"name": name, "count": own.count, "cells": cells}
