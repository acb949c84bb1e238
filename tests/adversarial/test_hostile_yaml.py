"""Guarantee 1 — YAML: plain data only, every refusal located, bounded in size and depth.

tests/data/test_loader.py checks each rule on `load_bytes`; here each hostile file goes
through `memogen build` as CI runs it: one located line on stderr, exit 1, no
traceback, and the previous output left exactly as it was.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from memogen.data.config import load_config
from memogen.data.validate import check_standards

from .adversarial_kit import MAIN, TINY_TEXT, Built, Cli, snapshot

FILE = "standards/tiny-service.yaml"
KNOWN = (
    "known keys: memogen, id, title, language, version, effective, approved, review_by, history, department, summary, "
    "owner, clients, request, inputs, stages, deadline, result, changes, contacts, "
    "service_rules, feedback, poster, faq"
)


def _replace(old: str, new: str) -> bytes:
    assert old in TINY_TEXT
    return TINY_TEXT.replace(old, new, 1).encode()


# (case, the standard's bytes, the exact stderr of `memogen build`)
HOSTILE = [
    (
        "duplicate-key",
        _replace("language: en\n", "language: en\ntitle: Second title\n"),
        f"{FILE}:5:1: error: the key 'title' appears twice in this mapping "
        "(it was first given on line 3; keep one of them)",
    ),
    (
        "duplicate-key-quoted",
        _replace("language: en\n", 'language: en\n"title": Second\n'),
        f"{FILE}:5:1: error: the key 'title' appears twice in this mapping "
        "(it was first given on line 3; keep one of them)",
    ),
    (
        "duplicate-key-explicit",
        _replace("language: en\n", "language: en\n? title\n: Second\n"),
        f"{FILE}:5:3: error: the key 'title' appears twice in this mapping "
        "(it was first given on line 3; keep one of them)",
    ),
    # PyYAML would make these the keys 1 and True, which collide in a dict: both must survive.
    (
        "one-and-true-keys",
        TINY_TEXT.encode() + b"1: one\ntrue: yes\n",
        f"{FILE}:45:1: error: 1: unknown key '1' ({KNOWN})\n"
        f"{FILE}:46:1: error: true: unknown key 'true' ({KNOWN})",
    ),
    (
        "anchor-and-alias",
        _replace("clients: All staff", "clients: &who All staff\nx: *who"),
        f"{FILE}:14:10: error: the anchor '&who' is not allowed "
        "(write the value out in full; a standard is plain data)",
    ),
    (
        "merge-key",
        _replace("owner:\n", "owner:\n  <<: {name: X}\n"),
        f"{FILE}:10:3: error: merge keys ('<<') are not allowed "
        "(write the keys out in full; a standard is plain data)",
    ),
    (
        "python-tag",
        _replace("clients: All staff", "clients: !!python/object/apply:os.system ['touch PWNED']"),
        f"{FILE}:14:10: error: the tag '!!python/object/apply:os.system' is not allowed "
        "(remove it; a standard is plain data)",
    ),
    (
        "custom-tag",
        _replace("clients: All staff", "clients: !include secrets.yaml"),
        f"{FILE}:14:10: error: the tag '!include' is not allowed "
        "(remove it; a standard is plain data)",
    ),
    (
        "impossible-date",
        _replace("effective: 2026-12-01", "effective: 2026-02-30"),
        f"{FILE}:6:12: error: effective: '2026-02-30' is not a real date "
        "(check the day and the month)",
    ),
    (
        "tab-indent",
        _replace("  role: Head of support", "\trole: Head of support"),
        f"{FILE}:11:1: error: a tab is used for indentation "
        "(indent with spaces only; tell your editor to insert spaces for Tab)",
    ),
    (
        "invalid-utf8",
        TINY_TEXT.encode().replace(b"All staff", b"All \xff staff"),
        f"{FILE}:14:14: error: byte 0xFF is not valid UTF-8 (save the file as UTF-8)",
    ),
    (
        "nul-byte",
        _replace("All staff", "All\x00staff"),
        f"{FILE}:14:13: error: the invisible control character U+0000 is not allowed "
        "(delete it; it often comes from copying text out of another program)",
    ),
    (
        "control-char-by-escape",
        _replace("title: Tiny service", 'title: "Tiny\\aservice"'),
        f"{FILE}:3:8: error: the invisible control character U+0007 is not allowed "
        "(remove the backslash escape that produces it)",
    ),
    (
        "several-documents",
        TINY_TEXT.encode() + b"---\nmemogen: 1\n",
        f"{FILE}:45:1: error: the file holds more than one YAML document "
        "(keep one standard per file and remove the '---' line)",
    ),
    (
        "nesting-beyond-bound",
        TINY_TEXT.encode() + b"faq: " + b"[" * 1000 + b"]" * 1000 + b"\n",
        f"{FILE}:45:17: error: values are nested more than 12 levels deep "
        "(a standard needs only a few levels; check the indentation)",
    ),
    (
        "file-beyond-bound",
        TINY_TEXT.encode() + b"# " + b"x" * 256 * 1024 + b"\n",
        f"{FILE}:1:1: error: the file is larger than 256 KiB "
        "(a standard is a few pages of text; split it or shorten it)",
    ),
    (
        "field-beyond-bound",
        _replace("title: Tiny service", "title: " + "x" * 201),
        f"{FILE}:3:8: error: title: this text is 201 characters long, more than 200 (shorten it)",
    ),
    (
        "value-beyond-bound",
        _replace("summary: We help colleagues with small things.", "summary: " + "x" * 8001),
        f"{FILE}:8:10: error: this value is longer than 8000 characters "
        "(shorten it; documents are read, not searched)",
    ),
]


@pytest.mark.parametrize(("case", "raw", "expected"), HOSTILE, ids=[c[0] for c in HOSTILE])
def test_hostile_file_fails_the_build_with_one_located_message(
    case: str, raw: bytes, expected: str, built: Built, cli: Cli, tmp_path: Path
) -> None:
    repo, out = built.copy_to(tmp_path)
    (repo / FILE).write_bytes(raw)
    before = snapshot(out)
    ran = cli("build", "-o", str(out), "-j", "1", cwd=repo)
    assert (ran.code, ran.stderr.strip()) == (1, expected)
    assert "Traceback" not in ran.stdout + ran.stderr
    assert snapshot(out) == before
    assert not (repo / "PWNED").exists()


def test_yaml_1_1_lookalikes_stay_the_text_that_was_typed(tmp_path: Path) -> None:
    typed = (
        TINY_TEXT.replace('version: "1.0"', "version: 1.10")
        .replace("clients: All staff", "clients: no")
        .replace("form_name: Help form", "form_name: 0755")
        .replace("  - name: Registration", "  - name: 1:30")
        .replace("role: Head of support", "role: yes")
    )
    path = tmp_path / "tiny-service.yaml"
    path.write_text(typed, encoding="utf-8")
    checked = check_standards([(path, "tiny-service.yaml")], load_config(None))
    assert checked.issues == []
    standard = checked.standards[0]
    assert (
        standard.version,
        standard.clients,
        standard.request.form_name,
        standard.stages[0].name,
        standard.owner.role,
    ) == ("1.10", "no", "0755", "1:30", "yes")


# --- bounded in time and memory, measured in a fresh process ----------------------------------

# The Python objects made while loading, counted by tracemalloc (the same on a busy machine).
# The time and the whole process's peak memory are figures: benchmarks/hostile_yaml.py.
_MEASURE = """
import json, sys, tracemalloc
from pathlib import Path
from memogen.data.config import load_config
from memogen.data.validate import check_standards
path = Path(sys.argv[1])
config = load_config(None)
tracemalloc.start()
checked = check_standards([(path, "s.yaml")], config)
peak = tracemalloc.get_traced_memory()[1]
print(json.dumps({"heap_peak": peak, "issues": [i.text() for i in checked.issues]}))
"""

BILLION_LAUGHS = (
    "\n".join(
        ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
        + [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    )
    + "\n"
)


def _measure(tmp_path: Path, raw: bytes) -> dict[str, object]:
    path = tmp_path / "s.yaml"
    path.write_bytes(raw)
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(path)],
        cwd=MAIN,
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return json.loads(done.stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("case", "raw", "expected"),
    [
        (
            "billion-laughs",
            BILLION_LAUGHS.encode(),
            "s.yaml:1:5: error: the anchor '&a0' is not allowed "
            "(write the value out in full; a standard is plain data)",
        ),
        (
            "1000-deep-flow",
            b"[" * 1000 + b"]" * 1000,
            "s.yaml:1:13: error: values are nested more than 12 levels deep "
            "(a standard needs only a few levels; check the indentation)",
        ),
        (
            "1000-deep-block",
            b"- " * 1000 + b"x\n",
            "s.yaml:1:25: error: values are nested more than 12 levels deep "
            "(a standard needs only a few levels; check the indentation)",
        ),
        (
            "1000-deep-mapping",
            b"{a: " * 1000 + b"x" + b"}" * 1000,
            "s.yaml:1:49: error: values are nested more than 12 levels deep "
            "(a standard needs only a few levels; check the indentation)",
        ),
    ],
    ids=lambda v: v if isinstance(v, str) and len(v) < 30 else "",
)
def test_amplification_is_refused_at_its_first_step_with_a_small_heap(
    case: str, raw: bytes, expected: str, tmp_path: Path
) -> None:
    measured = _measure(tmp_path, raw)
    assert measured["issues"] == [expected]
    assert measured["heap_peak"] < 5 * 2**20, measured  # Python objects made while loading
