"""A change in one sentence of the standard's language (render/change_labels.py's words),
its deadlines worded as the documents word them."""

from __future__ import annotations

from typing import Any

from memogen.data.durations import DurationError, parse_duration, word
from memogen.render.change_labels import CHANGE_SENTENCES

DEADLINE_RULES = frozenset(
    {"total-longer", "total-shorter", "stage-longer", "stage-shorter"}
    | {"acknowledge-longer", "acknowledge-shorter"}
)
LONGEST_VALUE = 120  # characters of a changed text quoted in a sentence


def sentence(rule: str, lang: str, subject: str, old: Any, new: Any, path: str = "") -> str:
    """The rule's sentence with its values worded: `Общий срок увеличен: было 3 рабочих дня, …`."""
    words = CHANGE_SENTENCES[lang]
    shown = [_value(value, lang, rule in DEADLINE_RULES) for value in (old, new)]
    return words[rule].format(subject=subject, old=shown[0], new=shown[1], path=path)


def worded(rule: str, value: Any, lang: str) -> str:
    """One value of a change as the notice shows it, before or after."""
    return _value(value, lang, rule in DEADLINE_RULES)


def _value(value: Any, lang: str, deadline: bool) -> str:
    if value is None:
        return CHANGE_SENTENCES[lang]["none"]
    if deadline:
        try:
            return word(parse_duration(str(value)), lang, " ")
        except DurationError:
            return str(value)
    if isinstance(value, dict):
        return str(value.get("name") or value.get("q") or "")
    text = " ".join(str(value).split())
    return text if len(text) <= LONGEST_VALUE else text[: LONGEST_VALUE - 1] + "…"
