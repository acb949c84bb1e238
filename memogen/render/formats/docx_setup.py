"""The frame of a Word document: its page, its styles in the brand's colours and font, its
language, footer and properties; and its zip made reproducible.

The page follows the artifact's print stylesheet (the `@page` rule's `size` and `margin`,
read from the rendered CSS), so the .docx and the PDF share one paper. Everything else is
Word's own built-in styles (Title, Heading 1–2, List Bullet, List Number, Table Grid),
restyled: a reader's "Styles" pane and navigation work as in any Word file.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from docx import Document
from docx.document import Document as DocumentObject
from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor

from memogen.render.poster_sheet import PAGE_SIZES_MM

# Word's language tags for the standard's language: spell-check and hyphenation follow them.
WORD_LANGUAGES = {"ru": "ru-RU", "en": "en-GB"}
MUTED = RGBColor(0x5B, 0x65, 0x73)  # the theme's muted ink (theme.css)
INK = RGBColor(0x1D, 0x23, 0x2B)
_PAGE_RULE = re.compile(r"@page\s*\{([^}]*)", re.DOTALL)
_SIZE = re.compile(r"size:\s*(A\d)\b")
_MARGIN = re.compile(r"margin:\s*((?:[\d.]+mm\s*){1,4})")
_DOS_EPOCH = datetime(1980, 1, 1, tzinfo=UTC)  # a zip cannot date a file earlier


@dataclass(frozen=True)
class Paper:
    """A page and its margins in millimetres (top, right, bottom, left), as the PDF has them."""

    size: str = "A4"
    margins: tuple[float, float, float, float] = (20, 20, 20, 20)

    @classmethod
    def of(cls, print_css: str) -> Paper:
        """The first `@page` rule's size and margins; what it does not say stays the default
        (a user's own print stylesheet may say less, or something else)."""
        rule = _PAGE_RULE.search(print_css)
        body = rule.group(1) if rule else ""
        size = _SIZE.search(body)
        margin = _MARGIN.search(body)
        paper = cls(size.group(1) if size and size.group(1) in PAGE_SIZES_MM else cls.size)
        if margin is None:
            return paper
        top, right, bottom, left = _css_sides([float(v[:-2]) for v in margin.group(1).split()])
        return cls(paper.size, (top, right, bottom, left))


def _css_sides(values: list[float]) -> list[float]:
    """CSS's one-to-four-value shorthand, spelled out as top, right, bottom, left."""
    top = values[0]
    right = values[1] if len(values) > 1 else top
    bottom = values[2] if len(values) > 2 else top
    left = values[3] if len(values) > 3 else right
    return [top, right, bottom, left]


def new_document(context: dict[str, Any], paper: Paper, base_pt: float) -> DocumentObject:
    """An empty document on the paper, in the standard's language, with the brand's styles."""
    document = Document()
    section = document.sections[0]
    width, height = PAGE_SIZES_MM[paper.size]
    section.page_width, section.page_height = Mm(width), Mm(height)
    top, right, bottom, left = paper.margins
    section.top_margin, section.right_margin = Mm(top), Mm(right)
    section.bottom_margin, section.left_margin = Mm(bottom), Mm(left)
    # The footer sits low in the bottom margin: two lines of it still end above the text.
    section.header_distance = section.footer_distance = Mm(min(bottom, top) * 0.35)
    _style(document, context, base_pt)
    _hyphenate(document)
    _drop_thumbnail(document)
    return document


def _drop_thumbnail(document: DocumentObject) -> None:
    """python-docx's template carries a picture of a blank page as its preview: a file
    manager would show that for every memo and guide. Word makes none unless asked."""
    relationships = document.part.package.rels
    for key, relationship in list(relationships.items()):
        if relationship.reltype == RT.THUMBNAIL:
            relationships.pop(key)
    preview = document.settings.element.find(qn("w:savePreviewPicture"))
    if preview is not None:
        document.settings.element.remove(preview)


def text_width(document: DocumentObject) -> int:
    """The width between the margins, in EMU (python-docx's Length)."""
    section = document.sections[0]
    sizes = (section.page_width, section.left_margin, section.right_margin)
    width, left, right = (int(size or 0) for size in sizes)  # all set by new_document
    return width - left - right


def hex_colour(value: str) -> RGBColor:
    value = value.lstrip("#")
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    return RGBColor.from_string(value.upper())


def _style(document: DocumentObject, context: dict[str, Any], base_pt: float) -> None:
    brand = context["brand"]
    primary = hex_colour(brand.primary)
    language = WORD_LANGUAGES[context["lang"]]
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(run_defaults, brand.font)
    _set_language(run_defaults, language)
    styles = document.styles
    _restyle(styles["Normal"], brand.font, base_pt, INK)
    styles["Normal"].paragraph_format.space_after = Pt(base_pt * 0.4)
    styles["Normal"].paragraph_format.line_spacing = 1.15
    _set_language(styles["Normal"].element.get_or_add_rPr(), language)
    _restyle(styles["Title"], brand.font, base_pt * 2.2, primary, bold=True)
    title = styles["Title"].paragraph_format
    title.space_after = Pt(base_pt * 0.6)
    _rule_under(styles["Title"], brand.primary)
    _restyle(styles["Subtitle"], brand.font, base_pt * 0.9, primary, bold=True)
    styles["Subtitle"].font.italic = False
    styles["Subtitle"].font.all_caps = True
    _restyle(styles["Heading 1"], brand.font, base_pt * 1.35, primary, bold=True)
    styles["Heading 1"].paragraph_format.space_before = Pt(base_pt * 1.1)
    styles["Heading 1"].paragraph_format.space_after = Pt(base_pt * 0.4)
    _restyle(styles["Heading 2"], brand.font, base_pt * 1.1, INK, bold=True)
    styles["Heading 2"].paragraph_format.space_before = Pt(base_pt * 0.8)
    styles["Heading 2"].paragraph_format.space_after = Pt(base_pt * 0.3)
    for name in ("List Bullet", "List Number", "Caption", "Footer"):
        _restyle(styles[name], brand.font, base_pt * (0.8 if name == "Footer" else 1), None)
    styles["Caption"].font.color.rgb = MUTED
    styles["Caption"].font.bold = False
    styles["Footer"].font.color.rgb = MUTED
    _set_fonts(styles["Table Grid"].element.get_or_add_rPr(), brand.font)


def _rule_under(style: Any, colour: str) -> None:
    """The template's Title is underlined in the theme's blue; the brand's colour instead."""
    rule = style.element.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}")
    if rule is not None:
        rule.attrib.pop(qn("w:themeColor"), None)
        rule.set(qn("w:color"), str(hex_colour(colour)))


def _restyle(
    style: Any, font: str, size_pt: float, colour: RGBColor | None, bold: bool | None = None
) -> None:
    """The brand's font (not the theme's: Word prefers a theme font when both are named)."""
    _set_fonts(style.element.get_or_add_rPr(), font)
    style.font.size = Pt(round(size_pt * 2) / 2)
    if colour is not None:
        style.font.color.rgb = colour
    if bold is not None:
        style.font.bold = bold


def _set_fonts(run_properties: Any, font: str) -> None:
    fonts = run_properties.get_or_add_rFonts()
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(script), font)


def _set_language(run_properties: Any, language: str) -> None:
    lang = run_properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        run_properties.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), language)


def _hyphenate(document: DocumentObject) -> None:
    """Word hyphenates automatically in the document's language (long Russian words)."""
    settings = document.settings.element
    tab_stop = settings.find(qn("w:defaultTabStop"))
    if tab_stop is not None and settings.find(qn("w:autoHyphenation")) is None:
        tab_stop.addnext(OxmlElement("w:autoHyphenation"))


def add_footer(document: DocumentObject, text: str, page: str, of: str) -> None:
    """The footer: the standard's version, date and owner on the left, "Page N of M" on the
    right, in a borderless table so that a long left side wraps instead of pushing it."""
    width = text_width(document)
    footer = document.sections[0].footer
    table = footer.add_table(1, 2, Emu(width))
    table.autofit = False
    left, right = table.rows[0].cells
    shares = (Emu(int(width * 0.84)), Emu(width - int(width * 0.84)))
    for cell, column, share in zip((left, right), table.columns, shares, strict=True):
        cell.width = column.width = share
    for cell in (left, right):
        cell.paragraphs[0].style = document.styles["Footer"]
    left.paragraphs[0].add_run(text)
    numbers = right.paragraphs[0]
    numbers.alignment = WD_PARAGRAPH_ALIGNMENT.RIGHT
    numbers.add_run(f"{page} ")
    _field(numbers, "PAGE")
    numbers.add_run(f" {of} ")
    _field(numbers, "NUMPAGES")
    # Word ends a footer with a paragraph: the template's empty one goes after the table.
    footer.paragraphs[0]._p.addprevious(table._tbl)


def _field(paragraph: Any, instruction: str) -> None:
    """A simple field (the page number, the page count) that Word fills in."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def set_properties(document: DocumentObject, properties: dict[str, str], when: int) -> None:
    """Title, subject, author, keywords, language; created and modified at `when` (seconds)."""
    core = document.core_properties
    core.title = properties["title"]
    core.subject = properties["subject"]
    core.author = core.last_modified_by = properties["author"]
    core.keywords = properties["keywords"]
    core.language = properties["language"]
    core.comments = core.category = core.content_status = core.identifier = ""
    core.revision = 1
    moment = datetime.fromtimestamp(when, UTC).replace(tzinfo=None)
    core.created = core.modified = moment


def reproducible_bytes(document: DocumentObject, when: int) -> bytes:
    """The saved document with every zip entry dated `when` (never earlier than 1980) and
    stored in python-docx's order ([Content_Types].xml first, as Word expects)."""
    saved = io.BytesIO()
    document.save(saved)
    moment = max(datetime.fromtimestamp(when, UTC), _DOS_EPOCH)
    stamp = moment.timetuple()[:6]
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(saved.getvalue())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as target,
    ):
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # "Unix" whatever builds it: the same bytes on Windows
            target.writestr(info, source.read(entry))
    return out.getvalue()
