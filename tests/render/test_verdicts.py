"""Unit tests for memogen.render.verdicts: what a measured layout tells the owner, located
at the field that holds the text, in memogen's own words."""

from __future__ import annotations

import pytest

from memogen.data.config_model import Config
from memogen.data.document import Document
from memogen.data.loader import load_text
from memogen.data.models import Standard
from memogen.errors import Issue, UserError
from memogen.render import verdicts
from memogen.render.formats.layout import Layout, Trouble
from memogen.render.verdicts import key_path, poster_verdicts, too_long, trouble_warnings
from tests.conftest import VALID_STANDARD_FILE

FILE = "standards/tiny-service.yaml"


@pytest.fixture
def document() -> Document:
    """tiny-service.yaml as loaded: `stages` at 26:1, the second stage's name at 31:11."""
    return load_text(VALID_STANDARD_FILE.read_text(encoding="utf-8"), FILE)


def test_too_long_names_the_stages_share_of_the_page_and_the_three_tallest_stages() -> None:
    layout = Layout(
        pages=2,
        page_height=1000.0,
        extent={
            "stages": 680.0,
            "stages.1": 100.0,
            "stages.2": 200.0,
            "stages.3": 50.0,
            "stages.4": 150.0,
            "stages.2.name": 900.0,  # a part of a stage is not a stage
            "stages.total": 990.0,  # (a user's own template's mark)
            "inputs": 120.0,
        },
    )
    assert too_long(layout, "memo") == (
        "the memo takes 2 pages, not one, even in its compact layout: "
        "the stages need 68% of a page (shorten the results of stages 1, 2 and 4)"
    )


def test_too_long_names_another_part_when_it_is_the_largest() -> None:
    layout = Layout(pages=2, page_height=800.0, extent={"contacts": 600.0, "stages": 100.0})
    assert too_long(layout, "memo") == (
        "the memo takes 2 pages, not one, even in its compact layout: "
        "the contacts need 75% of a page (shorten the contacts)"
    )


def test_too_long_names_a_single_stage_alone() -> None:
    layout = Layout(pages=2, page_height=100.0, extent={"stages": 90.0, "stages.1": 90.0})
    assert too_long(layout, "memo").endswith("(shorten the results of stages 1)")


def test_too_long_on_a_template_that_marks_no_part_names_none() -> None:
    """A user's own template without `data-field` marks: no part measured, none named."""
    assert too_long(Layout(pages=3, page_height=1000.0), "memo") == (
        "the memo takes 3 pages, not one, even in its compact layout (shorten it)"
    )


def test_too_long_names_the_stages_as_a_whole_when_their_rows_are_not_marked() -> None:
    layout = Layout(pages=2, page_height=1000.0, extent={"stages": 500.0})
    assert too_long(layout, "memo") == (
        "the memo takes 2 pages, not one, even in its compact layout: "
        "the stages need 50% of a page (shorten the stages)"
    )


def test_a_trouble_is_a_warning_at_the_field_that_holds_its_text(document: Document) -> None:
    edge = Trouble("edge", 1, "stages.2.name", "Work")
    assert trouble_warnings(Layout(pages=1, troubles=[edge]), document, "memo.pdf") == [
        f"{FILE}:31:11: warning: stages.2.name: memo.pdf: text runs past the edge of its "
        'column ("Work") (break the long word with a space or a hyphen, or shorten it)'
    ]


def test_each_kind_of_trouble_says_what_a_reader_sees(document: Document) -> None:
    troubles = [
        Trouble("clipped", 1, "title", "Tiny service", need=1.4),
        Trouble("overlap", 1, "deadline", "3 business days"),
    ]
    assert trouble_warnings(Layout(pages=1, troubles=troubles), document, "poster.pdf") == [
        f'{FILE}:3:8: warning: title: poster.pdf: text is cut off ("Tiny service") (shorten it)',
        f"{FILE}:35:11: warning: deadline: poster.pdf: text is printed over other text "
        '("3 business days") (shorten it)',
    ]


def test_a_trouble_on_several_pages_is_one_warning(document: Document) -> None:
    troubles = [Trouble("edge", page, "stages.2.name", "Work") for page in (1, 2, 3)]
    assert len(trouble_warnings(Layout(pages=3, troubles=troubles), document, "memo.pdf")) == 1


def test_a_trouble_without_a_field_names_its_page() -> None:
    clipped = Trouble("clipped", 2, "", "Footer text", need=1.2)
    assert trouble_warnings(Layout(pages=2, troubles=[clipped]), None, "guide.pdf") == [
        'guide.pdf: text is cut off ("Footer text") on page 2 (shorten it)'
    ]


def test_a_field_the_standard_does_not_have_is_located_at_its_closest_ancestor(
    document: Document,
) -> None:
    edge = Trouble("edge", 1, "stages.9.name", "Word")
    (warning,) = trouble_warnings(Layout(pages=1, troubles=[edge]), document, "memo.pdf")
    assert warning.startswith(f"{FILE}:27:3: warning: stages.9.name: memo.pdf:")  # `stages`


def test_key_path_turns_the_printed_1_based_path_back_into_the_datas() -> None:
    assert key_path("stages.3.name") == ("stages", 2, "name")
    assert key_path("title") == ("title",)
    assert key_path("result.criteria.1") == ("result", "criteria", 0)


def stages_shown(count: int, **extra: object) -> Layout:
    lines = {f"stages.{n}.{part}": 1 for n in range(1, count + 1) for part in ("name", "deadline")}
    return Layout(pages=1, fill=[1.0], rooms={"stages": 0.9}, lines=lines, **extra)  # type: ignore[arg-type]


def test_a_poster_whose_stages_do_not_hold_is_refused_at_the_stages_key(
    tiny_standard: Standard, document: Document
) -> None:
    too_full = Layout(pages=1, fill=[1.0], rooms={"stages": 1.3}, lines={"stages.1.name": 1})
    with pytest.raises(UserError) as raised:
        poster_verdicts(too_full, Config(), tiny_standard, document, "poster.pdf")
    assert raised.value.issues == [
        Issue(
            FILE,
            26,
            1,
            "stages",
            "the A3 poster cannot hold these 2 stages with names of at least 20 pt",
            "shorten the stage names and performers, or merge stages, "
            "or print it on A2 (poster.size: A2 in memogen.yaml)",
        )
    ]


def test_a_refused_a4_poster_names_its_own_floor_and_an_a2_one_no_larger_paper(
    tiny_standard: Standard, document: Document
) -> None:
    empty = Layout(pages=1, fill=[1.0], rooms={"stages": 0.5})  # no stage name shown
    a4, a2 = (Config.model_validate({"poster": {"size": size}}) for size in ("A4", "A2"))
    with pytest.raises(UserError) as on_a4:
        poster_verdicts(empty, a4, tiny_standard, document, "poster.pdf")
    with pytest.raises(UserError) as on_a2:
        poster_verdicts(empty, a2, tiny_standard, document, "poster.pdf")
    assert on_a4.value.issues[0].message.endswith("with names of at least 14 pt")
    assert on_a4.value.issues[0].hint.endswith(
        "or print it on A3 (poster.size: A3 in memogen.yaml)"
    )
    assert on_a2.value.issues[0].message.endswith("with names of at least 28 pt")
    assert on_a2.value.issues[0].hint == "shorten the stage names and performers, or merge stages"


def test_a_poster_template_that_marks_no_stages_is_not_refused(
    tiny_standard: Standard, document: Document
) -> None:
    unmarked = Layout(pages=1, fill=[0.4])
    assert poster_verdicts(unmarked, Config(), tiny_standard, document, "poster.pdf") == []


def test_key_text_too_small_for_the_viewing_distance_is_a_warning_at_its_field(
    tiny_standard: Standard, document: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(verdicts, "cap_height_ratio", lambda font: 0.7)
    # 20 px type: capitals of 20 × 25.4 / 96 × 0.7 = 3.70 mm, read from 300 times that
    layout = stages_shown(2, size={"title": 20.0, "deadline": 200.0})
    assert poster_verdicts(layout, Config(), tiny_standard, document, "poster.pdf") == [
        f"{FILE}:3:8: warning: title: poster.pdf: the title's capital letters are 3.7 mm high: "
        "they read from 1.1 m, not from 2 m (poster.viewing_distance) "
        "(shorten it so that it takes larger type, or print the poster larger)"
    ]


def test_the_viewing_distance_is_the_configured_one(
    tiny_standard: Standard, document: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(verdicts, "cap_height_ratio", lambda font: 0.7)
    layout = stages_shown(2, size={"title": 20.0, "deadline": 20.0})
    near = Config.model_validate({"poster": {"viewing_distance": 1}})
    far = Config.model_validate({"poster": {"viewing_distance": 3.5}})
    assert poster_verdicts(layout, near, tiny_standard, document, "poster.pdf") == []
    warnings = poster_verdicts(layout, far, tiny_standard, None, "poster.pdf")
    assert warnings == [
        "poster.pdf: the title's capital letters are 3.7 mm high: they read from 1.1 m, not "
        "from 3.5 m (poster.viewing_distance) (shorten it so that it takes larger type, or "
        "print the poster larger)",
        "poster.pdf: the total deadline's capital letters are 3.7 mm high: they read from "
        "1.1 m, not from 3.5 m (poster.viewing_distance) (shorten it so that it takes larger "
        "type, or print the poster larger)",
    ]


def test_a_memo_too_long_is_told_in_russian_with_the_documents_own_word() -> None:
    from memogen import i18n

    i18n.use("ru")
    layout = Layout(pages=2, page_height=800.0, extent={"contacts": 600.0, "stages": 100.0})
    assert too_long(layout, "memo") == (
        "Памятка: 2 страницы вместо одной даже в компактной вёрстке: контакты — 75% страницы "
        "(сократите контакты)"
    )
