"""MG4xx: Russian typography in every text of a Russian standard.

Each check looks for one unambiguous slip, after code, links and HTML are blanked
out, so that a URL or an attribute never counts: straight double quotes, a hyphen
or an en dash standing alone between words, a number glued to its unit symbol. The
no-break spaces themselves are memogen's work (render.typography), never the owner's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from memogen.data.document import KeyPath
from memogen.i18n import _
from memogen.lint.rules.base import Context, Hit
from memogen.lint.rules.text import all_texts, without_code

_STRAIGHT_QUOTES = re.compile(r"\"[^\"\n]*\"?")
_HYPHEN_AS_DASH = re.compile(r"(?<=\S) (?:--?|–) (?=\S)")
_UNITS = (  # % ‰ ° are written glued in Russian too ("10%"): not among them
    "₽",
    "руб.",
    "коп.",
    "кг",
    "мг",
    "г",
    "км",
    "см",
    "мм",
    "м²",
    "м³",
    "м",
    "мл",
    "л",
    "шт.",
    "ГБ",
    "МБ",
    "КБ",
    "ТБ",
    "Гб",
    "Мб",
    "Кб",
    "Тб",
    "кВт",
    "Вт",
)
_UNIT_GLUED = re.compile(
    r"(?<![\w.,])\d+(?:[.,]\d+)?(?:" + "|".join(re.escape(u) for u in _UNITS) + r")(?!\w)"
)


def _findings(
    ctx: Context, pattern: re.Pattern[str]
) -> Iterator[tuple[KeyPath, str, re.Match[str]]]:
    """Every match of `pattern` in every text, code and links left out.

    The engine runs these rules on Russian standards only (their catalogue entry says so).
    """
    for path, value in all_texts(ctx.document.data):
        for found in pattern.finditer(without_code(value)):  # same length: offsets match
            yield path, value, found


def _nth(text: str, found: re.Match[str], fragment: str) -> int:
    """Which occurrence of `fragment` in the value this match is (0 for the first)."""
    return text.count(fragment, 0, found.start() + found.group().find(fragment))


def straight_quotes(ctx: Context) -> Iterator[Hit]:
    """MG401: «ёлочки», not "straight quotes"."""
    for path, text, found in _findings(ctx, _STRAIGHT_QUOTES):
        yield Hit(
            path,
            _("straight quotes in {value}").format(value=found.group()),
            _("use «ёлочки»: «…» (and „лапки“ for quotes inside quotes)"),
            '"',
            _nth(text, found, '"'),
        )


def hyphen_as_dash(ctx: Context) -> Iterator[Hit]:
    """MG402: a dash between words is '—', not '-' or '–'."""
    for path, text, found in _findings(ctx, _HYPHEN_AS_DASH):
        before = text[: found.start()].split()[-1]
        after = text[found.end() :].split()[0]
        yield Hit(
            path,
            _("a hyphen used as a dash in '{before}{value}{after}'").format(
                before=before, value=found.group(), after=after
            ),
            _(
                "write a dash with spaces around it: ' — '; for ranges of numbers "
                "write '–' without spaces, e.g. 3–5"
            ),
            found.group(),
            _nth(text, found, found.group()),
        )


def unit_space(ctx: Context) -> Iterator[Hit]:
    """MG403: a space between a number and its unit (memogen makes it a no-break one)."""
    for path, text, found in _findings(ctx, _UNIT_GLUED):
        yield Hit(
            path,
            _("a number glued to its unit in '{value}'").format(value=found.group()),
            _(
                "put a space between the number and the unit, e.g. '5 кг': memogen keeps "
                "them on one line"
            ),
            found.group(),
            _nth(text, found, found.group()),
        )
