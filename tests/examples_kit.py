"""The example repo's settings, for tests that build a repo of their own from the examples."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def copy_settings(folder: Path, config: str | None = None) -> None:
    """memogen.yaml (or `config`, its text edited) and the logo it names into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    if config is None:
        shutil.copy(REPO / "memogen.yaml", folder / "memogen.yaml")
    else:
        (folder / "memogen.yaml").write_text(config, encoding="utf-8")
    shutil.copytree(REPO / "assets", folder / "assets", dirs_exist_ok=True)
