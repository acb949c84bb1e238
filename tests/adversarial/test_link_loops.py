"""Guarantee: a file memogen reads that is a link leading round in a loop (`ln -s a a`) is
a located error, or a missing file, never exit 3: Python 3.11's `Path.resolve()` raises
RuntimeError on a loop, and every check that keeps reading inside the repo resolved paths
with it (a standard, the logo, the staff list, the lint baseline)."""

from __future__ import annotations

import os
from pathlib import Path

from .adversarial_kit import CONFIG_TEXT, Cli, make_repo

LOOP = os.strerror(40)  # ELOOP: "Too many levels of symbolic links"


def _loop(path: Path) -> None:
    path.symlink_to(path.name)


def test_a_standard_that_links_to_itself_is_a_located_error(tmp_path: Path, cli: Cli) -> None:
    repo = make_repo(tmp_path)
    _loop(repo / "standards" / "loop.yaml")
    ran = cli("validate", cwd=repo)
    assert (ran.code, ran.stderr) == (1, "")
    assert f"standards/loop.yaml:1:1: error: cannot read the file: {LOOP}" in ran.stdout


def test_a_looping_link_beside_a_standard_checked_on_its_own_is_a_located_error(
    tmp_path: Path, cli: Cli
) -> None:
    repo = make_repo(tmp_path)
    _loop(repo / "standards" / "loop.yaml")
    ran = cli("validate", "standards/tiny-service.yaml", cwd=repo)
    assert (ran.code, ran.stderr) == (0, "")
    assert ran.stdout == "1 file checked, all valid\n"


def test_a_logo_that_links_to_itself_is_missing(tmp_path: Path, cli: Cli) -> None:
    repo = make_repo(tmp_path, config=CONFIG_TEXT + "logo: logo.svg\n")
    _loop(repo / "logo.svg")
    ran = cli("validate", cwd=repo)
    assert (ran.code, ran.stderr) == (1, "")
    assert ran.stdout.startswith(
        "memogen.yaml:2:7: error: logo: the logo file 'logo.svg' is missing (check the path; "
        "it is relative to memogen.yaml)\n"
    )


def test_a_staff_list_that_links_to_itself_is_missing(tmp_path: Path, cli: Cli) -> None:
    repo = make_repo(tmp_path, config=CONFIG_TEXT + "ack:\n  staff: staff.csv\n")
    _loop(repo / "staff.csv")
    ran = cli("validate", cwd=repo)
    assert (ran.code, ran.stderr) == (1, "")
    assert ran.stdout.startswith(
        "staff.csv:1:1: error: the staff list is missing from the repo (check the path of "
        "ack.staff; it is relative to memogen.yaml)\n"
    )


def test_a_baseline_that_links_to_itself_is_one_sentence(tmp_path: Path, cli: Cli) -> None:
    repo = make_repo(tmp_path, config=CONFIG_TEXT + "lint:\n  baseline: baseline.json\n")
    _loop(repo / "baseline.json")
    ran = cli("lint", cwd=repo)
    assert (ran.code, ran.stdout, ran.stderr) == (
        1,
        "",
        "baseline.json:1:1: error: cannot read the lint baseline: it is not a regular file of "
        "at most 16 MiB (write it again with 'memogen lint --write-baseline')\n",
    )
    ran = cli("lint", "--write-baseline", cwd=repo)  # the loop is replaced, as any link there
    assert (ran.code, ran.stderr) == (0, "accepted 4 finding(s) in baseline.json\n")
    assert not (repo / "baseline.json").is_symlink()
