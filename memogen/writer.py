"""The one place that writes files: atomically, inside the output folder only."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: no half-written file survives."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


SAFE_PART = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


class Staging:
    """Build output in a hidden folder inside `out`; move it into place only on success.

    A failed build calls `discard()` and leaves `out` exactly as it was. `commit()`
    moves file by file with os.replace, so every file is whole at every moment.
    """

    def __init__(self, out: Path) -> None:
        out.mkdir(parents=True, exist_ok=True)
        self.out = out.resolve()
        self.dir = Path(tempfile.mkdtemp(prefix=".staging-", dir=self.out))
        self.written: list[str] = []

    def add(self, relative: str, data: bytes) -> None:
        """Stage one file; `relative` is checked to stay inside the output folder."""
        target = self.dir / _checked(relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        self.written.append(relative)

    def commit(self) -> None:
        for relative in sorted(self.written):
            final = self.out / relative
            _real_folder(final.parent, self.out)
            os.replace(self.dir / relative, final)
        shutil.rmtree(self.dir, ignore_errors=True)

    def discard(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)


def _checked(relative: str) -> str:
    parts = relative.split("/")
    if not all(SAFE_PART.match(part) for part in parts) or ".." in parts:
        raise ValueError(f"unsafe output path: {relative!r}")
    return relative


def _real_folder(folder: Path, root: Path) -> None:
    """Make `folder` (inside root) a real directory; a symlink there is replaced, not followed."""
    if folder == root:
        return
    _real_folder(folder.parent, root)
    if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
        folder.unlink()
    folder.mkdir(exist_ok=True)
