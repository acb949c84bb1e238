"""Unit tests for memogen.lint.rules.text: what the rules read of a standard, as a reader
sees it (no link addresses, code, HTML or markers), in sentences and words."""

from __future__ import annotations

from collections.abc import Callable

from memogen.lint.rules.base import Context
from memogen.lint.rules.text import (
    all_texts,
    client_texts,
    sentences,
    visible,
    without_code,
    words,
)

LintContext = Callable[..., Context]  # the fixture of conftest.py


def test_client_texts_are_the_texts_a_client_reads_with_their_paths(
    lint_context: LintContext,
) -> None:
    texts = {text.path: (text.value, text.prose) for text in client_texts(lint_context().standard)}
    assert texts[("title",)] == ("Tiny service", False)
    assert texts[("summary",)] == ("We help colleagues with small things.", True)
    assert texts[("request", "steps", 1)] == ("Describe the problem.", True)
    assert texts[("stages", 0, "result")] == ("The request has a number", True)
    assert texts[("contacts", 0, "when")] == ("No answer within a day", True)
    assert texts[("poster", "slogan")] == ("Small things, fixed fast", False)
    assert ("owner", "name") not in texts  # names are not sentences to judge
    assert ("inputs", 0, "description") not in texts  # an optional text left out


def test_all_texts_skips_codes_addresses_and_numbers() -> None:
    data = {
        "id": "tiny",
        "title": "Tiny",
        "owner": {"name": "Ann", "email": "a@example.com"},
        "stages": [{"name": "Work", "deadline": "2 days"}],
    }
    assert list(all_texts(data)) == [
        (("title",), "Tiny"),
        (("owner", "name"), "Ann"),
        (("stages", 0, "name"), "Work"),
    ]


def test_visible_keeps_link_texts_and_drops_addresses_code_html_and_markers() -> None:
    assert visible("Open **the [form](https://x.example/a?b=c)** and `run it`.") == (
        "Open the form and  ."
    )
    assert visible("Mail <https://x.example> or ivan@example.com, <b>now</b>") == (
        "Mail   or  ,  now "
    )


def test_without_code_keeps_every_offset() -> None:
    text = 'See "this" at https://x.example/"q" in `a "b"` and [it](http://y/"z").'
    blanked = without_code(text)
    assert len(blanked) == len(text)
    assert blanked.count('"') == 2  # only the quotes a reader sees
    assert blanked.index('"this"') == text.index('"this"')


def test_sentences_end_at_stops_paragraphs_and_list_items() -> None:
    assert sentences("Мы выдаём справки. Срок — 3 дня!\n\n- Паспорт\n- Заявление") == (
        "Мы выдаём справки.",
        "Срок — 3 дня!",
        "Паспорт",
        "Заявление",
    )
    assert sentences("Call us at 10.30 today. e.g. tomorrow") == (
        "Call us at 10.30 today. e.g. tomorrow",
    )


def test_words_count_what_a_reader_counts() -> None:
    assert words("ИТ-служба работает с 10:00 — A4 , ok") == [
        "ИТ-служба",
        "работает",
        "с",
        "10:00",
        "A4",
        "ok",
    ]
    assert words("") == []
