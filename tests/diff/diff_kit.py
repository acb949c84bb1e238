"""What the diff tests share: the tiny standard's text, edited, as a model."""

from __future__ import annotations

from memogen.data.loader import load_text
from memogen.data.models import Standard
from memogen.data.wording import to_model
from tests.conftest import VALID_STANDARD_FILE

TINY = VALID_STANDARD_FILE.read_text(encoding="utf-8")


def edited(find: str, replacement: str, text: str = TINY) -> str:
    assert text.count(find) == 1, find
    return text.replace(find, replacement)


def model(text: str) -> Standard:
    standard, issues = to_model(Standard, load_text(text, "standards/tiny-service.yaml"))
    assert standard is not None, issues
    return standard
