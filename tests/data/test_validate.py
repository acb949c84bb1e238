"""Validation: every rule of the format, tested verbatim against paired fixtures.

Each case is a small repo, `tests/fixtures/bad/<case>/`: `standards/<id>.yaml` (the
valid tiny standard with one thing wrong) and/or a `memogen.yaml`, and `expected.txt`,
the exact output of `memogen validate` run in that folder.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from memogen.cli import main
from memogen.data.config import load_config
from memogen.data.config_model import Config
from memogen.data.loader import load_bytes
from memogen.data.models import Standard
from memogen.data.scaffold import new_standard_text
from memogen.data.validate import check_standards
from memogen.data.wording import dotted_path, to_model

TESTS = Path(__file__).resolve().parents[1]
REPO = TESTS.parent
BAD = TESTS / "fixtures" / "bad"
BAD_CASES = sorted(path for path in BAD.iterdir() if path.is_dir())


def run_validate(folder: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    monkeypatch.chdir(folder)
    result = CliRunner().invoke(main, ["validate", *args])
    return result.exit_code, result.output


@pytest.mark.parametrize("case", BAD_CASES, ids=[case.name for case in BAD_CASES])
def test_bad_fixture_gives_the_expected_report(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = (case / "expected.txt").read_text(encoding="utf-8")
    exit_code, output = run_validate(case, monkeypatch)
    assert output == expected
    assert exit_code == (1 if ": error: " in expected else 0)


def test_every_bad_case_has_an_input_and_an_expectation() -> None:
    """A guard against a case folder losing its expectation or its input."""
    for case in BAD_CASES:
        assert (case / "expected.txt").is_file(), case.name
        assert (case / "memogen.yaml").is_file() or list(case.glob("standards/**/*.y*ml")), (
            case.name
        )


# --- the good files -------------------------------------------------------------------------


def test_example_standards_are_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    exit_code, output = run_validate(REPO, monkeypatch)
    count = len(list((REPO / "standards").glob("*.yaml")))
    assert (exit_code, output) == (0, f"{count} files checked, all valid\n")


def test_repo_config_is_valid() -> None:
    config = load_config(REPO / "memogen.yaml")
    assert (config.texts("ru").organisation, config.texts("en").organisation) == (
        "ООО «Пример»",
        "Primer LLC",
    )


def test_scaffold_of_memogen_new_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "standards" / "new-service.yaml"
    path.parent.mkdir()
    path.write_text(new_standard_text("new-service"), encoding="utf-8")
    checked = check_standards([(path, "standards/new-service.yaml")], Config())
    assert checked.issues == []
    assert [standard.id for standard in checked.standards] == ["new-service"]


def test_the_english_template_of_memogen_new_is_valid_and_english(tmp_path: Path) -> None:
    path = tmp_path / "standards" / "new-service.yaml"
    path.parent.mkdir()
    path.write_text(new_standard_text("new-service", "en"), encoding="utf-8")
    checked = check_standards([(path, "standards/new-service.yaml")], Config())
    assert checked.issues == []
    assert [standard.language for standard in checked.standards] == ["en"]
    assert not re.search("[а-яё]", path.read_text("utf-8"), re.I)


def test_tiny_fixture_is_valid(valid_standard_text: str) -> None:
    standard, issues = to_model(Standard, load_bytes(valid_standard_text.encode(), "t.yaml"))
    assert issues == []
    assert standard is not None and standard.id == "tiny-service"


# --- what a valid standard becomes ------------------------------------------------------------


def test_missing_language_comes_from_the_config(write_repo, valid_standard_text: str) -> None:
    text = valid_standard_text.replace("language: en\n", "")
    repo = write_repo({"standards/tiny-service.yaml": text})
    path = repo / "standards" / "tiny-service.yaml"
    checked = check_standards([(path, "x")], Config(language="en"))
    assert [standard.language for standard in checked.standards] == ["en"]


def test_typed_text_gets_its_type_from_the_model(valid_standard_text: str) -> None:
    text = valid_standard_text.replace('version: "1.0"', "version: 1.10").replace(
        "clients: All staff", "clients: no"
    )
    standard, _ = to_model(Standard, load_bytes(text.encode(), "t.yaml"))
    assert standard is not None
    assert (standard.version, standard.clients, standard.inputs[0].required) == ("1.10", "no", True)


def test_invalid_standard_is_not_passed_on(write_repo, valid_standard_text: str) -> None:
    text = valid_standard_text.replace("deadline: 3 business days", "deadline: 2 business days")
    repo = write_repo({"standards/tiny-service.yaml": text})
    checked = check_standards([(repo / "standards" / "tiny-service.yaml", "x")], Config())
    assert checked.standards == []


def test_standard_with_only_a_warning_is_passed_on(write_repo, valid_standard_text: str) -> None:
    text = valid_standard_text.replace("deadline: 3 business days", "deadline: 2 weeks")
    repo = write_repo({"standards/tiny-service.yaml": text})
    checked = check_standards([(repo / "standards" / "tiny-service.yaml", "x")], Config())
    assert [standard.id for standard in checked.standards] == ["tiny-service"]
    assert [issue.severity for issue in checked.issues] == ["warning"]


def test_errors_in_several_files_are_all_reported(write_repo, valid_standard_text: str) -> None:
    repo = write_repo(
        {
            "standards/tiny-service.yaml": valid_standard_text.replace("memogen: 1", "memogen: 2"),
            "standards/other-one.yaml": "id: other-one\n",
        }
    )
    files = [(path, path.name) for path in sorted((repo / "standards").glob("*.yaml"))]
    checked = check_standards(files, Config())
    assert sorted({issue.file for issue in checked.errors}) == [
        "other-one.yaml",
        "tiny-service.yaml",
    ]


def test_missing_config_file_gives_the_defaults(tmp_path: Path) -> None:
    assert load_config(tmp_path / "memogen.yaml") == Config()


def test_empty_config_file_gives_the_defaults(tmp_path: Path) -> None:
    (tmp_path / "memogen.yaml").write_text("# nothing yet\n", encoding="utf-8")
    assert load_config(tmp_path / "memogen.yaml") == Config()


def test_logo_inside_the_repo_is_accepted(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    (tmp_path / "memogen.yaml").write_text("logo: assets/logo.svg\n", encoding="utf-8")
    assert load_config(tmp_path / "memogen.yaml").logo == "assets/logo.svg"


def test_dotted_path_counts_list_items_from_one() -> None:
    assert dotted_path(("stages", 1, "deadline")) == "stages.2.deadline"


# --- acknowledgement and deadline -----------------------------------------------------------


def test_an_acknowledgement_on_another_clock_than_the_deadline_is_not_compared(
    write_repo, valid_standard_text: str
) -> None:
    """4 business hours to confirm, 2 weeks in all: a common pair, and valid."""
    text = valid_standard_text.replace("deadline: 3 business days", "deadline: 2 weeks")
    repo = write_repo({"standards/tiny-service.yaml": text})
    checked = check_standards([(repo / "standards" / "tiny-service.yaml", "x")], Config())
    assert [i.path for i in checked.issues] == ["deadline"]  # the stages' own warning only


# --- where standards live -------------------------------------------------------------------


def test_standards_in_department_subfolders_are_found_and_named_from_the_repo(
    write_repo, valid_standard_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    hr = valid_standard_text.replace("id: tiny-service", "id: hr-service")
    repo = write_repo(
        {
            "standards/tiny-service.yaml": valid_standard_text,
            "standards/hr/hr-service.yaml": hr,
            "standards/hr/payroll/hr-service2.yaml": hr.replace("id: hr-service", "id: bad id"),
            "standards/.drafts/ignored.yaml": "not: a standard",
        }
    )
    code, output = run_validate(repo, monkeypatch)
    assert (code, output.splitlines()) == (
        1,
        [
            "standards/hr/payroll/hr-service2.yaml:2:5: error: id: 'bad id' is not a valid id "
            "(use 3–64 lowercase latin letters, digits and '-', e.g. purchase-request)",
            "3 files checked: 1 error(s), 0 warning(s)",
        ],
    )


def test_a_file_checked_on_its_own_still_clashes_with_its_id_in_another_folder(
    write_repo, valid_standard_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`memogen validate standards/it/x.yaml` (what `memogen new` suggests) and a build of
    that file see the repo's other x.yaml: a build would write over its output."""
    repo = write_repo(
        {
            "standards/hr/tiny-service.yaml": valid_standard_text,
            "standards/it/tiny-service.yaml": valid_standard_text,
            "standards/it/other/tiny-service.yaml": "id: not-the-same\n",
        }
    )
    code, output = run_validate(repo, monkeypatch, "standards/it/tiny-service.yaml")
    assert (code, output.splitlines()) == (
        1,
        [
            "standards/it/tiny-service.yaml:2:5: error: id: the id 'tiny-service' is already "
            "used (by standards/hr/tiny-service.yaml:2; every standard needs its own id)",
            "1 file checked: 1 error(s), 0 warning(s)",
        ],
    )


def total_deadline_warning(tmp_path: Path, valid_standard_text: str, total: str) -> str:
    path = tmp_path / "tiny-service.yaml"
    path.write_text(valid_standard_text.replace("deadline: 3 business days", total), "utf-8")
    issues = check_standards([(path, "standards/tiny-service.yaml")], Config()).issues
    return "\n".join(issue.text() for issue in issues)


def test_a_total_in_plain_days_over_business_day_stages_names_their_unit_and_the_fix(
    tmp_path: Path, valid_standard_text: str
) -> None:
    from memogen import i18n

    assert total_deadline_warning(tmp_path, valid_standard_text, "deadline: 3 дня") == (
        "standards/tiny-service.yaml:35:11: warning: deadline: the total deadline '3 дня' counts "
        "calendar time, but the stages count business days (if you mean business time, "
        "write '3 рабочих дня')"
    )
    i18n.use("ru")
    assert total_deadline_warning(tmp_path, valid_standard_text, "deadline: 3 дня") == (
        "standards/tiny-service.yaml:35:11: warning: deadline: общий срок '3 дня' считается "
        "в календарном времени, а этапы — в рабочих днях (если имеется в виду рабочее время, "
        "напишите '3 рабочих дня')"
    )


def test_text_cut_as_a_comment_is_warned_about_in_russian_with_memogen_lang_ru(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The owner who typed «Кофе-брейк #2» reads the warning in their own language."""
    from memogen import i18n

    monkeypatch.setenv("MEMOGEN_LANG", "ru")
    i18n.use("ru")
    code, output = run_validate(BAD / "config-comment-cuts-a-value", monkeypatch)
    assert (code, output.splitlines()) == (
        0,
        [
            "memogen.yaml:1:20: warning: organisation: текст после ' #' — комментарий YAML, он "
            "пропущен: «#1 in widgets» (возьмите всё значение в кавычки, чтобы сохранить его)",
            "проверено: 1 файл; 0 ошибок, 1 предупреждение",
        ],
    )
