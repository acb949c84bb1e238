"""What a rule's check receives and what it gives back."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from memogen.data.document import Document, KeyPath
from memogen.data.lint_settings import LintOptions
from memogen.data.models import Standard


@dataclass(frozen=True)
class Context:
    """One valid standard, its YAML source map, the lint options and the day it is linted."""

    standard: Standard
    document: Document
    options: LintOptions
    today: date
    # With `memogen lint --base REV`: the standard as it was at REV (None: it is new there),
    # and the config's business day, to classify what changed since.
    compared: bool = False
    previous: Standard | None = None
    workday_hours: int = 8


@dataclass(frozen=True)
class Hit:
    """A finding before it is placed: the value's path and, if known, the offending fragment."""

    path: KeyPath
    message: str
    hint: str = ""
    fragment: str = ""  # the exact text at fault inside the value, to point at its column
    occurrence: int = 0  # which occurrence of `fragment` in the value (0: the first)


Check = Callable[[Context], Iterator[Hit]]
