"""The brand on every document: memogen.yaml's logo in the memo's, the guide's and the email's
headers (PDF, HTML, .eml, .docx), and memogen.render.brand's PNG of it for the email and Word."""

from __future__ import annotations

import base64
import email
import email.policy
import io
import re
import zipfile
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image, ImageDraw

from memogen.pipeline import BuildOptions, build
from memogen.render.brand import LOGO_PX, LogoPng, logo_png, mail_logo

REPO = Path(__file__).resolve().parents[2]
MM = 72 / 25.4
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="64" viewBox="0 0 240 64">'
    '<rect x="0" y="0" width="240" height="64" fill="#1F4E79"/></svg>'
)


def png_logo(width: int = 300, height: int = 90) -> bytes:
    """A logo as a PNG: a blue square and a bar, on white."""
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, height - 1, height - 1), fill="#1F4E79")
    draw.rectangle((height + 10, height // 3, width - 1, 2 * height // 3), fill="#F2A900")
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def uri(data: bytes, mime: str) -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def test_a_png_logo_goes_into_the_email_as_it_is() -> None:
    data = png_logo(300, 90)
    assert logo_png(uri(data, "image/png")) == LogoPng(data, 300, 90)


def test_an_svg_logo_becomes_a_png_of_a_fixed_height_cut_to_its_drawing() -> None:
    made = logo_png(uri(SVG.encode(), "image/svg+xml"))
    assert made is not None
    image = Image.open(io.BytesIO(made.data))
    assert (image.format, image.size) == ("PNG", (made.width, made.height))
    assert made.height == LOGO_PX
    assert made.width == pytest.approx(LOGO_PX * 240 / 64, abs=2)  # its own proportions


def test_without_a_logo_there_is_no_png() -> None:
    assert logo_png("") is None


def test_the_email_shows_the_logo_40_px_high_and_narrows_a_wide_one_in_proportion() -> None:
    assert mail_logo(LogoPng(b"", 300, 90), "cid:x") == {"src": "cid:x", "width": 133, "height": 40}
    assert mail_logo(LogoPng(b"", 1000, 100), "cid:x") == {
        "src": "cid:x",
        "width": 240,
        "height": 24,
    }


CONFIG = "organisation:\n  ru: ООО «Пример»\n  en: Primer LLC\nlanguage: ru\n"


def _repo(folder: Path, logo: bool) -> Path:
    (folder / "standards").mkdir(parents=True)
    for name in ("purchase-request.yaml", "contract-review.yaml"):
        text = (REPO / "standards" / name).read_text("utf-8")
        (folder / "standards" / name).write_text(text, "utf-8")
    config = CONFIG
    if logo:
        (folder / "assets").mkdir()
        (folder / "assets" / "logo.png").write_bytes(png_logo())
        config += "logo: assets/logo.png\n"
    (folder / "memogen.yaml").write_text(config, "utf-8")
    return folder


def _build(folder: Path, logo: bool) -> Path:
    repo = _repo(folder, logo)
    out = folder / "output"
    options = BuildOptions(
        out=out, artifacts=("memo", "guide", "email"), formats=("html", "pdf", "eml", "docx")
    )
    result = build([repo / "standards"], repo / "memogen.yaml", options)
    assert result.warnings == []
    return out


@pytest.fixture(scope="module")
def branded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("branded"), logo=True)


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("plain"), logo=False)


IDS = ("purchase-request", "contract-review")  # a Russian and an English standard
ALT = {"purchase-request": "ООО «Пример»", "contract-review": "Primer LLC"}


def _header_images(pdf: Path) -> list[dict[str, float]]:
    """The images on page 1 (SVG graphics are drawn, not images: only the logo is one)."""
    with pdfplumber.open(pdf) as document:
        page = document.pages[0]
        return [
            {k: float(image[k]) for k in ("x0", "x1", "top", "bottom", "width", "height")}
            for image in page.images
        ]


@pytest.mark.parametrize("standard_id", IDS)
def test_the_memo_pdf_carries_the_logo_small_beside_the_department_in_its_header(
    branded: Path, standard_id: str
) -> None:
    pdf = branded / standard_id / "memo.pdf"
    (logo,) = _header_images(pdf)
    with pdfplumber.open(pdf) as document:
        assert len(document.pages) == 1  # the logo does not push the memo to two pages
        words = document.pages[0].extract_words()
    org = next(w for w in words if w["text"] == ALT[standard_id].split()[0])
    assert logo["top"] < 30 * MM  # in the header of page 1
    assert 6 * MM < logo["height"] < 11 * MM  # small: about the two lines beside it
    # beside the organisation's line, on its left, level with it
    assert logo["x1"] < org["x0"] and logo["top"] < org["bottom"] < logo["bottom"] + 8 * MM


@pytest.mark.parametrize("standard_id", IDS)
def test_the_guide_pdf_carries_the_logo_top_right_of_its_cover(
    branded: Path, standard_id: str
) -> None:
    (logo,) = _header_images(branded / standard_id / "guide.pdf")
    assert logo["top"] < 25 * MM and logo["x0"] > 120 * MM
    assert 8 * MM < logo["height"] < 12 * MM


@pytest.mark.parametrize("standard_id", IDS)
@pytest.mark.parametrize("artifact", ["memo", "guide"])
def test_the_memo_and_guide_html_show_the_logo_with_the_organisation_as_alt_text(
    branded: Path, standard_id: str, artifact: str
) -> None:
    html = (branded / standard_id / f"{artifact}.html").read_text("utf-8")
    (tag,) = re.findall(r"<img class=\"logo\"[^>]*>", html)
    assert 'src="data:image/png;base64,' in tag and f'alt="{ALT[standard_id]}"' in tag


@pytest.mark.parametrize("standard_id", IDS)
def test_the_eml_carries_the_logo_as_an_inline_png_its_html_part_names_by_content_id(
    branded: Path, standard_id: str
) -> None:
    strict = email.policy.default.clone(raise_on_defect=True)
    raw = (branded / standard_id / "email.eml").read_bytes()
    message = email.message_from_bytes(raw, policy=strict)
    (image,) = [part for part in message.walk() if part.get_content_type() == "image/png"]
    assert image.get_content() == png_logo()
    cid = image["Content-ID"].strip("<>")
    html = message.get_body(("html",))
    assert html is not None and f'src="cid:{cid}"' in html.get_content()
    assert f'alt="{ALT[standard_id]}"' in html.get_content()
    assert "data:" not in html.get_content()  # mail clients block data: images


@pytest.mark.parametrize("standard_id", IDS)
def test_the_email_html_file_shows_the_same_png_as_a_data_uri(
    branded: Path, standard_id: str
) -> None:
    html = (branded / standard_id / "email.html").read_text("utf-8")
    assert f'src="{uri(png_logo(), "image/png")}"' in html


@pytest.mark.parametrize("artifact", ["memo", "guide"])
def test_the_word_files_carry_the_logo_with_its_alt_text(branded: Path, artifact: str) -> None:
    with zipfile.ZipFile(branded / "purchase-request" / f"{artifact}.docx") as docx:
        media = [name for name in docx.namelist() if name.startswith("word/media/")]
        assert png_logo() in [docx.read(name) for name in media]
        assert 'descr="ООО «Пример»"' in docx.read("word/document.xml").decode()


@pytest.mark.parametrize("standard_id", IDS)
def test_without_a_logo_no_document_shows_one(plain: Path, standard_id: str) -> None:
    for artifact in ("memo", "guide"):
        assert _header_images(plain / standard_id / f"{artifact}.pdf") == []
        assert 'class="logo"' not in (plain / standard_id / f"{artifact}.html").read_text("utf-8")
    message = email.message_from_bytes(
        (plain / standard_id / "email.eml").read_bytes(), policy=email.policy.default
    )
    assert [p.get_content_type() for p in message.walk()] == [
        "multipart/alternative",
        "text/plain",
        "text/html",
    ]
    assert "<img" not in (plain / standard_id / "email.html").read_text("utf-8")
