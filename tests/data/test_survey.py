"""Unit tests for memogen.data.survey: survey exports → answers, each bad row located."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from memogen.data.survey import Answer, read_survey, read_survey_text
from memogen.data.survey_settings import SurveyOptions

HEADER = "service,submitted,speed,quality,ease,comment\n"
KNOWN = {"purchase-request", "it-equipment"}
COLUMN_HINT = "the columns are service, submitted, speed, quality, ease and comment (optional)"


def texts(found: tuple[list[Answer], list[object]]) -> list[str]:
    return [issue.text() for issue in found[1]]  # type: ignore[attr-defined]


def test_each_row_becomes_an_answer_with_its_comment() -> None:
    answers, issues = read_survey_text(
        HEADER + 'purchase-request,2026-10-15,5,4,3,"Быстро, спасибо"\n'
        "it-equipment,2026-11-02T09:30:00,1,2,3,\n",
        "surveys/q4.csv",
        KNOWN,
    )
    assert issues == []
    assert answers == [
        Answer("purchase-request", date(2026, 10, 15), 5, 4, 3, "Быстро, спасибо"),
        Answer("it-equipment", date(2026, 11, 2), 1, 2, 3, ""),
    ]


def test_columns_come_in_any_order_and_excel_semicolons_and_bom_are_read(tmp_path: Path) -> None:
    text = "\ufeffEase;Speed;Service;Quality;Submitted\r\n3;4;it-equipment;5;2026-07-01\r\n"
    (tmp_path / "excel.csv").write_text(text, encoding="utf-8")
    answers, issues = read_survey(tmp_path, SurveyOptions(results="*.csv"), KNOWN, "m")
    assert issues == []
    assert answers == [Answer("it-equipment", date(2026, 7, 1), 4, 5, 3)]


def test_bad_rows_are_located_at_their_value_and_left_out() -> None:
    found = read_survey_text(
        HEADER
        + "purchase-request,2026-10-15,6,4,3,\n"
        + "purchase-request,15.10.2026,5,4,3,\n"
        + ",2026-10-15,5,4,3,\n"
        + "purchase-request,2026-10-15,5,4\n"
        + "purchase-request,2026-10-15,5,4,3,fine, thanks\n"
        + "purchase-request,2026-10-15,5,4,3,fine\n",
        "surveys/q4.csv",
        KNOWN,
    )
    assert texts(found) == [
        "surveys/q4.csv:2:29: error: speed: '6' is not a score from 1 to 5 "
        "(write a whole number from 1 to 5)",
        "surveys/q4.csv:3:18: error: submitted: '15.10.2026' is not a date "
        "(write an ISO date, such as 2026-10-15)",
        "surveys/q4.csv:4:1: error: service: the id is empty "
        "(write the id of the standard the answer is about)",
        "surveys/q4.csv:5:1: error: this row has 4 values and the header 6 columns "
        "(put a value that holds a comma or a semicolon in double quotes)",
        "surveys/q4.csv:6:1: error: this row has 7 values and the header 6 columns "
        "(put a value that holds a comma or a semicolon in double quotes)",
    ]
    assert [answer.comment for answer in found[0]] == ["fine"]


def test_an_unknown_service_is_a_warning_with_the_closest_id() -> None:
    found = read_survey_text(HEADER + "purchase-requst,2026-10-15,5,4,3,\n", "s.csv", KNOWN)
    assert found[0] == []
    assert texts(found) == [
        "s.csv:2:1: warning: service: no standard has the id 'purchase-requst'; the answer is "
        "left out (did you mean 'purchase-request'?)"
    ]


def test_a_missing_column_stops_the_file_and_an_unknown_one_is_a_warning() -> None:
    found = read_survey_text(
        "service,submitted,speed,ease,note\nx,2026-01-01,1,1,\n", "s.csv", KNOWN
    )
    assert found[0] == []
    assert texts(found) == [
        f"s.csv:1:30: warning: memogen does not read the column 'note' ({COLUMN_HINT})",
        f"s.csv:1:1: error: the header has no column 'quality' ({COLUMN_HINT})",
    ]


def test_an_unclosed_quote_is_a_located_error() -> None:
    found = read_survey_text(HEADER + 'it-equipment,2026-10-15,5,4,3,"oops\n', "s.csv", KNOWN)
    assert texts(found) == [
        's.csv:2:31: error: this quoted value is never closed (end it with a double quote ")'
    ]


def test_the_files_of_the_pattern_are_read_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "surveys").mkdir()
    (tmp_path / "surveys" / "b.csv").write_text(HEADER + "it-equipment,2026-10-15,1,1,1,\n")
    (tmp_path / "surveys" / "a.csv").write_text(HEADER + "it-equipment,2026-07-15,2,2,2,\n")
    answers, issues = read_survey(tmp_path, SurveyOptions(results="surveys/*.csv"), KNOWN, "m")
    assert issues == []
    assert [answer.speed for answer in answers] == [2, 1]


def test_a_pattern_that_matches_nothing_is_a_warning(tmp_path: Path) -> None:
    options = SurveyOptions(results="surveys/*.csv")
    assert [i.text() for i in read_survey(tmp_path, options, KNOWN, "memogen.yaml")[1]] == [
        "memogen.yaml:1:1: warning: survey.results: no file matches 'surveys/*.csv' (export "
        "the survey's answers as CSV into that folder, or fix the pattern)"
    ]


def test_a_file_that_is_not_utf8_is_a_located_error(tmp_path: Path) -> None:
    (tmp_path / "q.csv").write_bytes(HEADER.encode() + "это cp1251".encode("cp1251"))
    options = SurveyOptions(results="*.csv")
    assert [i.text() for i in read_survey(tmp_path, options, KNOWN, "m")[1]] == [
        "q.csv:2:1: error: byte 0xFD is not valid UTF-8 (export the answers as CSV UTF-8)"
    ]
