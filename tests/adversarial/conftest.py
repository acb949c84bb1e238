"""Fixtures of the adversarial suite: a built tiny repo to attack, and a CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from memogen.cli import main

from .adversarial_kit import Built, Cli, Ran, build_repo, make_repo


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The tiny standard's repo and its complete output, built once per session."""
    repo = make_repo(tmp_path_factory.mktemp("built") / "repo")
    build_repo(repo, repo / "output")
    return Built(repo, repo / "output")


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Cli:
    """Run `memogen ARGS` in-process from the folder `cwd`, as a user would."""

    def run(*args: str, cwd: Path) -> Ran:
        monkeypatch.chdir(cwd)
        monkeypatch.setenv("CI", "1")  # no progress line
        result = CliRunner().invoke(main, list(args), catch_exceptions=False)
        return Ran(result.exit_code, result.stdout, result.stderr)

    return run
