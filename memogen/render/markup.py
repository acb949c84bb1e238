"""Markdown fields → safe HTML, safe Markdown and plain text.

Every Markdown field is untrusted: raw HTML in it is cleaned with nh3 (a small
allow-list, links to http, https and mailto only) before it reaches any output.
"""

from __future__ import annotations

import html
import re
import threading
from typing import Any

import markdown
import nh3
from markdown import inlinepatterns

ALLOWED_TAGS = {"p", "br", "strong", "em", "b", "i", "a", "ul", "ol", "li", "code"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}

_ABSOLUTE_LINK = re.compile(r"^(?:https?://|mailto:)", re.IGNORECASE)
_LINK_TARGET = re.compile(r"\]\(\s*<?(?!https?:|mailto:)[^)]*\)", re.IGNORECASE)
# `[label]: target` defines a link wherever it starts a line, also inside a list item or a
# quote; escaping its colon turns it back into text (it still reads the same).
_REFERENCE = re.compile(r"\]:(?=\s*(?!https?:|mailto:)\S)", re.IGNORECASE)
_IMAGE = re.compile(r"!(?=\[)")
_MARKDOWN_SPECIAL = re.compile(r"([\\\[\]])")
_DEAD_LINK = re.compile(r'<a(?: (?:rel|title)="[^"]*")*>(.*?)</a>', re.DOTALL)  # no href
_SINGLE_PARAGRAPH = re.compile(r"^<p>((?:(?!<p>).)*)</p>$", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_BRACKET = re.compile(r"[\[\]]")
# Python-Markdown looks for the `]` (then the `)`) of every `[` to the end of the text, so a
# run of `[` costs time quadratic in its length; these bound each look, keeping it linear.
MAX_LINK_TEXT_BRACKETS = 32
MAX_LINK_TEXT_NESTING = 4
MAX_LINK_TARGET_CHARS = 2048
_LINK_PROCESSORS = {  # name → (class, priority), as Python-Markdown registers them
    "reference": (inlinepatterns.ReferenceInlineProcessor, 170),
    "link": (inlinepatterns.LinkInlineProcessor, 160),
    "image_link": (inlinepatterns.ImageInlineProcessor, 150),
    "image_reference": (inlinepatterns.ImageReferenceInlineProcessor, 140),
    "short_reference": (inlinepatterns.ShortReferenceInlineProcessor, 130),
    "short_image_ref": (inlinepatterns.ShortImageReferenceInlineProcessor, 125),
}
_per_thread = threading.local()  # a Markdown instance keeps state while it converts


def _bounded(processor: type[inlinepatterns.LinkInlineProcessor]) -> type[Any]:
    """`processor` with a link's text and target looked for only so far ahead."""

    class Bounded(processor):  # type: ignore[valid-type,misc]
        def getText(self, data: str, index: int) -> tuple[str, int, bool]:
            """The link text up to its matching `]`, nested brackets included (as the
            original does), giving up after `MAX_LINK_TEXT_BRACKETS` brackets or
            `MAX_LINK_TEXT_NESTING` levels."""
            depth = 1
            for seen, bracket in enumerate(_BRACKET.finditer(data, index)):
                depth += 1 if bracket.group() == "[" else -1
                if seen == MAX_LINK_TEXT_BRACKETS or depth > MAX_LINK_TEXT_NESTING:
                    break
                if depth == 0:
                    return data[index : bracket.start()], bracket.end(), True
            return "", index, False

        def getLink(self, data: str, index: int) -> tuple[str, str | None, int, bool]:
            if ")" not in data[index : index + MAX_LINK_TARGET_CHARS]:
                return "", None, index, False  # no end in reach: spare the scan
            found = super().getLink(data[: index + MAX_LINK_TARGET_CHARS], index)
            return found  # type: ignore[no-any-return]

    return Bounded


class _BoundedLinks(markdown.Extension):
    """Replace the link and image processors by their bounded versions."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        for name, (processor, priority) in _BOUNDED_PROCESSORS.items():
            pattern = md.inlinePatterns[name].pattern
            md.inlinePatterns.register(processor(pattern, md), name, priority)


_BOUNDED_PROCESSORS = {
    name: (_bounded(processor), priority)
    for name, (processor, priority) in _LINK_PROCESSORS.items()
}


def _converter() -> markdown.Markdown:
    """This thread's Markdown instance (`memogen serve` converts in two threads at once)."""
    converter: markdown.Markdown | None = getattr(_per_thread, "converter", None)
    if converter is None:
        converter = markdown.Markdown(extensions=[_BoundedLinks()], output_format="html")
        _per_thread.converter = converter
    return converter


def to_html(text: str) -> str:
    """Markdown → cleaned HTML (block level: paragraphs and lists)."""
    converter = _converter()
    converter.reset()
    rendered = converter.convert(text)
    cleaned = nh3.clean(
        rendered,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        attribute_filter=_absolute_links_only,
    )
    return _DEAD_LINK.sub(r"\1", cleaned).strip()  # a link whose target was refused is text


def _absolute_links_only(tag: str, attribute: str, value: str) -> str | None:
    """Relative links (`/etc/passwd`, `guide.pdf`) would point into whatever folder the file
    is opened from; a document that travels by email links only to absolute addresses."""
    if attribute == "href" and not _ABSOLUTE_LINK.match(value.strip()):
        return None
    return value


def to_inline_html(text: str) -> str:
    """Like `to_html`, without the <p> around a single paragraph (for table cells, lists)."""
    rendered = to_html(text)
    single = _SINGLE_PARAGRAPH.match(rendered)
    return single.group(1) if single else rendered


class SafeMarkdown(str):
    """Markdown that `to_safe_markdown` already made inert: the md filters leave it as it is."""

    __slots__ = ()


def to_safe_markdown(text: str) -> SafeMarkdown:
    """Markdown source with raw HTML made inert, unsafe link targets dropped and images
    turned into links (the HTML shows no images either, and a viewer would fetch them)."""
    text = text.replace("<", "&lt;")
    text = _drop_unsafe_link_targets(text)
    text = _REFERENCE.sub(r"]\\:", text)
    return SafeMarkdown(_IMAGE.sub(r"\\!", text))


def _drop_unsafe_link_targets(text: str) -> str:
    """Each link target but http, https and mailto emptied. No target ends after the last
    `)`, and cutting the text there keeps every `](` past it from scanning to the end in
    vain (quadratic: 100,000 characters of `](` took 15 s)."""
    end = text.rfind(")") + 1
    return _LINK_TARGET.sub("]()", text[:end]) + text[end:]


def escape_markdown_text(text: str) -> str:
    """Plain text (a title, a name) made inert in Markdown: no raw HTML, no link syntax."""
    if isinstance(text, SafeMarkdown):
        return text
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text)).replace("<", "&lt;")


def to_plain_text(text: str) -> str:
    """Markdown → readable plain text: markup removed, link targets kept in brackets."""
    rendered = to_html(text)
    rendered = re.sub(
        r'<a href="([^"]*)"[^>]*>(.*?)</a>',
        lambda m: (
            m.group(2)
            if m.group(2) == html.unescape(m.group(1))
            else f"{m.group(2)} ({html.unescape(m.group(1))})"
        ),
        rendered,
    )
    rendered = re.sub(r"<li>", "• ", rendered)
    rendered = re.sub(r"</p>\s*<p>", "\n\n", rendered)
    plain = html.unescape(_TAG.sub("", rendered))
    return "\n".join(line.strip() for line in plain.strip().splitlines())
