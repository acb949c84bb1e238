"""Unit tests for memogen.cli_support: exit codes, the option parsers and the terminal lines."""

from __future__ import annotations

import io

import click
import pytest

from memogen import cli_support
from memogen.cli_support import csv_choice, parse_shard, print_outcome, progress, user_errors
from memogen.errors import Issue, UserError


def exit_of(error: BaseException, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """The exit code and stderr of a command that raises `error`."""

    @user_errors
    def command() -> None:
        raise error

    with pytest.raises(SystemExit) as exited:
        command()
    return int(str(exited.value.code)), capsys.readouterr().err


def test_a_command_that_succeeds_returns_what_it_returns() -> None:
    assert user_errors(lambda x: x * 2)(21) == 42


def test_a_user_error_is_printed_as_it_is_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    error = UserError([Issue("s.yaml", 2, 3, "title", "this value is empty", "write the text")])
    assert exit_of(error, capsys) == (
        1,
        "s.yaml:2:3: error: title: this value is empty (write the text)\n",
    )


def test_ctrl_c_says_nothing_was_changed_and_exits_130(capsys: pytest.CaptureFixture[str]) -> None:
    assert exit_of(KeyboardInterrupt(), capsys) == (130, "interrupted; nothing was changed\n")


def test_a_bug_is_reported_as_memogens_and_exits_3(capsys: pytest.CaptureFixture[str]) -> None:
    code, err = exit_of(ValueError("кривой ключ"), capsys)
    assert code == 3
    assert err.startswith(
        "internal error: ValueError: кривой ключ\n"
        "This is a bug in memogen, not in your files. Please report it with the details below.\n"
    )


def test_clicks_own_exits_pass_through_untouched() -> None:
    @user_errors
    def command() -> None:
        raise click.BadParameter("no")

    with pytest.raises(click.BadParameter):
        command()


def test_a_comma_separated_choice_is_trimmed_and_said_once_in_the_order_given() -> None:
    parse = csv_choice(("memo", "guide", "poster"))
    assert parse(
        click.Context(click.Command("x")), click.Option(["--a"]), " poster,memo,,poster "
    ) == (
        "poster",
        "memo",
    )
    assert parse(click.Context(click.Command("x")), click.Option(["--a"]), None) is None


@pytest.mark.parametrize("value", ["memo,posters", ",", ""])
def test_an_unknown_or_empty_choice_lists_the_choices(value: str) -> None:
    parse = csv_choice(("memo", "guide"))
    with pytest.raises(click.BadParameter) as raised:
        parse(click.Context(click.Command("x")), click.Option(["--a"]), value)
    assert raised.value.message == "use a comma-separated list of: memo, guide"


def test_a_shard_is_k_of_n() -> None:
    context, option = click.Context(click.Command("x")), click.Option(["--shard"])
    assert parse_shard(context, option, "2/4") == (2, 4)
    assert parse_shard(context, option, "4/4") == (4, 4)
    assert parse_shard(context, option, None) is None


@pytest.mark.parametrize("value", ["0/4", "5/4", "2", "a/b", "-1/4", "2/4/8", " 2/4"])
def test_a_shard_outside_1_to_n_is_refused_with_an_example(value: str) -> None:
    with pytest.raises(click.BadParameter) as raised:
        parse_shard(click.Context(click.Command("x")), click.Option(["--shard"]), value)
    assert raised.value.message == "write K/N with 1 <= K <= N, e.g. 2/4"


@pytest.mark.parametrize("value", ["²/4", "1/٤", "1/" + "9" * 5000])
def test_a_shard_of_digits_int_refuses_is_refused_like_any_other_not_a_traceback(
    value: str,
) -> None:
    """'²' is a digit to str.isdigit() and 5000 digits are too many for int(): both
    reached the user as a ValueError traceback."""
    with pytest.raises(click.BadParameter) as raised:
        parse_shard(click.Context(click.Command("x")), click.Option(["--shard"]), value)
    assert raised.value.message == "write K/N with 1 <= K <= N, e.g. 2/4"


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_counts_on_one_line_of_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = Terminal()
    monkeypatch.setattr(cli_support.sys, "stderr", terminal)
    monkeypatch.delenv("CI", raising=False)
    show = progress()
    assert show is not None
    show(1, 2)
    show(2, 2)
    assert terminal.getvalue() == "\rrendering 1/2\rrendering 2/2\n"


def test_no_progress_in_ci_or_when_piped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_support.sys, "stderr", io.StringIO())
    monkeypatch.delenv("CI", raising=False)
    assert progress() is None
    monkeypatch.setattr(cli_support.sys, "stderr", Terminal())
    monkeypatch.setenv("CI", "true")
    assert progress() is None


def test_the_outcome_prints_the_issues_then_each_warning_on_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    issue = Issue("s.yaml", 1, 1, "", "bad", severity="warning")
    print_outcome([issue], ["the poster overflows\nits page"])
    assert capsys.readouterr().err == (
        "s.yaml:1:1: warning: bad\nwarning: the poster overflows\\nits page\n"
    )
