"""Typography a typesetter would sign, applied to every text before any medium sees it.

The pass runs on the source text (Markdown included), so that HTML, PDF, Markdown and
plain text all carry the same characters: no-break spaces where a line must not break
(after a short Russian word, before a dash, after №, in initials and abbreviations,
between a number and its unit), a thin no-break space in Russian thousands, a
non-breaking hyphen in short prefixed words, and proper quotes for the language.
What must stay as typed is never touched: code, link targets, HTML tags and entities,
URLs, e-mail addresses and phone numbers.
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

from pydantic import BaseModel

from memogen.render.quotes import with_quotes
from memogen.render.spacing import spaced

Model = TypeVar("Model", bound=BaseModel)

_PROTECTED = re.compile(
    r"```.*?(?:```|\Z)"  # a fenced code block
    r"|`[^`\n]*`"  # a code span
    r"|\]\([^()\n]*\)"  # a Markdown link's target and title
    r"|^[ \t>]*\[[^\]\n]*\]:[^\n]*"  # a Markdown reference: its target and title
    r"|<[^<>\n]*>"  # an autolink or an HTML tag
    r"|&#?\w+;"  # an HTML entity
    r"|(?:https?|ftp)://[^\s\"'<>«»]+|mailto:[^\s\"'<>«»]+|www\.[^\s\"'<>«»]+"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # an e-mail address, from its start
    r"|\+\d[\d ()\-]*\d",  # a phone number
    re.DOTALL | re.IGNORECASE | re.MULTILINE,
)


_PLAIN_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " "})


def plain_spaces(text: str) -> str:
    """`text` with the typesetter's no-break spaces as plain ones: where no line is broken
    (an email's subject, a `mailto:` link's), they would only hinder folding and search."""
    return text.translate(_PLAIN_SPACES)


def typeset(text: str, lang: str) -> str:
    """`text` with the typography of `lang` ("ru" or "en"); protected runs stay as typed."""
    if not text:
        return text
    pieces: list[tuple[str, bool]] = []  # (text, may change)
    end = 0
    for found in _PROTECTED.finditer(text):
        pieces.append((text[end : found.start()], True))
        pieces.append((found.group(), False))
        end = found.end()
    pieces.append((text[end:], True))
    quoted = with_quotes(pieces, lang)
    return "".join(spaced(piece, lang) if free else piece for piece, free in quoted)


# Fields typed as they must stay: names of things a machine reads, not a person.
_AS_TYPED = frozenset(
    {"id", "language", "version", "email", "phone", "form_url", "address", "url", "channel"}
    | {"deadline", "acknowledge_within", "memogen", "logo", "font", "primary", "accent"}
)


def typeset_model(model: Model, lang: str) -> Model:
    """A copy of `model` with every text field typeset, nested models and lists included."""
    changed = {
        name: _typeset_value(value, lang)
        for name, value in model
        if name not in _AS_TYPED and value is not None
    }
    return model.model_copy(update=changed)


def _typeset_value(value: Any, lang: str) -> Any:
    if isinstance(value, str):
        return typeset(value, lang)
    if isinstance(value, BaseModel):
        return typeset_model(value, lang)
    if isinstance(value, list | tuple):
        return type(value)(_typeset_value(item, lang) for item in value)
    return value
