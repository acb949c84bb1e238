"""output/catalogue.json: the catalogue as data, for intranets and chat bots.

One entry per service, sorted by id; its shape is documented by docs/catalogue.schema.json
(tests/render/test_catalogue_json.py validates a build against it). Scores appear only with
memogen.yaml's `survey:`, and a group with too few answers has its count but no means.
"""

from __future__ import annotations

import json
from typing import Any

from memogen.build.scores import Group, Scores
from memogen.data import durations
from memogen.data.config_model import Config
from memogen.data.durations import Duration
from memogen.data.models import Standard
from memogen.render.portal import request_href

FORMAT_VERSION = 1


def catalogue_json(
    standards: list[Standard],
    config: Config,
    files: dict[str, list[str]],
    scores: Scores | None,
) -> bytes:
    """The bytes of catalogue.json: the same input, the same bytes."""
    lang = config.language
    entries = [
        _entry(standard, standard.language or lang, files.get(standard.id, []), scores)
        for standard in sorted(standards, key=lambda s: s.id)
    ]
    document: dict[str, Any] = {
        "memogen_catalogue": FORMAT_VERSION,
        "language": lang,
        "services": entries,
    }
    if scores is not None:
        year, quarter = scores.latest_quarter
        document["latest_quarter"] = f"{year}-Q{quarter}"
    text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False)
    return (text + "\n").encode("utf-8")


def _entry(
    standard: Standard, lang: str, names: list[str], scores: Scores | None
) -> dict[str, Any]:
    request = standard.request
    entry: dict[str, Any] = {
        "id": standard.id,
        "title": standard.title,
        "department": standard.department,
        "language": lang,
        "version": standard.version,
        "effective": standard.effective.isoformat() if standard.effective else None,
        "deadline": _duration(standard.deadline, lang),
        "acknowledge_within": _duration(request.acknowledge_within, lang)
        if request.acknowledge_within
        else None,
        "request": {
            "channel": request.channel,
            "form_url": request.form_url,
            "address": request.address,
            "href": request_href(standard) or None,
        },
        "files": [f"{standard.id}/{name}" for name in sorted(names)],
    }
    own = scores.services.get(standard.id) if scores else None
    if own is not None:
        entry["scores"] = {
            "year": _group(own.year),
            "latest_quarter": _group(own.latest),
            "change": _rounded(own.change),
        }
    return entry


def _duration(value: Duration, lang: str) -> dict[str, Any]:
    """As words in the standard's language and as a number with its (English) unit."""
    amount = int(value.amount) if value.amount == int(value.amount) else float(value.amount)
    return {"words": durations.word(value, lang, " "), "amount": amount, "unit": value.unit.value}


def _group(group: Group) -> dict[str, Any]:
    return {"answers": group.count, "means": _rounded(group.means)}


def _rounded(values: dict[str, float] | None) -> dict[str, float] | None:
    return {key: round(value, 2) for key, value in values.items()} if values else None
