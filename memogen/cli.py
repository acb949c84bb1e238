"""The command line: parse options, call the core, turn errors into exit codes.

Exit codes: 0 success, 1 the input is invalid (or the build failed on it), 2 usage
error (click's own), 3 internal error (a bug in memogen).
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from memogen import __version__
from memogen.cli_support import (
    config_option,
    csv_choice,
    diff_options,
    fail_on_option,
    filed_moment,
    format_option,
    output_option,
    parse_shard,
    paths_argument,
    print_outcome,
    progress,
    report_build,
    report_findings,
    say,
    template_language,
    user_errors,
)
from memogen.errors import sigterm_as_ctrl_c
from memogen.i18n import _, ngettext, use
from memogen.i18n.choice import language_of_config
from memogen.outputs import ARTIFACT_NAMES, FORMATS, ReportFormat

# Each command imports the core it needs when it runs: `memogen --help` and `memogen new` skip
# pydantic and the models (0.35 s by `python -X importtime -c 'import memogen.project'`).
if TYPE_CHECKING:
    from memogen.findings import FailOn


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="memogen")
def main() -> None:
    """Turn internal service standards (YAML) into memos, guides, posters and emails."""
    use(language_of_config(Path("memogen.yaml")))  # for the options' own errors; --config later


@main.command()
@paths_argument
@config_option
@format_option
@fail_on_option
@click.option("--strict", is_flag=True, help="Treat warnings as errors (= --fail-on warning).")
@user_errors
def validate(
    paths: tuple[Path, ...],
    config_path: Path | None,
    fmt: ReportFormat,
    fail_on: FailOn | None,
    strict: bool,
) -> None:
    """Check standards (default: standards/); exit 0 if valid, 1 if not."""
    from memogen.findings import validation

    if strict and fail_on not in (None, "warning"):
        raise click.UsageError(_("--strict means --fail-on warning; give only one of them"))
    findings = validation(paths, config_path)[2]
    sys.exit(report_findings(findings, fmt, "warning" if strict else fail_on or "error"))


@main.command()
@paths_argument
@config_option
@format_option
@fail_on_option
@click.option(
    "--write-baseline",
    is_flag=True,
    help="Accept every current finding: record it in the baseline file.",
)
@click.option("--no-baseline", is_flag=True, help="Show the findings the baseline accepts too.")
@click.option("--base", metavar="REV", help="Compare with git revision REV too (MG109).")
@user_errors
def lint(
    paths: tuple[Path, ...],
    config_path: Path | None,
    fmt: ReportFormat,
    fail_on: FailOn | None,
    write_baseline: bool,
    no_baseline: bool,
    base: str | None,
) -> None:
    """Check standards against the rules for good standards (docs/lint-rules.md)."""
    from memogen.lint import engine as linter

    if write_baseline:
        baseline, count, findings = linter.record_baseline(paths, config_path)
        if baseline is not None:
            accepted = ngettext(
                "accepted {count} finding(s) in {baseline}",
                "accepted {count} finding(s) in {baseline}",
                count,
            )
            click.echo(accepted.format(count=count, baseline=baseline), err=True)
    else:
        findings = linter.lint(paths, config_path, use_baseline=not no_baseline, base=base)
    sys.exit(report_findings(findings, fmt, fail_on or "error"))


@main.command()
@config_option
@user_errors
def doctor(config_path: Path | None) -> None:
    """Check WeasyPrint, Pango and the brand font; say how to fix what is missing."""
    from memogen.doctor import diagnose

    results = diagnose(config_path)
    for result in results:
        click.echo(result.line())
    sys.exit(0 if all(result.ok for result in results) else 1)


@main.command()
@user_errors
def schema() -> None:
    """Print the JSON Schema of a standard (for editors)."""
    from memogen.data.schema import schema_text

    click.echo(schema_text(), nl=False)


@main.command()
@click.argument("standard_id")
@click.option(
    "--dir",
    "folder",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("standards"),
    show_default=True,
    help="Where to write it.",
)
@click.option("--lang", type=click.Choice(["ru", "en"]), help="Default: memogen.yaml's language.")
@user_errors
def new(standard_id: str, folder: Path, lang: str | None) -> None:
    """Write standards/ID.yaml from a commented template."""
    from memogen.data.scaffold import write_new_standard

    path = write_new_standard(standard_id, folder, lang or template_language())
    click.echo(_("wrote {path}; fill it in, then run: memogen validate {path}").format(path=path))


@main.command()
@paths_argument
@config_option
@output_option
@click.option(
    "--artifact",
    "artifacts",
    default=None,
    metavar="LIST",
    callback=csv_choice(ARTIFACT_NAMES),
    help=f"{','.join(ARTIFACT_NAMES)} (default: memogen.yaml's build.artifacts).",
)
@click.option(
    "--format",
    "formats",
    default=None,
    metavar="LIST",
    callback=csv_choice(FORMATS),
    help=f"{','.join(FORMATS)} (default: memogen.yaml's build.formats).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 64),
    default=None,
    help="Worker processes (default: number of cores).",
)
@click.option("--strict", is_flag=True, help="Fail on any warning (validation or rendering).")
@click.option("--force", is_flag=True, help="Render everything, even what is up to date.")
@click.option(
    "--shard",
    default=None,
    metavar="K/N",
    callback=parse_shard,
    help="Build only the K-th of N stable subsets (for a CI matrix); then run `memogen index`.",
)
@user_errors
def build(
    paths: tuple[Path, ...],
    config_path: Path | None,
    out: Path,
    artifacts: tuple[str, ...] | None,
    formats: tuple[str, ...] | None,
    jobs: int | None,
    strict: bool,
    force: bool,
    shard: tuple[int, int] | None,
) -> None:
    """Validate everything, then write the documents into the output folder."""
    from memogen.pipeline import BuildOptions
    from memogen.pipeline import build as run_build

    options = BuildOptions(
        out, artifacts, formats, jobs or os.cpu_count() or 1, strict, force, shard
    )
    with sigterm_as_ctrl_c():
        result = run_build(paths, config_path, options, progress(), say=say)
    report_build(result, out)


@main.command()
@click.argument("standard_id")
@click.option(
    "--filed",
    required=True,
    metavar="'YYYY-MM-DD HH:MM'",
    callback=filed_moment,
    help="When the request is filed (memogen.yaml's calendar.timezone unless an offset is given).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text for people, in the standard's language; json for programs.",
)
@config_option
@user_errors
def due(standard_id: str, filed: datetime, fmt: str, config_path: Path | None) -> None:
    """Say when a request filed then is acknowledged, each stage due and the result ready."""
    from memogen import due as deadlines
    from memogen.project import open_project

    standard, schedule, warnings = deadlines.due(open_project(config_path), standard_id, filed)
    print_outcome(warnings, [])
    render = deadlines.as_json if fmt == "json" else deadlines.as_text
    click.echo(render(standard, schedule), nl=False)


@main.command()
@paths_argument
@config_option
@diff_options
@user_errors
def diff(paths: tuple[Path, ...], config_path: Path | None, **options: Any) -> None:
    """Classify what changed since git revision --base (HEAD), or from OLD.yaml to NEW.yaml."""
    from memogen.diff.command import run_diff

    report, code = run_diff(paths, config_path, **options)
    click.echo(report, nl=False)
    sys.exit(code)


@main.command()
@paths_argument
@config_option
@output_option
@user_errors
def index(paths: tuple[Path, ...], config_path: Path | None, out: Path) -> None:
    """Write the catalogue (index.html) from what sharded builds left in the output folder."""
    from memogen.pipeline import write_index

    with sigterm_as_ctrl_c():
        result = write_index(paths, config_path, out, say=say)
    print_outcome(result.issues, result.warnings)  # scores.pdf's, when it was laid out
    click.echo(_("wrote the catalogue of {out}").format(out=out))


@main.command()
@paths_argument
@config_option
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port to listen on (0: any free port).",
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; the default lets only this computer in.",
)
@user_errors
def serve(paths: tuple[Path, ...], config_path: Path | None, port: int, host: str) -> None:
    """Preview the documents in a browser; each save rebuilds them and reloads the page."""
    from memogen.serve.server import serve as run_server

    run_server(paths, config_path, host, port, lambda line: click.echo(line, err=True))
