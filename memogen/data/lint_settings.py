"""The `lint:` section of memogen.yaml: rules switched off, severities, jargon, limits. Its
keys are the rule ids of the lint catalogue (a table that imports only `errors.Severity` and
`i18n.N_`)."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import Field, PlainValidator, WithJsonSchema, create_model

from memogen.data.fields import Line, WholeNumber, fail
from memogen.data.models import Strict, documented
from memogen.errors import Severity
from memogen.i18n import _
from memogen.lint.rules.catalog import RULE_IDS, RULES


def _rule_id(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise fail(_("expected a rule id"), _("write an id like MG101; see docs/lint-rules.md"))
    text = value.strip()
    if text not in RULE_IDS:
        close = difflib.get_close_matches(text, RULE_IDS, n=1)
        raise fail(
            _("'{text}' is not a lint rule").format(text=text),
            _("did you mean '{key}'?").format(key=close[0])
            if close
            else _("see docs/lint-rules.md"),
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
                Severity | None,
                documented(f"Severity of {rule.id} ({rule.name}).", "warning", default=None),
            )
            for rule in RULES
        },
    )


class JargonLists(Strict):
    ru: list[Line] | None = documented(
        "Jargon in Russian standards; replaces the built-in list. "
        "A word ending in '*' matches any ending.",
        ["осуществл*", "в рамках"],
        default=None,
        max_length=500,
    )
    en: list[Line] | None = documented(
        "Jargon in English standards; replaces the built-in list. "
        "A word ending in '*' matches any ending.",
        ["utilise", "in order to"],
        default=None,
        max_length=500,
    )


class LintOptions(Strict):
    disable: list[RuleId] = documented("Rules to switch off, by id.", ["MG203"], default=[])
    severity: SeverityOverrides = documented(
        "A different severity for some rules: error, warning or info.",
        {"MG403": "warning"},
        default=SeverityOverrides(),
    )
    jargon: JargonLists = documented(
        "Words and phrases clients should not meet.", default=JargonLists()
    )
    max_sentence_words: Annotated[WholeNumber, Field(ge=5, le=200)] = documented(
        "The longest sentence allowed in client texts, in words.", 25, default=25
    )
    poster_word_budget: Annotated[WholeNumber, Field(ge=5, le=500)] = documented(
        "The most words on a poster: title, slogan and stage names together.", 30, default=30
    )
    max_age_days: Annotated[WholeNumber, Field(ge=1)] = documented(
        "How many days after `effective` a standard is due for review.", 730, default=730
    )
    baseline: Line = documented(
        "File of accepted findings, relative to memogen.yaml.",
        ".memogen-lint-baseline.json",
        default=".memogen-lint-baseline.json",
    )
