"""The filters templates may call (memogen/filters.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from jinja2 import Environment

from memogen.render.filters import ALL, mailto, wrap

URL = "https://forms.example.com/requests/contract-review?department=legal&form=long"

# The macro the text email used before `wrap` became a filter: the filter must wrap the same.
OLD_MACRO = Environment().from_string(
    "{%- macro wrap(text, width=76, indent=0) -%}"
    '{{ text | replace("\\n• ", "\\u2029• ") | replace("\\n\\n", "\\u2028") | replace("\\n", " ")'
    ' | replace("\\u2028", "\\n\\n") | replace("\\u2029", "\\n")'
    " | wordwrap(width - indent, false, break_on_hyphens=false) | indent(indent) }}"
    "{%- endmacro -%}"
)


def test_wrap_is_a_filter_templates_can_call() -> None:
    assert ALL["wrap"] is wrap


def test_wrap_keeps_lines_within_the_width_and_never_breaks_a_url() -> None:
    text = "Send the signed contract to the legal team through " + URL + " before noon."
    lines = wrap(text, width=40).split("\n")
    assert URL in lines
    assert all(len(line) <= 40 for line in lines if line != URL)


def test_wrap_joins_the_lines_of_a_paragraph_and_keeps_paragraphs_and_items() -> None:
    text = "One line\nof a paragraph.\n\nA second paragraph:\n• first item\n• second item"
    assert wrap(text) == (
        "One line of a paragraph.\n\nA second paragraph:\n• first item\n• second item"
    )


def test_wrap_indents_every_line_but_the_first() -> None:
    assert wrap("alpha beta gamma delta", width=14, indent=3) == "alpha beta\n   gamma delta"
    assert wrap("one\n\ntwo", indent=2) == "one\n\n  two", "a blank line stays empty"


@given(
    text=st.lists(
        st.sampled_from(
            ["word", "a", "longerword", " ", "\t", "\n", "\n\n", "\r\n", "• ", "-", URL]
        ),
        max_size=40,
    ).map("".join),
    width=st.integers(min_value=12, max_value=80),
    indent=st.integers(min_value=0, max_value=4),
)
def test_wrap_wraps_exactly_as_the_email_template_did(text: str, width: int, indent: int) -> None:
    assert wrap(text, width, indent) == OLD_MACRO.module.wrap(text, width, indent)


def test_a_mailto_link_carries_its_subject_percent_encoded_as_utf8() -> None:
    assert mailto("hr@пример.рф", "Справки & копии?") == (
        "mailto:hr@xn--e1afmkfd.xn--p1ai"
        "?subject=%D0%A1%D0%BF%D1%80%D0%B0%D0%B2%D0%BA%D0%B8%20%26%20"
        "%D0%BA%D0%BE%D0%BF%D0%B8%D0%B8%3F"
    )
    assert mailto("hr@example.com") == "mailto:hr@example.com"
