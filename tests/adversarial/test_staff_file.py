"""The staff CSV of `ack.staff` is hostile input too: it stays inside the repo, a link out of
it is never read, it is small (2 MiB), and the sheet takes its first 2,000 people."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from memogen import i18n
from memogen.cli import main
from memogen.data.staff import MAX_STAFF, read_staff
from tests.conftest import RepoWriter

HEADER = "name,position\n"
MISSING = (
    "staff.csv:1:1: error: the staff list is missing from the repo "
    "(check the path of ack.staff; it is relative to memogen.yaml)"
)


@pytest.mark.parametrize("path", ["../staff.csv", "/etc/passwd", "~/staff.csv"])
def test_a_staff_path_that_leaves_the_repo_is_an_error_at_memogen_yaml(
    write_repo: RepoWriter, monkeypatch: pytest.MonkeyPatch, path: str
) -> None:
    monkeypatch.chdir(write_repo({}, config=f"ack:\n  staff: '{path}'\n"))
    result = CliRunner().invoke(main, ["validate"])
    assert result.exit_code == 1
    assert result.output.startswith(
        f"memogen.yaml:2:10: error: ack.staff: '{path}' is not a pattern inside the repo"
    )


def test_a_staff_list_linking_out_of_the_repo_is_refused_unread(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("outside") / "secret.csv"
    outside.write_text(HEADER + "SECRET NAME,Director\n", encoding="utf-8")
    (tmp_path / "staff.csv").symlink_to(outside)
    staff, issues = read_staff(tmp_path, "staff.csv")
    assert (staff, [issue.text() for issue in issues]) == ([], [MISSING])


def test_a_fifo_named_as_the_staff_list_is_never_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "staff.csv")
    staff, issues = read_staff(tmp_path, "staff.csv")
    assert (staff, [issue.text() for issue in issues]) == ([], [MISSING])


def test_a_staff_list_over_2_mib_is_refused_with_a_hint_in_the_owners_language(
    tmp_path: Path,
) -> None:
    (tmp_path / "staff.csv").write_bytes(HEADER.encode() + b"x" * (2 * 2**20))
    assert [issue.text() for issue in read_staff(tmp_path, "staff.csv")[1]] == [
        "staff.csv:1:1: error: the file is larger than 2 MiB (split the list by department)"
    ]
    i18n.use("ru")
    assert [issue.text() for issue in read_staff(tmp_path, "staff.csv")[1]] == [
        "staff.csv:1:1: error: файл больше 2 МиБ (разделите список по отделам)"
    ]


def test_the_sheet_takes_the_first_2000_people_and_says_how_many_are_left_out(
    tmp_path: Path,
) -> None:
    rows = "".join(f"Person {n},Clerk\n" for n in range(1, MAX_STAFF + 4))
    (tmp_path / "staff.csv").write_text(HEADER + rows, encoding="utf-8")
    staff, issues = read_staff(tmp_path, "staff.csv")
    assert (len(staff), staff[-1].name) == (2000, "Person 2000")
    assert [issue.text() for issue in issues] == [
        "staff.csv:2002:1: warning: the sheet lists the first 2000 people; 3 more are left out "
        "(split the list by department)"
    ]


def test_hostile_staff_names_stay_text_on_the_acknowledgement_sheet(
    write_repo: RepoWriter, monkeypatch: pytest.MonkeyPatch, valid_standard_text: str
) -> None:
    staff = (
        HEADER + '"<script>alert(1)</script>","<img src=x onerror=alert(2)> {{ 7*7 }}"\n'
        '"=HYPERLINK(""https://evil.example"")",Clerk\n'
    )
    repo = write_repo(
        {"standards/tiny-service.yaml": valid_standard_text, "staff.csv": staff},
        config="ack:\n  staff: staff.csv\n",
    )
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(main, ["build", "--artifact", "ack", "--format", "html"])
    assert result.exit_code == 0, result.output
    html = (repo / "output" / "tiny-service" / "ack.html").read_text(encoding="utf-8")
    assert (
        '<td class="name">&lt;script&gt;alert(1)&lt;/script&gt;</td>'
        '<td class="position">&lt;img src=x onerror=alert(2)&gt; {{ 7*7 }}</td>'
    ) in html
    assert '<td class="name">=HYPERLINK(&#34;https://evil.example&#34;)</td>' in html
    assert "<script" not in html and "<img" not in html
