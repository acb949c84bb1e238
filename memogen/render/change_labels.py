"""The sentences of `memogen diff` and of its notices, one per classification rule, and the
notice's and the acknowledgement sheet's words, in both languages (`{subject}`: the item or
service, `{old}` and `{new}`: the values before and after, already worded)."""

from __future__ import annotations

CHANGE_SENTENCES: dict[str, dict[str, str]] = {
    "ru": {
        "service-withdrawn": "Услуга «{subject}» больше не оказывается",
        "service-new": "Новая услуга: «{subject}»",
        "total-longer": "Общий срок увеличен: было {old}, стало {new}",
        "total-shorter": "Общий срок сокращён: было {old}, стало {new}",
        "stage-longer": "Срок этапа «{subject}» увеличен: было {old}, стало {new}",
        "stage-shorter": "Срок этапа «{subject}» сокращён: было {old}, стало {new}",
        "acknowledge-longer": "Подтверждение заявки дольше: было {old}, стало {new}",
        "acknowledge-shorter": "Подтверждение заявки быстрее: было {old}, стало {new}",
        "input-new-required": "Теперь нужно предоставить: «{subject}»",
        "input-now-required": "«{subject}» теперь обязательно",
        "input-new-optional": "Можно приложить по желанию: «{subject}»",
        "input-dropped": "Больше не нужно предоставлять: «{subject}»",
        "input-now-optional": "«{subject}» теперь по желанию",
        "request-moved": "Заявка подаётся иначе: было {old}, стало {new}",
        "delivery-changed": "Результат получают иначе: было {old}, стало {new}",
        "changes-fewer": "Изменить заявку можно в меньшем числе случаев: было {old}, стало {new}",
        "changes-other": "Изменились условия изменения заявки: было {old}, стало {new}",
        "stage-new": "Новый этап: «{subject}»",
        "stage-dropped": "Этапа «{subject}» больше нет",
        "contact-new": "Новые контакты: {subject}",
        "faq-new": "Новый ответ на частый вопрос: «{subject}»",
        "wording": "Уточнён текст: {path}",
        "none": "не указано",
    },
    "en": {
        "service-withdrawn": "The service “{subject}” is withdrawn",
        "service-new": "A new service: “{subject}”",
        "total-longer": "The total time is longer: was {old}, now {new}",
        "total-shorter": "The total time is shorter: was {old}, now {new}",
        "stage-longer": "The stage “{subject}” takes longer: was {old}, now {new}",
        "stage-shorter": "The stage “{subject}” is shorter: was {old}, now {new}",
        "acknowledge-longer": "Requests are acknowledged later: was {old}, now {new}",
        "acknowledge-shorter": "Requests are acknowledged sooner: was {old}, now {new}",
        "input-new-required": "You must now provide: “{subject}”",
        "input-now-required": "“{subject}” is now required",
        "input-new-optional": "You may now also provide: “{subject}”",
        "input-dropped": "You no longer need to provide: “{subject}”",
        "input-now-optional": "“{subject}” is now optional",
        "request-moved": "Requests are filed differently: was {old}, now {new}",
        "delivery-changed": "The result is received differently: was {old}, now {new}",
        "changes-fewer": "Fewer chances to change a request: was {old}, now {new}",
        "changes-other": "The ways to change a request have changed: was {old}, now {new}",
        "stage-new": "A new stage: “{subject}”",
        "stage-dropped": "The stage “{subject}” is gone",
        "contact-new": "New contacts: {subject}",
        "faq-new": "A new question answered: “{subject}”",
        "wording": "Wording changed: {path}",
        "none": "not given",
    },
}

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
