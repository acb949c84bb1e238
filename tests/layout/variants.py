"""Fixed variants of one base standard, each named after what it tests, in Russian and
English, and the project folders they are built in (one per paper size).

Nothing here is random: a failing layout test names a variant you can build and look at
(`write_project(folder, Paper("poster", "A3", "portrait"))`, then `memogen build`).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

Language = str  # "ru" or "en"
Data = dict[str, Any]

STAGES = {
    "ru": [
        ("Приём заявки", "Диспетчер", "2 рабочих часа"),
        ("Проверка заявки", "Менеджер", "1 рабочий день"),
        ("Согласование с руководителем", "Руководитель отдела", "2 рабочих дня"),
        ("Подбор поставщика", "Менеджер по закупкам", "3 рабочих дня"),
        ("Заключение договора", "Юрист", "2 рабочих дня"),
        ("Оплата счёта", "Бухгалтер", "1 рабочий день"),
        ("Доставка", "Кладовщик", "5 рабочих дней"),
        ("Приёмка товара", "Кладовщик", "4 рабочих часа"),
        ("Выдача клиенту", "Менеджер", "1 рабочий день"),
        ("Закрытие заявки", "Диспетчер", "2 рабочих часа"),
        ("Опрос клиента", "Специалист по качеству", "1 рабочий день"),
        ("Архивирование документов", "Делопроизводитель", "3 рабочих дня"),
    ],
    "en": [
        ("Registration", "Dispatcher", "2 business hours"),
        ("Request check", "Manager", "1 business day"),
        ("Approval by the head", "Head of department", "2 business days"),
        ("Supplier choice", "Purchasing manager", "3 business days"),
        ("Contract signing", "Lawyer", "2 business days"),
        ("Invoice payment", "Accountant", "1 business day"),
        ("Delivery", "Storekeeper", "5 business days"),
        ("Goods acceptance", "Storekeeper", "4 business hours"),
        ("Handover to the client", "Manager", "1 business day"),
        ("Request closing", "Dispatcher", "2 business hours"),
        ("Client survey", "Quality specialist", "1 business day"),
        ("Filing the documents", "Clerk", "3 business days"),
    ],
}
# Every stage's deadline fits in this total, whatever the count.
TOTAL = {"ru": "40 рабочих дней", "en": "40 business days"}
RESULT = {"ru": "Результат этапа готов, клиент знает о нём", "en": "The stage's result is ready"}

TEXT: dict[Language, dict[str, str]] = {
    "ru": {
        "title": "Закупка товаров для подразделений",
        "department": "Отдел снабжения",
        "summary": "Закупаем товары по заявкам подразделений: от канцелярии до мебели.",
        "owner": "Ирина Петрова",
        "role": "Руководитель отдела снабжения",
        "clients": "Все подразделения компании",
        "form": "Заявка на закупку",
        "ack": "4 рабочих часа",
        "step": "Заполните форму заявки на портале",
        "input": "Наименование и количество",
        "criterion": "Товар соответствует заявке",
        "delivery": "Заберите товар на складе, каб. 104.",
        "contact": "Олег Смирнов",
        "contact_role": "Менеджер по закупкам",
        "when": "Срок этапа нарушен",
        "q": "Можно ли купить у своего поставщика?",
        "a": "Да, если он есть в реестре поставщиков.",
        "long_word": "Рентгеноэлектрокардиографическое согласование",
        "long_sentence": "Результат этапа проверен, записан в журнал и отправлен клиенту.",
        "long_name": "Константин Константинович Ворошиловградский-Новомосковский",
        "long_role": "Заместитель руководителя департамента материально-технического обеспечения",
    },
    "en": {
        "title": "Purchasing goods for departments",
        "department": "Purchasing department",
        "summary": "We buy goods that departments ask for, from pens to furniture.",
        "owner": "Ann Lee",
        "role": "Head of purchasing",
        "clients": "All departments",
        "form": "Purchase request",
        "ack": "4 business hours",
        "step": "Fill in the request form on the portal",
        "input": "Name and quantity",
        "criterion": "The goods match the request",
        "delivery": "Collect the goods at the store, room 104.",
        "contact": "Bob Stone",
        "contact_role": "Purchasing manager",
        "when": "A stage is late",
        "q": "May I buy from my own supplier?",
        "a": "Yes, if it is in the suppliers' register.",
        "long_word": "Electroencephalographically-countersigned approval",
        "long_sentence": "The stage's result is checked, logged and sent to the client.",
        "long_name": "Maximilian Bartholomew Featherstonehaugh-Cholmondeley-Worthington",
        "long_role": "Deputy head of the department of logistics, facilities and procurement",
    },
}


def base(lang: Language, stages: int = 4) -> Data:
    """The base standard: complete, ordinary, with the first `stages` stages."""
    t = TEXT[lang]
    return {
        "memogen": 1,
        "id": "base",
        "title": t["title"],
        "language": lang,
        "version": "1.0",
        "effective": datetime.date(2026, 12, 1),
        "department": t["department"],
        "summary": t["summary"],
        "owner": {"name": t["owner"], "role": t["role"], "email": "owner@example.com"},
        "clients": t["clients"],
        "request": {
            "channel": "form",
            "form_name": t["form"],
            "form_url": "https://intranet.example.com/forms/purchase",
            "acknowledge_within": t["ack"],
            "steps": [t["step"]],
        },
        "inputs": [{"name": t["input"], "required": True}],
        "stages": [
            {"name": name, "performer": who, "deadline": deadline, "result": RESULT[lang]}
            for name, who, deadline in STAGES[lang][:stages]
        ],
        "deadline": TOTAL[lang],
        "result": {"criteria": [t["criterion"]], "delivery": t["delivery"]},
        "contacts": [
            {
                "name": t["contact"],
                "role": t["contact_role"],
                "email": "contact@example.com",
                "phone": "+7 495 123-45-67",
                "when": t["when"],
            }
        ],
        "faq": [{"q": t["q"], "a": t["a"]}],
        "feedback": {"url": "https://survey.example.com/purchase"},
    }


def _long_word(data: Data, lang: Language) -> None:
    data["stages"][1]["name"] = TEXT[lang]["long_word"]


def _long_result(data: Data, lang: Language) -> None:
    sentence = TEXT[lang]["long_sentence"]
    data["stages"][1]["result"] = " ".join([sentence] * (400 // len(sentence) + 1))[:400].strip()


def _inputs_12(data: Data, lang: Language) -> None:
    data["inputs"] = [
        {"name": f"{TEXT[lang]['input']} {n}", "required": n % 3 != 0} for n in range(1, 13)
    ]


def _long_contacts(data: Data, lang: Language) -> None:
    t = TEXT[lang]
    data["owner"] = {"name": t["long_name"], "role": t["long_role"], "email": "o@example.com"}
    data["contacts"] = [
        {
            "name": f"{t['long_name']} {n}",
            "role": t["long_role"],
            "email": f"konstantin.voroshilovgradsky-novomoskovsky.{n}@procurement.example.com",
            "phone": f"+7 (495) 123-45-6{n} доб. 1234{n}",
            "when": t["when"],
        }
        for n in range(1, 4)
    ]


STAGE_COUNTS = (1, 3, 5, 8, 10, 12)
# Variants that change something of the 4-stage base standard.
CHANGES: dict[str, Callable[[Data, Language], None]] = {
    "long_word": _long_word,
    "long_result": _long_result,
    "inputs_12": _inputs_12,
    "long_contacts": _long_contacts,
}
NAMES = (*(f"stages_{n}" for n in STAGE_COUNTS), *CHANGES)
LANGUAGES: tuple[Language, ...] = ("ru", "en")


def variant(name: str, lang: Language) -> Data:
    """The named variant's standard, with id `<name>-<lang>` (underscores become dashes)."""
    if name.startswith("stages_"):
        data = base(lang, int(name.removeprefix("stages_")))
    else:
        data = base(lang)
        CHANGES[name](data, lang)
    data["id"] = standard_id(name, lang)
    return data


def standard_id(name: str, lang: Language) -> str:
    return f"{name.replace('_', '-')}-{lang}"


@dataclass(frozen=True)
class Paper:
    """What one project builds: one artifact on one paper."""

    artifact: str  # memo, guide or poster
    size: str = "A4"
    orientation: str = "portrait"

    @property
    def name(self) -> str:
        if self.artifact == "guide":
            return "guide"
        suffix = f"-{self.orientation}" if self.artifact == "poster" else ""
        return f"{self.artifact}-{self.size}{suffix}"


PAPERS = (
    Paper("memo", "A4"),
    Paper("memo", "A5"),
    Paper("guide"),
    *(Paper("poster", s, o) for s in ("A4", "A3", "A2") for o in ("portrait", "landscape")),
)


# Every document carries the company's logo: a wide one (4:1), the header's hardest case.
LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="60" viewBox="0 0 240 60">'
    '<rect width="60" height="60" rx="12" fill="#1F4E79"/>'
    '<rect x="72" y="18" width="168" height="24" rx="4" fill="#F2A900"/></svg>'
)


def config(paper: Paper) -> str:
    """memogen.yaml for a project that makes only `paper`'s artifact, as PDF."""
    data: Data = {"organisation": "ООО «Пример»", "language": "ru", "logo": "assets/logo.svg"}
    if paper.artifact == "memo":
        data["memo"] = {"size": paper.size}
    if paper.artifact == "poster":
        data["poster"] = {"size": paper.size, "orientation": paper.orientation}
    data["build"] = {"artifacts": [paper.artifact], "formats": ["pdf"]}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def write_project(
    folder: Path,
    paper: Paper,
    names: tuple[str, ...] = NAMES,
    languages: tuple[str, ...] = LANGUAGES,
) -> Path:
    """A fresh project in `folder`: memogen.yaml for `paper` and standards/<id>.yaml for each
    named variant in each language. Returns the folder."""
    standards = folder / "standards"
    standards.mkdir(parents=True, exist_ok=True)
    (folder / "memogen.yaml").write_text(config(paper), encoding="utf-8")
    (folder / "assets").mkdir(exist_ok=True)
    (folder / "assets" / "logo.svg").write_text(LOGO, encoding="utf-8")
    for name in names:
        for lang in languages:
            text = yaml.safe_dump(variant(name, lang), allow_unicode=True, sort_keys=False)
            (standards / f"{standard_id(name, lang)}.yaml").write_text(text, encoding="utf-8")
    return folder


def build_project(folder: Path, paper: Paper, jobs: int = 2) -> tuple[Path, dict[str, str]]:
    """Write the project of every variant on `paper` into `folder` and build it with
    memogen's pipeline (not strict: the layout tests judge the PDFs themselves). Returns the
    output folder (output/<standard id>/<artifact>.pdf) and the variants memogen refused,
    by id, with its message: a refusal builds the others one by one."""
    from memogen.errors import UserError
    from memogen.pipeline import BuildOptions, build

    write_project(folder, paper)
    config, out = folder / "memogen.yaml", folder / "output"
    try:
        build([folder / "standards"], config, BuildOptions(out=out, jobs=jobs))
        return out, {}
    except UserError:
        pass
    refused = {}
    for path in sorted((folder / "standards").glob("*.yaml")):
        try:
            build([path], config, BuildOptions(out=out / path.stem, jobs=jobs))
        except UserError as error:
            refused[path.stem] = str(error)
    # One build per standard wrote output/<id>/<id>/: move each up to output/<id>/.
    for path in sorted(out.glob("*/*/*.pdf")):
        path.rename(out / path.parent.name / path.name)
    return out, refused


def expected_texts(name: str, lang: Language) -> tuple[list[str], list[str]]:
    """The stage names and the worded stage deadlines the variant's documents must show."""
    from memogen.data.durations import parse_duration, word

    stages = variant(name, lang)["stages"]
    names = [s["name"] for s in stages]
    return names, [word(parse_duration(s["deadline"]), lang) for s in stages]
