"""The one place that writes files: atomically, inside the output folder only.

Every OSError met while writing becomes a UserError that names the file and says
what to do (a full disk, a read-only folder), never a traceback.
"""

from __future__ import annotations

import errno
import fcntl
import os
import re
import shutil
import tempfile
from pathlib import Path

from memogen.errors import UserError

_ADVICE = {
    errno.ENOSPC: "the disk is full; free some space and build again",
    errno.EDQUOT: "the disk quota is used up; free some space and build again",
    errno.EACCES: "memogen may not write there; check the permissions or choose another -o",
    errno.EPERM: "memogen may not write there; check the permissions or choose another -o",
    errno.EROFS: "the folder is read-only; choose another with -o",
    errno.ELOOP: "it is a symbolic link; remove it",
}


def cannot_write(path: Path | str, exc: OSError, unchanged: bool = True) -> UserError:
    """The user-facing form of an OSError met while writing `path`."""
    advice = _ADVICE.get(exc.errno or 0, "")
    outcome = (
        "the output folder was left as it was"
        if unchanged
        else "some files of this build are already in place; build again"
    )
    return UserError(
        f"cannot write {path}: {exc.strerror or exc}"
        + (f" ({advice})" if advice else "")
        + f"; {outcome}"
    )


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
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    except OSError as exc:
        raise cannot_write(staging.parent / relative, exc) from None


class BuildLock:
    """An exclusive lock on the output folder: a second build waits for the first."""

    def __init__(self, out: Path) -> None:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise cannot_write(out, exc) from None
        self.path = out / ".memogen.lock"
        self.handle: int | None = None

    def __enter__(self) -> BuildLock:
        try:
            self.handle = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
        except OSError as exc:
            raise cannot_write(self.path, exc) from None
        fcntl.flock(self.handle, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.handle is not None:
            fcntl.flock(self.handle, fcntl.LOCK_UN)
            os.close(self.handle)
            self.handle = None


class Staging:
    """Build output in a hidden folder inside `out`; move it into place only on success.

    Used as a context manager, a failure discards it and leaves `out` exactly as it was. `commit()`
    moves file by file with os.replace, so every file is whole at every moment.
    """

    def __init__(self, out: Path) -> None:
        try:
            out.mkdir(parents=True, exist_ok=True)
            self.out = out.resolve()
            self.dir = Path(tempfile.mkdtemp(prefix=".staging-", dir=self.out))
        except OSError as exc:
            raise cannot_write(out, exc) from None
        self.written: list[str] = []

    def add(self, relative: str, data: bytes) -> None:
        """Stage one file; `relative` is checked to stay inside the output folder."""
        write_staged(self.dir, relative, data)
        self.written.append(relative)

    def adopt(self, relative: str) -> None:
        """Count a file another process wrote into the staging folder."""
        self.written.append(_checked(relative))

    def commit(self) -> None:
        moves = sorted(self.written)
        for relative in moves:  # first make sure every file can go where it belongs
            final = self.out / relative
            try:
                _real_folder(final.parent, self.out)
            except OSError as exc:
                raise cannot_write(final.parent, exc) from None
            if final.is_dir() and not final.is_symlink():
                raise cannot_write(
                    final,
                    IsADirectoryError(
                        errno.EISDIR, "a folder of that name is in the way; remove it"
                    ),
                )
        for relative in moves:
            try:
                os.replace(self.dir / relative, self.out / relative)
            except OSError as exc:
                raise cannot_write(self.out / relative, exc, unchanged=False) from None
        shutil.rmtree(self.dir, ignore_errors=True)

    def discard(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        """Any failure, Ctrl-C included, discards the staging folder (commit already did)."""
        if kind is not None:
            self.discard()


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
