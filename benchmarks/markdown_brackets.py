"""Markdown conversion of runs of `[`: Python-Markdown as it comes against memogen's bound.

    python benchmarks/markdown_brackets.py

A field holds at most 8,000 characters, so a 250 KiB standard is about 32 such fields.
Python-Markdown as it comes is timed on one field and multiplied (one field alone takes
seconds, 32 take minutes); memogen's converter is timed on all 32, and on one 250 KiB
text as well (no field is that long, but the bound should not care).

On the 2-core CI machine, loaded (issue 9): one field 9.6 s before, 0.05 s after; a
250 KiB standard of them about 5 minutes before (308 s), 1.7 s after.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import markdown

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from memogen.render import markup

FIELD = "[" * 8000
FIELDS = 32  # 32 x 8,000 characters: a 250 KiB standard


def seconds(function: Callable[[], object]) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def main() -> None:
    plain = markdown.Markdown(extensions=[], output_format="html")
    markup.to_html("warm up")
    before = seconds(lambda: plain.convert(FIELD))
    after = seconds(lambda: markup.to_html(FIELD))
    after_all = seconds(lambda: [markup.to_html(FIELD) for _ in range(FIELDS)])
    one_text = seconds(lambda: markup.to_html("[" * (FIELDS * len(FIELD))))
    print(f"one 8,000-character field of '[':  before {before:8.2f} s   after {after:6.3f} s")
    print(
        f"{FIELDS} such fields (250 KiB):         before {before * FIELDS:8.0f} s"
        f"   after {after_all:6.2f} s"
    )
    print(f"one 250 KiB text of '[':           after {one_text:6.2f} s")


if __name__ == "__main__":
    main()
