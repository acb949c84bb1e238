"""The words of a standard's life after publication, in both languages: the sentences of
`memogen diff` and its notices, one per classification rule (`{subject}`: the item or
service, `{old}` and `{new}`: the values before and after, already worded), the notice's
words, and the acknowledgement sheet's (in every template's `t`, with render/labels.py's)."""

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

ACK_WORDS: dict[str, dict[str, str]] = {
    "ru": {
        "ack": "Лист ознакомления",
        "kind_ack": "Лист ознакомления",
        "ack_title": "Лист ознакомления",
        "ack_with": "со стандартом «{title}»",
        "ack_note": "Подписывая, сотрудник подтверждает, что прочитал стандарт "
        "и будет его выполнять.",
        "ack_id": "Обозначение",
        "ack_approved": "Утверждено",
        "ack_name": "ФИО",
        "ack_position": "Должность",
        "ack_date": "Дата",
        "ack_signature": "Подпись",
    },
    "en": {
        "ack": "Acknowledgement sheet",
        "kind_ack": "Acknowledgement",
        "ack_title": "Acknowledgement sheet",
        "ack_with": "of the standard “{title}”",
        "ack_note": "By signing, each person confirms having read the standard and will follow it.",
        "ack_id": "Id",
        "ack_approved": "Approved",
        "ack_name": "Full name",
        "ack_position": "Position",
        "ack_date": "Date",
        "ack_signature": "Signature",
    },
}
