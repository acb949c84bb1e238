"""Guarantee 3 — no fetching: memogen reads its inputs itself and WeasyPrint fetches nothing.

A loopback HTTP listener counts requests while a standard and a hostile template
point at it in every way HTML and CSS can load something; a canary file outside
the repo is pointed at by file://, absolute and relative paths. Zero requests,
zero attachments, and the canary's content in no output. The logo is the one file
memogen reads for a template, and it is checked before it is inlined.
"""

from __future__ import annotations

import base64
import http.server
import logging
import struct
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from memogen.data.config import load_config
from memogen.data.validate import check_standards
from memogen.errors import UserError
from memogen.render.context import standard_context
from memogen.render.formats.email import inline_css
from memogen.render.formats.pdf import _Collect, _fetcher
from memogen.render.portal import catalogue_context

from .adversarial_kit import (
    build_repo,
    make_repo,
    pdf_attachments,
    pdf_uncompressed,
    readable_outputs,
    tiny_data,
    to_yaml,
)

CANARY = "CANARY-7f3c9e-do-not-leak"


class _Listener(http.server.ThreadingHTTPServer):
    hits: list[str]


class _Count(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        assert isinstance(self.server, _Listener)
        self.server.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()
        self.wfile.write(CANARY.encode())

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def listener() -> Iterator[_Listener]:
    """An HTTP server on 127.0.0.1 that counts every request it gets."""
    server = _Listener(("127.0.0.1", 0), _Count)
    server.hits = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


HOSTILE_TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title>
<link rel="stylesheet" href="BASE/sheet.css">
<link rel="stylesheet" href="file://CANARY_PATH">
<link rel="attachment" href="BASE/attached.bin" title="a1">
<link rel="attachment" href="file://CANARY_PATH" title="a2">
<link rel="attachment" href="data:text/plain;base64,CANARY_B64" title="a3">
<style>
@import url(BASE/import.css);
@font-face { font-family: Evil; src: url(BASE/font.woff), url(file://CANARY_PATH); }
body { background: url(BASE/bg.png); font-family: Evil, DejaVu Sans; }
h1 { background-image: url(../canary.txt); }
p { list-style-image: url(CANARY_PATH); }
</style></head>
<body><h1>{{ title }}</h1>
<img src="BASE/img.png" alt=""> <img src="file://CANARY_PATH" alt=""> <img src="CANARY_PATH" alt="">
<img src="../canary.txt" alt=""> <object data="BASE/object.svg"></object>
<embed src="BASE/embed.svg"> <iframe src="BASE/iframe.html"></iframe>
<svg width="10" height="10"><image href="BASE/svg-image.png" width="10" height="10"/>
<image href="file://CANARY_PATH" width="10" height="10"/></svg>
<a rel="attachment" href="BASE/a-attached.bin">a4</a>
<a rel="attachment" href="data:text/plain;base64,CANARY_B64">a5</a>
{{ summary.html | safe }}
</body></html>
"""


def _hostile_repo(root: Path, port: int) -> Path:
    """A repo whose standard and memo template reach for the listener and the canary."""
    canary = root / "canary.txt"  # outside the repo, which is root/repo
    canary.write_text(CANARY, encoding="utf-8")
    base = f"http://127.0.0.1:{port}"
    data = tiny_data()
    data["summary"] = (
        f"![md image]({base}/md-image.png) [link]({base}/md-link) "
        f'<img src="{base}/raw-img.png"> <link rel="stylesheet" href="{base}/x.css">'
        f' <iframe src="{base}/raw-iframe"></iframe> [f](file://{canary})'
    )
    data["request"]["steps"] = [f"![s]({base}/step.png)", f"<object data='{base}/o'></object>"]
    template = (
        HOSTILE_TEMPLATE.replace("BASE", base)
        .replace("CANARY_PATH", str(canary))
        .replace("CANARY_B64", base64.b64encode(CANARY.encode()).decode())
    )
    return make_repo(
        root / "repo", {"tiny-service.yaml": to_yaml(data)}, templates={"memo.html.j2": template}
    )


def test_nothing_is_fetched_attached_or_leaked(listener: _Listener, tmp_path: Path) -> None:
    repo = _hostile_repo(tmp_path, listener.server_address[1])
    out = tmp_path / "out"
    result = build_repo(repo, out)
    assert listener.hits == []
    for pdf in sorted(out.rglob("*.pdf")):
        assert pdf_attachments(pdf) == "0 embedded files", pdf.name
        assert CANARY.encode() not in pdf_uncompressed(pdf), pdf.name
    for name, text in readable_outputs(out):
        assert CANARY not in text, name
    refused = "\n".join(result.warnings)  # shown to the user (and fatal under --strict)
    for resource in ("sheet.css", "import.css", "bg.png", "img.png", "svg-image.png"):
        assert resource in refused


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/x",
        "https://example.com/x",
        "file:///etc/passwd",
        "ftp://example.com/x",
        "FILE:///etc/hosts",
        "/etc/passwd",
        "canary.txt",
    ],
)
def test_the_pdf_fetcher_refuses_everything_but_data_urls(url: str) -> None:
    # Refused before any connection or read (a ValueError; a failed attempt would be an
    # OSError), whatever words WeasyPrint's release gives the refusal.
    with pytest.raises(ValueError):
        _fetcher().fetch(url)


def test_the_pdf_fetcher_serves_inline_data() -> None:
    assert _fetcher().fetch("data:text/plain;base64,b2s=").read() == b"ok"


# --- the logo: read by memogen, verified, inlined -------------------------------------------


def _png(width: int = 2, height: int = 2) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = min(height, 64)  # a pixel bomb needs only its header to claim its size
    pixels = zlib.compress(b"".join(b"\0" + b"\x1f\x4e\x79" * min(width, 64) for _ in range(rows)))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'viewBox="0 0 10 10"><defs><linearGradient id="g"><stop offset="0" stop-color="#1F4E79"/>'
    '</linearGradient><rect id="r" width="4" height="4"/></defs>'
    '<rect width="10" height="10" fill="url(#g)"/><use xlink:href="#r"/><use href="#r"/></svg>'
)


def _repo_with_logo(root: Path, name: str, data: bytes) -> Path:
    (root / "assets").mkdir(parents=True)
    (root / "assets" / name).write_bytes(data)
    (root / "memogen.yaml").write_text(f"logo: assets/{name}\n", encoding="utf-8")
    return root / "memogen.yaml"


@pytest.mark.parametrize(
    ("name", "data", "mime"),
    [("logo.png", _png(), "image/png"), ("logo.svg", SVG.encode(), "image/svg+xml")],
)
def test_logo_is_inlined_as_a_data_uri_for_templates(
    name: str, data: bytes, mime: str, tmp_path: Path
) -> None:
    config = load_config(_repo_with_logo(tmp_path, name, data))
    uri = f"data:{mime};base64,{base64.b64encode(data).decode()}"
    standard_file = tmp_path / "tiny-service.yaml"
    standard_file.write_text(to_yaml(tiny_data()), encoding="utf-8")
    standard = check_standards([(standard_file, "tiny-service.yaml")], config).standards[0]
    assert config.logo_uri == uri
    assert standard_context(standard, config)["logo"] == uri
    assert catalogue_context([standard], config, {})["logo"] == uri


def test_no_logo_gives_an_empty_string(tmp_path: Path) -> None:
    assert load_config(None).logo_uri == ""


LOGO = "memogen.yaml:1:7: error: logo: the logo 'assets/"
STYLE_LOADS = (
    "logo.svg' loads something from outside in its <style> "
    "(remove @import, image-set() and url() that do not start with '#')"
)
NOT_UTF8 = (
    "logo.svg' is not saved as UTF-8 "
    "(export it again as plain SVG in UTF-8, the encoding every editor offers)"
)
BILLION_LAUGHS_SVG = (
    b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "lol">'
    b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><svg>&b;</svg>'
)


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        (
            "logo.png",
            b"\x89PNG\r\n\x1a\n" + b"\0" * (512 * 1024),
            "logo.png' is larger than 512 KiB (export it smaller; a logo needs a few KiB)",
        ),
        (
            "logo.png",
            SVG.encode(),
            "logo.png' is not a PNG image (save it as PNG, or give the file its real extension)",
        ),
        (
            "logo.png",
            _png(100_000, 100_000),
            "logo.png' is 100000×100000 pixels, more than 4096 on a side (scale it down)",
        ),
        (
            "logo.svg",
            BILLION_LAUGHS_SVG,
            "logo.svg' contains '<!DOCTYPE', which a logo may not (export it again as plain SVG)",
        ),
        (
            "logo.svg",
            SVG.replace("<defs>", '<?xml-stylesheet href="https://x/s.css"?><defs>').encode(),
            "logo.svg' contains '<?xml-stylesheet', which a logo may not "
            "(export it again as plain SVG)",
        ),
        (
            "logo.svg",
            SVG.replace("<defs>", "<script>alert(1)</script><defs>").encode(),
            "logo.svg' contains <script>, which a logo may not "
            "(export it again as plain SVG, without scripts or embedded HTML)",
        ),
        (
            "logo.svg",
            SVG.replace("<defs>", "<foreignObject><p>x</p></foreignObject><defs>").encode(),
            "logo.svg' contains <foreignObject>, which a logo may not "
            "(export it again as plain SVG, without scripts or embedded HTML)",
        ),
        (
            "logo.svg",
            SVG.replace('viewBox="0 0 10 10"', 'onload="alert(1)"').encode(),
            "logo.svg' has an event handler 'onload' (export it again as plain SVG, without scripts)",
        ),
        (
            "logo.svg",
            SVG.replace('href="#r"/></svg>', 'href="http://127.0.0.1:9/x.svg#r"/></svg>').encode(),
            "logo.svg' links to 'http://127.0.0.1:9/x.svg#r' (a logo may refer only to its own parts "
            "('#id'); embed or drop the rest)",
        ),
        (
            "logo.svg",
            SVG.replace(
                '<use xlink:href="#r"/>', '<image xlink:href="file:///etc/passwd"/>'
            ).encode(),
            "logo.svg' links to 'file:///etc/passwd' (a logo may refer only to its own parts "
            "('#id'); embed or drop the rest)",
        ),
        (
            "logo.svg",
            SVG.replace("<defs>", "<style>@import url(https://x/s.css);</style><defs>").encode(),
            STYLE_LOADS,
        ),
        (
            "logo.svg",
            SVG.replace('fill="url(#g)"', 'fill="url(https://x/g.svg#g)"').encode(),
            "logo.svg' loads something from outside in 'fill' "
            "(remove url() and image-set() values that do not start with '#')",
        ),
        (
            "logo.svg",
            SVG.replace(
                "<defs>", r"<style>rect{fill:\75rl(https://x/p.png)}</style><defs>"
            ).encode(),
            STYLE_LOADS,
        ),
        (
            "logo.svg",
            SVG.replace("<defs>", r"<style>rect{fill:\000075 rl(//x/p)}</style><defs>").encode(),
            STYLE_LOADS,
        ),
        (
            "logo.svg",
            SVG.replace(
                "<defs>", "<style>rect{fill:-webkit-image-set('https://x/p.png' 1x)}</style><defs>"
            ).encode(),
            STYLE_LOADS,
        ),
        (
            "logo.svg",
            SVG.replace("<defs>", r"<style>@\49 MPORT 'https://x/s.css';</style><defs>").encode(),
            STYLE_LOADS,
        ),
        (
            "logo.svg",
            SVG.replace('fill="url(#g)"', r'style="fill: u\72l(https://x/p.png)"').encode(),
            "logo.svg' loads something from outside in 'style' "
            "(remove url() and image-set() values that do not start with '#')",
        ),
        ("logo.svg", b"\xff\xfe" + BILLION_LAUGHS_SVG.decode().encode("utf-16-le"), NOT_UTF8),
        ("logo.svg", BILLION_LAUGHS_SVG.decode().encode("utf-16-be"), NOT_UTF8),
        ("logo.svg", BILLION_LAUGHS_SVG.decode().encode("utf-32"), NOT_UTF8),
        (
            "logo.svg",
            b'<?xml version="1.0" encoding="ISO-8859-1"?>' + SVG.encode(),
            NOT_UTF8,
        ),
        (
            "logo.svg",
            b"<html><body>not a logo</body></html>",
            "logo.svg' is not an SVG image (its root is not <svg>) (export it again as plain SVG)",
        ),
        (
            "logo.svg",
            b"<svg><unclosed></svg>",
            "logo.svg' is not valid SVG (mismatched tag: line 1, column 17) "
            "(export it again as plain SVG)",
        ),
    ],
    ids=[
        "too-large",
        "png-that-is-svg",
        "pixel-bomb",
        "doctype-entities",
        "xml-stylesheet",
        "script",
        "foreign-object",
        "event-handler",
        "external-href",
        "file-href",
        "style-import",
        "css-url",
        "css-escape-url",
        "css-escape-six-digits",
        "css-image-set",
        "css-escaped-import",
        "style-attribute-escape",
        "utf-16-bom-doctype",
        "utf-16-no-bom-doctype",
        "utf-32-doctype",
        "declared-latin-1",
        "not-svg",
        "malformed",
    ],
)
def test_unsafe_logo_is_refused_with_its_location(
    name: str, data: bytes, expected: str, tmp_path: Path
) -> None:
    with pytest.raises(UserError) as caught:
        load_config(_repo_with_logo(tmp_path, name, data))
    assert caught.value.describe() == LOGO + expected


def test_logo_symlinked_to_a_file_outside_the_repo_is_refused(tmp_path: Path) -> None:
    (tmp_path / "canary.svg").write_text(SVG.replace("<defs>", f"<title>{CANARY}</title><defs>"))
    repo = tmp_path / "repo"
    (repo / "assets").mkdir(parents=True)
    (repo / "assets" / "logo.svg").symlink_to(tmp_path / "canary.svg")
    (repo / "memogen.yaml").write_text("logo: assets/logo.svg\n", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        load_config(repo / "memogen.yaml")
    assert caught.value.describe() == (
        "memogen.yaml:1:7: error: logo: the logo 'assets/logo.svg' is outside the repo "
        "(put the file in a folder next to memogen.yaml, e.g. assets/logo.svg)"
    )


def test_logo_without_organisation_has_an_alt_text_and_builds_strict(tmp_path: Path) -> None:
    """Before: every `--strict` build with a logo and no organisation failed, and the warning
    carried the whole base64 logo."""
    repo = make_repo(tmp_path, config="language: en\nlogo: assets/logo.svg\n")
    (repo / "assets").mkdir()
    (repo / "assets" / "logo.svg").write_text(SVG, encoding="utf-8")
    result = build_repo(
        repo, repo / "output", formats=("html", "pdf"), artifacts=("poster",), strict=True
    )
    assert result.warnings == []
    poster = (repo / "output" / "tiny-service" / "poster.html").read_text(encoding="utf-8")
    assert 'alt="Logo"' in poster


def test_render_warnings_never_echo_a_data_uri() -> None:
    payload = base64.b64encode(SVG.encode()).decode()
    collector = _Collect()
    collector.emit(
        logging.LogRecord(
            "weasyprint",
            logging.WARNING,
            "",
            0,
            'Image "%s" has no alt',
            (f"data:image/svg+xml;base64,{payload}",),
            None,
        )
    )
    assert collector.messages == ['Image "data:image/svg+xml,…" has no alt']


def test_the_email_css_inliner_loads_no_stylesheet(listener: _Listener) -> None:
    base = f"http://127.0.0.1:{listener.server_address[1]}"
    html = (
        f'<html><head><link rel="stylesheet" href="{base}/mail.css"></head>'
        "<body><p>x</p></body></html>"
    )
    assert inline_css(html) == "<html><head></head><body><p>x</p></body></html>"
    assert listener.hits == []
