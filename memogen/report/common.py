"""What the report formats share: JSON text, counts by severity, an issue on one line."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import Any

from memogen.errors import Issue


def json_text(document: Any) -> str:
    """Indented JSON that keeps non-ASCII text readable yet writes the line breaks JSON
    allows raw (U+0085, U+2028, U+2029) as escapes: every line of it is a line of JSON."""
    text = json.dumps(document, ensure_ascii=False, indent=2)
    for char in "\x85\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text + "\n"


def counts(issues: Iterable[Issue]) -> Counter[str]:
    """How many issues of each severity: 'error', 'warning', 'info'."""
    return Counter(issue.severity for issue in issues)


def one_line(issue: Issue, with_rule: bool = True) -> str:
    """`path: message (hint) [rule]`: an issue without its place, for annotations and tables."""
    message = f"{issue.path}: {issue.message}" if issue.path else issue.message
    if issue.hint:
        message += f" ({issue.hint})"
    return message + (f" [{issue.rule}]" if issue.rule and with_rule else "")
