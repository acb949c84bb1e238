"""Render stage: one standard → the bytes of every requested output file.

This runs inside worker processes; everything it needs travels in a `Job`, and
everything it makes comes back as a `Rendered` (file bytes, page counts, warnings).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from functools import cache
from pathlib import Path

from jinja2 import Environment

from memogen.context import standard_context
from memogen.models import Config, Standard
from memogen.templating import make_environment

# Which formats each artifact comes in (SPEC's output layout).
ARTIFACT_FORMATS: dict[str, tuple[str, ...]] = {
    "memo": ("html", "pdf", "md"),
    "guide": ("html", "pdf", "md"),
    "poster": ("html", "pdf", "png"),
    "email": ("eml", "html", "txt"),
}


@dataclass(frozen=True)
class Job:
    standard: Standard
    config: Config
    user_templates: Path | None
    artifacts: tuple[str, ...]
    formats: tuple[str, ...]


@dataclass
class Rendered:
    standard_id: str
    files: dict[str, bytes] = field(default_factory=dict)  # relative path → content
    pages: dict[str, int] = field(default_factory=dict)  # relative path of a PDF → page count
    warnings: list[str] = field(default_factory=list)


def render_standard(job: Job) -> Rendered:
    """Every requested artifact of one standard, in every requested format."""
    env = _environment(job.user_templates)
    context = standard_context(job.standard, job.config)
    out = Rendered(job.standard.id)
    for artifact in job.artifacts:
        wanted = [f for f in ARTIFACT_FORMATS[artifact] if f in job.formats]
        if artifact == "email":
            _email(env, job, context, wanted, out)
        elif wanted:
            _document(env, artifact, context, wanted, out)
    return out


def _document(env: Environment, artifact: str, context: dict[str, object], wanted: list[str],
              out: Rendered) -> None:
    from memogen.formats.html import render_html

    prefix = f"{out.standard_id}/{artifact}"
    if "md" in wanted:
        from memogen.formats.markdown import render_markdown

        out.files[f"{prefix}.md"] = render_markdown(env, artifact, context).encode("utf-8")
    if not {"html", "pdf", "png"} & set(wanted):
        return
    html = render_html(env, artifact, context)
    if "html" in wanted:
        out.files[f"{prefix}.html"] = html.encode("utf-8")
    if "pdf" in wanted or "png" in wanted:
        _pdf(html, prefix, artifact, wanted, out)


def _pdf(html: str, prefix: str, artifact: str, wanted: list[str], out: Rendered) -> None:
    from memogen.formats.pdf import render_pdf

    pdf = render_pdf(html)
    out.warnings.extend(f"{prefix}.pdf: {message}" for message in pdf.warnings)
    if artifact == "memo" and pdf.pages > 1:
        out.warnings.append(f"{prefix}.pdf: the memo takes {pdf.pages} pages, not one; "
                            "shorten the texts or use fewer stages")
    if "pdf" in wanted:
        out.files[f"{prefix}.pdf"] = pdf.data
        out.pages[f"{prefix}.pdf"] = pdf.pages
    if "png" in wanted:
        from memogen.formats.png import render_png

        out.files[f"{prefix}.png"] = render_png(pdf.data)


def _email(env: Environment, job: Job, context: dict[str, object], wanted: list[str],
           out: Rendered) -> None:
    from memogen.formats.email import build_eml, inline_css
    from memogen.templating import render

    if not wanted:
        return
    html = inline_css(render(env, "email.html.j2", context))
    text = render(env, "email.txt.j2", context)
    prefix = f"{out.standard_id}/email"
    if "html" in wanted:
        out.files[f"{prefix}.html"] = html.encode("utf-8")
    if "txt" in wanted:
        out.files[f"{prefix}.txt"] = text.encode("utf-8")
    if "eml" in wanted:
        sender, to = _addresses(job)
        prefix_text = job.config.email.subject_prefix
        subject = f"{prefix_text} {job.standard.title}" if prefix_text else job.standard.title
        out.files[f"{prefix}.eml"] = build_eml(subject, sender, to, html, text, _epoch(job))


def _addresses(job: Job) -> tuple[str, str]:
    owner = job.standard.owner
    fallback = f"{owner.name} <{owner.email}>" if owner.email else "memogen <noreply@example.com>"
    sender = job.config.email.sender or fallback
    return sender, job.config.email.to or sender


def _epoch(job: Job) -> int:
    """SOURCE_DATE_EPOCH when set, else the standard's effective date: never the clock."""
    given = os.environ.get("SOURCE_DATE_EPOCH", "")
    if given.isdigit():
        return int(given)
    effective = job.standard.effective
    return int(datetime.combine(effective, time(9), UTC).timestamp()) if effective else 0


@cache
def _environment(user_templates: Path | None) -> Environment:
    return make_environment(user_templates)
