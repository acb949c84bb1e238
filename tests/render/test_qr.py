"""QR codes: one inline SVG path in the brand colour, hidden from screen readers."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

from PIL import Image

from memogen.render.qr import qr_png, qr_svg


def test_a_qr_code_is_one_path_sized_by_its_container() -> None:
    svg = ET.fromstring(qr_svg("https://intranet.example.com/forms/help", "#1f4e79"))
    assert svg.get("aria-hidden") == "true"
    assert svg.get("focusable") == "false"
    assert svg.get("class") == "qr"
    assert svg.get("width") is None and svg.get("height") is None
    assert svg.get("viewBox") == "0 0 33 33"  # version 3 (29 modules) and a quiet zone of 2
    (path,) = list(svg)
    assert path.tag == "path"  # inline in HTML: no namespace of its own
    assert path.get("stroke") == "#1f4e79"


def test_a_longer_address_takes_a_larger_code() -> None:
    def side(url: str) -> int:
        return int(ET.fromstring(qr_svg(url)).get("viewBox", "").split()[-1])

    assert side("https://example.com/a") < side("https://example.com/" + "a" * 200)


def test_the_png_code_has_whole_pixel_modules_at_print_resolution() -> None:
    data = qr_png("https://intranet.example.com/forms/help", "#1F4E79", dpi=300)
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG"
    assert tuple(round(d) for d in image.info["dpi"]) == (300, 300)
    modules = image.width // 9  # 0.8 mm at 300 dpi: 9 pixels a module
    assert image.width == modules * 9 and image.width == image.height
    assert (0x1F, 0x4E, 0x79) in {colour for _, colour in image.convert("RGB").getcolors()}
    assert data == qr_png("https://intranet.example.com/forms/help", "#1F4E79", dpi=300)
