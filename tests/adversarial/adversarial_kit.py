"""Shared tools of the adversarial suite: hostile repos, builds, and checks on output files.

The checks read outputs the way their consumers do — HTML through an HTML parser,
Markdown rendered to HTML first, .eml through the strict email parser, PDFs
through poppler — so "nothing survives" means "nothing a reader would run".
"""

from __future__ import annotations

import copy
import email
import email.header
import email.policy
import email.utils
import json
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import yaml

from memogen.data.loader import load_file
from memogen.errors import UserError
from memogen.pipeline import BuildOptions, BuildResult, build
from memogen.render.templating import theme_dir

TESTS = Path(__file__).resolve().parent.parent
MAIN = TESTS.parent
TINY_FILE = TESTS / "fixtures" / "good" / "tiny-service.yaml"
TINY_TEXT = TINY_FILE.read_text(encoding="utf-8")
STRICT_EMAIL = email.policy.default.clone(raise_on_defect=True)
CONFIG_TEXT = "language: en\n"
ALL_FORMATS = ("html", "pdf", "md", "png", "eml", "txt")


@dataclass(frozen=True)
class Built:
    """A repo with the tiny standard and its complete output (the `built` fixture)."""

    repo: Path
    out: Path

    def copy_to(self, root: Path) -> tuple[Path, Path]:
        """A private copy of the repo and its output, for a test that attacks them."""
        repo = root / "repo"
        shutil.copytree(self.repo, repo, symlinks=True)
        return repo, repo / self.out.relative_to(self.repo)


@dataclass(frozen=True)
class Ran:
    """What a CLI run gave (the `cli` fixture)."""

    code: int
    stdout: str
    stderr: str


Cli = Callable[..., Ran]


def tiny_data() -> dict[str, Any]:
    """The valid tiny standard as plain data (every scalar a string), ready to be altered."""
    data = load_file(TINY_FILE).data
    assert isinstance(data, dict)
    return copy.deepcopy(data)


def to_yaml(data: Any) -> str:
    """Plain data → YAML text that memogen reads back as the same strings (no anchors: the
    JSON round trip gives every repeated item its own object)."""
    return yaml.safe_dump(
        json.loads(json.dumps(data)), allow_unicode=True, sort_keys=False, width=10**6
    )


def make_repo(
    root: Path,
    standards: dict[str, str] | None = None,
    config: str = CONFIG_TEXT,
    templates: dict[str, str] | None = None,
) -> Path:
    """A repo in `root`: standards/<name>, memogen.yaml, and templates/.

    templates/ holds a copy of the built-in theme taken now, so that builds compared within
    a session use the same templates even while the theme is being edited."""
    (root / "standards").mkdir(parents=True, exist_ok=True)
    for name, text in (
        standards if standards is not None else {"tiny-service.yaml": TINY_TEXT}
    ).items():
        (root / "standards" / name).write_text(text, encoding="utf-8")
    (root / "memogen.yaml").write_text(config, encoding="utf-8")
    folder = root / "templates"
    folder.mkdir(exist_ok=True)
    for theme_file in theme_dir().iterdir():
        if theme_file.suffix in (".j2", ".css", ".svg"):
            shutil.copy(theme_file, folder / theme_file.name)
    for name, text in (templates or {}).items():
        (folder / name).write_text(text, encoding="utf-8")
    return root


def build_repo(
    repo: Path,
    out: Path,
    formats: tuple[str, ...] = ALL_FORMATS,
    strict: bool = False,
    jobs: int = 1,
    force: bool = False,
    artifacts: tuple[str, ...] | None = None,
) -> BuildResult:
    options = BuildOptions(
        out=out, artifacts=artifacts, formats=formats, jobs=jobs, strict=strict, force=force
    )
    return build([repo / "standards"], repo / "memogen.yaml", options)


def build_error(repo: Path, out: Path, **kwargs: Any) -> str:
    """The message of the UserError a build of `repo` must raise."""
    try:
        build_repo(repo, out, **kwargs)
    except UserError as exc:
        return exc.describe()
    raise AssertionError("the build succeeded")


def snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry under `folder`: file bytes, or 'symlink -> target', or 'dir'."""
    found: dict[str, bytes | str] = {}
    if not folder.exists():
        return found
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if path.is_symlink():
            found[name] = f"symlink -> {path.readlink()}"
        elif path.is_dir():
            found[name] = "dir"
        else:
            found[name] = path.read_bytes()
    return found


def leftovers(folder: Path) -> list[str]:
    """Staging folders and temporary files a build must never leave behind."""
    return sorted(
        p.relative_to(folder).as_posix()
        for p in folder.rglob("*")
        if p.name.startswith(".staging-") or p.name.endswith(".tmp")
    )


# --- reading outputs as their consumers do --------------------------------------------------

URL_ATTRIBUTES = {
    "href",
    "src",
    "xlink:href",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "srcset",
    "cite",
    "longdesc",
    "ping",
}
ACTIVE_TAGS = {
    "script",
    "iframe",
    "object",
    "embed",
    "applet",
    "frame",
    "frameset",
    "base",
    "form",
    "input",
    "button",
    "textarea",
    "select",
    "img",
    "video",
    "audio",
    "source",
    "track",
    "link",
    "meta",
    "portal",
    "math",
}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:", "file:", "blob:")


class _Scan(HTMLParser):
    def __init__(self, logo: str) -> None:
        super().__init__(convert_charrefs=True)
        self.logo = logo
        self.problems: list[str] = []
        self.style_text: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        if self.logo and tag == "img" and dict(attrs).get("src") == self.logo:
            attrs = [(name, value) for name, value in attrs if name != "src"]
        elif tag in ACTIVE_TAGS and not (tag == "meta" and names <= {"charset", "name", "content"}):
            self.problems.append(f"<{tag}> element")
        self._in_style = tag == "style"
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name}= on <{tag}>")
            text = "".join((value or "").split()).lower()
            if name in URL_ATTRIBUTES and text.startswith(BAD_SCHEMES):
                self.problems.append(f"{name}={value!r} on <{tag}>")
            if name == "style" and "url(" in text:
                self.problems.append(f"url() in style= on <{tag}>")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style_text.append(data)


def html_problems(html: str, logo: str = "") -> list[str]:
    """Everything in an HTML document that could run, load or embed something.

    `logo`: the one `data:` image memogen inlined itself, allowed as an <img src>."""
    scan = _Scan(logo)
    scan.feed(html)
    scan.close()
    css = re.sub(r"/\*.*?\*/", "", " ".join(scan.style_text), flags=re.DOTALL).lower()
    return scan.problems + [
        f"{what} in <style>" for what in ("url(", "@import", "expression(") if what in css
    ]


class _Reading(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.words: list[str] = []
        self.links: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            found = dict(attrs)
            self.links.append((found.get("href") or "", found.get("rel") or ""))

    def handle_data(self, data: str) -> None:
        self.words.extend(data.split())


def html_reading(html: str) -> tuple[str, list[tuple[str, str]]]:
    """What a reader gets from HTML, whatever markup a library chose: the words, and each
    link as (href, rel)."""
    reading = _Reading()
    reading.feed(html)
    reading.close()
    return " ".join(reading.words), reading.links


def markdown_as_html(text: str) -> str:
    """A Markdown file as a forge would show it (raw HTML passes through, as on most)."""
    return markdown.markdown(text, output_format="html")


def eml_parts(raw: bytes) -> tuple[email.message.EmailMessage, str, str]:
    """Parse an .eml strictly; return the message, its plain text and its HTML."""
    message = email.message_from_bytes(raw, policy=STRICT_EMAIL)
    assert isinstance(message, email.message.EmailMessage)
    plain = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert plain is not None and html is not None
    return message, plain.get_content(), html.get_content()


def mailboxes_as_mail_clients_read(raw: bytes, header: str) -> list[tuple[str, str]]:
    """(display name, address) of each mailbox in `header`, read by the compat32 parser and
    decoded by an RFC 2047 decoder, as mail clients do. Python 3.11's default policy puts a
    space between adjacent encoded words, which RFC 2047 says to drop."""
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    found = email.utils.getaddresses(message.get_all(header, []))
    return [
        (str(email.header.make_header(email.header.decode_header(name))), address)
        for name, address in found
    ]


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-q", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def pdf_attachments(path: Path) -> str:
    return subprocess.run(
        ["pdfdetach", "-list", str(path)], check=True, capture_output=True, text=True
    ).stdout.strip()


def readable_outputs(out: Path) -> Iterator[tuple[str, str]]:
    """(name, text) of every output as a person or a program reads it: HTML, Markdown
    rendered, plain text, the .eml's headers and decoded parts, and the PDFs' text."""
    for path in sorted(p for p in out.rglob("*") if p.is_file() and not p.is_symlink()):
        name = path.relative_to(out).as_posix()
        if path.suffix in (".html", ".txt", ".md", ".json"):
            yield name, path.read_text(encoding="utf-8")
        elif path.suffix == ".eml":
            message, plain, html = eml_parts(path.read_bytes())
            headers = "\n".join(f"{key}: {value}" for key, value in message.items())
            yield name, f"{headers}\n{plain}\n{html}"
        elif path.suffix == ".pdf":
            info = subprocess.run(
                ["pdfinfo", str(path)], check=True, capture_output=True, text=True
            ).stdout
            yield name, f"{info}\n{pdf_text(path)}"


def pdf_uncompressed(path: Path) -> bytes:
    """The PDF with every stream decompressed (attachments, fonts, page content)."""
    return subprocess.run(
        ["qpdf", "--stream-data=uncompress", "--object-streams=disable", str(path), "-"],
        check=True,
        capture_output=True,
    ).stdout
