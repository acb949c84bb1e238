"""A loaded YAML document: its plain data and where each key and value stands."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from memogen.errors import Issue, UserError

# Refused anywhere in a file, raw or escaped in a quoted value: they hide text or break lines.
CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")

KeyPath = tuple[str | int, ...]
Position = tuple[int, int]


@dataclass
class Document:
    """A loaded YAML file: its data and where every key and value stands (1-based)."""

    file: str
    data: Any
    values: dict[KeyPath, Position] = field(default_factory=dict)
    keys: dict[KeyPath, Position] = field(default_factory=dict)
    # `key: some text # more`: YAML drops "# more" as a comment; where, and what was dropped
    cut_comments: list[tuple[KeyPath, Position, str]] = field(default_factory=list)

    def where(self, path: KeyPath, at_key: bool = False) -> Position:
        """The position of `path`, or of its closest ancestor that exists."""
        while True:
            table = self.keys if at_key and path in self.keys else self.values
            if path in table:
                return table[path]
            if not path:
                return (1, 1)
            path = path[:-1]

    def value_at(self, path: KeyPath) -> Any:
        """The loaded value at `path`, or None where the path does not exist."""
        data = self.data
        for part in path:
            try:
                data = data[part]
            except (KeyError, IndexError, TypeError):
                return None
        return data


def located_error(file: str, where: Position, message: str, hint: str = "") -> UserError:
    return UserError([Issue(file, where[0], where[1], "", message, hint)])
