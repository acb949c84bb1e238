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
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from memogen.build.locks import open_lock, release_lock
from memogen.errors import UserError
from memogen.i18n import N_, _

_ADVICE = {
    errno.ENOSPC: N_("the disk is full; free some space and build again"),
    errno.EDQUOT: N_("the disk quota is used up; free some space and build again"),
    errno.EACCES: N_("memogen may not write there; check the permissions or choose another -o"),
    errno.EPERM: N_("memogen may not write there; check the permissions or choose another -o"),
    errno.EROFS: N_("the folder is read-only; choose another with -o"),
    errno.ELOOP: N_("it is a symbolic link; remove it"),
}


def cannot_write(path: Path | str, exc: OSError, unchanged: bool = True) -> UserError:
    """The user-facing form of an OSError met while writing `path`."""
    advice = _ADVICE.get(exc.errno or 0, "")
    outcome = (
        _("the output folder was left as it was")
        if unchanged
        else _("some files of this build are already in place; build again")
    )
    reason = exc.strerror or exc
    if advice:
        message = _("cannot write {path}: {reason} ({advice}); {outcome}")
        return UserError(
            message.format(path=path, reason=reason, advice=_(advice), outcome=outcome)
        )
    message = _("cannot write {path}: {reason}; {outcome}")
    return UserError(message.format(path=path, reason=reason, outcome=outcome))


OUTPUT_READ_LIMIT = 256 * 1024**2  # far above any PDF or manifest memogen writes


def read_regular(path: Path, limit: int = OUTPUT_READ_LIMIT) -> bytes | None:
    """The bytes of `path` if it is a regular file of at most `limit` bytes, else None.

    Never follows a symlink, never blocks on a FIFO, never reads a device: a file planted
    in the output folder (`index.html -> /dev/zero`) is treated as absent, not read.
    """
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return None
    try:  # fstat first: a folder opens, but os.fdopen refuses it (IsADirectoryError)
        found = os.fstat(handle)
        if not stat.S_ISREG(found.st_mode) or found.st_size > limit:
            return None
        with os.fdopen(handle, "rb", closefd=False) as file:
            data = file.read(limit + 1)
    finally:
        os.close(handle)
    return data if len(data) <= limit else None


def is_regular(path: Path) -> bool:
    """True for a regular file that is not a symlink (the output's own files)."""
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:
        return False


def is_real_folder(path: Path) -> bool:
    """True for a directory that is not a symlink."""
    try:
        return stat.S_ISDIR(path.lstat().st_mode)
    except OSError:
        return False


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


Say = Callable[[str], None]


class BuildLock:
    """An exclusive lock on the output folder: a second build waits for the first, and says so."""

    def __init__(self, out: Path, say: Say | None = None) -> None:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise cannot_write(out, exc) from None
        self.out = out
        self.path = out / ".memogen.lock"
        self.say = say
        self.handle: int | None = None

    def __enter__(self) -> BuildLock:
        try:
            self.handle = open_lock(self.path)
        except OSError as exc:
            raise cannot_write(self.path, exc) from None
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if self.say:
                self.say(_("another build is writing to {out}/; waiting").format(out=self.out))
            try:
                fcntl.flock(self.handle, fcntl.LOCK_EX)
            except BaseException:
                self.__exit__()
                raise
        self._remove_stale_staging()
        return self

    def _remove_stale_staging(self) -> None:
        """Staging folders are made only under this lock: any found now, a build that was
        killed left behind."""
        for folder in sorted(self.out.glob(".staging-*")):
            if is_real_folder(folder):
                shutil.rmtree(folder, ignore_errors=True)
                if self.say:
                    self.say(
                        _("removed {folder}, left behind by a build that was stopped").format(
                            folder=folder
                        )
                    )

    def __exit__(self, *exc: object) -> None:
        if self.handle is not None:
            release_lock(self.handle)
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
        self.dropped: list[str] = []

    def add(self, relative: str, data: bytes) -> None:
        """Stage one file; `relative` is checked to stay inside the output folder."""
        write_staged(self.dir, relative, data)
        self.written.append(relative)

    def adopt(self, relative: str) -> None:
        """Count a file another process wrote into the staging folder."""
        self.written.append(_checked(relative))

    def drop(self, relative: str) -> None:
        """Remove a file of the output on commit (memogen wrote it; nothing asks for it now)."""
        self.dropped.append(_checked(relative))

    def commit(self) -> list[str]:
        """Move the staged files into place, then remove the dropped ones; the stray files
        left in the folders of dropped files (memogen did not write them) are returned."""
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
                        errno.EISDIR, _("a folder of that name is in the way; remove it")
                    ),
                )
        for relative in moves:
            try:
                os.replace(self.dir / relative, self.out / relative)
            except OSError as exc:
                raise cannot_write(self.out / relative, exc, unchanged=False) from None
        shutil.rmtree(self.dir, ignore_errors=True)
        return _remove_dropped(self.out, self.dropped)

    def discard(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        """Any failure, Ctrl-C included, discards the staging folder (commit already did)."""
        if kind is not None:
            self.discard()


def _remove_dropped(root: Path, dropped: list[str]) -> list[str]:
    """Unlink each dropped regular file (never through a symlinked folder), then remove the
    folders this emptied; the files left in those folders."""
    folders: set[str] = set()
    for relative in sorted(dropped):
        folder = relative.rpartition("/")[0]
        if folder and not is_real_folder(root / folder):
            continue
        if is_regular(root / relative):
            try:
                (root / relative).unlink()
            except OSError as exc:
                raise cannot_write(root / relative, exc, unchanged=False) from None
        if folder:
            folders.add(folder)
    kept: list[str] = []
    for folder in sorted(folders):
        try:
            (root / folder).rmdir()
        except OSError:
            kept += sorted(f"{folder}/{p.name}" for p in (root / folder).iterdir())
    return kept


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
