"""`memogen diff`'s body (cli.py stays thin): read both states, compare, report, write the
notices; returns what to print and the exit code."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from memogen.diff.compare import compare
from memogen.diff.notice import write_notices
from memogen.diff.report import FORMATS, Compared, fails
from memogen.diff.sources import Pair, from_files, from_git
from memogen.project import STANDARD_SUFFIXES, open_project


def run_diff(
    paths: Sequence[Path],
    config_path: Path | None,
    *,
    base: str | None,
    fmt: str,
    fail_on: str,
    notice: Path | None,
) -> tuple[str, int]:
    """The report of the changes and the exit code (1: a change at or above `fail_on`)."""
    project = open_project(config_path)
    if _two_files(paths, base):
        pairs = from_files(paths[0], paths[1], project.config)
    else:
        pairs = from_git(project, paths, base or "HEAD")
    results = [_compared(pair, project.config.workday_hours) for pair in pairs]
    if notice is not None:
        write_notices(notice, pairs, results, project.config, project.root / "templates")
    return FORMATS[fmt](results), 1 if fails(results, fail_on) else 0


def _two_files(paths: Sequence[Path], base: str | None) -> bool:
    """`memogen diff OLD.yaml NEW.yaml`: two files and no --base."""
    return (
        base is None
        and len(paths) == 2
        and all(path.is_file() and path.name.endswith(STANDARD_SUFFIXES) for path in paths)
    )


def _compared(pair: Pair, workday_hours: int) -> Compared:
    old, new = pair
    either = new or old
    assert either is not None
    return Compared(either.id, compare(old, new, workday_hours))
