"""The whole job, top to bottom: load → validate → context → render → write.

`build()` validates everything first, plans which (standard, artifact) pairs are
stale against the manifest, renders them in warm worker processes straight into a
staging folder, and moves the result into place only when everything succeeded.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Generator, Sequence
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from memogen.data.models import Standard
from memogen.data.validate import Checked
from memogen.errors import Issue, UserError
from memogen.project import Project, open_project

if TYPE_CHECKING:
    from memogen.build.manifest import Manifest
    from memogen.build.writer import Staging
    from memogen.render.worker import Job, Rendered

Progress = Callable[[int, int], None]
Validated = tuple[Project, Checked]  # what `check()` found, for a caller that already ran it
Say = Callable[[str], None]


@dataclass(frozen=True)
class BuildOptions:
    """What to build; None means "as memogen.yaml says"."""

    out: Path = Path("output")
    artifacts: tuple[str, ...] | None = None
    formats: tuple[str, ...] | None = None
    jobs: int = 1
    strict: bool = False
    force: bool = False
    shard: tuple[int, int] | None = None  # (K, N): build the K-th of N stable subsets


@dataclass
class BuildResult:
    rendered: list[str] = field(default_factory=list)  # files written by this build
    skipped: list[str] = field(default_factory=list)  # "id/artifact" left as they were
    pages: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)  # files memogen wrote that nothing asks for
    strays: list[str] = field(default_factory=list)  # files it did not write, left beside them


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
    from memogen.build.manifest import Manifest
    from memogen.build.writer import BuildLock, Staging

    project, checked = validated or check(paths, config_path)[:2]
    if checked.errors or (options.strict and checked.warnings):
        raise UserError(checked.issues)
    standards = in_shard(checked.standards, options.shard)
    result = BuildResult(issues=checked.issues)
    with BuildLock(options.out, say), Staging(options.out) as staging:
        recorded = Manifest.read(options.out)
        old = Manifest() if options.force else recorded
        reach = _reach(paths, project, checked, standards, options)
        jobs, new = _plan(standards, project, options, old, staging.dir, result)
        _carry_undecided(recorded, new, reach, options.out)
        # closing(): on any failure the workers are stopped before the staging is removed
        with closing(_render_all(jobs, options.jobs)) as renders:
            for done, rendered in enumerate(renders, 1):
                _collect(rendered, staging, new, result)
                if progress:
                    progress(done, len(jobs))
        if options.strict and result.warnings:
            raise UserError(
                "the build has warnings and --strict is on:\n" + "\n".join(result.warnings)
            )
        if options.shard is None:  # sharded builds leave the catalogue to `memogen index`
            _stage_catalogue(
                standards, project, _files_by_standard(new), staging, options.out, result
            )
        for relative in _no_longer_built(recorded, new, reach):
            staging.drop(relative)
            result.removed.append(relative)
        _stage_if_changed(staging, options.out, ".memogen-manifest.json", new.to_bytes())
        result.strays = staging.commit()
    result.rendered.sort()
    return result


@dataclass(frozen=True)
class _Reach:
    """Which standards' files a build decides: those it builds as memogen.yaml says, and,
    when it covers the whole repo, those whose standard is gone. A build of some files,
    one shard or `--artifact`/`--format` decides nothing about the others."""

    known: set[str]  # every standard the build found
    built: set[str]  # those it builds (its shard)
    whole_repo: bool
    follows_config: bool

    def decides(self, standard_id: str) -> bool:
        if standard_id not in self.known:
            return self.whole_repo
        return self.follows_config and standard_id in self.built


def _reach(
    paths: Sequence[Path],
    project: Project,
    checked: Checked,
    built: list[Standard],
    options: BuildOptions,
) -> _Reach:
    from memogen.project import STANDARDS_DIR

    return _Reach(
        {s.id for s in checked.standards},
        {s.id for s in built},
        all(path.resolve() == project.root / STANDARDS_DIR for path in paths),
        options.artifacts is None and options.formats is None,
    )


def _carry_undecided(recorded: Manifest, new: Manifest, reach: _Reach, out: Path) -> None:
    """Keep listing what this build does not decide (other artifacts, other shards'
    standards) while its files are still there, so that a later build still owns them."""
    for name, entry in recorded.entries.items():
        standard_id = name.partition("/")[0]
        if (
            name not in new.entries
            and standard_id in reach.known
            and not reach.decides(standard_id)
            and recorded.is_fresh(name, entry.key, out)
        ):
            new.entries[name] = entry


def _no_longer_built(recorded: Manifest, new: Manifest, reach: _Reach) -> list[str]:
    """Files memogen recorded as its own that this build decides and no longer makes."""
    return sorted(
        relative
        for relative in recorded.files() - new.files()
        if reach.decides(relative.partition("/")[0])
    )


def write_index(
    paths: Sequence[Path],
    config_path: Path | None,
    out: Path,
    validated: Validated | None = None,
    say: Say | None = None,
) -> BuildResult:
    """Assemble the catalogue from whatever the (sharded) builds left in `out`."""
    from memogen.build.writer import BuildLock, Staging, is_real_folder, is_regular

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
        _stage_catalogue(checked.standards, project, files, staging, out, result)
        staging.commit()
    return result


def _files_by_standard(manifest: Manifest) -> dict[str, list[str]]:
    """id → the names of its files, from the manifest of this build."""
    files: dict[str, list[str]] = {}
    for entry in manifest.entries.values():
        for relative in entry.files:
            standard_id, _, name = relative.partition("/")
            files.setdefault(standard_id, []).append(name)
    return files


def in_shard(standards: list[Standard], shard: tuple[int, int] | None) -> list[Standard]:
    """The K-th of N subsets, by a hash of the id: stable whatever else is added or removed."""
    if shard is None:
        return standards
    k, n = shard
    return [s for s in standards if int(hashlib.sha256(s.id.encode()).hexdigest(), 16) % n == k - 1]


def _plan(
    standards: list[Standard],
    project: Project,
    options: BuildOptions,
    old: Manifest,
    staging: Path,
    result: BuildResult,
) -> tuple[list[Job], Manifest]:
    """Jobs for the stale (standard, artifact) pairs; fresh entries carried to the new manifest."""
    from memogen.build.manifest import Entry, Manifest, TemplateHasher, build_key
    from memogen.render.templating import make_environment
    from memogen.render.worker import ARTIFACT_TEMPLATES, Job, templates_generation, wanted_formats

    user_templates = project.root / "templates"
    settings = project.config.build
    artifacts = options.artifacts or tuple(settings.artifacts)
    formats = options.formats or tuple(settings.formats)
    hasher = TemplateHasher(make_environment(user_templates))
    config_json = (
        project.config.model_dump_json()
        + hashlib.sha256(  # the logo's bytes too
            project.config.logo_uri.encode()
        ).hexdigest()
    )
    new, jobs = Manifest(), []
    for standard in standards:
        standard_json = standard.model_dump_json()
        stale = []
        for artifact in artifacts:
            wanted = wanted_formats(artifact, formats)
            if not wanted:
                continue
            name = f"{standard.id}/{artifact}"
            key = build_key(
                standard_json,
                config_json,
                hasher.for_artifact(artifact, ARTIFACT_TEMPLATES[artifact]),
                wanted,
            )
            if old.is_fresh(name, key, options.out):
                new.entries[name] = old.entries[name]
                result.skipped.append(name)
                result.warnings.extend(old.entries[name].warnings)  # said again, every build
            else:
                new.entries[name] = Entry(key, {})
                stale.append(artifact)
        if stale:
            jobs.append(
                Job(
                    standard,
                    project.config,
                    user_templates,
                    tuple(stale),
                    formats,
                    staging,
                    templates_generation(),
                )
            )
    return jobs, new


def _render_all(jobs: list[Job], workers: int) -> Generator[Rendered, None, None]:
    """Render in warm worker processes, one at least whatever -j says: the time and memory
    bounds of a render hold only in a process of its own (see `workers`)."""
    from memogen.render.pool import render_pool
    from memogen.render.worker import render_standard

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
                f"{jobs[done].standard.id}: a render worker stopped abruptly "
                "(out of memory, or killed); shorten its texts"
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


def _stage_catalogue(
    standards: list[Standard],
    project: Project,
    files: dict[str, list[str]],
    staging: Staging,
    out: Path,
    result: BuildResult,
) -> None:
    from memogen.data.schema import schema_text
    from memogen.render.context import catalogue_context
    from memogen.render.templating import make_environment, render

    env = make_environment(project.root / "templates")
    listed = {key: sorted(names) for key, names in files.items()}
    html = render(env, "index.html.j2", catalogue_context(standards, project.config, listed))
    for relative, data in (
        ("index.html", html.encode("utf-8")),
        ("standard.schema.json", schema_text().encode("utf-8")),
    ):
        if _stage_if_changed(staging, out, relative, data):
            result.rendered.append(relative)


def _stage_if_changed(staging: Staging, out: Path, relative: str, data: bytes) -> bool:
    """Stage a file only when its bytes differ from what is already in `out`."""
    from memogen.build.writer import read_regular

    if read_regular(out / relative, limit=len(data)) == data:
        return False
    staging.add(relative, data)
    return True
