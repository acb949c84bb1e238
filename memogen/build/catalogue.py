"""The site's own files: index.html (the portal), catalogue.json, the JSON Schema and, with
memogen.yaml's `survey:`, scores.html and scores.pdf; each staged only when its bytes change."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from memogen.build.manifest import Manifest
from memogen.build.plan import BuildResult
from memogen.build.scores import Scores, compute_scores
from memogen.build.writer import Staging, is_regular, read_regular
from memogen.data.models import Standard
from memogen.data.schema import schema_text
from memogen.data.survey import Answer
from memogen.outputs import SiteFile
from memogen.project import Project
from memogen.render.catalogue_json import catalogue_json
from memogen.render.formats.pdf import Pdf, render_pdf
from memogen.render.pool import render_pool
from memogen.render.portal import catalogue_context
from memogen.render.scoreboard import row_scores, scores_context
from memogen.render.templating import make_environment, render

SCORES_FILES: tuple[SiteFile, ...] = ("scores.html", "scores.pdf")


def files_by_standard(manifest: Manifest) -> dict[str, list[str]]:
    """id → the names of its files, from the manifest of this build."""
    files: dict[str, list[str]] = {}
    for entry in manifest.entries.values():
        for relative in entry.files:
            standard_id, _, name = relative.partition("/")
            files.setdefault(standard_id, []).append(name)
    return files


def stage_catalogue(
    standards: list[Standard],
    project: Project,
    files: dict[str, list[str]],
    staging: Staging,
    out: Path,
    result: BuildResult,
    answers: Sequence[Answer] = (),
    pdf: bool = True,
    kept: Mapping[str, list[str]] | None = None,
) -> dict[str, list[str]]:
    """Stage the site's files; `pdf`: make scores.pdf too (when there are scores). The
    warnings of the site's files are added to `result` and returned (file → warnings), for
    the manifest to keep: `kept` are those it kept, said again for a file left as it was."""
    config = project.config
    warned: dict[str, list[str]] = {}
    env = make_environment(project.root / "templates")
    listed = {key: sorted(names) for key, names in files.items()}
    scores = survey_scores(standards, project, answers)
    context = catalogue_context(standards, config, listed, row_scores(scores, config.language))
    staged: list[tuple[SiteFile, bytes]] = [
        ("index.html", render(env, "index.html.j2", context).encode("utf-8")),
        ("catalogue.json", catalogue_json(standards, config, listed, scores)),
        ("standard.schema.json", schema_text().encode("utf-8")),
    ]
    if scores is not None and config.survey is not None:
        survey_page = scores_context(scores, standards, config, config.survey.publish_comments)
        html = render(env, "scores.html.j2", survey_page)
        staged.append(("scores.html", html.encode("utf-8")))
        unchanged = read_regular(out / "scores.html", limit=len(staged[-1][1])) == staged[-1][1]
        if pdf and not (unchanged and is_regular(out / "scores.pdf")):
            print_css = render(env, "scores.print.css", survey_page)
            made = scores_pdf(html, print_css)
            staged.append(("scores.pdf", made.data))
            warned["scores.pdf"] = [f"scores.pdf: {message}" for message in made.warnings]
        elif not pdf and not unchanged and is_regular(out / "scores.pdf"):
            staging.drop("scores.pdf")  # out of date; the next build with PDFs makes it anew
            result.removed.append("scores.pdf")
        elif is_regular(out / "scores.pdf"):  # left as it was: so are its warnings
            warned["scores.pdf"] = list((kept or {}).get("scores.pdf", []))
    for relative, data in staged:
        if stage_if_changed(staging, out, relative, data):
            result.rendered.append(relative)
    if scores is None:  # the survey was switched off, or no answer is left
        for stale in SCORES_FILES:
            if is_regular(out / stale):
                staging.drop(stale)
                result.removed.append(stale)
    for warnings in warned.values():
        result.warnings.extend(warnings)
    return {name: warnings for name, warnings in warned.items() if warnings}


def survey_scores(
    standards: list[Standard], project: Project, answers: Sequence[Answer]
) -> Scores | None:
    """The scores of `standards`, or None without a `survey:` or without answers."""
    survey = project.config.survey
    if survey is None:
        return None
    departments = {standard.id: standard.department for standard in standards}
    return compute_scores(answers, departments, survey.min_responses)


def scores_pdf(html: str, print_css: str) -> Pdf:
    """scores.pdf, laid out in a render worker: the bounds of every PDF hold for it too.
    What WeasyPrint warns of comes with it (a missing glyph, a template's bad CSS); the
    measured overflow of the documents does not apply to a table."""
    with render_pool(1) as pool:
        return pool.submit(render_pdf, html, print_css).result()


def stage_if_changed(staging: Staging, out: Path, relative: str, data: bytes) -> bool:
    """Stage a file only when its bytes differ from what is already in `out`."""
    if read_regular(out / relative, limit=len(data)) == data:
        return False
    staging.add(relative, data)
    return True
