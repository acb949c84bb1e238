"""The two kinds of failure memogen knows: a user's mistake and memogen's own bug."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]

# Every character str.splitlines() breaks at, written as its escape: a report line stays one
# line, so a key or value can never start a line of its own (GitHub Actions runs a line that
# starts with '::' as a workflow command).
_LINE_BREAKS = {
    ord(char): char.encode("unicode_escape").decode("ascii")
    for char in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
}


def on_one_line(text: str) -> str:
    """`text` with its line breaks escaped (`\\n`, `\\r`, `\\u2028`…), for one report line."""
    return text.translate(_LINE_BREAKS)


@dataclass(frozen=True, order=True)
class Issue:
    """One located problem in a user's file, printed like a compiler message."""

    file: str
    line: int
    col: int
    path: str = ""
    message: str = ""
    hint: str = ""
    severity: Severity = "error"
    rule: str = field(default="", compare=False)

    def text(self) -> str:
        """`file:line:col: error: path: message (hint)`, always one line."""
        where = f"{self.path}: " if self.path else ""
        hint = f" ({self.hint})" if self.hint else ""
        file = f"./{self.file}" if self.file.lstrip().startswith("::") else self.file
        text = f"{file}:{self.line}:{self.col}: {self.severity}: {where}{self.message}{hint}"
        return on_one_line(text)


class MemogenError(Exception):
    """Base of every error memogen raises on purpose."""


class UserError(MemogenError):
    """The input is wrong; the user can fix it. Carries every issue found."""

    def __init__(self, issues: list[Issue] | str) -> None:
        self.issues: list[Issue] = [] if isinstance(issues, str) else sorted(issues)
        self.summary = issues if isinstance(issues, str) else ""
        super().__init__(self.describe())

    def describe(self) -> str:
        if self.summary:
            return self.summary
        return "\n".join(issue.text() for issue in self.issues)


class InternalError(MemogenError):
    """memogen itself failed: a bug to report, never the user's fault."""


@contextmanager
def sigterm_as_ctrl_c() -> Iterator[None]:
    """`kill` stops a command the way Ctrl-C does, so its clean-up runs (workers stopped,
    staging or preview folder removed). Only the main thread may set a signal handler."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    owner = os.getpid()

    def interrupt(signum: int, frame: object) -> None:
        if os.getpid() != owner:  # a forked worker not yet past its start: die quietly
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGTERM)
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
