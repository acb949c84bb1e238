"""Messages in the owner's language: gettext catalogues made with Babel.

English is the source language (the `msgid`s in the code); `locale/ru/LC_MESSAGES/memogen.po`
holds the Russian, compiled to the `.mo` beside it. Code marks a message with `_()` and fills
its named placeholders after translating: `_("unknown key '{key}'").format(key=key)`. Texts
made at import time (rule titles) are marked with `N_()` and translated where shown.

Which language is spoken is chosen by `memogen.i18n.choice`; `use()` sets it for the process.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path
from typing import Literal

MessageLanguage = Literal["ru", "en"]
LANGUAGES: tuple[MessageLanguage, ...] = ("ru", "en")
LOCALES = Path(__file__).resolve().parent / "locale"
DOMAIN = "memogen"

_current: list[MessageLanguage] = ["en"]


@cache
def _translations(language: MessageLanguage) -> gettext.NullTranslations:
    if language == "en":
        return gettext.NullTranslations()
    with (LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as catalogue:
        return gettext.GNUTranslations(catalogue)


def use(language: MessageLanguage) -> None:
    """Speak `language` from now on in this process."""
    _current[0] = language


def current() -> MessageLanguage:
    return _current[0]


def _(message: str) -> str:
    """`message` in the current language (itself in English)."""
    return _translations(_current[0]).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form for `count` in the current language (Russian has three)."""
    return _translations(_current[0]).ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Marks `message` for the catalogue without translating it: translate it where shown."""
    return message
