"""Which language memogen speaks: memogen.yaml's `messages:`, else its `language:`; the
environment variable MEMOGEN_LANG overrides both for one person. The commands choose it before
they read anything (`memogen.cli_support`), so memogen.yaml's own mistakes are worded in it."""

from __future__ import annotations

import os
import re
from pathlib import Path

from memogen.i18n import LANGUAGES, MessageLanguage

ENVIRONMENT = "MEMOGEN_LANG"


def _known(value: object) -> MessageLanguage | None:
    text = str(value or "").strip().lower()
    return next((language for language in LANGUAGES if language == text), None)


def message_language(messages: object = None, language: object = None) -> MessageLanguage:
    """MEMOGEN_LANG if it names a language, else `messages`, else `language`, else English."""
    for choice in (os.environ.get(ENVIRONMENT), messages, language):
        known = _known(choice)
        if known:
            return known
    return "en"


# memogen.yaml's top-level `messages:` and `language:`, read before the file is validated:
# the messages of its own validation are in the language it asks for.
_SETTING = re.compile(r"^(messages|language):[ \t]*['\"]?([A-Za-z]{2})['\"]?[ \t]*(?:#.*)?$", re.M)
_PEEK_LIMIT = 1_000_000


def _peek(path: Path) -> dict[str, str]:
    try:
        with path.open("rb") as file:
            text = file.read(_PEEK_LIMIT).decode("utf-8", "replace")
    except OSError:
        return {}
    return dict(_SETTING.findall(text))


def language_of_config(path: Path) -> MessageLanguage:
    """The message language memogen.yaml at `path` asks for (MEMOGEN_LANG first)."""
    found = _peek(path)
    return message_language(found.get("messages"), found.get("language"))


def standards_language(path: Path) -> MessageLanguage:
    """memogen.yaml's `language:` (that of the standards), Russian as the Config's default."""
    return _known(_peek(path).get("language")) or "ru"
