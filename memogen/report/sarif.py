"""SARIF 2.1.0, for GitHub code scanning and other tools that read static-analysis results.

Locations are relative to the repo (`uriBaseId: %SRCROOT%`) so the same report
means the same thing on every machine; columns count Unicode code points, as
memogen's messages do.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any
from urllib.parse import quote

from memogen import __version__
from memogen.errors import Issue
from memogen.findings import VALIDATION_RULE, FailOn, Findings
from memogen.i18n import _
from memogen.lint.rules.catalog import RuleInfo
from memogen.report.common import json_text, one_line

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def render(findings: Findings, fail_on: FailOn) -> str:
    rules = [VALIDATION_RULE, *findings.rules]
    index = {rule.id: i for i, rule in enumerate(rules)}
    results = [_result(issue, findings.rule_of(issue), index) for issue in findings.issues]
    run = {
        "tool": {
            "driver": {
                "name": "memogen",
                "version": __version__,
                "rules": [_rule(rule) for rule in rules],
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json_text(log)


def _rule(rule: RuleInfo) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": _(rule.rationale)},
        "help": {
            "text": _("{rationale} See docs/lint-rules.md, {rule}.").format(
                rationale=_(rule.rationale), rule=rule.id
            )
        },
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
    }


def _result(issue: Issue, rule: RuleInfo, index: dict[str, int]) -> dict[str, Any]:
    # surrogateescape: the lone surrogates of a file name that is not UTF-8 are its bytes
    key = "\0".join((issue.file, rule.id, issue.path, issue.message))
    fingerprint = hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()
    return {
        "ruleId": rule.id,
        "ruleIndex": index[rule.id],
        "level": _LEVEL[issue.severity],
        "message": {"text": one_line(issue, with_rule=False)},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": _artifact(issue.file),
                    "region": {"startLine": issue.line, "startColumn": issue.col},
                }
            }
        ],
        "partialFingerprints": {"memogenFinding/v1": fingerprint[:32]},
    }


def _artifact(file: str) -> dict[str, str]:
    path = Path(file)
    if path.is_absolute():  # a file outside the repo: only an absolute URI can name it
        return {"uri": path.as_uri()}
    return {"uri": quote(path.as_posix(), errors="surrogateescape"), "uriBaseId": "%SRCROOT%"}
