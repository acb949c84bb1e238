"""The whole job, top to bottom: load → validate → context → render → write."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from memogen.errors import Issue, UserError
from memogen.models import Standard
from memogen.project import Project, open_project
from memogen.render import Job, Rendered, render_standard
from memogen.validate import Checked, check_standards
from memogen.writer import Staging

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BuildOptions:
    """What to build; None means "as memogen.yaml says"."""

    out: Path = Path("output")
    artifacts: tuple[str, ...] | None = None
    formats: tuple[str, ...] | None = None
    jobs: int = 1
    strict: bool = False


@dataclass
class BuildResult:
    files: list[str] = field(default_factory=list)
    pages: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def check(paths: Sequence[Path], config_path: Path | None) -> tuple[Project, Checked, int]:
    """Load and validate the standards; returns the project, the result and the file count."""
    project = open_project(config_path)
    files = project.standard_files(paths)
    return project, check_standards(files, project.config), len(files)


def build(paths: Sequence[Path], config_path: Path | None, options: BuildOptions,
          progress: Progress | None = None) -> BuildResult:
    """Validate everything, render into a staging folder, then swap it into `options.out`."""
    project, checked, _ = check(paths, config_path)
    if checked.errors or (options.strict and checked.warnings):
        raise UserError(checked.issues)
    jobs = [_job(standard, project, options) for standard in checked.standards]
    result = BuildResult(issues=checked.issues)
    staging = Staging(options.out)
    try:
        for rendered in _render_all(jobs, options.jobs):
            _collect(rendered, staging, result)
            if progress:
                progress(rendered.standard_id)
        if options.strict and result.warnings:
            raise UserError("the build produced warnings and --strict is on:\n"
                            + "\n".join(result.warnings))
        _write_catalogue(checked.standards, project, staging, result)
        staging.commit()
    except BaseException:
        staging.discard()
        raise
    result.files.sort()
    return result


def _job(standard: Standard, project: Project, options: BuildOptions) -> Job:
    build = project.config.build
    return Job(standard, project.config, project.root / "templates",
               options.artifacts or tuple(build.artifacts), options.formats or tuple(build.formats))


def _render_all(jobs: list[Job], workers: int) -> Iterator[Rendered]:
    if workers <= 1 or len(jobs) <= 1:
        yield from map(render_standard, jobs)
        return
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
        yield from pool.map(render_standard, jobs)


def _collect(rendered: Rendered, staging: Staging, result: BuildResult) -> None:
    for relative, data in rendered.files.items():
        staging.add(relative, data)
        result.files.append(relative)
    result.pages.update(rendered.pages)
    result.warnings.extend(rendered.warnings)


def _write_catalogue(standards: list[Standard], project: Project, staging: Staging,
                     result: BuildResult) -> None:
    from memogen.context import catalogue_context
    from memogen.schema import schema_text
    from memogen.templating import make_environment, render

    files: dict[str, list[str]] = {}
    for relative in sorted(result.files):
        standard_id, _, name = relative.partition("/")
        files.setdefault(standard_id, []).append(name)
    env = make_environment(project.root / "templates")
    html = render(env, "index.html.j2", catalogue_context(standards, project.config, files))
    for relative, data in (("index.html", html.encode("utf-8")),
                           ("standard.schema.json", schema_text().encode("utf-8"))):
        staging.add(relative, data)
        result.files.append(relative)
