"""Unit tests for memogen.render.plans: each artifact's plan, and what a measured layout
tells the owner (located at the field that holds the text, in memogen's own words)."""

from __future__ import annotations

import pytest

from memogen.data.config_model import Config
from memogen.data.document import Document
from memogen.data.loader import load_text
from memogen.data.models import Standard
from memogen.render import fitting
from memogen.render.fitting import key_of
from memogen.render.formats.layout import Layout
from memogen.render.plans import (
    TWO_PAGE_SIZES,
    BalancePlan,
    guide_plan,
    memo_plan,
)
from memogen.render.size_search import Phase, SizeSearch
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
