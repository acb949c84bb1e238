"""The command line: exit codes, report formats, `schema` and `new`, never a traceback."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from memogen.cli import main
from memogen.data.schema import schema_text

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
BAD = TESTS / "fixtures" / "bad"
BAD_CASES = sorted(path for path in BAD.iterdir() if path.is_dir())
SCHEMA_FILE = REPO / "docs" / "standard.schema.json"


# The operating system's words inside memogen's messages (the C library words them).
IS_A_DIRECTORY = os.strerror(errno.EISDIR)


def invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def tiny_repo(write_repo, valid_standard_text: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repo holding the valid tiny standard, made the current folder."""
    repo = write_repo({"standards/tiny-service.yaml": valid_standard_text})
    monkeypatch.chdir(repo)
    return repo


def make_invalid(repo: Path) -> None:
    path = repo / "standards" / "tiny-service.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("deadline: 3 business days", "deadline: 2 business days"), encoding="utf-8"
    )


def make_warning(repo: Path) -> None:
    path = repo / "standards" / "tiny-service.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("deadline: 3 business days", "deadline: 2 weeks"), encoding="utf-8"
    )


# --- validate: exit codes -------------------------------------------------------------------


def test_validate_valid_repo_exits_0(tiny_repo: Path) -> None:
    result = invoke("validate")
    assert (result.exit_code, result.output) == (0, "1 file checked, all valid\n")


def test_validate_invalid_repo_exits_1(tiny_repo: Path) -> None:
    make_invalid(tiny_repo)
    assert invoke("validate").exit_code == 1


def test_validate_unknown_format_is_a_usage_error(tiny_repo: Path) -> None:
    result = invoke("validate", "--format", "xml")
    assert result.exit_code == 2
    assert "'--format'" in result.stderr and "'xml'" in result.stderr  # in click's words


def test_validate_config_folder_is_a_usage_error(tiny_repo: Path) -> None:
    assert invoke("validate", "--config", "standards").exit_code == 2


def test_validate_missing_path_exits_1_with_one_line(tiny_repo: Path) -> None:
    result = invoke("validate", "nowhere")
    assert (result.exit_code, result.stderr) == (1, "nowhere: no such file or folder\n")


def test_validate_missing_config_exits_1_with_one_line(tiny_repo: Path) -> None:
    result = invoke("validate", "--config", "other.yaml")
    assert (result.exit_code, result.stderr) == (1, "other.yaml: no such config file\n")


def test_validate_given_file_only_checks_that_file(tiny_repo: Path) -> None:
    (tiny_repo / "standards" / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    result = invoke("validate", "standards/tiny-service.yaml")
    assert (result.exit_code, result.output) == (0, "1 file checked, all valid\n")


def test_warning_alone_exits_0(tiny_repo: Path) -> None:
    make_warning(tiny_repo)
    assert invoke("validate").exit_code == 0


def test_strict_makes_a_warning_fail(tiny_repo: Path) -> None:
    make_warning(tiny_repo)
    assert invoke("validate", "--strict").exit_code == 1


def test_strict_passes_a_clean_repo(tiny_repo: Path) -> None:
    assert invoke("validate", "--strict").exit_code == 0


# --- validate: report formats ---------------------------------------------------------------


def test_json_report_has_summary_and_issues(tiny_repo: Path) -> None:
    make_invalid(tiny_repo)
    result = invoke("validate", "--format", "json")
    report = json.loads(result.stdout)
    assert report["summary"] == {"files": 1, "errors": 1, "warnings": 0}
    assert report["issues"] == [
        {
            "file": "standards/tiny-service.yaml",
            "line": 35,
            "column": 11,
            "path": "deadline",
            "severity": "error",
            "message": "the stages add up to 3 business days, more than the total deadline of "
            "2 business days",
            "hint": "shorten a stage or extend the total deadline",
        }
    ]


def test_json_report_of_a_valid_repo_is_json_too(tiny_repo: Path) -> None:
    result = invoke("validate", "--format", "json")
    assert json.loads(result.stdout) == {
        "summary": {"files": 1, "errors": 0, "warnings": 0},
        "issues": [],
    }


def test_github_report_gives_error_annotations(tiny_repo: Path) -> None:
    make_invalid(tiny_repo)
    result = invoke("validate", "--format", "github")
    assert result.stdout == (
        "::error file=standards/tiny-service.yaml,line=35,col=11::deadline: the stages add up "
        "to 3 business days, more than the total deadline of 2 business days "
        "(shorten a stage or extend the total deadline)\n"
    )


def test_github_report_gives_warning_annotations(tiny_repo: Path) -> None:
    make_warning(tiny_repo)
    assert invoke("validate", "--format", "github").stdout.startswith(
        "::warning file=standards/tiny-service.yaml,line=35,col=11::deadline: "
    )


def test_json_report_of_a_bad_config_is_json(tiny_repo: Path) -> None:
    (tiny_repo / "memogen.yaml").write_text("workday_hours: 0\n", encoding="utf-8")
    result = invoke("validate", "--format", "json")
    assert json.loads(result.stdout)["summary"]["errors"] == 1


# --- never a traceback ----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "json", "github"])
@pytest.mark.parametrize("case", BAD_CASES, ids=[case.name for case in BAD_CASES])
def test_bad_input_never_prints_a_traceback(
    case: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(case)
    result = invoke("validate", "--format", fmt)
    assert result.exit_code in (0, 1)
    assert "Traceback" not in result.output
    assert "internal error" not in result.output


@pytest.mark.parametrize(
    "content",
    [b"\x89PNG\r\n\x1a\n\x00\x00", b"\xff\xfe\x00i\x00d", b"{{{{", b"- - - -", b"id: !!binary x"],
    ids=["png", "utf16", "braces", "dashes", "binary-tag"],
)
def test_garbage_file_is_a_located_error(tiny_repo: Path, content: bytes) -> None:
    (tiny_repo / "standards" / "tiny-service.yaml").write_bytes(content)
    result = invoke("validate")
    assert result.exit_code == 1
    assert result.stdout.startswith("standards/tiny-service.yaml:1:")
    assert "Traceback" not in result.output


def test_folder_named_like_a_standard_is_an_error(tiny_repo: Path) -> None:
    (tiny_repo / "standards" / "folder.yaml").mkdir()
    result = invoke("validate")
    assert result.exit_code == 1
    assert result.stdout.startswith(
        f"standards/folder.yaml:1:1: error: cannot read the file: {IS_A_DIRECTORY}\n"
    )


# --- schema ---------------------------------------------------------------------------------


def test_schema_is_json_with_a_dialect_and_the_stages() -> None:
    result = invoke("schema")
    schema = json.loads(result.stdout)
    assert result.exit_code == 0
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "stages" in schema["properties"]


def test_schema_lists_the_required_keys() -> None:
    schema = json.loads(invoke("schema").stdout)
    assert schema["required"] == [
        "memogen",
        "id",
        "title",
        "department",
        "summary",
        "owner",
        "request",
        "inputs",
        "stages",
        "deadline",
        "result",
    ]


def test_committed_schema_is_up_to_date() -> None:
    committed = SCHEMA_FILE.read_text(encoding="utf-8") if SCHEMA_FILE.exists() else ""
    assert committed == schema_text(), (
        "docs/standard.schema.json is stale; regenerate it with:\n"
        "    python3 -m memogen schema > docs/standard.schema.json"
    )


# --- new ------------------------------------------------------------------------------------


def test_new_writes_the_scaffold(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("new", "my-service")
    assert (result.exit_code, result.stdout) == (
        0,
        "wrote standards/my-service.yaml; fill it in, then run: "
        "memogen validate standards/my-service.yaml\n",
    )
    assert "id: my-service" in (tmp_path / "standards" / "my-service.yaml").read_text("utf-8")


def test_new_scaffold_validates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    invoke("new", "my-service")
    result = invoke("validate")
    assert (result.exit_code, result.output) == (0, "1 file checked, all valid\n")


def test_new_refuses_an_existing_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "standards").mkdir()
    (tmp_path / "standards" / "my-service.yaml").write_text("mine\n", encoding="utf-8")
    result = invoke("new", "my-service")
    assert (result.exit_code, result.stderr) == (
        1,
        "standards/my-service.yaml already exists; choose another id or edit that file\n",
    )
    assert (tmp_path / "standards" / "my-service.yaml").read_text("utf-8") == "mine\n"


@pytest.mark.parametrize("bad_id", ["My_Service", "ab", "-abc", "abc-", "my-service\n", "../x-y"])
def test_new_refuses_a_bad_id(bad_id: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("new", "--", bad_id)
    assert (result.exit_code, result.stderr) == (
        1,
        f"'{bad_id}' is not a valid id: use 3–64 lowercase latin letters, digits and '-', "
        "e.g. purchase-request\n",
    )
    assert not (tmp_path / "standards").exists()


# --- the environment's mistakes are user errors: exit 1, one sentence, no traceback ---------


@pytest.fixture
def unwritable_folder(tmp_path: Path) -> tuple[Path, str]:
    """A folder this process may not write in, and the reason the system gives.

    Root writes anywhere on a normal filesystem, so as root it is a folder of /sys."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    if os.geteuid() == 0:
        folder = Path("/sys/memogen-test-folder")
    try:
        os.mkdir(folder / "probe") if folder.exists() else os.mkdir(folder)
    except OSError as exc:
        return folder, exc.strerror or ""
    pytest.skip(f"{folder} is writable here")


def test_new_in_a_read_only_folder_is_a_user_error(
    unwritable_folder: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, reason = unwritable_folder
    monkeypatch.chdir(tmp_path)
    result = invoke("new", "my-service", "--dir", str(folder))
    assert (result.exit_code, result.stdout, result.stderr) == (
        1,
        "",
        f"cannot write {folder}/my-service.yaml: {reason}; choose a folder you may write to "
        "with --dir\n",
    )


@pytest.mark.parametrize("where", ["missing folder", "a folder"])
def test_unwritable_step_summary_is_a_user_error(
    where: str, tiny_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tiny_repo / "no-such-folder" / "summary.md" if where == "missing folder" else tiny_repo
    reason = os.strerror(errno.ENOENT) if where == "missing folder" else IS_A_DIRECTORY
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(target))
    result = invoke("validate", "--format", "github")
    assert (result.exit_code, result.stdout, result.stderr) == (
        1,
        "",
        f"GITHUB_STEP_SUMMARY names {target}, which cannot be written ({reason}); unset it "
        "or point it at a file you may write to\n",
    )


@pytest.mark.parametrize(
    "given", ["99999999999999999999", "253402300800", "-1", "1e9", "soon", "1.5", "٣", "9" * 5000]
)
def test_absurd_source_date_epoch_is_a_user_error(
    given: str, tiny_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", given)
    result = invoke("build", "-j", "1", "--artifact", "email", "--format", "eml")
    assert (result.exit_code, result.stdout, result.stderr) == (
        1,
        "",
        f"SOURCE_DATE_EPOCH is '{given[:40]}', not a whole number of seconds from 0 to "
        "253402300799 (give a Unix time such as 1767225600, or unset it)\n",
    )
    assert not (tiny_repo / "output" / "tiny-service").exists()


@pytest.mark.parametrize(("given", "date"), [("0", "Thu, 01 Jan 1970"), ("", "Tue, 01 Dec 2026")])
def test_source_date_epoch_in_range_or_empty_is_used(
    given: str, date: str, tiny_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", given)
    result = invoke("build", "-j", "1", "--artifact", "email", "--format", "eml")
    assert result.exit_code == 0, result.stderr
    eml = (tiny_repo / "output" / "tiny-service" / "email.eml").read_text(encoding="utf-8")
    assert f"\nDate: {date} " in eml.replace("\r\n", "\n")


def test_an_absurd_source_date_epoch_fails_a_build_without_an_email_too(
    tiny_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The variable is checked before any render, whatever the build makes."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "-5")
    result = invoke("build", "-j", "1", "--artifact", "memo", "--format", "md")
    assert (result.exit_code, result.stderr) == (
        1,
        "SOURCE_DATE_EPOCH is '-5', not a whole number of seconds from 0 to "
        "253402300799 (give a Unix time such as 1767225600, or unset it)\n",
    )


def test_a_new_source_date_epoch_makes_the_email_stale_and_nothing_else(
    tiny_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The email's Date comes from SOURCE_DATE_EPOCH: a build with another epoch must not
    keep the old Date as "up to date"."""
    args = ("build", "-j", "1", "--artifact", "memo,email", "--format", "md,eml")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert invoke(*args).exit_code == 0
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")
    result = invoke(*args)
    assert result.stdout == "wrote 1 file(s) to output; 1 document(s) were up to date\n"
    eml = (tiny_repo / "output" / "tiny-service" / "email.eml").read_text(encoding="utf-8")
    assert "\nDate: Fri, 02 Jan 1970 " in eml.replace("\r\n", "\n")


def test_a_template_syntax_error_is_a_located_user_error(tiny_repo: Path) -> None:
    """The template hasher parses user templates before any render: a syntax error there
    must reach the user as the render reports it, not as memogen's bug."""
    (tiny_repo / "templates").mkdir()
    (tiny_repo / "templates" / "memo.md.j2").write_text("# {{ title }\n", encoding="utf-8")
    result = invoke("build", "-j", "1", "--artifact", "memo", "--format", "md")
    assert result.exit_code == 1
    assert result.stderr.startswith("tiny-service: a template failed: ")
    assert "memo.md.j2:1: " in result.stderr


# --- build: what it removes ------------------------------------------------------------------


def test_build_names_each_file_it_removes_and_each_stray_file_it_keeps(
    tiny_repo: Path, valid_standard_text: str
) -> None:
    (tiny_repo / "memogen.yaml").write_text(
        "language: en\nbuild:\n  artifacts: [memo]\n  formats: [md]\n", "utf-8"
    )
    alpha = tiny_repo / "standards" / "alpha-service.yaml"
    alpha.write_text(valid_standard_text.replace("tiny-service", "alpha-service"), "utf-8")
    assert invoke("build", "-j", "1").exit_code == 0
    (tiny_repo / "output" / "alpha-service" / "notes.txt").write_text("mine", "utf-8")
    alpha.unlink()
    result = invoke("build", "-j", "1")
    assert result.exit_code == 0
    assert result.stderr == (
        "removed output/alpha-service/memo.md: no standard or setting asks for it any more\n"
        "kept output/alpha-service/notes.txt: memogen did not write it\n"
    )
    assert result.stdout == "wrote 2 file(s) to output; 1 document(s) were up to date\n"


RUSSIAN_MISTAKES = {
    "unknown key": (
        ("version:", "verison:"),
        "standards/tiny-service.yaml:5:1: error: verison: неизвестный ключ 'verison' "
        "(может быть, 'version'?)",
    ),
    "wrong boolean": (
        ("required: true", "required: да"),
        "standards/tiny-service.yaml:25:15: error: inputs.1.required: 'да' — не true и не false "
        "(напишите true или false)",
    ),
    "bad duration": (
        ("deadline: 3 business days", "deadline: три дня"),
        "standards/tiny-service.yaml:35:11: error: deadline: 'три дня' — не срок: срок — это "
        "число и единица времени (напишите число и единицу, например '3 рабочих дня' или "
        "'4 рабочих часа')",
    ),
}


@pytest.fixture
def russian_repo(tiny_repo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The tiny repo under a memogen.yaml that says `language: ru`, MEMOGEN_LANG unset."""
    (tiny_repo / "memogen.yaml").write_text("language: ru\n", encoding="utf-8")
    monkeypatch.delenv("MEMOGEN_LANG")
    return tiny_repo


def spoil(repo: Path, old: str, new: str) -> None:
    path = repo / "standards" / "tiny-service.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("mistake", sorted(RUSSIAN_MISTAKES))
def test_in_a_russian_repo_a_mistake_is_told_in_russian_in_every_report_format(
    russian_repo: Path, mistake: str
) -> None:
    (old, new), line = RUSSIAN_MISTAKES[mistake]
    spoil(russian_repo, old, new)
    text = invoke("validate")
    assert (text.exit_code, text.stderr) == (1, "")
    assert text.stdout == f"{line}\nпроверено: 1 файл; 1 ошибка, 0 предупреждений\n"
    message, hint = line.split(": error: ", 1)[1].split(": ", 1)[1][:-1].split(" (", 1)
    issue = json.loads(invoke("validate", "--format", "json").stdout)["issues"][0]
    assert (issue["message"], issue["hint"]) == (message, hint)
    sarif = json.loads(invoke("validate", "--format", "sarif").stdout)["runs"][0]["results"][0]
    assert (sarif["ruleId"], sarif["message"]["text"]) == (
        "MG000",
        line.split(": error: ", 1)[1],
    )
    junit = invoke("validate", "--format", "junit").stdout
    assert '<testcase name="MG000 valid-standard"' in junit
    assert f"{line}\n</failure>" in junit
    assert f"::{line.split(': error: ', 1)[1]}\n" in invoke("validate", "--format", "github").stdout


def test_memogen_lang_speaks_english_to_one_person_in_a_russian_repo(
    russian_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spoil(russian_repo, "version:", "verison:")
    monkeypatch.setenv("MEMOGEN_LANG", "en")
    assert invoke("validate").stdout == (
        "standards/tiny-service.yaml:5:1: error: verison: unknown key 'verison' "
        "(did you mean 'version'?)\n1 file checked: 1 error(s), 0 warning(s)\n"
    )


def test_memogen_yamls_messages_setting_overrides_its_language(russian_repo: Path) -> None:
    (russian_repo / "memogen.yaml").write_text("language: ru\nmessages: en\n", encoding="utf-8")
    assert invoke("validate").stdout == "1 file checked, all valid\n"


def test_memogen_new_writes_its_template_in_the_language_asked_or_memogen_yamls(
    russian_repo: Path,
) -> None:
    english = invoke("new", "visitor-pass", "--lang", "en")
    assert english.exit_code == 0
    assert "title: Name of the service" in (russian_repo / "standards/visitor-pass.yaml").read_text(
        "utf-8"
    )
    (russian_repo / "memogen.yaml").write_text("language: en\nmessages: ru\n", encoding="utf-8")
    result = invoke("new", "guest-wifi")
    assert result.stdout == (
        "записан standards/guest-wifi.yaml; заполните его, затем выполните: "
        "memogen validate standards/guest-wifi.yaml\n"
    )
    assert "language: en\n" in (russian_repo / "standards/guest-wifi.yaml").read_text("utf-8")


def test_lint_speaks_russian_its_findings_and_its_rules_in_sarif(russian_repo: Path) -> None:
    spoil(russian_repo, "    performer: Support engineer\n    deadline: 1", "    deadline: 1")
    text = invoke("lint")
    assert (
        "standards/tiny-service.yaml:27:5: warning: stages.1: у этапа 'Registration' нет "
        "исполнителя (добавьте 'performer:' с ролью, которая выполняет этап) [MG102]"
    ) in text.stdout
    sarif = json.loads(invoke("lint", "--format", "sarif").stdout)["runs"][0]
    rule = next(rule for rule in sarif["tool"]["driver"]["rules"] if rule["id"] == "MG102")
    assert (rule["name"], rule["shortDescription"]["text"]) == (
        "stage-performer",
        "У этапа без исполнителя не у кого спросить и некому отвечать за срок.",
    )
