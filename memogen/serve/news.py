"""What `memogen serve` tells the browsers: which files changed, and what is being built."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable


class News:
    """What changed in the served folder, generation by generation, and what is being built.

    A browser page carries the stamp (`token-generation`) it was served at and asks
    for everything after it, so no change is lost between loading a page and
    listening. The token changes when the server restarts: every page then reloads.
    """

    def __init__(self, token: str) -> None:
        self.token = token
        self.generation = 0
        self._running: set[str] = set()  # the phases building now
        self.closed = False
        self._history: deque[tuple[int, frozenset[str]]] = deque(maxlen=500)
        self._changed = threading.Condition()

    def stamp(self, generation: int | None = None) -> str:
        return f"{self.token}-{self.generation if generation is None else generation}"

    def publish(self, paths: Iterable[str]) -> None:
        """Announce changed URL paths (`/id/memo.html`), or `*` for "every page"."""
        with self._changed:
            self.generation += 1
            self._history.append((self.generation, frozenset(paths)))
            self._changed.notify_all()

    @property
    def building(self) -> str:
        """What the browsers are told is being built: "page", else "print", else ""."""
        return next((phase for phase in ("page", "print") if phase in self._running), "")

    def set_building(self, phase: str, running: bool) -> None:
        with self._changed:
            (self._running.add if running else self._running.discard)(phase)
            self._changed.notify_all()

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._changed.notify_all()

    def generation_of(self, stamp: str) -> int | None:
        """The generation a stamp of this server names; None for another server's or garbage."""
        token, _, number = stamp.rpartition("-")
        plain_number = number.isascii() and number.isdigit()  # not "²", which int() refuses
        return int(number) if token == self.token and plain_number else None

    def changed_after(self, generation: int | None) -> list[str]:
        """URL paths changed after `generation`; `*` when that is unknown or too old."""
        with self._changed:
            if generation is None or generation > self.generation:
                return ["*"]
            if generation == self.generation:
                return []
            if not self._history or self._history[0][0] > generation + 1:
                return ["*"]
            return sorted(set().union(*(paths for g, paths in self._history if g > generation)))

    def wait(self, generation: int, building: str, timeout: float) -> tuple[int, str]:
        """Block until the generation or the build phase differ from those given, or timeout."""
        with self._changed:
            self._changed.wait_for(
                lambda: self.closed or self.generation != generation or self.building != building,
                timeout,
            )
            return self.generation, self.building
