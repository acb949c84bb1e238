"""Where things are: the repo (folder of memogen.yaml), its standards and the config."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from memogen.data.config import read_config, untranslated_settings
from memogen.data.config_model import Config
from memogen.data.paths import leads_inside, real_path
from memogen.data.survey import read_survey
from memogen.data.validate import Checked, check_ids_against, check_standards
from memogen.errors import Issue, UserError
from memogen.i18n import _

CONFIG_NAME = "memogen.yaml"
STANDARDS_DIR = "standards"
STANDARD_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Project:
    """The repo a command works on: its root folder, its config and what the config warned."""

    root: Path
    config: Config
    warnings: tuple[Issue, ...] = ()

    def display(self, path: Path) -> str:
        """A path as users see it in messages: relative to the repo when inside it."""
        for form in (Path(os.path.abspath(path)), real_path(path)):  # the link's own place first
            if form.is_relative_to(self.root):
                return form.relative_to(self.root).as_posix()
        return str(path)

    def check(self, paths: Iterable[Path]) -> tuple[list[str], Checked]:
        """Find and validate the standards of `paths`: the names of the files found, and the
        outcome, with the config's warnings and the refused links among its issues."""
        given = list(paths)
        files, refused = self.find_standards(given)
        checked = check_standards(files, self.config)
        if given and (self.root / STANDARDS_DIR).is_dir():  # some files: ids stay unique
            seen = {real_path(path) for path, _ in files}
            others = [pair for pair in self.standard_files([]) if real_path(pair[0]) not in seen]
            check_ids_against(checked, others)
        survey: list[Issue] = []
        if self.config.survey is not None:  # the answers are checked with the standards
            known = {standard.id for standard in checked.standards}
            if (self.root / STANDARDS_DIR).is_dir():  # every id of the repo (<id>.yaml): a
                # build of some files does not call the others' answers unknown
                known |= {path.stem for path, _ in self.standard_files([])}
            checked.answers, survey = read_survey(self.root, self.config.survey, known, CONFIG_NAME)
        languages = [standard.language for standard in checked.standards]
        untranslated = untranslated_settings(self.config, languages)
        checked.issues = sorted([*checked.issues, *self.warnings, *refused, *survey, *untranslated])
        return sorted([name for _, name in files] + [issue.file for issue in refused]), checked

    def standard_files(self, paths: Iterable[Path]) -> list[tuple[Path, str]]:
        """Expand files and folders into sorted (path, display name) pairs of .yaml files."""
        return self.find_standards(paths)[0]

    def find_standards(self, paths: Iterable[Path]) -> tuple[list[tuple[Path, str]], list[Issue]]:
        """The standards of `paths` (folders searched to any depth), and an error for each
        link that leads out of the repo: such a file is never read."""
        given = list(paths) or [self.root / STANDARDS_DIR]
        found: set[Path] = set()
        for path in given:
            if path.is_dir():
                found.update(
                    file
                    for folder in standard_folders(path, self.root)
                    for file in folder.iterdir()
                    if file.suffix in STANDARD_SUFFIXES  # a folder so named fails, located
                )
            elif path.is_file():
                found.add(path)
            else:
                raise UserError(_("{path}: no such file or folder").format(path=path))
        files, refused = [], []
        for path in found:
            if path.is_symlink() and not leads_inside(path, self.root):
                refused.append(_link_out_of_repo(self.display(path)))
            else:
                files.append((path, self.display(path)))
        return sorted(files, key=lambda pair: pair[1]), refused


def standard_folders(top: Path, root: Path) -> Iterator[Path]:
    """`top` and its subfolders (one per department is common), skipping hidden folders
    and links that lead out of the repo `root` or back into a folder already seen."""
    seen: set[Path] = set()
    pending = [top]
    while pending:
        folder = pending.pop()
        real = real_path(folder)
        if real in seen:
            continue
        seen.add(real)
        yield folder
        pending.extend(
            child
            for child in sorted(folder.iterdir(), reverse=True)
            if child.is_dir()
            and not child.name.startswith(".")
            and child.suffix not in STANDARD_SUFFIXES
            and (not child.is_symlink() or leads_inside(child, root))
        )


def _link_out_of_repo(display: str) -> Issue:
    return Issue(
        display,
        1,
        1,
        "",
        _("this file is a link to a file outside the repo, and memogen does not read it"),
        _("copy the standard into the repo instead of linking to it"),
    )


def open_project(config_path: Path | None) -> Project:
    """The project of `--config PATH`, else of ./memogen.yaml (defaults if it is absent)."""
    if config_path is not None and not config_path.is_file():
        raise UserError(_("{config_path}: no such config file").format(config_path=config_path))
    path = config_path or Path(CONFIG_NAME)
    root = real_path(path).parent
    display = path.name if config_path is None else str(config_path)
    config, warnings = read_config(path if path.exists() else None, display)
    return Project(root, config, tuple(warnings))
