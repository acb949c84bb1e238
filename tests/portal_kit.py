"""A company's worth of synthetic standards, made in code: the catalogue tested at scale.

`synthetic_repo(folder, count)` writes `count` valid standards (Russian and English, Cyrillic
and Latin department names, a form link on most) and a memogen.yaml into `folder`.
"""

from __future__ import annotations

from pathlib import Path

DEPARTMENTS = (
    "Отдел снабжения",
    "ИТ-поддержка",
    "Юридический отдел",
    "Служба персонала",
    "Бухгалтерия",
    "Отдел дизайна",
    "Административно-хозяйственный отдел",
    "Ёлочный склад",  # ё sorts as е: between «Бухгалтерия» and «ИТ-поддержка»
    "Facilities",
    "Legal",
    "Security Office",
)
TOPICS = (
    ("Закупка", "purchase", "Покупаем товары и оборудование по заявке"),
    ("Справка", "certificate", "Готовим справку с места работы"),
    ("Ноутбук", "laptop", "Выдаём и настраиваем ноутбук для работы"),
    ("Договор", "contract", "Проверяем договор перед подписанием"),
    ("Макет", "layout", "Делаем макет баннера или презентации"),
    ("Пропуск", "pass", "Оформляем пропуск для гостя"),
    ("Ремонт", "repair", "Чиним мебель и технику в офисе"),
    ("Отпуск", "leave", "Оформляем отпуск и считаем отпускные"),
)
CONFIG = "organisation: ООО «Пример»\nlanguage: ru\n"


def synthetic_standard(number: int) -> tuple[str, str]:
    """The `number`th synthetic standard: (its id, its YAML text)."""
    topic, slug, summary = TOPICS[number % len(TOPICS)]
    department = DEPARTMENTS[number % len(DEPARTMENTS)]
    english = department.isascii()
    standard_id = f"{slug}-{number:03d}"
    title = f"{slug.capitalize()} request {number}" if english else f"{topic} № {number}"
    channel = "email" if number % 5 == 0 else "form"
    request = (
        "  channel: email\n  address: desk@example.com\n"
        if channel == "email"
        else f"  channel: form\n  form_url: https://intranet.example.com/forms/{standard_id}\n"
    )
    text = f"""memogen: 1
id: {standard_id}
title: {title}
language: {"en" if english else "ru"}
version: "1.{number % 7}"
effective: 2026-12-01
department: {department}
summary: {summary}, номер {number}.
owner:
  name: Ann Lee
  email: ann.lee@example.com
request:
{request}  acknowledge_within: 4 business hours
inputs:
  - name: What is needed
stages:
  - name: Registration
    deadline: 1 business day
    result: The request has a number
deadline: {1 + number % 9} business days
result:
  criteria:
    - Done as asked
contacts:
  - name: Bob Stone
    email: bob.stone@example.com
feedback:
  url: https://survey.example.com/{standard_id}
"""
    return standard_id, text


def synthetic_repo(folder: Path, count: int) -> Path:
    """Write `count` synthetic standards and a memogen.yaml into `folder`; returns it."""
    (folder / "standards").mkdir(parents=True, exist_ok=True)
    (folder / "memogen.yaml").write_text(CONFIG, encoding="utf-8")
    for number in range(count):
        standard_id, text = synthetic_standard(number)
        (folder / "standards" / f"{standard_id}.yaml").write_text(text, encoding="utf-8")
    return folder
