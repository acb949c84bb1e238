"""Where things are: the repo (folder of memogen.yaml), its standards and the config."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from memogen.errors import UserError
from memogen.models import Config
from memogen.validate import load_config

CONFIG_NAME = "memogen.yaml"
STANDARDS_DIR = "standards"


@dataclass(frozen=True)
class Project:
    """The repo a command works on: its root folder and its config."""

    root: Path
    config: Config

    def display(self, path: Path) -> str:
        """A path as users see it in messages: relative to the repo when inside it."""
        resolved = path.resolve()
        if resolved.is_relative_to(self.root):
            return resolved.relative_to(self.root).as_posix()
        return str(path)

    def standard_files(self, paths: Iterable[Path]) -> list[tuple[Path, str]]:
        """Expand files and folders into sorted (path, display name) pairs of .yaml files."""
        given = list(paths) or [self.root / STANDARDS_DIR]
        found: set[Path] = set()
        for path in given:
            if path.is_dir():
                found.update(p for p in path.glob("*.y*ml") if p.suffix in (".yaml", ".yml"))
            elif path.is_file():
                found.add(path)
            else:
                raise UserError(f"{path}: no such file or folder")
        return sorted(((p, self.display(p)) for p in found), key=lambda pair: pair[1])


def open_project(config_path: Path | None) -> Project:
    """The project of `--config PATH`, else of ./memogen.yaml (defaults if it is absent)."""
    if config_path is not None and not config_path.is_file():
        raise UserError(f"{config_path}: no such config file")
    path = config_path or Path(CONFIG_NAME)
    root = path.resolve().parent
    display = path.name if config_path is None else str(config_path)
    return Project(root, load_config(path if path.exists() else None, display))
