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

from memogen.errors import Issue, UserError
from memogen.writer import write_atomic

Key = tuple[str, str, str, str]  # file, rule, dotted path, value hash
VERSION = 1


def value_hash(value: Any) -> str:
    """A short, stable hash of a YAML value (text, list or mapping)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read_baseline(path: Path, display: str) -> set[Key]:
    """The accepted findings; none when the file does not exist."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {
            (item["file"], item["rule"], item["path"], item["hash"]) for item in data["findings"]
        }
    except FileNotFoundError:
        return set()
    except (OSError, ValueError, KeyError, TypeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "it is not a memogen baseline"
        raise UserError(
            [
                Issue(
                    display,
                    1,
                    1,
                    "",
                    f"cannot read the lint baseline: {reason}",
                    "write it again with 'memogen lint --write-baseline'",
                )
            ]
        ) from None


def write_baseline(path: Path, keys: Iterable[Key]) -> None:
    """Write the baseline as sorted, pretty JSON: it is meant to be committed and reviewed."""
    findings = [
        {"file": file, "rule": rule, "path": dotted, "hash": digest}
        for file, rule, dotted, digest in sorted(set(keys))
    ]
    text = json.dumps({"version": VERSION, "findings": findings}, ensure_ascii=False, indent=2)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, (text + "\n").encode("utf-8"))
