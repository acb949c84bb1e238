"""memogen.render.ack and the `ack` artifact: the staff's rows, blank rows to the end of the
page, and the sheet's text and table in its PDF and HTML."""

from __future__ import annotations

import re
import subprocess

import pytest
from click.testing import CliRunner

from memogen.cli import main
from memogen.data.staff import StaffMember
from memogen.render.ack import FIRST_PAGE_ROWS, NEXT_PAGE_ROWS, ack_rows
from tests.conftest import VALID_STANDARD_FILE, RepoWriter


def test_the_staff_come_first_then_blank_rows_fill_the_page() -> None:
    rows = ack_rows((StaffMember("Ann Lee", "Engineer"),))
    assert rows[0] == {"number": 1, "name": "Ann Lee", "position": "Engineer"}
    assert rows[1] == {"number": 2, "name": "", "position": ""}
    assert len(rows) == FIRST_PAGE_ROWS
    many = ack_rows(tuple(StaffMember(f"P{n}", "") for n in range(FIRST_PAGE_ROWS + 1)))
    assert len(many) == FIRST_PAGE_ROWS + NEXT_PAGE_ROWS


def test_the_sheet_names_the_standard_and_lists_the_staff(
    write_repo: RepoWriter, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = VALID_STANDARD_FILE.read_text(encoding="utf-8").replace("language: en", "language: ru")
    text += "approved:\n  by: Пётр Сидоров\n  date: 2026-11-20\n"
    repo = write_repo(
        {"standards/tiny-service.yaml": text, "staff.csv": "name,position\nИрина Петрова,Юрист\n"},
        config="organisation: ООО «Пример»\nack:\n  staff: staff.csv\n",
    )
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(main, ["build", "--artifact", "ack", "--format", "html,pdf"])
    assert result.exit_code == 0, result.output
    out = repo / "output" / "tiny-service"
    pdf_text = subprocess.run(
        ["pdftotext", "-layout", str(out / "ack.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for words in (
        "ООО «Пример»",
        "Лист ознакомления",
        "со стандартом «Tiny service»",
        "tiny-service",
        "Пётр Сидоров, 20 ноября 2026",
        "ФИО",
        "Должность",
        "Подпись",
    ):
        assert words in pdf_text.replace("\u202f", " "), words
    assert re.search(r"1\s+Ирина Петрова\s+Юрист", pdf_text)
    html = (out / "ack.html").read_text(encoding="utf-8")
    assert html.count('<td class="num">') == FIRST_PAGE_ROWS
    assert '<td class="name">Ирина Петрова</td>' in html
