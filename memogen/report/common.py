"""What the report formats share: JSON text, counts by severity, an issue on one line."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from memogen.errors import Issue

# What JSON may hold raw but a report must not: the line breaks JSON allows in a string
# (every line of a report is a line of JSON), and the lone surrogates that stand for the
# bytes of a file name that is not UTF-8 (they have no UTF-8 form).
_ESCAPED_IN_JSON = re.compile("[\x85\u2028\u2029\ud800-\udfff]")


def json_text(document: Any) -> str:
    """Indented JSON that keeps non-ASCII text readable yet writes line breaks and lone
    surrogates as escapes: every line is a line of JSON, and the whole is UTF-8."""
    text = json.dumps(document, ensure_ascii=False, indent=2)
    return _ESCAPED_IN_JSON.sub(lambda found: f"\\u{ord(found.group()):04x}", text) + "\n"


def counts(issues: Iterable[Issue]) -> Counter[str]:
    """How many issues of each severity: 'error', 'warning', 'info'."""
    return Counter(issue.severity for issue in issues)


def one_line(issue: Issue, with_rule: bool = True) -> str:
    """`path: message (hint) [rule]`: an issue without its place, for annotations and tables."""
    message = f"{issue.path}: {issue.message}" if issue.path else issue.message
    if issue.hint:
        message += f" ({issue.hint})"
    return message + (f" [{issue.rule}]" if issue.rule and with_rule else "")
