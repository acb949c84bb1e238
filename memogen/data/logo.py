"""The logo of memogen.yaml: read by memogen itself, verified, inlined as a `data:` URI.

Nothing renders a file by path: the PDF fetcher serves only `data:` URLs. So the
logo is read here, once, from inside the repo, size- and pixel-capped, and proven
to be what its name says — a PNG by its signature and header, an SVG by parsing it
with no DTD, no entities, no scripts, no foreign content and no external links.
An SVG must be UTF-8: in UTF-16 or UTF-32 a `<!DOCTYPE` is not the bytes the
check looks for. CSS (a <style>, a style="" or a presentation attribute) is read
the way a browser reads it — comments dropped, then escapes such as `\75rl(`
decoded — before any `url(`, `image-set(` or `@import` is looked for.
"""

from __future__ import annotations

import base64
import math
import re
import struct
from pathlib import Path
from xml.etree import ElementTree

from memogen.i18n import _

MAX_LOGO_BYTES = 512 * 1024
MAX_LOGO_PIXELS = 4096  # per side
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

_SVG = "{http://www.w3.org/2000/svg}"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_DECLARATIONS = re.compile(rb"<!DOCTYPE|<!ENTITY|<\?xml-stylesheet", re.IGNORECASE)
_FORBIDDEN = {"script", "foreignObject", "handler", "listener", "iframe", "embed", "object"}
_CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|\Z)", re.DOTALL)
_CSS_ESCAPE = re.compile(r"\\(?:([0-9A-Fa-f]{1,6})[ \t\n\f]?|\r\n?|(.))", re.DOTALL)
_LOADING_CSS = ("@import", "image-set(", "image(", "cross-fade(", "element(", "src(")
_XML_ENCODING = re.compile(rb"<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z0-9._-]{1,40})")
# Shapes a logo may draw, each copy a <use> or a url(#id) makes counted: a drawn logo has a
# few hundred, a traced one some thousands (512 KiB hold at most ~100,000 small elements);
# a "use bomb" of 1.5 KB draws 10^8 and holds every render to its time bound.
MAX_DRAWN = 100_000
# A gradient is a fill, not shapes: its stops (and the gradient it extends) draw nothing.
_NOT_DRAWN = {"linearGradient", "radialGradient"}
_URL_REFERENCE = re.compile(r"url\(\s*[\"']?#([^\s\"')]+)")


class LogoError(ValueError):
    """The logo file cannot be used; `message` and `hint` are worded for the user."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message, self.hint = message, hint


def logo_data_uri(path: Path, shown: str) -> str:
    """Read and verify the logo at `path` (already resolved inside the repo) → `data:` URI.

    `shown` is the name the user wrote in memogen.yaml, used in messages."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_LOGO_BYTES + 1)
    except OSError as exc:
        raise LogoError(
            _("the logo '{shown}' cannot be read: {strerror}").format(
                shown=shown, strerror=exc.strerror
            ),
            _("check the file's permissions"),
        ) from None
    if len(data) > MAX_LOGO_BYTES:
        raise LogoError(
            _("the logo '{shown}' is larger than {size} KiB").format(
                shown=shown, size=MAX_LOGO_BYTES // 1024
            ),
            _("export it smaller; a logo needs a few KiB"),
        )
    if path.suffix.lower() == ".png":
        _check_png(data, shown)
        mime = "image/png"
    else:
        _check_svg(data, shown)
        mime = "image/svg+xml"
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _check_png(data: bytes, shown: str) -> None:
    if not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR" or len(data) < 33:
        raise LogoError(
            _("the logo '{shown}' is not a PNG image").format(shown=shown),
            _("save it as PNG, or give the file its real extension"),
        )
    width, height = struct.unpack(">II", data[16:24])
    if not (0 < width <= MAX_LOGO_PIXELS and 0 < height <= MAX_LOGO_PIXELS):
        raise LogoError(
            _("the logo '{shown}' is {width}×{height} pixels, more than {limit} on a side").format(
                shown=shown, width=width, height=height, limit=MAX_LOGO_PIXELS
            ),
            _("scale it down"),
        )


def _check_svg(data: bytes, shown: str) -> None:
    _check_utf8(data, shown)
    declared = _DECLARATIONS.search(data)
    if declared:
        raise LogoError(
            _("the logo '{shown}' contains '{declared}', which a logo may not").format(
                shown=shown, declared=declared.group().decode()
            ),
            _("export it again as plain SVG"),
        )
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as exc:
        raise LogoError(
            _("the logo '{shown}' is not valid SVG ({reason})").format(shown=shown, reason=exc),
            _("export it again as plain SVG"),
        ) from None
    if root.tag not in (f"{_SVG}svg", "svg"):
        raise LogoError(
            _("the logo '{shown}' is not an SVG image (its root is not <svg>)").format(shown=shown),
            _("export it again as plain SVG"),
        )
    for element in root.iter():
        _check_svg_element(element, shown)
    if _drawn(root) > MAX_DRAWN:
        raise LogoError(
            _(
                "the logo '{shown}' would draw more than {count} shapes, counting each copy "
                "a <use> or a url(#id) makes"
            ).format(shown=shown, count=f"{MAX_DRAWN:,}"),
            _("export it again as plain SVG, with its shapes drawn once"),
        )


def _drawn(root: ElementTree.Element) -> float:
    """How many elements drawing `root` makes, each `#id` an element refers to counted as the
    copy it makes (infinite for a copy of itself). Iterative: a logo may nest deep."""
    by_id = {element.get("id"): element for element in root.iter() if element.get("id")}
    done: dict[ElementTree.Element, float] = {}
    entered: set[ElementTree.Element] = set()
    stack = [root]
    while stack:
        element = stack[-1]
        if element.tag.rpartition("}")[2] in _NOT_DRAWN:
            parts = []
        else:
            parts = [*element, *(by_id[i] for i in _references(element) if i in by_id)]
        if element in done:
            stack.pop()
        elif element not in entered:  # first: its parts (an entered one is a loop)
            entered.add(element)
            waiting = [part for part in parts if part not in done]
            if any(part in entered for part in waiting):
                return math.inf
            stack.extend(waiting)
        else:  # then: itself and what its parts draw
            done[element] = 1 + sum(done[part] for part in parts)
            entered.discard(element)
            stack.pop()
    return done[root]


def _references(element: ElementTree.Element) -> list[str]:
    """The ids an element copies: its `href="#id"`, its `url(#id)` values."""
    found = []
    for attribute, value in element.attrib.items():
        if attribute in ("href", _XLINK_HREF) and value.strip().startswith("#"):
            found.append(value.strip()[1:])
        found += _URL_REFERENCE.findall(value)
    return found


def _check_utf8(data: bytes, shown: str) -> None:
    """UTF-8 (a BOM allowed), no NUL byte, and no other encoding declared."""
    declared = _XML_ENCODING.match(data.removeprefix(b"\xef\xbb\xbf"))
    try:
        data.decode("utf-8")
        utf8 = b"\0" not in data and (not declared or declared[1].lower() in (b"utf-8", b"utf8"))
    except UnicodeDecodeError:
        utf8 = False
    if not utf8:
        raise LogoError(
            _("the logo '{shown}' is not saved as UTF-8").format(shown=shown),
            _("export it again as plain SVG in UTF-8, the encoding every editor offers"),
        )


def loads_from_outside(css: str) -> bool:
    """Whether CSS text can fetch anything: @import, image-set() and the like, or a url()
    that does not point inside the document (`url(#id)`), in any spelling CSS allows."""
    text = _CSS_ESCAPE.sub(_unescape, _CSS_COMMENT.sub(" ", css)).lower()
    if any(function in text for function in _LOADING_CSS):
        return True
    at = text.find("url(")
    while at != -1:
        if not text[at + 4 :].lstrip(" \t\r\n\f\"'").startswith("#"):
            return True
        at = text.find("url(", at + 4)
    return False


def _unescape(found: re.Match[str]) -> str:
    """One CSS escape as the character it stands for (an escaped line break is nothing)."""
    if found[1]:
        code = int(found[1], 16)
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
    return found[2] or ""


def _check_svg_element(element: ElementTree.Element, shown: str) -> None:
    name = element.tag.rpartition("}")[2]
    if name in _FORBIDDEN:
        raise LogoError(
            _("the logo '{shown}' contains <{name}>, which a logo may not").format(
                shown=shown, name=name
            ),
            _("export it again as plain SVG, without scripts or embedded HTML"),
        )
    if name == "style" and loads_from_outside(element.text or ""):
        raise LogoError(
            _("the logo '{shown}' loads something from outside in its <style>").format(shown=shown),
            _("remove @import, image-set() and url() that do not start with '#'"),
        )
    for attribute, value in element.attrib.items():
        local = attribute.rpartition("}")[2]
        if local.lower().startswith("on"):
            raise LogoError(
                _("the logo '{shown}' has an event handler '{local}'").format(
                    shown=shown, local=local
                ),
                _("export it again as plain SVG, without scripts"),
            )
        if (attribute in ("href", _XLINK_HREF)) and not value.strip().startswith("#"):
            raise LogoError(
                _("the logo '{shown}' links to '{value}'").format(shown=shown, value=value[:60]),
                _("a logo may refer only to its own parts ('#id'); embed or drop the rest"),
            )
        if local != "id" and loads_from_outside(value):
            raise LogoError(
                _("the logo '{shown}' loads something from outside in '{local}'").format(
                    shown=shown, local=local
                ),
                _("remove url() and image-set() values that do not start with '#'"),
            )
