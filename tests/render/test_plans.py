"""Unit tests for memogen.render.plans: each artifact's plan, and what a measured layout
tells the owner (located at the field that holds the text, in memogen's own words)."""

from __future__ import annotations

import pytest

from memogen.data.config_model import Config
from memogen.data.document import Document
from memogen.data.loader import load_text
from memogen.data.models import Standard
from memogen.errors import Issue, UserError
from memogen.render import fitting, plans
from memogen.render.fitting import Phase, SizeSearch, key_of
from memogen.render.formats.layout import Layout, Trouble
from memogen.render.plans import (
    TWO_PAGE_SIZES,
    BalancePlan,
    guide_plan,
    key_path,
    memo_plan,
    poster_verdicts,
    too_long,
    trouble_warnings,
)
from tests.conftest import VALID_STANDARD_FILE

FILE = "standards/tiny-service.yaml"


@pytest.fixture
def document() -> Document:
    """tiny-service.yaml as loaded: `stages` at 26:1, the second stage's name at 31:11."""
    return load_text(VALID_STANDARD_FILE.read_text(encoding="utf-8"), FILE)


def memo_config(size: str) -> Config:
    return Config.model_validate({"memo": {"size": size}})


def test_an_a4_memo_tries_one_page_then_compact_then_two_pages_split_then_flowing(
    tiny_standard: Standard,
) -> None:
    plan = memo_plan(memo_config("A4"), tiny_standard)
    assert isinstance(plan, SizeSearch)
    assert plan.phases == (
        Phase((11.0, 10.5, 10.0, 9.5, 9.0), extra=(("compact", 0), ("split", 0))),
        Phase((9.0,), extra=(("compact", 1), ("split", 0))),
        Phase(TWO_PAGE_SIZES, pages=2, extra=(("compact", 0), ("split", 1))),
        Phase(TWO_PAGE_SIZES, pages=2, extra=(("compact", 0), ("split", 0))),
    )
    assert plan.first() == {"body": 9.0, "phase": 0, "pages": 1, "compact": 0, "split": 0}


def test_an_a5_memo_is_compact_from_the_start(tiny_standard: Standard) -> None:
    plan = memo_plan(memo_config("A5"), tiny_standard)
    assert isinstance(plan, SizeSearch)
    assert plan.phases == (
        Phase((10.0, 9.5, 9.0), extra=(("compact", 1), ("split", 0))),
        Phase(TWO_PAGE_SIZES, pages=2, extra=(("compact", 1), ("split", 1))),
        Phase(TWO_PAGE_SIZES, pages=2, extra=(("compact", 1), ("split", 0))),
    )
    assert plan.first()["compact"] == 1


def test_a_memo_of_one_page_holds_and_one_of_two_holds_only_as_a_two_page_memo(
    tiny_standard: Standard,
) -> None:
    plan = memo_plan(memo_config("A4"), tiny_standard)
    assert isinstance(plan, SizeSearch)
    one, _, two, _ = plan.phases
    two_pages = Layout(pages=2, fill=[1.0, 0.5])
    assert (plan.holds(two_pages, one), plan.holds(two_pages, two)) == (False, True)
    assert plan.balanced(two_pages)
    assert not plan.balanced(Layout(pages=2, fill=[1.0, 0.3]))
    assert plan.balanced(Layout(pages=1, fill=[0.3]))  # a third full is a floor of two pages


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
    monkeypatch.setattr(plans, "cap_height_ratio", lambda font: 0.7)
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
    monkeypatch.setattr(plans, "cap_height_ratio", lambda font: 0.7)
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


GUIDE = BalancePlan(({"body": 9.2, "move": 0}, {"body": 9.2, "move": 3}, {"body": 9.0}), 0.25)


def test_the_guide_plan_starts_at_its_first_choice() -> None:
    assert guide_plan(Config(), None).first() == {"body": 9.2, "move": 0}  # type: ignore[arg-type]


def test_a_guide_whose_pages_after_the_first_are_full_enough_is_kept() -> None:
    values = GUIDE.first()
    layout = Layout(pages=3, fill=[0.1, 1.0, 0.3])  # the first page's fill does not count
    assert GUIDE.next(values, layout, {key_of(values): layout}) is None


def test_a_guide_with_a_near_empty_page_tries_the_next_choice_not_yet_laid_out() -> None:
    values = GUIDE.first()
    thin = Layout(pages=3, fill=[1.0, 1.0, 0.1])
    assert GUIDE.next(values, thin, {key_of(values): thin}) == {"body": 9.2, "move": 3}
    tried = {key_of(values): thin, key_of({"body": 9.2, "move": 3}): thin}
    assert GUIDE.next({"body": 9.2, "move": 3}, thin, tried) == {"body": 9.0}
    tried[key_of({"body": 9.0})] = thin
    assert GUIDE.next({"body": 9.0}, thin, tried) is None


def test_a_guide_settles_on_its_first_balanced_choice_else_on_its_fullest_emptiest_page() -> None:
    first, moved, smaller = GUIDE.choices
    balanced = {
        key_of(first): Layout(pages=2, fill=[1.0, 0.1]),
        key_of(moved): Layout(pages=2, fill=[1.0, 0.5]),
        key_of(smaller): Layout(pages=2, fill=[1.0, 0.6]),
    }
    assert GUIDE.settle(smaller, balanced) == moved
    none_balanced = {
        key_of(first): Layout(pages=2, fill=[1.0, 0.1]),
        key_of(moved): Layout(pages=2, fill=[1.0, 0.2]),
    }
    assert GUIDE.settle(moved, none_balanced) == moved


def test_a_one_page_memo_keeps_the_largest_one_page_size_however_little_it_fills(
    tiny_standard: Standard, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A short memo (a user's own template: a third of the page at 11 pt) is not laid out
    on two pages at 12 pt for want of ink: a third full is a two-page memo's floor."""
    laid: list[dict[str, float]] = []

    def short_memo(make: fitting.Make, values: dict[str, float]) -> fitting.Fitted:
        laid.append(values)
        grown = 0.3 * (values["body"] / 11) ** 1.25  # its one page's fill at 11 pt: 0.3
        if values["split"]:
            layout = Layout(pages=2, fill=[grown * 0.6, grown * 0.5])
        else:
            layout = Layout(pages=1, fill=[grown])
        return fitting.Fitted(values, "", "", laid=None, layout=layout)  # type: ignore[arg-type]

    monkeypatch.setattr(fitting, "_lay_out", short_memo)
    fitted = fitting.fit(lambda values: ("", ""), memo_plan(memo_config("A4"), tiny_standard))
    assert fitted.values == {"body": 11.0, "phase": 0, "pages": 1, "compact": 0, "split": 0}
    assert len(laid) == 2  # 9 pt, then the 11 pt it predicts
