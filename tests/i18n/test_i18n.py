"""The message catalogue: extracted from the code, translated whole, compiled as shipped; and
how the language of the messages is chosen."""

from __future__ import annotations

import io
import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from memogen import i18n

PACKAGE = Path(i18n.__file__).resolve().parent.parent
PO = i18n.LOCALES / "ru" / "LC_MESSAGES" / "memogen.po"
MO = PO.with_suffix(".mo")
POT = i18n.LOCALES / "memogen.pot"
_PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


def _russian() -> Catalog:
    with PO.open("rb") as file:
        return read_po(file, locale="ru")


def _ids(catalogue: Catalog) -> set[str]:
    return {message.id if isinstance(message.id, str) else message.id[0] for message in catalogue}


def test_the_catalogue_holds_every_message_the_code_marks_and_no_other() -> None:
    marked = {
        message if isinstance(message, str) else message[0]
        for _, _, message, _, _ in extract_from_dir(PACKAGE, [("**.py", "python")])
    }
    with POT.open("rb") as file:
        template = read_po(file)
    assert marked - _ids(template) == set(), "run .ci/messages"
    assert _ids(template) - {""} - marked == set(), "run .ci/messages"
    assert _ids(template) == _ids(_russian()), "run .ci/messages"


def test_every_message_has_its_russian_translation_in_every_plural_form() -> None:
    untranslated = [
        message.id
        for message in _russian()
        if message.id
        and (message.fuzzy or not all(message.string if message.pluralizable else [message.string]))
    ]
    assert untranslated == []


def test_a_translation_keeps_the_placeholders_of_its_message() -> None:
    changed = []
    for message in _russian():
        if not message.id:
            continue
        source = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(_PLACEHOLDER.findall(source))
        changed += [source for string in strings if set(_PLACEHOLDER.findall(string)) != wanted]
    assert changed == []


def test_the_shipped_mo_is_the_po_compiled() -> None:
    compiled = io.BytesIO()
    write_mo(compiled, _russian())
    assert MO.read_bytes() == compiled.getvalue(), "run .ci/messages"


def test_a_message_comes_in_the_language_in_use() -> None:
    i18n.use("ru")
    assert i18n._("unknown key '{key}'").format(key="dedline") == "неизвестный ключ 'dedline'"
    i18n.use("en")
    assert i18n._("unknown key '{key}'").format(key="dedline") == "unknown key 'dedline'"


def test_russian_counts_take_their_three_plural_forms() -> None:
    i18n.use("ru")
    forms = [
        i18n.ngettext("has more than {count} items", "has more than {count} items", n).format(
            count=n
        )
        for n in (1, 3, 12, 21)
    ]
    assert forms == ["больше 1 пункта", "больше 3 пунктов", "больше 12 пунктов", "больше 21 пункта"]


def test_the_compiled_catalogue_ships_with_the_package() -> None:
    import tomllib

    pyproject = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text("utf-8"))
    setuptools = pyproject["tool"]["setuptools"]
    assert "memogen.i18n" in setuptools["packages"]
    shipped = [
        path
        for pattern in setuptools["package-data"]["memogen.i18n"]
        for path in i18n.LOCALES.parent.glob(pattern)
    ]
    assert shipped == [MO]
