"""What one `validate` or `lint` run found: the issues, the files and the rules that ran.

The reporters (memogen.report) turn a `Findings` into text, JSON, GitHub annotations,
JUnit or SARIF; `failed()` decides the exit code from `--fail-on`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from memogen.data.validate import Checked
from memogen.errors import Issue, UserError
from memogen.i18n import N_
from memogen.lint.rules.catalog import RuleInfo
from memogen.project import CONFIG_NAME, Project, open_project

FailOn = Literal["error", "warning", "never"]
FAIL_ON: tuple[FailOn, ...] = ("error", "warning", "never")

# Schema and cross-file problems found by `validate` are reported under this pseudo-rule
# wherever a format needs a rule id (JUnit test cases, SARIF results).
VALIDATION_RULE = RuleInfo(
    "MG000",
    "valid-standard",
    "error",
    N_("A standard must follow the memogen format (docs/standard.schema.json) to be built."),
)


@dataclass(frozen=True)
class Findings:
    tool: Literal["validate", "lint"]
    files: Sequence[str]  # every file checked, as shown in messages
    issues: Sequence[Issue]
    rules: Sequence[RuleInfo] = ()  # the lint rules that ran (VALIDATION_RULE always runs)
    skipped: dict[str, dict[str, str]] = field(default_factory=dict)  # file → rule id → why
    hidden: int = 0  # findings accepted in the baseline and not shown

    def rule_of(self, issue: Issue) -> RuleInfo:
        for rule in self.rules:
            if rule.id == issue.rule:
                return rule
        return VALIDATION_RULE


def failed(issues: Iterable[Issue], fail_on: FailOn) -> bool:
    """Whether these issues make the run fail: `error` fails on errors, `warning` on both."""
    failing = {"error": {"error"}, "warning": {"error", "warning"}, "never": set()}[fail_on]
    return any(issue.severity in failing for issue in issues)


def validation(
    paths: Sequence[Path], config_path: Path | None
) -> tuple[Project | None, Checked, Findings]:
    """Validate the standards of `paths` (default: standards/) against the format.

    A located problem in memogen.yaml is a finding like any other, so that CI sees it
    in the report format it asked for; the project is then None and no file is checked.
    A memogen.yaml among `paths` is checked as the config (of its repo, unless --config).
    """
    configs = [path for path in paths if path.name == CONFIG_NAME and path.is_file()]
    standards = [path for path in paths if path not in configs]
    try:
        project = open_project(config_path or (configs[0] if configs else None))
    except UserError as exc:
        if not exc.issues:
            raise
        return None, Checked(issues=exc.issues), Findings("validate", [], exc.issues)
    if configs and not standards:
        warnings = list(project.warnings)
        names = [project.display(path) for path in configs]
        return project, Checked(issues=warnings), Findings("validate", names, warnings)
    names, checked = project.check(standards)
    names = sorted([*names, *(project.display(path) for path in configs)])
    return project, checked, Findings("validate", names, checked.issues)
