"""A `mailto:` link writes to the address the document prints, and only to it: a mailbox name
may hold `?`, `=`, `&`, `#` and `%` (RFC 5322 allows them), and a mail client reads them in a
`mailto:` URI as the start of headers (`?cc=`, `&bcc=`) unless they are percent-encoded
(RFC 6068). The same link in every medium: HTML, Markdown, the email, the QR code, Word."""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import unquote, urlsplit

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT

from memogen.data.config import load_config
from memogen.data.validate import check_standards
from memogen.render.context import standard_context
from memogen.render.filters import mailto
from memogen.render.worker import Job, render_standard

from .adversarial_kit import tiny_data, to_yaml

HOSTILE_MAILBOX = "help?cc=all&bcc=spy%40evil.example#x@кадры.рф"
SAFE_LINK = "mailto:help%3Fcc%3Dall%26bcc%3Dspy%2540evil.example%23x@xn--80aiq0a9c.xn--p1ai"


def test_a_mailbox_name_never_adds_recipients_or_headers_to_a_mailto_link() -> None:
    link = mailto(HOSTILE_MAILBOX)
    assert link == SAFE_LINK
    parts = urlsplit(link)
    assert (parts.query, parts.fragment) == ("", "")
    assert unquote(parts.path) == "help?cc=all&bcc=spy%40evil.example#x@xn--80aiq0a9c.xn--p1ai"


@pytest.mark.parametrize(
    ("address", "link"),
    [
        ("hr@example.com", "mailto:hr@example.com"),
        ("ann.o'neil+hr@example.com", "mailto:ann.o'neil+hr@example.com"),
        ("a_b-c~d!e$f*@example.com", "mailto:a_b-c~d!e$f*@example.com"),
    ],
)
def test_a_plain_mailbox_name_stays_readable_in_its_link(address: str, link: str) -> None:
    assert mailto(address) == link


def test_the_word_files_and_the_mail_qr_code_link_the_same_safe_address_shown_as_typed(
    tmp_path: Path,
) -> None:
    data = tiny_data()
    data["request"] = {
        **data["request"],
        "channel": "email",
        "form_url": None,
        "address": HOSTILE_MAILBOX,
    }
    source = tmp_path / "tiny-service.yaml"
    source.write_text(to_yaml(data), encoding="utf-8")
    config = load_config(None)
    checked = check_standards([(source, "standards/tiny-service.yaml")], config)
    assert checked.errors == []
    standard = checked.standards[0]
    assert standard_context(standard, config)["mail_uri"].startswith(SAFE_LINK + "?subject=")
    out = tmp_path / "out"
    rendered = render_standard(Job(standard, config, None, ("memo", "guide"), ("docx",), out))
    for relative in sorted(rendered.files):
        document = docx.Document(io.BytesIO((out / relative).read_bytes()))
        links = {
            rel.target_ref for rel in document.part.rels.values() if rel.reltype == RT.HYPERLINK
        }
        assert {link for link in links if link.startswith("mailto:")} == {SAFE_LINK}, relative
        shown = [text.text for text in document.element.body.xpath(".//w:hyperlink//w:t")]
        assert HOSTILE_MAILBOX in shown, relative  # the paper copy prints it as typed
