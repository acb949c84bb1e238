"""Markdown documents that read well on a Git forge."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment

from memogen.render.templating import render


def render_markdown(env: Environment, artifact: str, context: dict[str, Any]) -> str:
    """`<artifact>.md.j2` rendered; rich fields arrive already made safe (`.md`)."""
    text = render(env, f"{artifact}.md.j2", context)
    return "\n".join(line.rstrip() for line in text.strip().splitlines()) + "\n"
