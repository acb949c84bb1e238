"""CSV text → records whose every value knows its line and column (RFC 4180 quoting).

Python's csv module tells only the line a record ends on; a survey's bad answer must be
reported where it stands (`surveys/q4.csv:13:27`), so the few rules of CSV are read here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from memogen.errors import Issue
from memogen.i18n import _


@dataclass(frozen=True)
class Cell:
    """One value of a record, and where it starts (1-based line and column)."""

    line: int
    col: int
    text: str


class CsvSyntaxError(ValueError):
    """The text is not CSV; `line` and `col` say where reading stopped."""

    def __init__(self, line: int, col: int, message: str, hint: str) -> None:
        super().__init__(message)
        self.line, self.col, self.message, self.hint = line, col, message, hint


def read_csv_file(
    path: Path, name: str, issues: list[Issue], max_bytes: int, hints: tuple[str, str]
) -> str:
    """The text of a CSV file (UTF-8, an optional BOM); "" and an issue when it cannot be read,
    is larger than `max_bytes` or is not UTF-8 (`hints`: what to do about the last two)."""
    too_big, not_utf8 = hints
    try:
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        message = _("cannot read the file: {strerror}").format(strerror=exc.strerror)
        issues.append(Issue(name, 1, 1, "", message))
        return ""
    if len(raw) > max_bytes:
        message = _("the file is larger than {size} MiB").format(size=max_bytes // 2**20)
        issues.append(Issue(name, 1, 1, "", message, too_big))
        return ""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = _("byte 0x{value:02X} is not valid UTF-8").format(value=raw[exc.start])
        issues.append(Issue(name, line, 1, "", message, not_utf8))
        return ""


def delimiter_of(header: str) -> str:
    """`,`, or `;` (what Excel saves in a Russian locale), or a tab: the most frequent one."""
    return max((",", ";", "\t"), key=header.count)


def records(text: str, delimiter: str) -> Iterator[list[Cell]]:
    """The records of `text`, blank lines skipped."""
    reader = _Reader(text, delimiter)
    while reader.peek():
        record = reader.record()
        if len(record) > 1 or record[0].text.strip():
            yield record


class _Reader:
    def __init__(self, text: str, delimiter: str) -> None:
        self.text, self.delimiter = text, delimiter
        self.i, self.line, self.col = 0, 1, 1

    def peek(self) -> str:
        return self.text[self.i] if self.i < len(self.text) else ""

    def advance(self) -> str:
        ch = self.text[self.i]
        self.i += 1
        if ch == "\n":
            self.line, self.col = self.line + 1, 1
        else:
            self.col += 1
        return ch

    def record(self) -> list[Cell]:
        cells = [self.cell()]
        while self.peek() == self.delimiter:
            self.advance()
            cells.append(self.cell())
        for line_end in ("\r", "\n"):
            if self.peek() == line_end:
                self.advance()
        return cells

    def cell(self) -> Cell:
        line, col = self.line, self.col
        if self.peek() != '"':
            start = self.i
            while self.peek() not in (self.delimiter, "\n", "\r", ""):
                self.advance()
            return Cell(line, col, self.text[start : self.i])
        self.advance()
        kept: list[str] = []
        while True:
            if not self.peek():
                closing = _('end it with a double quote "')
                raise CsvSyntaxError(line, col, _("this quoted value is never closed"), closing)
            ch = self.advance()
            if ch == '"' and self.peek() == '"':
                kept.append(self.advance())
            elif ch == '"':
                break
            else:
                kept.append(ch)
        if self.peek() not in (self.delimiter, "\n", "\r", ""):
            hint = _('double every quote inside a quoted value: ""')
            message = _("text follows the closing quote of a value")
            raise CsvSyntaxError(self.line, self.col, message, hint)
        return Cell(line, col, "".join(kept))
