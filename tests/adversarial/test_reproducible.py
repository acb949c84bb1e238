"""Guarantee 8 — reproducible: the same input gives byte-identical files whatever the working
folder, TZ, LANG, hash seed, worker count and order of the input files; no output holds an
absolute path, the host's name or the time of the build."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from memogen.outputs import FORMATS

from .adversarial_kit import (
    MAIN,
    TINY_TEXT,
    leftovers,
    make_repo,
    pdf_uncompressed,
    readable_outputs,
    snapshot,
)


def _build(repo: Path, out: Path, cwd: Path, env: dict[str, str], *args: str) -> None:
    full = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    full.update(env, PYTHONPATH=str(MAIN), CI="1")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "memogen",
            "build",
            "-o",
            str(out),
            "--config",
            str(repo / "memogen.yaml"),
            "--format",
            ",".join(FORMATS),  # the .docx too, which memogen.yaml does not ask for
            *args,
        ],
        cwd=cwd,
        env=full,
        check=True,
        capture_output=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    root = tmp_path_factory.mktemp("reproducible")
    standards = {
        "tiny-service.yaml": TINY_TEXT,
        "alpha-service.yaml": TINY_TEXT.replace("id: tiny-service", "id: alpha-service").replace(
            "effective: 2026-12-01", "effective: 2031-06-15"
        ),
    }
    repo = make_repo(root / "repo", standards)
    elsewhere = root / "elsewhere"
    elsewhere.mkdir()
    first, second = root / "first-out", elsewhere / "second" / "out"
    _build(
        repo,
        first,
        repo,
        {"TZ": "UTC", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "PYTHONHASHSEED": "1"},
        "-j",
        "1",
    )
    _build(
        repo,
        second,
        elsewhere,
        {
            "TZ": "Asia/Kathmandu",
            "LANG": "ru_RU.UTF-8",
            "LC_ALL": "ru_RU.UTF-8",
            "PYTHONHASHSEED": "2",
        },
        "-j",
        "2",
        str(repo / "standards" / "tiny-service.yaml"),
        str(repo / "standards" / "alpha-service.yaml"),
    )
    return root, first, second


def test_same_input_gives_byte_identical_files(two_builds: tuple[Path, Path, Path]) -> None:
    _, first, second = two_builds
    one, two = snapshot(first), snapshot(second)
    assert len(one) > 25
    assert "tiny-service/memo.docx" in one and "tiny-service/guide.docx" in one
    assert sorted(one) == sorted(two)
    assert [name for name in one if one[name] != two[name]] == []
    assert leftovers(first) == leftovers(second) == []


def test_no_output_holds_a_path_a_host_name_or_the_build_time(
    two_builds: tuple[Path, Path, Path],
) -> None:
    root, first, _ = two_builds
    now = [datetime.now(), datetime.now(UTC)]
    clock = {
        moment.strftime(form)
        for moment in now
        for form in ("%Y-%m-%dT%H", "%Y-%m-%d %H:", "%Y%m%d%H", "%d %b %Y %H:")
    }
    host = {socket.gethostname(), socket.getfqdn()} - {"localhost"}
    paths = {str(root), str(root.resolve()), str(MAIN), os.path.expanduser("~") + "/"}
    for name, text in readable_outputs(first):
        found = [p for p in paths | clock if p in text]
        found += [h for h in host if re.search(rf"(?<![\w.-]){re.escape(h)}(?![\w-])", text)]
        assert found == [], name
    for path in first.rglob("*"):
        raw = (
            pdf_uncompressed(path)
            if path.suffix == ".pdf"
            else (path.read_bytes() if path.is_file() else b"")
        )
        assert [p for p in paths | clock if p.encode() in raw] == [], path.name
