"""The email version: an .eml (multipart/alternative, UTF-8) with inlined CSS; with a logo,
the HTML part is multipart/related with the logo as an inline PNG (`cid:`), which mail
clients show where they block `data:` images.

Header values were checked at validation (one line, no control characters, no
encoded words, strict addresses). This module checks them once more and writes
From and To itself: Python 3.11's folder drops the quotes of a long display name,
so `Eve <eve@x>, all@y` would become two more recipients. A display name is
written as plain words only when it is nothing but letters, digits and spaces;
anything else becomes RFC 2047 encoded words, which hold no `<`, `,` or `"`, so
no parser can read an address out of them. The email package stores these
values as they are (`refold_source="none"`). The domain goes in IDNA form. This
machine's Python predates the fix for CVE-2024-6923, so nothing here relies on
the email package to refuse a line break.
"""

from __future__ import annotations

import base64
import hashlib
import re
from datetime import UTC, date, datetime, time
from email.message import EmailMessage, MIMEPart
from email.policy import SMTP
from email.utils import format_datetime

import css_inline

from memogen.data.addresses import ascii_address
from memogen.data.addresses import split_mailbox as mailbox
from memogen.data.config_model import Config
from memogen.data.fields import has_encoded_word
from memogen.data.lifecycle import source_date_epoch
from memogen.data.models import Standard
from memogen.render.typography import plain_spaces

Mailbox = tuple[str, str]  # (display name, address)

_KEPT_STYLE = re.compile(r"<style data-kept=\"\w+\">(.*?)</style>", re.DOTALL)
_UNSAFE_HEADER = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
_PLAIN_WORD = re.compile(r"[A-Za-z0-9]+")
_LINE = 78
_PLAIN_NAME_MAX = 40  # a plain name and an address of ordinary length fit one 78-column line
_ENCODED_WORD_BYTES = 45  # base64 of 45 bytes is 60 characters: an encoded word of 72 (≤ 75)
_WRITE = SMTP.clone(refold_source="none")  # From and To are folded here, never refolded


def inline_css(html: str) -> str:
    """Move <style> rules into style="" attributes, as mail clients need; a
    `<style data-kept>` (media queries, the dark palette) stays a <style> in the head."""
    inliner = css_inline.CSSInliner(
        load_remote_stylesheets=False, keep_style_tags=False, keep_link_tags=False
    )
    kept = "".join(f"<style>{css}</style>" for css in _KEPT_STYLE.findall(html))
    return inliner.inline(_KEPT_STYLE.sub("", html)).replace("</head>", f"{kept}</head>", 1)


def logo_cid(png: bytes) -> str:
    """The inline logo's Content-ID (without <>), from its bytes: one logo, one id."""
    return f"logo.{hashlib.sha256(png).hexdigest()[:16]}@memogen"


def build_eml(
    subject: str,
    sender: Mailbox,
    to: Mailbox,
    html: str,
    text: str,
    epoch: int,
    logo: bytes | None = None,
) -> bytes:
    """A deterministic message: Date from `epoch`, Message-ID and boundaries from the content.
    `logo`: a PNG the HTML shows as `cid:` + `logo_cid(logo)`, carried beside it."""
    digest = hashlib.sha256(f"{subject}\0{html}\0{text}".encode()).hexdigest()
    message = EmailMessage(policy=SMTP)
    title = _header_text(subject)
    if title.isascii() and not has_encoded_word(title):  # plain text, folded at its spaces
        message["Subject"] = title
    else:  # our own encoded words, cut after a space: Python 3.11's folder puts the space
        # between two encoded words outside them, where decoders drop it ("в стандарте" →
        # "встандарте")
        message.set_raw("Subject", "\n ".join(_encoded_words(title)))
    message.set_raw("From", mailbox_header(sender))
    message.set_raw("To", mailbox_header(to))
    message["Date"] = format_datetime(datetime.fromtimestamp(epoch, UTC))
    domain = ascii_address(sender[1]).partition("@")[2]
    message["Message-ID"] = f"<{digest[:32]}@{domain}>"
    message["MIME-Version"] = "1.0"
    message["X-Unsent"] = "1"  # Outlook opens the file as a draft to send, not a received mail
    message.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    message.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    if logo is not None:
        *_, html_part = message.iter_parts()
        _relate_logo(html_part, logo, f"=_memogen_related_{digest[32:56]}")
    message.set_boundary(f"=_memogen_{digest[32:56]}")
    return message.as_bytes(policy=_WRITE)


def _relate_logo(html_part: MIMEPart, logo: bytes, boundary: str) -> None:
    """The HTML part becomes multipart/related: the HTML, then the logo it refers to."""
    html_part.add_related(
        logo, "image", "png", cid=f"<{logo_cid(logo)}>", disposition="inline", filename="logo.png"
    )
    html_part.set_boundary(boundary)
    for part in (html_part, *html_part.iter_parts()):  # one MIME-Version, the message's
        del part["MIME-Version"]


def mailbox_header(box: Mailbox) -> str:
    """A From or To value, folded: the display name can never be read as an address."""
    name, address = _header_text(box[0]), ascii_address(_header_text(box[1]))
    if not name:
        return address
    words = name.split(" ")
    if len(name) <= _PLAIN_NAME_MAX and all(_PLAIN_WORD.fullmatch(word) for word in words):
        return f"{name} <{address}>"
    *lines, last = _encoded_words(name)
    # the address joins the last line when it fits in 78 columns after "From: " or " "
    room = _LINE - (len("From: ") if not lines else 1)
    tail = f"{last} <{address}>"
    return "\n ".join([*lines, tail] if len(tail) <= room else [*lines, last, f"<{address}>"])


def _encoded_words(text: str) -> list[str]:
    """RFC 2047 base64 words of at most 75 characters, cut after a space where one is near.

    Cutting at spaces keeps words whole for decoders (Python 3.11's among them) that put
    a space between adjacent encoded words, which RFC 2047 says to drop."""
    chunks, chunk = [], ""
    for char in text:
        while len((chunk + char).encode("utf-8")) > _ENCODED_WORD_BYTES:
            cut = chunk.rfind(" ") + 1 or len(chunk)
            chunks.append(chunk[:cut])
            chunk = chunk[cut:]
        chunk += char
    chunks.append(chunk)
    return [f"=?utf-8?b?{base64.b64encode(c.encode('utf-8')).decode('ascii')}?=" for c in chunks]


def _header_text(value: str) -> str:
    """Validation refuses these; meeting one here is a bug, not a header to write."""
    found = _UNSAFE_HEADER.search(value)
    if found or has_encoded_word(value):
        unsafe = found.group() if found else "=?…?="
        raise ValueError(f"unsafe header text {unsafe!r} reached the email writer")
    return value


def standard_eml(
    standard: Standard,
    config: Config,
    html: str,
    text: str,
    title: str | None = None,
    logo: bytes | None = None,
) -> bytes:
    """The .eml of one standard: its envelope (subject, From, To, Date) around both parts;
    the subject is the standard's title unless `title` is given (a change notice's); `logo`
    the PNG its HTML shows by `logo_cid`."""
    texts = config.texts(standard.language or config.language)
    sender, to = _addresses(standard, texts.sender, texts.to)
    prefix = texts.subject_prefix
    title = plain_spaces(title or standard.title)  # an inbox never breaks a subject
    subject = f"{prefix} {title}" if prefix else title
    return build_eml(subject, sender, to, html, text, standard_epoch(standard), logo)


def _addresses(
    standard: Standard, sender: str | None, to: str | None
) -> tuple[tuple[str, str], tuple[str, str]]:
    """(name, address) pairs: the owner's name goes in as a name, never re-parsed. `sender`
    and `to`: memogen.yaml's From and To in the standard's language."""
    owner = standard.owner
    fallback = (owner.name, owner.email) if owner.email else ("memogen", "noreply@example.com")
    sent_by = mailbox(sender) if sender else fallback
    return sent_by, mailbox(to) if to else sent_by


def standard_epoch(standard: Standard, today: date | None = None) -> int:
    """SOURCE_DATE_EPOCH when set, else 09:00 UTC of the standard's effective date, else of
    the build's day (`today`, by default the clock's): never 1 January 1970. A day, not a
    moment, so that rebuilds on one day give the same bytes."""
    given = source_date_epoch()
    if given is not None:
        return given
    day = standard.effective or today or datetime.now(UTC).date()
    return int(datetime.combine(day, time(9), UTC).timestamp())
