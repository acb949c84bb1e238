"""YAML bytes → plain data (dicts, lists, strings) and the line/column of every node.

memogen reads YAML as plain data: every scalar stays the text that was typed (the
model gives it a type later), and anything that is not plain data — anchors,
aliases, merge keys, tags, several documents, duplicate keys — is refused with its
location. The tree is built from libyaml's event stream without recursion, so no
input can exhaust the stack, and bounds on size and depth keep every file cheap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from memogen.errors import Issue, UserError

try:  # the C parser is much faster; the pure-Python one gives the same events
    from yaml import CSafeLoader as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

MAX_FILE_BYTES = 256 * 1024
MAX_DEPTH = 12
MAX_SCALAR_CHARS = 8_000
MAX_NODES = 20_000

KeyPath = tuple[str | int, ...]
Position = tuple[int, int]
_ParserClass = type[yaml.CSafeLoader | yaml.SafeLoader]

_NULLS = {"", "~", "null", "Null", "NULL"}
_CUT_COMMENT = re.compile(r"[ \t]+(#.*)")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe\uffff]")


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


def load_file(path: Path, display: str | None = None) -> Document:
    """Read and load one YAML file; every failure is a located UserError."""
    name = display or str(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise UserError([Issue(name, 1, 1, "", f"cannot read the file: {exc.strerror}")]) from None
    return load_bytes(raw, name)


def load_bytes(raw: bytes, file: str) -> Document:
    """Load YAML from bytes (UTF-8, an optional BOM)."""
    if len(raw) > MAX_FILE_BYTES:
        raise _error(
            file,
            (1, 1),
            f"the file is larger than {MAX_FILE_BYTES // 1024} KiB",
            "a standard is a few pages of text; split it or shorten it",
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8", "replace").removeprefix("\ufeff")
        line, col = _position_of(before, exc.start)
        raise _error(
            file,
            (line, col),
            f"byte 0x{raw[exc.start]:02X} is not valid UTF-8",
            "save the file as UTF-8",
        ) from None
    return load_text(text.removeprefix("\ufeff"), file)


# libyaml's own bound on nesting (PyYAML 6.0.4 and later). It looks ahead over a run of
# '[' or '{' before it hands over the first event, so it can stop there before the tree
# builder has seen the level that breaks MAX_DEPTH.
_LIBYAML_NESTING = "exceeded maximum nesting depth"


def load_text(text: str, file: str) -> Document:
    """Load YAML from text; the main entry point of this module."""
    _refuse_control_characters(text, file)
    try:
        return _build(text, file, _Parser)
    except _LibyamlTooDeep:
        # The pure-Python parser has no bound of its own, so memogen's MAX_DEPTH check
        # meets the nesting first and names where it first went too deep.
        return _build(text, file, yaml.SafeLoader)


class _LibyamlTooDeep(Exception):
    """libyaml stopped at its own nesting bound, before memogen's check could locate it."""


def _build(text: str, file: str, parser_class: _ParserClass) -> Document:
    """Feed the parser's events to a tree builder; every failure is a located UserError."""
    builder = _TreeBuilder(file, text)
    try:
        parser = parser_class(text)
        try:
            while parser.check_event():
                event = parser.get_event()
                if event is not None:
                    builder.feed(event)
        finally:
            parser.dispose()
    except yaml.MarkedYAMLError as exc:
        if parser_class is not yaml.SafeLoader and _LIBYAML_NESTING in (exc.problem or ""):
            raise _LibyamlTooDeep from None
        raise _syntax_error(file, exc, builder.multiline_quote) from None
    except yaml.YAMLError as exc:
        raise _error(file, (1, 1), f"the YAML cannot be read: {exc}") from None
    return builder.document()


def _refuse_control_characters(text: str, file: str) -> None:
    found = _CONTROL.search(text)
    if found:
        line, col = _position_of(text[: found.start()], found.start())
        code = f"U+{ord(found.group()):04X}"
        raise _error(
            file,
            (line, col),
            f"the invisible control character {code} is not allowed",
            "delete it; it often comes from copying text out of another program",
        )
    tab = re.search(r"^[ ]*\t", text, re.MULTILINE)
    if tab:
        line, col = _position_of(text[: tab.end() - 1], tab.end() - 1)
        raise _error(
            file,
            (line, col),
            "a tab is used for indentation",
            "indent with spaces only; tell your editor to insert spaces for Tab",
        )


def _position_of(before: str, offset: int) -> Position:
    line = before.count("\n") + 1
    return line, len(before) - (before.rfind("\n") + 1) + 1


def _error(file: str, where: Position, message: str, hint: str = "") -> UserError:
    return UserError([Issue(file, where[0], where[1], "", message, hint)])


_SYNTAX_WORDS = {
    "mapping values are not allowed in this context": (
        "a ':' appears where a value was expected",
        "put text that contains ': ' in quotes, or move the value to its own line",
    ),
    "found character that cannot start any token": (
        "this character cannot start a value",
        "put the value in double quotes",
    ),
    "could not find expected ':'": (
        "a key is missing its ':'",
        "write 'key: value'",
    ),
    "did not find expected key": (
        "the indentation does not match the lines above",
        "align this key with its siblings, using spaces",
    ),
    "did not find expected '-' indicator": (
        "the indentation does not match the list above",
        "align every '- ' item of a list at the same column",
    ),
    "found unexpected end of stream": (
        "the file ends in the middle of a value",
        "close the quote or bracket that is still open",
    ),
    "did not find expected ',' or ']'": (
        "a '[' list is not closed",
        "add the closing ']' or write the list with '- ' items",
    ),
    "did not find expected ',' or '}'": (
        "a '{' mapping is not closed",
        "add the closing '}'",
    ),
    "block sequence entries are not allowed in this context": (
        "a '- ' list item cannot start on the line of its key",
        "move each '- ' item to its own line, indented under the key",
    ),
    "found unknown escape character": (
        "a backslash in double quotes must start a known escape",
        "use single quotes, or write '\\\\' for a backslash",
    ),
    "did not find expected node content": (
        "a value is missing here",
        "remove the extra ',' or put the value in quotes",
    ),
    "found duplicate anchor": (
        "anchors ('&name') are not allowed",
        "write the value out in full",
    ),
    "found undefined alias": (
        "aliases ('*name') are not allowed",
        "write the value out in full",
    ),
}


# Problems found far from their cause (often at the end of the file): the place where
# the unclosed quote or bracket was opened is the one to show.
_UNCLOSED = {
    "found unexpected end of stream",
    "did not find expected ',' or ']'",
    "did not find expected ',' or '}'",
}


def _syntax_error(
    file: str, exc: yaml.MarkedYAMLError, multiline_quote: tuple[Position, int] | None = None
) -> UserError:
    mark = exc.problem_mark or exc.context_mark
    if exc.problem in _UNCLOSED and exc.context_mark:
        mark = exc.context_mark
    if multiline_quote and mark and multiline_quote[1] == mark.line + 1:
        # A quote left open swallows the lines below it up to the next quote character,
        # and the error shows only there: point at the quote that was not closed.
        start, end_line = multiline_quote
        message = f"this quote is not closed on its line (it ends on line {end_line})"
        return _error(file, start, message, "close the quote on this line")
    where = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = (exc.problem or "").strip()
    message, hint = _SYNTAX_WORDS.get(
        problem,
        (
            f"the YAML is malformed here ({problem or 'unknown problem'})",
            "check quotes, colons and indentation on this line and the one above",
        ),
    )
    return _error(file, where, message, hint)


class _TreeBuilder:
    """Turns libyaml events into plain data while recording node positions."""

    def __init__(self, file: str, text: str = "") -> None:
        self.file = file
        self.text = text
        self.doc = Document(file, None)
        self.stack: list[tuple[Any, KeyPath]] = []  # open containers and their paths
        self.pending_key: list[str | None] = []  # per open mapping: key waiting for its value
        self.documents = 0
        self.nodes = 0
        self.multiline_quote: tuple[Position, int] | None = None  # last scalar, if quoted

    def document(self) -> Document:
        return self.doc

    def feed(self, event: yaml.Event) -> None:
        mark = event.start_mark
        where = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise _error(
                    self.file,
                    where,
                    "the file holds more than one YAML document",
                    "keep one standard per file and remove the '---' line",
                )
            return
        if isinstance(event, yaml.AliasEvent):
            raise _error(
                self.file,
                where,
                f"the alias '*{event.anchor}' is not allowed",
                "write the value out in full; a standard is plain data",
            )
        if isinstance(event, yaml.NodeEvent):
            self._check_plain(event, where)
        if isinstance(event, yaml.ScalarEvent):
            is_value = self._expects_value()
            path = self._add(self._scalar_value(event, where), where)
            if is_value and event.style in ("", None) and event.value not in _NULLS:
                self._note_cut_comment(path, event)
        elif isinstance(event, yaml.MappingStartEvent):
            self._open({}, where)
        elif isinstance(event, yaml.SequenceStartEvent):
            self._open([], where)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            self.stack.pop()
            self.pending_key.pop()

    def _check_plain(self, event: yaml.NodeEvent, where: Position) -> None:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _error(
                self.file,
                where,
                f"the file has more than {MAX_NODES} values",
                "a standard is a few pages of text; shorten it",
            )
        if event.anchor is not None:
            raise _error(
                self.file,
                where,
                f"the anchor '&{event.anchor}' is not allowed",
                "write the value out in full; a standard is plain data",
            )
        tag = getattr(event, "tag", None)
        if tag is not None:
            tag = tag.replace("tag:yaml.org,2002:", "!!", 1)  # as typed, not as expanded
            raise _error(
                self.file,
                where,
                f"the tag '{tag}' is not allowed",
                "remove it; a standard is plain data",
            )

    def _scalar_value(self, event: yaml.ScalarEvent, where: Position) -> str | None:
        if len(event.value) > MAX_SCALAR_CHARS:
            raise _error(
                self.file,
                where,
                f"this value is longer than {MAX_SCALAR_CHARS} characters",
                "shorten it; documents are read, not searched",
            )
        escaped = _CONTROL.search(event.value)
        if escaped:  # typed as an escape ("\x07", "\v", "\e") the file check cannot see
            code = f"U+{ord(escaped.group()):04X}"
            raise _error(
                self.file,
                where,
                f"the invisible control character {code} is not allowed",
                "remove the backslash escape that produces it",
            )
        end_line = event.end_mark.line + 1 if event.end_mark else where[0]
        quoted_lines = event.style in ("'", '"') and end_line > where[0]
        self.multiline_quote = (where, end_line) if quoted_lines else None
        if event.style in ("", None) and event.value in _NULLS:
            return None
        return str(event.value)

    def _expects_value(self) -> bool:
        """Whether the next node is a value (a list item, a key's value or the root), not a key."""
        return (
            not self.stack
            or isinstance(self.stack[-1][0], list)
            or self.pending_key[-1] is not None
        )

    def _note_cut_comment(self, path: KeyPath, event: yaml.ScalarEvent) -> None:
        """Record a ` #` comment on the line of a plain value: the owner often meant it as text."""
        end = event.end_mark
        if end is None:
            return
        line_end = self.text.find("\n", end.index)
        line_end = len(self.text) if line_end < 0 else line_end
        comment = _CUT_COMMENT.match(self.text, end.index, line_end)
        if comment:
            col = end.column + comment.start(1) - end.index + 1
            self.doc.cut_comments.append((path, (end.line + 1, col), comment.group(1).rstrip()))

    def _open(self, container: dict[str, Any] | list[Any], where: Position) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise _error(
                self.file,
                where,
                f"values are nested more than {MAX_DEPTH} levels deep",
                "a standard needs only a few levels; check the indentation",
            )
        path = self._add(container, where)
        self.stack.append((container, path))
        self.pending_key.append(None)

    def _add(self, value: Any, where: Position) -> KeyPath:
        """Place a finished value in the open container (or as the root); return its path."""
        if not self.stack:
            self.doc.data = value
            self.doc.values[()] = where
            return ()
        parent, parent_path = self.stack[-1]
        if isinstance(parent, list):
            path = (*parent_path, len(parent))
            parent.append(value)
            self.doc.values[path] = where
            return path
        key = self.pending_key[-1]
        if key is None:
            return self._take_key(parent, parent_path, value, where)
        self.pending_key[-1] = None
        path = (*parent_path, key)
        parent[key] = value
        self.doc.values[path] = where
        return path

    def _take_key(
        self, parent: dict[str, Any], parent_path: KeyPath, key: Any, where: Position
    ) -> KeyPath:
        if not isinstance(key, str):
            what = "empty" if key is None else "a list or mapping"
            raise _error(self.file, where, f"a key is {what}", "keys are plain words like 'title'")
        if key == "<<":
            raise _error(
                self.file,
                where,
                "merge keys ('<<') are not allowed",
                "write the keys out in full; a standard is plain data",
            )
        path = (*parent_path, key)
        if key in parent:
            first = self.doc.keys[path]
            raise _error(
                self.file,
                where,
                f"the key '{key}' appears twice in this mapping",
                f"it was first given on line {first[0]}; keep one of them",
            )
        self.doc.keys[path] = where
        parent[key] = None  # placeholder, keeps key order; the value replaces it
        self.pending_key[-1] = key
        return path
