"""What memogen's commands share: their common options, the mapping of errors to exit codes,
and how a build speaks on the terminal."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from memogen.errors import MemogenError, UserError, on_one_line
from memogen.i18n import _, ngettext, use
from memogen.i18n.choice import language_of_config, standards_language
from memogen.outputs import REPORT_FORMATS, ReportFormat

if TYPE_CHECKING:
    from memogen.findings import FailOn, Findings

if TYPE_CHECKING:
    from memogen.build.plan import BuildResult

F = TypeVar("F", bound=Callable[..., Any])

config_option = click.option(
    "--config",
    "config_path",
    type=click.Path(path_type=Path, dir_okay=False),
    default=None,
    help="memogen.yaml to use (default: ./memogen.yaml); its folder is the repo.",
)
paths_argument = click.argument("paths", nargs=-1, type=click.Path(path_type=Path))


def user_errors(command: F) -> F:
    """Print a user error as it is (exit 1) and a bug as a bug (exit 3); no tracebacks."""

    @wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        use(language_of_config(kwargs.get("config_path") or Path("memogen.yaml")))
        try:
            return command(*args, **kwargs)
        except UserError as exc:
            click.echo(exc.describe(), err=True)
            sys.exit(1)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo(_("interrupted; nothing was changed"), err=True)
            sys.exit(130)
        except (MemogenError, Exception) as exc:
            click.echo(
                _(
                    "internal error: {kind}: {error}\nThis is a bug in memogen, not in your "
                    "files. Please report it with the details below.\n"
                ).format(kind=exc.__class__.__name__, error=exc)
                + traceback.format_exc(limit=-3),
                err=True,
            )
            sys.exit(3)

    return run  # type: ignore[return-value]


format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(REPORT_FORMATS),
    default="text",
    show_default=True,
    help="How to report problems; github also writes a table to $GITHUB_STEP_SUMMARY.",
)
fail_on_option = click.option(
    "--fail-on",
    type=click.Choice(["error", "warning", "never"]),
    default=None,
    help="Exit 1 on errors (the default), on warnings too, or never.",
)


def diff_options(command: F) -> F:
    """`memogen diff`'s options: the revision, the report, the gate and the notices."""
    options = [
        click.option("--base", metavar="REV", help="The git revision to compare with (HEAD)."),
        click.option("--format", "fmt", type=click.Choice(["text", "json", "md"]), default="text"),
        click.option(
            "--fail-on",
            type=click.Choice(["breaking", "notable", "never"]),
            default="never",
            show_default=True,
            help="Exit 1 when a change of this class (or a graver one) exists.",
        ),
        click.option(
            "--notice",
            type=click.Path(file_okay=False, path_type=Path),
            help="Write DIR/<id>/notice.{eml,html,txt} for the standards whose clients must know.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def csv_choice(
    choices: tuple[str, ...],
) -> Callable[[click.Context, click.Parameter, str | None], tuple[str, ...] | None]:
    def parse(
        ctx: click.Context, param: click.Parameter, value: str | None
    ) -> tuple[str, ...] | None:
        if value is None:
            return None
        items = tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
        unknown = [v for v in items if v not in choices]
        if unknown or not items:
            raise click.BadParameter(
                _("use a comma-separated list of: {choices}").format(choices=", ".join(choices))
            )
        return items

    return parse


def parse_shard(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> tuple[int, int] | None:
    if value is None:
        return None
    k, _slash, n = value.partition("/")
    # ASCII and short: int() refuses "²" (a digit to isdigit()) and over 4300 digits
    plain = all(part.isascii() and part.isdigit() and len(part) <= 9 for part in (k, n))
    if not (plain and 1 <= int(k) <= int(n)):
        raise click.BadParameter(_("write K/N with 1 <= K <= N, e.g. 2/4"))
    return int(k), int(n)


def filed_moment(ctx: click.Context, param: click.Parameter, value: str) -> datetime:
    """`--filed`: a moment in ISO form, refused in the same words as in memogen.yaml."""
    from pydantic_core import PydanticCustomError

    from memogen.data.times import parse_moment

    try:
        return parse_moment(value)
    except PydanticCustomError as exc:
        raise click.BadParameter(
            f"{exc.message()} ({(exc.context or {}).get('hint', '')})"
        ) from None


output_option = click.option(
    "-o",
    "--output",
    "out",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path("output"),
    show_default=True,
    help="Output folder.",
)


def say(line: str) -> None:
    click.echo(line, err=True)


def progress() -> Callable[[int, int], None] | None:
    """A one-line counter on a terminal; nothing in CI or when piped."""
    if not sys.stderr.isatty() or os.environ.get("CI"):
        return None

    def show(done: int, total: int) -> None:
        counter = _("rendering {done}/{total}").format(done=done, total=total)
        click.echo("\r" + counter, err=True, nl=done == total)

    return show


def print_outcome(issues: list[Any], warnings: list[str]) -> None:
    for issue in issues:
        click.echo(issue.text(), err=True)
    for warning in warnings:
        click.echo(f"warning: {on_one_line(warning)}", err=True)


def report_findings(findings: Findings, fmt: ReportFormat, fail_on: FailOn) -> int:
    """Print the report; append the GitHub job summary; the exit code `--fail-on` asks for."""
    from memogen.findings import failed
    from memogen.report import render
    from memogen.report.github import append_step_summary

    click.echo(render(findings, fmt, fail_on), nl=False)
    if fmt == "github":
        append_step_summary(findings, os.environ)
    return 1 if failed(findings.issues, fail_on) else 0


def report_build(result: BuildResult, out: Path) -> None:
    """What a build found, removed and kept; on stdout, how many files it wrote."""
    print_outcome(result.issues, result.warnings)
    for relative in result.removed:
        message = _("removed {path}: no standard or setting asks for it any more")
        say(message.format(path=out / relative))
    for relative in result.strays:
        say(_("kept {path}: memogen did not write it").format(path=out / relative))
    wrote = ngettext(
        "wrote {count} file(s) to {out}", "wrote {count} file(s) to {out}", len(result.rendered)
    )
    skipped = ngettext(
        "{count} document(s) were up to date",
        "{count} document(s) were up to date",
        len(result.skipped),
    )
    counts = (
        wrote.format(count=len(result.rendered), out=out),
        skipped.format(count=len(result.skipped)),
    )
    click.echo("; ".join(counts))


def template_language() -> str:
    """The language of `memogen new`'s template: memogen.yaml's `language`, else Russian."""
    return standards_language(Path("memogen.yaml"))
