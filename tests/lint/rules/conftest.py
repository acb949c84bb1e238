"""What the unit tests of the lint rules share: a rule's Context made from YAML text."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from memogen.data.lint_settings import LintOptions
from memogen.data.loader import load_text
from memogen.data.models import Standard
from memogen.data.wording import to_model
from memogen.lint.rules.base import Context

TODAY = date(2027, 1, 1)  # a month after the tiny standard took effect

# The tiny standard of tests/fixtures/good, made complete: every rule passes it.
EXTRA = """\
feedback:
  url: https://survey.example.com/help
poster:
  slogan: Small things, fixed fast
"""


@pytest.fixture
def clean_text(valid_standard_text: str) -> str:
    """The tiny standard (English) with an example, a feedback link, a slogan, and "we solve
    the problem" where it said "the problem is solved"."""
    text = valid_standard_text.replace(
        "  - name: What is wrong\n", "  - name: What is wrong\n    example: The printer jams\n"
    ).replace("The problem is solved", "We solve the problem")
    return text + EXTRA


@pytest.fixture
def lint_context(clean_text: str) -> Callable[..., Context]:
    """`lint_context((old, new), …, today=…, **lint_options)`: the Context a check gets for
    the clean standard with each `old` (found exactly once) replaced by `new`."""

    def make(*changes: tuple[str, str], today: date = TODAY, **options: Any) -> Context:
        text = clean_text
        for old, new in changes:
            assert text.count(old) == 1, old
            text = text.replace(old, new)
        document = load_text(text, "standards/tiny-service.yaml")
        standard, issues = to_model(Standard, document)
        assert issues == [] and standard is not None
        # YAML gives every scalar as text
        as_yaml_gives = {k: str(v) if isinstance(v, int) else v for k, v in options.items()}
        return Context(standard, document, LintOptions.model_validate(as_yaml_gives), today)

    return make
