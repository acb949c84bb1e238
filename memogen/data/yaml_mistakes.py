"""The YAML mistakes owners make most, said with their fix where they are: a value that starts
with Markdown's `*`, a quoted value with more text after it, a key out of line with its
siblings (`yaml_indent` finds which)."""

from __future__ import annotations

import re

import yaml

from memogen.data.document import located_error
from memogen.data.yaml_indent import misplaced_key
from memogen.errors import UserError
from memogen.i18n import _

_INDENTATION = {
    "did not find expected key",
    "did not find expected '-' indicator",
    "mapping values are not allowed in this context",
}
# `title: "Переговорная" и кейтеринг`: a closed quote, then more text on the line.
_QUOTE_THEN_TEXT = re.compile(
    r"^( *(?:- +)*(?:[^\s#'\"][^:#]*:[ \t]+)?)(\"[^\"]*\"|'[^']*')[ \t]+[^\s#].*$"
)


def held_mistake(file: str, exc: yaml.MarkedYAMLError, text: str) -> UserError | None:
    """A value that starts with Markdown's `*`, a quoted value with text after it, a key out
    of line with its siblings: said with their fix, where they are."""
    if exc.context in ("while scanning an alias", "while scanning an anchor") and exc.context_mark:
        start = exc.context_mark
        char = "*" if exc.context.endswith("alias") else "&"
        message = _("a value that starts with '{char}' must be put in quotes").format(char=char)
        hint = _("put the whole value in quotes, or write it on the lines after '|'")
        return located_error(file, (start.line + 1, start.column + 1), message, hint)
    lines, mark = text.splitlines(), exc.problem_mark
    if exc.problem not in _INDENTATION or mark is None or mark.line >= len(lines):
        return None
    quoted = _QUOTE_THEN_TEXT.match(lines[mark.line])
    if quoted:
        key, value = quoted.group(1), lines[mark.line][len(quoted.group(1)) :].rstrip()
        quoted_value = f'"{value}"' if '"' not in value else "'" + value.replace("'", "''") + "'"
        fixed = key.lstrip(" -") + quoted_value
        message = _("the text goes on after the closing quote")
        hint = _("put the whole value in quotes: {fixed}").format(fixed=fixed)
        return located_error(file, (mark.line + 1, len(key) + 1), message, hint)
    found = misplaced_key(text, mark.line + 1)
    if found is None:
        return None
    message = _("this key starts at column {found}, its siblings at column {expected}")
    hint = _("align it with '{key}' on line {line}, using spaces")
    return located_error(
        file,
        (found.line, found.column),
        message.format(found=found.column, expected=found.expected),
        hint.format(key=found.sibling, line=found.sibling_line),
    )
