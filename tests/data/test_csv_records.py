"""Unit tests for memogen.data.csv_records: CSV whose every value knows where it stands."""

from __future__ import annotations

import pytest

from memogen.data.csv_records import Cell, CsvSyntaxError, delimiter_of, records


def test_every_value_knows_its_line_and_column() -> None:
    assert list(records('a,bb,"c"\nd,,f\n', ",")) == [
        [Cell(1, 1, "a"), Cell(1, 3, "bb"), Cell(1, 6, "c")],
        [Cell(2, 1, "d"), Cell(2, 3, ""), Cell(2, 4, "f")],
    ]


def test_quoted_values_hold_delimiters_doubled_quotes_and_line_breaks() -> None:
    rows = list(records('x,"a, ""b""\nc",y\r\nz,1,2', ","))
    assert rows[0] == [Cell(1, 1, "x"), Cell(1, 3, 'a, "b"\nc'), Cell(2, 4, "y")]
    assert rows[1][0] == Cell(3, 1, "z")


def test_blank_lines_are_skipped_and_counted() -> None:
    assert [row[0].line for row in records("a\n\n  \nb\n", ",")] == [1, 4]


@pytest.mark.parametrize(
    ("header", "delimiter"),
    [("service,speed", ","), ("service;speed;ease", ";"), ("service\tspeed", "\t")],
)
def test_the_delimiter_is_the_one_the_header_uses(header: str, delimiter: str) -> None:
    assert delimiter_of(header) == delimiter


def test_an_unclosed_quote_is_located_where_the_value_starts() -> None:
    with pytest.raises(CsvSyntaxError) as caught:
        list(records('a,b\nc,"never closed\n', ","))
    assert (caught.value.line, caught.value.col, caught.value.message) == (
        2,
        3,
        "this quoted value is never closed",
    )


def test_text_after_a_closing_quote_is_located_where_it_starts() -> None:
    with pytest.raises(CsvSyntaxError) as caught:
        list(records('"a"b,c', ","))
    assert (caught.value.line, caught.value.col, caught.value.hint) == (
        1,
        4,
        'double every quote inside a quoted value: ""',
    )
