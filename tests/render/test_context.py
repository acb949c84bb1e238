"""Models → what templates print: worded deadlines, dates, footers, page settings, colours."""

from __future__ import annotations

from datetime import date
from typing import Any

from memogen.data.config_model import Config
from memogen.data.models import Approval, HistoryEntry, Standard
from memogen.render.context import Rich, standard_context
from memogen.render.qr import qr_svg
from tests.html_kit import html_tree

NBSP = "\u00a0"
THIN_NBSP = "\u202f"


def context_of(standard: Standard, language: str, **config: Any) -> dict[str, Any]:
    return standard_context(
        standard.model_copy(update={"language": language}), Config.model_validate(config)
    )


def test_deadlines_are_worded_in_english(tiny_standard: Standard) -> None:
    context = context_of(tiny_standard, "en")
    assert [stage["deadline"] for stage in context["stages"]] == [
        f"1{NBSP}business day",
        f"2{NBSP}business days",
    ]
    assert context["deadline"] == f"3{NBSP}business days"
    assert context["acknowledge"] == f"4{NBSP}business hours"


def test_deadlines_are_worded_in_russian_with_their_plural_forms(tiny_standard: Standard) -> None:
    context = context_of(tiny_standard, "ru")
    assert [stage["deadline"] for stage in context["stages"]] == [
        f"1{NBSP}рабочий день",
        f"2{NBSP}рабочих дня",
    ]
    assert context["deadline"] == f"3{NBSP}рабочих дня"
    assert context["acknowledge"] == f"4{NBSP}рабочих часа"


def test_the_footer_says_version_date_and_owner_in_the_standards_language(
    tiny_standard: Standard,
) -> None:
    assert context_of(tiny_standard, "en")["footer"] == (
        f"Version 1.0 · Effective 1{NBSP}December 2026 · Process owner: Ann Lee"
    )
    assert context_of(tiny_standard, "ru")["effective"] == f"1{NBSP}декабря 2026{THIN_NBSP}г."


def controlled(standard: Standard, entries: int = 4) -> Standard:
    """The standard approved, with a review date and `entries` history entries, newest first."""
    return standard.model_copy(
        update={
            "approved": Approval.model_construct(by="Peter Sidorov", date=date(2026, 11, 20)),
            "review_by": date(2027, 9, 1),
            "history": [
                HistoryEntry.model_construct(
                    version=f"1.{n}", date=date(2026, n + 1, 1), changes=f"Change {n}"
                )
                for n in range(entries - 1, -1, -1)
            ],
            "version": f"1.{entries - 1}",
        }
    )


def test_the_footer_says_who_approved_the_version_and_when_it_is_reviewed(
    tiny_standard: Standard,
) -> None:
    assert context_of(controlled(tiny_standard), "en")["footer"] == (
        "Version 1.3 · Effective 1\xa0December 2026 · Process owner: Ann Lee · "
        "Approved by Peter Sidorov on 20\xa0November 2026 · Review by 1\xa0September 2027"
    )
    assert context_of(controlled(tiny_standard), "ru")["footer"].endswith(
        "Утверждено: Peter Sidorov, 20\xa0ноября 2026\u202fг. · Пересмотр до\xa01\xa0сентября 2027\u202fг."
    )


def test_the_guide_shows_the_latest_three_history_entries(tiny_standard: Standard) -> None:
    history = context_of(controlled(tiny_standard), "en")["history"]
    assert history == [
        {"version": "1.3", "date": "1 April 2026", "changes": "Change 3"},
        {"version": "1.2", "date": "1 March 2026", "changes": "Change 2"},
        {"version": "1.1", "date": "1 February 2026", "changes": "Change 1"},
    ]


def test_stages_are_numbered_from_one_in_order(tiny_standard: Standard) -> None:
    stages = context_of(tiny_standard, "en")["stages"]
    assert [(s["number"], s["name"]) for s in stages] == [(1, "Registration"), (2, "Work")]


def test_a_markdown_field_comes_in_every_form_an_output_needs() -> None:
    rich = Rich.of(f"Call **now**{NBSP}— today")
    assert html_tree(rich.html) == html_tree(f"<p>Call <strong>now</strong>{NBSP}— today</p>")
    assert html_tree(rich.inline) == html_tree(f"Call <strong>now</strong>{NBSP}— today")
    assert rich.md == f"Call **now**{NBSP}— today"
    assert rich.text == f"Call now{NBSP}— today"


def test_the_page_settings_follow_memogen_yaml(tiny_standard: Standard) -> None:
    assert context_of(tiny_standard, "en")["page"] == {
        "memo": "A4",
        "poster": "A3 portrait",
        "poster_scale": 1.0,
        "poster_landscape": False,
    }
    page = context_of(
        tiny_standard, "en", memo={"size": "A5"}, poster={"size": "A2", "orientation": "landscape"}
    )["page"]
    assert page["memo"] == "A5"
    assert page["poster"] == "A2 landscape"
    assert page["poster_landscape"] is True
    assert round(page["poster_scale"], 3) == round(594 / 297, 3)  # A2's long side / A3's width


def test_text_on_a_brand_colour_is_white_on_dark_and_ink_on_light(
    tiny_standard: Standard,
) -> None:
    on_brand = context_of(tiny_standard, "en", brand={"primary": "#000", "accent": "#ffffff"})[
        "on_brand"
    ]
    assert on_brand == {"primary": "#ffffff", "accent": "#1d232b"}


def test_the_stage_diagram_and_the_form_qr_code_are_ready_to_print(
    tiny_standard: Standard,
) -> None:
    context = context_of(tiny_standard, "en")
    assert context["diagram"].startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert context["diagram"].count('<g transform="translate(') == 2
    assert context["form_qr"].startswith('<svg aria-hidden="true"')
    assert context["feedback_qr"] == ""


def russian_company(standard: Standard, language: str, **config: Any) -> dict[str, Any]:
    """The context of `standard` in `language` under a memogen.yaml that says `language: ru`."""
    in_language = standard.model_copy(update={"language": language})
    return standard_context(in_language, Config.model_validate({"language": "ru", **config}))


def test_the_english_memo_keeps_the_company_rules_given_in_english(
    tiny_standard: Standard,
) -> None:
    rules = {"ru": ["Здоровайтесь."], "en": ["Greet your colleague."]}
    english = russian_company(tiny_standard, "en", service_rules=rules)
    russian = russian_company(tiny_standard, "ru", service_rules=rules)
    assert (english["rules"], russian["rules"]) == (["Greet your colleague."], ["Здоровайтесь."])


def test_a_company_text_missing_in_the_standards_language_is_left_out_not_borrowed(
    tiny_standard: Standard,
) -> None:
    context = russian_company(
        tiny_standard, "en", organisation="ООО «Вершина»", service_rules=["Да."]
    )
    assert (context["org"], context["rules"]) == ("", [])
    context = russian_company(
        tiny_standard, "en", organisation={"ru": "ООО «Вершина»", "en": "Vershina"}
    )
    assert context["org"] == "Vershina"


def test_an_email_channel_without_a_form_gets_a_qr_code_that_starts_the_email(
    tiny_standard: Standard,
) -> None:
    by_email = tiny_standard.model_copy(
        update={
            "request": tiny_standard.request.model_copy(
                update={"channel": "email", "address": "desk@example.com", "form_url": None}
            )
        }
    )
    context = context_of(by_email, "en", brand={"primary": "#1F4E79"})
    assert context["form_qr"] == ""
    expected = qr_svg("mailto:desk@example.com?subject=Tiny%20service", "#1F4E79")
    assert context["mail_qr"] == expected
    assert context_of(tiny_standard, "en")["mail_qr"] == ""  # a form: its own code only


def test_without_an_organisation_the_logo_is_named_logo_in_the_documents_language(
    tiny_standard: Standard,
) -> None:
    assert context_of(tiny_standard, "en")["logo_alt"] == "Logo"
    assert context_of(tiny_standard, "ru")["logo_alt"] == "Логотип"
    named = context_of(tiny_standard, "en", organisation={"ru": "ООО «Пример»", "en": "Primer LLC"})
    assert named["logo_alt"] == "Primer LLC"
