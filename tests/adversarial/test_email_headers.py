"""Guarantee 6 — email headers: every field that reaches a header (title, subject_prefix, from,
to, the owner's name and email) refuses line breaks, control characters, U+2028/2029 and
encoded words at validation, with its location; addresses are parsed strictly; every .eml
parses back with `raise_on_defect=True`. Python 3.11.7 predates the fix for CVE-2024-6923,
so none of this may rely on the email package."""

from __future__ import annotations

from pathlib import Path

import pytest

from memogen.errors import UserError
from memogen.formats.email import build_eml
from memogen.validate import check_standards, load_config

from .adversarial_kit import TINY_TEXT, build_repo, eml_parts, make_repo, tiny_data, to_yaml

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
    assert data["title"] in " ".join(plain.split()) and data["title"] in " ".join(html.split())


@pytest.mark.parametrize(
    "subject", ["A\r\nBcc: x@example.com", "A\nB", "A\u2028B", "=?utf-8?q?x?=", "A\x00B"]
)
def test_the_email_writer_itself_refuses_unsafe_header_text(subject: str) -> None:
    """Validation refuses these first; the writer checks again rather than trust the email
    package (defence in depth)."""
    with pytest.raises(ValueError, match="unsafe header text"):
        build_eml(subject, ("Ann", "ann@example.com"), ("", "all@example.com"), "<p>x</p>", "x", 0)
