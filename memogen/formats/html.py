"""HTML documents: the rendered template, as UTF-8 bytes."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment

from memogen.templating import render


def render_html(env: Environment, artifact: str, context: dict[str, Any]) -> str:
    """`<artifact>.html.j2` rendered with the standard's context."""
    return render(env, f"{artifact}.html.j2", context)
