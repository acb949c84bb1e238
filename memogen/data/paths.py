"""Where a path really leads, for the checks that keep what memogen reads inside the repo."""

from __future__ import annotations

import os
from pathlib import Path


def real_path(path: Path) -> Path:
    """`path` absolute, its links followed, as `Path.resolve()` gives it; a link that leads
    round in a loop stays as it is (reading it then fails with a message) where Python
    3.11's `resolve()` raises RuntimeError."""
    return Path(os.path.realpath(path))


def leads_inside(path: Path, root: Path) -> bool:
    """True when `path`, its links followed, is `root` or inside it (links followed too)."""
    return real_path(path).is_relative_to(real_path(root))
