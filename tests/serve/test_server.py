"""`memogen serve`: the live preview, driven from the outside like a process owner would.

The server runs as `python -m memogen serve --port 0` in a copy of two example
standards; the browser tests drive headless Debian chromium through Playwright.
Tests wait for events (Playwright's `expect`, a line of output, a condition polled by
`wait_for`) under a deadline so generous that only a broken server misses it: nothing here
measures time, and the tests pass on a machine whose cores are all busy.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner

from memogen import project
from memogen.cli import main
from memogen.data import validate
from memogen.serve.livebuild import LiveBuild
from memogen.serve.news import News
from memogen.serve.watch import Targets
from tests.examples_kit import copy_settings

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

    AxeCheck = Callable[[Page], list[str]]  # the `axe_violations` fixture of conftest.py

REPO_ROOT = Path(__file__).resolve().parents[2]

EXAMPLES = ("hr-certificate", "contract-review")  # one in Russian, one in English
STANDARD = "standards/hr-certificate.yaml"
TITLE = "Справки с места работы и копии трудовых документов"
PATIENCE = 120.0  # seconds: a deadline for a failure, never a measurement of speed


def wait_for(condition: Callable[[], Any], what: str, timeout: float = PATIENCE) -> Any:
    """Poll `condition` until it is truthy; fail naming `what` only after `timeout` s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"still waiting for {what} after {timeout} s")


@pytest.fixture(scope="module")
def patient_expect() -> Iterator[None]:
    """Playwright's `expect` waits up to 5 s by default: too little on a loaded machine."""
    from playwright.sync_api import expect

    expect.set_options(timeout=PATIENCE * 1000)
    yield
    expect.set_options(timeout=None)


class Server:
    """`memogen serve --port 0` in `repo`; everything it prints is kept in `lines`."""

    def __init__(self, repo: Path) -> None:
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(
                filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])
            ),
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "memogen", "serve", "--port", "0"],
            cwd=repo,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        try:
            found = wait_for(self._url, "the server to say its address")
        except BaseException:
            self.process.kill()
            self.process.wait()
            raise
        self.url = found.rstrip("/")
        parts = urlsplit(self.url)
        self.host, self.port = parts.hostname or "", parts.port or 0

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line)

    def _url(self) -> str | None:
        if self.process.poll() is not None:
            raise AssertionError("memogen serve exited:\n" + "".join(self.lines))
        for line in self.lines:
            if match := re.search(r"serving the preview at (http://\S+)", line):
                return match.group(1)
        return None

    def get(
        self, path: str, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        """One request with the path sent exactly as given (no client-side clean-up)."""
        connection = http.client.HTTPConnection(self.host, self.port, timeout=PATIENCE)
        try:
            connection.request("GET", path, headers=headers or {})
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def status(self) -> dict[str, Any]:
        return json.loads(self.get("/__memogen/status")[2])  # type: ignore[no-any-return]

    def settled(self) -> bool:
        """Nothing being built or due, and the last build went through."""
        status = self.status()
        return not status["busy"] and not status["problems"]

    def stop(self) -> tuple[int, str]:
        """Ctrl-C, as a person stops it; the exit code and everything it printed."""
        self.process.send_signal(signal.SIGINT)
        try:
            code = self.process.wait(timeout=PATIENCE)
        except subprocess.TimeoutExpired:
            self.process.kill()  # leave no server behind, then fail
            self.process.wait()
            raise
        self.reader.join(timeout=PATIENCE)
        assert self.process.stdout is not None
        self.process.stdout.close()
        return code, "".join(self.lines)


def copy_examples(folder: Path) -> Path:
    (folder / "standards").mkdir(parents=True)
    for standard_id in EXAMPLES:
        shutil.copy(REPO_ROOT / "standards" / f"{standard_id}.yaml", folder / "standards")
    copy_settings(folder)
    return folder


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Path]]:
    """A running server over a copy of two examples; it must stop cleanly at the end."""
    repo = copy_examples(tmp_path_factory.mktemp("serve") / "repo")
    server = Server(repo)
    yield server, repo
    code, output = server.stop()
    assert (code, "Traceback" in output) == (0, False), output


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


# --- the browser: edit, break, fix ---------------------------------------------------------


@pytest.fixture
def page(browser: Browser, patient_expect: None) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    context.set_default_timeout(PATIENCE * 1000)
    yield context.new_page()
    context.close()


def test_catalogue_follows_edits_errors_and_fixes(served: tuple[Server, Path], page: Page) -> None:
    from playwright.sync_api import expect

    server, repo = served
    standard = repo / STANDARD
    page.goto(server.url + "/")
    expect(page.locator("main")).to_contain_text(TITLE)
    page.evaluate("window.loadedBeforeTheEdit = true")  # gone once the page reloads itself

    edit(standard, f"title: {TITLE}", "title: Справки для сотрудников")
    expect(page.locator("main")).to_contain_text("Справки для сотрудников")
    assert page.evaluate("window.loadedBeforeTheEdit") is None  # reloaded, by itself

    edit(standard, "\ndeadline:", "\ndedline:")
    line = standard.read_text("utf-8").splitlines().index("dedline: 3 рабочих дня") + 1
    expected = (
        f"{STANDARD}:{line}:1: error: dedline: unknown key 'dedline' (did you mean 'deadline'?)"
    )
    expect(page.locator("body")).to_contain_text(expected)
    expect(page.locator("body")).to_contain_text(f"{line} | dedline: 3 рабочих дня")

    edit(standard, "\ndedline:", "\ndeadline:")
    expect(page.locator("main")).to_contain_text("Справки для сотрудников")
    expect(page.locator("body")).not_to_contain_text("unknown key")


def test_guide_follows_edits_and_the_preview_shows_poster_and_pdfs(
    served: tuple[Server, Path], page: Page
) -> None:
    from playwright.sync_api import expect

    server, repo = served
    page.goto(server.url + "/contract-review/guide.html")
    expect(page.locator("h1")).to_have_text("Legal review of a contract with a counterparty")
    edit(
        repo / "standards/contract-review.yaml",
        "title: Legal review of a contract",
        "title: Review of a contract",
    )
    expect(page.locator("h1")).to_have_text("Review of a contract with a counterparty")

    wait_for(server.settled, "the PDFs and the poster to be made")
    page.goto(server.url + "/contract-review/")  # a standard's folder: its preview page
    assert page.url.endswith("/__memogen/preview/contract-review")
    page.wait_for_function(
        "() => { const img = document.querySelector("
        "\"img[src='/contract-review/poster.png']\");"
        " return img && img.complete && img.naturalWidth > 0; }"
    )
    for name in ("memo", "guide", "poster"):
        expect(page.locator(f"iframe[src='/contract-review/{name}.pdf']")).to_have_count(1)
    status, headers, body = server.get("/contract-review/poster.pdf")
    assert (status, headers["Content-Type"], body[:5]) == (200, "application/pdf", b"%PDF-")


def test_a_new_templates_folder_overrides_the_theme_live(
    served: tuple[Server, Path], page: Page
) -> None:
    from playwright.sync_api import expect

    server, repo = served
    page.goto(server.url + "/hr-certificate/memo.html")
    theme = (REPO_ROOT / "templates" / "memo.html.j2").read_text("utf-8")
    assert '<h1 data-field="title">{{ title }}</h1>' in theme
    (repo / "templates").mkdir()
    (repo / "templates" / "memo.html.j2").write_text(
        theme.replace('<h1 data-field="title">{{ title }}</h1>', "<h1>{{ title }} (draft)</h1>"),
        "utf-8",
    )
    expect(page.locator("h1")).to_contain_text("(draft)")


def test_the_servers_own_pages_pass_axe(
    served: tuple[Server, Path], browser: Browser, axe_script: str, axe_violations: AxeCheck
) -> None:
    server, repo = served
    context = browser.new_context()
    context.set_default_timeout(PATIENCE * 1000)
    context.add_init_script(axe_script)
    context.route("**/__memogen/events*", lambda route: route.abort())  # no reload mid-check
    page = context.new_page()
    for path in ("/__memogen/preview/", "/__memogen/preview/hr-certificate", "/no-such-page"):
        page.goto(server.url + path)
        assert axe_violations(page) == [], path
    standard = repo / STANDARD
    edit(standard, "\ninputs:", "\ninputz:")
    try:
        wait_for(lambda: server.status()["problems"], "the error to be noticed")
        page.goto(server.url + "/")
        assert "unknown key 'inputz'" in page.locator("body").inner_text()
        assert axe_violations(page) == [], "the error page"
    finally:
        edit(standard, "\ninputz:", "\ninputs:")
        context.close()
    wait_for(server.settled, "the server to recover")


# --- HTTP, without a browser ---------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/../memogen.yaml",
        "/%2e%2e/memogen.yaml",
        "/..%2fmemogen.yaml",
        "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/.memogen-manifest.json",
        "/.memogen.lock",
        "/hr-certificate/%00memo.html",
        "/hr-certificate/..\\..\\memogen.yaml",
        "/etc/passwd",
        "/standards/hr-certificate.yaml",
    ],
)
def test_paths_outside_the_preview_folder_are_not_found(
    served: tuple[Server, Path], path: str
) -> None:
    status, _, body = served[0].get(path)
    assert status == 404
    assert b"memogen:" not in body and b"root:" not in body


def test_html_responses_get_the_live_script_and_the_files_do_not(
    served: tuple[Server, Path],
) -> None:
    server = served[0]
    wait_for(server.settled, "a clean build")
    status, headers, served_html = server.get("/hr-certificate/memo.html")
    on_disk = (Path(server.status()["folder"]) / "hr-certificate/memo.html").read_bytes()
    assert (status, headers["Content-Type"]) == (200, "text/html; charset=utf-8")
    assert b"data-memogen-stamp" in served_html and b"data-memogen-stamp" not in on_disk
    assert (
        served_html.replace(
            served_html[served_html.rindex(b"<script") : served_html.rindex(b"</script>") + 9], b""
        )
        == on_disk
    )
    assert headers["Cache-Control"] == "no-store"
    status, headers, markdown = server.get("/hr-certificate/memo.md")
    assert (status, headers["Content-Type"]) == (200, "text/plain; charset=utf-8")
    assert b"<script" not in markdown


def test_requests_for_another_host_name_are_refused(served: tuple[Server, Path]) -> None:
    server = served[0]
    assert server.get("/", {"Host": "intranet.example.com"})[0] == 400  # DNS rebinding
    assert server.get("/", {"Host": f"localhost:{server.port}"})[0] in (200, 500)


def test_a_client_that_goes_away_mid_response_is_no_error(served: tuple[Server, Path]) -> None:
    server = served[0]
    wait_for(server.settled, "the poster to be made")
    for _ in range(20):
        with socket.create_connection((server.host, server.port)) as client:
            client.sendall(b"GET /hr-certificate/poster.png HTTP/1.1\r\nHost: localhost\r\n\r\n")
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    assert server.get("/")[0] == 200  # and no traceback: `served` checks all output at the end


def test_ctrl_c_stops_cleanly_even_during_the_first_build(tmp_path: Path) -> None:
    server = Server(copy_examples(tmp_path / "repo"))
    folder = Path(server.status()["folder"])
    code, output = server.stop()
    assert code == 0, output
    assert "Traceback" not in output and output.rstrip().endswith("stopped"), output
    assert not folder.parent.exists()  # the preview folder is removed


def test_a_busy_port_is_a_clear_error(
    write_repo: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(write_repo())
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--port", str(port)])
    assert result.exit_code == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.output
    assert "choose another --port" in result.output


def test_a_missing_path_is_a_clear_error(
    write_repo: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(write_repo())
    result = CliRunner().invoke(main, ["serve", "nowhere/"])
    assert (result.exit_code, result.output) == (1, "nowhere: no such file or folder\n")


# --- the pieces ----------------------------------------------------------------------------


def test_news_tells_each_page_what_changed_since_it_was_served() -> None:
    news = News("abc")
    first = news.stamp()
    news.publish(["/a/memo.html"])
    news.publish(["/index.html", "/a/memo.html"])
    assert news.changed_after(news.generation_of(first)) == ["/a/memo.html", "/index.html"]
    assert news.changed_after(news.generation_of(news.stamp())) == []
    assert news.changed_after(news.generation_of("another-server-3")) == ["*"]
    assert news.changed_after(news.generation_of("garbage")) == ["*"]


def test_the_watcher_cares_about_sources_only(tmp_path: Path) -> None:
    targets = Targets(
        config=tmp_path / "memogen.yaml",
        templates=tmp_path / "templates",
        standard_folders=frozenset({tmp_path / "standards"}),
        standard_files=frozenset(),
        logo=tmp_path / "assets" / "logo.svg",
    )
    matters = [
        targets.matters(None, str(tmp_path / name))  # type: ignore[arg-type]
        for name in (
            "memogen.yaml",
            "standards/x.yaml",
            "standards/x.yml",
            "templates/memo.html.j2",
            "assets/logo.svg",
            "templates",
            "standards/.x.yaml.swp",
            "standards/x.yaml~",
            "standards/notes.txt",
            "output/index.html",
            "assets/other.svg",
            ".git",
        )
    ]
    assert matters == [True] * 6 + [False] * 6


def test_the_watcher_sees_standards_in_department_subfolders(tmp_path: Path) -> None:
    """Standards may live in standards/<department>/: those folders are watched too, and a
    new department folder makes the watch start again on the new set."""
    from memogen.serve.livebuild import LiveBuild

    (tmp_path / "memogen.yaml").write_text("language: en\n", encoding="utf-8")
    (tmp_path / "standards" / "hr" / "payroll").mkdir(parents=True)
    (tmp_path / "standards" / ".git").mkdir()
    live = LiveBuild([], tmp_path / "memogen.yaml", tmp_path / "work", News("t"), print)
    targets = live.watch_targets()
    standards = (tmp_path / "standards").resolve()
    assert targets.standard_folders == {standards, standards / "hr", standards / "hr" / "payroll"}
    assert targets.matters(None, str(standards / "hr" / "payroll" / "x.yaml"))  # type: ignore[arg-type]
    (standards / "it").mkdir()
    assert targets.matters(None, str(standards / "it"))  # type: ignore[arg-type]


def test_stopping_the_preview_stops_its_render_workers(
    write_repo: Callable[..., Path],
    valid_standard_text: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """serve keeps warm render workers between saves; Ctrl-C must stop them and what they
    were rendering, not leave Python to run their queued renders before it exits."""
    from memogen.render import pool as workers

    config = "build:\n  artifacts: [memo]\n  formats: [html, pdf]\n"
    monkeypatch.chdir(write_repo({"standards/tiny-service.yaml": valid_standard_text}, config))
    live = LiveBuild([], None, tmp_path / "work", News("t"), lambda line: None)
    builder = threading.Thread(target=lambda: (live._page_phase(), live._print_phase()))
    builder.start()
    builder.join(PATIENCE)
    assert live.failures == {}
    kept = [p for pool in workers._KEPT.values() for p in pool._processes.values()]
    assert kept  # the print phase kept its warm workers for the next save
    live.stop()
    assert workers._KEPT == {}
    wait_for(lambda: not any(p.is_alive() for p in kept), "the render workers to stop")


def test_a_save_is_validated_once_for_both_phases(
    write_repo: Callable[..., Path],
    valid_standard_text: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """The page phase checks the sources; its build, its catalogue and the print phase use
    what it found instead of validating again."""
    config = "build:\n  artifacts: [memo]\n  formats: [html, pdf]\n"
    monkeypatch.chdir(write_repo({"standards/tiny-service.yaml": valid_standard_text}, config))
    validations: list[int] = []
    real = validate.check_standards

    def counted(*args: Any, **kwargs: Any) -> validate.Checked:
        validations.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(validate, "check_standards", counted)
    monkeypatch.setattr(project, "check_standards", counted)
    live = LiveBuild([], None, tmp_path / "work", News("t"), lambda line: None)
    live._page_phase()
    live._print_phase()
    assert (len(validations), live.failures) == (1, {})
    assert sorted(p.name for p in (live.site / "tiny-service").iterdir()) == [
        "memo.html",
        "memo.pdf",
    ]


# --- preview folders left behind -----------------------------------------------------------


def test_only_the_preview_folders_of_stopped_servers_are_removed(tmp_path: Path) -> None:
    """A folder is stale when its lock is held by nobody; a running server's, a folder with
    no lock (another program's, or an older memogen's) and a link are left alone."""
    from memogen.build.locks import release_lock, try_lock
    from memogen.serve.server import PREVIEW_LOCK, remove_stale_previews

    for name in ("memogen-serve-stale", "memogen-serve-running", "memogen-serve-unmarked"):
        (tmp_path / name / "site").mkdir(parents=True)
    (tmp_path / "memogen-serve-stale" / PREVIEW_LOCK).touch()
    running = try_lock(tmp_path / "memogen-serve-running" / PREVIEW_LOCK)
    assert running is not None
    (tmp_path / "memogen-serve-link").symlink_to(tmp_path / "memogen-serve-stale")
    said: list[str] = []
    try:
        remove_stale_previews(tmp_path, said.append)
    finally:
        release_lock(running)
    stale = tmp_path / "memogen-serve-stale"
    assert said == [f"removed {stale}, left behind by a preview that was stopped"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "memogen-serve-link",
        "memogen-serve-running",
        "memogen-serve-unmarked",
    ]
