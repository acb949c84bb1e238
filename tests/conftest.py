"""Shared fixtures. Each helper has a name that says what it makes; add yours beside them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent

VALID_STANDARD_ID = "tiny-service"

VALID_STANDARD_TEXT = """\
memogen: 1
id: tiny-service
title: Tiny service
language: en
version: "1.0"
effective: 2026-12-01
department: Support desk
summary: We help colleagues with small things.
owner:
  name: Ann Lee
  role: Head of support
  email: ann.lee@example.com
  phone: "+7 495 123-45-67"
clients: All staff
request:
  channel: form
  form_name: Help form
  form_url: https://intranet.example.com/forms/help
  acknowledge_within: 4 business hours
  steps:
    - Open the form.
    - Describe the problem.
inputs:
  - name: What is wrong
    required: true
stages:
  - name: Registration
    performer: Support engineer
    deadline: 1 business day
    result: The request has a number
  - name: Work
    performer: Support engineer
    deadline: 2 business days
    result: The problem is solved
deadline: 3 business days
result:
  criteria:
    - The problem is solved
  delivery: We tell you by email.
contacts:
  - name: Bob Stone
    role: Support engineer
    email: bob.stone@example.com
    when: No answer within a day
"""


@pytest.fixture
def valid_standard_text() -> str:
    """A small, complete, valid standard with id `tiny-service` (file tiny-service.yaml)."""
    return VALID_STANDARD_TEXT


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
