"""Durations: parsing English and Russian, wording with plural forms, sums and clocks."""

from __future__ import annotations

from decimal import Decimal

import pytest

from memogen.data.durations import (
    Duration,
    DurationError,
    Unit,
    comparable,
    least_elapsed_minutes,
    parse_duration,
    total,
    word,
)


def d(amount: str, unit: Unit) -> Duration:
    return Duration(Decimal(amount), unit)


# --- parsing ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4 рабочих часа", d("4", Unit.BUSINESS_HOURS)),
        ("1 рабочий час", d("1", Unit.BUSINESS_HOURS)),
        ("5 рабочих часов", d("5", Unit.BUSINESS_HOURS)),
        ("1 рабочий день", d("1", Unit.BUSINESS_DAYS)),
        ("3 рабочих дня", d("3", Unit.BUSINESS_DAYS)),
        ("10 рабочих дней", d("10", Unit.BUSINESS_DAYS)),
        ("1,5 рабочего дня", d("1.5", Unit.BUSINESS_DAYS)),
        ("5 календарных дней", d("5", Unit.DAYS)),
        ("1 календарный день", d("1", Unit.DAYS)),
        ("2 дня", d("2", Unit.DAYS)),
        ("3 суток", d("3", Unit.DAYS)),
        ("2 недели", d("2", Unit.WEEKS)),
        ("1 неделю", d("1", Unit.WEEKS)),
        ("5 недель", d("5", Unit.WEEKS)),
        ("30 минут", d("30", Unit.MINUTES)),
        ("1 минуту", d("1", Unit.MINUTES)),
        ("2 часа", d("2", Unit.HOURS)),
        ("1 час", d("1", Unit.HOURS)),
    ],
)
def test_russian_forms_are_parsed(text: str, expected: Duration) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30 мин", d("30", Unit.MINUTES)),
        ("2 ч", d("2", Unit.HOURS)),
        ("3 раб. дн.", d("3", Unit.BUSINESS_DAYS)),
        ("3 раб. дня", d("3", Unit.BUSINESS_DAYS)),
        ("4 раб. ч.", d("4", Unit.BUSINESS_HOURS)),
        ("4 р.ч.", d("4", Unit.BUSINESS_HOURS)),
        ("2 р. д.", d("2", Unit.BUSINESS_DAYS)),
        ("2 кал. дн.", d("2", Unit.DAYS)),
        ("5 дн.", d("5", Unit.DAYS)),
        ("2 нед.", d("2", Unit.WEEKS)),
    ],
)
def test_russian_abbreviations_are_parsed(text: str, expected: Duration) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4 business hours", d("4", Unit.BUSINESS_HOURS)),
        ("1 business hour", d("1", Unit.BUSINESS_HOURS)),
        ("8 working hours", d("8", Unit.BUSINESS_HOURS)),
        ("1 business day", d("1", Unit.BUSINESS_DAYS)),
        ("3 business days", d("3", Unit.BUSINESS_DAYS)),
        ("2 workdays", d("2", Unit.BUSINESS_DAYS)),
        ("1.5 business days", d("1.5", Unit.BUSINESS_DAYS)),
        ("5 calendar days", d("5", Unit.DAYS)),
        ("5 days", d("5", Unit.DAYS)),
        ("2 weeks", d("2", Unit.WEEKS)),
        ("30 minutes", d("30", Unit.MINUTES)),
        ("2 hours", d("2", Unit.HOURS)),
    ],
)
def test_english_forms_are_parsed(text: str, expected: Duration) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30 min", d("30", Unit.MINUTES)),
        ("2 h", d("2", Unit.HOURS)),
        ("2 hrs", d("2", Unit.HOURS)),
        ("4 bh", d("4", Unit.BUSINESS_HOURS)),
        ("3 bd", d("3", Unit.BUSINESS_DAYS)),
        ("7d", d("7", Unit.DAYS)),
        ("2 wk", d("2", Unit.WEEKS)),
    ],
)
def test_english_abbreviations_are_parsed(text: str, expected: Duration) -> None:
    assert parse_duration(text) == expected


def test_case_and_spaces_do_not_matter() -> None:
    assert parse_duration("  3   Рабочих   ДНЯ ") == d("3", Unit.BUSINESS_DAYS)


def test_decimal_comma_and_point_are_the_same() -> None:
    assert parse_duration("1,5 рабочего дня") == parse_duration("1.5 рабочего дня")


def test_trailing_zeros_are_dropped() -> None:
    assert parse_duration("1.0 business day").amount == Decimal("1")
    assert str(parse_duration("1,50 дня").amount) == "1.5"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "a duration is a number followed by a unit"),
        ("soon", "a duration is a number followed by a unit"),
        ("3", "a duration is a number followed by a unit"),
        ("three days", "a duration is a number followed by a unit"),
        ("-1 day", "a duration is a number followed by a unit"),
        ("0 days", "a duration must be longer than zero"),
        ("0,0 ч", "a duration must be longer than zero"),
        ("3 fortnights", "'fortnights' is not a unit of time memogen knows"),
        ("3 days ago", "'days ago' is not a unit of time memogen knows"),
        ("1 день 2 часа", "'день 2 часа' is not a unit of time memogen knows"),
        ("3 рaбочих дня", "'рaбочих дня' is not a unit of time memogen knows"),  # latin 'a'
    ],
)
def test_bad_duration_is_refused_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(DurationError) as caught:
        parse_duration(text)
    assert str(caught.value) == message


# --- wording --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("1", "1 рабочий день"),
        ("2", "2 рабочих дня"),
        ("3", "3 рабочих дня"),
        ("5", "5 рабочих дней"),
        ("11", "11 рабочих дней"),
        ("12", "12 рабочих дней"),
        ("21", "21 рабочий день"),
        ("22", "22 рабочих дня"),
        ("25", "25 рабочих дней"),
        ("111", "111 рабочих дней"),
        ("1.5", "1,5 рабочего дня"),
    ],
)
def test_russian_plural_forms(amount: str, expected: str) -> None:
    assert word(d(amount, Unit.BUSINESS_DAYS), "ru", " ") == expected


@pytest.mark.parametrize(
    ("duration", "expected"),
    [
        (d("4", Unit.BUSINESS_HOURS), "4 рабочих часа"),
        (d("5", Unit.DAYS), "5 календарных дней"),
        (d("2", Unit.WEEKS), "2 недели"),
        (d("1", Unit.WEEKS), "1 неделя"),
        (d("30", Unit.MINUTES), "30 минут"),
        (d("1", Unit.HOURS), "1 час"),
    ],
)
def test_russian_words_for_each_unit(duration: Duration, expected: str) -> None:
    assert word(duration, "ru", " ") == expected


@pytest.mark.parametrize(
    ("duration", "expected"),
    [
        (d("1", Unit.BUSINESS_DAYS), "1 business day"),
        (d("2", Unit.BUSINESS_DAYS), "2 business days"),
        (d("21", Unit.BUSINESS_DAYS), "21 business days"),
        (d("1.5", Unit.BUSINESS_DAYS), "1.5 business days"),
        (d("1", Unit.BUSINESS_HOURS), "1 business hour"),
        (d("3", Unit.DAYS), "3 calendar days"),
        (d("1", Unit.WEEKS), "1 week"),
        (d("45", Unit.MINUTES), "45 minutes"),
    ],
)
def test_english_plural_forms(duration: Duration, expected: str) -> None:
    assert word(duration, "en", " ") == expected


def test_word_joins_with_a_no_break_space_by_default() -> None:
    assert word(d("3", Unit.BUSINESS_DAYS), "ru") == "3\u00a0рабочих дня"


def test_parsed_one_point_zero_takes_the_singular() -> None:
    assert word(parse_duration("1.0 рабочий день"), "ru", " ") == "1 рабочий день"


def test_large_numbers_have_no_group_separator() -> None:
    assert word(d("1000", Unit.MINUTES), "ru", " ") == "1000 минут"


# --- sums and clocks --------------------------------------------------------------------------


def test_total_of_business_hours_and_days_in_days() -> None:
    parts = [parse_duration("4 рабочих часа"), parse_duration("1 рабочий день")]
    assert total(parts, Unit.BUSINESS_DAYS, 8) == d("1.5", Unit.BUSINESS_DAYS)


def test_total_of_business_hours_and_days_in_hours() -> None:
    parts = [parse_duration("4 рабочих часа"), parse_duration("1 рабочий день")]
    assert total(parts, Unit.BUSINESS_HOURS, 8) == d("12", Unit.BUSINESS_HOURS)


def test_total_uses_the_length_of_the_workday() -> None:
    parts = [parse_duration("6 business hours")]
    assert total(parts, Unit.BUSINESS_DAYS, 6) == d("1", Unit.BUSINESS_DAYS)


def test_total_of_elapsed_units() -> None:
    parts = [parse_duration("1 week"), parse_duration("12 hours"), parse_duration("720 min")]
    assert total(parts, Unit.DAYS, 8) == d("8", Unit.DAYS)


def test_total_is_rounded_to_hundredths() -> None:
    assert total([parse_duration("1 business hour")], Unit.BUSINESS_DAYS, 3) == d(
        "0.33", Unit.BUSINESS_DAYS
    )


def test_whole_total_has_no_exponent_or_trailing_zeros() -> None:
    ten = total([parse_duration("40 business hours")] * 2, Unit.BUSINESS_DAYS, 8)
    assert str(ten.amount) == "10"
    assert word(ten, "ru", " ") == "10 рабочих дней"


def test_business_units_are_comparable_with_each_other() -> None:
    assert comparable([parse_duration("4 bh"), parse_duration("2 bd")])


def test_elapsed_units_are_comparable_with_each_other() -> None:
    assert comparable([parse_duration("30 min"), parse_duration("2 h"), parse_duration("1 week")])


def test_business_and_elapsed_units_are_not_comparable() -> None:
    assert not comparable([parse_duration("1 рабочий день"), parse_duration("2 недели")])


def test_nothing_is_comparable() -> None:
    assert comparable([])


@pytest.mark.parametrize(
    ("written", "language", "message", "hint"),
    [
        (
            "30 рабочих минут",
            "en",
            "'рабочих минут' is not a unit of time memogen knows",
            "business time is counted in business hours and days: write '0,5 рабочего часа'",
        ),
        (
            "30 рабочих минут",
            "ru",
            "'рабочих минут' — единица времени, которую memogen не знает",
            "рабочее время считается в рабочих часах и днях: напишите '0,5 рабочего часа'",
        ),
        (
            "90 business minutes",
            "en",
            "'business minutes' is not a unit of time memogen knows",
            "business time is counted in business hours and days: write '1.5 business hours'",
        ),
        (
            "полтора дня",
            "en",
            "a duration starts with a number in digits",
            "write '1,5 рабочего дня'",
        ),
        (
            "полтора дня",
            "ru",
            "срок начинается с числа, записанного цифрами",
            "напишите '1,5 рабочего дня'",
        ),
    ],
)
def test_business_minutes_and_numbers_in_words_get_the_duration_to_write_instead(
    written: str, language: str, message: str, hint: str
) -> None:
    from memogen import i18n

    i18n.use(language)  # type: ignore[arg-type]
    with pytest.raises(DurationError) as raised:
        parse_duration(written)
    assert (str(raised.value), raised.value.hint) == (message, hint)


@pytest.mark.parametrize(
    ("duration", "hours"),
    [
        (d("90", Unit.MINUTES), Decimal("1.5")),
        (d("2", Unit.DAYS), Decimal(48)),
        (d("4", Unit.BUSINESS_HOURS), Decimal(4)),
        (d("1", Unit.BUSINESS_DAYS), Decimal(8)),  # 09:00 to 17:00 of one day
        (d("2", Unit.BUSINESS_DAYS), Decimal(16)),  # two days touched, none whole between
        (d("5", Unit.BUSINESS_DAYS), Decimal(88)),  # 40 working hours + 3 × 16 idle ones
    ],
)
def test_business_time_takes_at_least_its_working_hours_and_the_whole_days_between(
    duration: Duration, hours: Decimal
) -> None:
    assert least_elapsed_minutes(duration, workday_hours=8) == hours * 60
