"""Unit tests for memogen.data.scaffold: `memogen new ID` writes a valid standard to start from."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from memogen.data.config_model import Config
from memogen.data.scaffold import new_standard_text, write_new_standard
from memogen.data.validate import check_standards
from memogen.errors import UserError


def test_the_new_standard_is_written_in_a_new_folder_and_is_valid_as_it_is(
    tmp_path: Path,
) -> None:
    path = write_new_standard("purchase-request", tmp_path / "standards" / "finance")
    assert path == tmp_path / "standards" / "finance" / "purchase-request.yaml"
    checked = check_standards([(path, "standards/finance/purchase-request.yaml")], Config())
    assert checked.issues == []
    assert [standard.id for standard in checked.standards] == ["purchase-request"]


def test_the_template_gets_the_id_everywhere_it_names_it() -> None:
    text = new_standard_text("it-help")
    assert "__ID__" not in text
    assert "id: it-help\n" in text
    assert "# Стандарт внутреннего сервиса." in text  # the comments stay, in Cyrillic


@pytest.mark.parametrize("bad", ["ab", "Purchase", "покупка", "a_b-c", "-abc", "abc\n", "x" * 65])
def test_an_id_that_is_not_3_to_64_lowercase_latin_letters_digits_and_dashes_is_refused(
    tmp_path: Path, bad: str
) -> None:
    with pytest.raises(UserError) as raised:
        write_new_standard(bad, tmp_path)
    assert str(raised.value) == (
        f"'{bad}' is not a valid id: use 3–64 lowercase latin letters, digits and '-', "
        "e.g. purchase-request"
    )
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / "it-help.yaml").write_text("mine\n", encoding="utf-8")
    with pytest.raises(UserError) as raised:
        write_new_standard("it-help", tmp_path)
    assert str(raised.value) == (
        f"{tmp_path / 'it-help.yaml'} already exists; choose another id or edit that file"
    )
    assert (tmp_path / "it-help.yaml").read_text(encoding="utf-8") == "mine\n"


def test_an_id_a_department_folder_already_has_is_refused(tmp_path: Path) -> None:
    """Ids stay unique across the folders of standards/: no second it-help.yaml beside it."""
    (tmp_path / "it" / "help").mkdir(parents=True)
    (tmp_path / "it" / "help" / "it-help.yaml").write_text("mine\n", encoding="utf-8")
    with pytest.raises(UserError) as raised:
        write_new_standard("it-help", tmp_path)
    assert str(raised.value) == (
        f"{tmp_path / 'it' / 'help' / 'it-help.yaml'} already exists; "
        "choose another id or edit that file"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["it"]


def test_a_folder_that_cannot_be_made_is_a_user_error_that_points_to_dir(tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("a file, not a folder\n", encoding="utf-8")
    with pytest.raises(UserError) as raised:
        write_new_standard("it-help", tmp_path / "taken")
    assert str(raised.value) == (
        f"cannot write {tmp_path / 'taken' / 'it-help.yaml'}: {os.strerror(errno.EEXIST)}; "
        "choose a folder you may write to with --dir"
    )
