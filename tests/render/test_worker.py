"""One job: a standard → the files asked for, written into the staging folder; failures named."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

import pytest

from memogen.data.config_model import Config
from memogen.data.models import Standard
from memogen.errors import UserError
from memogen.render.worker import Job, render_standard


def job(
    standard: Standard,
    staging: Path,
    artifacts: tuple[str, ...],
    formats: tuple[str, ...],
    templates: Path | None = None,
) -> Job:
    return Job(standard, Config(), templates, artifacts, formats, staging)


def test_only_the_formats_asked_for_are_made_and_their_sizes_reported(
    tiny_standard: Standard, tmp_path: Path
) -> None:
    rendered = render_standard(job(tiny_standard, tmp_path, ("memo", "guide"), ("md",)))
    assert sorted(rendered.files) == ["tiny-service/guide.md", "tiny-service/memo.md"]
    for relative, size in rendered.files.items():
        assert (tmp_path / relative).stat().st_size == size
    assert sorted(p.name for p in (tmp_path / "tiny-service").iterdir()) == ["guide.md", "memo.md"]
    assert rendered.pages == {}
    assert rendered.warnings == {}


def test_a_format_an_artifact_does_not_come_in_is_not_made(
    tiny_standard: Standard, tmp_path: Path
) -> None:
    rendered = render_standard(job(tiny_standard, tmp_path, ("poster", "email"), ("md",)))
    assert rendered.files == {}


def test_the_html_page_carries_the_standards_title(tiny_standard: Standard, tmp_path: Path) -> None:
    render_standard(job(tiny_standard, tmp_path, ("memo",), ("html",)))
    html = (tmp_path / "tiny-service" / "memo.html").read_text(encoding="utf-8")
    assert "<title>Staff memo: Tiny service</title>" in html
    assert '<html lang="en"' in html


def test_the_email_comes_as_eml_html_and_text_and_the_eml_carries_both_parts(
    tiny_standard: Standard, tmp_path: Path
) -> None:
    rendered = render_standard(job(tiny_standard, tmp_path, ("email",), ("eml", "html", "txt")))
    assert sorted(rendered.files) == [
        "tiny-service/email.eml",
        "tiny-service/email.html",
        "tiny-service/email.txt",
    ]
    message = email.message_from_bytes(
        (tmp_path / "tiny-service" / "email.eml").read_bytes(), policy=email.policy.default
    )
    text = (tmp_path / "tiny-service" / "email.txt").read_text(encoding="utf-8")
    html = (tmp_path / "tiny-service" / "email.html").read_text(encoding="utf-8")
    plain = message.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    rich = message.get_body(("html",)).get_content()  # type: ignore[union-attr]
    assert plain.replace("\r\n", "\n") == text  # the .eml ends its lines as mail does
    assert rich.replace("\r\n", "\n") == html


def test_a_template_that_includes_a_missing_one_is_named_with_its_standard(
    tiny_standard: Standard, tmp_path: Path
) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "memo.md.j2").write_text('{% include "nowhere.j2" %}', encoding="utf-8")
    with pytest.raises(UserError) as caught:
        render_standard(job(tiny_standard, tmp_path / "staging", ("memo",), ("md",), templates))
    assert str(caught.value) == (
        "tiny-service: the template 'nowhere.j2' is missing from templates/ "
        "and from the built-in theme"
    )


def test_the_word_files_are_made_for_the_memo_and_the_guide_only_when_asked_for(
    tiny_standard: Standard, tmp_path: Path
) -> None:
    artifacts = ("memo", "guide", "poster", "email")
    rendered = render_standard(job(tiny_standard, tmp_path, artifacts, ("md", "docx")))
    assert sorted(rendered.files) == [
        "tiny-service/guide.docx",
        "tiny-service/guide.md",
        "tiny-service/memo.docx",
        "tiny-service/memo.md",
    ]
    assert (tmp_path / "tiny-service" / "memo.docx").read_bytes()[:2] == b"PK"
