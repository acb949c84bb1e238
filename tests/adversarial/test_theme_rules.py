"""The built-in theme keeps the rules docs/security.md gives template authors: `| safe` only
on what memogen prepared, and a field in a URL attribute only where memogen checked or made
the URL. A new use elsewhere fails here until the document (and a review) allows it."""

from __future__ import annotations

import re
from pathlib import Path

from memogen.render.templating import make_environment, render, theme_dir

SAFE_USE = re.compile(r"\{\{-?\s*([^{}]*?)\s*\|\s*safe\b[^{}]*\}\}")
PREPARED = re.compile(
    r"[\w.]+\.(?:html|inline)|diagram|form_qr|feedback_qr|mail_qr|live\.qr\.\w+|example\.data"
)
URL_ATTRIBUTE = re.compile(
    r"\b(href|src|srcset|action|formaction|poster|data|xlink:href)=\"([^\"]*\{\{[^\"]*)\""
)
CHECKED_URLS = {
    'href="{{ s.request.form_url }}"',
    'href="{{ feedback_url }}"',
    'href="{{ s.request.address | mailto }}"',
    'href="{{ c.email | mailto }}"',
    'href="{{ main_contact.email | mailto }}"',
    'href="tel:{{ c.phone | tel }}"',
    'href="tel:{{ main_contact.phone | tel }}"',
    'href="{{ item.request_href }}"',
    'href="{{ item.href }}"',
    'href="{{ item.guide_href }}"',
    'href="{{ link.href }}"',
    'href="{{ live.page }}"',
    'href="{{ guide_url }}"',
    'href="#{{ department.anchor }}"',
    'href="{{ href }}"',  # the email's button: called with the form_url alone
    'src="{{ logo }}"',
    'src="{{ mail_logo.src }}"',
}


def theme_texts() -> dict[str, str]:
    return {
        path.name: path.read_text(encoding="utf-8")
        for path in sorted(theme_dir().iterdir())
        if path.suffix == ".j2"
    }


def test_the_theme_marks_safe_only_what_memogen_prepared() -> None:
    unprepared = [
        (name, found)
        for name, text in theme_texts().items()
        for found in SAFE_USE.findall(text)
        if not PREPARED.fullmatch(found)
    ]
    assert unprepared == []


def test_the_theme_prints_a_field_in_a_url_attribute_only_where_the_url_is_checked() -> None:
    used = {
        f'{attribute}="{value}"'
        for text in theme_texts().values()
        for attribute, value in URL_ATTRIBUTE.findall(text)
    }
    assert used <= CHECKED_URLS, used - CHECKED_URLS


def test_the_email_button_is_given_the_form_url_alone() -> None:
    calls = re.findall(r"\{\{ button\(([^,]+),", theme_texts()["email.html.j2"])
    assert calls == ["s.request.form_url"]


def test_the_markdown_theme_prints_every_link_destination_through_md_url() -> None:
    destinations = [
        found
        for name, text in theme_texts().items()
        if name.endswith(".md.j2")
        for found in re.findall(r"\]\((\{\{[^)]*\}\})\)", text)
    ]
    assert destinations, "the Markdown templates link the form, the survey and the addresses"
    assert [d for d in destinations if not d.endswith("| md_url }}")] == []


def test_autoescape_follows_the_template_name(tmp_path: Path) -> None:
    (tmp_path / "memo.html.j2").write_text("{{ x }}", encoding="utf-8")
    (tmp_path / "memo.md.j2").write_text("{{ x }}", encoding="utf-8")
    env = make_environment(tmp_path)
    assert render(env, "memo.html.j2", {"x": "<b>&"}) == "&lt;b&gt;&amp;"
    assert render(env, "memo.md.j2", {"x": "<b>&"}) == "<b>&"
