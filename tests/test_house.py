"""The shape of memogen's code: small modules in stage packages, each one on CONTRIBUTING's map."""

from __future__ import annotations

import re
import statistics
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "memogen"
MODULES = sorted(PACKAGE.rglob("*.py"))


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_module_is_over_300_lines() -> None:
    assert {str(p.relative_to(REPO)): _lines(p) for p in MODULES if _lines(p) > 300} == {}


def test_the_median_module_is_at_most_100_lines() -> None:
    assert statistics.median(_lines(p) for p in MODULES) <= 100


def test_at_most_a_dozen_modules_stay_at_the_top_of_the_package() -> None:
    assert len(list(PACKAGE.glob("*.py"))) <= 12


def test_contributing_maps_every_module_in_its_package() -> None:
    tree = re.search(
        r"```\nmemogen/\n(.*?)```", (REPO / "CONTRIBUTING.md").read_text("utf-8"), re.S
    )
    assert tree is not None
    listed, folders = set(), ["memogen"]
    for line in tree.group(1).splitlines():
        depth = (len(line) - len(line.lstrip(" "))) // 2
        name = line.split()[0]
        folders = folders[:depth]
        if name.endswith("/"):
            folders.append(name.rstrip("/"))
        else:
            listed.add("/".join([*folders, name]))
    wanted = {
        str(p.relative_to(REPO)) for p in MODULES if p.parent == PACKAGE or p.stem != "__init__"
    }
    assert wanted - listed == set()
    assert listed - wanted == set()
