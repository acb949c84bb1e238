"""Guarantee 6 — email headers: every field that reaches a header (title, subject_prefix, from,
to, the owner's name and email) refuses line breaks, control characters, U+2028/2029 and
encoded words at validation, with its location; addresses are parsed strictly; every .eml
parses back with `raise_on_defect=True`. Python 3.11.7 predates the fix for CVE-2024-6923,
so none of this may rely on the email package."""

from __future__ import annotations

from pathlib import Path

import pytest

from memogen.data.config import load_config
from memogen.data.validate import check_standards
from memogen.errors import UserError
from memogen.render.formats.email import build_eml, mailbox_header
from memogen.render.typography import typeset

from .adversarial_kit import (
    TINY_TEXT,
    Cli,
    build_repo,
    eml_parts,
    mailboxes_as_mail_clients_read,
    make_repo,
    tiny_data,
    to_yaml,
)

STANDARD = "standards/tiny-service.yaml"

# (payload typed inside a double-quoted YAML value, the exact complaint, said by the loader?)
PAYLOADS = {
    "crlf-bcc": (
        "\\r\\nBcc: victim@example.com",
        "this value must fit on one line (remove the line breaks)",
        False,
    ),
    "lf": ("\\nX-Injected: 1", "this value must fit on one line (remove the line breaks)", False),
    "u2028": ("\\L", "this value must fit on one line (remove the line breaks)", False),
    "u2029": ("\\P", "this value must fit on one line (remove the line breaks)", False),
    "nel": (
        "\\N",
        "the invisible control character U+0085 is not allowed "
        "(remove the backslash escape that produces it)",
        True,
    ),
    "vertical-tab": (
        "\\v",
        "the invisible control character U+000B is not allowed "
        "(remove the backslash escape that produces it)",
        True,
    ),
    "file-separator": (
        "\\x1c",
        "the invisible control character U+001C is not allowed "
        "(remove the backslash escape that produces it)",
        True,
    ),
    "escape": (
        "\\e",
        "the invisible control character U+001B is not allowed "
        "(remove the backslash escape that produces it)",
        True,
    ),
    "tab": ("\\t", "this value contains a tab (use a space instead)", False),
    "encoded-word": (
        "=?utf-8?q?Bcc:_victim@example.com?=",
        "'=?…?=' is not allowed here (it could disguise an email header; reword it)",
        False,
    ),
}

# (field, where it is typed: file, line, col, dotted path, the text around the payload)
FIELDS = {
    "title": (STANDARD, 3, 8, "title", "Tiny{}service"),
    "owner.name": (STANDARD, 10, 9, "owner.name", "Ann{}Lee"),
    "owner.email": (STANDARD, 12, 10, "owner.email", "ann.lee{}@example.com"),
    "subject_prefix": ("memogen.yaml", 3, 19, "email.subject_prefix", "[Standards{}]"),
    "from": ("memogen.yaml", 3, 9, "email.from", "Quality{} <quality@example.com>"),
    "to": ("memogen.yaml", 3, 7, "email.to", "all{}@example.com"),
}


def _validation_error(tmp_path: Path, field: str, value: str) -> str:
    """What validating a repo with `value` typed (double-quoted) as `field` says."""
    file = FIELDS[field][0]
    if file == "memogen.yaml":
        key = {"subject_prefix": "subject_prefix", "from": "from", "to": "to"}[field]
        config = tmp_path / "memogen.yaml"
        config.write_text(f'language: en\nemail:\n  {key}: "{value}"\n', encoding="utf-8")
        with pytest.raises(UserError) as caught:
            load_config(config)
        return caught.value.describe()
    line = {
        "title": "title: Tiny service",
        "owner.name": "  name: Ann Lee",
        "owner.email": "  email: ann.lee@example.com",
    }[field]
    key = line.split(":")[0]
    path = tmp_path / "tiny-service.yaml"
    path.write_text(TINY_TEXT.replace(line, f'{key}: "{value}"', 1), encoding="utf-8")
    return "\n".join(
        i.text() for i in check_standards([(path, STANDARD)], load_config(None)).issues
    )


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("field", FIELDS)
def test_header_field_refuses_injection_at_validation(
    field: str, payload: str, tmp_path: Path
) -> None:
    file, line, col, dotted, around = FIELDS[field]
    typed, complaint, by_loader = PAYLOADS[payload]
    where = f"{file}:{line}:{col}: error: " + ("" if by_loader else f"{dotted}: ")
    assert _validation_error(tmp_path, field, around.format(typed)) == where + complaint


@pytest.mark.parametrize(
    "value",
    [
        "a@example.com, b@example.com",
        "Eve <a@example.com> <b@example.com>",
        "a@example.com (comment)",
        '\\"Eve\\" <a@example.com>',
        "Eve <a@example.com>trailing",
    ],
)
def test_to_and_from_take_exactly_one_strictly_written_address(value: str, tmp_path: Path) -> None:
    typed = value.replace('\\"', '"')
    assert _validation_error(tmp_path, "to", value) == (
        f"memogen.yaml:3:7: error: email.to: '{typed}' is not a single email address "
        "(write 'Name <name@example.com>' or 'name@example.com')"
    )


def test_owner_name_that_looks_like_addresses_stays_a_name(tmp_path: Path) -> None:
    """Before: 'Eve <eve@attacker.example>, x' became the From address itself."""
    name = "Eve <eve@attacker.example>, all@example.com"
    data = tiny_data()
    data["owner"]["name"] = name
    repo = make_repo(tmp_path, {"tiny-service.yaml": to_yaml(data)})
    build_repo(repo, tmp_path / "out", formats=("eml",), artifacts=("email",))
    message, _, _ = eml_parts((tmp_path / "out" / "tiny-service" / "email.eml").read_bytes())
    for header in ("From", "To"):
        assert [(a.display_name, a.addr_spec) for a in message[header].addresses] == [
            (name, "ann.lee@example.com")
        ]


def test_every_eml_parses_back_strictly_with_headers_as_written(tmp_path: Path) -> None:
    data = tiny_data()
    data.update(
        title="Закупка «срочных» товаров: длинное название, чтобы заголовок "
        'переносился на несколько строк, с "кавычками" и запятыми, да',
        language="ru",
    )
    data["owner"]["name"] = 'Ирина "Ира" Петрова, (снабжение); O\'Brien'
    config = (
        "language: ru\nemail:\n  from: Служба качества <quality@example.com>\n"
        '  to: all@example.com\n  subject_prefix: "[Стандарты (v2)]"\n'
    )
    repo = make_repo(tmp_path, {"tiny-service.yaml": to_yaml(data)}, config=config)
    build_repo(repo, tmp_path / "out", formats=("eml",), artifacts=("email",))
    raw = (tmp_path / "out" / "tiny-service" / "email.eml").read_bytes()
    message, plain, html = eml_parts(raw)
    assert message["Subject"] == f"[Стандарты (v2)] {data['title']}"
    assert [(a.display_name, a.addr_spec) for a in message["From"].addresses] == [
        ("Служба качества", "quality@example.com")
    ]
    assert str(message["To"]) == "all@example.com"
    assert all(len(line) <= 78 for line in raw.split(b"\r\n\r\n")[0].split(b"\r\n"))
    printed = " ".join(typeset(data["title"], "ru").split())  # the body is typeset
    assert printed in " ".join(plain.split())
    assert printed in " ".join(html.replace("&nbsp;", " ").split())


@pytest.mark.parametrize(
    "subject", ["A\r\nBcc: x@example.com", "A\nB", "A\u2028B", "=?utf-8?q?x?=", "A\x00B"]
)
def test_the_email_writer_itself_refuses_unsafe_header_text(subject: str) -> None:
    """Validation refuses these first; the writer checks again rather than trust the email
    package (defence in depth)."""
    with pytest.raises(ValueError, match="unsafe header text"):
        build_eml(subject, ("Ann", "ann@example.com"), ("", "all@example.com"), "<p>x</p>", "x", 0)


# --- display names that try to become addresses (Python 3.11 folds long ones unquoted) -----

HOSTILE_NAMES = {
    "ascii-long": "Quality assurance and service standards department of the company "
    "<ceo@evil.example>, all-staff@example.com",
    "cyrillic-long": "Отдел качества и сервисных стандартов компании «Ромашка» "
    '"Q" <ceo@evil.example>; all-staff@example.com, boss@example.com',
    "quotes-and-semicolons": 'x" <ceo@evil.example>; "y", all-staff@example.com, '
    "'z' <boss@example.com> and a long tail of words to make it fold over several lines",
    "encoded-word-start": "Ann =?utf-8?b? <ceo@evil.example>, all-staff@example.com, "
    "=?utf-8?q? and enough words after it to fold the header several times over",
    "short-with-specials": 'Eve "<ceo@evil.example>", a@example.com',
}


def _email_of_owner(tmp_path: Path, name: str, email_address: str = "ann.lee@example.com") -> bytes:
    data = tiny_data()
    data["owner"].update(name=name, email=email_address)
    repo = make_repo(tmp_path, {"tiny-service.yaml": to_yaml(data)})
    build_repo(repo, tmp_path / "out", formats=("eml",), artifacts=("email",))
    return (tmp_path / "out" / "tiny-service" / "email.eml").read_bytes()


@pytest.mark.parametrize("case", HOSTILE_NAMES)
def test_owner_name_never_becomes_a_recipient(case: str, tmp_path: Path) -> None:
    """Before: the long ASCII name gave the email three recipients, two of them the name's."""
    name = HOSTILE_NAMES[case]
    raw = _email_of_owner(tmp_path, name)
    message, _, _ = eml_parts(raw)
    for header in ("From", "To"):
        assert [a.addr_spec for a in message[header].addresses] == ["ann.lee@example.com"]
        # Python 3.11 puts a space between adjacent encoded words (RFC 2047 says to drop it)
        assert " ".join(message[header].addresses[0].display_name.split()) == " ".join(name.split())
        assert mailboxes_as_mail_clients_read(raw, header) == [(name, "ann.lee@example.com")]
    assert message["Reply-To"] is None and mailboxes_as_mail_clients_read(raw, "Reply-To") == []
    head = raw.split(b"\r\n\r\n")[0]
    assert all(len(line) <= 78 for line in head.split(b"\r\n"))
    assert b"evil" not in head and b"all-staff" not in head


def test_short_display_name_round_trips_exactly_in_both_parsers(tmp_path: Path) -> None:
    name = 'Eve "<ceo@evil.example>", a@b.ru'
    raw = _email_of_owner(tmp_path, name)
    message, _, _ = eml_parts(raw)
    assert [(a.display_name, a.addr_spec) for a in message["From"].addresses] == [
        (name, "ann.lee@example.com")
    ]
    assert mailboxes_as_mail_clients_read(raw, "From") == [(name, "ann.lee@example.com")]


def test_plain_name_stays_readable_in_the_header() -> None:
    assert mailbox_header(("Ann Lee", "ann@example.com")) == "Ann Lee <ann@example.com>"
    assert mailbox_header(("", "ann@example.com")) == "ann@example.com"
    assert mailbox_header(("Ann, Lee", "ann@example.com")) == (
        "=?utf-8?b?QW5uLCBMZWU=?= <ann@example.com>"
    )
    long_address = "a" * 40 + "@example.com"
    assert mailbox_header(("Ann, Lee", long_address)) == (
        f"=?utf-8?b?QW5uLCBMZWU=?=\n <{long_address}>"
    )


# --- internationalised addresses --------------------------------------------------------------


def test_internationalised_domain_is_valid_and_goes_into_headers_as_idna(tmp_path: Path) -> None:
    config = "language: ru\nemail:\n  from: Отдел кадров <kadry@кадры.рф>\n  to: all@кадры.рф\n"
    data = tiny_data()
    data["language"] = "ru"  # the From above is the Russian one: only a Russian standard takes it
    data["owner"]["email"] = "ann@кадры.рф"
    data["contacts"][0]["email"] = "bob@пример.испытание"
    repo = make_repo(tmp_path, {"tiny-service.yaml": to_yaml(data)}, config=config)
    build_repo(repo, tmp_path / "out", formats=("eml", "html", "md"))
    out = tmp_path / "out" / "tiny-service"
    raw = (out / "email.eml").read_bytes()
    message, _, html = eml_parts(raw)
    assert [(a.display_name, a.addr_spec) for a in message["From"].addresses] == [
        ("Отдел кадров", "kadry@xn--80aiq0a9c.xn--p1ai")
    ]
    assert [a.addr_spec for a in message["To"].addresses] == ["all@xn--80aiq0a9c.xn--p1ai"]
    assert message["Message-ID"].endswith("@xn--80aiq0a9c.xn--p1ai>")
    assert raw.split(b"\r\n\r\n")[0].isascii()
    guide_md = (out / "guide.md").read_text(encoding="utf-8")
    guide_html = (out / "guide.html").read_text(encoding="utf-8")
    for document in (guide_md, guide_html, html):
        assert "bob@пример.испытание" in document  # people read the address as typed
        assert "mailto:bob@xn--e1afmkfd.xn--80akhbyknj4f" in document


@pytest.mark.parametrize(
    ("field", "typed", "file", "line", "col"),
    [
        ("owner.email", "аня@кадры.рф", STANDARD, 12, 10),
        ("to", "кадры@кадры.рф", "memogen.yaml", 3, 7),
        ("from", "Кадры <кадры@example.com>", "memogen.yaml", 3, 9),
    ],
)
def test_non_latin_mailbox_name_is_refused_with_a_hint(
    field: str, typed: str, file: str, line: int, col: int, tmp_path: Path
) -> None:
    shown = typed.partition("<")[2].rstrip(">") or typed
    dotted = FIELDS[field][3]
    assert _validation_error(tmp_path, field, typed) == (
        f"{file}:{line}:{col}: error: {dotted}: '{shown}' has letters outside latin before "
        "the '@', which mail cannot deliver without SMTPUTF8 (use a latin mailbox name; the "
        "domain may stay as it is, e.g. kadry@кадры.рф)"
    )


@pytest.mark.parametrize("typed", ["ann@кадры..рф", "ann@-кадры.рф", "ann@кадры", "ann@"])
def test_malformed_internationalised_domain_is_not_an_address(typed: str, tmp_path: Path) -> None:
    assert _validation_error(tmp_path, "owner.email", typed) == (
        f"{STANDARD}:12:10: error: owner.email: '{typed}' is not an email address "
        "(write it as name@example.com)"
    )


@pytest.mark.parametrize("case", ["ascii-long", "quotes-and-semicolons"])
def test_owner_name_never_becomes_a_recipient_of_a_change_notice(
    case: str, tmp_path: Path, cli: Cli
) -> None:
    """`memogen diff --notice` writes an email too: the same headers, the same guarantee."""
    data = tiny_data()
    data["owner"]["name"] = HOSTILE_NAMES[case]
    repo = make_repo(tmp_path, {})
    (repo / "old.yaml").write_text(to_yaml(data), encoding="utf-8")
    data["deadline"] = "5 business days"
    (repo / "new.yaml").write_text(to_yaml(data), encoding="utf-8")
    ran = cli("diff", "old.yaml", "new.yaml", "--notice", "notices", cwd=repo)
    assert ran.code == 0, ran
    raw = (repo / "notices" / "tiny-service" / "notice.eml").read_bytes()
    message, _, _ = eml_parts(raw)
    assert [a.addr_spec for a in message["From"].addresses] == ["ann.lee@example.com"]
    assert mailboxes_as_mail_clients_read(raw, "From") == [
        (HOSTILE_NAMES[case], "ann.lee@example.com")
    ]
    assert b"evil" not in raw.split(b"\r\n\r\n")[0]
