"""The words of a change notice (`memogen diff --notice`) around its changes, in both
languages."""

from __future__ import annotations

NOTICE_WORDS: dict[str, dict[str, str]] = {
    "ru": {
        "notice_subject": "Изменения в стандарте «{title}»",
        "notice_intro": "С {effective} действует редакция {version} стандарта «{title}». "
        "Что изменилось:",
        "notice_intro_undated": "Вышла новая редакция стандарта «{title}». Что изменилось:",
        "breaking": "Что теперь делать иначе",
        "notable": "Что стало лучше или появилось нового",
        "editorial": "Уточнения текста",
        "was": "Было",
        "now": "Стало",
        "read_guide": "Как получить услугу теперь",
    },
    "en": {
        "notice_subject": "Changes to “{title}”",
        "notice_intro": "Version {version} of “{title}” takes effect on {effective}. What changed:",
        "notice_intro_undated": "There is a new version of “{title}”. What changed:",
        "breaking": "What you must do differently",
        "notable": "What is better or new",
        "editorial": "Wording",
        "was": "Was",
        "now": "Now",
        "read_guide": "How to get the service now",
    },
}
