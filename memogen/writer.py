"""The one place that writes files: atomically, inside the output folder only."""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: no half-written file survives."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(handle, 0o666 & ~_umask())  # mkstemp makes 0600; give the usual mode
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


SAFE_PART = re.compile(r"^\.?[a-z0-9][a-z0-9._-]*$")


def write_staged(staging: Path, relative: str, data: bytes) -> None:
    """Write one file into a staging folder (any process may call this)."""
    target = staging / _checked(relative)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


class BuildLock:
    """An exclusive lock on the output folder: a second build waits for the first."""

    def __init__(self, out: Path) -> None:
        out.mkdir(parents=True, exist_ok=True)
        self.path = out / ".memogen.lock"
        self.handle: int | None = None

    def __enter__(self) -> BuildLock:
        self.handle = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
        fcntl.flock(self.handle, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.handle is not None:
            fcntl.flock(self.handle, fcntl.LOCK_UN)
            os.close(self.handle)
            self.handle = None


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
        write_staged(self.dir, relative, data)
        self.written.append(relative)

    def adopt(self, relative: str) -> None:
        """Count a file another process wrote into the staging folder."""
        self.written.append(_checked(relative))

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
