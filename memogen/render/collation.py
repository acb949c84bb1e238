"""Russian-aware text for the catalogue: a sort key, a search form and stable anchors.

ICU would collate properly but needs PyICU, a C++ build against libicu; the catalogue needs
only CLDR's Russian rules at the first level, which fit here: Cyrillic before Latin in a
Russian catalogue (Latin first in an English one), spaces and punctuation first, then
numbers (by value, as people count), then letters; case ignored and ё equal to е (the
text as typed breaks ties).
"""

from __future__ import annotations

import re
import unicodedata

# ICAO 9303 (Russian passports): plain Latin letters, the same in every browser's address bar.
_TRANSLITERATION = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziiklmnoprstufye", strict=True)),
        "ё": "e",
        "ж": "zh",
        "х": "kh",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "щ": "shch",
        "ъ": "ie",
        "ь": "",
        "ю": "iu",
        "я": "ia",
    }
)
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_TOKENS = re.compile(r"\d+|\D")


def fold(text: str) -> str:
    """The form the search compares: case folded, ё read as е, accents dropped, spaces single
    (index.js folds what is typed the same way)."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("ё", "е"))
    # NFD splits й into и + a breve: keep the breve (й is its own letter), drop other accents
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch) or ch == "\u0306")
    return " ".join(unicodedata.normalize("NFC", kept).split())


def sort_key(text: str, lang: str) -> tuple[tuple[tuple[int, str], ...], str]:
    """Orders like CLDR's collation of `lang` at its first level, then by the text itself."""
    key = []
    for token in _TOKENS.findall(fold(text)):
        # a run of digits is one number: "№ 83" before "№ 171", as people count
        key.append((1, token.zfill(24)) if token.isdigit() else (_rank(token, lang), token))
    return tuple(key), text


def _rank(ch: str, lang: str) -> int:
    if not ch.isalnum():
        return 0
    if ch.isdigit():
        return 1
    cyrillic = "CYRILLIC" in unicodedata.name(ch, "")
    if lang == "ru":
        return 2 if cyrillic else 3
    return 3 if cyrillic else 2


def slug(text: str) -> str:
    """An anchor that stays as long as the name does: `Отдел снабжения` → `otdel-snabzheniia`."""
    latin = fold(text).translate(_TRANSLITERATION)
    latin = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode("ascii")
    return _NOT_SLUG.sub("-", latin).strip("-") or "section"


def unique_slugs(names: list[str]) -> dict[str, str]:
    """Each name's slug, `-2`, `-3`… after one already taken (names in their order)."""
    taken: set[str] = set()
    slugs: dict[str, str] = {}
    for name in names:
        base = slug(name)
        candidate, number = base, 1
        while candidate in taken:
            number += 1
            candidate = f"{base}-{number}"
        taken.add(candidate)
        slugs[name] = candidate
    return slugs
