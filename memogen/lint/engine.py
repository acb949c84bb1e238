"""`memogen lint`: rules for good service standards, beyond what the format requires.

The rules' ids, names and rationales are in `rules.catalog`, their checks in
the `rules` modules, registered below. `lint()` validates first (a file that
is not valid cannot be linted), runs every enabled rule on every valid standard,
places each hit at the line and column of the offending text, applies the severities
of memogen.yaml and hides what the baseline accepted.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from memogen.data.document import Document, Position
from memogen.data.lifecycle import build_day
from memogen.data.models import Standard
from memogen.data.wording import dotted_path
from memogen.diff.sources import from_git
from memogen.errors import Issue
from memogen.findings import Findings, validation
from memogen.i18n import _
from memogen.lint.baseline import Key, read_baseline, value_hash, write_baseline
from memogen.lint.rules import completeness, control, plain_language, typography
from memogen.lint.rules.base import Check, Context, Hit
from memogen.lint.rules.catalog import RULES, RuleInfo
from memogen.project import Project

CHECKS: dict[str, Check] = {
    "MG101": completeness.input_example,
    "MG102": completeness.stage_performer,
    "MG103": completeness.stage_result,
    "MG104": completeness.contact_channel,
    "MG105": completeness.form_url,
    "MG106": completeness.feedback_url,
    "MG107": completeness.stale_standard,
    "MG108": control.approval_after_effective,
    "MG109": control.unversioned_breaking_change,
    "MG201": plain_language.long_sentence,
    "MG202": plain_language.jargon,
    "MG203": plain_language.passive_voice,
    "MG301": plain_language.poster_word_budget,
    "MG401": typography.straight_quotes,
    "MG402": typography.hyphen_as_dash,
    "MG403": typography.unit_space,
}


def lint(
    paths: Sequence[Path],
    config_path: Path | None,
    today: date | None = None,
    use_baseline: bool = True,
    base: str | None = None,
) -> Findings:
    """Validate, then lint (with `base`, also against the standards at that git revision);
    findings accepted in the baseline are counted but not shown."""
    project, found, findings = _run(paths, config_path, today, base)
    if project is None or not use_baseline:
        return findings
    options = project.config.lint
    accepted = read_baseline(project.root / options.baseline, options.baseline)
    shown = [issue for issue in findings.issues if found.get(issue) not in accepted]
    return Findings(
        "lint",
        findings.files,
        shown,
        findings.rules,
        findings.skipped,
        len(findings.issues) - len(shown),
    )


def record_baseline(
    paths: Sequence[Path], config_path: Path | None, today: date | None = None
) -> tuple[str | None, int, Findings]:
    """Accept every current lint finding; returns the baseline file (as memogen.yaml names
    it), the number of findings and what is left.

    Validation problems are never accepted: they stay in the returned findings. With an
    invalid memogen.yaml nothing is written and the file is None.
    """
    project, found, findings = _run(paths, config_path, today)
    left = Findings(
        "lint",
        findings.files,
        [i for i in findings.issues if not i.rule],
        findings.rules,
        findings.skipped,
    )
    if project is None:
        return None, 0, left
    keys = set(found.values())
    write_baseline(project.root / project.config.lint.baseline, keys, project.config.lint.baseline)
    return project.config.lint.baseline, len(keys), left


def _run(
    paths: Sequence[Path], config_path: Path | None, today: date | None, base: str | None = None
) -> tuple[Project | None, dict[Issue, Key], Findings]:
    """Validate and lint; each lint issue is mapped to how the baseline remembers it."""
    project, checked, validated = validation(paths, config_path)
    if project is None:
        return None, {}, Findings("lint", validated.files, validated.issues)
    options = project.config.lint
    rules = [rule for rule in RULES if rule.id not in options.disable]
    severities: dict[str, str] = options.severity.model_dump(exclude_none=True)
    found: list[tuple[Issue, Key]] = []
    skipped: dict[str, dict[str, str]] = {}
    linted = set()
    previous = _at_base(project, paths, base) if base and not checked.errors else {}
    for standard, document in checked.with_documents():
        linted.add(document.file)
        source = checked.sources[standard.id].read_text(encoding="utf-8-sig")
        context = Context(
            standard,
            document,
            options,
            today or build_day(),  # SOURCE_DATE_EPOCH's day, as validation counts
            compared=bool(base),
            previous=previous.get(standard.id),
            workday_hours=project.config.workday_hours,
        )
        places = _Places(document, source)
        for rule in rules:
            if rule.language and rule.language != standard.language:
                skipped.setdefault(document.file, {})[rule.id] = _(
                    "applies to standards in '{language}' only"
                ).format(language=rule.language)
                continue
            for hit in CHECKS[rule.id](context):
                found.append(_finding(rule, hit, document, places, severities.get(rule.id)))
    for file in validated.files:
        if file not in linted:
            skipped[file] = {
                rule.id: _("the file is not valid; fix its errors first") for rule in rules
            }
    issues = sorted([*checked.issues, *(issue for issue, _hit in found)])
    return project, dict(found), Findings("lint", validated.files, issues, rules, skipped)


def _at_base(project: Project, paths: Sequence[Path], base: str) -> dict[str, Standard]:
    """The standards as they were at git revision `base`, by id."""
    return {old.id: old for old, _ in from_git(project, paths, base) if old is not None}


def _finding(
    rule: RuleInfo, hit: Hit, document: Document, places: _Places, severity: Any
) -> tuple[Issue, Key]:
    line, col = places.locate(hit)
    dotted = dotted_path(hit.path)
    issue = Issue(
        document.file,
        line,
        col,
        dotted,
        hit.message,
        hit.hint,
        severity or rule.severity,
        rule=rule.id,
    )
    value = document.value_at(hit.path) if hit.path else None
    return issue, (document.file, rule.id, dotted, value_hash(value))


class _Places:
    """Finds the line and column of a fragment inside a value, in the file's own text."""

    def __init__(self, document: Document, source: str) -> None:
        self.document = document
        self.lines = source.splitlines(keepends=True)
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line))
        self.source = source
        self.nodes = sorted({*document.values.values(), *document.keys.values()})

    def locate(self, hit: Hit) -> Position:
        """The fragment's position when it can be found in the value's text, else the value's."""
        where = self.document.where(hit.path)
        if not hit.fragment:
            return where
        start = self._offset(where)
        after = bisect.bisect_right(self.nodes, where)
        end = self._offset(self.nodes[after]) if after < len(self.nodes) else len(self.source)
        if self.source[start : start + 1] in ("'", '"'):
            start += 1  # the opening quote of a quoted scalar is YAML, not text
        at = start - 1
        for _time in range(hit.occurrence + 1):
            at = self.source.find(hit.fragment, at + 1, end)
            if at < 0:
                return where
        line = bisect.bisect_right(self.starts, at)
        return line, at - self.starts[line - 1] + 1

    def _offset(self, where: Position) -> int:
        line, col = where
        return self.starts[min(line, len(self.lines)) - 1] + col - 1 if self.lines else 0
