"""Regexes over user text, before and after issue 9: seconds per pathological field.

    python benchmarks/redos.py              # old patterns up to 4,000 characters (about a minute)
    python benchmarks/redos.py --old-max 2000

Each row times one hostile field (the longest a Markdown field may be: 4,000 characters)
through the pattern memogen used to run and through what runs now. The test suite proves
the bound without a clock (tests/adversarial/test_redos.py); the figures live here.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from memogen.data.durations import DurationError, parse_duration
from memogen.data.fields import has_encoded_word
from memogen.data.yaml_indent import misplaced_key
from memogen.lint.rules.text import visible, without_code
from memogen.render.markup import to_safe_markdown
from memogen.render.spacing import spaced

OLD_EMAIL = re.compile(r"\S+@\S+\.\w+")
OLD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
OLD_TAG = re.compile(r"</?[A-Za-z][^>\n]*>")
OLD_ENCODED_WORD = re.compile(r"=\?.*\?=")
OLD_DURATION = re.compile(r"^\s*(\d{1,5}(?:[.,]\d{1,2})?)\s*([^\d\s].*?)\s*$")
# Found again after issues 10-17 (the typography pass, the YAML mistakes): quadratic.
OLD_THOUSANDS = re.compile(r"(?<![\d+\-.,\u202f])\d{1,3}(?: \d{3})+(?![\d\-]| \d)")
OLD_LINK_TARGET = re.compile(r"\]\(\s*<?(?!https?:|mailto:)[^)]*\)", re.IGNORECASE)
OLD_KEY_LINE = re.compile(r"^( *(?:- +)*)([^\s#'\"-][^:#]*?|'[^']*'|\"[^\"]*\")[ \t]*:(?:[ \t]|$)")


def _duration(text: str) -> None:
    with contextlib.suppress(DurationError):
        parse_duration(text)


def _lint_text(text: str) -> None:
    visible.cache_clear()
    without_code.cache_clear()
    visible(text)
    without_code(text)


CASES: list[tuple[str, Callable[[int], str], Callable[[str], object], Callable[[str], object]]] = [
    ("lint: email-like 'a@' run", lambda n: "a@" * (n // 2), OLD_EMAIL.search, _lint_text),
    ("lint: run of '['", lambda n: "[" * n, OLD_LINK.search, _lint_text),
    ("lint: run of '<a'", lambda n: "<a" * (n // 2), OLD_TAG.search, _lint_text),
    ("header: run of '=?a'", lambda n: "=?a" * (n // 3), OLD_ENCODED_WORD.search, has_encoded_word),
    ("duration: spaces inside", lambda n: "1 d" + " " * n + "x", OLD_DURATION.match, _duration),
    (
        "typography: '1 000 … 0000'",
        lambda n: "1" + " 000" * (n // 4) + "0",
        OLD_THOUSANDS.findall,
        lambda text: spaced(text, "ru"),
    ),
    ("markdown: run of ']('", lambda n: "](" * (n // 2), OLD_LINK_TARGET.findall, to_safe_markdown),
    (
        "yaml error: blanks in a line above",
        lambda n: "  - [a" + " " * n + ", b]",
        OLD_KEY_LINE.match,
        lambda line: misplaced_key(f"x:\n{line}\n  c: d\n", 3),
    ),
]


def seconds(function: Callable[[str], object], text: str) -> float:
    start = time.perf_counter()
    function(text)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--old-max", type=int, default=4000, help="longest input for old patterns")
    old_max = parser.parse_args().old_max
    print("| input | characters | old pattern | now |\n|---|---|---|---|")
    for name, make, old, new in CASES:
        for length in (1000, 2000, 4000):
            text = make(length)
            before = f"{seconds(old, text):.3f} s" if length <= old_max else "not run"
            print(f"| {name} | {length:,} | {before} | {seconds(new, text):.4f} s |", flush=True)


if __name__ == "__main__":
    main()
