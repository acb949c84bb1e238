"""`memogen diff --notice DIR`: a change notice is an email and a page made from hostile
fields, old and new; they stay text in every part, and the headers are memogen's own."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from memogen.cli import main

from .adversarial_kit import (
    eml_parts,
    html_problems,
    html_reading,
    mailboxes_as_mail_clients_read,
    tiny_data,
    to_yaml,
)

TITLE = '"><img src=x onerror=alert(1)> <script>alert(2)</script> [x](javascript:alert(3))'
OWNER = 'Eve "><svg onload=alert(1)> <eve@attacker.example>, all@example.com'


def test_hostile_fields_stay_text_in_a_change_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = tiny_data()
    old["title"], old["owner"]["name"] = TITLE, OWNER
    new = tiny_data()
    new["title"], new["owner"]["name"] = TITLE, OWNER
    new["deadline"] = "5 business days"
    for name, data in (("old.yaml", old), ("new.yaml", new)):
        (tmp_path / name).write_text(to_yaml(data), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["diff", "old.yaml", "new.yaml", "--notice", "notices"])
    assert result.exit_code == 0, result.output
    folder = tmp_path / "notices" / "tiny-service"
    html = (folder / "notice.html").read_text(encoding="utf-8")
    assert html_problems(html) == []
    raw = (folder / "notice.eml").read_bytes()
    message, plain, eml_html = eml_parts(raw)
    assert html_problems(eml_html) == []
    assert [link for link in html_reading(html)[1] if "javascript" in link[0]] == []
    assert mailboxes_as_mail_clients_read(raw, "From") == [(OWNER, "ann.lee@example.com")]
    recipients = {a.addr_spec for a in message["To"].addresses}
    assert not recipients & {"eve@attacker.example", "all@example.com"}
    assert "<script>alert(2)</script>" in plain  # text, as typed, in the plain part
