"""How fast and how small the loader stays on hostile YAML, each file in a fresh process.

    python benchmarks/hostile_yaml.py

The tests check that each file is refused with its located message (and the heap the
loader made); the time and the whole process's peak memory are figures, measured here.
Targets: under 1 s and 200 MiB each.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

BILLION_LAUGHS = (
    "\n".join(
        ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
        + [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    )
    + "\n"
)
HOSTILE = {
    "billion laughs": BILLION_LAUGHS.encode(),
    "1000-deep flow list": b"[" * 1000 + b"]" * 1000,
    "2000-deep flow list (past libyaml's own bound)": b"[" * 2000 + b"]" * 2000,
    "256 KiB of '['": b"[" * (256 * 1024 - 1),
    "1000-deep block list": b"- " * 1000 + b"x\n",
    "1000-deep flow mapping": b"{a: " * 1000 + b"x" + b"}" * 1000,
}

# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across exec.
_MEASURE = """
import json, sys, time
from pathlib import Path
from memogen.data.config import load_config
from memogen.data.validate import check_standards
path = Path(sys.argv[1])
config = load_config(None)
started = time.perf_counter()
checked = check_standards([(path, "s.yaml")], config)
seconds = time.perf_counter() - started
status = Path("/proc/self/status").read_text().splitlines()
peak_kib = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
print(json.dumps({"seconds": seconds, "peak_mib": peak_kib / 1024,
                  "refused": bool(checked.issues)}))
"""


def measure(raw: bytes) -> dict[str, float]:
    """Seconds to refuse `raw` and the peak RSS of the process, loading included."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "s.yaml"
        path.write_bytes(raw)
        done = subprocess.run(
            [sys.executable, "-c", _MEASURE, str(path)],
            cwd=REPO,
            check=True,
            capture_output=True,
            text=True,
        )
    measured: dict[str, float] = json.loads(done.stdout)
    assert measured["refused"], "a hostile file was accepted"
    return measured


def figures() -> list[tuple[str, str, str]]:
    """(figure, measured, target) for every hostile file."""
    rows = []
    for name, raw in HOSTILE.items():
        measured = measure(raw)
        rows.append((f"refuse {name}", f"{measured['seconds'] * 1000:.0f} ms", "target < 1 s"))
        rows.append((f"refuse {name}, peak RSS", f"{measured['peak_mib']:.0f} MiB", "< 200 MiB"))
    return rows


if __name__ == "__main__":
    for row in figures():
        print(f"{row[0]:58} {row[1]:>22}  {row[2]}")
