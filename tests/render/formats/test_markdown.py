"""Unit tests for memogen.render.formats.markdown: the .md outputs, tidy for a Git forge."""

from __future__ import annotations

from pathlib import Path

import pytest

from memogen.data.config_model import Config
from memogen.data.models import Standard
from memogen.outputs import ARTIFACTS
from memogen.render.context import standard_context
from memogen.render.formats.markdown import render_markdown
from memogen.render.templating import make_environment


def test_trailing_spaces_and_blank_edges_are_trimmed_to_one_final_newline(
    tmp_path: Path,
) -> None:
    (tmp_path / "memo.md.j2").write_text(
        "\n\n# {{ title }}   \n\n{{ body }}\t\n\n\n", encoding="utf-8"
    )
    env = make_environment(tmp_path)
    text = render_markdown(env, "memo", {"title": "Справки", "body": "<b>не HTML</b>"})
    assert text == "# Справки\n\n<b>не HTML</b>\n"  # a .md template is not escaped


@pytest.mark.parametrize("kind", [k.name for k in ARTIFACTS if "md" in k.formats])
def test_the_theme_makes_tidy_markdown_of_each_artifact(kind: str, tiny_standard: Standard) -> None:
    text = render_markdown(make_environment(None), kind, standard_context(tiny_standard, Config()))
    assert "Tiny service" in text
    assert text.endswith("\n") and not text.endswith("\n\n") and not text.startswith("\n")
    assert all(line == line.rstrip() for line in text.splitlines())
