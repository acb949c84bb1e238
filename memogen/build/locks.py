"""File locks (flock) that this process holds, and that a forked child never keeps: flock
belongs to every copy of the fd, so a render worker that outlived its build would keep the
output folder locked."""

from __future__ import annotations

import fcntl
import os
from contextlib import suppress
from pathlib import Path

_HELD_LOCKS: set[int] = set()  # lock fds this process holds; a forked child must not keep them


def _drop_inherited_locks() -> None:
    """In a forked child: close the parent's lock fds."""
    for handle in list(_HELD_LOCKS):
        with suppress(OSError):
            os.close(handle)
    _HELD_LOCKS.clear()


os.register_at_fork(after_in_child=_drop_inherited_locks)


def open_lock(path: Path, mode: int = 0o644) -> int:
    """An fd of the lock file `path` (made if missing, never through a symlink), not yet
    locked; a forked child closes it. OSError when it cannot be opened."""
    handle = os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, mode)
    _HELD_LOCKS.add(handle)
    return handle


def try_lock(path: Path) -> int | None:
    """An fd holding an exclusive lock on `path`, or None when another process holds it."""
    handle = open_lock(path, 0o600)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        release_lock(handle)
        return None
    return handle


def release_lock(handle: int) -> None:
    """Close a lock's fd: closing this process's only copy releases the lock."""
    _HELD_LOCKS.discard(handle)
    os.close(handle)
