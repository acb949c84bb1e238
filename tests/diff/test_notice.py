"""memogen.diff.notice: DIR/<id>/notice.{eml,html,txt}, parsed back: the old and the new
deadline both in the text part, breaking changes first, only when clients must know."""

from __future__ import annotations

from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from html import unescape
from pathlib import Path

import pytest
from click.testing import CliRunner

from memogen.cli import main
from tests.diff.diff_kit import TINY, edited

RU = edited("language: en", "language: ru")
LONGER_WITH_FAQ = (
    edited("\ndeadline: 3 business days", "\ndeadline: 5 business days", RU)
    + "faq:\n  - q: Можно ли быстрее?\n    a: Нет.\n"
)


def notice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "old.yaml").write_text(old, encoding="utf-8")
    (tmp_path / "new.yaml").write_text(new, encoding="utf-8")
    result = CliRunner().invoke(main, ["diff", "old.yaml", "new.yaml", "--notice", "out"])
    assert result.exit_code == 0, result.output
    return tmp_path / "out" / "tiny-service"


def test_the_notice_says_the_old_and_the_new_deadline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = notice(tmp_path, monkeypatch, RU, LONGER_WITH_FAQ)
    assert sorted(p.name for p in folder.iterdir()) == ["notice.eml", "notice.html", "notice.txt"]
    message = message_from_bytes((folder / "notice.eml").read_bytes(), policy=default)
    assert isinstance(message, EmailMessage)
    assert message["Subject"] == "Изменения в стандарте «Tiny service»"
    text_part = message.get_body(("plain",))
    assert text_part is not None
    # the typesetter's no-break spaces read as spaces
    text = text_part.get_content().replace("\r\n", "\n").replace("\u202f", " ").replace("\xa0", " ")
    assert "С 1 декабря 2026 г. действует редакция 1.0" in text
    assert "Было: 3 рабочих дня\n  Стало: 5 рабочих дней" in text
    breaking = text.index("ЧТО ТЕПЕРЬ ДЕЛАТЬ ИНАЧЕ")
    assert breaking < text.index("Новый ответ на частый вопрос: «Можно ли быстрее?»")
    html = unescape((folder / "notice.html").read_text(encoding="utf-8")).replace("\xa0", " ")
    assert "3 рабочих дня" in html and "5 рабочих дней" in html


def test_wording_alone_sends_no_notice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = notice(tmp_path, monkeypatch, TINY, edited("small things", "little things"))
    assert not folder.exists()
