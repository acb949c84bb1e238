"""Issues print like a compiler's messages, always on one line; a UserError carries them all."""

from __future__ import annotations

import os
import signal
import threading

import pytest

from memogen.errors import Issue, UserError, on_one_line, sigterm_as_ctrl_c


def test_an_issue_prints_file_line_column_severity_path_message_and_hint() -> None:
    issue = Issue("standards/x.yaml", 12, 5, "stages.2.deadline", "'soon' is wrong", "write 3 days")
    assert issue.text() == (
        "standards/x.yaml:12:5: error: stages.2.deadline: 'soon' is wrong (write 3 days)"
    )


def test_an_issue_without_path_or_hint_prints_neither() -> None:
    assert Issue("memogen.yaml", 1, 1, message="empty", severity="warning").text() == (
        "memogen.yaml:1:1: warning: empty"
    )


def test_an_issue_is_always_one_line_whatever_its_values_hold() -> None:
    issue = Issue("a\nb.yaml", 1, 1, "k\u2028ey", "line\r\nbreak")
    assert issue.text() == "a\\nb.yaml:1:1: error: k\\u2028ey: line\\r\\nbreak"
    assert on_one_line("x\x85y\x0bz") == "x\\x85y\\x0bz"


def test_a_file_named_like_a_workflow_command_cannot_start_the_line() -> None:
    assert Issue("::error::x", 1, 1, message="m").text() == "./::error::x:1:1: error: m"


def test_a_user_error_sorts_its_issues_by_file_and_place() -> None:
    late = Issue("b.yaml", 1, 1, message="second file")
    early = Issue("a.yaml", 9, 1, message="later line")
    earliest = Issue("a.yaml", 2, 7, message="earlier line")
    error = UserError([late, early, earliest])
    assert error.issues == [earliest, early, late]
    assert str(error) == (
        "a.yaml:2:7: error: earlier line\na.yaml:9:1: error: later line\n"
        "b.yaml:1:1: error: second file"
    )


def test_a_user_error_of_one_sentence_has_no_issues() -> None:
    error = UserError("no standards found in standards/")
    assert (error.issues, error.summary, str(error)) == (
        [],
        "no standards found in standards/",
        "no standards found in standards/",
    )


def test_sigterm_is_ctrl_c_inside_and_the_old_handler_comes_back() -> None:
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(KeyboardInterrupt), sigterm_as_ctrl_c():
        os.kill(os.getpid(), signal.SIGTERM)
    assert signal.getsignal(signal.SIGTERM) == before


def test_sigterm_as_ctrl_c_leaves_signals_alone_off_the_main_thread() -> None:
    seen: list[object] = []

    def run() -> None:
        with sigterm_as_ctrl_c():  # signal.signal() would raise ValueError here
            seen.append(signal.getsignal(signal.SIGTERM))

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert seen == [signal.getsignal(signal.SIGTERM)]


def test_a_forked_worker_that_gets_sigterm_before_its_start_dies_of_it_quietly() -> None:
    """A render worker inherits the build's handler until it sets its own: a SIGTERM then
    must end it as SIGTERM does, not raise Ctrl-C's traceback into the build's stderr."""
    with sigterm_as_ctrl_c():
        child = os.fork()
        if child == 0:  # the worker, before its start-up resets the handler
            try:
                os.kill(os.getpid(), signal.SIGTERM)
                signal.pause()
            except KeyboardInterrupt:
                os._exit(3)
            os._exit(0)
        _, status = os.waitpid(child, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGTERM
