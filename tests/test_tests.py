"""Tests mirror the source: every module of memogen/ with logic has its test file.

`memogen/<package>/<module>.py` is tested in `tests/<package>/<test_module>.py`; a
package's `__init__.py` that holds logic in `tests/<package>/test_<package>.py`
(`memogen/report/__init__.py` → `tests/report/test_report.py`).
"""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "memogen"
TESTS = REPO / "tests"

# Modules without logic: no function, no method. Each needs a reason.
NO_LOGIC = {
    "__init__.py": "the version",
    "__main__.py": "`python -m memogen` calls cli.main",
    "build/__init__.py": "a docstring",
    "data/__init__.py": "a docstring",
    "diff/__init__.py": "a docstring",
    "lint/__init__.py": "a docstring",
    "lint/rules/__init__.py": "a docstring",
    "lint/rules/base.py": "two dataclasses a check takes and gives",
    "lint/rules/catalog.py": "the table of rules (docs/lint-rules.md is checked against it)",
    "render/__init__.py": "a docstring",
    "render/formats/__init__.py": "a docstring",
    "render/labels.py": "the table of words in both languages",
    "render/change_labels.py": "the table of the diff's sentences in both languages",
    "render/notice_labels.py": "the table of the notices' words in both languages",
    "render/ack_labels.py": "the table of the acknowledgement sheet's words in both languages",
    "render/site_labels.py": "the table of the site's words in both languages",
    "serve/__init__.py": "a docstring",
    "serve/status.py": "three dataclasses the live build hands the pages",
}

# Modules with logic whose unit tests are still owed: today they are covered only through
# the test files named here. The list only shrinks: a module leaves it with its test file.
OWED: dict[str, str] = {}


def modules() -> list[str]:
    return sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py"))


def mirrored_test(module: str) -> Path:
    """Where the tests of `module` (a path relative to memogen/) live."""
    path = Path(module)
    if path.name == "__init__.py":
        return TESTS / path.parent / f"test_{path.parent.name}.py"
    return TESTS / path.parent / f"test_{path.name}"


def has_logic(module: str) -> bool:
    tree = ast.parse((PACKAGE / module).read_text(encoding="utf-8"))
    return any(isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) for node in ast.walk(tree))


def test_every_module_with_logic_has_a_test_file_at_its_mirrored_path() -> None:
    missing = [
        f"memogen/{module} → {mirrored_test(module).relative_to(REPO)}"
        for module in modules()
        if module not in NO_LOGIC and module not in OWED and not mirrored_test(module).is_file()
    ]
    assert missing == []


def test_the_modules_said_to_hold_no_logic_define_no_function() -> None:
    assert [module for module in NO_LOGIC if has_logic(module)] == []


def test_a_module_whose_tests_were_owed_leaves_the_list_once_it_has_them() -> None:
    assert [module for module in OWED if mirrored_test(module).is_file()] == []


def test_both_lists_name_modules_that_exist_and_none_twice() -> None:
    assert (set(NO_LOGIC) | set(OWED)) - set(modules()) == set()
    assert set(NO_LOGIC) & set(OWED) == set()
