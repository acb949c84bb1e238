"""MG2xx and MG301: client texts in plain words, short sentences and a poster read at a glance."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from memogen.i18n import _, ngettext
from memogen.lint.rules.base import Context, Hit
from memogen.lint.rules.text import client_texts, sentences, visible, words

# Built-in jargon: the word or phrase (a trailing '*' matches any ending) and what to write
# instead. A `lint.jargon.<language>` list in memogen.yaml replaces the list of its language.
DEFAULT_JARGON: dict[str, dict[str, str]] = {
    "ru": {
        "осуществл*": "делать, проводить",
        "в рамках": "в, при, для",
        "в целях": "чтобы, для",
        "в соответствии с": "по",
        "посредством": "через, с помощью",
        "является": "это",
        "являются": "это",
        "производится": "делаем, проводим",
        "данный": "этот",
        "данная": "эта",
        "данное": "это",
        "данного": "этого",
        "данной": "этой",
        "данному": "этому",
        "данную": "эту",
        "данном": "этом",
        "вышеуказанн*": "этот",
        "вышеизложенн*": "этот",
        "нижеследующ*": "такой",
        "надлежащ*": "нужный, правильный",
        "в установленном порядке": "как описано в стандарте",
        "в кратчайшие сроки": "за N дней (назовите срок)",
        "эскалац*": "обращение к руководителю",
        "инцидент*": "сбой, поломка",
        "тикет*": "заявка",
        "аппрув*": "согласование",
        "апрув*": "согласование",
        "заапрув*": "согласовать",
        "дедлайн*": "срок",
        "фидбек*": "отзыв",
        "фидбэк*": "отзыв",
        "асап": "срочно",
        "ASAP": "срочно",
        "SLA": "срок (назовите его)",
    },
    "en": {
        "utilise": "use",
        "utilize": "use",
        "utilisation": "use",
        "utilization": "use",
        "leverage": "use",
        "facilitate": "help",
        "in order to": "to",
        "commence": "start",
        "prior to": "before",
        "pursuant to": "under",
        "aforementioned": "this",
        "herein": "here",
        "henceforth": "from now on",
        "as per": "as, under",
        "with regard to": "about",
        "in respect of": "about",
        "endeavour": "try",
        "endeavor": "try",
        "going forward": "from now on",
        "touch base": "talk",
        "circle back": "come back to",
        "synergy": "working together",
        "deliverable*": "result",
        "escalat*": "contact the manager",
        "ASAP": "a date or time",
        "SLA": "the deadline",
        "KPI": "target",
    },
}


def long_sentence(ctx: Context) -> Iterator[Hit]:
    """MG201: no client sentence is longer than `max_sentence_words`."""
    limit = ctx.options.max_sentence_words
    for text in client_texts(ctx.standard):
        if not text.prose:
            continue
        seen: dict[str, int] = {}
        for sentence in sentences(text.value):
            found = words(sentence)
            opening = " ".join(sentence.split()[:3])
            seen[opening] = seen.get(opening, -1) + 1
            if len(found) > limit:
                start = " ".join(found[:6])
                yield Hit(
                    text.path,
                    ngettext(
                        "a sentence of {count} words, more than {limit}: '{value} …'",
                        "a sentence of {count} words, more than {limit}: '{value} …'",
                        len(found),
                    ).format(count=len(found), limit=limit, value=start),
                    _("split it into two or three short sentences"),
                    opening,
                    seen[opening],
                )


def jargon(ctx: Context) -> Iterator[Hit]:
    """MG202: client texts use none of the jargon of their language."""
    language = ctx.standard.language or "ru"
    configured = getattr(ctx.options.jargon, language)
    entries = tuple(configured) if configured is not None else tuple(DEFAULT_JARGON[language])
    suggestions = DEFAULT_JARGON[language] if configured is None else {}
    matcher = _jargon_matcher(entries)
    for text in client_texts(ctx.standard):
        reported = set()
        for found in matcher.finditer(visible(text.value)):
            entry = entries[int((found.lastgroup or "j0")[1:])]
            if entry in reported:
                continue
            reported.add(entry)
            instead = suggestions.get(entry)
            hint = (
                _("write '{word}' instead").format(word=instead)
                if instead
                else _("say it in everyday words")
            )
            message = _("'{word}' is jargon").format(word=found.group())
            yield Hit(text.path, message, hint, found.group())


@cache
def _jargon_matcher(entries: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for the whole list: a group per entry, so a match names its entry."""
    alternatives = "|".join(
        f"(?P<j{i}>"
        + r"\s+".join(
            re.escape(word.removesuffix("*")) + (r"\w*" if word.endswith("*") else "")
            for word in entry.split()
        )
        + ")"
        for i, entry in enumerate(entries)
    )
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


# Participles of transitive verbs only: "is gone" or "has fallen" are not passive.
_IRREGULAR = (
    "begun broken brought built bought caught chosen done drawn driven eaten "
    "felt found forgotten given grown held hidden hit kept known laid led left "
    "lent lost made meant met paid put read run said seen sent set shown shut sold "
    "spent spoken stolen taken taught thought told understood won worn written"
)
_PASSIVE = re.compile(
    r"\b(?:am|is|are|was|were|be|been|being)\s+(?:(?:not|also|then|often|always|never|only|"
    r"usually|\w+ly)\s+)?(?:\w{2,}ed|" + "|".join(_IRREGULAR.split()) + r")\b",
    re.IGNORECASE,
)


def passive_voice(ctx: Context) -> Iterator[Hit]:
    """MG203: English client sentences say who acts ('we send', not 'it is sent')."""
    for text in client_texts(ctx.standard):
        if not text.prose:
            continue
        for sentence in sentences(text.value):
            found = _PASSIVE.search(sentence)
            if found:
                yield Hit(
                    text.path,
                    _("passive voice: '{value}'").format(value=found.group()),
                    _("say who does it, e.g. 'we send the file' instead of 'the file is sent'"),
                    found.group(),
                )


def poster_word_budget(ctx: Context) -> Iterator[Hit]:
    """MG301: title, slogan and stage names fit the poster's word budget."""
    standard = ctx.standard
    slogan = standard.poster.slogan if standard.poster else None
    counts = {
        "title": len(words(standard.title)),
        "slogan": len(words(slogan or "")),
        "stage names": sum(len(words(stage.name)) for stage in standard.stages),
    }
    total, budget = sum(counts.values()), ctx.options.poster_word_budget
    if total > budget:
        parts = ", ".join(f"{name} {count}" for name, count in counts.items() if count)
        yield Hit(
            ("poster", "slogan") if slogan else ("title",),
            ngettext(
                "the poster has {total} words ({parts}), more than the budget of {budget}",
                "the poster has {total} words ({parts}), more than the budget of {budget}",
                total,
            ).format(total=total, parts=parts, budget=budget),
            _("shorten the slogan, the title or the stage names"),
        )
