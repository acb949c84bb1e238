"""Guarantee 2 — HTML, PDF, email, Markdown: nothing a standard says can run, load or embed.

One standard with an attack in every text field is built in every format; each
output is then read as its consumer reads it (see adversarial_kit). The exact
sanitised forms of the classic attacks are pinned at the end.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from memogen.render import markup
from memogen.render.filters import md_cell, md_text
from memogen.render.templating import theme_dir
from memogen.render.typography import typeset

from .adversarial_kit import (
    build_repo,
    eml_parts,
    html_problems,
    html_reading,
    mailboxes_as_mail_clients_read,
    make_repo,
    markdown_as_html,
    pdf_attachments,
    readable_outputs,
    tiny_data,
    to_yaml,
)

TITLE = "\"><img src=x onerror=alert(1)> & 'Q' <b>T</b> [x](javascript:alert(1))"
OWNER = 'Eve "><svg onload=alert(1)> <eve@attacker.example>, all@example.com'
# what the documents print: the text typeset (curly quotes), the markup in it left as typed
PRINTED_TITLE, PRINTED_OWNER = typeset(TITLE, "en"), typeset(OWNER, "en")
ATTACKS = (
    "Intro <script>alert('PWNED-SCRIPT')</script> <style>.PWNED-STYLE{color:red}</style>\n"
    '<iframe src="https://PWNED-IFRAME.example/"></iframe> '
    '<object data="https://PWNED-OBJECT.example/"></object> '
    '<embed src="https://PWNED-EMBED.example/"> <img src=x onerror=alert(1)> '
    '<svg onload=alert(1)></svg> <math><mi xlink:href="javascript:alert(1)">m</mi></math>\n'
    '<a href="javascript:alert(1)">a1</a> <a href=" JaVaScRiPt:alert(1)">a2</a> '
    '<a href="&#106;avascript:alert(1)">a3</a> <a href="data:text/html,PWNED">a4</a> '
    '<a href="https://ok.example/" onclick="x()" style="background:url(https://x/)">ok</a>\n'
    "[l1](javascript:alert(1)) [l2](data:text/html,PWNED) [l3](/etc/passwd) [l4](file:///etc/x) "
    "![i1](https://PWNED-IMAGE.example/x.png) <javascript:alert(1)> [r1][js]\n\n"
    "- [js]: javascript:alert(3)\n\n"
    "> [js2]: data:text/html,PWNED\n\n"
    '<form action="https://PWNED-FORM.example/"><input name=q></form> '
    '<base href="https://PWNED-BASE.example/"> '
    '<meta http-equiv="refresh" content="0;url=https://PWNED-META.example/"> '
    '<link rel=stylesheet href="https://PWNED-LINK.example/x.css">'
)
SHORT = "<script>alert(1)</script>[s](javascript:alert(1)) <img src=x onerror=alert(1)>"


def hostile_standard() -> str:
    """The tiny standard with an attack in every text field, within every length bound."""
    data = tiny_data()
    data.update(title=TITLE, department=SHORT, summary=ATTACKS, clients=SHORT)
    data["owner"].update(name=OWNER, role=SHORT)
    data["request"].update(
        form_name=SHORT, steps=[ATTACKS, SHORT], hard_parts=[{"title": SHORT, "text": ATTACKS}]
    )
    data["inputs"] = [{"name": SHORT, "description": ATTACKS, "example": SHORT}]
    for stage in data["stages"]:
        stage.update(
            name="[x](javascript:alert(1))<svg/onload=alert(1)>",
            performer=SHORT,
            result=ATTACKS,
            client_action=SHORT,
        )
    data["result"] = {"criteria": [ATTACKS, SHORT], "delivery": ATTACKS}
    data["changes"] = {"before_start": SHORT, "in_progress": SHORT, "after_delivery": SHORT}
    data["contacts"][0].update(name=OWNER, role=SHORT, when=SHORT)
    data["service_rules"] = [SHORT]
    data["poster"] = {"slogan": SHORT}
    data["faq"] = [{"q": SHORT, "a": ATTACKS}]
    return to_yaml(data)


@pytest.fixture(scope="module")
def hostile_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = make_repo(tmp_path_factory.mktemp("hostile"), {"tiny-service.yaml": hostile_standard()})
    result = build_repo(repo, repo / "output")
    # Nothing refused or fetched. The attack strings are long unbreakable tokens, and their
    # overflow of the memo's stage column is real (a layout matter, reported as such).
    assert [w for w in result.warnings if "text runs past the edge of page" not in w] == []
    return repo / "output"


def _outputs(out: Path, suffix: str) -> list[Path]:
    found = sorted(out.rglob(f"*{suffix}"))
    assert found, f"no {suffix} output"
    return found


def test_no_html_output_can_run_load_or_embed_anything(hostile_out: Path) -> None:
    for path in _outputs(hostile_out, ".html"):
        html = path.read_text(encoding="utf-8")
        if path == hostile_out / "index.html":
            html = without_the_catalogues_finder(html)
        assert html_problems(html) == [], path.name


FINDER_FORM = re.compile(
    r'<form class="finder" id="mg-finder" role="search" hidden>.*?</form>', re.S
)
FINDER_SCRIPT = re.compile(r"<script>\n(.*?)</script>", re.S)


def without_the_catalogues_finder(html: str) -> str:
    """The catalogue's one script is the theme's index.js, verbatim (no field reaches it),
    and its form has no action (nothing typed is ever sent): both are taken out, and the rest
    is scanned like every page."""
    [script] = FINDER_SCRIPT.findall(html)
    assert script == (theme_dir() / "index.js").read_text(encoding="utf-8")
    [form] = FINDER_FORM.findall(html)
    assert "action=" not in form and "formaction" not in form and "method=" not in form
    return FINDER_SCRIPT.sub("", FINDER_FORM.sub("", html))


def test_no_markdown_output_can_run_load_or_embed_anything_once_rendered(hostile_out: Path) -> None:
    for path in _outputs(hostile_out, ".md"):
        assert html_problems(markdown_as_html(path.read_text(encoding="utf-8"))) == [], path.name


def test_no_eml_part_can_run_load_or_embed_anything(hostile_out: Path) -> None:
    for path in _outputs(hostile_out, ".eml"):
        _, plain, html = eml_parts(path.read_bytes())
        assert html_problems(html) == []
        assert "PWNED-SCRIPT" not in plain and "PWNED-STYLE" not in plain


def test_script_and_style_bodies_and_hostile_targets_reach_no_output(hostile_out: Path) -> None:
    """HTML, .txt, .eml, PDF: the contents of <script>/<style> and every hostile URL are gone.
    (The .md keeps raw HTML as visible, inert text — checked rendered, above.)"""
    markers = (
        "PWNED-SCRIPT",
        "PWNED-STYLE",
        "PWNED-IFRAME",
        "PWNED-OBJECT",
        "PWNED-EMBED",
        "PWNED-FORM",
        "PWNED-BASE",
        "PWNED-META",
        "PWNED-LINK",
        "PWNED-IMAGE",
        "data:text/html",
        "/etc/passwd",
        "file:///",
    )
    for name, text in readable_outputs(hostile_out):
        if not name.endswith((".md", ".json")):
            assert [m for m in markers if m in text] == [], name


def test_links_in_documents_are_absolute_http_https_mailto_or_tel(hostile_out: Path) -> None:
    class Links(HTMLParser):
        hrefs: list[str]

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.hrefs += [v or "" for k, v in attrs if k in ("href", "xlink:href")]

    for path in _outputs(hostile_out / "tiny-service", ".html"):
        links = Links()
        links.hrefs = []
        links.feed(path.read_text(encoding="utf-8"))
        odd = [
            h
            for h in links.hrefs
            if not h.startswith(("https://", "http://", "mailto:", "tel:", "#"))
        ]
        assert odd == [], path.name


def test_pdfs_have_no_attachments(hostile_out: Path) -> None:
    for path in _outputs(hostile_out, ".pdf"):
        assert pdf_attachments(path) == "0 embedded files", path.name


# --- titles and names: escaped in markup, shown literally ------------------------------------


class _Texts(HTMLParser):
    """The text of <title> and <h1>, and every attribute value, as a browser decodes them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title, self.h1, self.attributes, self._in = "", "", [], ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in = tag if tag in ("title", "h1") and not (self.title and tag == "title") else ""
        self.attributes += [v or "" for _, v in attrs]

    def handle_endtag(self, tag: str) -> None:
        self._in = ""

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.title += data
        elif self._in == "h1":
            self.h1 += data


@pytest.mark.parametrize("name", ["memo.html", "guide.html", "poster.html"])
def test_title_is_escaped_in_html_and_reads_literally(hostile_out: Path, name: str) -> None:
    texts = _Texts()
    texts.feed((hostile_out / "tiny-service" / name).read_text(encoding="utf-8"))
    assert texts.title.endswith(PRINTED_TITLE)
    assert PRINTED_TITLE in " ".join(texts.h1.split()) or PRINTED_TITLE in texts.title


def test_owner_name_is_escaped_in_attributes_and_reads_literally(hostile_out: Path) -> None:
    texts = _Texts()
    texts.feed((hostile_out / "tiny-service" / "memo.html").read_text(encoding="utf-8"))
    assert PRINTED_OWNER in texts.attributes  # <meta name="author" content="…">


def test_title_in_markdown_reads_literally_and_links_nowhere(hostile_out: Path) -> None:
    rendered = markdown_as_html((hostile_out / "tiny-service" / "memo.md").read_text("utf-8"))
    texts = _Texts()
    texts.feed(rendered)
    assert texts.h1.endswith(PRINTED_TITLE)
    assert html_problems(rendered) == []


@pytest.mark.parametrize("name", ["memo.pdf", "guide.pdf", "poster.pdf"])
def test_pdf_title_shows_the_title_literally(hostile_out: Path, name: str) -> None:
    metadata = PdfReader(hostile_out / "tiny-service" / name).metadata
    assert metadata is not None and metadata.title is not None
    assert metadata.title.endswith(PRINTED_TITLE)
    assert metadata.author == PRINTED_OWNER


def test_email_subject_and_sender_show_title_and_name_literally(hostile_out: Path) -> None:
    raw = (hostile_out / "tiny-service" / "email.eml").read_bytes()
    message, plain, _ = eml_parts(raw)
    # A 70–77 character subject is folded whole onto the next line ("Subject:\r\n …"), valid
    # RFC 5322; Python's parser then keeps the folding space in front, mail clients do not.
    assert message["Subject"].lstrip(" ") == TITLE
    assert [a.addr_spec for a in message["From"].addresses] == ["ann.lee@example.com"]
    assert mailboxes_as_mail_clients_read(raw, "From") == [(OWNER, "ann.lee@example.com")]
    assert PRINTED_TITLE in plain.replace("\n", " ")


# --- the exact sanitised form of each classic attack ------------------------------------------

# (Markdown typed in a field, what its HTML reads as: words and (href, rel) links, its
# Markdown). The HTML is Python-Markdown's and nh3's, so it is read rather than compared:
# a new release may print other markup, never other words or links.
SAFE = "noopener noreferrer"
EXACT = [
    ("<script>alert(1)</script>ok", ("ok", []), "&lt;script>alert(1)&lt;/script>ok"),
    ("<style>p{}</style>ok", ("ok", []), "&lt;style>p{}&lt;/style>ok"),
    (
        '<iframe src="https://x.example/"></iframe>ok',
        ("ok", []),
        '&lt;iframe src="https://x.example/">&lt;/iframe>ok',
    ),
    ('<object data="x.swf"></object>ok', ("ok", []), '&lt;object data="x.swf">&lt;/object>ok'),
    ("<img src=x onerror=alert(1)>ok", ("ok", []), "&lt;img src=x onerror=alert(1)>ok"),
    (
        '<a href="https://ok.example/" onclick="x()">ok</a>',
        ("ok", [("https://ok.example/", SAFE)]),
        '&lt;a href="https://ok.example/" onclick="x()">ok&lt;/a>',
    ),
    ("[a](javascript:alert(1))", ("a", []), "[a]())"),
    ("[a]( JaVaScRiPt:alert(1))", ("a", []), "[a]())"),
    (
        '<a href="&#106;avascript:alert(1)">a</a>',
        ("a", []),
        '&lt;a href="&#106;avascript:alert(1)">a&lt;/a>',
    ),
    ("[a](data:text/html,x)", ("a", []), "[a]()"),
    ("[a](/etc/passwd)", ("a", []), "[a]()"),
    ("[a](file:///etc/passwd)", ("a", []), "[a]()"),
    ("![i](https://x.example/i.png)", ("", []), "\\![i](https://x.example/i.png)"),
    ("<javascript:alert(1)>", ("", []), "&lt;javascript:alert(1)>"),
    (
        "[r][js]\n\n- [js]: javascript:alert(1)",
        ("r", []),
        "[r][js]\n\n- [js]\\: javascript:alert(1)",
    ),
    (
        "[ok](https://ok.example/) and [m](mailto:a@b.example)",
        ("ok and m", [("https://ok.example/", SAFE), ("mailto:a@b.example", SAFE)]),
        "[ok](https://ok.example/) and [m](mailto:a@b.example)",
    ),
]


@pytest.mark.parametrize(("typed", "reads", "md"), EXACT, ids=[e[0][:28] for e in EXACT])
def test_markdown_field_is_sanitised_exactly(
    typed: str, reads: tuple[str, list[tuple[str, str]]], md: str
) -> None:
    html = markup.to_html(typed)
    assert (html_reading(html), html_problems(html)) == (reads, [])
    assert markup.to_safe_markdown(typed) == md


@pytest.mark.parametrize(
    ("typed", "escaped"),
    [
        ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
        ("[js]: javascript:alert(1)", "\\[js\\]: javascript:alert(1)"),
        ("<b onclick=x()>T</b>", "&lt;b onclick=x()>T&lt;/b>"),
        ("a \\[b]", "a \\\\\\[b\\]"),
    ],
)
def test_plain_text_is_inert_in_markdown_exactly(typed: str, escaped: str) -> None:
    assert (md_text(typed), md_cell(typed + " | x")) == (escaped, escaped + " \\| x")
