"""How much `memogen validate` costs compared with plain parsing of the same files.

Generates N valid standards (the examples in standards/, renamed and varied) into a
temporary folder, then times `memogen.pipeline.check` (what `memogen validate` runs)
against `yaml.load(f, Loader=yaml.CSafeLoader)` of the same files, best of R runs each.

    python3 benchmarks/validate_bench.py [N] [--repeat R] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from corpus import make_corpus  # noqa: E402

from memogen.pipeline import check  # noqa: E402


def write_standards(folder: Path, count: int) -> list[Path]:
    """`count` valid standards in folder/standards, plus the repo's memogen.yaml."""
    make_corpus(folder, count)
    return sorted((folder / "standards").glob("*.yaml"))


def best_of(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def parse_only(files: list[Path]) -> None:
    for path in files:
        with path.open("rb") as handle:
            yaml.load(handle, Loader=yaml.CSafeLoader)


def validate(config: Path, expected: int) -> None:
    _, checked, count = check([], config)
    if checked.issues or count != expected:
        raise SystemExit(f"the generated standards are not all valid: {checked.issues[:3]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="print where validation spends")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        files = write_standards(folder, args.count)
        config = folder / "memogen.yaml"
        size = sum(path.stat().st_size for path in files) / 1024
        print(f"{len(files)} standards, {size:.0f} KiB, best of {args.repeat}")

        baseline = best_of(args.repeat, lambda: parse_only(files))
        ours = best_of(args.repeat, lambda: validate(config, len(files)))
        for name, seconds in (("yaml.load (CSafeLoader)", baseline), ("memogen validate", ours)):
            print(f"{name:24} {seconds:8.3f} s  {seconds / len(files) * 1e3:6.2f} ms/file")
        print(f"{'ratio':24} {ours / baseline:8.2f}x")

        if args.profile:
            profile = cProfile.Profile()
            profile.runcall(validate, config, len(files))
            stats = pstats.Stats(profile).sort_stats("cumulative")
            stats.print_stats(25)
            stats.sort_stats("tottime").print_stats(15)


if __name__ == "__main__":
    main()
