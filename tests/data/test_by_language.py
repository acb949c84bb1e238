"""Unit tests for memogen.data.by_language: memogen.yaml's printed texts, plain or one per
language, each validated where it is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from memogen import i18n
from memogen.data.by_language import in_language
from memogen.data.config import read_config
from memogen.errors import UserError


def errors_of(repo: Path, text: str) -> list[str]:
    (repo / "memogen.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(UserError) as raised:
        read_config(repo / "memogen.yaml")
    return [issue.text() for issue in raised.value.issues]


def test_a_text_per_language_is_taken_in_its_language_and_a_plain_one_in_the_companys() -> None:
    assert in_language({"ru": "ООО «Вершина»", "en": "Vershina LLC"}, "en", "ru") == "Vershina LLC"
    assert in_language({"ru": "ООО «Вершина»"}, "en", "ru") is None
    assert in_language("ООО «Вершина»", "ru", "ru") == "ООО «Вершина»"
    assert in_language("ООО «Вершина»", "en", "ru") is None


def test_a_language_memogen_does_not_know_is_an_error_at_its_key(tmp_path: Path) -> None:
    assert errors_of(tmp_path, "organisation:\n  ru: Вершина\n  de: Vershina GmbH\n") == [
        "memogen.yaml:3:3: error: organisation.de: 'de' is not a language memogen knows "
        "(use one of: ru, en)"
    ]


def test_a_bad_value_in_one_language_is_placed_at_that_language(tmp_path: Path) -> None:
    config = "email:\n  from:\n    ru: Служба <q@example.com>\n    en: quality, help@x.com\n"
    assert errors_of(tmp_path, config) == [
        "memogen.yaml:4:9: error: email.from.en: 'quality, help@x.com' is not a single email "
        "address (write 'Name <name@example.com>' or 'name@example.com')"
    ]


def test_a_list_of_rules_per_language_keeps_its_bound_and_its_place(tmp_path: Path) -> None:
    rules = "".join(f"    - Rule {n}.\n" for n in range(16))
    assert errors_of(tmp_path, f"service_rules:\n  en:\n{rules}") == [
        "memogen.yaml:3:5: error: service_rules.en: has more than 15 items "
        "(keep the list short enough to read)"
    ]


def test_the_errors_of_a_setting_per_language_come_in_russian_too(tmp_path: Path) -> None:
    i18n.use("ru")
    assert errors_of(tmp_path, "organisation:\n  de: Vershina GmbH\n") == [
        "memogen.yaml:2:3: error: organisation.de: 'de' — язык, которого memogen не знает "
        "(выберите одно из: ru, en)"
    ]


def test_a_plain_address_with_no_name_is_in_every_language() -> None:
    from memogen.data.by_language import mailbox_in

    assert mailbox_in("all@example.com", "en", "ru") == "all@example.com"
    assert mailbox_in("Все сотрудники <all@example.com>", "en", "ru") is None
    assert mailbox_in({"en": "All staff <all@example.com>"}, "en", "ru") == (
        "All staff <all@example.com>"
    )
