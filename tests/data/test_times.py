"""Times of day, spans of hours and filing moments: what is accepted, what is refused, verbatim."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

import pytest
from pydantic_core import PydanticCustomError

from memogen.data.times import Span, parse_moment, parse_span, parse_time


def refusal(parse: object, value: object) -> tuple[str, str]:
    with pytest.raises(PydanticCustomError) as caught:
        parse(value)  # type: ignore[operator]
    return caught.value.message(), (caught.value.context or {})["hint"]


def test_a_time_of_day_is_hh_mm() -> None:
    assert parse_time(" 17:05 ") == time(17, 5)
    assert refusal(parse_time, "5pm") == (
        "'5pm' is not a time of day",
        "write it as HH:MM, e.g. 17:00",
    )
    assert refusal(parse_time, "24:00")[0] == "'24:00' is not a time of day"


def test_a_span_of_hours_is_two_times_in_order() -> None:
    assert parse_span("09:00 – 18:00") == Span(time(9), time(18))
    assert parse_span("09:00-18:00").minutes == 540
    assert refusal(parse_span, "9-18") == (
        "'9-18' is not a span of hours",
        "write it as HH:MM-HH:MM, e.g. 09:00-18:00",
    )
    assert refusal(parse_span, "18:00-09:00") == (
        "'18:00-09:00' ends before it starts",
        "write the earlier time first, e.g. 09:00-18:00",
    )


def test_a_filing_moment_is_iso_with_a_space_or_a_t_and_an_optional_offset() -> None:
    assert parse_moment("2026-04-29 12:00") == datetime(2026, 4, 29, 12, 0)
    assert parse_moment("2026-04-29T12:00:30+05:00") == datetime(
        2026, 4, 29, 12, 0, 30, tzinfo=timezone(timedelta(hours=5))
    )
    assert refusal(parse_moment, "29.04.2026 12:00") == (
        "'29.04.2026 12:00' is not a date and time",
        "write it as YYYY-MM-DD HH:MM, e.g. 2026-04-29 12:00",
    )
    assert refusal(parse_moment, "2026-02-30 12:00") == (
        "'2026-02-30 12:00' is not a real date and time",
        "check the day, the month and the hour",
    )


def test_a_list_where_a_time_belongs_is_refused_in_the_usual_words() -> None:
    assert refusal(parse_time, ["17:00"])[0] == "expected text, found a list"
