"""A build that is killed leaves nothing running and nothing locked: its render workers die
with it, the next build removes what it left behind and says so, and a build that has to
wait for another one says so instead of hanging silently."""

from __future__ import annotations

import fcntl
import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .adversarial_kit import MAIN, TINY_TEXT, Cli, leftovers, make_repo

PATIENCE_S = 120.0  # a bound on every wait below, never an expected duration
ENV = {**os.environ, "PYTHONPATH": str(MAIN), "CI": "1"}


def _wait_for(event: Callable[[], bool], what: str) -> None:
    """Poll until `event()` is true; fail after PATIENCE_S (a hung build, not a slow one)."""
    deadline = time.monotonic() + PATIENCE_S
    while not event():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited {PATIENCE_S:g} s for {what}")
        time.sleep(0.05)


def _children(parent: int) -> set[int]:
    """The living (not zombie) processes whose parent is `parent`."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if fields[0] != "Z" and int(fields[1]) == parent:
            found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return False
    return state != "Z"


def _build(repo: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "memogen", "build", "-o", "output", *args],
        cwd=repo,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # a signal for it reaches nobody else
    )


@pytest.fixture
def busy_repo(tmp_path: Path) -> Path:
    """Eight standards with PDFs and posters: enough work for two workers to be caught busy."""
    names = [f"service-{n}" for n in range(8)]
    return make_repo(
        tmp_path / "repo",
        {f"{name}.yaml": TINY_TEXT.replace("id: tiny-service", f"id: {name}") for name in names},
    )


@pytest.fixture
def survivors() -> Iterator[set[int]]:
    """Pids a test saw; any still alive at the end are killed, so a failure leaves none."""
    seen: set[int] = set()
    yield seen
    for pid in seen:
        if _alive(pid):
            os.kill(pid, signal.SIGKILL)


@pytest.mark.parametrize("jobs", [1, 2], ids=["j1", "j2"])
@pytest.mark.parametrize("kill", [signal.SIGTERM, signal.SIGKILL], ids=["TERM", "KILL"])
def test_a_killed_build_leaves_no_worker_lock_or_staging_behind(
    kill: signal.Signals, jobs: int, busy_repo: Path, survivors: set[int]
) -> None:
    """With -j 1 too: every build renders in a worker process (see `render.pool`)."""
    out = busy_repo / "output"
    run = _build(busy_repo, "-j", str(jobs), "--format", "pdf,png")
    survivors.add(run.pid)
    # The staging folder first: before it, a child may be validation's fc-list, not a worker.
    _wait_for(
        lambda: any(out.glob(".staging-*")) and len(_children(run.pid)) == jobs,
        f"the staging folder and {jobs} render worker(s)",
    )
    workers = _children(run.pid)
    survivors.update(workers)
    staged = sorted(p.name for p in out.glob(".staging-*"))
    os.kill(run.pid, kill)
    _, stderr = run.communicate(timeout=PATIENCE_S)
    code = run.returncode
    _wait_for(lambda: not any(_alive(pid) for pid in workers), "the workers to die")
    if kill == signal.SIGTERM:  # cleaned up like Ctrl-C
        assert (code, stderr) == (130, "interrupted; nothing was changed\n")
        assert leftovers(out) == []
    again = subprocess.run(
        [sys.executable, "-m", "memogen", "build", "-o", "output", "-j", "2", "--format", "md"],
        cwd=busy_repo,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=PATIENCE_S,
    )
    left = [] if kill == signal.SIGTERM else staged
    assert (again.returncode, again.stderr) == (
        0,
        "".join(
            f"removed output/{name}, left behind by a build that was stopped\n" for name in left
        ),
    )
    assert leftovers(out) == []


def test_a_stale_staging_folder_is_removed_with_a_message(busy_repo: Path, cli: Cli) -> None:
    stale = busy_repo / "output" / ".staging-k1ll3d"
    stale.mkdir(parents=True)
    (stale / "half-written.pdf").write_bytes(b"%PDF-")
    ran = cli("build", "-j", "1", "--format", "md", cwd=busy_repo)
    assert ran.code == 0
    assert ran.stderr == "removed output/.staging-k1ll3d, left behind by a build that was stopped\n"
    assert leftovers(busy_repo / "output") == []


def test_a_build_waiting_for_another_says_so_once(busy_repo: Path) -> None:
    out = busy_repo / "output"
    out.mkdir()
    lock = os.open(out / ".memogen.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        run = _build(busy_repo, "-j", "1", "--format", "md")
        assert run.stderr is not None
        ready, _, _ = select.select([run.stderr], [], [], PATIENCE_S)
        assert ready, "the waiting build said nothing"
        assert run.stderr.readline() == "another build is writing to output/; waiting\n"
    finally:
        os.close(lock)
    stdout, stderr = run.communicate(timeout=PATIENCE_S)
    assert (run.returncode, stderr) == (0, "")
    assert stdout == "wrote 19 file(s) to output; 0 document(s) were up to date\n"


def _descendants(root: int) -> set[int]:
    """Every living process below `root`."""
    found: set[int] = set()
    pending = [root]
    while pending:
        children = _children(pending.pop())
        found |= children
        pending.extend(children)
    return found


def _serve(repo: Path, temp: Path, **streams: int) -> subprocess.Popen[str]:
    """`memogen serve` in `repo`, its preview folder made in `temp`."""
    return subprocess.Popen(
        [sys.executable, "-m", "memogen", "serve", "--port", "0"],
        cwd=repo,
        env={**ENV, "TMPDIR": str(temp)},
        text=True,
        start_new_session=True,
        **streams,
    )


def test_a_killed_preview_server_leaves_no_render_worker_behind(
    busy_repo: Path, survivors: set[int], tmp_path: Path
) -> None:
    """`memogen serve` renders through a fork server, whose workers are not its children:
    killed with SIGKILL (nothing of it runs any more), it must still leave no process. Its
    preview folder the next `memogen serve` removes, and says so."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    server = _serve(busy_repo, temp, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        # the fork server is the server's child; render workers are the fork server's
        _wait_for(
            lambda: any(_children(child) for child in _children(server.pid)),
            "render workers under the fork server",
        )
        below = _descendants(server.pid)
        survivors.update(below)
    finally:
        server.kill()
        server.wait(timeout=PATIENCE_S)
    _wait_for(lambda: not any(_alive(pid) for pid in below), "every process of the server to end")
    left = list(temp.glob("memogen-serve-*"))
    assert len(left) == 1, "a server killed with SIGKILL cannot remove its preview folder"
    again = _serve(busy_repo, temp, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        assert again.stderr is not None
        ready, _, _ = select.select([again.stderr], [], [], PATIENCE_S)
        assert ready, "the next server said nothing"
        first = again.stderr.readline()
    finally:
        again.terminate()
        again.communicate(timeout=PATIENCE_S)
    assert first == f"removed {left[0]}, left behind by a preview that was stopped\n"
    assert not left[0].exists()
    assert list(temp.glob("memogen-serve-*")) == []  # the second one removed its own
