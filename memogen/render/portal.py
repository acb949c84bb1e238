"""The catalogue as a service portal: one compact row per service, grouped by department.

Each row carries what a colleague needs to act (the total deadline, the request form as
the main action, the guide as the second) and what index.js filters on: the folded
search text, the department's anchor and the language. Departments and services are in
the catalogue language's collation (`render.collation`), anchors are slugs of the names.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from babel.dates import format_date

from memogen.data import durations
from memogen.data.config_model import Config
from memogen.data.lifecycle import build_day
from memogen.data.models import Standard
from memogen.outputs import CATALOGUE_ARTIFACTS, CATALOGUE_FORMATS
from memogen.render import markup
from memogen.render.collation import fold, sort_key, unique_slugs
from memogen.render.context import on_brand
from memogen.render.filters import mailto
from memogen.render.labels import DATE_LOCALES, LABELS, LANGUAGE_NAMES

SUMMARY_CHARS = 160  # a row's summary: its first sentence, at most this long


def catalogue_context(
    standards: list[Standard],
    config: Config,
    files: dict[str, list[str]],
    scores: dict[str, dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """index.html: the departments (name, anchor, rows) and the filters' choices."""
    lang = config.language
    labels = LABELS[lang]
    names = sorted({s.department for s in standards}, key=lambda name: sort_key(name, lang))
    anchors = unique_slugs(names)
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in names}
    for standard in sorted(standards, key=lambda s: sort_key(s.title, lang)):
        row = service_row(standard, config, files.get(standard.id, []), anchors)
        row["scores"] = (scores or {}).get(standard.id)
        rows[standard.department].append(row)
    languages = Counter(standard.language or lang for standard in standards)
    return {
        "lang": lang,
        "t": labels,
        "org": config.texts(lang).organisation or "",
        "logo": config.logo_uri,  # a verified data: URI, or ""
        "logo_alt": config.texts(lang).organisation or labels["logo"],
        "brand": config.brand,
        "on_brand": on_brand(config),
        "departments": [
            {"name": name, "anchor": anchors[name], "rows": rows[name]} for name in names
        ],
        "languages": [
            {"code": code, "name": LANGUAGE_NAMES[code], "count": languages[code]}
            for code in sorted(languages)
        ],
        "count": len(standards),
        "scored": bool(scores),
    }


def service_row(
    standard: Standard, config: Config, names: list[str], anchors: dict[str, str]
) -> dict[str, Any]:
    """One service as the catalogue shows it, in the catalogue's words."""
    lang = config.language
    labels = LABELS[lang]
    own = standard.language or lang
    summary = one_line(markup.to_plain_text(standard.summary))
    links = file_links(standard.id, names, labels)
    request = standard.request
    return {
        "id": standard.id,
        "title": standard.title,
        "lang": own,
        "language": LANGUAGE_NAMES[own],
        "department": standard.department,
        "anchor": anchors[standard.department],
        "summary": summary,
        "deadline": durations.word(standard.deadline, lang),
        "acknowledge": durations.word(request.acknowledge_within, lang)
        if request.acknowledge_within
        else "",
        "version": standard.version or "",
        "effective": format_date(standard.effective, format="long", locale=DATE_LOCALES[lang])
        if standard.effective
        else "",
        "review_overdue": format_date(standard.review_by, format="long", locale=DATE_LOCALES[lang])
        if standard.review_by and standard.review_by < build_day()
        else "",
        "channel": labels[f"channel_{request.channel}"],
        "request_href": request_href(standard),
        "search": fold(" ".join((standard.title, standard.department, summary, standard.id))),
        **links,
    }


def request_href(standard: Standard) -> str:
    """Where a request is filed: the form, else a message to the address ("" if neither)."""
    request = standard.request
    if request.form_url:
        return request.form_url
    return mailto(request.address) if request.address else ""


def one_line(text: str) -> str:
    """The first sentence of a plain text, on one line, cut at SUMMARY_CHARS with an ellipsis."""
    flat = " ".join(text.split())
    end = next(
        (i + 1 for i, ch in enumerate(flat) if ch in ".!?" and flat[i + 1 : i + 2] in (" ", "")),
        len(flat),
    )
    sentence = flat[:end]
    if len(sentence) <= SUMMARY_CHARS:
        return sentence
    return sentence[: SUMMARY_CHARS - 1].rsplit(" ", 1)[0] + "…"


def file_links(standard_id: str, names: list[str], labels: dict[str, str]) -> dict[str, Any]:
    """A standard's files as readable, relative links: one group per kind ("Гид": HTML, PDF…),
    each link named in full ("Гид PDF"); files of no known kind come last under their own name.
    `href` is the page the title opens: the guide, else the memo, else the first file;
    `guide_href` the client guide's page ("" when it was not built)."""
    known: dict[str, dict[str, str]] = {}
    others = []
    for name in names:
        kind, _, extension = name.partition(".")
        if kind in CATALOGUE_ARTIFACTS and extension in CATALOGUE_FORMATS:
            known.setdefault(kind, {})[extension] = name
        else:
            others.append({"href": f"{standard_id}/{name}", "label": name, "format": name})
    groups = []
    for kind in CATALOGUE_ARTIFACTS:
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
    pages = [f"{kind}.html" for kind in CATALOGUE_ARTIFACTS]
    main = next((name for name in pages if name in names), names[0] if names else "")
    guide = pages[0] if pages[0] in names else ""
    return {
        "groups": groups,
        "href": f"{standard_id}/{main}" if main else "",
        "guide_href": f"{standard_id}/{guide}" if guide else "",
    }
