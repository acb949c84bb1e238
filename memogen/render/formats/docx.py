"""The memo and the guide as editable Word files, built from the same context as their HTML
(never converted from it): what a reviewer marks up, an HR department files, a manager adds
a note to. The frame (paper, styles, footer, properties, zip) is `docx_setup`'s, the pieces
`docx_parts`'; here is what each document says, in the order its HTML says it.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from docx.document import Document as DocumentObject
from docx.shared import Mm

from memogen.render.brand import logo_png
from memogen.render.filters import mailto
from memogen.render.formats.docx_parts import (
    Runs,
    bullets,
    caption,
    image,
    labelled,
    numbered,
    paragraph,
    rich_text,
    stage_table,
)
from memogen.render.formats.docx_setup import (
    WORD_LANGUAGES,
    Paper,
    add_footer,
    new_document,
    reproducible_bytes,
    set_properties,
    text_width,
)
from memogen.render.formats.png import svg_to_png
from memogen.render.qr import qr_png

PRINT_DPI = 300
QR_MM = 32
LOGO_MM, LOGO_MAX_MM = 8, 40  # the logo's height on the cover line, and its widest
# Base type size (pt): a one-page document on A4 and on A5, and any other document.
COMPACT_PT = {"A4": 9.0, "A5": 8.0}
READING_PT = 10.5


def render_docx(
    artifact: str, context: dict[str, Any], print_css: str, when: int, one_page: bool
) -> bytes:
    """The artifact's .docx: on the paper of its print stylesheet, dated `when` (seconds)."""
    paper = Paper.of(print_css)
    base = COMPACT_PT.get(paper.size, READING_PT) if one_page else READING_PT
    document = new_document(context, paper, base)
    t = context["t"]
    BODIES[artifact](document, context)
    org = f" · {context['org']}" if context["org"] else ""
    add_footer(document, context["footer"] + org, t["page"], t["page_of"])
    properties = {
        "title": context["title"],
        "subject": t[artifact],
        "author": context["s"].owner.name,
        "keywords": context["id"],
        "language": WORD_LANGUAGES[context["lang"]],
    }
    set_properties(document, properties, when)
    return reproducible_bytes(document, when)


def _cover(document: DocumentObject, context: dict[str, Any], kind: str) -> None:
    """The kind of document, department and organisation; the title; the summary."""
    org = f" · {context['org']}" if context["org"] else ""
    line = document.add_paragraph(style="Subtitle")
    logo = logo_png(context["logo"])
    if logo is not None:  # the logo leads the line
        width, height = logo.scaled(Mm(LOGO_MM), Mm(LOGO_MAX_MM))
        shape = line.add_run().add_picture(io.BytesIO(logo.data), width, height)
        shape._inline.docPr.set("descr", context["logo_alt"])
        line.add_run("  ")
    line.add_run(f"{kind} · {context['s'].department}{org}")
    document.add_paragraph(context["title"], style="Title")
    rich_text(document, context["summary"])


def _contacts(document: DocumentObject, context: dict[str, Any]) -> None:
    if not context["contacts"]:
        return
    t = context["t"]
    document.add_heading(t["contacts"], 1)
    document.add_paragraph(t["contacts_hint"])
    numbered(document, [_contact(contact) for contact in context["contacts"]])


def _contact(contact: Any) -> Runs:
    reach = " · ".join(part for part in (contact.phone, contact.email) if part)
    return [
        (contact.name, True),
        (f", {contact.role}" if contact.role else "", False),
        (f" — {reach}" if reach else "", False),
        (f" ({contact.when})" if contact.when else "", False),
    ]


def _mail_link(address: str) -> tuple[str, str]:
    """The link to the request address (its domain in IDNA, as every mail client needs it),
    and the address as typed, for the paper copy."""
    return mailto(address), address


def _memo(document: DocumentObject, context: dict[str, Any]) -> None:
    t, s = context["t"], context["s"]
    _cover(document, context, t["memo"])
    request = s.request
    if request.channel == "email" and request.address:
        labelled(document, t["channel"], context["channel"], *_mail_link(request.address))
    else:
        labelled(
            document, t["channel"], request.form_name or context["channel"], request.form_url or ""
        )
    labelled(document, t["clients"], s.clients or "")
    labelled(document, t["response_time"], context["acknowledge"])
    labelled(document, t["total_deadline"], context["deadline"])
    document.add_heading(t["stages"], 1)
    rows = [_memo_stage(stage, t) for stage in context["stages"]]
    headers = [t["number"], t["stage"], t["performer"], t["deadline"], t["result"]]
    stage_table(document, context, headers, rows, (0.24, 0.2, 0.16, 0.4))
    document.add_heading(t["inputs"], 1)
    bullets(document, [_input(item, t, with_example=False) for item in context["inputs"]])
    document.add_heading(t["criteria"], 1)
    bullets(document, [item.text for item in context["criteria"]])
    if context["rules"]:
        document.add_heading(t["rules"], 1)
        bullets(document, context["rules"])
    _contacts(document, context)


def _memo_stage(stage: dict[str, Any], t: dict[str, str]) -> list[str | Runs]:
    result: list[tuple[str, bool]] = [(stage["result"].text, False)] if stage["result"] else []
    if stage["client_action"]:
        result += [(f"\n{t['client_does']}: ", True), (stage["client_action"].text, False)]
    deadline = [(stage["deadline"], True)]
    return [str(stage["number"]), stage["name"], stage["performer"], deadline, result]


def _input(item: dict[str, Any], t: dict[str, str], with_example: bool) -> Runs:
    need = t["required"] if item["required"] else t["optional"]
    shown = with_example or not item["required"]  # the memo marks only what is optional
    runs = [(item["name"], True), (f" ({need})" if shown else "", False)]
    if item["description"]:
        runs.append((f" — {item['description'].text}", False))
    if with_example and item["example"]:
        runs.append((f". {t['example']}: {item['example']}", False))
    return runs


def _guide(document: DocumentObject, context: dict[str, Any]) -> None:
    t, s = context["t"], context["s"]
    _cover(document, context, t["guide"])
    labelled(document, t["confirm_after"], context["acknowledge"])
    labelled(document, t["ready_in"], context["deadline"])
    labelled(document, t["clients"], s.clients or "")
    _how_to_request(document, context)
    document.add_heading(t["what_to_prepare"], 1)
    bullets(document, [_input(item, t, with_example=True) for item in context["inputs"]])
    document.add_heading(t["how_it_works"], 1)
    stages = "; ".join(f"{n['number']}. {n['name']} — {n['deadline']}" for n in context["stages"])
    width = text_width(document)
    diagram = svg_to_png(context["diagram"], width / Mm(1), PRINT_DPI)
    image(document, diagram, width, f"{t['how_it_works']}: {stages}")
    rows = [_guide_stage(stage) for stage in context["stages"]]
    headers = [t["number"], t["stage"], t["performer"], t["deadline"], t["client_action"]]
    stage_table(document, context, headers, rows, (0.3, 0.22, 0.18, 0.3))
    document.add_heading(t["when_ready"], 1)
    timeline = [t["you_submit"]]
    if context["acknowledge"]:
        timeline.append(f"{t['confirm_after']} {context['acknowledge']}")
    numbered(document, [*timeline, f"{t['ready_in']} {context['deadline']}"])
    if context["delivery"]:
        document.add_heading(t["how_to_receive"], 1)
        rich_text(document, context["delivery"])
    if context["changes"]:
        document.add_heading(t["changes"], 1)
        for change in context["changes"]:
            labelled(document, change["when"], change["text"])
    _contacts(document, context)
    if context["faq"]:
        document.add_heading(t["faq"], 1)
        for item in context["faq"]:
            document.add_heading(item["q"], 2)
            rich_text(document, item["a"])
    if context["feedback_url"]:
        document.add_heading(t["feedback"], 1)
        document.add_paragraph(t["feedback_text"])
        labelled(document, t["open_survey"], "", context["feedback_url"])
        qr = qr_png(context["feedback_url"], dpi=PRINT_DPI)
        image(document, qr, Mm(QR_MM), t["qr_feedback"])


def _how_to_request(document: DocumentObject, context: dict[str, Any]) -> None:
    t, request = context["t"], context["s"].request
    document.add_heading(t["how_to_request"], 1)
    if request.channel == "email" and request.address:
        labelled(document, t["send_to"], "", *_mail_link(request.address))
        if context["mail_uri"]:  # no form: the code that starts the email, as on the poster
            qr = qr_png(context["mail_uri"], context["brand"].primary, PRINT_DPI)
            image(document, qr, Mm(QR_MM), t["qr_mail"])
            caption(document, t["scan_to_write"])
    if request.form_url:
        labelled(document, t["form"], request.form_name or "")
        labelled(document, t["open_form"], "", request.form_url)
        qr = qr_png(request.form_url, context["brand"].primary, PRINT_DPI)
        image(document, qr, Mm(QR_MM), t["qr_form"])
        caption(document, t["scan_to_open"])
    elif not request.address:
        contact = context["main_contact"]
        labelled(document, t["channel"], request.form_name or context["channel"])
        paragraph(document, _contact(contact))
    if context["steps"]:
        numbered(document, [step.text for step in context["steps"]])
    if context["hard_parts"]:
        document.add_heading(t["hard_parts"], 2)
        for part in context["hard_parts"]:
            paragraph(document, [(part["title"], True)])
            rich_text(document, part["text"])


def _guide_stage(stage: dict[str, Any]) -> list[str | Runs]:
    action = stage["client_action"].text if stage["client_action"] else "—"
    deadline = [(stage["deadline"], True)]
    return [str(stage["number"]), stage["name"], stage["performer"], deadline, action]


# Each artifact made as a .docx (its row in memogen.outputs has the format) and its body.
BODIES: dict[str, Callable[[DocumentObject, dict[str, Any]], None]] = {
    "memo": _memo,
    "guide": _guide,
}
