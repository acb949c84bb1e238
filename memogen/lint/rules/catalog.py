"""Every lint rule's id, name, default severity and one-line rationale, in one table.

Ids are grouped by family: MG1xx completeness, MG2xx plain language, MG3xx the
poster, MG4xx Russian typography. docs/lint-rules.md has an entry for each one;
a test keeps the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from memogen.errors import Severity
from memogen.i18n import N_


@dataclass(frozen=True)
class RuleInfo:
    """What a rule is for; its check is registered in `memogen.lint.engine`."""

    id: str
    name: str
    severity: Severity
    rationale: str
    language: Literal["ru", "en"] | None = None  # None: applies to standards in any language


RULES: tuple[RuleInfo, ...] = (
    RuleInfo(
        "MG101",
        "input-example",
        "warning",
        N_("A filled-in example shows the client what to write faster than any description."),
    ),
    RuleInfo(
        "MG102",
        "stage-performer",
        "warning",
        N_("A stage without a performer has nobody to ask and nobody answerable for its deadline."),
    ),
    RuleInfo(
        "MG103",
        "stage-result",
        "warning",
        N_("A stage without a result cannot be checked: nobody can tell when it is done."),
    ),
    RuleInfo(
        "MG104",
        "contact-channel",
        "error",
        N_("A contact without an email or a phone cannot be reached when something goes wrong."),
    ),
    RuleInfo(
        "MG105",
        "form-url",
        "error",
        N_(
            "A form or portal request needs a link: the guide shows it and the poster prints "
            "it as a QR code."
        ),
    ),
    RuleInfo(
        "MG106",
        "feedback-url",
        "warning",
        N_("Without a feedback link clients cannot rate speed, quality and ease of the service."),
    ),
    RuleInfo(
        "MG107",
        "stale-standard",
        "warning",
        N_(
            "A standard that took effect long ago and was never revised probably no longer "
            "describes the real work."
        ),
    ),
    RuleInfo(
        "MG108",
        "approval-after-effective",
        "warning",
        N_("A version that took effect before anyone approved it was in force without approval."),
    ),
    RuleInfo(
        "MG109",
        "unversioned-breaking-change",
        "error",
        N_(
            "Clients must learn that a standard changed against them: a breaking change needs a "
            "new version and a history entry, which the notice and the footers show."
        ),
    ),
    RuleInfo(
        "MG201",
        "long-sentence",
        "warning",
        N_("Short sentences are read and remembered; long ones are skipped."),
    ),
    RuleInfo(
        "MG202",
        "jargon",
        "warning",
        N_(
            "Clients are not specialists: bureaucratic and professional words make them ask "
            "again or give up."
        ),
    ),
    RuleInfo(
        "MG203",
        "passive-voice",
        "info",
        N_("The active voice says who does what; the passive hides who is responsible."),
        language="en",
    ),
    RuleInfo(
        "MG301",
        "poster-word-budget",
        "warning",
        N_("A poster is read in a few seconds from a distance; every extra word costs attention."),
    ),
    RuleInfo(
        "MG401",
        "straight-quotes",
        "warning",
        N_("Russian text uses «ёлочки»; straight quotes look like a typing slip in print."),
        language="ru",
    ),
    RuleInfo(
        "MG402",
        "hyphen-as-dash",
        "warning",
        N_("Russian text separates parts of a sentence with a dash ( — ), not a hyphen ( - )."),
        language="ru",
    ),
    RuleInfo(
        "MG403",
        "unit-space",
        "info",
        N_(
            "A number and its unit (5 кг, 15 000 ₽) are parted by a space; memogen makes it "
            "a no-break one, so that a line never breaks between them."
        ),
        language="ru",
    ),
)

RULE_IDS: tuple[str, ...] = tuple(rule.id for rule in RULES)
BY_ID: dict[str, RuleInfo] = {rule.id: rule for rule in RULES}
