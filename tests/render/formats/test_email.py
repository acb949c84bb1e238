"""Unit tests for memogen.render.formats.email: the .eml's envelope, its two parts, and a
Date that comes from SOURCE_DATE_EPOCH or the standard, never from the clock."""

from __future__ import annotations

import base64
import re
from datetime import date
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from pathlib import Path

import pytest

from memogen.data.config_model import Config
from memogen.data.lifecycle import LATEST_EPOCH, source_date_epoch
from memogen.data.models import Standard
from memogen.data.validate import check_standards
from memogen.errors import UserError
from memogen.render.formats.email import (
    build_eml,
    inline_css,
    logo_cid,
    mailbox_header,
    standard_eml,
    standard_epoch,
)
from memogen.render.worker import Job, render_standard

REPO = Path(__file__).resolve().parents[3]
ANN = ("Ann Lee", "ann.lee@example.com")
ALL = ("", "all@example.com")


def parsed(raw: bytes) -> EmailMessage:
    message = message_from_bytes(raw, policy=default)
    assert isinstance(message, EmailMessage)
    return message


def test_an_eml_is_two_utf8_parts_with_the_envelope_given() -> None:
    raw = build_eml("Справки за 3 дня", ANN, ALL, "<p>Привет</p>", "Привет", 86400)
    message = parsed(raw)
    assert message["Subject"] == "Справки за 3 дня"
    assert (str(message["From"]), str(message["To"])) == (
        "Ann Lee <ann.lee@example.com>",
        "all@example.com",
    )
    assert message["Date"] == "Fri, 02 Jan 1970 00:00:00 +0000"
    assert re.fullmatch(r"<[0-9a-f]{32}@example\.com>", message["Message-ID"])
    plain, html = (part.get_content() for part in message.iter_parts())
    assert (plain, html) == ("Привет\r\n", "<p>Привет</p>\r\n")
    assert message.get_content_type() == "multipart/alternative"


def test_the_same_content_gives_the_same_bytes_and_other_content_other_ids() -> None:
    one = build_eml("A", ANN, ALL, "<p>x</p>", "x", 0)
    assert one == build_eml("A", ANN, ALL, "<p>x</p>", "x", 0)
    other = build_eml("A", ANN, ALL, "<p>y</p>", "y", 0)
    assert parsed(one)["Message-ID"] != parsed(other)["Message-ID"]
    assert parsed(one).get_boundary() != parsed(other).get_boundary()


def test_the_writer_refuses_header_text_validation_should_have_refused() -> None:
    with pytest.raises(ValueError) as raised:
        build_eml("A\r\nBcc: x@example.com", ANN, ALL, "<p>x</p>", "x", 0)
    assert str(raised.value) == "unsafe header text '\\r' reached the email writer"
    with pytest.raises(ValueError) as raised:
        mailbox_header(("=?utf-8?q?Eve?=", "eve@example.com"))
    assert str(raised.value) == "unsafe header text '=?…?=' reached the email writer"


def test_a_long_cyrillic_name_is_encoded_words_cut_at_spaces_within_78_columns() -> None:
    name = "Отдел качества и сервисных стандартов компании «Ромашка»"
    header = mailbox_header((name, "quality@example.com"))
    lines = header.split("\n ")
    assert all(len(line) <= 78 - len("From: ") for line in lines)
    assert lines[-1].endswith("<quality@example.com>")
    words = re.findall(r"=\?utf-8\?b\?([^?]*)\?=", header)
    assert all(len(f"=?utf-8?b?{word}?=") <= 75 for word in words)
    parts = [base64.b64decode(word).decode("utf-8") for word in words]
    assert "".join(parts) == name and all(part.endswith(" ") for part in parts[:-1])


def test_the_standards_envelope_is_the_owner_unless_the_config_says(
    tiny_standard: Standard,
) -> None:
    message = parsed(standard_eml(tiny_standard, Config(), "<p>x</p>", "x"))
    assert (message["Subject"], str(message["From"]), str(message["To"])) == (
        "Tiny service",
        "Ann Lee <ann.lee@example.com>",
        "Ann Lee <ann.lee@example.com>",
    )
    assert message["Date"] == "Tue, 01 Dec 2026 09:00:00 +0000"  # `effective`, at 9 UTC
    config = Config.model_validate(
        {
            "language": "en",  # plain settings are in the company's language: the standard's
            "email": {
                "from": "Quality office <quality@example.com>",
                "to": "all@example.com",
                "subject_prefix": "[Standards]",
            },
        }
    )
    message = parsed(standard_eml(tiny_standard, config, "<p>x</p>", "x"))
    assert (message["Subject"], str(message["From"]), str(message["To"])) == (
        "[Standards] Tiny service",
        "Quality office <quality@example.com>",
        "all@example.com",
    )


def test_an_english_standard_in_a_russian_company_takes_its_english_settings(
    tiny_standard: Standard,
) -> None:
    config = Config.model_validate(
        {
            "language": "ru",
            "email": {
                "from": {
                    "ru": "Служба качества <quality@example.com>",
                    "en": "Quality office <quality@example.com>",
                },
                "subject_prefix": {"ru": "[Стандарты]", "en": "[Service standards]"},
            },
        }
    )
    raw = standard_eml(tiny_standard, config, "<p>x</p>", "x")
    headers = raw.split(b"\r\n\r\n")[0].decode("ascii")
    message = parsed(raw)
    assert (message["Subject"], str(message["From"])) == (
        "[Service standards] Tiny service",
        "Quality office <quality@example.com>",
    )
    assert "=?utf-8?" not in headers  # nothing encoded: no Cyrillic in the headers


def test_without_english_settings_the_english_email_leaves_them_out(
    tiny_standard: Standard,
) -> None:
    config = Config.model_validate(
        {"email": {"from": "Служба качества <quality@example.com>", "subject_prefix": "[Ст]"}}
    )
    message = parsed(standard_eml(tiny_standard, config, "<p>x</p>", "x"))
    assert (message["Subject"], str(message["From"])) == (
        "Tiny service",
        "Ann Lee <ann.lee@example.com>",
    )


def test_an_owner_without_email_sends_from_memogen(tiny_standard: Standard) -> None:
    nameless = tiny_standard.model_copy(
        update={"owner": tiny_standard.owner.model_copy(update={"email": None})}
    )
    message = parsed(standard_eml(nameless, Config(), "<p>x</p>", "x"))
    assert str(message["From"]) == "memogen <noreply@example.com>"


def test_a_standard_without_an_effective_date_is_dated_the_build_day_never_1970(
    tiny_standard: Standard,
) -> None:
    undated = tiny_standard.model_copy(update={"effective": None})
    assert standard_epoch(undated, date(2026, 11, 28)) == 1795856400  # 2026-11-28 09:00 UTC


def test_the_eml_opens_as_a_draft_to_send(tiny_standard: Standard) -> None:
    message = parsed(standard_eml(tiny_standard, Config(), "<p>x</p>", "x"))
    assert message["X-Unsent"] == "1"


def test_source_date_epoch_sets_the_date(
    tiny_standard: Standard, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", " 86400 ")
    assert source_date_epoch() == 86400
    assert parsed(standard_eml(tiny_standard, Config(), "<p>x</p>", "x"))["Date"] == (
        "Fri, 02 Jan 1970 00:00:00 +0000"
    )
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "")
    assert source_date_epoch() is None
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(LATEST_EPOCH))
    assert source_date_epoch() == LATEST_EPOCH


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("-5", "-5"),
        ("1.5", "1.5"),
        ("١٢٣", "١٢٣"),  # Arabic-Indic digits: isdigit() yet no Unix time
        (str(LATEST_EPOCH + 1), str(LATEST_EPOCH + 1)),
        ("1\n::error::x" + "9" * 60, "1\\n::error::x" + "9" * 28),
    ],
)
def test_a_source_date_epoch_that_is_no_unix_time_is_one_sentence(
    given: str, shown: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", given)
    with pytest.raises(UserError) as raised:
        source_date_epoch()
    assert str(raised.value) == (
        f"SOURCE_DATE_EPOCH is '{shown}', not a whole number of seconds from 0 to "
        "253402300799 (give a Unix time such as 1767225600, or unset it)"
    )


def test_inline_css_moves_style_rules_into_attributes_and_fetches_nothing() -> None:
    html = (
        '<html><head><link rel="stylesheet" href="https://example.com/x.css">'
        "<style>p { color: red }</style></head><body><p>Счёт</p></body></html>"
    )
    inlined = inline_css(html)
    assert '<p style="color: red;">Счёт</p>' in inlined
    assert "<style>" not in inlined and "<link" not in inlined


def test_the_dark_palette_stays_a_style_element_in_the_head() -> None:
    html = (
        "<html><head><style>p { color: red }</style>"
        '<style data-kept="dark">@media (prefers-color-scheme: dark) { p { color: #fff } }</style>'
        "</head><body><p>x</p></body></html>"
    )
    assert inline_css(html) == (
        "<html><head><style>@media (prefers-color-scheme: dark) { p { color: #fff } }</style>"
        '</head><body><p style="color: red;">x</p></body></html>'
    )


def test_the_email_carries_changes_and_faq_shortened_with_the_guide_named(tmp_path: Path) -> None:
    purchase = REPO / "standards" / "purchase-request.yaml"
    checked = check_standards([(purchase, "standards/purchase-request.yaml")], Config())
    render_standard(
        Job(checked.standards[0], Config(), None, ("email",), ("html", "txt"), tmp_path)
    )
    plain = (tmp_path / "purchase-request" / "email.txt").read_text("utf-8")
    html = (tmp_path / "purchase-request" / "email.html").read_text("utf-8")
    assert "- Можно\xa0ли купить у\xa0своего поставщика?\n" in plain
    assert "Да, если у\xa0него" not in plain  # the answers stay in the guide
    assert (
        "Ответы на\xa0вопросы и\xa0все подробности\xa0— в\xa0документе «Как получить услугу»."
        in plain
    )
    # the fallback sentence breaks only its URL, never an ordinary word
    assert '<p class="fallback" style="margin: 0 0 12px;font-size: 13px;color: #5b6573;">' in html
    assert 'zk-1" style="color: #1F4E79;text-decoration: underline;word-break: break-all;">' in html
    # forced dark mode keeps a saturated background and turns text white: the total bar is
    # ink on a pale bar (inverted as a pair), the accent only its border
    assert "background-color: #f3f6f9;border-left: 6px solid #F2A900;color: #1d232b;" in html
    assert '<meta name="color-scheme" content="light dark">' in html


def test_a_long_subject_keeps_the_space_at_every_fold() -> None:
    subject = (
        "[Стандарты] Изменения в стандарте «Справки с места работы и копии трудовых документов»"
    )
    assert parsed(build_eml(subject, ANN, ALL, "<p>x</p>", "x", 0))["Subject"] == subject


def test_with_a_published_site_the_email_links_the_full_guide(tmp_path: Path) -> None:
    purchase = REPO / "standards" / "purchase-request.yaml"
    config = Config.model_validate({"site_url": "https://standards.example.com/"})
    checked = check_standards([(purchase, "standards/purchase-request.yaml")], config)
    render_standard(Job(checked.standards[0], config, None, ("email",), ("html", "txt"), tmp_path))
    plain = (tmp_path / "purchase-request" / "email.txt").read_text("utf-8")
    html = (tmp_path / "purchase-request" / "email.html").read_text("utf-8")
    guide = "https://standards.example.com/purchase-request/guide.html"
    assert (
        "Ответы на\xa0вопросы и\xa0все подробности\xa0— в\xa0документе «Как получить услугу».\n"
        f"{guide}\n" in plain
    )
    assert f'в\xa0документе «<a href="{guide}"' in html.replace("&nbsp;", "\xa0")


def test_a_logo_makes_the_html_part_related_to_an_inline_png_of_that_content_id() -> None:
    png = b"\x89PNG\r\n\x1a\nlogo"
    html = f'<p><img src="cid:{logo_cid(png)}" alt="Primer LLC"></p>'
    raw = build_eml("A", ANN, ALL, html, "x", 0, logo=png)
    message = parsed(raw)
    assert [part.get_content_type() for part in message.walk()] == [
        "multipart/alternative",
        "text/plain",
        "multipart/related",
        "text/html",
        "image/png",
    ]
    *_, image = message.walk()
    assert image["Content-ID"] == f"<{logo_cid(png)}>"
    assert image.get_content_disposition() == "inline"
    assert image.get_content() == png
    assert raw.count(b"MIME-Version") == 1
    assert raw == build_eml("A", ANN, ALL, html, "x", 0, logo=png)  # boundaries too
