"""How the language of the messages is chosen: MEMOGEN_LANG, else memogen.yaml's `messages:`,
else its `language:`; memogen.yaml is read for it before it is validated."""

from __future__ import annotations

from pathlib import Path

import pytest

from memogen.i18n import choice


def test_the_environment_overrides_the_config_and_messages_override_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(choice.ENVIRONMENT, raising=False)
    assert choice.message_language(None, "ru") == "ru"
    assert choice.message_language("en", "ru") == "en"
    assert choice.message_language(None, None) == "en"
    monkeypatch.setenv(choice.ENVIRONMENT, "RU")
    assert choice.message_language("en", "en") == "ru"
    monkeypatch.setenv(choice.ENVIRONMENT, "de")  # not a language memogen speaks: ignored
    assert choice.message_language("en", "ru") == "en"


def test_memogen_yaml_is_read_for_its_language_before_it_is_validated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(choice.ENVIRONMENT, raising=False)
    config = tmp_path / "memogen.yaml"
    config.write_text("organisation: Вершина\nlanguage: ru\ndedline: 3\n", "utf-8")
    assert choice.language_of_config(config) == "ru"
    config.write_text("language: 'ru'\nmessages: en  # for the IT team\n", "utf-8")
    assert choice.language_of_config(config) == "en"
    assert choice.language_of_config(tmp_path / "absent.yaml") == "en"


def test_the_template_of_memogen_new_follows_the_standards_language_not_the_messages(
    tmp_path: Path,
) -> None:
    config = tmp_path / "memogen.yaml"
    config.write_text("language: en\nmessages: ru\n", "utf-8")
    assert choice.standards_language(config) == "en"
    assert choice.standards_language(tmp_path / "absent.yaml") == "ru"
