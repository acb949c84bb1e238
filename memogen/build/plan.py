"""The build plan: which (standard, artifact) pairs are stale against the manifest and become
jobs, which files a build decides about, and the shard a build covers."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from memogen.build.manifest import Entry, Manifest, TemplateHasher, build_key, is_unchanged
from memogen.data.document import Document
from memogen.data.lifecycle import source_date_epoch
from memogen.data.models import Standard
from memogen.data.paths import real_path
from memogen.data.validate import Checked
from memogen.errors import Issue
from memogen.i18n import current
from memogen.outputs import BY_NAME, DATED_FORMATS, wanted_formats
from memogen.project import STANDARDS_DIR, Project
from memogen.render.templating import make_environment
from memogen.render.worker import Job, templates_generation


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


def in_shard(standards: list[Standard], shard: tuple[int, int] | None) -> list[Standard]:
    """The K-th of N subsets, by a hash of the id: stable whatever else is added or removed."""
    if shard is None:
        return standards
    k, n = shard
    return [s for s in standards if int(hashlib.sha256(s.id.encode()).hexdigest(), 16) % n == k - 1]


@dataclass(frozen=True)
class Reach:
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


def reach_of(
    paths: Sequence[Path],
    project: Project,
    checked: Checked,
    built: list[Standard],
    options: BuildOptions,
) -> Reach:
    return Reach(
        {s.id for s in checked.standards},
        {s.id for s in built},
        _is_the_standards_folder(paths, project),
        options.artifacts is None and options.formats is None,
    )


def _is_the_standards_folder(paths: Sequence[Path], project: Project) -> bool:
    """True when `paths` are the standards folder (or none, which means it)."""
    return all(real_path(path) == project.root / STANDARDS_DIR for path in paths)


def covers_the_repo(paths: Sequence[Path], project: Project) -> bool:
    """True when `paths` are the standards folder, or name every standard file it holds (in
    any order): such a build writes the catalogue, which then lists every standard."""
    folder = project.root / STANDARDS_DIR
    if _is_the_standards_folder(paths, project):
        return True
    if not folder.is_dir():
        return False
    named = {real_path(path) for path, _ in project.standard_files(paths)}
    return named >= {real_path(path) for path, _ in project.standard_files([folder])}


def carry_undecided(recorded: Manifest, new: Manifest, reach: Reach, out: Path) -> None:
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


def keep_unbuilt_formats(recorded: Manifest, new: Manifest, reach: Reach, out: Path) -> None:
    """After a build of some formats (`--format docx`), a document's other files, still there
    as memogen wrote them, stay listed as its own: a later build removes or replaces them,
    and never mistakes them for a stray file."""
    for name, entry in new.entries.items():
        before = recorded.entries.get(name)
        if before is None or before is entry or reach.decides(name.partition("/")[0]):
            continue
        for relative, size in before.files.items():
            if relative not in entry.files and is_unchanged(out / relative, size):
                entry.files[relative] = size


def no_longer_built(recorded: Manifest, new: Manifest, reach: Reach) -> list[str]:
    """Files memogen recorded as its own that this build decides and no longer makes."""
    return sorted(
        relative
        for relative in recorded.files() - new.files()
        if reach.decides(relative.partition("/")[0])
    )


def plan(
    standards: list[Standard],
    project: Project,
    options: BuildOptions,
    old: Manifest,
    staging: Path,
    result: BuildResult,
    documents: Mapping[str, Document] | None = None,
) -> tuple[list[Job], Manifest]:
    """Jobs for the stale (standard, artifact) pairs; fresh entries carried to the new manifest."""
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
        + current()  # the manifest keeps each document's warnings in the messages' language
    )
    # The email's Date and the .docx's timestamps come from SOURCE_DATE_EPOCH: read (and
    # checked) once, before any render, and part of their key, so a new epoch makes them stale.
    epoch = f"SOURCE_DATE_EPOCH={source_date_epoch()}"
    new, jobs = Manifest(), []
    for standard in standards:
        standard_json = standard.model_dump_json()
        stale = []
        for artifact in artifacts:
            wanted = wanted_formats(artifact, formats)
            if not wanted:
                continue
            name = f"{standard.id}/{artifact}"
            kind = BY_NAME[artifact]
            key = build_key(
                standard_json,
                config_json + epoch if set(wanted) & set(DATED_FORMATS) else config_json,
                hasher.for_artifact(artifact, list(kind.template_names)),
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
                    (documents or {}).get(standard.id),
                )
            )
    return jobs, new
