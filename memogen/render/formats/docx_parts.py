"""The pieces a Word document is built of: paragraphs from rich text, lists that number
from 1, a stage table whose header repeats on every page, images with alt text.

Text comes from the context's plain forms (`Rich.text`, names, worded deadlines); python-docx
escapes it for XML, so nothing a standard says can become markup.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from docx.document import Document as DocumentObject
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm
from docx.text.paragraph import Paragraph

from memogen.render.formats.docx_setup import hex_colour, text_width

BULLET = "• "  # how `Rich.text` starts a list item
GRID = "D5DBE3"  # the theme's hairline colour (theme.css --line)
LINK = "0B5CAD"  # links, readable on white whatever the brand's colours are
NUMBER_COLUMN_MM = 11.0  # holds "No." on one line
# What follows an element in its parent, by the schema's order (Word refuses a file whose
# properties come in another order).
_AFTER_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption")
_AFTER_SHADING = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")

# A piece of a paragraph: its text and whether it is bold.
Runs = Sequence[tuple[str, bool]]


def paragraph(document: DocumentObject, runs: Runs, style: str | None = None) -> Paragraph:
    made = document.add_paragraph(style=style)
    for text, bold in runs:
        if text:
            made.add_run(text).bold = bold or None
    return made


def labelled(
    document: DocumentObject, label: str, value: str, link: str = "", shown: str = ""
) -> None:
    """ "Label: value", the label bold, then `link` (an http(s) or mailto: address the model
    checked) as a link that shows `shown` (the address itself by default); nothing when
    there is neither."""
    if not (value or link):
        return
    made = paragraph(document, [(f"{label}: ", True), (value, False)])
    if link:
        if value:
            made.add_run(" — ")
        _hyperlink(made, link, shown or link.removeprefix("mailto:"))


def _hyperlink(made: Paragraph, address: str, shown: str) -> None:
    """A link Word opens on Ctrl+click, underlined in the theme's link blue; the paper copy
    shows `shown`."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), made.part.relate_to(address, RT.HYPERLINK, is_external=True))
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), LINK)
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    properties.extend([colour, underline])  # the schema's order: colour before underline
    text = OxmlElement("w:t")
    text.text = shown
    text.set(qn("xml:space"), "preserve")
    run.extend([properties, text])
    link.append(run)
    made._p.append(link)


def rich_text(document: DocumentObject, rich: Any) -> None:
    """A Markdown field's plain text: its paragraphs, and its list items as bullets."""
    if rich is None:
        return
    for block in rich.text.split("\n\n"):
        lines = [line for line in block.splitlines() if line]
        if lines and all(line.startswith(BULLET) for line in lines):
            bullets(document, [line.removeprefix(BULLET) for line in lines])
        elif lines:  # one Markdown paragraph: its line breaks are spaces
            document.add_paragraph(" ".join(lines))


def bullets(document: DocumentObject, items: Sequence[str | Runs]) -> None:
    for item in items:
        paragraph(document, _runs(item), "List Bullet")


def _runs(item: str | Runs) -> Runs:
    return [(item, False)] if isinstance(item, str) else item


def numbered(document: DocumentObject, items: Sequence[str | Runs]) -> None:
    """A numbered list that starts at 1 (Word's List Number style alone would go on counting
    from the document's previous list)."""
    number = _restarted_numbering(document)
    for item in items:
        made = paragraph(document, _runs(item), "List Number")
        properties = made._p.get_or_add_pPr().get_or_add_numPr()
        properties.get_or_add_ilvl().val = 0
        properties.get_or_add_numId().val = number


def _restarted_numbering(document: DocumentObject) -> int:
    style = document.styles["List Number"].element
    style_number = int(style.pPr.numPr.numId.val)
    numbering = document.part.numbering_part.element
    abstract = numbering.num_having_numId(style_number).abstractNumId.val
    instance = numbering.add_num(abstract)
    instance.add_lvlOverride(ilvl=0).add_startOverride(1)
    return int(instance.numId)


def stage_table(
    document: DocumentObject,
    context: dict[str, Any],
    headers: Sequence[str],
    rows: Sequence[Sequence[str | Runs]],
    widths: Sequence[float],
) -> None:
    """The stages: a header row in the brand's colour, repeated on every page; one row per
    stage, never split across pages; the first column the stage's number. `widths` are the
    shares of the text width left after the number column."""
    primary = context["brand"].primary.lstrip("#")
    table = document.add_table(rows=1, cols=len(headers), style="Table Grid")
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _borders(table)
    number = Mm(NUMBER_COLUMN_MM)
    rest = text_width(document) - number
    columns = [number, *(Emu(int(rest * share)) for share in widths)]
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        cell.paragraphs[0].paragraph_format.space_after = 0
        cell.paragraphs[0].add_run(header).bold = True
        cell.paragraphs[0].runs[0].font.color.rgb = hex_colour(context["on_brand"]["primary"])
        _shade(cell, primary)
    _row_flags(table.rows[0], "w:tblHeader", "w:cantSplit")
    tint = _tint(primary)
    for index, values in enumerate(rows):
        row = table.add_row()
        _row_flags(row, "w:cantSplit")
        for column, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            runs = [(value, column == 0)] if isinstance(value, str) else value  # number: bold
            for text, bold in runs:
                target = cell.paragraphs[-1]
                if target.text and text.startswith("\n"):
                    target = cell.add_paragraph()
                target.paragraph_format.space_after = 0
                run = target.add_run(text.lstrip("\n"))
                run.bold = bold or None
                if column == 0:
                    run.font.color.rgb = hex_colour(primary)
            if index % 2:
                _shade(cell, tint)
    for row in table.rows:
        for cell, width in zip(row.cells, columns, strict=True):
            cell.width = width
    for column, width in zip(table.columns, columns, strict=True):
        column.width = width


def _row_flags(row: Any, *flags: str) -> None:
    properties = row._tr.get_or_add_trPr()
    for flag in flags:
        properties.append(OxmlElement(flag))


def _shade(cell: Any, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill.upper())
    cell._tc.get_or_add_tcPr().insert_element_before(shading, *_AFTER_SHADING)


def _tint(colour: str, keep: float = 0.08) -> str:
    """`colour` mixed with white: a pale row band in the brand's hue."""
    value = hex_colour(colour)
    return "".join(f"{round(255 - (255 - c) * keep):02X}" for c in value)


def _borders(table: Any) -> None:
    """Hairlines in the theme's grey instead of Table Grid's black."""
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{side}")
        for attribute, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", GRID)):
            line.set(qn(f"w:{attribute}"), value)
        borders.append(line)
    properties = table._tbl.tblPr
    old = properties.find(qn("w:tblBorders"))
    if old is not None:
        properties.remove(old)
    properties.insert_element_before(borders, *_AFTER_BORDERS)


def image(document: DocumentObject, png: bytes, width: int, alt: str) -> None:
    """A PNG `width` EMU wide, with its alt text (what a screen reader says, and Word's
    "Alt Text" pane shows)."""
    made = document.add_paragraph()
    made.paragraph_format.keep_with_next = True
    shape = made.add_run().add_picture(io.BytesIO(png), width=width)
    properties = shape._inline.docPr
    properties.set("descr", alt)


def caption(document: DocumentObject, text: str) -> None:
    if text:
        document.add_paragraph(text, style="Caption")
