"""Where a line must not break, and the hyphens that must not break: the spacing rules of
the typography pass (render.typography), each a regular expression, per language."""

from __future__ import annotations

import re
from collections.abc import Callable

NBSP = "\u00a0"
THIN_NBSP = "\u202f"
NB_HYPHEN = "\u2011"

_DASH = {
    "ru": re.compile(r"(?<=\S)[ \t\u00a0]+(?:—|–|--?)[ \t]+(?=\S)"),
    "en": re.compile(r"(?<=\S)[ \t\u00a0]+(?:—|--?)[ \t]+(?=\S)"),
}
_NUMERO = re.compile(r"№[ \t]+(?=\S)")
_INITIALS = re.compile(r"(?<![\w.])([A-ZА-ЯЁ]\.) (?=[A-ZА-ЯЁ])")
_SURNAME_INITIALS = re.compile(r"(?<=[^\W\d_]{2}) (?=[А-ЯЁ]\.[ \u00a0]?[А-ЯЁ]\.)")
_ABBREVIATIONS = re.compile(
    r"(?<![\w.])(т|е|д|п|пп|др|пр|см|ср|г|гг|вв|каб|стр|тел|ул|пер|просп|наб|пл|корп|оф|эт"
    r"|им|руб|коп|тыс|млн|млрд|мин|сек|ч|рис|табл|гл|разд|ст|ок|напр|доб|вн|кв)\. (?=[\w№(«\[\d])"
)
_NUMBER_UNIT = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?) (?=[^\W\d_]|[%‰°₽$€£])")
# A number in groups of three, taken to its last group at once (possessive); a run that a
# digit, a hyphen or another group goes on with is taken whole too and left as typed
# (`_thin_thousands`), so that no match starts again inside it: trying every group of
# "1 000 000 … 0000" as a start was quadratic (100,000 characters: 49 s).
_THOUSANDS = re.compile(r"(?<![\d+\-.,\u202f])\d{1,3}(?: \d{3})++(?P<goes_on>[\d\-]| (?=\d))?")
_SHORT_WORD = re.compile(r"(?<![\w\-\u2011])(?!(?:ли|же|бы|ль)\s)([а-яёА-ЯЁ]{1,2}) (?=\S)")
_PARTICLE = re.compile(r"(?<=[^\W\d_]) (?=(?:ли|же|бы|ль|ж|б)(?!\w))")
_SHORT_PREFIX = re.compile(r"(?<![\w\-\u2011])([^\W\d_]{1,3})-(?=[^\W_])")
_SHORT_SUFFIX = re.compile(r"(?<=[^\W\d_])-(?=(?:то|ка|де|таки)(?!\w))")


def spaced(piece: str, lang: str) -> str:
    """`piece` (free text, nothing protected in it) with the spacing rules of `lang`."""
    for rule in RULES[lang] if lang in RULES else RULES["en"]:
        piece = rule(piece)
    return piece


def _sub(
    pattern: re.Pattern[str], replacement: str | Callable[[re.Match[str]], str]
) -> Callable[[str], str]:
    return lambda text: pattern.sub(replacement, text)


def _thin_thousands(found: re.Match[str]) -> str:
    if found.group("goes_on") is not None:
        return found.group()
    return found.group().replace(" ", THIN_NBSP)


_COMMON = (
    _sub(_NUMERO, "№" + NBSP),
    _sub(_INITIALS, r"\1" + NBSP),
    _sub(_NUMBER_UNIT, r"\1" + NBSP),
    _sub(_SHORT_PREFIX, r"\1" + NB_HYPHEN),
)
RULES: dict[str, tuple[Callable[[str], str], ...]] = {
    "ru": (
        _sub(_DASH["ru"], NBSP + "— "),
        _sub(_THOUSANDS, _thin_thousands),
        *_COMMON,
        _sub(_SURNAME_INITIALS, NBSP),
        _sub(_ABBREVIATIONS, r"\1." + NBSP),
        _sub(_SHORT_WORD, r"\1" + NBSP),
        _sub(_PARTICLE, NBSP),
        _sub(_SHORT_SUFFIX, NB_HYPHEN),
    ),
    "en": (
        _sub(_DASH["en"], NBSP + "— "),
        _sub(re.compile(r"(?<=\S)[ \t]+(–)[ \t]+(?=\S)"), NBSP + r"\1 "),
        *_COMMON,
    ),
}
