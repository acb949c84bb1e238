"""Guarantee: every pattern memogen runs over user text is linear. The lint rules' old email
pattern `\\S+@\\S+\\.\\w+` was cubic: one 4,000-character field took 24–45 s. The figures are in
benchmarks/redos.py; here, what the patterns still find, and a lint of the worst fields under
a subprocess timeout that the old code overran many times over."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from memogen.data.durations import parse_duration
from memogen.data.fields import has_encoded_word
from memogen.lint.rules.text import sentences, visible, without_code

from .adversarial_kit import make_repo, tiny_data, to_yaml

# Watchdogs against a super-linear pattern, never a measure of speed (benchmarks/redos.py
# and benchmarks/RESULTS.md have the figures):
# lint: three fields of 4,000 characters took about 24 s each (72 s); now the CLI's start-up.
PATHOLOGICAL_LINT_SECONDS = 20
# typesetting: 18 runs of 200,000 characters; the first quadratic patterns took 25 s on 64,000
# characters, so about 4 minutes on the first run alone; now about 2.5 s of one core in all,
# which a machine whose cores are all busy may stretch several times.
PATHOLOGICAL_TYPESET_SECONDS = 120


# What the old patterns gave, character for character (one deliberate difference, marked).
@pytest.mark.parametrize(
    ("text", "seen"),
    [
        ("Write to ann.lee@example.com, please.", "Write to  , please."),
        ("Mail (ann@example.com).", "Mail  )."),
        ("a@b.c@d and x@y", " @d and x@y"),
        ("@example.com is not one; nor is a@b.", "@example.com is not one; nor is a@b."),
        ("Почта: кадры@кадры.рф.", "Почта:  ."),
        (
            "See [the form](https://x.example/f) or <https://x.example/> now.",
            "See the form or   now.",
        ),
        # a link's text holds no '[' now (it was 'a[b'): the price of a linear pattern
        ("[a[b](https://x.example/) and <b>bold</b> `code`", "[ab and  bold   "),
    ],
)
def test_lint_still_sees_past_addresses_links_and_markup(text: str, seen: str) -> None:
    assert visible(text) == seen


def test_typography_blanks_addresses_keeping_every_offset() -> None:
    text = 'Пишите на "кадры@кадры.рф", [форма](https://x.example/(a)) и <i>'
    blanked = without_code(text)
    assert len(blanked) == len(text)
    assert blanked == 'Пишите на                ", [форма](                       и    '


def test_sentences_and_durations_read_as_before() -> None:
    assert sentences("One. Two!  Three? «Four»") == ("One.", "Two!", "Three?", "«Four»")
    assert str(parse_duration("  3   business days  ")) == "3 business days"
    assert has_encoded_word("x =?utf-8?q?a?= y") and not has_encoded_word("=?a" * 1000)


def test_lint_of_the_most_hostile_fields_finishes(tmp_path: Path) -> None:
    """Before: over a minute of one core; the bound here is generous for a loaded machine."""
    data = tiny_data()
    data["summary"] = "a@" * 2000
    data["request"]["steps"] = ["b@" * 2000, "[" * 4000]
    data["result"]["criteria"] = ["c@" * 2000, "<a" * 2000, "](" * 2000]
    repo = make_repo(tmp_path, {"tiny-service.yaml": to_yaml(data)})
    ran = subprocess.run(
        [sys.executable, "-m", "memogen", "lint"],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=PATHOLOGICAL_LINT_SECONDS,
        check=False,
    )
    assert ran.returncode in (0, 1) and ran.stderr == ""
    assert ran.stdout.splitlines()[-1].startswith("1 file checked")


def test_typesetting_the_most_hostile_text_finishes() -> None:
    """The typesetter's e-mail and link patterns were quadratic: 64,000 characters of
    'a', 'a.' or '[a](' took 7–25 s each, 200,000 would take minutes. Now linear: the
    interpreter's start-up."""
    script = (
        "from memogen.render.typography import typeset\n"
        "for unit in ('a', 'a.', '-', '+1', '[a](', 'a@', '`a', '<a', '&a'):\n"
        "    for lang in ('ru', 'en'):\n"
        "        typeset(unit * (200_000 // len(unit)), lang)\n"
    )
    ran = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=PATHOLOGICAL_TYPESET_SECONDS,
        check=False,
    )
    assert (ran.returncode, ran.stderr) == (0, "")


def _finishes(script: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run `script` in a fresh interpreter under the generous bound the old code overran."""
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=PATHOLOGICAL_LINT_SECONDS,
        check=False,
    )


def test_typesetting_a_run_of_digit_groups_is_linear() -> None:
    """The thousands rule began a match at every group of a run it could not space
    ('1 000 000 … 0000'): 100,000 characters took 49 s, 200,000 would take over 3 minutes."""
    ran = _finishes(
        "from memogen.render.typography import typeset\n"
        "for end in ('0', '-1', ' 12'):\n"
        "    typeset('1' + ' 000' * 50_000 + end, 'ru')\n"
    )
    assert (ran.returncode, ran.stderr) == (0, "")


@pytest.mark.parametrize(
    ("typed", "spaced"),
    [
        ("50 000 ₽", "50\u202f000\u00a0₽"),
        ("1 000 000 и 12 345", "1\u202f000\u202f000 и 12\u202f345"),
        ("1 000 0000", "1 000 0000"),  # a group of four digits: not a number in thousands
        ("1 000-2 000", "1 000-2 000"),
        ("1 000 12 345", "1 000 12\u202f345"),
        ("в 2024 100 000 человек", "в 2024 100\u202f000 человек"),
        ("+7 495 123 456", "+7 495 123 456"),
    ],
)
def test_thousands_are_spaced_as_before(typed: str, spaced: str) -> None:
    from memogen.render.typography import typeset

    assert typeset(typed, "ru").replace("\u00a0", " ") == spaced.replace("\u00a0", " ")


def test_dropping_unsafe_link_targets_is_linear() -> None:
    """Every `](` with no `)` after it scanned to the end of the field: 100,000 characters
    of `](` took 15 s, 200,000 a minute."""
    ran = _finishes(
        "from memogen.render.markup import to_safe_markdown\n"
        "for unit in ('](', '](x', ']( '):\n"
        "    to_safe_markdown(unit * (200_000 // len(unit)))\n"
    )
    assert (ran.returncode, ran.stderr) == (0, "")


def test_unsafe_link_targets_are_dropped_as_before() -> None:
    from memogen.render.markup import to_safe_markdown

    assert to_safe_markdown("[a](javascript:x(1)) [b](https://ok.example/) ](") == (
        "[a]()) [b](https://ok.example/) ]("
    )


def test_locating_a_misplaced_key_is_linear_in_the_lines_above(tmp_path: Path) -> None:
    """The key-line pattern tried every end of a key on a line without `:`: 200,000 spaces
    in a flow list above a key out of line made `validate` take 2 minutes."""
    repo = make_repo(tmp_path, {})
    (repo / "standards" / "x.yaml").write_text(
        "memogen: 1\nx:\n  - [a" + " " * 200_000 + ", b]\n  c: d\n", encoding="utf-8"
    )
    ran = _finishes("from memogen.cli import main; main(['validate'])", cwd=repo)
    assert ran.stdout.splitlines()[-2:] == [
        "standards/x.yaml:4:3: error: this key starts at column 3, its siblings at column 1 "
        "(align it with 'x' on line 2, using spaces)",
        "1 file checked: 1 error(s), 0 warning(s)",
    ]
