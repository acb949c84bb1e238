"""Which way a value changed, as the rules of `rules.py` ask it: added, removed, made true or
false, longer (a deadline); each test takes the old value, the new one and the business day."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from memogen.data.durations import DurationError, comparable, parse_duration

Test = Callable[[Any, Any, int], bool]  # (old, new, workday_hours) → does the rule apply?


def always(old: Any, new: Any, workday_hours: int) -> bool:
    return True


def added(old: Any, new: Any, workday_hours: int) -> bool:
    return old is None


def removed(old: Any, new: Any, workday_hours: int) -> bool:
    return new is None


def added_required(old: Any, new: Any, workday_hours: int) -> bool:
    return old is None and bool(new.get("required", True))


def became(value: bool) -> Test:
    return lambda old, new, workday_hours: new is value


def longer(old: Any, new: Any, workday_hours: int) -> bool:
    """The new duration is longer, or no longer comparable, or the promise is gone."""
    if new is None:
        return True
    if old is None:
        return False
    try:
        before, after = parse_duration(old), parse_duration(new)
    except DurationError:
        return True
    if not comparable([before, after]):
        return True
    return after.minutes(workday_hours) > before.minutes(workday_hours)
