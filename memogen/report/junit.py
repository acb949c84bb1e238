"""JUnit XML: a test suite per file, a test case per rule, a failure per broken rule.

CI servers (GitLab, Jenkins, Azure) show these as test results. Errors are failures;
warnings are failures too under `--fail-on warning`; the rest goes to system-out.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from memogen.errors import Issue
from memogen.findings import VALIDATION_RULE, FailOn, Findings
from memogen.i18n import ngettext

# What XML 1.0 cannot hold, even as a character reference: control characters (a file name
# may have them) and lone surrogates (the bytes of a file name that is not UTF-8).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def render(findings: Findings, fail_on: FailOn) -> str:
    root = ET.Element("testsuites", name=f"memogen {findings.tool}")
    files = list(dict.fromkeys([*findings.files, *sorted({i.file for i in findings.issues})]))
    rules = [VALIDATION_RULE, *findings.rules]
    totals = {"tests": 0, "failures": 0, "skipped": 0}
    for file in files:
        suite = ET.SubElement(root, "testsuite", name=file)
        tally = {"tests": 0, "failures": 0, "skipped": 0}
        for rule in rules:
            issues = [
                i for i in findings.issues if i.file == file and findings.rule_of(i).id == rule.id
            ]
            case = ET.SubElement(
                suite, "testcase", name=f"{rule.id} {rule.name}", classname=file, file=file
            )
            tally["tests"] += 1
            failing = [i for i in issues if _fails(i, fail_on)]
            why = findings.skipped.get(file, {}).get(rule.id)
            if failing:
                tally["failures"] += 1
                failure = ET.SubElement(
                    case, "failure", type=failing[0].severity, message=_message(failing)
                )
                failure.text = "".join(i.text() + "\n" for i in failing)
            elif why and not issues:
                tally["skipped"] += 1
                ET.SubElement(case, "skipped", message=why)
            others = [i for i in issues if i not in failing]
            if others:
                ET.SubElement(case, "system-out").text = "".join(i.text() + "\n" for i in others)
        for key, value in tally.items():
            suite.set(key, str(value))
            totals[key] += value
        suite.set("errors", "0")
    for key, value in totals.items():
        root.set(key, str(value))
    root.set("errors", "0")
    ET.indent(root)
    text = _NOT_XML.sub(_escape, ET.tostring(root, "unicode"))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"


def _escape(found: re.Match[str]) -> str:
    """`\\x1b`, `\\udcff`: the character written as Python writes it, visible and valid."""
    return found.group().encode("unicode_escape").decode("ascii")


def _fails(issue: Issue, fail_on: FailOn) -> bool:
    return issue.severity == "error" or (issue.severity == "warning" and fail_on == "warning")


def _message(issues: list[Issue]) -> str:
    first = f"{issues[0].line}:{issues[0].col}: {issues[0].message}"
    if len(issues) == 1:
        return first
    more = ngettext("{first} (and {count} more)", "{first} (and {count} more)", len(issues) - 1)
    return more.format(first=first, count=len(issues) - 1)
