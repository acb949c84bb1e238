"""libyaml's syntax errors, rewritten in memogen's own words and placed where they start."""

from __future__ import annotations

import yaml

from memogen.data.document import Position, located_error
from memogen.errors import UserError

_SYNTAX_WORDS = {
    "mapping values are not allowed in this context": (
        "a ':' appears where a value was expected",
        "put text that contains ': ' in quotes, or move the value to its own line",
    ),
    "found character that cannot start any token": (
        "this character cannot start a value",
        "put the value in double quotes",
    ),
    "could not find expected ':'": (
        "a key is missing its ':'",
        "write 'key: value'",
    ),
    "did not find expected key": (
        "the indentation does not match the lines above",
        "align this key with its siblings, using spaces",
    ),
    "did not find expected '-' indicator": (
        "the indentation does not match the list above",
        "align every '- ' item of a list at the same column",
    ),
    "found unexpected end of stream": (
        "the file ends in the middle of a value",
        "close the quote or bracket that is still open",
    ),
    "did not find expected ',' or ']'": (
        "a '[' list is not closed",
        "add the closing ']' or write the list with '- ' items",
    ),
    "did not find expected ',' or '}'": (
        "a '{' mapping is not closed",
        "add the closing '}'",
    ),
    "block sequence entries are not allowed in this context": (
        "a '- ' list item cannot start on the line of its key",
        "move each '- ' item to its own line, indented under the key",
    ),
    "found unknown escape character": (
        "a backslash in double quotes must start a known escape",
        "use single quotes, or write '\\\\' for a backslash",
    ),
    "did not find expected node content": (
        "a value is missing here",
        "remove the extra ',' or put the value in quotes",
    ),
    "found duplicate anchor": (
        "anchors ('&name') are not allowed",
        "write the value out in full",
    ),
    "found undefined alias": (
        "aliases ('*name') are not allowed",
        "write the value out in full",
    ),
}


# Problems found far from their cause (often at the end of the file): the place where
# the unclosed quote or bracket was opened is the one to show.
_UNCLOSED = {
    "found unexpected end of stream",
    "did not find expected ',' or ']'",
    "did not find expected ',' or '}'",
}


def syntax_error(
    file: str, exc: yaml.MarkedYAMLError, multiline_quote: tuple[Position, int] | None = None
) -> UserError:
    mark = exc.problem_mark or exc.context_mark
    if exc.problem in _UNCLOSED and exc.context_mark:
        mark = exc.context_mark
    if multiline_quote and mark and multiline_quote[1] == mark.line + 1:
        # A quote left open swallows the lines below it up to the next quote character,
        # and the error shows only there: point at the quote that was not closed.
        start, end_line = multiline_quote
        message = f"this quote is not closed on its line (it ends on line {end_line})"
        return located_error(file, start, message, "close the quote on this line")
    where = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = (exc.problem or "").strip()
    message, hint = _SYNTAX_WORDS.get(
        problem,
        (
            f"the YAML is malformed here ({problem or 'unknown problem'})",
            "check quotes, colons and indentation on this line and the one above",
        ),
    )
    return located_error(file, where, message, hint)
