"""Build speed on a corpus: seconds per standard, WeasyPrint's share, -j 2 over -j 1.

Run: python benchmarks/build_bench.py [N]   (default 50 standards)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import make_corpus

from memogen.formats import pdf as pdf_format
from memogen.pipeline import BuildOptions, build


def timed_build(folder: Path, out: Path, jobs: int) -> float:
    start = time.perf_counter()
    build([folder / "standards"], folder / "memogen.yaml", BuildOptions(out=out, jobs=jobs))
    return time.perf_counter() - start


def weasyprint_share(folder: Path, out: Path) -> tuple[float, float]:
    """Full in-process build time and the seconds spent inside WeasyPrint's layout + PDF."""
    spent = 0.0
    original = pdf_format.render_pdf

    def measured(html: str) -> pdf_format.Pdf:
        nonlocal spent
        start = time.perf_counter()
        try:
            return original(html)
        finally:
            spent += time.perf_counter() - start

    pdf_format.render_pdf = measured
    try:
        total = timed_build(folder, out, jobs=1)
    finally:
        pdf_format.render_pdf = original
    return total, spent


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    with tempfile.TemporaryDirectory() as tmp:
        folder = make_corpus(Path(tmp) / "corpus", count)
        timed_build(folder, Path(tmp) / "warmup", jobs=1)  # imports, fonts, caches
        total_1, inside = weasyprint_share(folder, Path(tmp) / "out1")
        total_2 = timed_build(folder, Path(tmp) / "out2", jobs=2)
    print(f"standards: {count}")
    print(f"-j 1: {total_1:.2f} s, {total_1 / count:.3f} s per standard")
    print(f"inside WeasyPrint (layout + PDF): {inside:.2f} s = {inside / total_1:.0%} of -j 1")
    print(f"-j 2: {total_2:.2f} s, {total_2 / count:.3f} s per standard")
    print(f"speed-up of -j 2 over -j 1: {total_1 / total_2:.2f}x")


if __name__ == "__main__":
    main()
