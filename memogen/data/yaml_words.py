"""libyaml's syntax errors, rewritten in memogen's own words and placed where they start."""

from __future__ import annotations

import yaml

from memogen.data.document import Position, located_error
from memogen.data.yaml_mistakes import held_mistake
from memogen.errors import UserError
from memogen.i18n import N_, _

_SYNTAX_WORDS = {
    "mapping values are not allowed in this context": (
        N_("a ':' appears where a value was expected"),
        N_("put text that contains ': ' in quotes, or move the value to its own line"),
    ),
    "found character that cannot start any token": (
        N_("this character cannot start a value"),
        N_("put the value in double quotes"),
    ),
    "could not find expected ':'": (
        N_("a key is missing its ':'"),
        N_("write 'key: value'"),
    ),
    "did not find expected key": (
        N_("the indentation does not match the lines above"),
        N_("align this key with its siblings, using spaces"),
    ),
    "did not find expected '-' indicator": (
        N_("the indentation does not match the list above"),
        N_("align every '- ' item of a list at the same column"),
    ),
    "found unexpected end of stream": (
        N_("the file ends in the middle of a value"),
        N_("close the quote or bracket that is still open"),
    ),
    "did not find expected ',' or ']'": (
        N_("a '[' list is not closed"),
        N_("add the closing ']' or write the list with '- ' items"),
    ),
    "did not find expected ',' or '}'": (
        N_("a '{' mapping is not closed"),
        N_("add the closing '}'"),
    ),
    "block sequence entries are not allowed in this context": (
        N_("a '- ' list item cannot start on the line of its key"),
        N_("move each '- ' item to its own line, indented under the key"),
    ),
    "found unknown escape character": (
        N_("a backslash in double quotes must start a known escape"),
        N_("use single quotes, or write '\\\\' for a backslash"),
    ),
    "did not find expected node content": (
        N_("a value is missing here"),
        N_("remove the extra ',' or put the value in quotes"),
    ),
    "found duplicate anchor": (
        N_("anchors ('&name') are not allowed"),
        N_("write the value out in full"),
    ),
    "found undefined alias": (
        N_("aliases ('*name') are not allowed"),
        N_("write the value out in full"),
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
    file: str,
    exc: yaml.MarkedYAMLError,
    multiline_quote: tuple[Position, int] | None = None,
    text: str = "",
) -> UserError:
    """libyaml's error in our words, at its cause: the mistakes owners make most often
    (`held_mistake`) get the message that names their fix."""
    mark = exc.problem_mark or exc.context_mark
    if exc.problem in _UNCLOSED and exc.context_mark:
        mark = exc.context_mark
    if multiline_quote and mark and multiline_quote[1] == mark.line + 1:
        # A quote left open swallows the lines below it up to the next quote character,
        # and the error shows only there: point at the quote that was not closed.
        start, end_line = multiline_quote
        message = _("this quote is not closed on its line (it ends on line {line})")
        hint = _("close the quote on this line")
        return located_error(file, start, message.format(line=end_line), hint)
    held = held_mistake(file, exc, text)
    if held is not None:
        return held
    where = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = (exc.problem or "").strip()
    if problem in _SYNTAX_WORDS:
        message, hint = (_(text) for text in _SYNTAX_WORDS[problem])
    else:
        message = _("the YAML is malformed here ({problem})").format(
            problem=problem or _("unknown problem")
        )
        hint = _("check quotes, colons and indentation on this line and the one above")
    return located_error(file, where, message, hint)
