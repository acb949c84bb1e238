"""Email addresses as people type them (`name@кадры.рф` too) and as mail needs them (ASCII).

Documents print the address as typed; email headers and `mailto:` links get the
domain in IDNA form (`name@xn--80aiq0a9c.xn--p1ai`), which every mail system
delivers. A local part (before `@`) outside ASCII would need SMTPUTF8 end to end,
which memogen cannot promise, so it is refused. Everything here splits and checks
piece by piece, without backtracking patterns, so its cost is linear in the text.
"""

from __future__ import annotations

import re

from memogen.i18n import _

MAX_ADDRESS = 254
MAX_LOCAL_PART = 64
_ATEXT = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+")
_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")
_TOP_LEVEL = re.compile(r"[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59}")


class AddressError(ValueError):
    """An address memogen cannot use; `message` and `hint` are worded for the user."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message, self.hint = message, hint


class NonLatinLocalPart(AddressError):
    """The part before `@` is outside ASCII: deliverable only with SMTPUTF8."""


def ascii_address(text: str) -> str:
    """`name@кадры.рф` → `name@xn--80aiq0a9c.xn--p1ai`; raise AddressError if it is no address."""
    local, at, domain = text.rpartition("@")
    if at and local and not local.isascii():
        raise NonLatinLocalPart(
            _(
                "'{text}' has letters outside latin before the '@', which mail cannot "
                "deliver without SMTPUTF8"
            ).format(text=text),
            _("use a latin mailbox name; the domain may stay as it is, e.g. kadry@кадры.рф"),
        )
    ascii_domain = _ascii_domain(domain)
    address = f"{local}@{ascii_domain}"
    if not (at and _is_local_part(local) and ascii_domain) or len(address) > MAX_ADDRESS:
        raise AddressError(
            _("'{text}' is not an email address").format(text=text),
            _("write it as name@example.com"),
        )
    return address


def split_mailbox(text: str) -> tuple[str, str]:
    """`Name <name@example.com>` → ('Name', 'name@example.com'); a bare address → ('', it)."""
    text = text.strip()
    name, bracket, rest = text.partition("<")
    if bracket and rest.endswith(">") and "<" not in rest[:-1] and ">" not in rest[:-1]:
        return name.strip(), rest[:-1].strip()
    return "", text


def _is_local_part(local: str) -> bool:
    """A dot-atom: atext runs joined by single dots."""
    return len(local) <= MAX_LOCAL_PART and all(_ATEXT.fullmatch(part) for part in local.split("."))


def _ascii_domain(domain: str) -> str:
    """The domain in IDNA (ASCII) form, or '' when it is not a domain name."""
    if any(label.startswith("-") or label.endswith("-") for label in domain.split(".")):
        return ""
    try:
        ascii_domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        return ""
    *labels, top = ascii_domain.split(".")
    if not labels or not all(_LABEL.fullmatch(label) for label in labels):
        return ""
    return ascii_domain if _TOP_LEVEL.fullmatch(top) else ""
