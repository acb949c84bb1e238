"""Unit tests for memogen.render.size_search: the largest size of a phase that holds, each
next size predicted from the last layout's need, on synthetic layouts (no WeasyPrint)."""

from __future__ import annotations

from memogen.render.fitting import key_of
from memogen.render.formats.layout import Layout
from tests.render.test_fitting import memo_like, needing


def test_the_search_starts_at_its_start_size_with_the_first_phases_values() -> None:
    assert memo_like().first() == {"body": 9.0, "phase": 0, "pages": 1, "compact": 0}
    assert memo_like(start=0).first()["body"] == 11.0


def test_a_need_of_1_3_at_the_smallest_size_moves_to_the_next_phase() -> None:
    search = memo_like()
    values = search.first()
    tried = {key_of(values): needing(1.3)}
    assert search.next(values, needing(1.3), tried) == {
        "body": 9.0,
        "phase": 1,
        "pages": 1,
        "compact": 1,
    }


def test_a_need_of_half_the_page_at_9_pt_jumps_to_the_largest_size_in_one_step() -> None:
    search = memo_like()
    values = search.first()
    tried = {key_of(values): needing(0.5)}
    assert search.next(values, needing(0.5), tried) == {**values, "body": 11.0}


def test_a_size_that_holds_but_is_not_balanced_moves_on_to_the_next_phase() -> None:
    search = memo_like(start=0, balanced=lambda layout: min(layout.fill) >= 0.45)
    values = {"body": 11.0, "phase": 0, "pages": 1, "compact": 0}
    thin = Layout(pages=1, fill=[0.3])
    following = search.next(values, thin, {key_of(values): thin})
    assert following == {"body": 9.0, "phase": 1, "pages": 1, "compact": 1}


def test_a_balanced_size_that_holds_ends_the_search() -> None:
    search = memo_like(start=0, balanced=lambda layout: min(layout.fill) >= 0.45)
    values = {"body": 11.0, "phase": 0, "pages": 1, "compact": 0}
    full = Layout(pages=1, fill=[0.9])
    assert search.next(values, full, {key_of(values): full}) is None


def test_the_search_goes_back_to_the_largest_size_that_held() -> None:
    search = memo_like()
    held = {"body": 10.5, "phase": 0, "pages": 1, "compact": 0}
    failed = {**held, "body": 11.0}
    tried = {key_of(held): needing(0.97), key_of(failed): needing(1.05)}
    assert search.next(failed, needing(1.05), tried) == held


def test_settle_prefers_a_balanced_layout_that_held_over_a_larger_unbalanced_one() -> None:
    search = memo_like(balanced=lambda layout: min(layout.fill) >= 0.45)
    unbalanced = {"body": 11.0, "phase": 0, "pages": 1, "compact": 0}
    balanced = {"body": 9.0, "phase": 1, "pages": 1, "compact": 1}
    tried = {
        key_of(unbalanced): Layout(pages=1, fill=[0.3]),
        key_of(balanced): Layout(pages=1, fill=[0.6]),
    }
    assert search.settle(unbalanced, tried) == balanced


def test_settle_without_a_balanced_layout_keeps_the_one_whose_emptiest_page_is_fullest() -> None:
    search = memo_like(balanced=lambda layout: min(layout.fill) >= 0.45)
    thin = {"body": 12.0, "phase": 2, "pages": 2, "compact": 0}
    fuller = {"body": 11.0, "phase": 2, "pages": 2, "compact": 0}
    tried = {
        key_of(thin): Layout(pages=2, fill=[1.0, 0.2]),
        key_of(fuller): Layout(pages=2, fill=[1.0, 0.4]),
    }
    assert search.settle(thin, tried) == fuller


def test_settle_when_nothing_held_keeps_the_layout_of_fewest_pages() -> None:
    search = memo_like()
    long = {"body": 9.0, "phase": 0, "pages": 1, "compact": 0}
    longer = {"body": 9.0, "phase": 1, "pages": 1, "compact": 1}
    tried = {
        key_of(long): Layout(pages=2, fill=[1.0, 0.2]),
        key_of(longer): Layout(pages=3, fill=[1.0, 1.0, 0.1]),
    }
    assert search.settle(longer, tried) == long
