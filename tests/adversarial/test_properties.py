"""Property tests: any text put into any string field of a valid standard gives either a valid
build whose outputs are safe, or UserErrors located in the file — never anything else.

Bounded to stay fast: outputs are rendered as HTML, Markdown, .eml and .txt (no PDF), with
few examples; the atheris target fuzz_loader.py digs deeper in CI.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pydantic_core import PydanticCustomError

from memogen.data.config import load_config
from memogen.data.fields import _markdown
from memogen.data.validate import check_standards
from memogen.errors import UserError
from memogen.outputs import ARTIFACT_NAMES
from memogen.render import markup
from memogen.render.worker import Job, render_standard

from .adversarial_kit import (
    eml_parts,
    html_problems,
    markdown_as_html,
    tiny_data,
    to_yaml,
)

FILE = "standards/tiny-service.yaml"
Path_ = tuple[str | int, ...]


def _string_fields(data: Any, at: Path_ = ()) -> list[Path_]:
    if isinstance(data, dict):
        return [p for key, value in data.items() for p in _string_fields(value, (*at, key))]
    if isinstance(data, list):
        return [p for n, value in enumerate(data) for p in _string_fields(value, (*at, n))]
    return [at] if isinstance(data, str) else []


def full_data() -> dict[str, Any]:
    """The tiny standard with every optional field filled in, so every field gets attacked."""
    data = tiny_data()
    data["request"].update(
        address="help@example.com",
        hard_parts=[{"title": "The description", "text": "Say what you *expected*."}],
    )
    data["inputs"][0].update(description="A **short** description.", example="The printer")
    data["stages"][1]["client_action"] = "Answer our questions."
    data.update(
        changes={
            "before_start": "Yes",
            "in_progress": "By email",
            "after_delivery": "Within a week",
        },
        service_rules=["Greet by name."],
        feedback={"url": "https://survey.example.com/x"},
        poster={"slogan": "We help"},
        faq=[{"q": "Can I call?", "a": "Yes, [call](https://call.example.com/)."}],
    )
    return data


FIELDS = _string_fields(full_data())
NASTY = [
    "\r\nBcc: x@example.com",
    "\u2028",
    "\u2029",
    "=?utf-8?q?x?=",
    "<script>x()</script>",
    "javascript:alert(1)",
    "[x](javascript:alert(1))",
    "> " * 20,
    "- " * 50,
    "\x00",
    "\t",
    "{{ 7*7 }}",
    "{0.__class__}",
    "%s%n",
    "\\",
    "'",
    '"',
    "&amp;",
    "<!--",
    "]]>",
    "\ufeff",
    "\u202e",
    "0755",
    "no",
    "1:30",
    "~",
    "",
    " ",
    "#",
    ": ",
    "- ",
    "|",
    "x" * 300,
    "![i](http://127.0.0.1:9/x)",
    "[r]: javascript:x",
    "<img src=x onerror=y>",
]
TEXT = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=60),
    st.lists(st.sampled_from(NASTY), max_size=4).map("".join),
)
FORMATS = ("html", "md", "eml", "txt")
_CONFIG = load_config(None)


def _put(data: dict[str, Any], at: Path_, text: str, how: str) -> None:
    parent: Any = data
    for key in at[:-1]:
        parent = parent[key]
    old = parent[at[-1]]
    parent[at[-1]] = {"replace": text, "prefix": text + old, "suffix": old + text}[how]


def _check_outputs(staging: Path, files: dict[str, int]) -> None:
    for relative in files:
        path = staging / relative
        if path.suffix == ".html":
            assert html_problems(path.read_text("utf-8")) == [], relative
        elif path.suffix == ".md":
            assert html_problems(markdown_as_html(path.read_text("utf-8"))) == [], relative
        elif path.suffix == ".eml":
            assert html_problems(eml_parts(path.read_bytes())[2]) == [], relative


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(at=st.sampled_from(FIELDS), text=TEXT, how=st.sampled_from(["replace", "prefix", "suffix"]))
def test_any_text_in_any_field_builds_safely_or_fails_located(
    at: Path_, text: str, how: str
) -> None:
    data = full_data()
    _put(data, at, text, how)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "tiny-service.yaml"
        source.write_text(to_yaml(data), encoding="utf-8")
        lines = source.read_text(encoding="utf-8").count("\n") + 1
        checked = check_standards([(source, FILE)], _CONFIG)
        for issue in checked.issues:
            assert issue.file == FILE and issue.message
            assert 1 <= issue.line <= lines and issue.col >= 1, issue
        if checked.errors:
            assert checked.standards == []
            event("refused with a located error")
            return
        staging = Path(folder) / "out"
        job = Job(checked.standards[0], _CONFIG, None, ARTIFACT_NAMES, FORMATS, staging)
        try:
            rendered = render_standard(job)
        except UserError as exc:  # allowed only if it names the standard
            assert exc.describe().startswith("tiny-service: "), exc
            return
        _check_outputs(staging, rendered.files)
        event("built")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "> ",
                "- ",
                "1. ",
                "    ",
                "\n",
                "\n\n",
                "x",
                "<b>",
                "[",
                "](",
                ")",
                "`",
                "*",
                "_",
                "&",
                "!",
                "<",
                "javascript:",
                "data:",
                "]: ",
                "http://a.example/",
            ]
        ),
        max_size=200,
    ).map("".join)
)
def test_markdown_that_passes_validation_renders_safely(text: str) -> None:
    try:
        text = _markdown(text)
    except PydanticCustomError:
        return
    assert html_problems(markup.to_html(text)) == []
    assert html_problems(markdown_as_html(markup.to_safe_markdown(text))) == []
    markup.to_plain_text(text)


@pytest.mark.parametrize("text", ["{{ 7*7 }}", "{0.__class__.__mro__}", "{title}", "%(x)s"])
def test_template_and_format_syntax_in_a_title_is_printed_not_run(
    text: str, tmp_path: Path
) -> None:
    data = tiny_data()
    data["title"] = f"Tiny {text} service"
    source = tmp_path / "tiny-service.yaml"
    source.write_text(to_yaml(data), encoding="utf-8")
    standard = check_standards([(source, FILE)], _CONFIG).standards[0]
    rendered = render_standard(
        Job(standard, _CONFIG, None, ("memo", "email"), FORMATS, tmp_path / "out")
    )
    for relative in rendered.files:
        if relative.endswith((".md", ".txt")):
            written = (tmp_path / "out" / relative).read_text("utf-8")
            assert text.replace("_", "\\_") in written or text in written, relative
            assert "<class" not in written and "49" not in written
