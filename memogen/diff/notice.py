"""`memogen diff --notice DIR`: a "what changed" email for each standard whose clients must
know (a breaking or notable change): DIR/<id>/notice.{eml,html,txt}, in the standard's
language, breaking changes first, old and new side by side, with the effective date."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from memogen.build.writer import cannot_write, write_atomic
from memogen.data.config_model import Config
from memogen.data.models import Standard
from memogen.diff.compare import Change
from memogen.diff.report import Compared
from memogen.diff.rules import KINDS
from memogen.diff.sources import Pair
from memogen.diff.words import worded
from memogen.render.context import standard_context
from memogen.render.formats.email import inline_css, standard_eml
from memogen.render.notice_labels import NOTICE_WORDS
from memogen.render.templating import make_environment, render
from memogen.render.typography import typeset


def write_notices(
    folder: Path,
    pairs: Sequence[Pair],
    results: Sequence[Compared],
    config: Config,
    user_templates: Path | None = None,
) -> list[Path]:
    """Write the notices of the changed standards that are still in force; their paths."""
    env = make_environment(user_templates)
    written = []
    for (_, new), result in zip(pairs, results, strict=True):
        if new is None or not any(c.kind != "editorial" for c in result.changes):
            continue
        context = notice_context(new, config, result.changes)
        html = inline_css(render(env, "notice.html.j2", context)).rstrip("\n") + "\n"
        text = render(env, "notice.txt.j2", context).rstrip("\n") + "\n"
        eml = standard_eml(new, config, html, text, context["subject"])
        for suffix, data in (("eml", eml), ("html", html.encode()), ("txt", text.encode())):
            written.append(_write(folder / new.id / f"notice.{suffix}", data))
    return written


def notice_context(standard: Standard, config: Config, changes: Sequence[Change]) -> dict[str, Any]:
    """The standard's own context, and its changes grouped by class, breaking first."""
    context = standard_context(standard, config)
    lang = context["lang"]
    words = {key: typeset(text, lang) for key, text in NOTICE_WORDS[lang].items()}
    facts = {
        "title": context["s"].title,
        "version": context["version"],
        "effective": context["effective"],
    }
    intro = "notice_intro" if standard.effective and standard.version else "notice_intro_undated"
    groups = [
        {
            "heading": words[kind],
            "kind": kind,
            "changes": [
                {
                    "message": typeset(change.message, lang),
                    "old": typeset(worded(change.rule, change.old, lang), lang),
                    "new": typeset(worded(change.rule, change.new, lang), lang),
                    "side_by_side": change.old is not None and change.new is not None,
                }
                for change in changes
                if change.kind == kind
            ],
        }
        for kind in KINDS
    ]
    return {
        **context,
        "n": words,
        "subject": words["notice_subject"].format(**facts),
        "intro": words[intro].format(**facts),
        "groups": [group for group in groups if group["changes"]],
        "guide_url": context["live"]["page"],
    }


def _write(path: Path, data: bytes) -> Path:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)
    except OSError as exc:
        raise cannot_write(path, exc) from None
    return path
