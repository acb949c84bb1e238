"""`memogen build` end to end on the example standards, checked on the produced files."""

from __future__ import annotations

import email
import email.policy
import re
import shutil
import subprocess
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pdfplumber
import pytest
from click.testing import CliRunner, Result
from pypdf import PdfReader

from memogen.cli import main
from memogen.data import durations
from memogen.data.validate import check_standards
from memogen.errors import UserError
from memogen.pipeline import BuildOptions, build
from memogen.project import open_project
from memogen.render.labels import LABELS
from tests.examples_kit import copy_settings

REPO = Path(__file__).resolve().parent.parent
CONFIG = REPO / "memogen.yaml"
MM = 72 / 25.4


def _standards():
    project = open_project(CONFIG)
    checked = check_standards(project.standard_files([REPO / "standards"]), project.config)
    return checked.standards


STANDARDS = _standards()
IDS = [s.id for s in STANDARDS]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out") / "output"
    build([REPO / "standards"], CONFIG, BuildOptions(out=out, jobs=2, strict=True))
    return out


def _folded(text: str) -> str:
    """`text` with the typesetter's characters as typed: no-break spaces (also thin ones)
    folded to one space, no-break hyphens to hyphens, soft hyphens gone."""
    plain = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2011", "-")
    return " ".join(plain.replace("\u00ad", "").split())


def _text(pdf: Path) -> str:
    """The PDF's text with all white space (including no-break spaces) folded to one space."""
    extracted = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return _folded(extracted)


def _size_mm(pdf: Path) -> tuple[int, int]:
    box = PdfReader(pdf).pages[0].mediabox
    return round(float(box.width) / MM), round(float(box.height) / MM)


def test_every_file_of_the_layout_is_written(built: Path) -> None:
    names = {
        "memo.html",
        "memo.pdf",
        "memo.md",
        "guide.html",
        "guide.pdf",
        "guide.md",
        "poster.html",
        "poster.pdf",
        "poster.png",
        "email.eml",
        "email.html",
        "email.txt",
    }
    for standard_id in IDS:
        assert {p.name for p in (built / standard_id).iterdir()} == names
    assert (built / "index.html").is_file()
    assert (built / "standard.schema.json").is_file()
    assert not list(built.glob(".staging-*")), "the staging folder must be gone"


@pytest.mark.parametrize("standard_id", IDS)
def test_memo_is_one_a4_page(built: Path, standard_id: str) -> None:
    pdf = built / standard_id / "memo.pdf"
    assert len(PdfReader(pdf).pages) == 1
    assert _size_mm(pdf) == (210, 297)


@pytest.mark.parametrize("standard_id", IDS)
def test_poster_is_one_a3_page_and_a_150_dpi_png(built: Path, standard_id: str) -> None:
    pdf = built / standard_id / "poster.pdf"
    assert len(PdfReader(pdf).pages) == 1
    assert _size_mm(pdf) == (297, 420)
    png = (built / standard_id / "poster.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    # 297 x 420 mm at 150 dpi is 1753.9 x 2480.3 px; PDFium rounds each side up.
    assert (width, height) == (1754, 2481)


@pytest.mark.parametrize("standard_id", IDS)
def test_guide_is_a4(built: Path, standard_id: str) -> None:
    pdf = built / standard_id / "guide.pdf"
    assert 1 <= len(PdfReader(pdf).pages) <= 6
    assert _size_mm(pdf) == (210, 297)


@pytest.mark.parametrize("standard", STANDARDS, ids=IDS)
@pytest.mark.parametrize("artifact", ["memo", "guide", "poster"])
def test_pdf_shows_every_stage_and_the_worded_total(built: Path, standard, artifact: str) -> None:
    text = _text(built / standard.id / f"{artifact}.pdf")
    for stage in standard.stages:
        assert stage.name in text
    total = durations.word(standard.deadline, standard.language, " ")
    assert total in text


# CSS for paged media, which browsers and the Nu HTML Checker do not know: WeasyPrint only.
PRINT_ONLY_CSS = ("@page", "string-set", "running(", "element(", "string(")


def _page_text(pdf: Path, page: int) -> str:
    """One page's text, white space folded as in `_text`."""
    extracted = subprocess.run(
        ["pdftotext", "-raw", "-f", str(page), "-l", str(page), str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return _folded(extracted)


def test_published_html_carries_no_print_only_css(built: Path) -> None:
    found = {
        f"{page.relative_to(built)}: {what}"
        for page in built.rglob("*.html")
        for what in PRINT_ONLY_CSS
        if what in page.read_text("utf-8")
    }
    assert sorted(found) == []


@pytest.mark.parametrize("standard", STANDARDS, ids=IDS)
def test_pdf_pages_keep_their_running_heads_footers_and_numbers(built: Path, standard) -> None:
    t = LABELS[standard.language]
    footer = f"{t['version']} {standard.version}"  # the version as the running footer says it
    memo = _page_text(built / standard.id / "memo.pdf", 1)
    assert memo.endswith("1 / 1"), "the page number, bottom right"
    assert memo.count(footer) == 1, "the footer, once: running, not in the flow"
    guide = built / standard.id / "guide.pdf"
    pages = len(PdfReader(guide).pages)
    assert pages > 1
    for page in range(1, pages + 1):
        text = _page_text(guide, page)
        assert text.endswith(f"{t['page']} {page} {t['page_of']} {pages}")
        assert footer in text  # (the guide's history may name the version again)
        if page > 1:  # the title and the department at the top
            assert standard.title in text and standard.department in text


@pytest.mark.parametrize("standard", STANDARDS, ids=IDS)
def test_pdf_metadata_and_embedded_fonts(built: Path, standard) -> None:
    for artifact in ("memo", "guide", "poster"):
        pdf = built / standard.id / f"{artifact}.pdf"
        reader = PdfReader(pdf)
        assert standard.title in _folded(reader.metadata.title)
        assert reader.metadata.author == standard.owner.name
        assert reader.trailer["/Root"].get("/Lang") == standard.language
        assert "/StructTreeRoot" in reader.trailer["/Root"], "the PDF must be tagged"
        fonts = subprocess.run(
            ["pdffonts", str(pdf)], check=True, capture_output=True, text=True
        ).stdout.splitlines()[2:]
        assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts


@pytest.mark.parametrize("standard", STANDARDS, ids=IDS)
def test_every_document_carries_version_effective_date_and_owner(built: Path, standard) -> None:
    for artifact in ("memo", "guide", "poster"):
        text = _text(built / standard.id / f"{artifact}.pdf")
        assert standard.version in text
        assert standard.owner.name in text


@pytest.mark.parametrize("standard", STANDARDS, ids=IDS)
def test_eml_parses_back_into_text_and_html(built: Path, standard) -> None:
    raw = (built / standard.id / "email.eml").read_bytes()
    policy = email.policy.default.clone(raise_on_defect=True)
    message = email.message_from_bytes(raw, policy=policy)
    assert message.get_content_type() == "multipart/alternative"
    assert standard.title in _folded(str(message["Subject"]))
    # memogen.yaml gives its texts in both languages: each standard takes its own
    prefix, sender = {
        "ru": ("[Стандарты]", "Служба качества <quality@example.com>"),
        "en": ("[Service standards]", "Quality office <quality@example.com>"),
    }[standard.language or "ru"]
    assert message["Subject"].startswith(prefix)
    assert str(message["From"]) == sender
    if standard.language == "en":  # an English standard in a Russian company: no Cyrillic
        headers = raw.split(b"\r\n\r\n")[0].decode("ascii")
        assert "=?utf-8?" not in headers and str(message["Subject"]).isascii()
    assert message["Message-ID"] and message["Date"]
    plain = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    for stage in standard.stages:
        assert stage.name in _folded(plain)
    # no external resources: the one image is the logo, a part of the message itself
    carried = {
        f"cid:{part['Content-ID'].strip('<>')}" for part in message.walk() if part["Content-ID"]
    }
    assert set(re.findall(r'src="([^"]*)"', html)) == carried and len(carried) == 1
    # CSS inlined; only the dark palette stays a <style>, for the clients that honour it
    assert html.count("<style") == 1 and "@media (prefers-color-scheme: dark)" in html
    # the email.html file beside it shows the same PNG as a data: URI
    page = (built / standard.id / "email.html").read_text("utf-8")
    assert re.sub(r'src="[^"]*"', "src", html.replace("\r\n", "\n")) == re.sub(
        r'src="[^"]*"', "src", page
    )
    assert plain.replace("\r\n", "\n") == (built / standard.id / "email.txt").read_text("utf-8")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hrefs += [value for name, value in attrs if tag == "a" and name == "href" and value]


def test_catalogue_links_every_file_and_only_existing_ones(built: Path) -> None:
    parser = _Links()
    parser.feed((built / "index.html").read_text("utf-8"))
    local = {h for h in parser.hrefs if not re.match(r"^([a-z]+:|#)", h)}
    for href in local:
        assert (built / href).is_file(), href
    for standard_id in IDS:
        for name in (p.name for p in (built / standard_id).iterdir()):
            assert f"{standard_id}/{name}" in local


def test_markdown_outputs_hold_no_raw_html(built: Path) -> None:
    for md in built.glob("*/*.md"):
        assert not re.search(r"<[a-zA-Z/!]", md.read_text("utf-8")), md


def test_two_builds_give_identical_bytes(built: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    build([REPO / "standards"], CONFIG, BuildOptions(out=again, jobs=1))
    first = {p.relative_to(built): p.read_bytes() for p in built.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def test_an_invalid_standard_fails_the_build_and_writes_nothing(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(REPO / "standards", repo / "standards")
    copy_settings(repo)
    broken = repo / "standards" / "hr-certificate.yaml"
    broken.write_text(broken.read_text("utf-8").replace("title:", "titel:", 1), "utf-8")
    out = tmp_path / "output"
    out.mkdir()
    (out / "keep.txt").write_text("previous output")
    with pytest.raises(UserError) as failure:
        build([repo / "standards"], repo / "memogen.yaml", BuildOptions(out=out))
    assert "unknown key 'titel' (did you mean 'title'?)" in str(failure.value)
    assert sorted(p.name for p in out.iterdir()) == ["keep.txt"]


# Paper sizes other than the examples' own (memo A4, poster A3 portrait), in points (1 mm =
# 72/25.4 pt): every example standard built with memogen.yaml's memo/poster settings.
PAPER_POINTS = {"A2": (1190.55, 1683.78), "A3": (841.89, 1190.55), "A4": (595.28, 841.89)}
A5_POINTS = (419.53, 595.28)


def _build_examples_on_paper(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, paper: str, artifact: str
) -> tuple[Path, Result]:
    """`memogen build --strict` of the example standards' `artifact` as PDF, with memogen.yaml's
    `memo:` and `poster:` sections replaced by `paper`; the output folder and the run."""
    config = CONFIG.read_text(encoding="utf-8")
    config = re.sub(r"(?m)^memo:\n(  .*\n)+poster:\n(  .*\n)+", paper, config)
    assert paper in config
    config = re.sub(r"(?m)^survey:\n(  .*\n)+", "", config)  # the scores are not the point here
    shutil.copytree(REPO / "standards", tmp_path / "standards")
    copy_settings(tmp_path, config)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(
        main, ["build", "--strict", "--artifact", artifact, "--format", "pdf", "-o", "out"]
    )
    return tmp_path / "out", result


def _points(pdf: Path) -> list[tuple[float, float]]:
    """Each page's size in points, to 0.01 pt."""
    return [
        (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2))
        for page in PdfReader(pdf).pages
    ]


@pytest.mark.parametrize(
    ("size", "orientation"), [("A2", "portrait"), ("A4", "portrait"), ("A3", "landscape")]
)
def test_posters_on_other_paper_are_one_page_of_that_size_with_no_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: str, orientation: str
) -> None:
    paper = f"memo:\n  size: A4\nposter:\n  size: {size}\n  orientation: {orientation}\n"
    out, result = _build_examples_on_paper(tmp_path, monkeypatch, paper, "poster")
    assert (
        (result.exit_code, result.output)
        == (
            0,
            f"wrote {len(IDS) + 3} file(s) to out; 0 document(s) were up to date\n",  # + the site's files
        )
    )
    width, height = PAPER_POINTS[size]
    expected = (width, height) if orientation == "portrait" else (height, width)
    for standard_id in IDS:
        assert _points(out / standard_id / "poster.pdf") == [pytest.approx(expected, abs=1)]


def test_a5_example_memos_take_two_pages_with_a_warning_that_names_what_is_too_long(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An A5 memo is half an A4 one: the examples' content takes two pages or more at 9 pt,
    even compact. The warning says how many, names the stages' share of a page and the
    tallest three, and `--strict` fails and writes nothing."""
    paper = "memo:\n  size: A5\nposter:\n  size: A3\n  orientation: portrait\n"
    out, result = _build_examples_on_paper(tmp_path, monkeypatch, paper, "memo")
    lines = result.output.splitlines()
    assert (result.exit_code, lines[0]) == (1, "the build has warnings and --strict is on:")
    said = re.compile(
        r"(?P<id>[a-z-]+)/memo\.pdf: the memo takes (?P<pages>\d) pages, not one, even in its compact "
        r"layout: the stages need \d+% of a page \(shorten the results of stages "
        r"[0-9, and]+\)"
    )
    matched = [said.fullmatch(line) for line in lines[1:]]
    assert all(matched), [line for line, m in zip(lines[1:], matched, strict=True) if not m]
    warned = {m["id"]: int(m["pages"]) for m in matched if m}
    assert warned and set(warned) <= set(IDS)
    assert not out.exists() or list(out.glob("*/memo.pdf")) == []
    relaxed = CliRunner().invoke(
        main, ["build", "--artifact", "memo", "--format", "pdf", "-o", "out"]
    )
    assert relaxed.exit_code == 0
    for standard_id in IDS:  # the pages it warned of, else one
        pages = warned.get(standard_id, 1)
        assert _points(out / standard_id / "memo.pdf") == [pytest.approx(A5_POINTS, abs=1)] * pages


def test_a_short_memo_fits_one_a5_page_with_no_warning(
    write_repo: Callable[..., Path], valid_standard_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = write_repo(
        {"standards/tiny-service.yaml": valid_standard_text}, config="memo:\n  size: A5\n"
    )
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(
        main, ["build", "--strict", "--artifact", "memo", "--format", "pdf", "-o", "out"]
    )
    assert (result.exit_code, result.output) == (
        0,
        "wrote 4 file(s) to out; 0 document(s) were up to date\n",  # the memo and the site files
    )
    assert _points(repo / "out" / "tiny-service" / "memo.pdf") == [pytest.approx(A5_POINTS, abs=1)]


def test_the_english_memo_keeps_the_company_rules_in_english(built: Path) -> None:
    memo = (built / "contract-review" / "memo.md").read_text(encoding="utf-8")
    assert "Greet your colleague and use their name." in memo
    assert "Здоровайтесь" not in memo


# The email channel, no form: the poster's and the guide's QR code starts the email.
HR_TITLE = "Справки с места работы и копии трудовых документов"
HR_MAILTO = "mailto:hr@example.com?subject=" + quote(HR_TITLE)


@pytest.fixture(scope="module")
def by_email(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example HR standard with no form_url (its requests go to hr@example.com), built as
    poster and guide, beside the purchase request's poster with its form link."""
    repo = tmp_path_factory.mktemp("by-email")
    (repo / "standards").mkdir()
    text = (REPO / "standards" / "hr-certificate.yaml").read_text("utf-8")
    text = text.replace("  form_url: https://intranet.example.com/forms/hr-k5\n", "")
    (repo / "standards" / "hr-certificate.yaml").write_text(text, "utf-8")
    shutil.copy(REPO / "standards" / "purchase-request.yaml", repo / "standards")
    (repo / "memogen.yaml").write_text("organisation: ООО «Пример»\nlanguage: ru\n", "utf-8")
    options = BuildOptions(out=repo / "out", artifacts=("poster", "guide"), formats=("pdf", "png"))
    assert build([repo / "standards"], repo / "memogen.yaml", options).warnings == []
    return repo / "out"


def _decoded(png: Path) -> list[str]:
    found = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(png)], capture_output=True, text=True, check=False
    )
    return found.stdout.split()


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbarimg (zbar-tools) is missing")
def test_an_email_channel_poster_has_a_qr_code_that_starts_the_email(by_email: Path) -> None:
    assert _decoded(by_email / "hr-certificate" / "poster.png") == [HR_MAILTO]


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbarimg (zbar-tools) is missing")
def test_an_email_channel_guide_has_the_same_qr_code_on_its_first_page(
    by_email: Path, tmp_path: Path
) -> None:
    pdf = by_email / "hr-certificate" / "guide.pdf"
    page = tmp_path / "page"
    subprocess.run(["pdftoppm", "-png", "-r", "200", "-f", "1", "-l", "1", pdf, page], check=True)
    (png,) = tmp_path.glob("page*.png")
    assert _decoded(png) == [HR_MAILTO]


def _line_of(pdf: Path, text: str) -> list[dict[str, Any]]:
    """The characters of the line on page 1 whose words include `text`, left to right."""
    with pdfplumber.open(pdf) as document:
        page = document.pages[0]
        word = next(w for w in page.extract_words() if w["text"] == text)
        return [c for c in page.chars if abs(c["top"] - word["top"]) < 1]


def test_an_email_channel_poster_sets_the_address_as_the_form_link_is_set(by_email: Path) -> None:
    address = _line_of(by_email / "hr-certificate" / "poster.pdf", "hr@example.com")
    link = _line_of(
        by_email / "purchase-request" / "poster.pdf", "https://intranet.example.com/forms/zk-1"
    )
    assert "".join(c["text"] for c in address) == "hr@example.com"  # a line of its own
    (size_and_font,) = _type(link)  # one size, one weight: the link's
    assert _type(address) == {size_and_font}


def _type(chars: list[dict[str, Any]]) -> set[tuple[float, str]]:
    """The sizes (pt) and fonts (less their subset's tag) of `chars`."""
    return {(round(c["size"], 1), c["fontname"].partition("+")[2]) for c in chars}
