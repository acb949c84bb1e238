"""The email version: an .eml (multipart/alternative, UTF-8) with inlined CSS.

Header values were checked at validation (one line, no control characters, no
encoded words, strict addresses). This module checks them once more and hands
the email package only structured values — a display name and an address, never
a string it would have to re-parse — so a name like `Eve <eve@x>, all@y` stays a
name. This machine's Python predates the fix for CVE-2024-6923, so nothing here
relies on the email package to refuse a line break.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime

Mailbox = tuple[str, str]  # (display name, address)

_MAILBOX = re.compile(r"^(?P<name>[^<>\"]*?)\s*<(?P<address>[^<>\s]+)>$")
_UNSAFE_HEADER = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]|=\\?.*\\?=")


def mailbox(text: str) -> Mailbox:
    """`Name <name@example.com>` or `name@example.com` (as validated) → (name, address)."""
    found = _MAILBOX.match(text.strip())
    return (found["name"].strip(), found["address"]) if found else ("", text.strip())


def inline_css(html: str) -> str:
    """Move <style> rules into style="" attributes, as mail clients need."""
    import css_inline

    inliner = css_inline.CSSInliner(
        load_remote_stylesheets=False, keep_style_tags=False, keep_link_tags=False
    )
    return inliner.inline(html)


def build_eml(
    subject: str, sender: Mailbox, to: Mailbox, html: str, text: str, epoch: int
) -> bytes:
    """A deterministic message: Date from `epoch`, Message-ID and boundary from the content."""
    digest = hashlib.sha256(f"{subject}\0{html}\0{text}".encode()).hexdigest()
    message = EmailMessage(policy=SMTP)
    message["Subject"] = _header_text(subject)
    message["From"] = _address(sender)
    message["To"] = _address(to)
    message["Date"] = format_datetime(datetime.fromtimestamp(epoch, UTC))
    message["Message-ID"] = f"<{digest[:32]}@{sender[1].partition('@')[2] or 'memogen.invalid'}>"
    message["MIME-Version"] = "1.0"
    message.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    message.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    message.set_boundary(f"=_memogen_{digest[32:56]}")
    return message.as_bytes(policy=SMTP)


def _address(box: Mailbox) -> Address:
    name, address = box
    return Address(display_name=_header_text(name), addr_spec=_header_text(address))


def _header_text(value: str) -> str:
    """Validation refuses these; meeting one here is a bug, not a header to write."""
    found = _UNSAFE_HEADER.search(value)
    if found:
        raise ValueError(f"unsafe header text {found.group()!r} reached the email writer")
    return value
