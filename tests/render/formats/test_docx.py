"""Unit tests for memogen.render.formats.docx: the memo and the guide as Word files, opened
with python-docx the way Word reads them (styles, tables, images, properties, footer)."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime

import docx
import pytest
from docx.document import Document as DocumentObject
from docx.oxml.ns import qn

from memogen.data.config_model import Config
from memogen.data.models import Standard
from memogen.data.validate import check_standards
from memogen.outputs import BY_NAME
from memogen.render.context import standard_context
from memogen.render.formats.docx import render_docx
from memogen.render.formats.email import standard_epoch
from memogen.render.plans import plan_for
from memogen.render.templating import make_environment, render
from memogen.render.typography import typeset
from tests.conftest import REPO_ROOT

PURCHASE = REPO_ROOT / "standards" / "purchase-request.yaml"


def word_file(standard: Standard, artifact: str, config: Config | None = None) -> bytes:
    """What the worker makes: the artifact's .docx on the paper of its print stylesheet."""
    config = config or Config()
    kind = BY_NAME[artifact]
    context = standard_context(standard, config)
    plan = plan_for(kind, config, standard)
    paper = {**context, "fit": plan.first() if plan else {}}
    css = render(make_environment(None), str(kind.print_stylesheet), paper)
    return render_docx(artifact, context, css, standard_epoch(standard), kind.one_page)


def opened(data: bytes) -> DocumentObject:
    return docx.Document(io.BytesIO(data))


def russian_standard(config: Config | None = None) -> Standard:
    checked = check_standards([(PURCHASE, "standards/purchase-request.yaml")], config or Config())
    assert checked.errors == []
    return checked.standards[0]


def styled(document: DocumentObject, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style is not None and p.style.name == style]


def test_the_memo_uses_the_title_and_heading_styles(tiny_standard: Standard) -> None:
    document = opened(word_file(tiny_standard, "memo"))
    assert styled(document, "Title") == ["Tiny service"]
    assert styled(document, "Heading 1") == [
        "Stages and deadlines",
        "What the client must provide",
        "What the result must be",
        "If something goes wrong",
    ]
    assert styled(document, "List Number") == [
        "Bob Stone, Support engineer — bob.stone@example.com (No answer within a day)"
    ]


def test_the_memos_stages_are_a_table_of_one_row_per_stage_under_a_repeated_header() -> None:
    standard = russian_standard()
    document = opened(word_file(standard, "memo"))
    [table] = document.tables
    assert len(table.rows) == len(standard.stages) + 1
    assert [cell.text for cell in table.rows[0].cells] == [
        "№",
        "Этап",
        "Кто выполняет",
        "Срок",
        "Результат",
    ]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    for row in table.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    names = [row.cells[1].text for row in table.rows[1:]]
    assert names == [typeset(stage.name, "ru") for stage in standard.stages]
    deadlines = [row.cells[3].text.replace("\xa0", " ") for row in table.rows[1:]]
    assert deadlines == [
        "4 рабочих часа",
        "2 рабочих дня",
        "2 рабочих дня",
        "4 рабочих дня",
        "4 рабочих часа",
    ]
    assert "Общий срок: 10\xa0рабочих дней" in [p.text for p in document.paragraphs]


def test_the_guide_names_every_stage_with_its_worded_deadline() -> None:
    standard = russian_standard()
    document = opened(word_file(standard, "guide"))
    [table] = document.tables
    rows = [(row.cells[1].text, row.cells[3].text) for row in table.rows[1:]]
    assert [name for name, _ in rows] == [typeset(stage.name, "ru") for stage in standard.stages]
    assert [deadline for _, deadline in rows] == [
        "4\xa0рабочих часа",
        "2\xa0рабочих дня",
        "2\xa0рабочих дня",
        "4\xa0рабочих дня",
        "4\xa0рабочих часа",
    ]
    assert "Частые вопросы" in styled(document, "Heading 1")
    assert "Можно\xa0ли купить у\xa0своего поставщика?" in styled(document, "Heading 2")


def test_the_core_properties_carry_title_subject_owner_id_and_language() -> None:
    properties = opened(word_file(russian_standard(), "memo")).core_properties
    assert properties.title == "Закупка товаров для подразделений"
    assert properties.subject == "Памятка сотрудника"
    assert properties.author == "Ирина Петрова"
    assert properties.keywords == "purchase-request"
    assert properties.language == "ru-RU"
    assert properties.created == properties.modified == datetime(2026, 12, 1, 9, tzinfo=UTC)


def test_two_builds_give_identical_bytes(tiny_standard: Standard) -> None:
    for artifact in ("memo", "guide"):
        assert word_file(tiny_standard, artifact) == word_file(tiny_standard, artifact)


def test_source_date_epoch_dates_the_zip_and_the_properties(
    tiny_standard: Standard, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01 00:00 UTC
    data = word_file(tiny_standard, "memo")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        stamps = {info.date_time for info in archive.infolist()}
        assert archive.namelist()[0] == "[Content_Types].xml"
    assert stamps == {(2026, 1, 1, 0, 0, 0)}
    assert opened(data).core_properties.created == datetime(2026, 1, 1, tzinfo=UTC)


def test_the_language_is_set_for_spell_check_and_hyphenation(tiny_standard: Standard) -> None:
    for standard, tag in ((tiny_standard, "en-GB"), (russian_standard(), "ru-RU")):
        document = opened(word_file(standard, "guide"))
        language = document.styles["Normal"].element.rPr.find(qn("w:lang"))
        assert language.get(qn("w:val")) == tag
        assert document.settings.element.find(qn("w:autoHyphenation")) is not None


def test_the_brand_colour_and_font_are_in_the_styles(tiny_standard: Standard) -> None:
    config = Config.model_validate({"brand": {"primary": "#AA3300", "font": "Liberation Sans"}})
    document = opened(word_file(tiny_standard, "memo", config))
    assert str(document.styles["Heading 1"].font.color.rgb) == "AA3300"
    assert document.styles["Normal"].font.name == "Liberation Sans"
    header = document.tables[0].rows[0].cells[0]._tc.tcPr.find(qn("w:shd"))
    assert header.get(qn("w:fill")) == "AA3300"
    rule = document.styles["Title"].element.find(".//" + qn("w:bottom"))
    assert (rule.get(qn("w:color")), rule.get(qn("w:themeColor"))) == ("AA3300", None)


def test_the_form_and_the_survey_are_links_that_show_their_address(
    tiny_standard: Standard,
) -> None:
    memo = opened(word_file(tiny_standard, "memo"))
    assert [rel.target_ref for rel in memo.part.rels.values() if rel.is_external] == [
        "https://intranet.example.com/forms/help"
    ]
    paragraph = next(p for p in memo.paragraphs if p.text.startswith("How to request"))
    [link] = paragraph._p.findall(qn("w:hyperlink"))
    assert [t.text for t in link.iter(qn("w:t"))] == ["https://intranet.example.com/forms/help"]
    guide = opened(word_file(russian_standard(), "guide"))
    assert [rel.target_ref for rel in guide.part.rels.values() if rel.is_external] == [
        "https://intranet.example.com/forms/zk-1",
        "https://survey.example.com/purchase",
    ]


def test_an_internationalised_address_is_linked_in_idna_and_shown_as_typed(
    tiny_standard: Standard,
) -> None:
    """The Word files' mailto: links open in every mail client, as the HTML's and the QR
    code's do; the paper copy shows the address the owner typed."""
    request = tiny_standard.request.model_copy(
        update={"channel": "email", "form_url": None, "address": "hr@кадры.рф"}
    )
    standard = tiny_standard.model_copy(update={"request": request})
    for artifact in ("memo", "guide"):
        document = opened(word_file(standard, artifact))
        assert [rel.target_ref for rel in document.part.rels.values() if rel.is_external] == [
            "mailto:hr@xn--80aiq0a9c.xn--p1ai"
        ]
        [link] = [link for p in document.paragraphs for link in p._p.findall(qn("w:hyperlink"))]
        assert [t.text for t in link.iter(qn("w:t"))] == ["hr@кадры.рф"]


def test_the_footer_has_version_date_owner_and_page_numbers(tiny_standard: Standard) -> None:
    footer = opened(word_file(tiny_standard, "memo")).sections[0].footer
    [table] = footer.tables
    left, right = table.rows[0].cells
    assert left.text == "Version 1.0 · Effective 1\xa0December 2026 · Process owner: Ann Lee"
    fields = [f.get(qn("w:instr")) for f in right._tc.iter(qn("w:fldSimple"))]
    assert fields == ["PAGE", "NUMPAGES"]
    assert right.text == "Page  of "  # Word fills the fields in


def test_the_qr_code_and_the_diagram_are_images_with_alt_text(tiny_standard: Standard) -> None:
    document = opened(word_file(tiny_standard, "guide"))
    shapes = document.inline_shapes
    alts = [shape._inline.docPr.get("descr") for shape in shapes]
    assert alts == [
        "QR code with the link to the request form",
        "How the work goes: 1. Registration — 1\xa0business day; 2. Work — 2\xa0business days",
    ]
    assert round(shapes[1].width.mm) == 210 - 32  # A4, 16 mm margins as in the PDF
    assert round(shapes[0].width.mm) == 32


def test_the_paper_follows_memogen_yaml_a4_or_a5(tiny_standard: Standard) -> None:
    for size, (width, height) in (("A4", (210, 297)), ("A5", (148, 210))):
        config = Config.model_validate({"memo": {"size": size}})
        section = opened(word_file(tiny_standard, "memo", config)).sections[0]
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (width, height)
    guide = opened(word_file(tiny_standard, "guide")).sections[0]
    assert (round(guide.page_width.mm), round(guide.left_margin.mm)) == (210, 16)


def test_each_numbered_list_starts_at_one(tiny_standard: Standard) -> None:
    document = opened(word_file(tiny_standard, "guide"))
    numbers = {
        p._p.pPr.numPr.numId.val for p in document.paragraphs if p.style.name == "List Number"
    }
    assert len(numbers) == 3  # the steps, the timeline, the contacts: three lists
    numbering = document.part.numbering_part.element
    for number in numbers:
        override = numbering.num_having_numId(number).find(qn("w:lvlOverride"))
        assert override.find(qn("w:startOverride")).get(qn("w:val")) == "1"


def test_no_preview_picture_of_a_blank_page_travels_with_the_file(tiny_standard: Standard) -> None:
    with zipfile.ZipFile(io.BytesIO(word_file(tiny_standard, "memo"))) as archive:
        assert not [name for name in archive.namelist() if "thumbnail" in name]
