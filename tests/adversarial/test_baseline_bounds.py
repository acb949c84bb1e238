"""The lint baseline is a file of the repo, read with bounds: never a FIFO, a device or a
file too large to be one (reading it must neither block nor exhaust memory)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .adversarial_kit import MAIN, TINY_TEXT

UNREADABLE = (
    ".memogen-lint-baseline.json:1:1: error: cannot read the lint baseline: it is not a "
    "regular file of at most 16 MiB (write it again with 'memogen lint --write-baseline')\n"
)


@pytest.mark.parametrize("kind", ["fifo", "oversized"])
def test_a_baseline_that_is_no_small_regular_file_is_refused_unread(
    kind: str, tmp_path: Path
) -> None:
    (tmp_path / "standards").mkdir()
    (tmp_path / "standards" / "tiny-service.yaml").write_text(TINY_TEXT, encoding="utf-8")
    baseline = tmp_path / ".memogen-lint-baseline.json"
    if kind == "fifo":
        os.mkfifo(baseline)
    else:  # sparse: 17 MiB on paper, nothing on disk
        with baseline.open("wb") as file:
            file.truncate(17 * 2**20)
    ran = subprocess.run(
        [sys.executable, "-m", "memogen", "lint"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(MAIN), "CI": "1"},
        capture_output=True,
        text=True,
        timeout=120,  # a FIFO with no writer would block an unbounded read forever
    )
    assert (ran.returncode, ran.stderr) == (1, UNREADABLE)


@pytest.mark.parametrize("target", ["outside", "/dev/zero"])
def test_write_baseline_never_writes_through_a_link_out_of_the_repo(
    target: str, tmp_path: Path
) -> None:
    """`lint.baseline` names a link in the repo: resolved, it leads out, so memogen.yaml is
    refused before anything is read or written there."""
    repo = tmp_path / "repo"
    (repo / "standards").mkdir(parents=True)
    (repo / "standards" / "tiny-service.yaml").write_text(TINY_TEXT, encoding="utf-8")
    (repo / "memogen.yaml").write_text("lint:\n  baseline: accepted.json\n", encoding="utf-8")
    outside = tmp_path / "precious.json"
    outside.write_bytes(b"precious")
    (repo / "accepted.json").symlink_to(outside if target == "outside" else Path(target))
    ran = subprocess.run(
        [sys.executable, "-m", "memogen", "lint", "--write-baseline"],
        cwd=repo,
        env={**os.environ, "PYTHONPATH": str(MAIN), "CI": "1", "MEMOGEN_LANG": "en"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (ran.returncode, ran.stdout + ran.stderr) == (
        1,
        "memogen.yaml:2:13: error: lint.baseline: the lint baseline 'accepted.json' is outside "
        "the repo (name a file inside the repo, e.g. .memogen-lint-baseline.json)\n",
    )
    assert outside.read_bytes() == b"precious" and (repo / "accepted.json").is_symlink()
