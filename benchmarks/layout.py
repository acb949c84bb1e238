"""Warm WeasyPrint time per document kind: how cheap our templates are to lay out.

    python benchmarks/layout.py                  # the example standards, memogen.yaml
    python benchmarks/layout.py -v               # also one line per standard and kind
    python benchmarks/layout.py --config other/memogen.yaml --standards other/standards

For each memo, guide and poster of each standard: the HTML and its print stylesheet are
rendered once (context + templates, as the build does), then `render_pdf` is timed warm,
best of --repeat. Prints ms per kind as the median over the standards (and their min and max).

`render_pdf` keeps parsed style sheets by their text, so a repeated render skips CSS
parsing, as does a build whose documents share their CSS; `--fresh-css` empties that
cache before each timed render (what a build pays when every document's CSS differs).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from memogen.pipeline import check  # noqa: E402
from memogen.render.context import standard_context  # noqa: E402
from memogen.render.formats import pdf  # noqa: E402
from memogen.render.formats.pdf import render_pdf  # noqa: E402
from memogen.render.templating import render  # noqa: E402
from memogen.render.worker import _environment  # noqa: E402

KINDS = ("memo", "guide", "poster")


def best_of(html: str, print_css: str, repeat: int, fresh_css: bool = False) -> tuple[float, int]:
    """The fastest of `repeat` warm renders, in ms, and the page count."""
    pages = render_pdf(html, print_css).pages  # warm: fonts, stylesheets, caches
    stylesheets = getattr(pdf, "_stylesheet", None)  # render_pdf's cache of parsed CSS, if any
    times = []
    for _ in range(repeat):
        if fresh_css and hasattr(stylesheets, "cache_clear"):
            stylesheets.cache_clear()
        start = time.perf_counter()
        render_pdf(html, print_css)
        times.append(time.perf_counter() - start)
    return min(times) * 1000, pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", type=Path, default=REPO / "memogen.yaml")
    parser.add_argument(
        "--standards",
        type=Path,
        default=None,
        help="folder of standards (default: standards/ beside the config)",
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--kind", action="append", choices=KINDS, help="only these kinds (repeatable)"
    )
    parser.add_argument(
        "--fresh-css", action="store_true", help="parse the CSS again for every timed render"
    )
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()

    folder = args.standards or args.config.resolve().parent / "standards"
    project, checked, _ = check([folder], args.config)
    env = _environment(project.root / "templates")
    render_pdf("<html><p style='font-family: DejaVu Sans'>warm</p></html>")

    results: dict[str, list[float]] = {kind: [] for kind in args.kind or KINDS}
    for standard in checked.standards:
        context = standard_context(standard, project.config)
        for kind in results:
            html = render(env, f"{kind}.html.j2", context)
            print_css = render(env, f"{kind}.print.css", context)
            ms, pages = best_of(html, print_css, args.repeat, args.fresh_css)
            results[kind].append(ms)
            if args.verbose:
                print(f"  {standard.id:28} {kind:7} {ms:7.1f} ms  {pages} page(s)", flush=True)

    css = "CSS parsed every time" if args.fresh_css else "parsed CSS reused"
    print(f"warm render_pdf, best of {args.repeat}, {len(checked.standards)} standard(s), {css}")
    for kind, values in results.items():
        print(
            f"{kind:7} {statistics.median(values):7.1f} ms median"
            f"   (min {min(values):.1f}, max {max(values):.1f})"
        )


if __name__ == "__main__":
    main()
