"""The whole job, top to bottom: load → validate → context → render → write.

`build()` validates everything first, plans which (standard, artifact) pairs are
stale against the manifest, renders them in warm worker processes straight into a
staging folder, and moves the result into place only when everything succeeded.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from pathlib import Path

from memogen.build.catalogue import files_by_standard, stage_catalogue, stage_if_changed
from memogen.build.manifest import Manifest
from memogen.build.plan import (
    BuildOptions,
    BuildResult,
    carry_undecided,
    covers_the_repo,
    in_shard,
    keep_unbuilt_formats,
    no_longer_built,
    plan,
    reach_of,
)
from memogen.build.writer import BuildLock, Staging, is_real_folder, is_regular
from memogen.data.validate import Checked
from memogen.errors import UserError
from memogen.i18n import _
from memogen.project import Project, open_project
from memogen.render.pool import render_pool
from memogen.render.worker import Job, Rendered, render_standard

Progress = Callable[[int, int], None]
Validated = tuple[Project, Checked]  # what `check()` found, for a caller that already ran it
Say = Callable[[str], None]

__all__ = ["BuildOptions", "BuildResult", "Validated", "build", "check", "in_shard", "write_index"]


def check(paths: Sequence[Path], config_path: Path | None) -> tuple[Project, Checked, int]:
    """Load and validate the standards; returns the project, the result and the file count."""
    project = open_project(config_path)
    files, checked = project.check(paths)
    return project, checked, len(files)


def build(
    paths: Sequence[Path],
    config_path: Path | None,
    options: BuildOptions,
    progress: Progress | None = None,
    validated: Validated | None = None,
    say: Say | None = None,
) -> BuildResult:
    """Validate (unless `validated` is what `check()` just gave), render what is stale, then
    swap the result into `options.out`; the files of standards, artifacts and formats no
    longer built are removed in the same commit."""
    project, checked = validated or check(paths, config_path)[:2]
    if checked.errors or (options.strict and checked.warnings):
        raise UserError(checked.issues)
    standards = in_shard(checked.standards, options.shard)
    result = BuildResult(issues=checked.issues)
    with BuildLock(options.out, say), Staging(options.out) as staging:
        recorded = Manifest.read(options.out)
        old = Manifest() if options.force else recorded
        reach = reach_of(paths, project, checked, standards, options)
        jobs, new = plan(standards, project, options, old, staging.dir, result, checked.documents)
        carry_undecided(recorded, new, reach, options.out)
        # closing(): on any failure the workers are stopped before the staging is removed
        with closing(_render_all(jobs, options.jobs)) as renders:
            for done, rendered in enumerate(renders, 1):
                _collect(rendered, staging, new, result)
                if progress:
                    progress(done, len(jobs))
        keep_unbuilt_formats(recorded, new, reach, options.out)
        if options.shard is None and covers_the_repo(paths, project):  # else: `memogen index`
            files = files_by_standard(new)
            pdf = "pdf" in (options.formats or project.config.build.formats)
            new.site = stage_catalogue(
                standards,
                project,
                files,
                staging,
                options.out,
                result,
                checked.answers,
                pdf,
                recorded.site,
            )
        else:  # the site is not this build's to decide: it stays, with what it warned of
            new.site = recorded.site
        if options.strict and result.warnings:
            raise UserError(
                _("the build has warnings and --strict is on:\n") + "\n".join(result.warnings)
            )
        for relative in no_longer_built(recorded, new, reach):
            staging.drop(relative)
            result.removed.append(relative)
        stage_if_changed(staging, options.out, ".memogen-manifest.json", new.to_bytes())
        owned = new.files()  # files left beside the dropped ones that memogen still owns
        result.strays = [relative for relative in staging.commit() if relative not in owned]
    result.rendered.sort()
    return result


def write_index(
    paths: Sequence[Path],
    config_path: Path | None,
    out: Path,
    validated: Validated | None = None,
    say: Say | None = None,
    pdf: bool = True,
) -> BuildResult:
    """Assemble the catalogue from whatever the (sharded) builds left in `out`; `pdf`: and
    lay out scores.pdf when the scores changed."""
    project, checked = validated or check(paths, config_path)[:2]
    if checked.errors:
        raise UserError(checked.issues)
    result = BuildResult(issues=checked.issues)
    files = {
        s.id: sorted(
            p.name for p in (out / s.id).iterdir() if is_regular(p) and not p.name.startswith(".")
        )
        for s in checked.standards
        if is_real_folder(out / s.id)
    }
    with BuildLock(out, say), Staging(out) as staging:
        stage_catalogue(checked.standards, project, files, staging, out, result, checked.answers)
        staging.commit()
    return result


def _render_all(jobs: list[Job], workers: int) -> Generator[Rendered, None, None]:
    """Render in warm worker processes, one at least whatever -j says: the time and memory
    bounds of a render hold only in a process of its own (see `render.pool`)."""
    if not jobs:
        return
    with render_pool(min(workers, len(jobs))) as pool:
        done = 0
        try:
            for rendered in pool.map(render_standard, jobs):
                done += 1
                yield rendered
        except BrokenProcessPool:
            raise UserError(
                _(
                    "{id}: a render worker stopped abruptly (out of memory, or killed); "
                    "shorten its texts"
                ).format(id=jobs[done].standard.id)
            ) from None


def _collect(rendered: Rendered, staging: Staging, new: Manifest, result: BuildResult) -> None:
    for relative, size in rendered.files.items():
        staging.adopt(relative)
        result.rendered.append(relative)
        artifact = relative.split("/")[1].split(".")[0]
        new.entries[f"{rendered.standard_id}/{artifact}"].files[relative] = size
    result.pages.update(rendered.pages)
    for name, warnings in rendered.warnings.items():
        new.entries[name].warnings = warnings  # kept, so that a later build says them again
        result.warnings.extend(warnings)
