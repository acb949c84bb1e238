"""Unit tests for memogen.render.pool: the limits and who stops a kept pool."""

from __future__ import annotations

import threading
from concurrent.futures import ProcessPoolExecutor

import pytest

from memogen.render import pool
from memogen.render.formats import pdf


def test_without_the_variables_the_documented_limits_hold() -> None:
    assert pool.render_limits({}) == pool.Limits(pdf.PDF_TIME_LIMIT_S, pdf.WORKER_MEMORY_BYTES)


def test_the_variables_set_seconds_and_mebibytes() -> None:
    limits = pool.render_limits({pool.TIMEOUT_VARIABLE: " 2.5 ", pool.MEMORY_VARIABLE: "512"})
    assert limits == pool.Limits(2.5, 512 * 2**20)


@pytest.mark.parametrize("value", ["0", "-1", "ten", "1e12"])
def test_a_limit_that_is_not_a_positive_number_is_refused(value: str) -> None:
    with pytest.raises(pool.UserError) as raised:
        pool.render_limits({pool.MEMORY_VARIABLE: value})
    assert (
        str(raised.value) == f"MEMOGEN_RENDER_MEMORY must be a number of MiB above 0, not '{value}'"
    )


class CountingPool(ProcessPoolExecutor):
    shutdowns = 0

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self.shutdowns += 1
        super().shutdown(wait, cancel_futures=cancel_futures)


def test_a_pool_the_server_stopped_is_not_shut_down_again_by_its_failing_build(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Two shutdowns at once closed the same pipe twice: 'Bad file descriptor' on Ctrl-C."""
    started: list[CountingPool] = []
    monkeypatch.setattr(pool, "_start", lambda *_: started.append(CountingPool(1)) or started[-1])

    def failing_build_stopped_by_the_server() -> None:
        try:
            with pool.render_pool(1):
                pool.stop_kept_pools()  # what serve's stop does on the main thread
                raise KeyboardInterrupt  # what the build then sees
        except KeyboardInterrupt:
            pass

    thread = threading.Thread(target=failing_build_stopped_by_the_server)
    thread.start()
    thread.join()
    assert [executor.shutdowns for executor in started] == [1]
    assert pool._KEPT == {}


def test_a_worker_forked_by_the_servers_fork_server_speaks_the_builds_language() -> None:
    """A forkserver's worker does not inherit the language: the pool hands it over."""
    from memogen import i18n

    i18n.use("ru")
    spoken: list[str] = []

    def serve_build() -> None:
        with pool.render_pool(1) as workers:
            spoken.append(workers.submit(i18n.current).result(timeout=120))

    try:
        thread = threading.Thread(target=serve_build)
        thread.start()
        thread.join()
    finally:
        pool.stop_kept_pools()
    assert spoken == ["ru"]
