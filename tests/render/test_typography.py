"""The typography pass: each rule on its own, then the printed PDFs read line by line."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from memogen.build.plan import BuildOptions
from memogen.pipeline import build
from memogen.render.typography import typeset, typeset_model
from tests.examples_kit import copy_settings

if TYPE_CHECKING:
    from memogen.data.models import Standard

NB = "\u00a0"
THIN = "\u202f"
NBH = "\u2011"
REPO = Path(__file__).resolve().parents[2]


def test_a_phone_number_keeps_its_spaces() -> None:
    assert typeset("звоните +7 495 123-45-67", "ru") == "звоните +7 495 123-45-67"
    assert typeset("звоните 7 495 123-45-67", "ru") == "звоните 7 495 123-45-67"


def test_every_text_field_of_a_standard_is_typeset_and_machine_fields_stay(
    tiny_standard: Standard,
) -> None:
    source = tiny_standard.model_copy(
        update={"title": "Справки с места работы", "id": "a-b", "deadline": tiny_standard.deadline}
    )
    printed = typeset_model(source, "ru")
    assert printed.title == f"Справки с{NB}места работы"
    assert printed.id == "a-b"
    assert printed.deadline == tiny_standard.deadline
    assert printed.owner.email == tiny_standard.owner.email


# --- Done when: the printed PDFs, read line by line -------------------------------------

LONG_RU = """memogen: 1
id: long-ru
title: Справки с места работы и копии документов для банка и визы
language: ru
effective: 2026-12-01
department: Отдел кадров и ИТ-поддержки
summary: |
  Готовим справки с места работы и копии документов — за 1 рабочий день. Форма № АО-1
  стоит 50 000 ₽ и 15 000 ₽ в год, т. е. и т. д. Заберите её в каб. 104 у А. С. Пушкина
  и в отделе "Кадры" с "лапками "внутри"" — и о сроках в письме. В 2 часа и в 3 часа и в 4 часа
  и в 5 часов и в 6 часов я и ты и он и мы с вами в ИТ-отделе и в HR-службе к 10 часам.
owner:
  name: Ирина Петрова
request:
  channel: email
  address: hr@example.com
inputs:
  - name: Заявление с подписью и датой и с отметкой о приёме в отдел
stages:
  - name: Проверка заявления и копии паспорта и трудовой книжки
    performer: Специалист по кадрам и ИТ-инженер
    deadline: 1 рабочий день
    result: Заявление проверено и в случае ошибки возвращено с причиной — в течение дня
deadline: 2 рабочих дня
result:
  criteria:
    - Справка с печатью и подписью, в 2 экземплярах, на 1 листе и с № АО-1 в углу
"""

LONG_EN = """memogen: 1
id: long-en
title: Contract review for "urgent" deals and the client's own templates
language: en
effective: 2026-12-01
department: Legal
summary: |
  We review contracts within 5 business days. Press "Submit" on the form's last page - the
  lawyer's answer comes by e-mail; a deal of 15 000 USD or 2 hours of work is "small".
owner:
  name: Ann Lee
request:
  channel: email
  address: legal@example.com
inputs:
  - name: The contract's draft with the other party's "final" comments
stages:
  - name: The lawyer's first reading of the "draft"
    deadline: 2 business days
    result: The client's questions are answered and the "risks" listed
deadline: 5 business days
result:
  criteria:
    - The contract's risks are "named" and the client's options written down
"""

_ONE_LETTER_END = re.compile(r"(?:^|\s)[а-яёА-ЯЁ]$")
_DASH_START = re.compile(r"^[—–]")
_UNIT_START = re.compile(r"^(?:₽|%|рабоч|календар|час|дн|USD|business|hours?\b|days?\b)")


@pytest.fixture(scope="module")
def printed_lines(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Every line of every memo, guide and poster PDF of the examples and two long texts."""
    repo = tmp_path_factory.mktemp("typeset")
    shutil.copytree(REPO / "standards", repo / "standards")
    copy_settings(repo)
    (repo / "standards" / "long-ru.yaml").write_text(LONG_RU, encoding="utf-8")
    (repo / "standards" / "long-en.yaml").write_text(LONG_EN, encoding="utf-8")
    out = repo / "output"
    options = BuildOptions(out=out, jobs=2, artifacts=("memo", "guide", "poster"), formats=("pdf",))
    build([repo / "standards"], repo / "memogen.yaml", options)
    return {
        str(pdf.relative_to(out)): subprocess.run(
            ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout.splitlines()
        for pdf in sorted(out.glob("*/*.pdf"))
    }


def test_no_printed_line_ends_in_a_one_letter_word_or_starts_with_a_dash(
    printed_lines: dict[str, list[str]],
) -> None:
    bad = [
        f"{name}: {line!r}"
        for name, lines in printed_lines.items()
        for line in lines
        if _ONE_LETTER_END.search(line.rstrip()) or _DASH_START.match(line.strip())
    ]
    assert bad == []


def test_no_number_is_parted_from_its_unit_and_no_line_ends_in_numero(
    printed_lines: dict[str, list[str]],
) -> None:
    bad = [
        f"{name}: {line!r} / {after!r}"
        for name, lines in printed_lines.items()
        for line, after in itertools.pairwise(lines)
        if (line.rstrip().endswith("№") and line.strip() != "№")  # "№" alone: a column head
        or (re.search(r"\d$", line.rstrip()) and _UNIT_START.match(after.strip()))
        or (re.search(r"\d$", line.rstrip()) and re.match(r"^\d{3}\b", after.strip()))
    ]
    assert bad == []


def test_english_documents_print_no_straight_quotes(printed_lines: dict[str, list[str]]) -> None:
    english = [name for name in printed_lines if name.startswith(("contract-review", "long-en"))]
    assert len(english) == 6
    bad = [
        f"{name}: {line!r}"
        for name in english
        for line in printed_lines[name]
        if "'" in line or '"' in line
    ]
    assert bad == []


def test_no_sentence_leaves_its_first_short_word_alone_on_a_line(
    printed_lines: dict[str, list[str]],
) -> None:
    """WeasyPrint broke "The / lawyer replies … <strong>…" at the first word (line_breaks).
    Read in the running text of memos and guides: a poster's stage name in its large type
    may hold one word a line."""
    bad = [
        f"{name}: {line!r} / {after!r}"
        for name, lines in printed_lines.items()
        if not name.endswith("poster.pdf")
        for line, after in itertools.pairwise(lines)
        if re.fullmatch(r"\w{1,3}", line.strip()) and after[:1].islower()
    ]
    assert bad == []
