"""memogen's speed and memory, every figure of issue 5 in one run.

    python benchmarks/run.py            # 50 standards for the build figures, 200 for rebuilds
    python benchmarks/run.py --quick    # smaller corpora, for a smoke run

Prints one line per figure and, with --markdown FILE, writes them as a table.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import hostile_yaml  # noqa: E402
from corpus import make_corpus  # noqa: E402

from memogen.pipeline import BuildOptions, build, check  # noqa: E402
from memogen.render.formats import pdf as pdf_format  # noqa: E402

ROWS: list[tuple[str, str, str]] = []


def report(figure: str, value: str, target: str = "") -> None:
    ROWS.append((figure, value, target))
    print(f"{figure:58} {value:>22}  {target}", flush=True)


def timed(function, *args, **kwargs) -> float:
    start = time.perf_counter()
    function(*args, **kwargs)
    return time.perf_counter() - start


def full_build(folder: Path, out: Path, jobs: int, **options) -> float:
    return timed(
        build,
        [folder / "standards"],
        folder / "memogen.yaml",
        BuildOptions(out=out, jobs=jobs, force=True, **options),
    )


def build_figures(folder: Path, tmp: Path, count: int) -> None:
    full_build(folder, tmp / "warm", jobs=1)  # the page cache warm
    timings = tmp / "weasyprint-seconds.txt"  # renders run in a forked worker: it appends here
    original = pdf_format.render_pdf

    def measured(html: str, print_css: str = "") -> pdf_format.Pdf:
        start = time.perf_counter()
        try:
            return original(html, print_css)
        finally:
            with timings.open("a") as file:
                file.write(f"{time.perf_counter() - start}\n")

    pdf_format.render_pdf = measured
    try:
        one = full_build(folder, tmp / "j1", jobs=1)
    finally:
        pdf_format.render_pdf = original
    two = full_build(folder, tmp / "j2", jobs=2)
    report(f"full build, {count} standards, -j 1", f"{one / count:.3f} s/standard")
    spent = sum(float(line) for line in timings.read_text().split())
    report("share of -j 1 spent inside WeasyPrint", f"{spent / one:.0%}")
    report(f"full build, {count} standards, -j 2", f"{two / count:.3f} s/standard")
    report("speed-up of -j 2 over -j 1", f"{one / two:.2f}x", "target >= 1.8x")
    sizes = {
        kind: [p.stat().st_size / 1024 for p in (tmp / "j2").glob(f"*/{kind}.pdf")]
        for kind in ("memo", "guide", "poster")
    }
    for kind, values in sizes.items():
        report(f"{kind}.pdf size (median)", f"{statistics.median(values):.0f} KiB")
    png = [p.stat().st_size / 1024 for p in (tmp / "j2").glob("*/poster.png")]
    report("poster.png size (median)", f"{statistics.median(png):.0f} KiB")


def memo_overhead(folder: Path) -> None:
    """memogen's whole memo (context + template + PDF) against raw warm WeasyPrint, same HTML."""
    import weasyprint

    from memogen.render.context import standard_context
    from memogen.render.templating import render
    from memogen.render.worker import _environment

    project, checked, _ = check([folder / "standards"], folder / "memogen.yaml")
    standards = checked.standards[:20]
    env = _environment(project.root / "templates")
    fonts = pdf_format._fonts()
    contexts = [standard_context(s, project.config) for s in standards]
    pages = [(render(env, "memo.html.j2", c), render(env, "memo.print.css", c)) for c in contexts]

    def ours() -> None:
        for standard in standards:
            context = standard_context(standard, project.config)
            html = render(env, "memo.html.j2", context)
            pdf_format.render_pdf(html, render(env, "memo.print.css", context))

    def raw() -> None:
        for html, print_css in pages:
            weasyprint.HTML(string=html).write_pdf(
                stylesheets=[weasyprint.CSS(string=print_css, font_config=fonts)],
                font_config=fonts,
                **pdf_format.PDF_OPTIONS,
            )

    ours(), raw()
    memogen_s = min(timed(ours) for _ in range(3)) / len(standards)
    raw_s = min(timed(raw) for _ in range(3)) / len(standards)
    report("memo: memogen (context+template+PDF)", f"{memogen_s * 1000:.0f} ms")
    report("memo: raw warm WeasyPrint, same HTML", f"{raw_s * 1000:.0f} ms")
    report("memo: memogen / raw WeasyPrint", f"{memogen_s / raw_s:.2f}x", "target <= 1.10x")
    for kind in ("guide", "poster"):
        context = standard_context(standards[0], project.config)
        html, print_css = (
            render(env, f"{kind}.html.j2", context),
            render(env, f"{kind}.print.css", context),
        )
        pdf_format.render_pdf(html, print_css)
        seconds = min(timed(pdf_format.render_pdf, html, print_css) for _ in range(5))
        report(f"{kind}: one warm render", f"{seconds * 1000:.0f} ms")


def rebuild_figures(folder: Path, tmp: Path, count: int) -> None:
    out = tmp / "incremental"
    full = full_build(folder, out, jobs=2)
    noop = timed(
        build, [folder / "standards"], folder / "memogen.yaml", BuildOptions(out=out, jobs=2)
    )
    report(f"full build of {count} standards, -j 2", f"{full:.1f} s")
    report("no-op rebuild / full build", f"{noop / full:.2%}", "target <= 2%")
    edited = folder / "standards" / sorted(p.name for p in (folder / "standards").iterdir())[7]
    text = edited.read_text("utf-8")
    edited.write_text(text.replace("title: ", "title: Изменено — ", 1), "utf-8")
    one = timed(
        build, [folder / "standards"], folder / "memogen.yaml", BuildOptions(out=out, jobs=2)
    )
    alone_folder = tmp / "alone"
    (alone_folder / "standards").mkdir(parents=True)
    (alone_folder / "memogen.yaml").write_bytes((folder / "memogen.yaml").read_bytes())
    (alone_folder / "standards" / edited.name).write_text(edited.read_text("utf-8"), "utf-8")
    alone = full_build(alone_folder, tmp / "alone-out", jobs=2)
    report("one edited standard in the corpus, rebuild", f"{one:.2f} s")
    report("the same standard built alone", f"{alone:.2f} s")
    report("edited-in-corpus / alone", f"{one / alone:.2f}x", "target <= 1.5x")


def validate_figures(folder: Path) -> None:
    import yaml

    files = sorted((folder / "standards").glob("*.yaml"))

    def parse() -> None:
        for path in files:
            with path.open("rb") as handle:
                yaml.load(handle, Loader=yaml.CSafeLoader)

    baseline = min(timed(parse) for _ in range(3))
    ours = min(timed(check, [folder / "standards"], folder / "memogen.yaml") for _ in range(3))
    report(f"validate {len(files)} standards", f"{ours:.2f} s")
    report(f"CSafeLoader parse of the same {len(files)}", f"{baseline:.2f} s")
    report("validate / CSafeLoader", f"{ours / baseline:.2f}x", "target <= 3x")


def hostile_yaml_figures() -> None:
    """The loader's bounds in time and memory (the tests check the refusals themselves)."""
    for row in hostile_yaml.figures():
        report(*row)


def startup_figures(folder: Path) -> None:
    one = sorted((folder / "standards").glob("*.yaml"))[0]
    commands = {
        "python -c 'import yaml'": [sys.executable, "-c", "import yaml"],
        "memogen --help": [sys.executable, "-m", "memogen", "--help"],
        "memogen validate (one standard)": [
            sys.executable,
            "-m",
            "memogen",
            "validate",
            "--config",
            str(folder / "memogen.yaml"),
            str(one),
        ],
    }
    seconds = {}
    for name, command in commands.items():
        runs = []
        for _ in range(7):
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, cwd=REPO)
            runs.append(time.perf_counter() - start)
        seconds[name] = statistics.median(runs)
    base = seconds["python -c 'import yaml'"]
    for name, value in seconds.items():
        report(
            f"start-up: {name}",
            f"{value:.3f} s = {value / base:.2f}x import yaml",
            {
                "memogen --help": "target <= 0.15 s",
                "memogen validate (one standard)": "target <= 0.3 s",
            }.get(name, ""),
        )
    probe = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, memogen.cli, memogen.pipeline;"
            "from memogen.pipeline import check;"
            "print('weasyprint' in sys.modules)",
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
    )
    report("WeasyPrint imported by --help/validate", probe.stdout.strip(), "target False")


def worker_memory(folder: Path, renders: int) -> None:
    """A fresh process renders `renders` memos like a worker; RSS at start, end, and peak."""
    out = subprocess.run(
        [sys.executable, __file__, "--worker-child", str(renders), str(folder / "memogen.yaml")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    start, end, peak = map(float, out)
    report(
        f"worker RSS growth over {renders} memo renders",
        f"{end - start:+.1f} MiB",
        "target <= 5 MiB",
    )
    report("worker peak RSS", f"{peak:.0f} MiB", "target <= 150 MiB")


def worker_child(renders: int, config: Path) -> None:
    import resource

    from memogen.render.context import standard_context
    from memogen.render.templating import render
    from memogen.render.worker import _environment, warm_up

    def rss() -> float:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * resource.getpagesize() / 2**20

    project, checked, _ = check([], config)
    env = _environment(project.root / "templates")
    pdf_format.limit_worker()  # as in a real worker
    warm_up()
    standards = checked.standards

    def memo(i: int) -> None:
        standard = standards[i % len(standards)]
        context = standard_context(standard, project.config)
        html = render(env, "memo.html.j2", context)
        pdf_format.render_pdf(html, render(env, "memo.print.css", context))

    for i in range(50):
        memo(i)
    start = rss()
    for i in range(renders):
        memo(i)
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across exec.
    status = Path("/proc/self/status").read_text().splitlines()
    peak_kib = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    print(start, rss(), peak_kib / 1024)


def machine() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import weasyprint

    return (
        f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}, "
        f"WeasyPrint {weasyprint.__version__}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small corpora (smoke run)")
    parser.add_argument("--markdown", type=Path, help="also write the table to this file")
    parser.add_argument("--worker-child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker_child:
        worker_child(int(args.worker_child[0]), Path(args.worker_child[1]))
        return
    build_count, rebuild_count, validate_count, renders = (
        (10, 20, 200, 100) if args.quick else (50, 200, 1000, 1000)
    )
    print(machine())
    with tempfile.TemporaryDirectory() as temporary:
        tmp = Path(temporary)
        startup_figures(make_corpus(tmp / "c1", 5))
        hostile_yaml_figures()
        validate_figures(make_corpus(tmp / "c1000", validate_count))
        build_figures(make_corpus(tmp / "c50", build_count), tmp, build_count)
        memo_overhead(tmp / "c50")
        worker_memory(tmp / "c50", renders)
        rebuild_figures(make_corpus(tmp / "c200", rebuild_count), tmp, rebuild_count)
    if args.markdown:
        lines = [f"Machine: {machine()}", "", "| figure | measured | target |", "|---|---|---|"]
        lines += [f"| {a} | {b} | {c} |" for a, b, c in ROWS]
        args.markdown.write_text("\n".join(lines) + "\n", "utf-8")


if __name__ == "__main__":
    main()
