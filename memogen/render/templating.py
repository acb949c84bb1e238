"""The one Jinja environment: the user's templates/ first, the built-in theme last."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined

from memogen.render import filters

ESCAPED_SUFFIXES = (".html.j2", ".svg.j2", ".xml.j2")


def theme_dir() -> Path:
    """The built-in theme: packaged as memogen.theme, or the checkout's templates/."""
    spec = importlib.util.find_spec("memogen.theme")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return Path(__file__).resolve().parents[2] / "templates"


def make_environment(user_templates: Path | None) -> Environment:
    """Autoescape by output extension (`memo.html.j2` escaped, `memo.md.j2` not)."""
    folders = [theme_dir()]
    if user_templates is not None and user_templates.is_dir():
        folders.insert(0, user_templates)
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(folder) for folder in folders]),
        autoescape=lambda name: bool(name and name.endswith(ESCAPED_SUFFIXES)),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters.update(filters.ALL)
    return env


def render(env: Environment, name: str, context: dict[str, Any]) -> str:
    """Render one template by name."""
    return env.get_template(name).render(context)
