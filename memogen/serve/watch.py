"""Which files `memogen serve` watches, and the watching itself (watchfiles, one thread).

Folders are watched, not files, and without recursion: editors that save by writing
a new file and renaming it over the old one are seen, and a large repo (.git, .venv)
costs nothing; the standards' subfolders are each watched by name, as the build finds
them. When the set of folders changes (a `templates/` folder appears, the logo moves,
a department's folder is added) the watch starts again on the new set."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import watchfiles

from memogen.data.paths import real_path
from memogen.errors import UserError
from memogen.project import CONFIG_NAME, STANDARD_SUFFIXES, open_project


@dataclass(frozen=True)
class Targets:
    """What a change must touch to matter."""

    config: Path
    templates: Path
    standard_folders: frozenset[Path]
    standard_files: frozenset[Path]
    logo: Path | None
    survey: Path | None = None  # memogen.yaml's `survey.results`, a pattern under the repo

    def folders(self) -> list[Path]:
        """The existing folders to watch."""
        wanted = {
            self.config.parent,
            *self.standard_folders,
            *(f.parent for f in self.standard_files),
            self.templates,
        }
        for source in (self.logo, self.survey):  # the survey: its exports' folder
            if source is not None:
                wanted.add(source.parent)
        return sorted(folder for folder in wanted if folder.is_dir())

    def matters(self, change: watchfiles.Change, name: str) -> bool:
        path = Path(name)
        if path.name.startswith((".", "#")) or path.name.endswith(("~", ".swp", ".swx")):
            return False  # editors' backup, swap and lock files
        return (
            path in (self.config, self.templates, self.logo)
            or path in self.standard_files
            or (self.survey is not None and path.match(str(self.survey)))
            or path.parent == self.templates
            or (path.parent in self.standard_folders and path.suffix in STANDARD_SUFFIXES)
            or path in self.standard_folders  # a department's folder removed
            or (path.parent in self.standard_folders and path.is_dir())  # or added
        )


def targets_of(
    config_path: Path | None, root: Path, folders: set[Path], files: set[Path]
) -> Targets:
    """The targets as the sources are now (the logo is wherever memogen.yaml says)."""
    config = real_path(config_path or Path(CONFIG_NAME))
    try:
        settings = open_project(config_path).config
        logo_name, survey = settings.logo, settings.survey
    except UserError:  # an invalid memogen.yaml: the page shows why; watch without the logo
        logo_name, survey = None, None
    logo = real_path(root / logo_name) if logo_name else None
    answers = root / survey.results if survey else None  # a pattern, matched by `matters`
    return Targets(config, root / "templates", frozenset(folders), frozenset(files), logo, answers)


def watch_sources(
    find_targets: Callable[[], Targets],
    sources_changed: Callable[[bool], None],
    stop: threading.Event,
) -> None:
    """Call `sources_changed(templates)` on every change that matters, until `stop` is set;
    `find_targets` says what matters as the sources are now."""
    targets = None
    while not stop.is_set():
        if targets is not None:  # files made in a new folder before it was watched
            sources_changed(True)
        targets = find_targets()
        for changes in watchfiles.watch(
            *targets.folders(),
            watch_filter=targets.matters,
            stop_event=stop,
            recursive=False,
            raise_interrupt=False,
        ):
            touched = [Path(name) for _, name in changes]
            sources_changed(
                any(p == targets.templates or p.parent == targets.templates for p in touched)
            )
            if find_targets() != targets:
                break  # watch the new set of folders
