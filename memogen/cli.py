"""The command line: parse options, call the core, turn errors into exit codes.

Exit codes: 0 success, 1 the input is invalid (or the build failed on it), 2 usage
error (click's own), 3 internal error (a bug in memogen).
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from memogen import __version__
from memogen.errors import MemogenError, UserError

F = TypeVar("F", bound=Callable[..., Any])

config_option = click.option(
    "--config", "config_path", type=click.Path(path_type=Path, dir_okay=False), default=None,
    help="memogen.yaml to use (default: ./memogen.yaml); its folder is the repo.")
paths_argument = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))


def user_errors(command: F) -> F:
    """Print a user error as it is (exit 1) and a bug as a bug (exit 3); no tracebacks."""

    @wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except UserError as exc:
            click.echo(exc.describe(), err=True)
            sys.exit(1)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("interrupted; nothing was changed", err=True)
            sys.exit(130)
        except (MemogenError, Exception) as exc:
            click.echo(f"internal error: {exc.__class__.__name__}: {exc}\n"
                       "This is a bug in memogen, not in your files. Please report it with "
                       "the details below.\n" + traceback.format_exc(limit=-3), err=True)
            sys.exit(3)

    return run  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="memogen")
def main() -> None:
    """Turn internal service standards (YAML) into memos, guides, posters and emails."""


@main.command()
@paths_argument
@config_option
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text",
              show_default=True, help="How to report problems.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@user_errors
def validate(paths: tuple[Path, ...], config_path: Path | None, fmt: str, strict: bool) -> None:
    """Check standards (default: standards/); exit 0 if valid, 1 if not."""
    from memogen.pipeline import check
    from memogen.report import render_report

    _, checked, count = check(paths, config_path)
    click.echo(render_report(checked.issues, fmt, count), nl=False)
    sys.exit(1 if checked.errors or (strict and checked.warnings) else 0)


@main.command()
@user_errors
def schema() -> None:
    """Print the JSON Schema of a standard (for editors)."""
    from memogen.schema import schema_text

    click.echo(schema_text(), nl=False)


@main.command()
@click.argument("standard_id")
@click.option("--dir", "folder", type=click.Path(path_type=Path, file_okay=False),
              default=Path("standards"), show_default=True, help="Where to write it.")
@user_errors
def new(standard_id: str, folder: Path) -> None:
    """Write standards/ID.yaml from a commented template."""
    from memogen.scaffold import write_new_standard

    path = write_new_standard(standard_id, folder)
    click.echo(f"wrote {path}; fill it in, then run: memogen validate {path}")


def _csv(choices: tuple[str, ...]) -> Callable[[click.Context, click.Parameter, str | None],
                                            tuple[str, ...] | None]:
    def parse(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[str, ...] | None:
        if value is None:
            return None
        items = tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
        unknown = [v for v in items if v not in choices]
        if unknown or not items:
            raise click.BadParameter(f"use a comma-separated list of: {', '.join(choices)}")
        return items

    return parse


def _shard(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    k, _, n = value.partition("/")
    if not (k.isdigit() and n.isdigit() and 1 <= int(k) <= int(n)):
        raise click.BadParameter("write K/N with 1 <= K <= N, e.g. 2/4")
    return int(k), int(n)


output_option = click.option("-o", "--output", "out", type=click.Path(path_type=Path,
                             file_okay=False), default=Path("output"), show_default=True,
                             help="Output folder.")


@main.command()
@paths_argument
@config_option
@output_option
@click.option("--artifact", "artifacts", default=None, metavar="LIST",
              callback=_csv(("memo", "guide", "poster", "email")),
              help="memo,guide,poster,email (default: memogen.yaml's build.artifacts).")
@click.option("--format", "formats", default=None, metavar="LIST",
              callback=_csv(("html", "pdf", "md", "png", "eml", "txt")),
              help="html,pdf,md,png,eml,txt (default: memogen.yaml's build.formats).")
@click.option("-j", "--jobs", type=click.IntRange(1, 64), default=None,
              help="Worker processes (default: number of cores).")
@click.option("--strict", is_flag=True, help="Fail on any warning (validation or rendering).")
@click.option("--force", is_flag=True, help="Render everything, even what is up to date.")
@click.option("--shard", default=None, metavar="K/N", callback=_shard,
              help="Build only the K-th of N stable subsets (for a CI matrix); "
                   "then run `memogen index`.")
@user_errors
def build(paths: tuple[Path, ...], config_path: Path | None, out: Path,
          artifacts: tuple[str, ...] | None, formats: tuple[str, ...] | None, jobs: int | None,
          strict: bool, force: bool, shard: tuple[int, int] | None) -> None:
    """Validate everything, then write the documents into the output folder."""
    import os

    from memogen.pipeline import BuildOptions
    from memogen.pipeline import build as run_build

    options = BuildOptions(out, artifacts, formats, jobs or os.cpu_count() or 1, strict, force,
                           shard)
    result = run_build(paths, config_path, options, _progress())
    _print_outcome(result.issues, result.warnings)
    click.echo(f"wrote {len(result.rendered)} file(s) to {out}; "
               f"{len(result.skipped)} document(s) were up to date")


@main.command()
@paths_argument
@config_option
@output_option
@user_errors
def index(paths: tuple[Path, ...], config_path: Path | None, out: Path) -> None:
    """Write the catalogue (index.html) from what sharded builds left in the output folder."""
    from memogen.pipeline import write_index

    result = write_index(paths, config_path, out)
    _print_outcome(result.issues, [])
    click.echo(f"wrote the catalogue of {out}")


def _progress() -> Callable[[int, int], None] | None:
    """A one-line counter on a terminal; nothing in CI or when piped."""
    import os

    if not sys.stderr.isatty() or os.environ.get("CI"):
        return None

    def show(done: int, total: int) -> None:
        click.echo(f"\rrendering {done}/{total}", err=True, nl=done == total)

    return show


def _print_outcome(issues: list[Any], warnings: list[str]) -> None:
    for issue in issues:
        click.echo(issue.text(), err=True)
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)
