"""memogen.diff.directions: which way a value changed."""

from __future__ import annotations

from memogen.diff.directions import added, added_required, became, longer, removed


def test_a_deadline_is_longer_on_its_own_clock_or_when_it_moves_to_another() -> None:
    assert longer("1 business day", "9 business hours", 8)
    assert not longer("1 business day", "8 business hours", 8)
    assert longer("1 business day", "1 day", 8)  # another clock: not comparable
    assert longer("1 business day", None, 8)  # the promise is gone
    assert not longer(None, "1 business day", 8)  # a new promise


def test_added_removed_and_made_required() -> None:
    assert added(None, {"name": "x"}, 8) and not added({"name": "x"}, None, 8)
    assert removed({"name": "x"}, None, 8)
    assert added_required(None, {"name": "x", "required": True}, 8)
    assert not added_required(None, {"name": "x", "required": False}, 8)
    assert became(True)(False, True, 8) and not became(True)(True, False, 8)
