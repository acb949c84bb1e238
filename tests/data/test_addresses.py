"""Email addresses: typed with a Unicode domain, written in IDNA; mailboxes split without
re-parsing the name."""

from __future__ import annotations

import pytest

from memogen.data.addresses import AddressError, NonLatinLocalPart, ascii_address, split_mailbox


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("ann@example.com", "ann@example.com"),
        ("kadry@кадры.рф", "kadry@xn--80aiq0a9c.xn--p1ai"),
        ("o'brien+hr@Кадры.РФ", "o'brien+hr@xn--80aiq0a9c.xn--p1ai"),
        ("a.b@sub.пример.испытание", "a.b@sub.xn--e1afmkfd.xn--80akhbyknj4f"),
    ],
)
def test_address_is_written_with_its_domain_in_idna(typed: str, written: str) -> None:
    assert ascii_address(typed) == written


@pytest.mark.parametrize(
    "typed",
    ["ann", "@example.com", "ann@", "a..b@example.com", "ann@example", "ann@-x.com", "a b@x.com"],
)
def test_what_is_not_an_address_says_so(typed: str) -> None:
    with pytest.raises(AddressError) as caught:
        ascii_address(typed)
    assert (caught.value.message, caught.value.hint) == (
        f"'{typed}' is not an email address",
        "write it as name@example.com",
    )


def test_non_latin_mailbox_name_is_its_own_error() -> None:
    with pytest.raises(NonLatinLocalPart):
        ascii_address("кадры@кадры.рф")


@pytest.mark.parametrize(
    ("typed", "parts"),
    [
        ("Ann Lee <ann@example.com>", ("Ann Lee", "ann@example.com")),
        ("ann@example.com", ("", "ann@example.com")),
        ("  Отдел <a@кадры.рф>  ", ("Отдел", "a@кадры.рф")),
        ("Eve <a@x.com> <b@x.com>", ("", "Eve <a@x.com> <b@x.com>")),
        ("Eve <a@x.com>tail", ("", "Eve <a@x.com>tail")),
    ],
)
def test_mailbox_splits_into_name_and_address(typed: str, parts: tuple[str, str]) -> None:
    assert split_mailbox(typed) == parts
