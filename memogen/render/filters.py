"""Pure functions templates may call, registered in one place."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from memogen.data.addresses import ascii_address
from memogen.render.markup import escape_markdown_text
from memogen.render.typography import plain_spaces

# What may stay as typed in a Markdown link destination: RFC 3986's unreserved and
# reserved characters, less the brackets and parentheses that end or open Markdown syntax.
_MD_URL_SAFE = "-._~:/?#@!$&'*+,;=%"
# What of a mailbox name stays as typed in a `mailto:` URI (RFC 6068's qchar, less '@'):
# `?`, `&`, `=`, `#`, `%` would start headers or end the address, so they are percent-encoded.
_MAILTO_SAFE = "!$'()*+,;:"
# Stand-ins for the breaks that `wrap` keeps while it joins the lines of a paragraph.
_KEPT_PARAGRAPH, _KEPT_ITEM = "\u2028", "\u2029"


def md_cell(text: str) -> str:
    """Text made safe inside a Markdown table cell (no pipes, no line breaks, no raw HTML)."""
    # ordinary white space only: the typesetter's no-break spaces stay
    return re.sub(r"[ \t\r\n]+", " ", md_text(text).replace("|", "\\|")).strip()


def md_text(text: str) -> str:
    """Plain text made inert in Markdown: raw HTML and links cannot start."""
    return escape_markdown_text(text)


def md_url(url: str) -> str:
    """A URL made safe as a Markdown link destination: `()[]<>`, spaces and the like
    percent-encoded, so that it can neither end the link nor start another one."""
    return quote(str(url), safe=_MD_URL_SAFE)


def mailto(address: str, subject: str = "") -> str:
    """`mailto:` + the address with its domain in IDNA form, which every mail client opens,
    and its mailbox name percent-encoded where a client would read headers (`help?cc=all`);
    with a `subject`, percent-encoded as UTF-8 (RFC 6068)."""
    local, _, domain = ascii_address(str(address)).rpartition("@")
    uri = f"mailto:{quote(local, safe=_MAILTO_SAFE)}@{domain}"
    return f"{uri}?subject={quote(plain_spaces(subject), safe='')}" if subject else uri


def tel(phone: str) -> str:
    """`+7 495 123-45-67` → `+74951234567` for tel: links."""
    return "".join(ch for ch in str(phone) if ch.isdigit() or ch == "+")


def wrap(text: str, width: int = 76, indent: int = 0) -> str:
    """Plain text reflowed for the text email: lines of at most `width` characters, counting
    `indent`, the spaces before every line but the first. Words longer than a line, such as
    URLs, are never broken."""
    wrapped = "\n".join(
        "\n".join(
            textwrap.wrap(
                line,
                width=width - indent,
                expand_tabs=False,
                replace_whitespace=False,
                break_long_words=False,
                break_on_hyphens=False,
            )
        )
        for line in _paragraphs_joined(str(text)).splitlines()
    )
    first, *rest = (wrapped + "\n").splitlines()
    return "\n".join([first, *(" " * indent + line if line else line for line in rest)])


def _paragraphs_joined(text: str) -> str:
    """A line break inside a paragraph becomes a space; blank lines between paragraphs
    stay, and a "• " item starts a line of its own (right under the line before it)."""
    return (
        text.replace("\n• ", _KEPT_ITEM + "• ")
        .replace("\n\n", _KEPT_PARAGRAPH)
        .replace("\n", " ")
        .replace(_KEPT_PARAGRAPH, "\n\n")
        .replace(_KEPT_ITEM, "\n")
    )


ALL: dict[str, Callable[..., Any]] = {
    "md_cell": md_cell,
    "md_text": md_text,
    "md_url": md_url,
    "mailto": mailto,
    "tel": tel,
    "wrap": wrap,
}
