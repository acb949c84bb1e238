"""The built-in theme and the Jinja environment (memogen/templating.py)."""

from __future__ import annotations

import re

import pytest

from memogen.render.templating import theme_dir

HTML_TEMPLATES = sorted(p.name for p in theme_dir().glob("*.html.j2"))
JINJA = re.compile(r"{{.*?}}|{%.*?%}|{#.*?#}", re.DOTALL)


@pytest.mark.parametrize("name", HTML_TEMPLATES)
def test_html_templates_hold_no_css_rule_and_include_their_stylesheet(name: str) -> None:
    """The CSS is in stylesheets (memo.css…), which a user may override alone."""
    source = (theme_dir() / name).read_text("utf-8")
    assert "{" not in JINJA.sub("", source), "a CSS rule in the markup"
    page = "{% extends" in source or "<!DOCTYPE html>" in source  # not a part others include
    if name != "base.html.j2" and page:
        stylesheet = name.removesuffix(".html.j2") + ".css"
        assert f'{{% include "{stylesheet}" %}}' in source
        assert (theme_dir() / stylesheet).is_file()
