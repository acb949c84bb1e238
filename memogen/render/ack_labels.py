"""The acknowledgement sheet's words, in both languages; every template's `t` has them,
with render/labels.py's."""

from __future__ import annotations

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
