"""The typed standard and config: strict, frozen, documented (descriptions feed the schema)."""

from __future__ import annotations

import difflib
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    JsonValue,
    PlainValidator,
    PrivateAttr,
    WithJsonSchema,
    create_model,
)

from memogen.data.durations import Duration
from memogen.data.fields import (
    Color,
    DurationText,
    Email,
    Flag,
    FontName,
    FormatVersion,
    Identifier,
    IsoDate,
    Line,
    Mailbox,
    Markdown,
    Phone,
    ShortLine,
    Url,
    WholeNumber,
    fail,
)
from memogen.lint.rules.catalog import RULE_IDS, RULES, RuleSeverity

Language = Literal["ru", "en"]
Channel = Literal["form", "email", "portal", "phone", "in-person"]
Artifact = Literal["memo", "guide", "poster", "email"]
Format = Literal["html", "pdf", "md", "png", "eml", "txt"]
ARTIFACTS: tuple[Artifact, ...] = ("memo", "guide", "poster", "email")
FORMATS: tuple[Format, ...] = ("html", "pdf", "md", "png", "eml", "txt")


class Strict(BaseModel):
    """Unknown keys are errors; a loaded model never changes."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)


def _field(description: str, example: JsonValue = None, **kwargs: Any) -> Any:
    """A documented field: its description and example go into the JSON Schema."""
    extra: dict[str, JsonValue] | None = {"examples": [example]} if example is not None else None
    return Field(description=description, json_schema_extra=extra, **kwargs)


class Person(Strict):
    name: Line = _field("Full name.", "Ирина Петрова")
    role: Line | None = _field(
        "Position in the company.", "Руководитель отдела снабжения", default=None
    )
    email: Email | None = _field("Work email address.", "i.petrova@example.com", default=None)
    phone: Phone | None = _field("Phone number, in quotes.", "+7 495 123-45-67", default=None)


class Contact(Person):
    when: Line | None = _field(
        "When to contact this person.", "Срок регистрации нарушен", default=None
    )


class HardPart(Strict):
    title: Line = _field("The difficult step, in a few words.", "Поле «Обоснование»")
    text: Markdown = _field("How to get it right (Markdown).", "Напишите, для какой задачи…")


class Request(Strict):
    channel: Channel = _field("How a client files a request.", "form")
    form_name: Line | None = _field(
        "Name of the request form.", "Заявка на закупку (форма ЗК-1)", default=None
    )
    form_url: Url | None = _field(
        "Link to the form (http or https); shown as a link and QR code.",
        "https://intranet.example.com/forms/zk-1",
        default=None,
    )
    address: Email | None = _field(
        "Where to send the request (email channel).", "supply@example.com", default=None
    )
    acknowledge_within: DurationText | None = _field(
        "Time to confirm receipt of a request.", "4 business hours", default=None
    )
    steps: list[Markdown] = _field(
        "How to file a request, in order (Markdown each).",
        ["Откройте форму ЗК-1 на портале."],
        default=[],
        max_length=15,
    )
    hard_parts: list[HardPart] = _field(
        "Difficult steps explained in detail.", default=[], max_length=10
    )


class Input(Strict):
    name: Line = _field("What the client must provide.", "Наименование и количество")
    description: Markdown | None = _field(
        "What exactly is needed.", "Точное название, модель", default=None
    )
    example: Line | None = _field(
        "A filled-in example.", "Бумага A4, 80 г/м², 10 пачек", default=None
    )
    required: Flag = _field("Whether it is mandatory (true or false).", True, default=True)


class Stage(Strict):
    name: ShortLine = _field("Short name of the stage (shown on the poster).", "Регистрация заявки")
    performer: Line | None = _field("Who does the work.", "Менеджер по закупкам", default=None)
    deadline: DurationText = _field("How long the stage may take.", "1 business day")
    result: Markdown | None = _field(
        "What exists when the stage is done.", "Заявке присвоен номер", default=None
    )
    client_action: Markdown | None = _field(
        "What the client must do during this stage.", "Ответьте на вопросы финансиста", default=None
    )


class Result(Strict):
    criteria: list[Markdown] = _field(
        "What the finished result must be.",
        ["Товар соответствует заявке"],
        min_length=1,
        max_length=15,
    )
    delivery: Markdown | None = _field(
        "How the client receives it (Markdown).",
        "Заберите товар на складе, каб. 104.",
        default=None,
    )


class Changes(Strict):
    before_start: Line | None = _field(
        "Changes before work starts.", "Да — исправьте заявку", default=None
    )
    in_progress: Line | None = _field(
        "Changes while work is in progress.", "Письмом менеджеру", default=None
    )
    after_delivery: Line | None = _field(
        "Changes after delivery.", "Замена в течение 5 дней", default=None
    )


class Feedback(Strict):
    url: Url = _field("Where clients rate the service.", "https://survey.example.com/purchase")


class PosterText(Strict):
    slogan: Line | None = _field(
        "A short slogan for the poster.", "Помогая коллегам, мы растём", default=None
    )


class Faq(Strict):
    q: Line = _field("The question.", "Можно ли купить у своего поставщика?")
    a: Markdown = _field("The answer (Markdown).", "Да, если у него есть договор с компанией.")


class Standard(Strict):
    """One internal service standard (standards/<id>.yaml)."""

    model_config = ConfigDict(title="memogen standard", extra="forbid", frozen=True)

    memogen: FormatVersion = _field("Format version; always 1.", 1)
    id: Identifier = _field(
        "Unique id: 3–64 of a-z, 0-9, '-'. The file is <id>.yaml.", "purchase-request"
    )
    title: Line = _field("Name of the service.", "Закупка товаров для подразделений")
    language: Language | None = _field(
        "ru or en; default from memogen.yaml, else ru.", "ru", default=None
    )
    version: ShortLine | None = _field("Revision of this standard, in quotes.", "1.3", default=None)
    effective: IsoDate | None = _field(
        "Date it takes effect (YYYY-MM-DD).", "2026-12-01", default=None
    )
    department: Line = _field("The department that provides the service.", "Отдел снабжения")
    summary: Markdown = _field(
        "A few sentences about the service (Markdown).", "Закупаем товары по заявкам подразделений."
    )
    owner: Person = _field("The process owner.")
    clients: Line | None = _field(
        "Who may request the service.", "Все подразделения компании", default=None
    )
    request: Request = _field("How a client files a request.")
    inputs: list[Input] = _field("What the client must provide.", min_length=1, max_length=20)
    stages: list[Stage] = _field("The stages, in order.", min_length=1, max_length=12)
    deadline: DurationText = _field(
        "The promised total; the stages must fit into it.", "10 business days"
    )
    result: Result = _field("What the finished result must be.")
    changes: Changes | None = _field("Whether the client can change the request.", default=None)
    contacts: list[Contact] = _field(
        "Whom to contact when something goes wrong, in escalation order.", default=[], max_length=6
    )
    service_rules: list[Line] = _field(
        "How staff talk to clients; added to the shared rules.",
        ["Предлагайте альтернативу, если вынуждены отказать."],
        default=[],
        max_length=10,
    )
    feedback: Feedback | None = _field("Where clients rate the service.", default=None)
    poster: PosterText | None = _field("Poster text.", default=None)
    faq: list[Faq] = _field("Frequent questions.", default=[], max_length=12)


class Brand(Strict):
    primary: Color = _field("Main colour, in quotes.", "#1F4E79", default="#1F4E79")
    accent: Color = _field("Accent colour, in quotes.", "#F2A900", default="#F2A900")
    font: FontName = _field(
        "Font family; must cover Cyrillic. The PDFs embed it.", "DejaVu Sans", default="DejaVu Sans"
    )


class MemoOptions(Strict):
    size: Literal["A4", "A5"] = _field("Paper size of the memo.", "A4", default="A4")


class PosterOptions(Strict):
    size: Literal["A4", "A3", "A2"] = _field("Paper size of the poster.", "A3", default="A3")
    orientation: Literal["portrait", "landscape"] = _field(
        "Orientation.", "portrait", default="portrait"
    )


class EmailOptions(Strict):
    sender: Mailbox | None = _field(
        "The From header.", "Служба качества <quality@example.com>", default=None, alias="from"
    )
    to: Mailbox | None = _field("The To header.", "all@example.com", default=None)
    subject_prefix: ShortLine | None = _field(
        "Put before the title in the subject.", "[Стандарты]", default=None
    )


class BuildOptions(Strict):
    artifacts: list[Artifact] = _field("What to build.", list(ARTIFACTS), default=list(ARTIFACTS))
    formats: list[Format] = _field("In which formats.", list(FORMATS), default=list(FORMATS))


def _rule_id(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise fail("expected a rule id", "write an id like MG101; see docs/lint-rules.md")
    text = value.strip()
    if text not in RULE_IDS:
        close = difflib.get_close_matches(text, RULE_IDS, n=1)
        raise fail(
            f"'{text}' is not a lint rule",
            f"did you mean '{close[0]}'?" if close else "see docs/lint-rules.md",
        )
    return text


RuleId = Annotated[str, PlainValidator(_rule_id), WithJsonSchema({"enum": list(RULE_IDS)})]

# One optional key per rule, so that an unknown id is reported like any unknown key.
if TYPE_CHECKING:
    SeverityOverrides = Strict
else:
    SeverityOverrides = create_model(
        "SeverityOverrides",
        __base__=Strict,
        **{
            rule.id: (
                RuleSeverity | None,
                _field(f"Severity of {rule.id} ({rule.name}).", "warning", default=None),
            )
            for rule in RULES
        },
    )


class JargonLists(Strict):
    ru: list[Line] | None = _field(
        "Jargon in Russian standards; replaces the built-in list. "
        "A word ending in '*' matches any ending.",
        ["осуществл*", "в рамках"],
        default=None,
        max_length=500,
    )
    en: list[Line] | None = _field(
        "Jargon in English standards; replaces the built-in list. "
        "A word ending in '*' matches any ending.",
        ["utilise", "in order to"],
        default=None,
        max_length=500,
    )


class LintOptions(Strict):
    disable: list[RuleId] = _field("Rules to switch off, by id.", ["MG203"], default=[])
    severity: SeverityOverrides = _field(
        "A different severity for some rules: error, warning or info.",
        {"MG403": "warning"},
        default=SeverityOverrides(),
    )
    jargon: JargonLists = _field(
        "Words and phrases clients should not meet.", default=JargonLists()
    )
    max_sentence_words: Annotated[WholeNumber, Field(ge=5, le=200)] = _field(
        "The longest sentence allowed in client texts, in words.", 25, default=25
    )
    poster_word_budget: Annotated[WholeNumber, Field(ge=5, le=500)] = _field(
        "The most words on a poster: title, slogan and stage names together.", 30, default=30
    )
    max_age_days: Annotated[WholeNumber, Field(ge=1)] = _field(
        "How many days after `effective` a standard is due for review.", 730, default=730
    )
    baseline: Line = _field(
        "File of accepted findings, relative to memogen.yaml.",
        ".memogen-lint-baseline.json",
        default=".memogen-lint-baseline.json",
    )


class Config(Strict):
    """memogen.yaml: company-wide settings; every key is optional."""

    model_config = ConfigDict(title="memogen config", extra="forbid", frozen=True)

    organisation: Line | None = _field("The company's name.", "ООО «Пример»", default=None)
    logo: Line | None = _field("SVG or PNG file inside the repo.", "assets/logo.svg", default=None)
    language: Language = _field("Default language of standards.", "ru", default="ru")
    brand: Brand = _field("Colours and font.", default=Brand())
    workday_hours: Annotated[WholeNumber, Field(ge=1, le=24)] = _field(
        "Business hours in a business day.", 8, default=8
    )
    memo: MemoOptions = _field("Memo options.", default=MemoOptions())
    poster: PosterOptions = _field("Poster options.", default=PosterOptions())
    email: EmailOptions = _field("Email options.", default=EmailOptions())
    build: BuildOptions = _field("What `memogen build` makes by default.", default=BuildOptions())
    service_rules: list[Line] = _field(
        "Company-wide rules of talking to internal clients.", default=[], max_length=15
    )
    lint: LintOptions = _field("Settings of `memogen lint`.", default=LintOptions())

    _logo_uri: str = PrivateAttr(default="")

    @property
    def logo_uri(self) -> str:
        """The logo as a `data:` URI ("" without one): read and verified by memogen.data.logo."""
        return self._logo_uri

    def attach_logo(self, uri: str) -> None:
        """Set once, by config.read_config, right after reading and verifying the file."""
        self._logo_uri = uri


__all__ = ["ARTIFACTS", "FORMATS", "Config", "Duration", "Standard", "date"]
