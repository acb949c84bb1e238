"""libyaml's events → plain data and the position of every node, without recursion and
within bounds on size and depth; anchors, aliases, tags and duplicate keys are refused."""

from __future__ import annotations

import re
from typing import Any

import yaml

from memogen.data.document import (
    CONTROL_CHARACTER,
    Document,
    KeyPath,
    Position,
    located_error,
)
from memogen.i18n import _, ngettext

MAX_DEPTH = 12
MAX_SCALAR_CHARS = 8_000
MAX_NODES = 20_000


_NULLS = {"", "~", "null", "Null", "NULL"}
_CUT_COMMENT = re.compile(r"[ \t]+(#.*)")


class TreeBuilder:
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
                raise located_error(
                    self.file,
                    where,
                    _("the file holds more than one YAML document"),
                    _("keep one standard per file and remove the '---' line"),
                )
            return
        if isinstance(event, yaml.AliasEvent):
            raise located_error(
                self.file,
                where,
                _("the alias '*{anchor}' is not allowed").format(anchor=event.anchor),
                _("write the value out in full; a standard is plain data"),
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
            raise located_error(
                self.file,
                where,
                ngettext(
                    "the file has more than {count} values",
                    "the file has more than {count} values",
                    MAX_NODES,
                ).format(count=MAX_NODES),
                _("a standard is a few pages of text; shorten it"),
            )
        if event.anchor is not None:
            raise located_error(
                self.file,
                where,
                _("the anchor '&{anchor}' is not allowed").format(anchor=event.anchor),
                _("write the value out in full; a standard is plain data"),
            )
        tag = getattr(event, "tag", None)
        if tag is not None:
            tag = tag.replace("tag:yaml.org,2002:", "!!", 1)  # as typed, not as expanded
            raise located_error(
                self.file,
                where,
                _("the tag '{tag}' is not allowed").format(tag=tag),
                _("remove it; a standard is plain data"),
            )

    def _scalar_value(self, event: yaml.ScalarEvent, where: Position) -> str | None:
        if len(event.value) > MAX_SCALAR_CHARS:
            raise located_error(
                self.file,
                where,
                ngettext(
                    "this value is longer than {count} characters",
                    "this value is longer than {count} characters",
                    MAX_SCALAR_CHARS,
                ).format(count=MAX_SCALAR_CHARS),
                _("shorten it; documents are read, not searched"),
            )
        escaped = CONTROL_CHARACTER.search(event.value)
        if escaped:  # typed as an escape ("\x07", "\v", "\e") the file check cannot see
            code = f"U+{ord(escaped.group()):04X}"
            raise located_error(
                self.file,
                where,
                _("the invisible control character {code} is not allowed").format(code=code),
                _("remove the backslash escape that produces it"),
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
            raise located_error(
                self.file,
                where,
                ngettext(
                    "values are nested more than {count} levels deep",
                    "values are nested more than {count} levels deep",
                    MAX_DEPTH,
                ).format(count=MAX_DEPTH),
                _("a standard needs only a few levels; check the indentation"),
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
            message = _("a key is empty") if key is None else _("a key is a list or mapping")
            raise located_error(self.file, where, message, _("keys are plain words like 'title'"))
        if key == "<<":
            raise located_error(
                self.file,
                where,
                _("merge keys ('<<') are not allowed"),
                _("write the keys out in full; a standard is plain data"),
            )
        path = (*parent_path, key)
        if key in parent:
            first = self.doc.keys[path]
            raise located_error(
                self.file,
                where,
                _("the key '{key}' appears twice in this mapping").format(key=key),
                _("it was first given on line {line}; keep one of them").format(line=first[0]),
            )
        self.doc.keys[path] = where
        parent[key] = None  # placeholder, keeps key order; the value replaces it
        self.pending_key[-1] = key
        return path
