"""How today's layout holds on the layout tests' variants: one row per variant, artifact
and paper, measured on the built PDFs (tests/layout/variants.py and measure.py).

    python benchmarks/layout_report.py                   # every paper, a plain table
    python benchmarks/layout_report.py --markdown        # the same as a Markdown table
    python benchmarks/layout_report.py --only poster --keep /tmp/layout   # keep the builds

Columns: pages; the smallest stage name and deadline (pt, as measure.font_size_of reads
each; "missing" when one is not in the PDF); the smallest text above the poster's footer;
the body size (the size most characters are set in); words off the sheet; pairs of
overlapping words; the emptiest page's fill (measure.page_fill; the guide's first page,
its cover, left out).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from memogen.render.labels import LABELS  # noqa: E402
from tests.layout import measure  # noqa: E402
from tests.layout.variants import (  # noqa: E402
    LANGUAGES,
    NAMES,
    PAPERS,
    Paper,
    build_project,
    expected_texts,
    standard_id,
    variant,
)

HEADER = (
    "variant",
    "artifact",
    "paper",
    "pages",
    "stage name",
    "deadline",
    "above footer",
    "body",
    "outside",
    "overlaps",
    "emptiest",
)


def smallest(pdf: Path, texts: list[str]) -> str:
    sizes = [measure.font_size_of(pdf, text) for text in texts]
    if None in sizes:
        return f"missing {sizes.count(None)}"
    return f"{min(s for s in sizes if s is not None):.1f}"


def above_footer(pdf: Path, name: str, lang: str) -> str:
    footer = f"{LABELS[lang]['version']} {variant(name, lang)['version']}"
    words = measure.words_above(pdf, footer)
    return f"{min(w.size for w in words):.1f}" if words else "-"


def row(pdf: Path, paper: Paper, name: str, lang: str) -> tuple[str, ...]:
    """The measures of one variant's PDF, as the table prints them."""
    names, deadlines = expected_texts(name, lang)
    fills = measure.page_fill(pdf)
    fills = fills[1:] if paper.artifact == "guide" and len(fills) > 1 else fills
    return (
        f"{name}-{lang}",
        paper.artifact,
        paper.name.removeprefix(f"{paper.artifact}-") if paper.artifact != "guide" else "A4",
        str(measure.page_count(pdf)),
        smallest(pdf, names),
        smallest(pdf, deadlines),
        above_footer(pdf, name, lang) if paper.artifact == "poster" else "-",
        f"{measure.body_size(pdf):.1f}",
        str(len(measure.text_outside_page(pdf))),
        str(len(measure.overlapping_words(pdf))),
        f"{min(fills):.2f}",
    )


def rows(root: Path, papers: list[Paper], jobs: int) -> list[tuple[str, ...]]:
    table = []
    for paper in papers:
        start = time.perf_counter()
        out, refused = build_project(root / paper.name, paper, jobs)
        print(f"built {paper.name} in {time.perf_counter() - start:.1f} s", file=sys.stderr)
        for name in NAMES:
            for lang in LANGUAGES:
                sid = standard_id(name, lang)
                if sid in refused:
                    table.append((f"{name}-{lang}", paper.artifact, paper.name, "refused"))
                    continue
                table.append(row(out / sid / f"{paper.artifact}.pdf", paper, name, lang))
    return table


def show(table: list[tuple[str, ...]], markdown: bool) -> str:
    if markdown:
        lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
        return "\n".join([*lines, *("| " + " | ".join(r) + " |" for r in table)])
    widths = [max(len(r[i]) for r in (HEADER, *table) if i < len(r)) for i in range(len(HEADER))]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(r, widths, strict=False)).rstrip()
        for r in (HEADER, *table)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    parser.add_argument("--only", choices=["memo", "guide", "poster"], help="one artifact")
    parser.add_argument("--keep", type=Path, help="build here (and keep it), not in a temp folder")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    args = parser.parse_args()
    papers = [p for p in PAPERS if args.only in (None, p.artifact)]
    with tempfile.TemporaryDirectory(prefix="memogen-layout-") as temp:
        root = args.keep or Path(temp)
        print(show(rows(root, papers, args.jobs), args.markdown))


if __name__ == "__main__":
    main()
