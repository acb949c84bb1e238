"""The typography pass against hostile text: what a machine reads stays as it was typed.

Links, code, HTML attributes, addresses and phone numbers go through the pass untouched;
the pass never changes a text twice (so a rebuild is byte-identical), and its output
still passes the sanitiser exactly as the typed text did.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from memogen.render import markup
from memogen.render.typography import typeset

HOSTILE = [
    '[в "отдел" - и](https://x.example/a?q="b"&c=\'d\' "в "титуле"")',
    'Код: `в "кавычках" - 15 000 ₽` и ```\nи "блок" - № 1\n```',
    '<a href="https://x.example/в и" title="в "и"">и в</a> и <b class=\'x - y\'>',
    "Пишите i.petrova+в-и@example.com или на https://x.example/в-и/с?x=1 000",
    "Звоните +7 (495) 123-45-67 и 8 800 555-35-35",
    '<https://x.example/"в"> и <mailto:a@b.example> и &quot;в&quot; &#34;и&#34;',
    "[ссылка]: https://x.example/в-и 'в \"и\"'\n\nи [ссылка]",
    '<script>alert("в и")</script><img src=x onerror="alert(\'и\')">',
]

_HREF = re.compile(r'href="([^"]*)"')
_CODE = re.compile(r"<code>(.*?)</code>", re.S)


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_links_and_code_are_printed_as_typed(text: str, lang: str) -> None:
    typed, printed = markup.to_html(text), markup.to_html(typeset(text, lang))
    assert _HREF.findall(printed) == _HREF.findall(typed)
    assert _CODE.findall(printed) == _CODE.findall(typed)


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_addresses_and_phone_numbers_keep_every_character(lang: str) -> None:
    for kept in (
        "i.petrova+в-и@example.com",
        "https://x.example/в-и/с?x=1",
        "+7 (495) 123-45-67",
        "<mailto:a@b.example>",
    ):
        assert kept in typeset(f'Пишите "в" {kept} и "с" - т. е. сразу', lang)


@pytest.mark.parametrize("text", HOSTILE)
def test_nothing_the_sanitiser_removes_comes_back(text: str) -> None:
    printed = markup.to_html(typeset(text, "ru"))
    assert "<script" not in printed and "onerror" not in printed and "<img" not in printed


@given(st.text(alphabet=" \"'«»„“”‘’-—–№.,АСвиснаИТ015₽`[]()<>:/@\n", max_size=60))
@pytest.mark.parametrize("lang", ["ru", "en"])
def test_typesetting_twice_changes_nothing_more(lang: str, text: str) -> None:
    once = typeset(text, lang)
    assert typeset(once, lang) == once
