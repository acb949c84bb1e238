"""What a fresh clone installs and what CI runs: the lock, the declared imports, the docs it
points to. These hold the promise that the README's commands work today and tomorrow."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions, requires
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO_ROOT = Path(__file__).resolve().parent.parent

LOCK = REPO_ROOT / "constraints.txt"
PYPROJECT = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]


def _requirements(extra: str | None = None) -> list[Requirement]:
    listed = PROJECT["dependencies"] if extra is None else PROJECT["optional-dependencies"][extra]
    return [Requirement(text) for text in listed]


def _locked() -> dict[str, str]:
    pins = re.findall(r"^([\w.-]+)==(\S+)$", LOCK.read_text(encoding="utf-8"), re.MULTILINE)
    return {canonicalize_name(name): version for name, version in pins}


def _readme_commands() -> list[str]:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```sh\n(.+?)\n```", readme)


@pytest.mark.parametrize("extra", [None, *PROJECT["optional-dependencies"]])
def test_the_lock_pins_every_requirement_of_every_extra(extra: str | None) -> None:
    locked = _locked()
    for requirement in _requirements(extra):
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{requirement.name} is not in constraints.txt (run .ci/lock)"
        assert requirement.specifier.contains(locked[name], prereleases=True), (
            f"constraints.txt pins {name}=={locked[name]}, outside {requirement} (run .ci/lock)"
        )


def test_the_readme_installs_from_the_lock() -> None:
    install, test = _readme_commands()[:2]
    assert " -c constraints.txt " in install and " -c constraints.txt " in test


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    ci_lines = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert ci_lines[-1] == _readme_commands()[1]


def _third_party_imports(folder: str) -> set[str]:
    """The top-level modules the Python files under `folder` import, less the standard
    library, memogen, the tests' own package and the folder's own modules."""
    sources = list((REPO_ROOT / folder).rglob("*.py"))
    own = {source.stem for source in sources} | {"memogen", "tests"}
    found: set[str] = set()
    for source in sources:
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - own


def _undeclared(modules: set[str], requirements: list[Requirement]) -> dict[str, list[str]]:
    """Each module no declared requirement provides, with the distributions that do (a
    module not installed here, like atheris outside CI, is taken as its own distribution)."""
    declared = {canonicalize_name(r.name) for r in requirements}
    providers = packages_distributions()
    return {
        module: providers.get(module, [module])
        for module in modules
        if not declared & {canonicalize_name(d) for d in providers.get(module, [module])}
    }


def test_every_module_memogen_imports_is_a_declared_dependency() -> None:
    assert _undeclared(_third_party_imports("memogen"), _requirements()) == {}


@pytest.mark.parametrize("folder", ["tests", "benchmarks"])
def test_every_module_the_tests_and_benchmarks_import_is_in_an_extra(folder: str) -> None:
    """`pip install -e '.[test]'` (and `fuzz` for the fuzzer CI runs) is all they need."""
    declared = _requirements() + _requirements("test") + _requirements("fuzz")
    assert _undeclared(_third_party_imports(folder), declared) == {}


def _readme_dependency_table() -> dict[str, str]:
    """README's "Dependencies and why": each library's distribution name -> its job."""
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Dependencies and why", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| ([^|]+?) \| ([^|]*?) \|$", section, re.MULTILINE)
    return {
        canonicalize_name(library.split(" (")[0]): job for library, job in rows[1:]
    }  # the header first


def _required_by_another(name: str, requirements: list[Requirement]) -> bool:
    """Whether another declared dependency requires `name` itself (pydantic-core is
    pydantic's: memogen declares it because it imports it, at the version pydantic pins)."""
    return any(
        canonicalize_name(Requirement(needed).name) == name
        for other in requirements
        if canonicalize_name(other.name) != name
        for needed in requires(other.name) or []
        if "extra ==" not in needed
    )


def test_the_readme_says_why_memogen_needs_each_runtime_dependency() -> None:
    table = _readme_dependency_table()
    runtime = _requirements()
    unexplained = [
        str(requirement)
        for requirement in runtime
        if not table.get(canonicalize_name(requirement.name), "").strip()
        and not _required_by_another(canonicalize_name(requirement.name), runtime)
    ]
    assert unexplained == []


# A name like SPEC.md or a docs/ path, written in a file the project ships or runs.
_POINTER = re.compile(
    r"(?<![\w/.-])(?:(?:[\w.-]+/)*[A-Z][A-Z_]+\.md|docs/[\w./-]+\.(?:md|json|yml))\b"
)
_POINTING = [
    *("*.md", "*.yaml", "*.yml", "*.toml", ".ci/*", "docs/**/*", "benchmarks/*.py"),
    *("memogen/**/*.py", "memogen/**/*.yaml", "memogen/**/*.po", "templates/*"),
]


def test_every_document_the_project_points_to_exists() -> None:
    missing = {
        f"{path.relative_to(REPO_ROOT)}: {name}"
        for pattern in _POINTING
        for path in REPO_ROOT.glob(pattern)
        if path.is_file() and path.suffix not in {".png"}
        for name in _POINTER.findall(path.read_text(encoding="utf-8"))
        if not (REPO_ROOT / name).exists() and not (path.parent / name).exists()
    }
    assert missing == set()


def test_every_package_of_memogen_ships() -> None:
    folders = {
        ".".join(init.parent.relative_to(REPO_ROOT).parts)
        for init in (REPO_ROOT / "memogen").rglob("__init__.py")
    }
    assert folders - set(PYPROJECT["tool"]["setuptools"]["packages"]) == set()


def _ci_commands(name: str) -> list[str]:
    """The lines a .ci script runs (comments and blank lines left out)."""
    text = (REPO_ROOT / ".ci" / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()[:1] not in ("", "#")]


def test_ci_runs_ruff_the_format_check_and_strict_mypy_from_the_dev_extra() -> None:
    run = _ci_commands("run")
    assert ".venv/bin/ruff check memogen tests benchmarks" in run
    assert ".venv/bin/ruff format --check memogen tests benchmarks" in run
    assert ".venv/bin/mypy" in run and PYPROJECT["tool"]["mypy"]["strict"] is True
    installs = [line for line in run if "pip install" in line]
    assert "-c constraints.txt" in installs[0] and "dev" in installs[0]
    dev = {canonicalize_name(r.name) for r in _requirements("dev")}
    assert {"ruff", "mypy"} <= dev


def test_the_early_warning_is_documented_and_not_part_of_ci() -> None:
    latest = REPO_ROOT / ".ci" / "latest"
    assert latest.stat().st_mode & 0o111, ".ci/latest is not executable"
    assert not any(".ci/latest" in line for line in _ci_commands("run"))
    (install,) = [line for line in _ci_commands("latest") if 'pip" install' in line]
    assert "--upgrade" in install and "-c " not in install  # the newest releases, no lock
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert "`.ci/latest`" in readme and "early warning" in readme
