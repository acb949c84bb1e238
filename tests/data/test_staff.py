"""memogen.data.staff: the staff CSV of `ack.staff`, each bad row a located error (through
`memogen validate`, as memogen.yaml's other problems)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from memogen.cli import main
from memogen.data.staff import StaffMember, read_staff
from tests.conftest import RepoWriter


def test_the_staff_are_read_in_order_with_their_positions(tmp_path: Path) -> None:
    (tmp_path / "staff.csv").write_text(
        "position;name\nМенеджер;Ирина  Петрова\n;Пётр Сидоров\n", encoding="utf-8"
    )
    assert read_staff(tmp_path, "staff.csv") == (
        [StaffMember("Ирина Петрова", "Менеджер"), StaffMember("Пётр Сидоров", "")],
        [],
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "name,position\nAnn Lee,Engineer\n,Manager\n",
            "staff.csv:3:1: error: name: the name is empty (write the person's full name, "
            "or delete the line)",
        ),
        (
            "name,position\nLee, Ann,Engineer\n",
            "staff.csv:2:1: error: the line has 3 value(s), the first line names 2 column(s) "
            "(put quotes around a value with a comma or a semicolon in it)",
        ),
        (
            "name,role\nAnn Lee,Engineer\n",
            "staff.csv:1:1: error: the column 'position' is missing (the first line names the "
            "columns: name,position)",
        ),
    ],
    ids=["empty-name", "unquoted-comma", "missing-column"],
)
def test_a_bad_staff_row_is_a_located_error(
    write_repo: RepoWriter, monkeypatch: pytest.MonkeyPatch, text: str, expected: str
) -> None:
    repo = write_repo({"staff.csv": text}, config="ack:\n  staff: staff.csv\n")
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(main, ["validate"])
    assert (result.exit_code, result.output.splitlines()[0]) == (1, expected)


def test_a_missing_staff_file_is_an_error(tmp_path: Path) -> None:
    assert (
        read_staff(tmp_path, "staff.csv")[1][0].message == "the staff list is missing from the repo"
    )
