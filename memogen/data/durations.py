"""Durations such as `3 рабочих дня` or `4 business hours`: parse, compare, sum, word.

A duration is a number and a unit. Units fall into two clocks that cannot be
compared with each other: elapsed time (minutes, hours, calendar days, weeks) and
business time (business hours, business days; a business day is `workday_hours`
business hours).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from functools import cache

from babel import Locale
from babel.numbers import format_decimal
from babel.plural import PluralRule

from memogen.i18n import _


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
    """The text is not `<number> <unit>`; the message says why, the hint (if any) the fix."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


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
        raise _number_in_words(text) or DurationError(
            _("a duration is a number followed by a unit")
        )
    amount = _tidy(Decimal(found.group(1).replace(",", ".")))
    if amount <= 0:
        raise DurationError(_("a duration must be longer than zero"))
    unit = _unit_of(found.group(2))
    if unit is None:
        message = _("'{unit}' is not a unit of time memogen knows").format(unit=found.group(2))
        if not _business_minutes(found.group(2)):
            raise DurationError(message)
        hours = Duration(_tidy(amount / 60), Unit.BUSINESS_HOURS)
        hint = _("business time is counted in business hours and days: write '{duration}'")
        raise DurationError(message, hint.format(duration=in_words_like(hours, text)))
    return Duration(amount, unit)


def _unit_of(written: str) -> Unit | None:
    spelling = " ".join(written.lower().replace("ё", "е").replace(".", " ").split())
    return _UNIT_OF.get(spelling) or _UNIT_OF.get(spelling.replace(" ", ""))


_BUSINESS_WORD = re.compile(r"(?:рабоч\w*|business|working|work)\s+(.+)", re.I)
# Numbers owners write in words: `полтора дня`, `полчаса`.
_NUMBER_WORDS = re.compile(r"(полтора|полторы|пол)\s*-?\s*(\S.*)", re.I)
_NUMBER_OF_WORD = {"полтора": Decimal("1.5"), "полторы": Decimal("1.5"), "пол": Decimal("0.5")}


def _business_minutes(written: str) -> bool:
    """True for `рабочих минут`, `business minutes`: a unit no clock counts in."""
    found = _BUSINESS_WORD.fullmatch(written.strip())
    return found is not None and _unit_of(found.group(1)) is Unit.MINUTES


def _number_in_words(text: str) -> DurationError | None:
    """`полтора дня` → the error that suggests `1,5 рабочего дня` (days mean business days to
    an owner; calendar days would say so)."""
    found = _NUMBER_WORDS.fullmatch(text.strip())
    unit = _unit_of(found.group(2)) if found else None
    if found is None or unit is None:
        return None
    unit = Unit.BUSINESS_DAYS if unit is Unit.DAYS else unit
    duration = Duration(_NUMBER_OF_WORD[found.group(1).lower()], unit)
    hint = _("write '{duration}'").format(duration=in_words_like(duration, text))
    return DurationError(_("a duration starts with a number in digits"), hint)


def in_words_like(duration: Duration, written: str) -> str:
    """`duration` in words of the language `written` is in."""
    return word(duration, "ru" if re.search("[а-яё]", written, re.I) else "en", " ")


def comparable(durations: list[Duration]) -> bool:
    """True when all durations run on the same clock (elapsed or business)."""
    return len({d.is_business for d in durations}) <= 1


def least_elapsed_minutes(duration: Duration, workday_hours: int) -> Decimal:
    """The fewest minutes of the clock a duration can take. Business time runs only while
    people work, at most `workday_hours` a day: W business minutes touch at least
    k = ⌈W / day⌉ days, and every day between the first and the last of them is whole, so
    they take at least W + (k − 2) × (24 h − day) (5 business days: 88 hours, not 40)."""
    minutes = duration.minutes(workday_hours)
    if not duration.is_business:
        return minutes
    day = Decimal(60 * workday_hours)
    days_touched = math.ceil(minutes / day)
    return minutes + max(days_touched - 2, 0) * (24 * 60 - day)


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
