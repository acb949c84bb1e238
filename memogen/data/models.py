"""The typed standard and config: strict, frozen, documented (descriptions feed the schema)."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
)

from memogen.data.durations import Duration
from memogen.data.fields import (
    DurationText,
    Email,
    Flag,
    FormatVersion,
    Identifier,
    IsoDate,
    Line,
    Markdown,
    Phone,
    ShortLine,
    Url,
)

Language = Literal["ru", "en"]
Channel = Literal["form", "email", "portal", "phone", "in-person"]


class Strict(BaseModel):
    """Unknown keys are errors; a loaded model never changes."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)


def documented(description: str, example: JsonValue = None, **kwargs: Any) -> Any:
    """A documented field: its description and example go into the JSON Schema."""
    extra: dict[str, JsonValue] | None = {"examples": [example]} if example is not None else None
    return Field(description=description, json_schema_extra=extra, **kwargs)


class Person(Strict):
    name: Line = documented("Full name.", "Ирина Петрова")
    role: Line | None = documented(
        "Position in the company.", "Руководитель отдела снабжения", default=None
    )
    email: Email | None = documented("Work email address.", "i.petrova@example.com", default=None)
    phone: Phone | None = documented("Phone number, in quotes.", "+7 495 123-45-67", default=None)


class Contact(Person):
    when: Line | None = documented(
        "When to contact this person.", "Срок регистрации нарушен", default=None
    )


class HardPart(Strict):
    title: Line = documented("The difficult step, in a few words.", "Поле «Обоснование»")
    text: Markdown = documented("How to get it right (Markdown).", "Напишите, для какой задачи…")


class Request(Strict):
    channel: Channel = documented("How a client files a request.", "form")
    form_name: Line | None = documented(
        "Name of the request form.", "Заявка на закупку (форма ЗК-1)", default=None
    )
    form_url: Url | None = documented(
        "Link to the form (http or https); shown as a link and QR code.",
        "https://intranet.example.com/forms/zk-1",
        default=None,
    )
    address: Email | None = documented(
        "Where to send the request (email channel).", "supply@example.com", default=None
    )
    acknowledge_within: DurationText | None = documented(
        "Time to confirm receipt of a request.", "4 business hours", default=None
    )
    steps: list[Markdown] = documented(
        "How to file a request, in order (Markdown each).",
        ["Откройте форму ЗК-1 на портале."],
        default=[],
        max_length=15,
    )
    hard_parts: list[HardPart] = documented(
        "Difficult steps explained in detail.", default=[], max_length=10
    )


class Input(Strict):
    name: Line = documented("What the client must provide.", "Наименование и количество")
    description: Markdown | None = documented(
        "What exactly is needed.", "Точное название, модель", default=None
    )
    example: Line | None = documented(
        "A filled-in example.", "Бумага A4, 80 г/м², 10 пачек", default=None
    )
    required: Flag = documented("Whether it is mandatory (true or false).", True, default=True)


class Stage(Strict):
    name: ShortLine = documented(
        "Short name of the stage (shown on the poster).", "Регистрация заявки"
    )
    performer: Line | None = documented("Who does the work.", "Менеджер по закупкам", default=None)
    deadline: DurationText = documented("How long the stage may take.", "1 business day")
    result: Markdown | None = documented(
        "What exists when the stage is done.", "Заявке присвоен номер", default=None
    )
    client_action: Markdown | None = documented(
        "What the client must do during this stage.", "Ответьте на вопросы финансиста", default=None
    )


class Result(Strict):
    criteria: list[Markdown] = documented(
        "What the finished result must be.",
        ["Товар соответствует заявке"],
        min_length=1,
        max_length=15,
    )
    delivery: Markdown | None = documented(
        "How the client receives it (Markdown).",
        "Заберите товар на складе, каб. 104.",
        default=None,
    )


class Changes(Strict):
    before_start: Line | None = documented(
        "Changes before work starts.", "Да — исправьте заявку", default=None
    )
    in_progress: Line | None = documented(
        "Changes while work is in progress.", "Письмом менеджеру", default=None
    )
    after_delivery: Line | None = documented(
        "Changes after delivery.", "Замена в течение 5 дней", default=None
    )


class Feedback(Strict):
    url: Url = documented("Where clients rate the service.", "https://survey.example.com/purchase")


class PosterText(Strict):
    slogan: Line | None = documented(
        "A short slogan for the poster.", "Помогая коллегам, мы растём", default=None
    )


class Faq(Strict):
    q: Line = documented("The question.", "Можно ли купить у своего поставщика?")
    a: Markdown = documented("The answer (Markdown).", "Да, если у него есть договор с компанией.")


class Approval(Strict):
    by: Line = documented("Who approved this version.", "Пётр Сидоров")
    date: IsoDate = documented("When it was approved (YYYY-MM-DD).", "2026-09-20")


class HistoryEntry(Strict):
    version: ShortLine = documented("The version this entry describes, in quotes.", "2.0")
    date: IsoDate = documented("When that version took effect (YYYY-MM-DD).", "2026-10-01")
    changes: Line = documented(
        "What changed, in one sentence.", "Срок сокращён с 5 до 3 рабочих дней"
    )


class Standard(Strict):
    """One internal service standard (standards/<id>.yaml)."""

    model_config = ConfigDict(title="memogen standard", extra="forbid", frozen=True)

    memogen: FormatVersion = documented("Format version; always 1.", 1)
    id: Identifier = documented(
        "Unique id: 3–64 of a-z, 0-9, '-'. The file is <id>.yaml.", "purchase-request"
    )
    title: Line = documented("Name of the service.", "Закупка товаров для подразделений")
    language: Language | None = documented(
        "ru or en; default from memogen.yaml, else ru.", "ru", default=None
    )
    version: ShortLine | None = documented(
        "Revision of this standard, in quotes.", "1.3", default=None
    )
    effective: IsoDate | None = documented(
        "Date it takes effect (YYYY-MM-DD).", "2026-12-01", default=None
    )
    approved: Approval | None = documented("Who approved this version, and when.", default=None)
    review_by: IsoDate | None = documented(
        "Next review (YYYY-MM-DD); past it, a warning.", "2027-09-01", default=None
    )
    history: list[HistoryEntry] = documented(
        "The versions, newest first; the first one is `version`.", default=[], max_length=50
    )
    department: Line = documented("The department that provides the service.", "Отдел снабжения")
    summary: Markdown = documented(
        "A few sentences about the service (Markdown).", "Закупаем товары по заявкам подразделений."
    )
    owner: Person = documented("The process owner.")
    clients: Line | None = documented(
        "Who may request the service.", "Все подразделения компании", default=None
    )
    request: Request = documented("How a client files a request.")
    inputs: list[Input] = documented("What the client must provide.", min_length=1, max_length=20)
    stages: list[Stage] = documented("The stages, in order.", min_length=1, max_length=12)
    deadline: DurationText = documented(
        "The promised total; the stages must fit into it.", "10 business days"
    )
    result: Result = documented("What the finished result must be.")
    changes: Changes | None = documented("Whether the client can change the request.", default=None)
    contacts: list[Contact] = documented(
        "Whom to contact when something goes wrong, in escalation order.", default=[], max_length=6
    )
    service_rules: list[Line] = documented(
        "How staff talk to clients; added to the shared rules.",
        ["Предлагайте альтернативу, если вынуждены отказать."],
        default=[],
        max_length=10,
    )
    feedback: Feedback | None = documented("Where clients rate the service.", default=None)
    poster: PosterText | None = documented("Poster text.", default=None)
    faq: list[Faq] = documented("Frequent questions.", default=[], max_length=12)


__all__ = ["Duration", "Standard", "date"]
