"""Unit tests for memogen.lint.baseline: accepted findings, remembered by value not by line,
written for review and read back with located errors."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest

from memogen.errors import UserError
from memogen.lint.baseline import read_baseline, value_hash, write_baseline

NAME = ".memogen-lint-baseline.json"
KEYS = {
    ("standards/b.yaml", "MG202", "summary", value_hash("Мы осуществляем")),
    ("standards/a.yaml", "MG101", "inputs.0", value_hash({"name": "Счёт"})),
}


def test_a_value_hash_is_short_stable_and_blind_to_key_order() -> None:
    one = value_hash({"name": "Счёт", "required": "true"})
    assert one == value_hash({"required": "true", "name": "Счёт"})
    assert len(one) == 16 and int(one, 16) >= 0
    assert one != value_hash({"name": "Счет", "required": "true"})
    assert value_hash(["a", "b"]) != value_hash(["b", "a"])


def test_a_baseline_written_is_read_back_the_same(tmp_path: Path) -> None:
    path = tmp_path / "ci" / "accepted.json"  # the folder is made
    write_baseline(path, [*KEYS, *KEYS], "ci/accepted.json")
    assert read_baseline(path, "ci/accepted.json") == KEYS


def test_a_baseline_is_sorted_pretty_json_for_review(tmp_path: Path) -> None:
    write_baseline(tmp_path / NAME, KEYS, NAME)
    text = (tmp_path / NAME).read_text(encoding="utf-8")
    assert text.endswith("}\n") and "Счёт" not in text  # hashes, never the values
    data = json.loads(text)
    assert data["version"] == 1
    assert [item["file"] for item in data["findings"]] == ["standards/a.yaml", "standards/b.yaml"]
    assert data["findings"][0] == {
        "file": "standards/a.yaml",
        "rule": "MG101",
        "path": "inputs.0",
        "hash": value_hash({"name": "Счёт"}),
    }


def test_no_baseline_file_means_nothing_accepted(tmp_path: Path) -> None:
    assert read_baseline(tmp_path / NAME, NAME) == set()


@pytest.mark.parametrize(
    "text",
    ["{not json", "[]", '{"findings": [{"file": "a.yaml"}]}', '{"findings": [["a"]]}', "\ud800"],
    ids=["garbled", "a list", "a finding without keys", "a finding that is a list", "not UTF-8"],
)
def test_a_file_that_is_no_baseline_is_a_located_error(text: str, tmp_path: Path) -> None:
    (tmp_path / NAME).write_bytes(text.encode("utf-8", "surrogatepass"))
    with pytest.raises(UserError) as raised:
        read_baseline(tmp_path / NAME, NAME)
    assert str(raised.value) == (
        ".memogen-lint-baseline.json:1:1: error: cannot read the lint baseline: it is not a "
        "memogen baseline (write it again with 'memogen lint --write-baseline')"
    )


@pytest.mark.parametrize("kind", ["a folder", "a dangling link"])
def test_a_baseline_that_is_no_regular_file_is_refused_unread(kind: str, tmp_path: Path) -> None:
    if kind == "a folder":
        (tmp_path / NAME).mkdir()
    else:
        (tmp_path / NAME).symlink_to(tmp_path / "gone.json")
    with pytest.raises(UserError) as raised:
        read_baseline(tmp_path / NAME, NAME)
    assert str(raised.value) == (
        ".memogen-lint-baseline.json:1:1: error: cannot read the lint baseline: it is not a "
        "regular file of at most 16 MiB (write it again with 'memogen lint --write-baseline')"
    )


def test_a_baseline_that_cannot_be_written_is_one_sentence(tmp_path: Path) -> None:
    (tmp_path / "ci").write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(UserError) as raised:
        write_baseline(tmp_path / "ci" / "accepted.json", KEYS, "ci/accepted.json")
    assert str(raised.value) == (
        f"cannot write the lint baseline ci/accepted.json: {os.strerror(errno.EEXIST)} "
        "(make its folder "
        "writable, or set lint.baseline in memogen.yaml to another file)"
    )
