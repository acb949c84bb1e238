"""Render workers: every build renders in processes of their own, bounded and tied to it.

A render runs in a worker process whatever `-j` says, because only there do its bounds
hold: the wall-clock bound is a SIGALRM, which needs the main thread of its process (a
`memogen serve` build runs on another thread), and the memory bound is an RLIMIT_AS,
which must not bound the parent. A worker dies with the process that started it
(PR_SET_PDEATHSIG), never holds the output folder's lock (see `build.writer`), and leaves
SIGTERM and Ctrl-C to the parent, which stops it and cleans up.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import select
import signal
import threading
from collections.abc import Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass

from memogen.errors import UserError
from memogen.i18n import N_, MessageLanguage, _, current, use
from memogen.render.formats import pdf
from memogen.render.worker import warm_up

PR_SET_PDEATHSIG = 1  # linux/prctl.h
TIMEOUT_VARIABLE = "MEMOGEN_RENDER_TIMEOUT"  # seconds a PDF may take to lay out
MEMORY_VARIABLE = "MEMOGEN_RENDER_MEMORY"  # MiB of address space a worker may use


@dataclass(frozen=True)
class Limits:
    """The bounds of one render: wall-clock seconds per PDF, bytes of address space."""

    seconds: float
    memory: int


def render_limits(environ: Mapping[str, str] = os.environ) -> Limits:
    """The limits docs/security.md promises, or tighter or looser ones from the environment."""
    seconds = _positive(environ, TIMEOUT_VARIABLE, N_("seconds"))
    mebibytes = _positive(environ, MEMORY_VARIABLE, N_("MiB"))
    return Limits(
        seconds or pdf.PDF_TIME_LIMIT_S,
        int(mebibytes * 2**20) if mebibytes else pdf.WORKER_MEMORY_BYTES,
    )


def _positive(environ: Mapping[str, str], name: str, unit: str) -> float | None:
    given = environ.get(name, "").strip()
    if not given:
        return None
    try:
        value = float(given)
    except ValueError:
        value = 0.0
    if not 0 < value < 10**9:
        message = _("{name} must be a number of {unit} above 0, not '{given}'")
        raise UserError(message.format(name=name, unit=_(unit), given=given[:40]))
    return value


# (thread, workers, limits, the messages' language) → a pool kept warm for the next build
_KEPT: dict[tuple[int, int, Limits, str], ProcessPoolExecutor] = {}


@contextmanager
def render_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A pool of `workers` bounded render processes; on any failure, Ctrl-C or SIGTERM they
    are stopped at once, before the caller removes the staging folder they write into.

    A build on the main thread (the CLI) gets a pool of its own. A build on another thread
    (`memogen serve`, which rebuilds on each save) keeps its warm pool for the next build:
    starting workers and WeasyPrint anew would cost about a second each time."""
    limits = render_limits()
    if threading.current_thread() is threading.main_thread():
        pool = _start(workers, limits, multiprocessing.get_context("fork"))  # starts warm
        try:
            yield pool
        except BaseException:
            _stop(pool)
            raise
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
        return
    key = (threading.get_ident(), workers, limits, current())
    pool = _KEPT.get(key) or _start(workers, limits, _forkserver())
    _KEPT[key] = pool
    try:
        yield pool
    except BaseException:
        if _KEPT.pop(key, None) is pool:  # else stop_kept_pools() took it and stops it
            _stop_and_shut(pool)
        raise


def stop_kept_pools() -> None:
    """Stop the pools kept for builds off the main thread, and what they are rendering: a
    server that stops must not wait for queued renders (at exit, Python would run them)."""
    while _KEPT:
        try:
            _, pool = _KEPT.popitem()
        except KeyError:  # a failing build took the last one: it stops it
            return
        _stop_and_shut(pool)


def _stop_and_shut(pool: ProcessPoolExecutor) -> None:
    """Stop a pool and release its queues. Only the thread that took the pool out of
    _KEPT calls this: two shutdowns at once close the same pipe twice."""
    _stop(pool)
    pool.shutdown(wait=True, cancel_futures=True)


def _start(
    workers: int, limits: Limits, context: multiprocessing.context.BaseContext
) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=start_worker,
        initargs=(os.getpid(), limits, workers > 1, current()),
    )


def _stop(pool: ProcessPoolExecutor) -> None:
    """Stop the workers now: a render in progress is not waited for."""
    for process in list(pool._processes.values()):
        with suppress(OSError):
            process.terminate()


def _forkserver() -> multiprocessing.context.BaseContext:
    """Workers for a build off the main thread are forked by a server process of their own,
    never from this one while its other threads may hold locks (serve's HTTP threads)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["memogen.render.worker"])
    return context


def start_worker(owner: int, limits: Limits, warm: bool, language: MessageLanguage = "en") -> None:
    """Run first in each worker: tie it to the build process `owner`, bound it, speak the
    build's `language` (a forkserver's worker does not inherit it), and (for a pool of several)
    lay out a page so that its first job starts warm."""
    use(language)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a forked child inherits the parent's handler
    _die_with(owner)
    pdf.limit_worker(limits.memory)
    pdf.PDF_TIME_LIMIT_S = limits.seconds
    if warm:
        warm_up()


def _die_with(owner: int) -> None:
    """End this worker when the build process ends, however it ends (SIGKILL too).

    A worker of a fork pool is the build's child: Linux kills it with its parent
    (PR_SET_PDEATHSIG). A worker of a forkserver pool (`memogen serve`) is the fork server's
    child, and the server outlives a killed build while any worker lives: there, a thread
    waits on the build's pidfd and ends the worker when the build is gone."""
    with suppress(OSError, AttributeError):  # not Linux: the parent's cleanup must do
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    try:
        handle = os.pidfd_open(owner)
    except ProcessLookupError:  # the build is already gone
        os._exit(1)
    except (OSError, AttributeError):  # no pidfd here (before Linux 5.3): PDEATHSIG alone
        return
    threading.Thread(
        target=_exit_when_readable, args=(handle,), name="memogen-owner", daemon=True
    ).start()


def _exit_when_readable(handle: int) -> None:
    """A pidfd turns readable when its process has ended."""
    select.select([handle], [], [])
    os._exit(1)
