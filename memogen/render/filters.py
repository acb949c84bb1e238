"""Pure functions templates may call, registered in one place."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from memogen.data.addresses import ascii_address
from memogen.render.markup import escape_markdown_text

# What may stay as typed in a Markdown link destination: RFC 3986's unreserved and
# reserved characters, less the brackets and parentheses that end or open Markdown syntax.
_MD_URL_SAFE = "-._~:/?#@!$&'*+,;=%"


def md_cell(text: str) -> str:
    """Text made safe inside a Markdown table cell (no pipes, no line breaks, no raw HTML)."""
    return " ".join(md_text(text).replace("|", "\\|").split())


def md_text(text: str) -> str:
    """Plain text made inert in Markdown: raw HTML and links cannot start."""
    return escape_markdown_text(text)


def md_url(url: str) -> str:
    """A URL made safe as a Markdown link destination: `()[]<>`, spaces and the like
    percent-encoded, so that it can neither end the link nor start another one."""
    return quote(str(url), safe=_MD_URL_SAFE)


def mailto(address: str) -> str:
    """`mailto:` + the address with its domain in IDNA form, which every mail client opens."""
    return "mailto:" + ascii_address(str(address))


def tel(phone: str) -> str:
    """`+7 495 123-45-67` → `+74951234567` for tel: links."""
    return "".join(ch for ch in str(phone) if ch.isdigit() or ch == "+")


ALL: dict[str, Callable[..., Any]] = {
    "md_cell": md_cell,
    "md_text": md_text,
    "md_url": md_url,
    "mailto": mailto,
    "tel": tel,
}
