"""Two states of one standard → its changes: each changed value, classified and worded.

The models are compared as plain data. Lists of named things (inputs, stages, contacts,
questions) are matched by name, so that a new item in the middle is one change, not a shift
of every item after it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from memogen.data.models import Standard
from memogen.diff.rules import Kind, Path, classify
from memogen.diff.words import sentence

# What describes a version rather than the service: never a change for its clients.
RECORD_KEYS = frozenset({"memogen", "version", "effective", "approved", "review_by", "history"})
NAMED_LISTS = {"inputs": "name", "stages": "name", "contacts": "name", "faq": "q"}


@dataclass(frozen=True)
class Change:
    """One changed value: where, its class and rule, before and after, in a sentence."""

    path: str
    kind: Kind
    rule: str
    old: Any
    new: Any
    message: str


def compare(old: Standard | None, new: Standard | None, workday_hours: int) -> list[Change]:
    """The changes from `old` to `new` (None: the standard did not exist), breaking first."""
    either = new or old
    lang = (either.language if either else None) or "ru"
    before, after = _data(old), _data(new)
    changes = []
    for path, subject, was, now in _differences(before, after, ()):
        rule = classify(path, was, now, workday_hours)
        title = (after or before or {}).get("title", "")
        message = sentence(rule.id, lang, subject or title, was, now, _dotted(path))
        changes.append(Change(_dotted(path), rule.kind, rule.id, was, now, message))
    order = {"breaking": 0, "notable": 1, "editorial": 2}
    return sorted(changes, key=lambda change: order[change.kind])


def _data(standard: Standard | None) -> dict[str, Any] | None:
    if standard is None:
        return None
    data = standard.model_dump(mode="json")
    return {key: value for key, value in data.items() if key not in RECORD_KEYS}


def _differences(
    old: Any, new: Any, path: Path, subject: str = ""
) -> Iterator[tuple[Path, str, Any, Any]]:
    """(path, the named item it is in, old, new) of every value that differs."""
    if old == new:
        return
    if isinstance(old, dict) and isinstance(new, dict):
        for key in [*old, *(k for k in new if k not in old)]:
            yield from _differences(old.get(key), new.get(key), (*path, key), subject)
    elif isinstance(old, list) and isinstance(new, list):
        yield from _list_differences(old, new, path, subject)
    else:
        yield path, subject, old, new


def _list_differences(
    old: list[Any], new: list[Any], path: Path, subject: str
) -> Iterator[tuple[Path, str, Any, Any]]:
    key = NAMED_LISTS.get(str(path[-1])) if len(path) == 1 else None
    if key is None:
        for index in range(max(len(old), len(new))):
            was = old[index] if index < len(old) else None
            now = new[index] if index < len(new) else None
            yield from _differences(was, now, (*path, index), subject)
        return
    old_by_name = {item[key]: item for item in old}
    new_names = {item[key] for item in new}
    for index, item in enumerate(new):
        yield from _differences(old_by_name.get(item[key]), item, (*path, index), item[key])
    for index, item in enumerate(old):
        if item[key] not in new_names:
            yield (*path, index), item[key], item, None


def _dotted(path: Path) -> str:
    return ".".join(str(part) for part in path)
