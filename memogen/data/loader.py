"""YAML bytes → plain data (dicts, lists, strings) and the line/column of every node.

memogen reads YAML as plain data: every scalar stays the text that was typed (the
model gives it a type later), and anything that is not plain data — anchors,
aliases, merge keys, tags, several documents, duplicate keys — is refused with its
location. The tree is built from libyaml's event stream without recursion, so no
input can exhaust the stack, and bounds on size and depth keep every file cheap.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path

import yaml

from memogen.data.document import CONTROL_CHARACTER, Document, Position, located_error
from memogen.data.yaml_tree import TreeBuilder
from memogen.data.yaml_words import syntax_error
from memogen.errors import Issue, UserError
from memogen.i18n import _

try:  # the C parser is much faster; the pure-Python one gives the same events
    from yaml import CSafeLoader as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

MAX_FILE_BYTES = 256 * 1024
_ParserClass = type[yaml.CSafeLoader | yaml.SafeLoader]


def load_file(path: Path, display: str | None = None) -> Document:
    """Read and load one YAML file; every failure is a located UserError."""
    name = display or str(path)
    try:
        raw = read_head(path, MAX_FILE_BYTES + 1)
    except NotRegularFile:
        message = _("cannot read the file: {strerror}").format(
            strerror=_("it is not a regular file")
        )
        raise UserError(
            [Issue(name, 1, 1, "", message, _("make it a plain file of YAML text"))]
        ) from None
    except OSError as exc:
        raise UserError(
            [
                Issue(
                    name,
                    1,
                    1,
                    "",
                    _("cannot read the file: {strerror}").format(strerror=exc.strerror),
                )
            ]
        ) from None
    return load_bytes(raw, name)


class NotRegularFile(OSError):
    """The path names a FIFO, a device or a socket: not a file to read."""


def read_head(path: Path, size: int) -> bytes:
    """At most `size` bytes of the regular file `path` (a link to one is followed). A FIFO
    is opened without waiting for a writer and refused, like a device: NotRegularFile."""
    handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        mode = os.fstat(handle).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(mode):
            raise NotRegularFile(path)
        with os.fdopen(handle, "rb", closefd=False) as file:
            return file.read(size)
    finally:
        os.close(handle)


def load_bytes(raw: bytes, file: str) -> Document:
    """Load YAML from bytes (UTF-8, an optional BOM)."""
    if len(raw) > MAX_FILE_BYTES:
        raise too_large(file)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8", "replace").removeprefix("\ufeff")
        line, col = _position_of(before, exc.start)
        raise located_error(
            file,
            (line, col),
            _("byte 0x{value:02X} is not valid UTF-8").format(value=raw[exc.start]),
            _("save the file as UTF-8"),
        ) from None
    return load_text(text.removeprefix("\ufeff"), file)


def too_large(file: str) -> UserError:
    """The error of a file over MAX_FILE_BYTES (also one that is refused from its size alone)."""
    return located_error(
        file,
        (1, 1),
        _("the file is larger than {size} KiB").format(size=MAX_FILE_BYTES // 1024),
        _("a standard is a few pages of text; split it or shorten it"),
    )


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
    builder = TreeBuilder(file, text)
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
        raise syntax_error(file, exc, builder.multiline_quote, text) from None
    except yaml.YAMLError as exc:
        raise located_error(
            file, (1, 1), _("the YAML cannot be read: {reason}").format(reason=exc)
        ) from None
    return builder.document()


def _refuse_control_characters(text: str, file: str) -> None:
    found = CONTROL_CHARACTER.search(text)
    if found:
        line, col = _position_of(text[: found.start()], found.start())
        code = f"U+{ord(found.group()):04X}"
        raise located_error(
            file,
            (line, col),
            _("the invisible control character {code} is not allowed").format(code=code),
            _("delete it; it often comes from copying text out of another program"),
        )
    tab = re.search(r"^[ ]*\t", text, re.MULTILINE)
    if tab:
        line, col = _position_of(text[: tab.end() - 1], tab.end() - 1)
        raise located_error(
            file,
            (line, col),
            _("a tab is used for indentation"),
            _("indent with spaces only; tell your editor to insert spaces for Tab"),
        )


def _position_of(before: str, offset: int) -> Position:
    line = before.count("\n") + 1
    return line, len(before) - (before.rfind("\n") + 1) + 1
