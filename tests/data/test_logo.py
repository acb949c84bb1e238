"""Unit tests for memogen.data.logo: a logo is read once, proven to be what its name says,
and inlined; the hostile variants are in tests/adversarial/test_no_fetching.py."""

from __future__ import annotations

import base64
import errno
import os
import struct
from pathlib import Path

import pytest

from memogen.data.logo import MAX_LOGO_BYTES, PNG_SIGNATURE, LogoError, loads_from_outside
from memogen.data.logo import logo_data_uri as inlined

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4"/></svg>'


def png_header(width: int, height: int) -> bytes:
    """A PNG's signature and IHDR chunk: all the check reads."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return PNG_SIGNATURE + struct.pack(">I", 13) + b"IHDR" + header + b"\0\0\0\0"


def saved(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refusal(path: Path) -> tuple[str, str]:
    with pytest.raises(LogoError) as raised:
        inlined(path, f"assets/{path.name}")
    return raised.value.message, raised.value.hint


def test_an_svg_is_inlined_as_a_base64_data_uri_of_its_exact_bytes(tmp_path: Path) -> None:
    data = SVG.encode()
    uri = inlined(saved(tmp_path, "logo.svg", data), "assets/logo.svg")
    assert uri == "data:image/svg+xml;base64," + base64.b64encode(data).decode()


def test_a_png_is_inlined_as_png_whatever_the_case_of_its_extension(tmp_path: Path) -> None:
    data = png_header(64, 64)
    uri = inlined(saved(tmp_path, "logo.PNG", data), "assets/logo.PNG")
    assert uri == "data:image/png;base64," + base64.b64encode(data).decode()


def test_an_svg_with_a_byte_order_mark_and_cyrillic_text_is_accepted(tmp_path: Path) -> None:
    data = b"\xef\xbb\xbf" + SVG.replace("<rect", "<title>Логотип</title><rect").encode()
    assert inlined(saved(tmp_path, "logo.svg", data), "x").startswith("data:image/svg+xml;")


def test_a_logo_of_exactly_the_size_limit_is_accepted_and_one_byte_more_is_not(
    tmp_path: Path,
) -> None:
    at_limit = png_header(8, 8).ljust(MAX_LOGO_BYTES, b"\0")
    assert inlined(saved(tmp_path, "logo.png", at_limit), "x").startswith("data:image/png;")
    assert refusal(saved(tmp_path, "logo.png", at_limit + b"\0")) == (
        "the logo 'assets/logo.png' is larger than 512 KiB",
        "export it smaller; a logo needs a few KiB",
    )


@pytest.mark.parametrize(("width", "height"), [(0, 8), (8, 4097)])
def test_a_png_with_no_pixels_or_too_many_on_a_side_is_refused(
    tmp_path: Path, width: int, height: int
) -> None:
    assert refusal(saved(tmp_path, "logo.png", png_header(width, height))) == (
        f"the logo 'assets/logo.png' is {width}×{height} pixels, more than 4096 on a side",
        "scale it down",
    )


def test_a_file_that_cannot_be_read_is_named_with_the_reason(tmp_path: Path) -> None:
    (tmp_path / "logo.svg").mkdir()
    assert refusal(tmp_path / "logo.svg") == (
        f"the logo 'assets/logo.svg' cannot be read: {os.strerror(errno.EISDIR)}",
        "check the file's permissions",
    )


def test_xml_whose_root_is_not_svg_is_refused(tmp_path: Path) -> None:
    assert refusal(saved(tmp_path, "logo.svg", b"<html><body/></html>")) == (
        "the logo 'assets/logo.svg' is not an SVG image (its root is not <svg>)",
        "export it again as plain SVG",
    )


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_an_svg_declared_in_another_encoding_is_refused(tmp_path: Path, bom: bytes) -> None:
    data = bom + b'<?xml version="1.0" encoding="windows-1251"?>' + SVG.encode()
    assert refusal(saved(tmp_path, "logo.svg", data)) == (
        "the logo 'assets/logo.svg' is not saved as UTF-8",
        "export it again as plain SVG in UTF-8, the encoding every editor offers",
    )


@pytest.mark.parametrize(
    "css",
    [
        "fill: url(http://x/a.svg)",
        "fill: url(/* #g */http://x/a.svg)",
        "fill: URL( 'x.svg' )",
        r"fill: \75 rl(x.svg)",
        r"fill: \000075rl(x.svg)",
        "@IMPORT 'a.css'",
        "background: image-set('a.png' 1x)",
        "fill: url(#g); stroke: url(x.svg)",
    ],
)
def test_css_that_can_fetch_anything_is_seen_in_any_spelling(css: str) -> None:
    assert loads_from_outside(css) is True


@pytest.mark.parametrize(
    "css", ["", "fill: url(#g)", "fill: url( '#g' ); stroke: URL(\"#h\")", r"content: '\d800'"]
)
def test_css_that_points_only_inside_the_document_fetches_nothing(css: str) -> None:
    assert loads_from_outside(css) is False
