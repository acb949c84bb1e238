"""The value types of the format: how each typed text becomes a trusted value.

The loader hands every scalar over as typed; these validators give it a type or raise an error
in memogen's own words, with a hint. Each type states its JSON Schema, for editors too."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from memogen.data.addresses import AddressError, NonLatinLocalPart, ascii_address, split_mailbox
from memogen.data.durations import EXAMPLES, Duration, DurationError, parse_duration
from memogen.i18n import _, ngettext

ID_PATTERN = r"^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$"
_ID = re.compile(ID_PATTERN)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PHONE = re.compile(r"^\+?[0-9][0-9 ()\-]{3,24}(?:\s*(?:доб\.|ext\.?|x)\s*[0-9]{1,6})?$")
_FONT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 \-]{0,59}$")
_COLOR = re.compile(r"^#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$")
_LINE_BREAKS = re.compile("[\r\n\u2028\u2029\u0085]")
# Characters RFC 3986 never allows in a URL as typed: they would end an HTML attribute or a
# Markdown link early, so they must come percent-encoded.
_URL_UNSAFE = re.compile(r"[\s<>\"`\\^{}|]")
MAX_MARKDOWN_DEPTH = 8
# One level of Markdown nesting at a line's start: a quote mark, a list marker, or 4 columns
# of indentation (a nested list or a code block).
_NESTING = re.compile(r"(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)| {4}|\t| {1,3})")


def fail(message: str, hint: str = "", at: tuple[str | int, ...] = ()) -> PydanticCustomError:
    """An error whose wording is final, printed as it is; `at`: where, inside the value."""
    return PydanticCustomError("memogen", message, {"hint": hint, "at": at})


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    if value is None:
        raise fail(_("this value is empty"), _("write the text after the colon"))
    found = (
        _("expected text, found a list")
        if isinstance(value, list)
        else _("expected text, found a mapping of keys")
    )
    raise fail(found, _("write the text on the same line as the key"))


def _line(value: Any) -> str:
    text = _text(value).strip()
    if not text:
        raise fail(_("this value is empty"), _("write the text after the colon"))
    if _LINE_BREAKS.search(text):
        raise fail(_("this value must fit on one line"), _("remove the line breaks"))
    if "\t" in text:
        raise fail(_("this value contains a tab"), _("use a space instead"))
    if has_encoded_word(text):
        raise fail(
            _("'=?…?=' is not allowed here"), _("it could disguise an email header; reword it")
        )
    return text


def has_encoded_word(text: str) -> bool:
    """Whether `=?` is followed somewhere by `?=` (what `=\\?.*\\?=` finds, in linear time)."""
    start = text.find("=?")
    return start != -1 and text.find("?=", start + 2) != -1


def _markdown(value: Any) -> str:
    text = _text(value).strip()
    if not text:
        raise fail(_("this value is empty"), _("write the text after the colon"))
    depth = max(_nesting_depth(line) for line in text.splitlines())
    if depth > MAX_MARKDOWN_DEPTH:
        raise fail(
            _("this text nests lists or quotes {depth} levels deep, more than {limit}").format(
                depth=depth, limit=MAX_MARKDOWN_DEPTH
            ),
            _("flatten it; two levels are plenty for a reader"),
        )
    return text


def _nesting_depth(line: str) -> int:
    """How many quotes, list items and indents open a line (each renders one level deeper)."""
    depth, at = 0, 0
    while found := _NESTING.match(line, at):
        if found.end() == at:
            break
        depth += not found.group().startswith(" ") or len(found.group()) == 4
        at = found.end()
    return depth


def _flag(value: Any) -> bool:
    text = _text(value)
    if text in ("true", "True", "TRUE"):
        return True
    if text in ("false", "False", "FALSE"):
        return False
    raise fail(_("'{text}' is not true or false").format(text=text), _("write true or false"))


def _whole_number(value: Any) -> int:
    text = _text(value).strip()
    if not text.isdigit() or not text.isascii():
        raise fail(
            _("'{text}' is not a whole number").format(text=text), _("write digits only, e.g. 8")
        )
    return int(text)


def _iso_date(value: Any) -> date:
    text = _text(value).strip()
    if not _DATE.match(text):
        raise fail(
            _("'{text}' is not a date").format(text=text),
            _("write the date as YYYY-MM-DD, e.g. 2026-12-01"),
        )
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise fail(
            _("'{text}' is not a real date").format(text=text), _("check the day and the month")
        ) from None


def _duration(value: Any) -> Duration:
    text = _line(value)
    try:
        return parse_duration(text)
    except DurationError as exc:
        raise fail(
            _("'{text}' is not a duration: {reason}").format(text=text, reason=exc),
            exc.hint or _("write a number and a unit, e.g. '3 business days' or '3 рабочих дня'"),
        ) from None


def _url(value: Any) -> str:
    text = _line(value)
    parts = urlsplit(text) if " " not in text else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
        raise fail(
            _("'{text}' is not a web address").format(text=text),
            _("start it with https:// and leave no spaces"),
        )
    unsafe = _URL_UNSAFE.search(text)
    if unsafe:
        raise fail(
            _("the web address contains '{char}', which a web address cannot hold").format(
                char=unsafe.group()
            ),
            _("write it percent-encoded: {code}").format(code=f"%{ord(unsafe.group()):02X}"),
        )
    return text


def _email(value: Any) -> str:
    text = _line(value)
    try:
        ascii_address(text)
    except AddressError as exc:
        raise fail(exc.message, exc.hint) from None
    return text


def _mailbox(value: Any) -> str:
    """`Name <address>` or a bare address, for the From and To headers."""
    text = _line(value)
    name, address = split_mailbox(text)
    if any(c in text for c in ',;"\\') or "<" in name or ">" in name:
        raise _not_one_address(text)
    try:
        ascii_address(address)
    except NonLatinLocalPart as exc:
        raise fail(exc.message, exc.hint) from None
    except AddressError:
        raise _not_one_address(text) from None
    return text


def _not_one_address(text: str) -> PydanticCustomError:
    return fail(
        _("'{text}' is not a single email address").format(text=text),
        _("write 'Name <name@example.com>' or 'name@example.com'"),
    )


def _phone(value: Any) -> str:
    text = _line(value)
    if not _PHONE.match(text):
        raise fail(
            _("'{text}' is not a phone number").format(text=text),
            _("write digits with +, spaces, dashes or brackets, e.g. '+7 495 123-45-67'"),
        )
    return text


def _color(value: Any) -> str:
    if value is None:  # an unquoted `#1F4E79` is a YAML comment, so the value is empty
        raise fail(_("this value is empty"), _('put the colour in quotes, e.g. "#1F4E79"'))
    text = _line(value)
    if not _COLOR.match(text):
        raise fail(
            _("'{text}' is not a colour").format(text=text), _('write it as "#1F4E79", in quotes')
        )
    return text


def _font(value: Any) -> str:
    text = _line(value)
    if not _FONT.match(text):
        raise fail(
            _("'{text}' is not a font name").format(text=text),
            _("use the family name only, e.g. DejaVu Sans"),
        )
    return text


def _identifier(value: Any) -> str:
    text = _line(value)
    if not _ID.match(text):
        raise fail(
            _("'{text}' is not a valid id").format(text=text),
            _("use 3–64 lowercase latin letters, digits and '-', e.g. purchase-request"),
        )
    return text


def _format_version(value: Any) -> int:
    if _text(value).strip() != "1":
        raise fail(
            _("format version '{value}' is not supported").format(value=value),
            _("write memogen: 1"),
        )
    return 1


def _max(length: int) -> AfterValidator:
    def check(text: str) -> str:
        if len(text) > length:
            raise fail(
                ngettext(
                    "this text is {count} characters long, more than {limit}",
                    "this text is {count} characters long, more than {limit}",
                    len(text),
                ).format(count=len(text), limit=length),
                _("shorten it"),
            )
        return text

    return AfterValidator(check)


def _string(pattern: str | None = None, **extra: Any) -> WithJsonSchema:
    schema: dict[str, Any] = {"type": "string", **extra}
    if pattern:
        schema["pattern"] = pattern
    return WithJsonSchema(schema)


Line = Annotated[str, PlainValidator(_line), _max(200), _string(minLength=1, maxLength=200)]
ShortLine = Annotated[str, PlainValidator(_line), _max(80), _string(minLength=1, maxLength=80)]
Markdown = Annotated[
    str, PlainValidator(_markdown), _max(4000), _string(minLength=1, maxLength=4000)
]
Flag = Annotated[bool, PlainValidator(_flag), WithJsonSchema({"type": "boolean"})]
WholeNumber = Annotated[int, PlainValidator(_whole_number), WithJsonSchema({"type": "integer"})]
IsoDate = Annotated[
    date,
    PlainValidator(_iso_date),
    PlainSerializer(date.isoformat, return_type=str),
    _string(format="date"),
]
DurationText = Annotated[
    Duration,
    PlainValidator(_duration),
    PlainSerializer(str, return_type=str),
    _string(r"^\s*\d+([.,]\d+)?\s*\S.*$", examples=list(EXAMPLES)),
]
Url = Annotated[str, PlainValidator(_url), _max(500), _string("^https?://", format="uri")]
Email = Annotated[str, PlainValidator(_email), _string(format="idn-email")]
Mailbox = Annotated[str, PlainValidator(_mailbox), _string()]
Phone = Annotated[str, PlainValidator(_phone), _string(_PHONE.pattern)]
Color = Annotated[str, PlainValidator(_color), _string(_COLOR.pattern)]
FontName = Annotated[str, PlainValidator(_font), _string(_FONT.pattern)]
Identifier = Annotated[str, PlainValidator(_identifier), _string(ID_PATTERN)]
FormatVersion = Annotated[int, PlainValidator(_format_version), WithJsonSchema({"const": 1})]
