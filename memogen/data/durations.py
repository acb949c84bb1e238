"""Durations such as `3 рабочих дня` or `4 business hours`: parse, compare, sum, word.

A duration is a number and a unit. Units fall into two clocks that cannot be
compared with each other: elapsed time (minutes, hours, calendar days, weeks) and
business time (business hours, business days; a business day is `workday_hours`
business hours).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from functools import cache

from babel import Locale
from babel.numbers import format_decimal
from babel.plural import PluralRule


class Unit(StrEnum):
    MINUTES = "minutes"
    HOURS = "hours"
    BUSINESS_HOURS = "business hours"
    DAYS = "days"
    BUSINESS_DAYS = "business days"
    WEEKS = "weeks"


BUSINESS_UNITS = frozenset({Unit.BUSINESS_HOURS, Unit.BUSINESS_DAYS})
_ELAPSED_MINUTES = {Unit.MINUTES: 1, Unit.HOURS: 60, Unit.DAYS: 1440, Unit.WEEKS: 10080}

# Every spelling a process owner may type, after lower-casing, 'ё' → 'е', dots removed
# and spaces collapsed. Russian lists every case and number a unit takes after a numeral.
_SPELLINGS: dict[Unit, tuple[str, ...]] = {
    Unit.MINUTES: (
        "minute",
        "minutes",
        "min",
        "mins",
        "m",
        "минута",
        "минуты",
        "минут",
        "минуту",
        "мин",
    ),
    Unit.HOURS: ("hour", "hours", "h", "hr", "hrs", "час", "часа", "часов", "ч"),
    Unit.BUSINESS_HOURS: (
        "business hour",
        "business hours",
        "working hour",
        "working hours",
        "work hour",
        "work hours",
        "bh",
        "рабочий час",
        "рабочих часа",
        "рабочих часов",
        "рабочего часа",
        "раб ч",
        "раб час",
        "раб часа",
        "раб часов",
        "р ч",
        "рч",
    ),
    Unit.DAYS: (
        "day",
        "days",
        "calendar day",
        "calendar days",
        "d",
        "день",
        "дня",
        "дней",
        "сутки",
        "суток",
        "календарный день",
        "календарных дня",
        "календарных дней",
        "календарного дня",
        "кал дн",
        "кал дня",
        "кал дней",
        "к д",
        "кд",
        "дн",
    ),
    Unit.BUSINESS_DAYS: (
        "business day",
        "business days",
        "working day",
        "working days",
        "work day",
        "work days",
        "workday",
        "workdays",
        "bd",
        "рабочий день",
        "рабочих дня",
        "рабочих дней",
        "рабочего дня",
        "раб дн",
        "раб дня",
        "раб дней",
        "раб день",
        "р д",
        "рд",
    ),
    Unit.WEEKS: ("week", "weeks", "wk", "wks", "w", "неделя", "недели", "недель", "неделю", "нед"),
}
_UNIT_OF = {spelling: unit for unit, spellings in _SPELLINGS.items() for spelling in spellings}

# Matched against the stripped text: no lazy group before a trailing `\s*`, which would
# make a long run of spaces quadratic.
_GRAMMAR = re.compile(r"(\d{1,5}(?:[.,]\d{1,2})?)\s*([^\d\s].*)")

# Plural forms by CLDR category ('one', 'few', 'many', 'other').
_WORDS: dict[str, dict[Unit, dict[str, str]]] = {
    "ru": {
        Unit.MINUTES: {"one": "минута", "few": "минуты", "many": "минут", "other": "минуты"},
        Unit.HOURS: {"one": "час", "few": "часа", "many": "часов", "other": "часа"},
        Unit.BUSINESS_HOURS: {
            "one": "рабочий час",
            "few": "рабочих часа",
            "many": "рабочих часов",
            "other": "рабочего часа",
        },
        Unit.DAYS: {
            "one": "календарный день",
            "few": "календарных дня",
            "many": "календарных дней",
            "other": "календарного дня",
        },
        Unit.BUSINESS_DAYS: {
            "one": "рабочий день",
            "few": "рабочих дня",
            "many": "рабочих дней",
            "other": "рабочего дня",
        },
        Unit.WEEKS: {"one": "неделя", "few": "недели", "many": "недель", "other": "недели"},
    },
    "en": {
        Unit.MINUTES: {"one": "minute", "other": "minutes"},
        Unit.HOURS: {"one": "hour", "other": "hours"},
        Unit.BUSINESS_HOURS: {"one": "business hour", "other": "business hours"},
        Unit.DAYS: {"one": "calendar day", "other": "calendar days"},
        Unit.BUSINESS_DAYS: {"one": "business day", "other": "business days"},
        Unit.WEEKS: {"one": "week", "other": "weeks"},
    },
}

EXAMPLES = ("4 business hours", "3 business days", "2 weeks", "4 рабочих часа", "3 рабочих дня")


class DurationError(ValueError):
    """The text is not `<number> <unit>`; the message says why."""


@dataclass(frozen=True)
class Duration:
    amount: Decimal
    unit: Unit

    def __str__(self) -> str:
        return f"{_plain(self.amount)} {self.unit.value}"

    @property
    def is_business(self) -> bool:
        return self.unit in BUSINESS_UNITS

    def minutes(self, workday_hours: int) -> Decimal:
        """Length in minutes of its own clock (business minutes for business units)."""
        if self.unit is Unit.BUSINESS_HOURS:
            return self.amount * 60
        if self.unit is Unit.BUSINESS_DAYS:
            return self.amount * 60 * workday_hours
        return self.amount * _ELAPSED_MINUTES[self.unit]


def parse_duration(text: str) -> Duration:
    """Parse `<number> <unit>` in English or Russian; raise DurationError otherwise."""
    found = _GRAMMAR.fullmatch(text.strip())
    if not found:
        raise DurationError("a duration is a number followed by a unit")
    amount = _tidy(Decimal(found.group(1).replace(",", ".")))
    if amount <= 0:
        raise DurationError("a duration must be longer than zero")
    spelling = " ".join(found.group(2).lower().replace("ё", "е").replace(".", " ").split())
    unit = _UNIT_OF.get(spelling) or _UNIT_OF.get(spelling.replace(" ", ""))
    if unit is None:
        raise DurationError(f"'{found.group(2)}' is not a unit of time memogen knows")
    return Duration(amount, unit)


def comparable(durations: list[Duration]) -> bool:
    """True when all durations run on the same clock (elapsed or business)."""
    return len({d.is_business for d in durations}) <= 1


def total(durations: list[Duration], unit: Unit, workday_hours: int) -> Duration:
    """The sum of comparable durations, expressed in `unit` (rounded to 0.01)."""
    minutes = sum((d.minutes(workday_hours) for d in durations), Decimal(0))
    per_unit = Duration(Decimal(1), unit).minutes(workday_hours)
    amount = (minutes / per_unit).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return Duration(_tidy(amount), unit)


def word(duration: Duration, language: str, space: str = "\u00a0") -> str:
    """`3 рабочих дня`, `1 business day`: number and unit with the right plural form."""
    forms = _WORDS[language][duration.unit]
    category = _plural_rule(language)(duration.amount)
    number = format_decimal(duration.amount, locale=language, group_separator=False)
    return f"{number}{space}{forms.get(category, forms['other'])}"


@cache
def _plural_rule(language: str) -> PluralRule:
    return Locale.parse(language).plural_form


def _tidy(amount: Decimal) -> Decimal:
    """`1.0` → `1`, `1.50` → `1.5`: trailing zeros would pick the wrong plural form."""
    whole = amount.to_integral_value()
    return whole if amount == whole else amount.normalize()


def _plain(amount: Decimal) -> str:
    return format(amount.normalize(), "f")
