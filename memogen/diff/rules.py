"""The one table of classification rules: which change of a standard is breaking, notable or
editorial for the people who request the service.

A rule matches a changed value by its key path (`*` stands for any list item or key, a set
for any of its words) and, where the direction matters, by a test of the old and new values.
The first rule that matches classifies the change; the last one matches every change.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from memogen.diff.directions import Test, added, added_required, always, became, longer, removed

Kind = Literal["breaking", "notable", "editorial"]
KINDS: tuple[Kind, ...] = ("breaking", "notable", "editorial")
Path = tuple[str | int, ...]
Segment = str | frozenset[str]

ANY = "*"
REQUEST_PLACE = frozenset({"channel", "form_name", "form_url", "address"})
REACH = frozenset({"name", "email", "phone"})


@dataclass(frozen=True)
class Rule:
    id: str
    kind: Kind
    pattern: tuple[Segment, ...]
    applies: Test = always
    rest: bool = False  # the pattern also matches every path below it


RULES: tuple[Rule, ...] = (
    Rule("service-withdrawn", "breaking", (), removed),
    Rule("service-new", "notable", (), added),
    Rule("total-longer", "breaking", ("deadline",), longer),
    Rule("total-shorter", "notable", ("deadline",)),
    Rule("stage-longer", "breaking", ("stages", ANY, "deadline"), longer),
    Rule("stage-shorter", "notable", ("stages", ANY, "deadline")),
    Rule("acknowledge-longer", "breaking", ("request", "acknowledge_within"), longer),
    Rule("acknowledge-shorter", "notable", ("request", "acknowledge_within")),
    Rule("input-new-required", "breaking", ("inputs", ANY), added_required),
    Rule("input-now-required", "breaking", ("inputs", ANY, "required"), became(True)),
    Rule("input-new-optional", "notable", ("inputs", ANY), added),
    Rule("input-dropped", "notable", ("inputs", ANY), removed),
    Rule("input-now-optional", "notable", ("inputs", ANY, "required"), became(False)),
    Rule("request-moved", "breaking", ("request", REQUEST_PLACE)),
    Rule("delivery-changed", "breaking", ("result", "delivery")),
    Rule("changes-fewer", "breaking", ("changes", ANY), removed),
    Rule("changes-fewer", "breaking", ("changes",), removed),
    Rule("changes-other", "notable", ("changes",), rest=True),
    Rule("stage-new", "notable", ("stages", ANY), added),
    Rule("stage-dropped", "notable", ("stages", ANY), removed),
    Rule("contact-new", "notable", ("contacts", ANY)),
    Rule("contact-new", "notable", ("contacts", ANY, REACH)),
    Rule("faq-new", "notable", ("faq", ANY), added),
    Rule("wording", "editorial", (), rest=True),
)


def classify(path: Path, old: Any, new: Any, workday_hours: int) -> Rule:
    """The first rule whose pattern and test match this change."""
    for rule in RULES:
        if _matches(rule, path) and rule.applies(old, new, workday_hours):
            return rule
    raise AssertionError("the last rule matches every change")  # pragma: no cover


def _matches(rule: Rule, path: Path) -> bool:
    pattern = rule.pattern
    if len(path) < len(pattern) or (len(path) > len(pattern) and not rule.rest):
        return False
    return all(_segment(want, got) for want, got in zip(pattern, path, strict=False))


def _segment(want: Segment, got: str | int) -> bool:
    if want == ANY:
        return True
    if isinstance(want, frozenset):
        return got in want
    return want == got
