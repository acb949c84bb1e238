"""What the measured fitting costs: per document, the fitting (every layout it takes, then
the PDF written) against one render of the same document at the sizes it chose (one layout,
then the PDF written), both warm, best of `--repeat`.

    python benchmarks/fitting.py [PATHS...] [--repeat 3]

Prints one row per standard and artifact (layouts taken, seconds, ratio) and the totals.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from jinja2 import Environment

from memogen import pipeline
from memogen.data.config_model import Config
from memogen.data.models import Standard
from memogen.outputs import BY_NAME
from memogen.render import fitting
from memogen.render.context import standard_context
from memogen.render.formats import pdf
from memogen.render.plans import plan_for
from memogen.render.templating import make_environment, render

ARTIFACTS = ("memo", "guide", "poster")


def best(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def measured(
    env: Environment,
    config: Config,
    standard: Standard,
    context: dict[str, object],
    artifact: str,
    repeat: int,
) -> tuple[int, float, float]:
    """Layouts the fitting takes, its best time, and the best time of one render at its sizes."""
    plan = plan_for(BY_NAME[artifact], config, standard)

    def make(values: fitting.Values) -> tuple[str, str]:
        fitted_context = {**context, "fit": values}
        return (
            render(env, f"{artifact}.html.j2", fitted_context),
            render(env, f"{artifact}.print.css", fitted_context),
        )

    chosen = fitting.fit(make, plan)  # warm: fonts, stylesheets, templates
    whole = best(repeat, lambda: pdf.write_pdf(fitting.fit(make, plan).laid))
    html, css = make(chosen.values)
    once = best(repeat, lambda: pdf.render_pdf(html, css))
    return chosen.layouts, whole, once


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="*", type=Path, default=[Path("standards")])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    project, checked, _ = pipeline.check(args.paths, None)
    env = make_environment(project.root / "templates")
    pdf.render_pdf("<p style='font-family: DejaVu Sans'>warm</p>")
    totals = [0.0, 0.0, 0]
    print(f"{'standard':24} {'artifact':8} layouts  fitted    one render  ratio")
    for standard in checked.standards:
        context = standard_context(standard, project.config)
        for artifact in ARTIFACTS:
            layouts, whole, once = measured(
                env, project.config, standard, context, artifact, args.repeat
            )
            totals[0] += whole
            totals[1] += once
            totals[2] += layouts
            print(
                f"{standard.id:24} {artifact:8} {layouts:7}  {whole:6.3f} s  "
                f"{once:6.3f} s  {whole / once:5.2f}x"
            )
    rows = len(checked.standards) * len(ARTIFACTS)
    print(
        f"{'all':24} {'':8} {totals[2] / rows:7.2f}  {totals[0]:6.3f} s  "
        f"{totals[1]:6.3f} s  {totals[0] / totals[1]:5.2f}x"
    )


if __name__ == "__main__":
    main()
