"""Where a key stands out of line with its siblings, found from the text around the line where
libyaml stopped: that line, or the one above it (a list item's key moved by an extra space
shows only on the next line)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# `key:` or `- key:` (any number of `- `), the key plain or quoted, then a space or the end.
# A plain key runs to the first `:` at once (possessive, its trailing blanks stripped after):
# a lazy run that tried `[ \t]*:` at each of its ends was quadratic in a line's blanks.
_KEY_LINE = re.compile(r"^( *(?:- +)*)([^\s#'\"-][^:#]*+|'[^']*'|\"[^\"]*\")[ \t]*:(?:[ \t]|$)")
_LIST_ITEM = re.compile(r"^ *- ")


@dataclass(frozen=True)
class Misplaced:
    """A key at `line` that starts at `column`; its siblings start at `expected`, as `sibling`
    does on `sibling_line` (lines and columns counted from 1)."""

    line: int
    column: int
    expected: int
    sibling: str
    sibling_line: int


def misplaced_key(text: str, error_line: int) -> Misplaced | None:
    """The key out of line near `error_line` (from 1), if the indentation is what went wrong."""
    lines = text.splitlines()
    if not 1 <= error_line <= len(lines):
        return None
    above = _shifted_list_item(lines, error_line - 1)
    return above or _out_of_line(lines, error_line - 1)


def _key(line: str) -> tuple[int, str] | None:
    """The key's column (from 0) and name on a `key:` line; None on any other line."""
    found = _KEY_LINE.match(line)
    return (len(found.group(1)), found.group(2).rstrip(" \t").strip("'\"")) if found else None


def _opens_block(line: str) -> bool:
    return re.search(r":[ \t]*(?:#.*)?$", line) is not None


def _shifted_list_item(lines: list[str], at: int) -> Misplaced | None:
    """`-  name: B` above `    email: b@c.d`: the item's first key is the one out of line."""
    here, before = _key(lines[at]), _key(lines[at - 1]) if at > 0 else None
    if not (here and before and _LIST_ITEM.match(lines[at - 1])) or _LIST_ITEM.match(lines[at]):
        return None
    if before[0] == here[0] or _opens_block(lines[at - 1]):
        return None
    earlier = (_key(line) for line in lines[: at - 1] if not _LIST_ITEM.match(line))
    if not any(key and key[0] == here[0] for key in earlier):  # the item's keys agree elsewhere
        return None
    return Misplaced(at, before[0] + 1, here[0] + 1, here[1], at + 1)


def _out_of_line(lines: list[str], at: int) -> Misplaced | None:
    """The key on `lines[at]` against the key lines above it: further in than a sibling that
    has its value, or between a parent and the column of that parent's children."""
    here = _key(lines[at])
    if here is None:
        return None
    deeper: tuple[int, int, str] | None = None  # the last key seen further in: a child's column
    for number in range(at - 1, -1, -1):
        above = _key(lines[number])
        if above is None:
            continue
        if above[0] == here[0]:
            return None  # in line with a key above it: the indentation is not the problem
        if above[0] > here[0]:
            deeper = (number, above[0], above[1])
            continue
        if not _opens_block(lines[number]):
            return Misplaced(at + 1, here[0] + 1, above[0] + 1, above[1], number + 1)
        if deeper is None:  # a parent whose children are not keys (a list): a sibling
            return Misplaced(at + 1, here[0] + 1, above[0] + 1, above[1], number + 1)
        return Misplaced(at + 1, here[0] + 1, deeper[1] + 1, deeper[2], deeper[0] + 1)
    return None
