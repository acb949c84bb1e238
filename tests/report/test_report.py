"""Reports for people and CI: text, JSON, GitHub annotations and summary, JUnit and SARIF.

The machine formats are checked against their formats: SARIF against the SARIF 2.1.0
JSON Schema (tests/schemas/), JUnit by its structure, GitHub annotations verbatim.
The CI files in docs/ci/ and .pre-commit-hooks.yaml are checked to call real options.
"""

from __future__ import annotations

import json
import shlex
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import click
import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from memogen.cli import main
from memogen.errors import Issue
from memogen.findings import Findings, failed
from memogen.lint.rules.catalog import BY_ID, RULES
from memogen.report import render
from memogen.report.github import append_step_summary, step_summary

TESTS = Path(__file__).resolve().parents[1]
REPO = TESTS.parent
SARIF_SCHEMA = json.loads((TESTS / "schemas" / "sarif-schema-2.1.0.json").read_text("utf-8"))

A, B = "standards/a-service.yaml", "standards/b-service.yaml"
NO_EXAMPLE = Issue(
    A,
    12,
    5,
    "inputs.2",
    "the required input 'Счёт' has no example",
    "add 'example:'",
    "warning",
    rule="MG101",
)
NO_CHANNEL = Issue(
    A,
    30,
    5,
    "contacts.1",
    "the contact 'Пётр' has no email or phone",
    "add 'email:'",
    "error",
    rule="MG104",
)
UNIT = Issue(A, 40, 9, "summary", "an ordinary space in '10 %'", "", "info", rule="MG403")
INVALID = Issue(B, 3, 8, "deadline", "'soon' is not a duration", "write a number and a unit")
LINT = Findings(
    "lint",
    [A, B],
    sorted([NO_EXAMPLE, NO_CHANNEL, UNIT, INVALID]),
    [BY_ID["MG101"], BY_ID["MG104"], BY_ID["MG403"]],
    {
        B: {
            "MG101": "the file is not valid; fix its errors first",
            "MG104": "the file is not valid; fix its errors first",
            "MG403": "the file is not valid; fix its errors first",
        }
    },
    hidden=2,
)
CLEAN = Findings("validate", [A, B], [])


# --- text and JSON ------------------------------------------------------------------------


def test_text_report_lists_issues_with_rules_then_a_summary() -> None:
    assert render(LINT, "text") == (
        "standards/a-service.yaml:12:5: warning: inputs.2: the required input 'Счёт' has no "
        "example (add 'example:') [MG101]\n"
        "standards/a-service.yaml:30:5: error: contacts.1: the contact 'Пётр' has no email or "
        "phone (add 'email:') [MG104]\n"
        "standards/a-service.yaml:40:9: info: summary: an ordinary space in '10 %' [MG403]\n"
        "standards/b-service.yaml:3:8: error: deadline: 'soon' is not a duration (write a "
        "number and a unit)\n"
        "2 files checked: 2 error(s), 1 warning(s), 1 note(s); 2 accepted in the baseline\n"
    )
    assert render(CLEAN, "text") == "2 files checked, all valid\n"


def test_json_report_has_rules_and_lint_counts() -> None:
    report = json.loads(render(LINT, "json"))
    assert report["summary"] == {"files": 2, "errors": 2, "warnings": 1, "notes": 1, "hidden": 2}
    assert report["issues"][0] == {
        "file": A,
        "line": 12,
        "column": 5,
        "path": "inputs.2",
        "severity": "warning",
        "message": "the required input 'Счёт' has no example",
        "hint": "add 'example:'",
        "rule": "MG101",
    }
    assert "rule" not in report["issues"][3]
    assert json.loads(render(CLEAN, "json")) == {
        "summary": {"files": 2, "errors": 0, "warnings": 0},
        "issues": [],
    }


# --- GitHub -------------------------------------------------------------------------------


def test_github_annotations_verbatim() -> None:
    assert render(LINT, "github") == (
        "::warning file=standards/a-service.yaml,line=12,col=5::inputs.2: the required input "
        "'Счёт' has no example (add 'example:') [MG101]\n"
        "::error file=standards/a-service.yaml,line=30,col=5::contacts.1: the contact 'Пётр' "
        "has no email or phone (add 'email:') [MG104]\n"
        "::notice file=standards/a-service.yaml,line=40,col=9::summary: an ordinary space in "
        "'10 %25' [MG403]\n"
        "::error file=standards/b-service.yaml,line=3,col=8::deadline: 'soon' is not a "
        "duration (write a number and a unit)\n"
    )


def test_github_annotations_escape_what_would_end_them() -> None:
    odd = Issue("st,and:ards/x.yaml", 1, 2, "", "50% done\nnext line", "", "error")
    assert (
        render(Findings("validate", ["st,and:ards/x.yaml"], [odd]), "github")
        == "::error file=st%2Cand%3Aards/x.yaml,line=1,col=2::50%25 done%0Anext line\n"
    )


def test_step_summary_is_a_markdown_table_linked_to_the_commit() -> None:
    env = {
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_REPOSITORY": "acme/standards",
        "GITHUB_SHA": "abc123",
    }
    piped = Findings("validate", [A], [Issue(A, 2, 3, "title", "a | b", "", "error")])
    assert step_summary(piped, env) == (
        "### memogen validate: 1 file checked: 1 error(s), 0 warning(s)\n\n"
        "| Severity | Where | Rule | Problem |\n"
        "| --- | --- | --- | --- |\n"
        "| error | [`standards/a-service.yaml:2:3`](https://github.com/acme/standards/blob/"
        "abc123/standards/a-service.yaml#L2) | MG000 | title: a \\| b |\n\n"
    )
    assert step_summary(CLEAN, {}) == "### memogen validate: 2 files checked, all valid\n\n"
    assert (
        "| warning | `standards/a-service.yaml:12:5` | MG101 | inputs.2: the required"
        in step_summary(LINT, {})
    )


def test_github_format_appends_the_summary_when_github_asks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write_repo, valid_standard_text: str
) -> None:
    repo = write_repo({"standards/tiny-service.yaml": valid_standard_text})
    monkeypatch.chdir(repo)
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = CliRunner().invoke(main, ["validate", "--format", "github"])
    assert (result.exit_code, result.stdout) == (0, "")
    assert summary.read_text(encoding="utf-8") == (
        "earlier step\n### memogen validate: 1 file checked, all valid\n\n"
    )
    CliRunner().invoke(main, ["validate", "--format", "text"])
    assert summary.read_text(encoding="utf-8").count("### memogen") == 1
    monkeypatch.delenv("GITHUB_STEP_SUMMARY")
    assert append_step_summary(CLEAN, {}) is False


# --- JUnit --------------------------------------------------------------------------------


def test_junit_has_a_suite_per_file_and_a_case_per_rule() -> None:
    root = ET.fromstring(render(LINT, "junit"))
    assert root.tag == "testsuites"
    assert (
        root.get("name"),
        root.get("tests"),
        root.get("failures"),
        root.get("skipped"),
        root.get("errors"),
    ) == ("memogen lint", "8", "2", "3", "0")
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [A, B]
    cases = {(s.get("name"), c.get("name")): c for s in suites for c in s.findall("testcase")}
    assert list(cases) == [
        (file, rule)
        for file in (A, B)
        for rule in (
            "MG000 valid-standard",
            "MG101 input-example",
            "MG104 contact-channel",
            "MG403 unit-space",
        )
    ]
    for suite in suites:
        case_list = suite.findall("testcase")
        assert suite.get("tests") == str(len(case_list))
        for outcome, attribute in (("failure", "failures"), ("skipped", "skipped")):
            marked = sum(1 for c in case_list if c.find(outcome) is not None)
            assert suite.get(attribute) == str(marked)
        assert all(c.get("classname") == suite.get("name") == c.get("file") for c in case_list)
    failure = cases[(A, "MG104 contact-channel")].find("failure")
    assert failure is not None
    assert (failure.get("type"), failure.get("message")) == (
        "error",
        "30:5: the contact 'Пётр' has no email or phone",
    )
    assert failure.text == NO_CHANNEL.text() + "\n"
    warning = cases[(A, "MG101 input-example")]
    assert warning.find("failure") is None
    assert warning.findtext("system-out") == NO_EXAMPLE.text() + "\n"
    assert cases[(B, "MG000 valid-standard")].find("failure") is not None
    skipped = cases[(B, "MG101 input-example")].find("skipped")
    assert skipped is not None
    assert skipped.get("message") == "the file is not valid; fix its errors first"
    assert len(list(cases[(A, "MG000 valid-standard")])) == 0  # passed: an empty test case


def test_junit_turns_warnings_into_failures_under_fail_on_warning() -> None:
    root = ET.fromstring(render(LINT, "junit", "warning"))
    assert root.get("failures") == "3"
    case = root.find("testsuite/testcase[@name='MG101 input-example']")
    assert case is not None and case.find("failure") is not None
    info = root.find("testsuite/testcase[@name='MG403 unit-space']")
    assert info is not None and info.find("failure") is None  # notes never fail


def test_junit_of_a_clean_run_has_only_passing_cases() -> None:
    text = render(CLEAN, "junit")
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')
    root = ET.fromstring(text)
    assert (root.get("tests"), root.get("failures")) == ("2", "0")
    assert [c.get("name") for c in root.iter("testcase")] == ["MG000 valid-standard"] * 2


# --- SARIF --------------------------------------------------------------------------------


def sarif_errors(log: object) -> list[str]:
    validator = jsonschema.Draft4Validator(SARIF_SCHEMA, format_checker=jsonschema.FormatChecker())
    return [error.message for error in validator.iter_errors(log)]


def test_sarif_validates_against_the_sarif_2_1_0_schema() -> None:
    log = json.loads(render(LINT, "sarif"))
    assert sarif_errors(log) == []
    assert sarif_errors(json.loads(render(CLEAN, "sarif"))) == []


def test_the_schema_rejects_what_is_not_sarif() -> None:
    """The vendored schema has teeth: each of these breaks one rule of SARIF 2.1.0."""
    good = json.loads(render(LINT, "sarif"))
    result = good["runs"][0]["results"][0]
    for path, value in [
        (("level",), "info"),
        (("message",), {"txt": "x"}),
        (("locations", 0, "physicalLocation", "region", "startLine"), 0),
    ]:
        broken = json.loads(json.dumps(good))
        target = broken["runs"][0]["results"][0]
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
        assert sarif_errors(broken), path
    assert result["level"] == "warning"
    assert sarif_errors({"version": "2.0.0", "runs": []})


def test_sarif_rules_results_and_locations() -> None:
    log = json.loads(render(LINT, "sarif"))
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "memogen"
    assert [r["id"] for r in driver["rules"]] == ["MG000", "MG101", "MG104", "MG403"]
    mg101 = driver["rules"][1]
    assert mg101 == {
        "id": "MG101",
        "name": "input-example",
        "shortDescription": {"text": BY_ID["MG101"].rationale},
        "help": {"text": BY_ID["MG101"].rationale + " See docs/lint-rules.md, MG101."},
        "defaultConfiguration": {"level": "warning"},
    }
    assert run["columnKind"] == "unicodeCodePoints"
    levels = [(r["ruleId"], r["level"]) for r in run["results"]]
    assert levels == [
        ("MG101", "warning"),
        ("MG104", "error"),
        ("MG403", "note"),
        ("MG000", "error"),
    ]
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
    first = run["results"][0]
    assert first["message"] == {
        "text": "inputs.2: the required input 'Счёт' has no example (add 'example:')"
    }
    assert first["locations"] == [
        {
            "physicalLocation": {
                "artifactLocation": {"uri": A, "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 12, "startColumn": 5},
            }
        }
    ]
    assert len({r["partialFingerprints"]["memogenFinding/v1"] for r in run["results"]}) == 4


def test_sarif_uris_are_escaped_relative_references() -> None:
    spaced = Findings(
        "validate", ["standards/my file.yaml"], [Issue("standards/my file.yaml", 1, 1, "", "x")]
    )
    location = json.loads(render(spaced, "sarif"))["runs"][0]["results"][0]["locations"][0]
    assert location["physicalLocation"]["artifactLocation"] == {
        "uri": "standards/my%20file.yaml",
        "uriBaseId": "%SRCROOT%",
    }
    far = "/elsewhere/x.yaml"
    outside = Findings("validate", [far], [Issue(far, 1, 1, "", "x")])
    location = json.loads(render(outside, "sarif"))["runs"][0]["results"][0]["locations"][0]
    assert location["physicalLocation"]["artifactLocation"] == {"uri": "file:///elsewhere/x.yaml"}


def test_lint_sarif_of_the_examples_lists_every_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = CliRunner().invoke(main, ["lint", "--format", "sarif", "--fail-on", "never"])
    log = json.loads(result.stdout)
    assert sarif_errors(log) == []
    assert [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]] == [
        "MG000",
        *(rule.id for rule in RULES),
    ]


# --- fail-on, and validate's options ------------------------------------------------------


@pytest.mark.parametrize(
    ("fail_on", "severities", "fails"),
    [
        ("error", ["warning", "info"], False),
        ("error", ["error"], True),
        ("warning", ["warning"], True),
        ("warning", ["info"], False),
        ("never", ["error"], False),
    ],
)
def test_failed_follows_fail_on(fail_on: str, severities: list[str], fails: bool) -> None:
    issues = [Issue(A, 1, 1, "", "x", "", severity) for severity in severities]  # type: ignore[arg-type]
    assert failed(issues, fail_on) is fails  # type: ignore[arg-type]


@pytest.fixture
def warning_repo(write_repo, valid_standard_text: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The tiny standard with a warning only: deadlines that cannot be compared."""
    text = valid_standard_text.replace("deadline: 3 business days", "deadline: 2 weeks")
    repo = write_repo({"standards/tiny-service.yaml": text})
    monkeypatch.chdir(repo)
    return repo


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ([], 0),
        (["--fail-on", "warning"], 1),
        (["--strict"], 1),
        (["--fail-on", "never"], 0),
        (["--strict", "--fail-on", "warning"], 1),
        (["--strict", "--fail-on", "never"], 2),
    ],
)
def test_validate_fail_on_and_strict(warning_repo: Path, args: list[str], code: int) -> None:
    assert CliRunner().invoke(main, ["validate", *args]).exit_code == code


def test_validate_speaks_junit_and_sarif(warning_repo: Path) -> None:
    junit = ET.fromstring(CliRunner().invoke(main, ["validate", "--format", "junit"]).stdout)
    case = junit.find("testsuite/testcase")
    assert case is not None and case.get("name") == "MG000 valid-standard"
    assert "warning: deadline: the stage deadlines cannot be compared" in (
        case.findtext("system-out") or ""
    )
    sarif = json.loads(CliRunner().invoke(main, ["validate", "--format", "sarif"]).stdout)
    assert sarif_errors(sarif) == []
    [result] = sarif["runs"][0]["results"]
    assert (result["ruleId"], result["level"]) == ("MG000", "warning")


def test_a_config_error_is_reported_in_the_format_asked_for(warning_repo: Path) -> None:
    (warning_repo / "memogen.yaml").write_text("workday_hours: 0\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "--format", "github"])
    assert (result.exit_code, result.stdout) == (
        1,
        "::error file=memogen.yaml,line=1,col=16::workday_hours: must be at least 1\n",
    )
    junit = ET.fromstring(CliRunner().invoke(main, ["lint", "--format", "junit"]).stdout)
    assert [s.get("name") for s in junit.iter("testsuite")] == ["memogen.yaml"]


# --- the CI files in docs/ and the pre-commit hooks ---------------------------------------


def parse_command_line(args: list[str]) -> None:
    """Parse `memogen ARGS` as click would, without running it; raises on a bad option."""
    group = click.Context(main, info_name="memogen")
    command = main.get_command(group, args[0])
    assert command is not None, args
    command.make_context(args[0], list(args[1:]), parent=group)


def test_parse_command_line_catches_a_wrong_option() -> None:
    parse_command_line(["lint", "--format", "sarif", "--fail-on", "never"])
    with pytest.raises(click.exceptions.UsageError):
        parse_command_line(["lint", "--format", "sarif", "--fail-no", "never"])
    with pytest.raises(click.exceptions.UsageError):
        parse_command_line(["validate", "--format", "xml"])


def memogen_commands(text: str) -> list[list[str]]:
    """Every `memogen …` command in a CI file, as arguments (redirections dropped); the
    `command:` given to the memogen action (action.yml) counts as one."""
    found = []
    for line in text.splitlines():
        line = line.strip().removeprefix("- ").removeprefix("run: ")
        if line.startswith("command: "):
            given = shlex.split(line.removeprefix("command: "), comments=True)
            line = " ".join(["memogen", *given]) if any(given) else ""
        if "memogen " not in line or line.startswith("#"):
            continue
        words = shlex.split(line.split(">")[0])
        start = next((i for i, w in enumerate(words) if w == "memogen"), None)
        if start is not None:
            found.append(words[start + 1 :])
    return found


@pytest.mark.parametrize("name", ["github-actions.yml", "gitlab-ci.yml"])
def test_ci_files_call_real_commands_and_options(name: str) -> None:
    text = (REPO / "docs" / "ci" / name).read_text(encoding="utf-8")
    yaml.safe_load(text)
    commands = memogen_commands(text)
    assert {args[0] for args in commands} >= {"validate", "lint", "build", "doctor"}
    for args in commands:
        parse_command_line(args)


def test_github_workflow_annotates_uploads_sarif_and_publishes_pages() -> None:
    workflow = yaml.safe_load((REPO / "docs" / "ci" / "github-actions.yml").read_text("utf-8"))
    assert set(workflow[True]) >= {"pull_request", "push"}  # YAML 1.1 reads `on:` as true
    check, site = workflow["jobs"]["check"], workflow["jobs"]["site"]
    runs = [_step_command(step) for step in check["steps"]]
    assert "memogen validate --format github --fail-on error" in runs
    assert "memogen lint --format github --fail-on error" in runs
    assert any("--format sarif" in run for run in runs)
    assert any(
        step.get("uses", "").startswith("github/codeql-action/upload-sarif")
        for step in check["steps"]
    )
    assert check["permissions"]["security-events"] == "write"
    assert "refs/heads/main" in site["if"] and site["needs"] == "check"
    uses = [step.get("uses", "") for step in site["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)
    assert any(u.startswith("actions/deploy-pages") for u in uses)
    assert site["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


MEMOGEN_ACTION = "example-org/memogen@v1"  # action.yml at the root of memogen's repo


def _step_command(step: dict[str, Any]) -> str:
    """What a workflow step runs: its script, or `memogen <command>` for the memogen action."""
    if step.get("uses") == MEMOGEN_ACTION:
        return f"memogen {step.get('with', {}).get('command', 'build --strict')}".strip()
    return str(step.get("run", ""))


@pytest.mark.parametrize("name", ["github-actions.yml", "github-actions-sharded.yml"])
def test_github_workflows_need_only_standards_as_memogen_comes_from_its_action(name: str) -> None:
    workflow = yaml.safe_load((REPO / "docs" / "ci" / name).read_text("utf-8"))
    for job_name, job in workflow["jobs"].items():
        steps = job["steps"]
        runs = [str(step.get("run", "")) for step in steps]
        assert not any("pip install" in run for run in runs), job_name
        first = next(i for i, s in enumerate(steps) if "memogen" in _step_command(s))
        assert steps[first].get("uses") == MEMOGEN_ACTION, job_name


def test_gitlab_ci_reports_junit_and_publishes_pages() -> None:
    pipeline = yaml.safe_load((REPO / "docs" / "ci" / "gitlab-ci.yml").read_text("utf-8"))
    assert pipeline["check"]["artifacts"]["reports"]["junit"] == [
        "memogen-validate.xml",
        "memogen-lint.xml",
    ]
    assert pipeline["check"]["artifacts"]["when"] == "always"
    assert pipeline["pages"]["artifacts"]["paths"] == ["public"]
    assert any("-o public" in line for line in pipeline["pages"]["script"])


def test_pre_commit_hooks() -> None:
    import re

    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert [(h["id"], h["entry"], h["language"]) for h in hooks] == [
        ("memogen-validate", "memogen validate", "python"),
        ("memogen-lint", "memogen lint", "python"),
    ]
    for hook in hooks:
        pattern = re.compile(hook["files"])
        assert pattern.search("standards/purchase-request.yaml")
        assert pattern.search("standards/x.yml")
        assert not pattern.search("docs/ci/gitlab-ci.yml")
        assert not pattern.search("memogen.yaml")
        parse_command_line([*hook["entry"].split()[1:], "standards/x.yaml"])
