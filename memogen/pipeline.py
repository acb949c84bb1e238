"""The whole job, top to bottom: load → validate → context → render → write."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from memogen.project import Project, open_project
from memogen.validate import Checked, check_standards


def check(paths: Sequence[Path], config_path: Path | None) -> tuple[Project, Checked, int]:
    """Load and validate the standards; returns the project, the result and the file count."""
    project = open_project(config_path)
    files = project.standard_files(paths)
    return project, check_standards(files, project.config), len(files)
