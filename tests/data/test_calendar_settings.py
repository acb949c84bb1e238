"""memogen.yaml's `calendar:` section: its defaults and the rules across its values.
(Each broken rule, located, is in tests/fixtures/bad/config-calendar-*.)"""

from __future__ import annotations

from memogen.data.calendar_settings import CalendarOptions, rules


def options(**values: object) -> CalendarOptions:
    return CalendarOptions.model_validate(values)


def test_without_hours_the_day_is_nine_to_six_with_an_hour_for_lunch() -> None:
    default = options()
    assert (str(default.working_hours), str(default.lunch_break)) == ("09:00-18:00", "13:00-14:00")
    assert default.workday_minutes == 480
    assert list(rules(default, 8)) == []


def test_hours_given_without_lunch_have_no_lunch() -> None:
    assert options(hours="09:00-17:00").lunch_break is None
    assert list(rules(options(hours="09:00-17:00"), 8)) == []


def test_hours_that_do_not_make_workday_hours_are_an_error_at_hours() -> None:
    assert list(rules(options(hours="09:00-18:00", lunch="13:00-13:30"), 8)) == [
        (
            ("calendar", "hours"),
            "the working hours 09:00-18:00 less lunch 13:00-13:30 make 8.5 hours, but workday_hours is 8",
            "change the hours or the lunch break, or workday_hours",
        )
    ]


def test_a_cut_off_must_fall_within_the_working_hours() -> None:
    assert [path for path, _, _ in rules(options(cutoff="08:30"), 8)] == [("calendar", "cutoff")]
    assert list(rules(options(cutoff="18:00"), 8)) == []


def test_a_company_s_extra_days_are_dates() -> None:
    extra = options(holidays=["2026-12-30"], workdays=["2026-12-26"]).extra_days()
    assert [sorted(d.isoformat() for d in days) for days in extra] == [
        ["2026-12-30"],
        ["2026-12-26"],
    ]
