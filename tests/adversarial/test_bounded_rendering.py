"""Guarantee 5 — bounded rendering: oversized structure is refused at validation; a PDF that
takes too long, or a worker that needs too much memory, stops the build cleanly with a
message naming the standard, and the previous output stays as it was."""

from __future__ import annotations

import multiprocessing
import os
import resource
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import FrameType

import pytest

import memogen.render.formats.pdf as pdf_format
from memogen.data.config import load_config
from memogen.data.validate import check_standards
from memogen.errors import UserError
from memogen.render.formats.pdf import WORKER_MEMORY_BYTES, Pdf
from tests.html_kit import html_tree

from .adversarial_kit import (
    MAIN,
    TINY_TEXT,
    Built,
    build_error,
    build_repo,
    html_reading,
    leftovers,
    snapshot,
    tiny_data,
    to_yaml,
)

FILE = "standards/tiny-service.yaml"


def _issues(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "tiny-service.yaml"
    path.write_text(text, encoding="utf-8")
    return [i.text() for i in check_standards([(path, FILE)], load_config(None)).issues]


def test_5000_stages_are_refused_by_validation(tmp_path: Path) -> None:
    head, tail = TINY_TEXT.split("stages:\n")[0], TINY_TEXT.split("deadline: 3 business days\n")[1]
    stages = "".join(f"  - name: Stage {n}\n    deadline: 1 minute\n" for n in range(5000))
    text = f"{head}stages:\n{stages}deadline: 3 business days\n{tail}"
    assert _issues(tmp_path, text) == [
        f"{FILE}:8006:5: error: the file has more than 20000 values "
        "(a standard is a few pages of text; shorten it)"
    ]


def test_13_stages_are_refused_by_validation(tmp_path: Path) -> None:
    data = tiny_data()
    data["stages"] = [{"name": f"Stage {n}", "deadline": "1 minute"} for n in range(13)]
    assert _issues(tmp_path, to_yaml(data)) == [
        f"{FILE}:27:1: error: stages: has more than 12 items (keep the list short enough to read)"
    ]


def test_200_deep_blockquote_is_refused_by_validation(tmp_path: Path) -> None:
    data = tiny_data()
    data["summary"] = "> " * 200 + "deep"
    assert _issues(tmp_path, to_yaml(data)) == [
        f"{FILE}:8:10: error: summary: this text nests lists or quotes 200 levels deep, more "
        "than 8 (flatten it; two levels are plenty for a reader)"
    ]


def test_1000_deep_list_is_refused_by_validation(tmp_path: Path) -> None:
    """`- - - … x` made Python-Markdown raise RecursionError before this bound existed."""
    data = tiny_data()
    data["request"]["steps"] = ["Open the form.", "- " * 1000 + "deep"]
    assert _issues(tmp_path, to_yaml(data)) == [
        f"{FILE}:22:5: error: request.steps.2: this text nests lists or quotes 1000 levels "
        "deep, more than 8 (flatten it; two levels are plenty for a reader)"
    ]


def test_nesting_at_the_bound_renders(tmp_path: Path) -> None:
    from memogen.render import markup

    data = tiny_data()
    data["summary"] = "> " * 8 + "deep enough"
    assert _issues(tmp_path, to_yaml(data)) == []
    assert html_reading(markup.to_html(data["summary"])) == ("deep enough", [])


# --- the wall-clock bound of a PDF ------------------------------------------------------------


def test_a_pdf_past_its_time_limit_stops_the_build_cleanly(
    built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, out = built.copy_to(tmp_path)
    before = snapshot(out)
    monkeypatch.setattr(pdf_format, "PDF_TIME_LIMIT_S", 0.001)
    assert build_error(repo, out, force=True) == (
        "tiny-service: laying out the PDF took longer than 0.001 s; shorten its texts"
    )
    assert snapshot(out) == before
    assert leftovers(out) == []


def test_a_pdf_past_its_time_limit_in_a_worker_stops_the_build_cleanly(
    built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, out = built.copy_to(tmp_path)
    (repo / "standards" / "alpha-service.yaml").write_text(
        TINY_TEXT.replace("id: tiny-service", "id: alpha-service"), encoding="utf-8"
    )
    before = snapshot(out)
    monkeypatch.setattr(pdf_format, "PDF_TIME_LIMIT_S", 0.001)  # the forked workers inherit it
    assert build_error(repo, out, jobs=2, formats=("pdf",)) == (
        "alpha-service: laying out the PDF took longer than 0.001 s; shorten its texts"
    )
    assert multiprocessing.active_children() == []
    assert snapshot(out) == before
    assert leftovers(out) == []


def test_the_time_limit_leaves_no_alarm_behind(monkeypatch: pytest.MonkeyPatch) -> None:
    import signal

    pdf_format.render_pdf("<p>x</p>")
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None, signal.default_int_handler)


# --- the memory bound of a worker --------------------------------------------------------------


def test_render_workers_run_under_the_memory_bound(
    built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each worker reports its own RLIMIT_AS through a warning (the patch is inherited by fork)."""
    write = pdf_format.write_pdf

    def reporting(laid: pdf_format.Laid) -> Pdf:
        made = write(laid)
        made.warnings.append(f"RLIMIT_AS {resource.getrlimit(resource.RLIMIT_AS)[0]}")
        return made

    repo, out = built.copy_to(tmp_path)
    (repo / "standards" / "alpha-service.yaml").write_text(
        TINY_TEXT.replace("id: tiny-service", "id: alpha-service"), encoding="utf-8"
    )
    monkeypatch.setattr(pdf_format, "write_pdf", reporting)
    result = build_repo(repo, out, jobs=2, formats=("pdf",), artifacts=("memo",), force=True)
    assert result.warnings == [
        f"{name}/memo.pdf: RLIMIT_AS {WORKER_MEMORY_BYTES}"
        for name in ("alpha-service", "tiny-service")
    ]
    assert resource.getrlimit(resource.RLIMIT_AS)[0] != WORKER_MEMORY_BYTES  # not the parent


def test_the_memory_bound_stops_an_allocation_beyond_it() -> None:
    script = (
        "from memogen.render.formats.pdf import limit_worker, WORKER_MEMORY_BYTES\n"
        "limit_worker()\n"
        "try:\n    bytearray(WORKER_MEMORY_BYTES + 2**20)\n"
        "except MemoryError:\n    print('refused')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=MAIN,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout == "refused\n"


def test_running_out_of_memory_names_the_standard(
    built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def exhausted(html: str, print_css: str = "") -> pdf_format.Laid:
        raise MemoryError

    repo, out = built.copy_to(tmp_path)
    before = snapshot(out)
    monkeypatch.setattr(pdf_format, "lay_out", exhausted)
    assert build_error(repo, out, force=True) == (
        "tiny-service: rendering needed more memory than a worker may use (2048 MiB); "
        "shorten its texts"
    )
    assert snapshot(out) == before
    assert leftovers(out) == []


# --- Markdown: runs of brackets -----------------------------------------------------------------


def _lines_run(function: Callable[[], object]) -> int:
    """How many lines of Python `function` runs: a measure of work that no clock disturbs."""
    count = 0

    def trace(frame: FrameType, event: str, arg: object) -> Callable[..., object]:
        nonlocal count
        count += event == "line"
        return trace

    sys.settrace(trace)
    try:
        function()
    finally:
        sys.settrace(None)
    return count


def test_a_run_of_brackets_costs_markdown_work_linear_in_its_length() -> None:
    """Python-Markdown looked for the `]` of every `[` to the end of the text: a valid
    250 KiB standard of `[` took minutes (benchmarks/markdown_brackets.py has the figures)."""
    from memogen.render import markup

    markup.to_html("warm up")
    short, long = (_lines_run(lambda n=n: markup.to_html("[" * n)) for n in (100, 400))
    assert long < 5 * short  # 4 times the text, about 4 times the work (not 16)


def test_bracket_runs_render_as_typed_and_links_still_work() -> None:
    from memogen.render import markup

    run = "[" * 3000 + "not a link] ]"
    assert html_tree(markup.to_html(run)) == html_tree(f"<p>{run}</p>")
    text = "See [the form](https://forms.example/a_(b)) and [[1] notes](https://n.example)."
    assert html_tree(markup.to_html(text)) == html_tree(
        '<p>See <a href="https://forms.example/a_(b)" rel="noopener noreferrer">the form</a>'
        ' and <a href="https://n.example" rel="noopener noreferrer">[1] notes</a>.</p>'
    )
    reference = "[[[ Open [the form][form].\n\n[form]: https://forms.example/a"
    assert html_tree(markup.to_html(reference)) == html_tree(
        '<p>[[[ Open <a href="https://forms.example/a" rel="noopener noreferrer">the form</a>.</p>'
    )


# --- the bounds hold on every path: -j 1, and a build on another thread (memogen serve) -----

LIMITS = {
    "MEMOGEN_RENDER_TIMEOUT": (
        "0.001",
        "tiny-service: laying out the PDF took longer than 0.001 s; shorten its texts",
    ),
    "MEMOGEN_RENDER_MEMORY": (
        "1",
        "tiny-service: rendering needed more memory than a worker may use (1 MiB); "
        "shorten its texts",
    ),
}


@pytest.mark.parametrize("variable", sorted(LIMITS))
def test_the_render_bounds_hold_in_a_single_worker_build(
    variable: str, built: Built, tmp_path: Path
) -> None:
    repo, out = built.copy_to(tmp_path)
    before = snapshot(out)
    value, message = LIMITS[variable]
    ran = subprocess.run(
        [sys.executable, "-m", "memogen", "build", "-j", "1", "--force", "-o", str(out)],
        cwd=repo,
        env={**os.environ, "PYTHONPATH": str(MAIN), "CI": "1", variable: value},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (ran.returncode, ran.stderr) == (1, message + "\n")
    assert snapshot(out) == before
    assert leftovers(out) == []


@pytest.mark.parametrize("variable", sorted(LIMITS))
def test_the_render_bounds_hold_in_a_build_on_another_thread(
    variable: str, built: Built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`memogen serve` builds on threads of its own, where no SIGALRM can be delivered."""
    repo, out = built.copy_to(tmp_path)
    before = snapshot(out)
    value, message = LIMITS[variable]
    monkeypatch.setenv(variable, value)
    failed: list[str] = []

    def run() -> None:
        failed.append(build_error(repo, out, force=True, formats=("pdf",)))

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=120)
    assert failed == [message]
    assert snapshot(out) == before
    assert leftovers(out) == []


@pytest.mark.parametrize("value", ["soon", "0", "-5", "nan"])
def test_a_render_limit_from_the_environment_must_be_a_positive_number(value: str) -> None:
    from memogen.render.pool import render_limits

    with pytest.raises(UserError) as raised:
        render_limits({"MEMOGEN_RENDER_TIMEOUT": value})
    assert raised.value.describe() == (
        f"MEMOGEN_RENDER_TIMEOUT must be a number of seconds above 0, not '{value}'"
    )
