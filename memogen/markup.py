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

_LINK_TARGET = re.compile(r"\]\(\s*<?(?!https?:|mailto:)[^)]*\)", re.IGNORECASE)
_REFERENCE = re.compile(r"^( {0,3}\[[^\]]+\]:\s*)(?!https?:|mailto:)\S+.*$",
                        re.IGNORECASE | re.MULTILINE)
_SINGLE_PARAGRAPH = re.compile(r"^<p>((?:(?!<p>).)*)</p>$", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
_converter = markdown.Markdown(extensions=[], output_format="html")


def to_html(text: str) -> str:
    """Markdown → cleaned HTML (block level: paragraphs and lists)."""
    _converter.reset()
    rendered = _converter.convert(text)
    return nh3.clean(rendered, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes=URL_SCHEMES, link_rel="noopener noreferrer").strip()


def to_inline_html(text: str) -> str:
    """Like `to_html`, without the <p> around a single paragraph (for table cells, lists)."""
    rendered = to_html(text)
    single = _SINGLE_PARAGRAPH.match(rendered)
    return single.group(1) if single else rendered


def to_safe_markdown(text: str) -> str:
    """Markdown source with raw HTML made inert and unsafe link targets dropped."""
    text = text.replace("<", "&lt;")
    text = _LINK_TARGET.sub("]()", text)
    return _REFERENCE.sub(r"\1#", text)


def to_plain_text(text: str) -> str:
    """Markdown → readable plain text: markup removed, link targets kept in brackets."""
    rendered = to_html(text)
    rendered = re.sub(r'<a href="([^"]*)"[^>]*>(.*?)</a>',
                      lambda m: m.group(2) if m.group(2) == html.unescape(m.group(1))
                      else f"{m.group(2)} ({html.unescape(m.group(1))})", rendered)
    rendered = re.sub(r"<li>", "• ", rendered)
    rendered = re.sub(r"</p>\s*<p>", "\n\n", rendered)
    plain = html.unescape(_TAG.sub("", rendered))
    return "\n".join(line.strip() for line in plain.strip().splitlines())
