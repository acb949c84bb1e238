"""Pure functions templates may call, registered in one place."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from memogen.markup import escape_markdown_text


def md_cell(text: str) -> str:
    """Text made safe inside a Markdown table cell (no pipes, no line breaks, no raw HTML)."""
    return " ".join(md_text(text).replace("|", "\\|").split())


def md_text(text: str) -> str:
    """Plain text made inert in Markdown: raw HTML and links cannot start."""
    return escape_markdown_text(text)


def tel(phone: str) -> str:
    """`+7 495 123-45-67` → `+74951234567` for tel: links."""
    return "".join(ch for ch in str(phone) if ch.isdigit() or ch == "+")


ALL: dict[str, Callable[..., Any]] = {"md_cell": md_cell, "md_text": md_text, "tel": tel}
