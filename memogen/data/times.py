"""Times of day, spans of hours and moments, as memogen.yaml and `memogen due --filed` take
them: strict forms, refused in memogen's own words."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema

from memogen.data.fields import _text as typed_text  # the same words for a list or a blank
from memogen.data.fields import fail
from memogen.i18n import _

_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
_SPAN = re.compile(r"^(\d{2}:\d{2})\s*[-–—]\s*(\d{2}:\d{2})$")
_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?$")


@dataclass(frozen=True)
class Span:
    """Hours of a day, from `start` up to `end`."""

    start: time
    end: time

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"

    @property
    def minutes(self) -> int:
        return minute_of(self.end) - minute_of(self.start)

    def holds(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


def minute_of(moment: time) -> int:
    """Minutes since midnight."""
    return moment.hour * 60 + moment.minute


def parse_time(value: Any) -> time:
    text = typed_text(value).strip()
    found = _TIME.match(text)
    if not found:
        raise fail(
            _("'{text}' is not a time of day").format(text=text), _("write it as HH:MM, e.g. 17:00")
        )
    return time(int(found.group(1)), int(found.group(2)))


def parse_span(value: Any) -> Span:
    text = typed_text(value).strip()
    found = _SPAN.match(text)
    if not found:
        raise fail(
            _("'{text}' is not a span of hours").format(text=text),
            _("write it as HH:MM-HH:MM, e.g. 09:00-18:00"),
        )
    span = Span(parse_time(found.group(1)), parse_time(found.group(2)))
    if span.start >= span.end:
        raise fail(
            _("'{text}' ends before it starts").format(text=text),
            _("write the earlier time first, e.g. 09:00-18:00"),
        )
    return span


def parse_moment(value: Any) -> datetime:
    """`2026-04-29 12:00` (or ISO 8601 with `T`, seconds, an offset): a moment of filing."""
    text = typed_text(value).strip()
    if not _MOMENT.match(text):
        raise fail(
            _("'{text}' is not a date and time").format(text=text),
            _("write it as YYYY-MM-DD HH:MM, e.g. 2026-04-29 12:00"),
        )
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise fail(
            _("'{text}' is not a real date and time").format(text=text),
            _("check the day, the month and the hour"),
        ) from None


def _zone(value: Any) -> str:
    text = typed_text(value).strip()
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        raise fail(
            _("'{text}' is not a time zone memogen knows").format(text=text),
            _("use a name from the tz database, e.g. Europe/Moscow"),
        ) from None
    return text


def _text_schema(pattern: str) -> WithJsonSchema:
    return WithJsonSchema({"type": "string", "pattern": pattern})


TimeOfDay = Annotated[
    time,
    PlainValidator(parse_time),
    PlainSerializer(lambda t: f"{t:%H:%M}", return_type=str),
    _text_schema(_TIME.pattern),
]
Hours = Annotated[
    Span,
    PlainValidator(parse_span),
    PlainSerializer(str, return_type=str),
    _text_schema(_SPAN.pattern),
]
Moment = Annotated[
    datetime,
    PlainValidator(parse_moment),
    PlainSerializer(datetime.isoformat, return_type=str),
    _text_schema(_MOMENT.pattern),
]
TimeZone = Annotated[str, PlainValidator(_zone), WithJsonSchema({"type": "string"})]
