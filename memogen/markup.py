"""Markdown fields → safe HTML, safe Markdown and plain text.

Every Markdown field is untrusted: raw HTML in it is cleaned with nh3 (a small
allow-list, links to http, https and mailto only) before it reaches any output.
"""

from __future__ import annotations

import html
import re

import markdown
import nh3

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
_converter = markdown.Markdown(extensions=[], output_format="html")


def to_html(text: str) -> str:
    """Markdown → cleaned HTML (block level: paragraphs and lists)."""
    _converter.reset()
    rendered = _converter.convert(text)
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
    text = _LINK_TARGET.sub("]()", text)
    text = _REFERENCE.sub(r"]\\:", text)
    return SafeMarkdown(_IMAGE.sub(r"\\!", text))


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
