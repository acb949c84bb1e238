"""Long words cut to a width: at their syllables with a hyphen (Pyphen, the dictionaries
WeasyPrint hyphenates with, in the word's script's language), or where they must when no
syllable fits. For text that no layout engine wraps: the SVG stage diagram."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

Advance = Callable[[str], float]  # the width a piece of text takes


def pieces(word: str, width: float, advance: Advance) -> list[str]:
    """`word` as it is if it fits `width`, else cut into pieces that each fit."""
    cut = []
    while advance(word) > width and len(word) > 1:
        at = _last_break_that_fits(word, width, advance)
        if at:
            cut.append(word[:at] + ("" if word[at - 1] == "-" else "-"))
        else:  # no syllable fits: as many characters as do
            fits = [n for n in range(1, len(word)) if advance(word[:n]) <= width]
            at = max(fits, default=1)
            cut.append(word[:at])
        word = word[at:]
    return [*cut, word]


def _last_break_that_fits(word: str, width: float, advance: Advance) -> int:
    """The last syllable break (or the word's own hyphen) whose first part fits; 0: none."""
    breaks = {at for at in _hyphenator(word).positions(word) if 0 < at < len(word)}
    breaks |= {at + 1 for at, ch in enumerate(word[:-1]) if ch == "-"}
    fitting = [at for at in breaks if advance(word[:at] + "-") <= width]
    return max(fitting, default=0)


def _hyphenator(word: str) -> Any:
    cyrillic = any("\u0400" <= ch <= "\u04ff" for ch in word)
    return _hyphenator_for("ru_RU" if cyrillic else "en_GB")


@cache
def _hyphenator_for(lang: str) -> Any:
    import pyphen  # lazy: its dictionaries load on first use

    return pyphen.Pyphen(lang=lang)
