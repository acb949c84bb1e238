"""memogen.yaml's model: company-wide settings, every key optional, strict and frozen."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    ConfigDict,
    Field,
    PrivateAttr,
)

from memogen.data.by_language import (
    ByLanguage,
    CompanyTexts,
    in_language,
    mailbox_in,
)
from memogen.data.calendar_settings import CalendarOptions
from memogen.data.fields import (
    Color,
    FontName,
    Line,
    Mailbox,
    ShortLine,
    Url,
    WholeNumber,
)
from memogen.data.lint_settings import LintOptions
from memogen.data.models import Language, Strict, documented
from memogen.data.staff import AckOptions, StaffMember
from memogen.data.survey_settings import SurveyOptions
from memogen.outputs import (
    ARTIFACTS,
    DEFAULT_ARTIFACTS,
    DEFAULT_FORMATS,
    Artifact,
    Format,
)

# memogen.yaml's section of the email is named after its artifact: the table spells it.
_EMAIL = next(kind.name for kind in ARTIFACTS if kind.renderer == "message")
# The settings that may be given per language (`by_language`), as key paths of memogen.yaml.
LOCALISED_SETTINGS: tuple[tuple[str, ...], ...] = (
    ("organisation",),
    (_EMAIL, "from"),
    (_EMAIL, "to"),
    (_EMAIL, "subject_prefix"),
    ("service_rules",),
)


class Brand(Strict):
    primary: Color = documented("Main colour, in quotes.", "#1F4E79", default="#1F4E79")
    accent: Color = documented("Accent colour, in quotes.", "#F2A900", default="#F2A900")
    font: FontName = documented(
        "Font family; must cover Cyrillic. The PDFs embed it.", "DejaVu Sans", default="DejaVu Sans"
    )


class MemoOptions(Strict):
    size: Literal["A4", "A5"] = documented("Paper size of the memo.", "A4", default="A4")


class PosterOptions(Strict):
    size: Literal["A4", "A3", "A2"] = documented("Paper size of the poster.", "A3", default="A3")
    orientation: Literal["portrait", "landscape"] = documented(
        "Orientation.", "portrait", default="portrait"
    )
    viewing_distance: Annotated[float, Field(ge=0.5, le=30)] = documented(
        "From how far (metres) the poster must read: its title and total deadline get capital "
        "letters of at least 1/300 of it (DIN 1450); smaller is a warning.",
        2,
        default=2.0,
    )


class EmailOptions(Strict):
    sender: Annotated[str | dict[str, str] | None, ByLanguage(Mailbox)] = documented(
        "The From header (or one per language: ru:, en:).",
        "Служба качества <quality@example.com>",
        default=None,
        alias="from",
    )
    to: Annotated[str | dict[str, str] | None, ByLanguage(Mailbox)] = documented(
        "The To header (or one per language: ru:, en:).", "all@example.com", default=None
    )
    subject_prefix: Annotated[str | dict[str, str] | None, ByLanguage(ShortLine)] = documented(
        "Put before the title in the subject (or one per language: ru:, en:).",
        "[Стандарты]",
        default=None,
    )


class BuildDefaults(Strict):
    artifacts: list[Artifact] = documented(
        "What to build.", list(DEFAULT_ARTIFACTS), default=list(DEFAULT_ARTIFACTS)
    )
    formats: list[Format] = documented(
        "In which formats (docx only when asked for).",
        list(DEFAULT_FORMATS),
        default=list(DEFAULT_FORMATS),
    )


class Config(Strict):
    """memogen.yaml: company-wide settings; every key is optional."""

    model_config = ConfigDict(title="memogen config", extra="forbid", frozen=True)

    organisation: Annotated[str | dict[str, str] | None, ByLanguage(Line)] = documented(
        "The company's name (or one per language: ru:, en:).", "ООО «Пример»", default=None
    )
    logo: Line | None = documented(
        "SVG or PNG file inside the repo.", "assets/logo.svg", default=None
    )
    language: Language = documented("Default language of standards.", "ru", default="ru")
    site_url: Url | None = documented(
        "Where output/ is published: printed documents carry their live address and QR code.",
        "https://standards.example.com",
        default=None,
    )
    messages: Language | None = documented(
        "Language of memogen's messages (default: `language`; MEMOGEN_LANG overrides it).",
        "en",
        default=None,
    )
    brand: Brand = documented("Colours and font.", default=Brand())
    workday_hours: Annotated[WholeNumber, Field(ge=1, le=24)] = documented(
        "Business hours in a business day.", 8, default=8
    )
    memo: MemoOptions = documented("Memo options.", default=MemoOptions())
    poster: PosterOptions = documented("Poster options.", default=PosterOptions())
    email: EmailOptions = documented("Email options.", default=EmailOptions())
    build: BuildDefaults = documented(
        "What `memogen build` makes by default.", default=BuildDefaults()
    )
    service_rules: Annotated[
        list[str] | dict[str, list[str]],
        ByLanguage(Annotated[list[Line], Field(max_length=15)]),
    ] = documented(
        "Company-wide rules of talking to internal clients (or a list per language: ru:, en:).",
        default=[],
    )
    lint: LintOptions = documented("Settings of `memogen lint`.", default=LintOptions())
    calendar: CalendarOptions | None = documented(
        "Working days and hours: deadlines become dates (`memogen due`, the worked example).",
        default=None,
    )
    ack: AckOptions = documented(
        "The acknowledgement sheet: the staff CSV whose names it prints.", default=AckOptions()
    )
    survey: SurveyOptions | None = documented(
        "Internal clients' survey answers: scores in the catalogue and scores.html.", default=None
    )

    _logo_uri: str = PrivateAttr(default="")
    _staff: tuple[StaffMember, ...] = PrivateAttr(default=())
    _calendar_place: tuple[str, int, int] = PrivateAttr(default=("memogen.yaml", 1, 1))
    _places: dict[tuple[str, ...], tuple[str, int, int]] = PrivateAttr(default_factory=dict)

    def texts(self, language: str) -> CompanyTexts:
        """What memogen.yaml says for documents in `language`; a text it lacks there is left out
        (`untranslated` names it, and the build warns)."""
        sender = mailbox_in(self.email.sender, language, self.language)
        to = mailbox_in(self.email.to, language, self.language)
        prefix = in_language(self.email.subject_prefix, language, self.language)
        rules = in_language(self.service_rules, language, self.language)
        organisation = in_language(self.organisation, language, self.language)
        return CompanyTexts(organisation, sender, to, prefix, tuple(rules or ()))

    def untranslated(self, language: str) -> list[tuple[str, ...]]:
        """The printed settings given, but with no value in `language`."""
        texts = self.texts(language)
        given: dict[tuple[str, ...], tuple[object, object]] = {
            ("organisation",): (self.organisation, texts.organisation),
            (_EMAIL, "from"): (self.email.sender, texts.sender),
            (_EMAIL, "to"): (self.email.to, texts.to),
            (_EMAIL, "subject_prefix"): (self.email.subject_prefix, texts.subject_prefix),
            ("service_rules",): (self.service_rules, texts.service_rules),
        }
        return [path for path in LOCALISED_SETTINGS if given[path][0] and not given[path][1]]

    def setting_place(self, path: tuple[str, ...]) -> tuple[str, int, int]:
        """Where a setting of `LOCALISED_SETTINGS` stands in memogen.yaml (file, line, column)."""
        return self._places.get(path, ("memogen.yaml", 1, 1))

    def attach_setting_places(self, places: dict[tuple[str, ...], tuple[str, int, int]]) -> None:
        """Set once, by config.read_config."""
        self._places = places

    @property
    def logo_uri(self) -> str:
        """The logo as a `data:` URI ("" without one): read and verified by memogen.data.logo."""
        return self._logo_uri

    def attach_logo(self, uri: str) -> None:
        """Set once, by config.read_config, right after reading and verifying the file."""
        self._logo_uri = uri

    @property
    def staff(self) -> tuple[StaffMember, ...]:
        """The people of `ack.staff`, read and checked by config.read_config (() without it)."""
        return self._staff

    def attach_staff(self, staff: list[StaffMember]) -> None:
        """Set once, by config.read_config, right after reading the staff CSV."""
        self._staff = tuple(staff)

    @property
    def calendar_place(self) -> tuple[str, int, int]:
        """Where memogen.yaml's `calendar:` stands (file, line, column), to place warnings."""
        return self._calendar_place

    def attach_calendar_place(self, file: str, line: int, col: int) -> None:
        """Set once, by config.read_config, when it checks the `calendar:` section."""
        self._calendar_place = (file, line, col)
