"""Shared fixtures. Each helper has a name that says what it makes; add yours beside them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# A small, complete, valid standard; the bad fixtures are variations of it.
VALID_STANDARD_FILE = FIXTURES / "good" / "tiny-service.yaml"


@pytest.fixture
def valid_standard_text() -> str:
    """A small, complete, valid standard with id `tiny-service` (file tiny-service.yaml)."""
    return VALID_STANDARD_FILE.read_text(encoding="utf-8")


RepoWriter = Callable[..., Path]


@pytest.fixture
def write_repo(tmp_path: Path) -> RepoWriter:
    """Make a repo in tmp_path: `write_repo({"standards/x.yaml": text}, config=text)`.

    `config` (text of memogen.yaml) is written only when given. Returns the repo folder.
    """

    def write(files: dict[str, str] | None = None, config: str | None = None) -> Path:
        (tmp_path / "standards").mkdir(exist_ok=True)
        for name, text in (files or {}).items():
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        if config is not None:
            (tmp_path / "memogen.yaml").write_text(config, encoding="utf-8")
        return tmp_path

    return write
