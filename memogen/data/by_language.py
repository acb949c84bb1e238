"""memogen.yaml's printed texts, each a plain value (in memogen.yaml's `language`) or one per
language: `organisation: {ru: ООО «Вершина», en: Vershina LLC}`. A standard takes the value in
its own language; without one, the build warns at the setting and leaves the text out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import TypeAdapter, ValidationError
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from memogen.data.addresses import split_mailbox
from memogen.data.fields import fail
from memogen.data.wording import worded
from memogen.i18n import _

T = TypeVar("T")
LANGUAGES = ("ru", "en")


class ByLanguage:
    """Annotates a setting whose value is `inner`, or a mapping of languages to `inner`s:
    each validated as `inner`, errors placed inside the mapping; the schema allows both."""

    def __init__(self, inner: Any) -> None:
        self.adapter: TypeAdapter[Any] = TypeAdapter(inner)

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> CoreSchema:
        return core_schema.no_info_plain_validator_function(self.check)

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: Any) -> dict[str, Any]:
        one = self.adapter.json_schema()
        mapping = {"type": "object", "properties": dict.fromkeys(LANGUAGES, one)}
        return {"anyOf": [one, {**mapping, "additionalProperties": False, "minProperties": 1}]}

    def check(self, value: Any) -> Any:
        if not isinstance(value, dict):
            return _valid(self.adapter, value, ())
        if not value:
            raise fail(_("this mapping of languages is empty"), _("write 'ru:' and 'en:' under it"))
        for language in value:
            if language not in LANGUAGES:
                message = _("'{key}' is not a language memogen knows").format(key=language)
                hint = _("use one of: {choices}").format(choices=", ".join(LANGUAGES))
                raise PydanticCustomError(  # placed at the key, as an unknown key is
                    "memogen", message, {"hint": hint, "at": (language,), "at_key": True}
                )
        return {key: _valid(self.adapter, text, (key,)) for key, text in value.items()}


def _valid(adapter: TypeAdapter[Any], value: Any, at: tuple[str, ...]) -> Any:
    """`value` as `adapter` validates it; its first error raised again, placed at `at` + its loc."""
    try:
        return adapter.validate_python(value)
    except ValidationError as exc:
        error = exc.errors()[0]
        where = (*at, *error["loc"])
        ctx = error.get("ctx") or {}
        if error["type"] == "memogen":
            raise fail(error["msg"], ctx.get("hint", ""), at=where) from None
        message, hint = worded(error["type"], **ctx)
        raise fail(message, hint, at=where) from None


@dataclass(frozen=True)
class CompanyTexts:
    """memogen.yaml's printed texts in one language; None (or no rules) where it has none."""

    organisation: str | None
    sender: str | None
    to: str | None
    subject_prefix: str | None
    service_rules: tuple[str, ...]


def mailbox_in(value: str | dict[str, str] | None, language: str, company: str) -> str | None:
    """As `in_language`, but a plain address with no name is in every language."""
    if isinstance(value, str) and not split_mailbox(value)[0]:
        return value
    return in_language(value, language, company)


def in_language(value: T | dict[str, T] | None, language: str, company: str) -> T | None:
    """The value for `language`: its own, or the plain value when that is the company's
    language; None when there is none in it."""
    if isinstance(value, dict):
        return value.get(language)
    return value if language == company else None
