"""Guarantee 2 — Markdown: a URL a standard gives (`request.form_url`, `feedback.url`) is one
link destination, percent-encoded where Markdown would read syntax, so it can neither end its
link early nor add a link or an image of its own. Each .md is read as a forge reads it:
rendered by Python-Markdown, then every link and image counted."""

from __future__ import annotations

import json
import re
import zipfile
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from memogen.render.filters import md_url

from .adversarial_kit import (
    build_repo,
    eml_parts,
    html_problems,
    html_reading,
    make_repo,
    markdown_as_html,
    tiny_data,
    to_yaml,
)

FORM = "https://forms.example.com/help)[x](javascript:alert(1))"
SURVEY = (
    "https://survey.example.com/r)![p](https://tracker.example/p.png)[y](https://evil.example/)"
)


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "a":
            self.found.append(("a", found.get("href") or ""))
        elif tag == "img":
            self.found.append(("img", found.get("src") or ""))


def links_and_images(markdown_text: str) -> list[tuple[str, str]]:
    parser = _Links()
    parser.feed(markdown_as_html(markdown_text))
    return parser.found


@pytest.fixture(scope="module")
def hostile_markdown(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tiny_data()
    data["request"]["form_url"] = FORM
    data["feedback"] = {"url": SURVEY}
    repo = make_repo(tmp_path_factory.mktemp("links"), {"tiny-service.yaml": to_yaml(data)})
    build_repo(repo, repo / "output", formats=("md",), artifacts=("memo", "guide"))
    return repo / "output" / "tiny-service"


def test_form_url_in_markdown_is_one_link_and_adds_none(hostile_markdown: Path) -> None:
    """Before: the memo gained a `javascript:` link `[x]`."""
    assert links_and_images((hostile_markdown / "memo.md").read_text(encoding="utf-8")) == [
        ("a", "https://forms.example.com/help%29%5Bx%5D%28javascript:alert%281%29%29"),
        ("a", "mailto:bob.stone@example.com"),
    ]


def test_feedback_url_in_markdown_adds_no_tracking_image(hostile_markdown: Path) -> None:
    """Before: the guide gained an <img> from tracker.example and a link to evil.example."""
    assert links_and_images((hostile_markdown / "guide.md").read_text(encoding="utf-8")) == [
        ("a", "https://forms.example.com/help%29%5Bx%5D%28javascript:alert%281%29%29"),
        ("a", "mailto:bob.stone@example.com"),
        (
            "a",
            "https://survey.example.com/r%29!%5Bp%5D%28https://tracker.example/p.png%29"
            "%5By%5D%28https://evil.example/%29",
        ),
    ]


@pytest.mark.parametrize(
    ("url", "written"),
    [
        ("https://x.example/a b", "https://x.example/a%20b"),
        ("https://x.example/<x>", "https://x.example/%3Cx%3E"),
        ("https://x.example/a%20b?q=1&r=2#top", "https://x.example/a%20b?q=1&r=2#top"),
        ("https://x.example/путь", "https://x.example/%D0%BF%D1%83%D1%82%D1%8C"),
        ('https://x.example/"t"', "https://x.example/%22t%22"),
    ],
)
def test_md_url_encodes_only_what_markdown_would_read(url: str, written: str) -> None:
    assert md_url(url) == written


def test_the_diff_report_in_markdown_adds_no_link_image_or_html() -> None:
    """`memogen diff --format md` goes into pull requests: a question typed as an image, a
    link or HTML was printed raw (a tracking image, a link, an <img> in the comment)."""
    from memogen.diff.compare import Change
    from memogen.diff.report import Compared, as_markdown

    question = (
        "![p](https://tracker.example/p.png) <img src=https://tracker.example/q.png> "
        "[click](https://evil.example/) a | b\nc"
    )
    change = Change("faq.0", "notable", "faq-new", None, {"q": question}, f"New: «{question}»")
    report = as_markdown([Compared("tiny-service", [change])])
    assert links_and_images(report) == []
    assert "<img" not in markdown_as_html(report)
    assert report.splitlines()[-2] == (
        "| notable | `faq.0` | New: «!\\[p\\](https://tracker.example/p.png) "
        "&lt;img src=https://tracker.example/q.png> \\[click\\](https://evil.example/) "
        "a \\| b\\\\nc» |"
    )


# --- the same URLs in every other medium: each one whole link, nothing added ----------------

TRICKY_FORM = "https://forms.example.com/help)[x](javascript:alert(1))'onmouseover='alert(1)&a=1"
TRICKY_SURVEY = "https://survey.example.com/r)![p](https://tracker.example/p.png)'x&y=1"
TRICKY_SITE = "https://docs.example.com/x)[y](javascript:z)'&q=1"


@pytest.fixture(scope="module")
def everywhere(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tiny_data()
    data["request"]["form_url"] = TRICKY_FORM
    data["feedback"] = {"url": TRICKY_SURVEY}
    repo = make_repo(
        tmp_path_factory.mktemp("everywhere"),
        {"tiny-service.yaml": to_yaml(data)},
        config=f'language: en\nsite_url: "{TRICKY_SITE}"\n',
    )
    build_repo(repo, repo / "output", formats=("html", "eml", "docx"))
    return repo / "output"


def _hrefs(html: str) -> list[str]:
    return [href for href, _ in html_reading(html)[1]]


def test_a_tricky_url_is_one_whole_link_in_html_email_word_and_json(everywhere: Path) -> None:
    """Whatever a valid URL holds (`)[x](`, `'`, `&`), each medium gets it as one link to
    exactly that address, escaped for the medium: no attribute, link or image of its own."""
    folder = everywhere / "tiny-service"
    pages = {
        name: (folder / name).read_text(encoding="utf-8")
        for name in ("memo.html", "guide.html", "email.html")
    }
    _, _, pages["email.eml (HTML part)"] = eml_parts((folder / "email.eml").read_bytes())
    pages["index.html"] = (everywhere / "index.html").read_text(encoding="utf-8")
    for name, html in pages.items():
        hrefs = _hrefs(html)
        assert TRICKY_FORM in hrefs, name
        assert not [h for h in hrefs if h.lower().startswith("javascript")], name
        assert [h for h in hrefs if "tracker" in h or "javascript" in h] == [
            h for h in hrefs if h in (TRICKY_FORM, TRICKY_SURVEY) or h.startswith(TRICKY_SITE)
        ], name
        assert name == "index.html" or not html_problems(html, logo=""), name  # (its finder)
    assert TRICKY_SURVEY in _hrefs(pages["guide.html"])
    poster = (folder / "poster.html").read_text(encoding="utf-8")  # the address, said, no link
    assert not html_problems(poster, logo="") and _hrefs(poster) == []
    assert "help)[x](javascript:alert(1))&#39;onmouseover=&#39;alert(1)&amp;a=1" in poster
    for artifact in ("memo", "guide"):
        with zipfile.ZipFile(folder / f"{artifact}.docx") as docx:
            relations = docx.read("word/_rels/document.xml.rels").decode("utf-8")
        targets = [
            unescape(t) for t in re.findall(r'Target="([^"]*)" TargetMode="External"', relations)
        ]
        assert TRICKY_FORM in targets and all(
            t in (TRICKY_FORM, TRICKY_SURVEY) or t.startswith("mailto:") for t in targets
        ), (artifact, targets)
    catalogue = json.loads((everywhere / "catalogue.json").read_text(encoding="utf-8"))
    request = catalogue["services"][0]["request"]
    assert (request["form_url"], request["href"]) == (TRICKY_FORM, TRICKY_FORM)
