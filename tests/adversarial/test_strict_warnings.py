"""Guarantee 4 — warnings are errors where it matters: a WeasyPrint warning (bad CSS, a
refused resource) is shown by a normal build and fails a `--strict` one, writing nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from .adversarial_kit import TESTS, TINY_TEXT, Built, Cli, make_repo, snapshot

MEMO_WITH = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title>
<style>
p { colour: red; }
</style></head><body><h1>{{ title }}</h1><p>WHAT</p></body></html>
"""

# (case, template, what the warning must name). WeasyPrint words its warnings itself, and
# its wording changes between releases: memogen promises the document and the culprit.
CASES = [
    ("bad-css", MEMO_WITH.replace("WHAT", "text"), "colour"),
    (
        "refused-resource",
        MEMO_WITH.replace("WHAT", '<img src="https://127.0.0.1:9/i.png" alt="">'),
        "https://127.0.0.1:9/i.png",
    ),
]


def _names_the_memo_and(culprit: str, lines: list[str], prefix: str = "") -> bool:
    """Whether one line is a warning about the memo PDF that names the culprit."""
    start = f"{prefix}tiny-service/memo.pdf: "
    return any(line.startswith(start) and culprit in line for line in lines)


def _repo_with_memo(built: Built, tmp_path: Path, template: str) -> tuple[Path, Path]:
    repo, out = built.copy_to(tmp_path)
    (repo / "templates" / "memo.html.j2").write_text(template, encoding="utf-8")
    return repo, out


@pytest.mark.parametrize(("case", "template", "culprit"), CASES, ids=[c[0] for c in CASES])
def test_a_weasyprint_warning_fails_a_strict_build_and_writes_nothing(
    case: str, template: str, culprit: str, built: Built, cli: Cli, tmp_path: Path
) -> None:
    repo, out = _repo_with_memo(built, tmp_path, template)
    before = snapshot(out)
    ran = cli("build", "--strict", "-o", str(out), "-j", "1", "--format", "pdf", cwd=repo)
    assert (ran.code, ran.stderr.splitlines()[0]) == (
        1,
        "the build has warnings and --strict is on:",
    )
    assert _names_the_memo_and(culprit, ran.stderr.splitlines()[1:])
    assert snapshot(out) == before


@pytest.mark.parametrize(("case", "template", "culprit"), CASES, ids=[c[0] for c in CASES])
def test_a_weasyprint_warning_is_shown_by_a_normal_build(
    case: str, template: str, culprit: str, built: Built, cli: Cli, tmp_path: Path
) -> None:
    repo, out = _repo_with_memo(built, tmp_path, template)
    ran = cli("build", "-o", str(out), "-j", "1", "--format", "pdf", cwd=repo)
    assert ran.code == 0
    assert _names_the_memo_and(culprit, ran.stderr.splitlines(), prefix="warning: ")


def test_a_validation_warning_fails_a_strict_build(built: Built, cli: Cli, tmp_path: Path) -> None:
    repo, out = built.copy_to(tmp_path)
    (repo / "standards" / "tiny-service.yaml").write_text(
        TINY_TEXT.replace("deadline: 3 business days", "deadline: 3 days"), encoding="utf-8"
    )
    before = snapshot(out)
    ran = cli("build", "--strict", "-o", str(out), "-j", "1", cwd=repo)
    assert (ran.code, ran.stderr.strip()) == (
        1,
        (
            "standards/tiny-service.yaml:35:11: warning: deadline: the total deadline '3 days' "
            "counts calendar time, but the stages count business days (if you mean business "
            "time, write '3 business days')"
        ),
    )
    assert snapshot(out) == before


@pytest.mark.parametrize(("case", "template", "culprit"), CASES[:1], ids=[CASES[0][0]])
def test_strict_fails_on_the_warnings_of_a_document_left_up_to_date(
    case: str, template: str, culprit: str, built: Built, cli: Cli, tmp_path: Path
) -> None:
    """A plain build renders (and warns); a later --strict build skips the unchanged memo
    but still reports the same warnings and fails on them."""
    repo, out = _repo_with_memo(built, tmp_path, template)
    args = ("build", "-o", str(out), "-j", "1", "--format", "pdf")
    first = cli(*args, cwd=repo)
    warnings = [line for line in first.stderr.splitlines() if line.startswith("warning: ")]
    assert (first.code, _names_the_memo_and(culprit, warnings, prefix="warning: ")) == (0, True)
    again = cli(*args, cwd=repo)
    assert [line for line in again.stderr.splitlines() if line.startswith("warning: ")] == warnings
    assert "0 file(s)" in again.stdout  # nothing was rendered this time
    before = snapshot(out)
    strict = cli(*args, "--strict", cwd=repo)
    assert strict.code == 1
    assert strict.stderr.splitlines() == [
        "the build has warnings and --strict is on:",
        *(line.removeprefix("warning: ") for line in warnings),
    ]
    assert snapshot(out) == before


LONG_WORD = TESTS / "fixtures" / "overflow" / "long-word-service.yaml"
ARGS = ("build", "-o", "out", "-j", "1", "--artifact", "memo,poster", "--format", "pdf")


def test_a_long_word_wraps_at_its_syllables_instead_of_running_past_its_column(
    cli: Cli, tmp_path: Path
) -> None:
    """A 60-letter word in a stage name: hyphenated on the memo and the poster, nothing to warn of."""
    repo = make_repo(tmp_path / "repo", {LONG_WORD.name: LONG_WORD.read_text(encoding="utf-8")})
    strict = cli(*ARGS, "--strict", cwd=repo)
    assert (strict.code, strict.stderr) == (0, "")


def test_text_a_template_keeps_from_wrapping_is_a_located_warning_and_fails_a_strict_build(
    cli: Cli, tmp_path: Path
) -> None:
    """Measured in the laid-out PDF's boxes, named at the field that holds the text, also
    with a user's own template (here one that keeps the summary on one line)."""
    long_summary = "We help colleagues with small things, quickly and politely, every working day."
    text = LONG_WORD.read_text(encoding="utf-8").replace(
        "summary: We help colleagues with small things.", f"summary: {long_summary}"
    )
    repo = make_repo(tmp_path / "repo", {LONG_WORD.name: text})
    theme = (repo / "templates" / "memo.print.css").read_text(encoding="utf-8")
    (repo / "templates" / "memo.print.css").write_text(
        theme + "\n.lead .summary { white-space: nowrap; }\n", encoding="utf-8"
    )
    warning = (
        "standards/long-word-service.yaml:8:10: warning: summary: long-word-service/memo.pdf: "
        'text runs past the edge of its column ("We help colleagues with small…") '
        "(break the long word with a space or a hyphen, or shorten it)"
    )
    args = ("build", "-o", "out", "-j", "1", "--artifact", "memo", "--format", "pdf")
    plain = cli(*args, cwd=repo)
    assert (plain.code, plain.stderr.splitlines()) == (0, [f"warning: {warning}"])
    strict = cli(*args, "--strict", cwd=repo)
    assert (strict.code, strict.stderr.splitlines()) == (
        1,
        ["the build has warnings and --strict is on:", warning],
    )


def test_a_brand_font_that_is_not_installed_fails_a_strict_build(cli: Cli, tmp_path: Path) -> None:
    """fontconfig would quietly print another font: said at validation, located in the config."""
    repo = make_repo(tmp_path / "repo", config="language: en\nbrand:\n  font: No Such Font 7\n")
    warning = (
        "memogen.yaml:3:3: warning: brand.font: the font 'No Such Font 7' is not installed, so "
        "another font is printed in its place (install the font, or set brand.font in "
        "memogen.yaml to e.g. DejaVu Sans)"
    )
    plain = cli("build", "-o", "out", "-j", "1", "--format", "md", cwd=repo)
    assert (plain.code, plain.stderr.splitlines()) == (0, [warning])
    strict = cli("build", "--strict", "-o", "out", "-j", "1", "--format", "md", cwd=repo)
    assert (strict.code, strict.stderr.strip()) == (1, warning)


SURVEYED = "language: en\nsurvey:\n  results: surveys/*.csv\n  min_responses: 1\n"
ANSWERS = "service,submitted,speed,quality,ease,comment\ntiny-service,2026-10-01,5,4,5,\n"


def _surveyed_repo(tmp_path: Path, print_css: str | None = None) -> Path:
    repo = make_repo(tmp_path / "repo", config=SURVEYED)
    (repo / "surveys").mkdir()
    (repo / "surveys" / "q4.csv").write_text(ANSWERS, encoding="utf-8")
    if print_css is not None:
        (repo / "templates" / "scores.print.css").write_text(print_css, encoding="utf-8")
    return repo


def test_the_theme_lays_out_scores_pdf_without_a_warning(cli: Cli, tmp_path: Path) -> None:
    """The heat map's screen rules (a scrolling table, a phone's layout) stay out of print."""
    repo = _surveyed_repo(tmp_path)
    strict = cli("build", "--strict", "-o", "out", "-j", "1", "--format", "pdf", cwd=repo)
    assert (strict.code, strict.stderr) == (0, "")
    assert (repo / "out" / "scores.pdf").is_file()


def test_a_warning_of_scores_pdf_is_said_on_every_build_and_fails_a_strict_one(
    cli: Cli, tmp_path: Path
) -> None:
    """scores.pdf is laid out only when the scores change: the manifest keeps its warnings,
    as it keeps each document's."""
    theme = (TESTS.parent / "templates" / "scores.print.css").read_text(encoding="utf-8")
    repo = _surveyed_repo(tmp_path, theme + "\nh1 { colour: red; }\n")
    args = ("build", "-o", "out", "-j", "1", "--format", "pdf")
    first = cli(*args, cwd=repo)
    warnings = [line for line in first.stderr.splitlines() if line.startswith("warning: ")]
    assert first.code == 0
    assert len(warnings) == 1 and warnings[0].startswith("warning: scores.pdf: ")
    assert "colour" in warnings[0]  # WeasyPrint words it: memogen promises file and culprit
    again = cli(*args, cwd=repo)
    assert "0 file(s)" in again.stdout  # nothing was laid out this time
    assert [line for line in again.stderr.splitlines() if line.startswith("warning: ")] == warnings
    before = snapshot(repo / "out")
    strict = cli(*args, "--strict", cwd=repo)
    assert (strict.code, strict.stderr.splitlines()) == (
        1,
        ["the build has warnings and --strict is on:", warnings[0].removeprefix("warning: ")],
    )
    assert snapshot(repo / "out") == before
