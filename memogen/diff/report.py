"""The changes of `memogen diff` as text for people, JSON for tools, or Markdown for a pull
request, and when they fail a run (`--fail-on`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from memogen.diff.compare import Change
from memogen.diff.rules import KINDS, Kind
from memogen.errors import on_one_line
from memogen.render.filters import md_cell
from memogen.report.common import json_text


@dataclass(frozen=True)
class Compared:
    """One standard's changes (an empty list: it did not change)."""

    id: str
    changes: list[Change]


def fails(results: Sequence[Compared], fail_on: str) -> bool:
    """`breaking`: any breaking change fails; `notable`: any breaking or notable; `never`."""
    failing = {"breaking": {"breaking"}, "notable": {"breaking", "notable"}}.get(fail_on, set())
    return any(change.kind in failing for result in results for change in result.changes)


def counts(results: Sequence[Compared]) -> dict[Kind, int]:
    every = [change.kind for result in results for change in result.changes]
    return {kind: every.count(kind) for kind in KINDS}


def as_text(results: Sequence[Compared]) -> str:
    lines = [
        f"{result.id}: {change.kind}: {change.path or result.id}: {on_one_line(change.message)}"
        for result in results
        for change in result.changes
    ]
    found = counts(results)
    total = sum(found.values())
    summary = ", ".join(f"{found[kind]} {kind}" for kind in KINDS)
    lines.append(f"{total} change(s): {summary}" if total else "no changes")
    return "\n".join(lines) + "\n"


def as_json(results: Sequence[Compared]) -> str:
    data = [
        {
            "id": result.id,
            "changes": [
                {
                    "path": change.path,
                    "kind": change.kind,
                    "old": change.old,
                    "new": change.new,
                    "message": change.message,
                }
                for change in result.changes
            ],
        }
        for result in results
        if result.changes
    ]
    return json_text(data)  # line breaks JSON allows raw (U+2028, NEL) escaped too


def as_markdown(results: Sequence[Compared]) -> str:
    parts = []
    for result in results:
        if not result.changes:
            continue
        parts.append(f"### {result.id}\n\n| class | path | change |\n|---|---|---|")
        for change in result.changes:
            cells = [change.kind, f"`{change.path}`", change.message]
            parts.append("| " + " | ".join(_cell(text) for text in cells) + " |")
        parts.append("")
    return "\n".join(parts) + "\n" if parts else "No changes.\n"


def _cell(text: str) -> str:
    """A table cell of a pull request's comment: one line, and what the owner typed in it
    (a question, a name) stays text: no link, image or HTML of its own."""
    return md_cell(on_one_line(text))


FORMATS = {"text": as_text, "json": as_json, "md": as_markdown}
