"""The two kinds of failure memogen knows: a user's mistake and memogen's own bug."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]


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
        """`file:line:col: error: path: message (hint)`."""
        where = f"{self.path}: " if self.path else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.file}:{self.line}:{self.col}: {self.severity}: {where}{self.message}{hint}"


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
