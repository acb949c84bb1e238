"""The field types: what each accepts, and the exact words it refuses the rest with."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from memogen.data import fields
from memogen.data.fields import has_encoded_word


def refusal(field_type: Any, value: Any) -> tuple[str, str]:
    """The message and the hint a field type refuses `value` with."""
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(field_type).validate_python(value)
    (error,) = caught.value.errors()
    return error["msg"], error["ctx"]["hint"]


def accepted(field_type: Any, value: Any) -> Any:
    return TypeAdapter(field_type).validate_python(value)


def test_a_line_is_stripped_and_must_hold_one_line_of_text() -> None:
    assert accepted(fields.Line, "  Help desk ") == "Help desk"
    assert refusal(fields.Line, "a\nb") == (
        "this value must fit on one line",
        "remove the line breaks",
    )
    assert refusal(fields.Line, "a\tb") == ("this value contains a tab", "use a space instead")
    assert refusal(fields.Line, "   ") == ("this value is empty", "write the text after the colon")
    assert refusal(fields.Line, None) == ("this value is empty", "write the text after the colon")
    assert refusal(fields.Line, ["a"]) == (
        "expected text, found a list",
        "write the text on the same line as the key",
    )
    assert refusal(fields.Line, {"a": 1}) == (
        "expected text, found a mapping of keys",
        "write the text on the same line as the key",
    )


def test_a_line_refuses_what_could_disguise_an_email_header() -> None:
    assert refusal(fields.Line, "Hi =?utf-8?q?x?=") == (
        "'=?…?=' is not allowed here",
        "it could disguise an email header; reword it",
    )
    assert has_encoded_word("=? then ?=") is True
    assert has_encoded_word("?= then =?") is False


def test_a_short_line_holds_80_characters_at_most() -> None:
    assert accepted(fields.ShortLine, "x" * 80) == "x" * 80
    assert refusal(fields.ShortLine, "x" * 81) == (
        "this text is 81 characters long, more than 80",
        "shorten it",
    )


def test_markdown_nested_deeper_than_eight_levels_is_refused() -> None:
    assert accepted(fields.Markdown, "> " * 8 + "quote") == "> " * 8 + "quote"
    assert refusal(fields.Markdown, "> " * 9 + "quote") == (
        "this text nests lists or quotes 9 levels deep, more than 8",
        "flatten it; two levels are plenty for a reader",
    )


@pytest.mark.parametrize(("text", "value"), [("true", True), ("False", False), ("TRUE", True)])
def test_a_flag_is_true_or_false_in_words(text: str, value: bool) -> None:
    assert accepted(fields.Flag, text) is value


def test_a_flag_refuses_yes() -> None:
    assert refusal(fields.Flag, "yes") == ("'yes' is not true or false", "write true or false")


def test_a_whole_number_is_ascii_digits() -> None:
    assert accepted(fields.WholeNumber, "8") == 8
    assert refusal(fields.WholeNumber, "٨") == (
        "'٨' is not a whole number",
        "write digits only, e.g. 8",
    )
    assert refusal(fields.WholeNumber, "-1") == (
        "'-1' is not a whole number",
        "write digits only, e.g. 8",
    )


def test_a_date_is_written_as_iso_and_must_exist() -> None:
    assert accepted(fields.IsoDate, "2026-12-01") == date(2026, 12, 1)
    assert refusal(fields.IsoDate, "01.12.2026") == (
        "'01.12.2026' is not a date",
        "write the date as YYYY-MM-DD, e.g. 2026-12-01",
    )
    assert refusal(fields.IsoDate, "2026-02-30") == (
        "'2026-02-30' is not a real date",
        "check the day and the month",
    )


def test_a_web_address_is_http_or_https_with_a_host_and_no_unsafe_character() -> None:
    assert (
        accepted(fields.Url, "https://intranet.example.com/a") == "https://intranet.example.com/a"
    )
    assert refusal(fields.Url, "javascript:alert(1)") == (
        "'javascript:alert(1)' is not a web address",
        "start it with https:// and leave no spaces",
    )
    assert refusal(fields.Url, "https://example.com/<x>") == (
        "the web address contains '<', which a web address cannot hold",
        "write it percent-encoded: %3C",
    )


def test_a_mailbox_is_one_address_with_or_without_a_name() -> None:
    assert accepted(fields.Mailbox, "Desk <desk@example.com>") == "Desk <desk@example.com>"
    assert refusal(fields.Mailbox, "a@example.com, b@example.com") == (
        "'a@example.com, b@example.com' is not a single email address",
        "write 'Name <name@example.com>' or 'name@example.com'",
    )


def test_a_phone_number_is_digits_with_plus_spaces_dashes_or_brackets() -> None:
    assert accepted(fields.Phone, "+7 (495) 123-45-67 доб. 12") == "+7 (495) 123-45-67 доб. 12"
    assert refusal(fields.Phone, "call me") == (
        "'call me' is not a phone number",
        "write digits with +, spaces, dashes or brackets, e.g. '+7 495 123-45-67'",
    )


def test_a_colour_is_hex_and_an_unquoted_one_is_explained() -> None:
    assert accepted(fields.Color, "#1f4") == "#1f4"
    assert refusal(fields.Color, None) == (
        "this value is empty",
        'put the colour in quotes, e.g. "#1F4E79"',
    )
    assert refusal(fields.Color, "blue") == (
        "'blue' is not a colour",
        'write it as "#1F4E79", in quotes',
    )


def test_an_id_is_lowercase_latin_letters_digits_and_dashes() -> None:
    assert accepted(fields.Identifier, "purchase-request") == "purchase-request"
    assert refusal(fields.Identifier, "Purchase_Request") == (
        "'Purchase_Request' is not a valid id",
        "use 3–64 lowercase latin letters, digits and '-', e.g. purchase-request",
    )


def test_only_format_version_1_is_supported() -> None:
    assert accepted(fields.FormatVersion, "1") == 1
    assert refusal(fields.FormatVersion, "2") == (
        "format version '2' is not supported",
        "write memogen: 1",
    )


def test_a_duration_is_parsed_and_a_wrong_one_says_how_to_write_it() -> None:
    assert str(accepted(fields.DurationText, "3 business days")) == "3 business days"
    message, hint = refusal(fields.DurationText, "soon")
    assert message.startswith("'soon' is not a duration: ")
    assert hint == "write a number and a unit, e.g. '3 business days' or '3 рабочих дня'"
