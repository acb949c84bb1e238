"""The guide's calculator puts a script in the page: hostile text in a standard must not
reach it, and the page must fetch nothing (docs/security.md, "What a template author must
not do")."""

from __future__ import annotations

import re
from pathlib import Path

from memogen.data.config_model import Config
from memogen.data.models import Standard
from memogen.render.worker import Job, render_standard

HOSTILE = "</script><script>alert(1)</script><img src=x onerror=alert(2)>"


def test_hostile_names_never_open_a_script_in_the_calculator(
    tiny_standard: Standard, tmp_path: Path
) -> None:
    stages = [stage.model_copy(update={"name": HOSTILE}) for stage in tiny_standard.stages]
    standard = tiny_standard.model_copy(update={"title": HOSTILE, "stages": stages})
    config = Config.model_validate({"calendar": {"country": "RU"}})
    render_standard(Job(standard, config, None, ("guide",), ("html",), tmp_path))
    page = (tmp_path / "tiny-service" / "guide.html").read_text("utf-8")
    scripts = re.findall(r"<script[^>]*>", page)
    assert scripts == ['<script type="application/json" id="calendar-data">', "<script>"]
    assert "alert(" not in page.split('id="calendar-data">', 1)[1].split("</script>", 1)[0]
    assert HOSTILE not in page and "<img" not in page
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in page  # printed as text, escaped
    assert not re.search(r"fetch\(|XMLHttpRequest|import\(|src=\"http", page)
