"""Unit tests for memogen.render.portal: the catalogue's rows, departments and filters."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from memogen.data.config_model import Config
from memogen.data.models import Standard
from memogen.project import open_project
from memogen.render.labels import LABELS
from memogen.render.portal import catalogue_context, file_links, one_line, service_row

FILES = ["memo.pdf", "guide.html", "guide.pdf", "poster.png", "notes.txt"]


def company(synthetic_repo: Callable[[int], Path], count: int) -> list[Standard]:
    root = synthetic_repo(count)
    project = open_project(root / "memogen.yaml")
    _, checked = project.check([root / "standards"])
    assert checked.errors == []
    return checked.standards


def test_departments_are_in_russian_order_with_slug_anchors(
    synthetic_repo: Callable[[int], Path],
) -> None:
    standards = company(synthetic_repo, 22)
    context = catalogue_context(standards, Config(language="ru"), {})
    assert [(d["name"], d["anchor"]) for d in context["departments"]][:4] == [
        ("Административно-хозяйственный отдел", "administrativno-khoziaistvennyi-otdel"),
        ("Бухгалтерия", "bukhgalteriia"),
        ("Ёлочный склад", "elochnyi-sklad"),
        ("ИТ-поддержка", "it-podderzhka"),
    ]
    assert [d["name"] for d in context["departments"]][-3:] == [
        "Facilities",
        "Legal",
        "Security Office",
    ]
    assert sum(len(d["rows"]) for d in context["departments"]) == context["count"] == 22


def test_an_anchor_does_not_change_when_a_department_is_added(
    synthetic_repo: Callable[[int], Path],
) -> None:
    standards = company(synthetic_repo, 22)
    fewer = [s for s in standards if s.department != "Бухгалтерия"]

    def anchors(items: list[Standard]) -> dict[str, str]:
        departments = catalogue_context(items, Config(), {})["departments"]
        return {d["name"]: d["anchor"] for d in departments}

    assert anchors(fewer).items() <= anchors(standards).items()


def test_the_language_filter_offers_the_languages_present(
    synthetic_repo: Callable[[int], Path],
) -> None:
    context = catalogue_context(company(synthetic_repo, 12), Config(), {})
    assert context["languages"] == [
        {"code": "en", "name": "English", "count": 3},
        {"code": "ru", "name": "Русский", "count": 9},
    ]


def test_a_row_has_the_form_as_main_action_the_guide_second_and_folded_search_text(
    tiny_standard: Standard,
) -> None:
    row = service_row(tiny_standard, Config(language="en"), FILES, {"Support desk": "support"})
    assert row["request_href"] == "https://intranet.example.com/forms/help"
    assert row["guide_href"] == "tiny-service/guide.html"
    assert row["href"] == "tiny-service/guide.html"
    assert (row["deadline"], row["acknowledge"]) == (
        "3\u00a0business days",
        "4\u00a0business hours",
    )
    assert row["search"] == (
        "tiny service support desk we help colleagues with small things. tiny-service"
    )
    assert row["anchor"] == "support"


def test_without_a_form_the_request_goes_to_the_address(tiny_standard: Standard) -> None:
    request = tiny_standard.request.model_copy(
        update={"channel": "email", "form_url": None, "address": "desk@example.com"}
    )
    by_mail = tiny_standard.model_copy(update={"request": request})
    row = service_row(by_mail, Config(language="en"), [], {"Support desk": "support"})
    assert row["request_href"] == "mailto:desk@example.com"
    assert (row["guide_href"], row["href"], row["groups"]) == ("", "", [])


def test_a_summary_shows_its_first_sentence_cut_short_at_a_word() -> None:
    assert one_line("We help.\nWith *small* things. Always.") == "We help."
    long = "word " * 60
    cut = one_line(long)
    assert cut.endswith("…") and len(cut) <= 160 and not cut.endswith(" …")


def test_files_are_grouped_by_kind_pages_first_with_unknown_files_last() -> None:
    labels = {
        "kind_guide": "Guide",
        "kind_memo": "Memo",
        "kind_poster": "Poster",
        "format_html": "HTML",
        "format_pdf": "PDF",
        "format_png": "PNG",
        "files": "Files",
    }
    links = file_links("x", FILES, labels)
    assert [(g["kind"], [link["format"] for link in g["links"]]) for g in links["groups"]] == [
        ("Guide", ["HTML", "PDF"]),
        ("Memo", ["PDF"]),
        ("Poster", ["PNG"]),
        ("Files", ["notes.txt"]),
    ]


def test_the_catalogue_links_the_word_files_when_they_are_built() -> None:
    names = ["memo.html", "memo.docx", "memo.pdf"]
    [group] = file_links("tiny-service", names, LABELS["en"])["groups"]
    assert [(link["label"], link["href"]) for link in group["links"]] == [
        ("Memo HTML", "tiny-service/memo.html"),
        ("Memo PDF", "tiny-service/memo.pdf"),
        ("Memo Word", "tiny-service/memo.docx"),
    ]


def test_a_review_date_past_the_build_day_is_marked_in_the_catalogue(
    tiny_standard: Standard, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    reviewed = tiny_standard.model_copy(update={"review_by": date(2027, 9, 1)})
    config, anchors = Config(language="en"), {"Support desk": "support"}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1819843200")  # 2027-09-02
    assert service_row(reviewed, config, [], anchors)["review_overdue"] == "1 September 2027"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1788307200")  # 2026-09-02
    assert service_row(reviewed, config, [], anchors)["review_overdue"] == ""
