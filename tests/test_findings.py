"""Unit tests for memogen.findings: what a validate or lint run found, and when it fails."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from memogen.errors import Issue, UserError
from memogen.findings import VALIDATION_RULE, FailOn, Findings, failed, validation
from memogen.lint.rules.catalog import RULES

ERROR = Issue("s.yaml", 1, 1, "", "bad", severity="error")
WARNING = Issue("s.yaml", 2, 1, "", "meh", severity="warning", rule="MG101")
INFO = Issue("s.yaml", 3, 1, "", "fyi", severity="info", rule="MG203")
RepoWriter = Callable[..., Path]  # the `write_repo` fixture of conftest.py


@pytest.mark.parametrize(
    ("fail_on", "fails_on"),
    [("error", [True, False, False]), ("warning", [True, True, False]), ("never", [False] * 3)],
)
def test_fail_on_decides_which_severities_fail_the_run(
    fail_on: FailOn, fails_on: list[bool]
) -> None:
    assert [failed([issue], fail_on) for issue in (ERROR, WARNING, INFO)] == fails_on


def test_a_run_with_no_issue_never_fails() -> None:
    assert failed([], "warning") is False


def test_an_issue_is_reported_under_its_lint_rule_and_a_schema_problem_under_mg000() -> None:
    findings = Findings("lint", ["s.yaml"], [ERROR, WARNING], rules=RULES)
    assert findings.rule_of(WARNING).id == "MG101"
    assert findings.rule_of(ERROR) == VALIDATION_RULE
    assert VALIDATION_RULE.id == "MG000"
    assert Findings("lint", [], [WARNING]).rule_of(WARNING) == VALIDATION_RULE  # rule did not run


def test_validation_checks_the_standards_folder_by_default(
    write_repo: RepoWriter, valid_standard_text: str
) -> None:
    repo = write_repo({"standards/tiny-service.yaml": valid_standard_text}, config="language: en\n")
    project, checked, findings = validation([], repo / "memogen.yaml")
    assert project is not None and project.root == repo
    assert [standard.id for standard in checked.standards] == ["tiny-service"]
    assert findings == Findings("validate", ["standards/tiny-service.yaml"], [])


def test_a_located_config_problem_is_a_finding_and_no_standard_is_checked(
    write_repo: RepoWriter, valid_standard_text: str
) -> None:
    repo = write_repo({"standards/tiny-service.yaml": valid_standard_text}, config="langauge: en\n")
    project, checked, findings = validation([], repo / "memogen.yaml")
    assert project is None and checked.standards == []
    assert [issue.text() for issue in findings.issues] == [
        f"{repo / 'memogen.yaml'}:1:1: error: langauge: unknown key 'langauge' "
        "(did you mean 'language'?)"
    ]
    assert findings.files == []


def test_a_config_file_that_does_not_exist_stops_the_run(tmp_path: Path) -> None:
    with pytest.raises(UserError) as raised:
        validation([], tmp_path / "nowhere.yaml")
    assert str(raised.value) == f"{tmp_path / 'nowhere.yaml'}: no such config file"


def test_memogen_yaml_given_to_validate_is_checked_as_the_config_not_as_a_standard(
    write_repo: RepoWriter, valid_standard_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = write_repo(
        {"standards/tiny-service.yaml": valid_standard_text},
        config="language: ru\norganisation:\n  ru: Вершина\n  de: Vershina GmbH\n",
    )
    monkeypatch.chdir(repo)
    _, _, findings = validation([Path("memogen.yaml")], None)
    assert [issue.text() for issue in findings.issues] == [
        "memogen.yaml:4:3: error: organisation.de: 'de' is not a language memogen knows "
        "(use one of: ru, en)"
    ]
    from memogen import i18n

    i18n.use("ru")
    _, _, findings = validation([Path("memogen.yaml")], None)
    assert [issue.text() for issue in findings.issues] == [
        "memogen.yaml:4:3: error: organisation.de: 'de' — язык, которого memogen не знает "
        "(выберите одно из: ru, en)"
    ]
    (repo / "memogen.yaml").write_text("language: en\n", encoding="utf-8")
    _, _, findings = validation([Path("memogen.yaml")], None)
    assert (findings.files, findings.issues) == (["memogen.yaml"], [])
    _, _, findings = validation([Path("memogen.yaml"), Path("standards")], None)
    assert (findings.files, findings.issues) == (
        ["memogen.yaml", "standards/tiny-service.yaml"],
        [],
    )
