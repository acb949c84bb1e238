"""The documents' words: one word for one idea, across the memo, guide, poster and email."""

from __future__ import annotations

import pytest

from memogen.render.labels import DATE_LOCALES, LABELS

# the client's own step: the memo (for staff), the guide, the poster and the email
CLIENTS_PART = ("client_does", "your_part", "you_act", "client_action")


@pytest.mark.parametrize(("lang", "word"), [("ru", "участие"), ("en", "part")])
def test_the_clients_own_step_has_one_name_everywhere(lang: str, word: str) -> None:
    assert all(word in LABELS[lang][key].lower() for key in CLIENTS_PART)


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_the_guide_is_called_the_same_in_the_catalogue_and_on_itself(lang: str) -> None:
    assert LABELS[lang]["kind_guide"] == LABELS[lang]["guide"]


def test_english_dates_are_british_in_every_document() -> None:
    assert DATE_LOCALES == {"ru": "ru", "en": "en_GB"}
