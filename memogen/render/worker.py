"""Render stage: one standard → every requested output file, written into the staging folder.

This runs inside long-lived worker processes (see `pool`); a `Job` carries
everything it needs, and a `Rendered` brings back only what the parent must know
(file sizes, page counts, warnings) — never the file bytes.
"""

from __future__ import annotations

import resource
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from jinja2 import Environment, TemplateError, TemplateNotFound, TemplateSyntaxError

from memogen.build.writer import write_staged
from memogen.data.config_model import Config
from memogen.data.document import Document
from memogen.data.models import Standard
from memogen.errors import InternalError, UserError
from memogen.i18n import _
from memogen.outputs import BY_NAME, PRINT_FORMATS, ArtifactKind, Renderer, wanted_formats
from memogen.render import fitting
from memogen.render.brand import logo_png, mail_logo
from memogen.render.context import standard_context
from memogen.render.formats import docx, email, markdown, pdf, png
from memogen.render.plans import plan_for
from memogen.render.templating import make_environment, render
from memogen.render.verdicts import poster_verdicts, too_long, trouble_warnings


@dataclass(frozen=True)
class Job:
    standard: Standard
    config: Config
    user_templates: Path | None
    artifacts: tuple[str, ...]
    formats: tuple[str, ...]
    staging: Path
    templates_generation: int = 0  # bumped by forget_templates(): a kept worker compiles anew
    document: Document | None = None  # where each field stands: layout warnings name it


@dataclass
class Rendered:
    standard_id: str
    files: dict[str, int] = field(default_factory=dict)  # relative path → size
    pages: dict[str, int] = field(default_factory=dict)  # relative path of a PDF → page count
    warnings: dict[str, list[str]] = field(default_factory=dict)  # "id/artifact" → warnings

    def warn(self, prefix: str, message: str) -> None:
        """Note a warning about the document `prefix` ("id/artifact")."""
        self.warnings.setdefault(prefix, []).append(message)

    def add(self, staging: Path, relative: str, data: bytes) -> None:
        write_staged(staging, relative, data)
        self.files[relative] = len(data)


def render_standard(job: Job) -> Rendered:
    """Every requested artifact of one standard; failures name the standard."""
    try:
        return _render_standard(job)
    except TemplateNotFound as exc:
        missing = _(
            "{id}: the template '{name}' is missing from templates/ and from the built-in theme"
        )
        raise UserError(missing.format(id=job.standard.id, name=exc.name)) from None
    except TemplateError as exc:
        where = f"{exc.filename}:{exc.lineno}: " if isinstance(exc, TemplateSyntaxError) else ""
        failed = _("{id}: a template failed: {where}{message}")
        raise UserError(
            failed.format(id=job.standard.id, where=where, message=exc.message)
        ) from None
    except pdf.PdfTimeout as exc:
        message = _("{id}: {reason}; shorten its texts").format(id=job.standard.id, reason=exc)
        raise UserError(message) from None
    except MemoryError:
        raise UserError(
            _(
                "{id}: rendering needed more memory than a worker may use ({size} MiB); "
                "shorten its texts"
            ).format(id=job.standard.id, size=resource.getrlimit(resource.RLIMIT_AS)[0] // 2**20)
        ) from None
    except (UserError, KeyboardInterrupt):
        raise
    except Exception as exc:
        raise InternalError(
            f"rendering {job.standard.id} failed: {exc.__class__.__name__}: {exc}"
        ) from exc


def _render_standard(job: Job) -> Rendered:
    env = _environment(job.user_templates, job.templates_generation)
    context = standard_context(job.standard, job.config)
    out = Rendered(job.standard.id)
    for artifact in job.artifacts:
        kind = BY_NAME[artifact]
        wanted = wanted_formats(artifact, job.formats)
        if wanted:
            _RENDERERS[kind.renderer](env, job, kind, context, wanted, out)
        if "docx" in wanted:
            _docx(env, job, kind, context, out)
    return out


def _page(
    env: Environment,
    job: Job,
    kind: ArtifactKind,
    context: dict[str, object],
    wanted: list[str],
    out: Rendered,
) -> None:
    """An HTML page, its PDF and PNG (through its print stylesheet), its Markdown. The HTML
    and the PDF of a fitted artifact carry the sizes its measured layout chose."""
    prefix = f"{out.standard_id}/{kind.name}"
    if "md" in wanted:
        out.add(
            job.staging, f"{prefix}.md", markdown.render_markdown(env, kind.name, context).encode()
        )
    printed = kind.print_stylesheet is not None and bool(set(PRINT_FORMATS) & set(wanted))
    plan = plan_for(kind, job.config, job.standard)
    if not printed and plan is None:
        if "html" in wanted:
            out.add(
                job.staging, f"{prefix}.html", render(env, f"{kind.name}.html.j2", context).encode()
            )
        return
    if "html" not in wanted and not printed:
        return

    def make(values: fitting.Values) -> tuple[str, str]:
        fitted_context = {**context, "fit": values}
        html = render(env, f"{kind.name}.html.j2", fitted_context)
        css = render(env, kind.print_stylesheet, fitted_context) if kind.print_stylesheet else ""
        return html, css

    fitted = fitting.fit(make, plan)
    if "html" in wanted:
        out.add(job.staging, f"{prefix}.html", fitted.html.encode("utf-8"))
    if printed:
        _pdf(job, fitted, prefix, kind, wanted, out)


def _pdf(
    job: Job,
    fitted: fitting.Fitted,
    prefix: str,
    kind: ArtifactKind,
    wanted: list[str],
    out: Rendered,
) -> None:
    made = pdf.write_pdf(fitted.laid)
    layout = fitted.layout
    for message in made.warnings:
        out.warn(prefix, f"{prefix}.pdf: {message}")
    for message in trouble_warnings(layout, job.document, f"{prefix}.pdf"):
        out.warn(prefix, message)
    if kind.fit == "sheet":
        for message in poster_verdicts(
            layout, job.config, job.standard, job.document, f"{prefix}.pdf"
        ):
            out.warn(prefix, message)
    if kind.one_page and made.pages > 1:
        out.warn(prefix, f"{prefix}.pdf: {too_long(layout, kind.name)}")
    if "pdf" in wanted:
        out.add(job.staging, f"{prefix}.pdf", made.data)
        out.pages[f"{prefix}.pdf"] = made.pages
    if "png" in wanted:
        out.add(job.staging, f"{prefix}.png", png.render_png(made.data))


def _email(
    env: Environment,
    job: Job,
    kind: ArtifactKind,
    context: dict[str, object],
    wanted: list[str],
    out: Rendered,
) -> None:
    """The .eml, and its HTML and text parts as files of their own. The logo: in the .eml an
    inline PNG part its HTML names by `cid:`; in the HTML file, the same PNG as a `data:` URI."""
    logo = logo_png(job.config.logo_uri)
    cid = f"cid:{email.logo_cid(logo.data)}" if logo else ""
    shown = {**context, "mail_logo": mail_logo(logo, cid) if logo else None}
    # It ends in one newline, as the email package ends each part: file and part stay equal.
    html = email.inline_css(render(env, f"{kind.name}.html.j2", shown)).rstrip("\n") + "\n"
    text = render(env, f"{kind.name}.txt.j2", context).rstrip("\n") + "\n"
    prefix = f"{out.standard_id}/{kind.name}"
    if "eml" in wanted:
        eml = email.standard_eml(
            job.standard, job.config, html, text, logo=logo.data if logo else None
        )
        out.add(job.staging, f"{prefix}.eml", eml)
    if "html" in wanted:  # a file has no part to name: the same page shows the PNG inline
        page = html.replace(f'src="{cid}"', f'src="{logo.data_uri}"') if logo else html
        out.add(job.staging, f"{prefix}.html", page.encode("utf-8"))
    if "txt" in wanted:
        out.add(job.staging, f"{prefix}.txt", text.encode("utf-8"))


def _docx(
    env: Environment, job: Job, kind: ArtifactKind, context: dict[str, object], out: Rendered
) -> None:
    """The editable Word file, on the paper of the artifact's print stylesheet."""
    plan = plan_for(kind, job.config, job.standard)
    paper = {**context, "fit": plan.first() if plan else {}}  # (the page box is the same in all)
    print_css = render(env, kind.print_stylesheet, paper) if kind.print_stylesheet else ""
    when = email.standard_epoch(job.standard)
    data = docx.render_docx(kind.name, context, print_css, when, kind.one_page)
    out.add(job.staging, f"{out.standard_id}/{kind.name}.docx", data)


_RENDERERS: dict[Renderer, Callable[..., None]] = {"page": _page, "message": _email}


@cache
def _environment(user_templates: Path | None, generation: int = 0) -> Environment:
    return make_environment(user_templates)


_generation = [0]


def forget_templates() -> None:
    """Drop the compiled templates; a long-lived process calls this when templates change.
    Jobs carry the new generation, so the workers a server keeps compile them anew too."""
    _generation[0] += 1
    _environment.cache_clear()


def templates_generation() -> int:
    return _generation[0]


def warm_up() -> None:
    """Import WeasyPrint and lay out a page, so that a worker's first job starts warm."""
    # Only an optimisation: a real problem shows in the first job, with its standard's name.
    with suppress(Exception, pdf.PdfTimeout):
        pdf.render_pdf(
            '<html lang="en"><title>warm</title><p style="font-family: DejaVu Sans">'
            "Warm <b>up</b> — разогрев</p></html>"
        )
