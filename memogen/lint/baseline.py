"""Accepted lint findings: recorded once, hidden afterwards until the value changes.

A finding is remembered by its file, rule, key path and a hash of the value at
that path, never by line numbers: editing other parts of the file keeps it
accepted, editing the value itself brings it back.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from memogen.build.writer import read_regular, write_atomic
from memogen.data.paths import real_path
from memogen.errors import Issue, UserError
from memogen.i18n import _

Key = tuple[str, str, str, str]  # file, rule, dotted path, value hash
VERSION = 1
READ_LIMIT = 16 * 1024**2  # some 100,000 accepted findings


def value_hash(value: Any) -> str:
    """A short, stable hash of a YAML value (text, list or mapping)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read_baseline(path: Path, display: str) -> set[Key]:
    """The accepted findings; none when the file does not exist. Only a regular file of
    at most READ_LIMIT bytes is read (never a FIFO or a device)."""
    if not path.exists() and not path.is_symlink():
        return set()
    data = read_regular(real_path(path), READ_LIMIT)
    if data is None:
        raise _unreadable(
            display,
            _("it is not a regular file of at most {size} MiB").format(size=READ_LIMIT // 2**20),
        )
    try:
        findings = json.loads(data)["findings"]
        return {(item["file"], item["rule"], item["path"], item["hash"]) for item in findings}
    except (ValueError, KeyError, TypeError):
        raise _unreadable(display, _("it is not a memogen baseline")) from None


def _unreadable(display: str, reason: str) -> UserError:
    return UserError(
        [
            Issue(
                display,
                1,
                1,
                "",
                _("cannot read the lint baseline: {reason}").format(reason=reason),
                _("write it again with 'memogen lint --write-baseline'"),
            )
        ]
    )


def write_baseline(path: Path, keys: Iterable[Key], display: str) -> None:
    """Write the baseline as sorted, pretty JSON: it is meant to be committed and reviewed."""
    findings = [
        {"file": file, "rule": rule, "path": dotted, "hash": digest}
        for file, rule, dotted, digest in sorted(set(keys))
    ]
    text = json.dumps({"version": VERSION, "findings": findings}, ensure_ascii=False, indent=2)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, (text + "\n").encode("utf-8"))
    except OSError as exc:
        raise UserError(
            _(
                "cannot write the lint baseline {display}: {reason} (make its folder writable, "
                "or set lint.baseline in memogen.yaml to another file)"
            ).format(display=display, reason=exc.strerror or exc)
        ) from None
