"""The email version: an .eml (multipart/alternative, UTF-8) with inlined CSS.

Header values were checked at validation (one line, no encoded words, strict
addresses), so nothing here relies on the email package to refuse them.
"""

from __future__ import annotations

import hashlib
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, parseaddr
from datetime import UTC, datetime


def inline_css(html: str) -> str:
    """Move <style> rules into style="" attributes, as mail clients need."""
    import css_inline

    inliner = css_inline.CSSInliner(load_remote_stylesheets=False, keep_style_tags=False,
                                    keep_link_tags=False)
    return inliner.inline(html)


def build_eml(subject: str, sender: str, to: str, html: str, text: str, epoch: int) -> bytes:
    """A deterministic message: Date from `epoch`, Message-ID and boundary from the content."""
    digest = hashlib.sha256(f"{subject}\0{html}\0{text}".encode()).hexdigest()
    message = EmailMessage(policy=SMTP)
    message["Subject"] = subject
    message["From"] = _mailbox(sender)
    message["To"] = _mailbox(to)
    message["Date"] = format_datetime(datetime.fromtimestamp(epoch, UTC))
    message["Message-ID"] = f"<{digest[:32]}@{_domain(sender)}>"
    message["MIME-Version"] = "1.0"
    message.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    message.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    message.set_boundary(f"=_memogen_{digest[32:56]}")
    return message.as_bytes(policy=SMTP)


def _mailbox(value: str) -> Address:
    name, address = parseaddr(value)
    local, _, domain = address.partition("@")
    return Address(display_name=name, username=local, domain=domain)


def _domain(sender: str) -> str:
    return parseaddr(sender)[1].partition("@")[2] or "memogen.invalid"
