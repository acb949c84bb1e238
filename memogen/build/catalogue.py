"""The catalogue of a build: index.html (every standard and its files) and the JSON Schema,
staged only when their bytes change."""

from __future__ import annotations

from pathlib import Path

from memogen.build.manifest import Manifest
from memogen.build.plan import BuildResult
from memogen.build.writer import Staging, read_regular
from memogen.data.models import Standard
from memogen.data.schema import schema_text
from memogen.project import Project
from memogen.render.context import catalogue_context
from memogen.render.templating import make_environment, render


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
) -> None:
    env = make_environment(project.root / "templates")
    listed = {key: sorted(names) for key, names in files.items()}
    html = render(env, "index.html.j2", catalogue_context(standards, project.config, listed))
    for relative, data in (
        ("index.html", html.encode("utf-8")),
        ("standard.schema.json", schema_text().encode("utf-8")),
    ):
        if stage_if_changed(staging, out, relative, data):
            result.rendered.append(relative)


def stage_if_changed(staging: Staging, out: Path, relative: str, data: bytes) -> bool:
    """Stage a file only when its bytes differ from what is already in `out`."""
    if read_regular(out / relative, limit=len(data)) == data:
        return False
    staging.add(relative, data)
    return True
