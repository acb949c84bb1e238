"""What the rules read: the client-facing texts of a standard, as plain sentences and words.

Markdown fields are reduced to the words a reader sees (link text without the
address, no emphasis markers, no code, no HTML) before any rule looks at them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from memogen.data.document import KeyPath
from memogen.data.models import Standard


@dataclass(frozen=True)
class Text:
    """One text value and where it sits; `prose` texts are sentences, the others are labels."""

    path: KeyPath
    value: str
    prose: bool


def client_texts(standard: Standard) -> Iterator[Text]:
    """The texts the client reads in the guide, the poster and the email."""
    yield Text(("title",), standard.title, False)
    yield Text(("summary",), standard.summary, True)
    request = standard.request
    if request.form_name:
        yield Text(("request", "form_name"), request.form_name, False)
    for i, step in enumerate(request.steps):
        yield Text(("request", "steps", i), step, True)
    for i, part in enumerate(request.hard_parts):
        yield Text(("request", "hard_parts", i, "title"), part.title, False)
        yield Text(("request", "hard_parts", i, "text"), part.text, True)
    for i, item in enumerate(standard.inputs):
        yield Text(("inputs", i, "name"), item.name, False)
        yield from _optional(("inputs", i, "description"), item.description, True)
    for i, stage in enumerate(standard.stages):
        yield Text(("stages", i, "name"), stage.name, False)
        yield from _optional(("stages", i, "result"), stage.result, True)
        yield from _optional(("stages", i, "client_action"), stage.client_action, True)
    for i, criterion in enumerate(standard.result.criteria):
        yield Text(("result", "criteria", i), criterion, True)
    yield from _optional(("result", "delivery"), standard.result.delivery, True)
    if standard.changes:
        for key in ("before_start", "in_progress", "after_delivery"):
            yield from _optional(("changes", key), getattr(standard.changes, key), True)
    for i, contact in enumerate(standard.contacts):
        yield from _optional(("contacts", i, "when"), contact.when, True)
    if standard.poster:
        yield from _optional(("poster", "slogan"), standard.poster.slogan, False)
    for i, faq in enumerate(standard.faq):
        yield Text(("faq", i, "q"), faq.q, True)
        yield Text(("faq", i, "a"), faq.a, True)


def _optional(path: KeyPath, value: str | None, prose: bool) -> Iterator[Text]:
    if value:
        yield Text(path, value, prose)


# Keys whose values are codes, addresses or numbers, never text that people read.
NOT_TEXT = frozenset(
    {
        "memogen",
        "id",
        "language",
        "version",
        "effective",
        "email",
        "phone",
        "address",
        "form_url",
        "url",
        "channel",
        "acknowledge_within",
        "deadline",
        "required",
    }
)


def all_texts(data: Any, path: KeyPath = ()) -> Iterator[tuple[KeyPath, str]]:
    """Every string of a raw document that people read, with its path (for typography)."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key not in NOT_TEXT:
                yield from all_texts(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from all_texts(value, (*path, i))
    elif isinstance(data, str):
        yield path, data


# Every pattern here runs in time linear in the text: no class under a quantifier overlaps
# what may follow it, and no run can reach past the bracket that would start a new match
# (`[^\[\]\n]`, `[^()\n]`, `[^<>\n]`), so a field of 4,000 `[` or `<a` costs 4,000 steps.
# Email addresses are found token by token (`_email_spans`), never by `\S+@\S+\.\w+`,
# which is cubic.
_CODE = re.compile(r"`[^`\n]*`")
_IMAGE_OR_LINK = re.compile(r"!?\[([^\[\]\n]*)\]\([^()\n]*\)")
_LINK_ADDRESS = re.compile(r"\]\([^()\n]*\)")
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^<>\s]*>")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
_URL = re.compile(r"https?://\S+")
_TOKEN = re.compile(r"\S+")
_EMPHASIS = re.compile(r"\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)")


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _email_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where `\\S+@\\S+\\.\\w+` would match, in linear time: in each run of non-spaces,
    from its start to the end of the word after its last '.' that has an '@' at least two
    characters before it (and not at the start of the run)."""
    for token in _TOKEN.finditer(text):
        word = token.group()
        dot = word.rfind(".")
        while dot != -1 and not (dot + 1 < len(word) and _is_word_char(word[dot + 1])):
            dot = word.rfind(".", 0, dot)
        if dot < 3 or word.find("@", 1, dot - 1) == -1:
            continue
        end = dot + 1
        while end < len(word) and _is_word_char(word[end]):
            end += 1
        yield token.start(), token.start() + end


def _without_emails(text: str, blank: bool) -> str:
    """Each email address replaced by one space, or by as many spaces as it is long."""
    parts, at = [], 0
    for start, end in _email_spans(text):
        parts += [text[at:start], " " * (end - start if blank else 1)]
        at = end
    return "".join(parts) + text[at:]


@lru_cache(maxsize=4096)
def visible(markdown: str) -> str:
    """The words a reader sees: link texts kept, addresses, code, HTML and markers dropped."""
    text = _CODE.sub(" ", markdown)
    text = _IMAGE_OR_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(" ", text)
    text = _HTML_TAG.sub(" ", text)
    text = _URL.sub(" ", text)
    text = _without_emails(text, blank=False)
    return _EMPHASIS.sub("", text)


@lru_cache(maxsize=4096)
def without_code(markdown: str) -> str:
    """The text with code, addresses and HTML blanked out, same length, for typography checks."""
    for pattern in (_CODE, _AUTOLINK, _HTML_TAG, _URL):
        markdown = pattern.sub(lambda found: " " * len(found.group()), markdown)
    markdown = _without_emails(markdown, blank=True)
    return _LINK_ADDRESS.sub(lambda found: " " * len(found.group()), markdown)


_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[»\")]?\s+(?=[«\"“(]?[A-ZА-ЯЁ])")


@lru_cache(maxsize=4096)
def sentences(markdown: str) -> tuple[str, ...]:
    """The sentences of a text; paragraphs and list items end a sentence too."""
    blocks: list[list[str]] = [[]]
    for line in visible(markdown).splitlines():
        if not line.strip():
            blocks.append([])
            continue
        if _LIST_ITEM.match(line):
            blocks.append([])
            line = _LIST_ITEM.sub("", line)
        blocks[-1].append(line.strip())
    found: list[str] = []
    for block in blocks:
        joined = " ".join(block).strip()
        found.extend(part.strip() for part in _SENTENCE_END.split(joined) if part.strip())
    return tuple(found)


def words(text: str) -> list[str]:
    """Words as a reader counts them: '10:00', 'ИТ-служба' and 'A4' are one word each."""
    return [token for token in text.split() if any(char.isalnum() for char in token)]
