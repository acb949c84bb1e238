"""What the live build tells the server and its pages: why the preview fails, the standards
it lists, and how it speaks to the terminal."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from memogen.errors import Issue

Say = Callable[[str], None]


@dataclass(frozen=True)
class Failure:
    """Why the preview cannot show the current sources: located issues, or one message."""

    issues: tuple[Issue, ...]
    summary: str = ""


@dataclass(frozen=True)
class Listed:
    """A standard as the preview pages list it."""

    id: str
    title: str
    language: str
    department: str
