"""Unit tests for memogen.serve.handler: what each request gets, answered by the real handler
in a thread of the test over a preview folder made by hand (no build, no process)."""

from __future__ import annotations

import http.client
import json
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from memogen.errors import Issue
from memogen.serve.handler import PreviewServer, inject, is_loopback, resolve_file
from memogen.serve.livebuild import LiveBuild
from memogen.serve.news import News
from memogen.serve.status import Failure, Listed

GENEROUS = 30.0  # a wait that only a broken server exceeds (not a measurement)
CATALOGUE = b"<html><body>catalogue</body></html>"
TINY = Listed("tiny-service", "Tiny service", "en", "Support desk")


@dataclass
class Served:
    live: LiveBuild
    server: PreviewServer
    said: list[str] = field(default_factory=list)

    def get(
        self, path: str, host: str = "localhost", method: str = "GET"
    ) -> tuple[int, dict[str, str], bytes]:
        port = int(self.server.server_address[1])
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=GENEROUS)
        try:
            connection.putrequest(method, path, skip_host=True)
            connection.putheader("Host", host)
            connection.endheaders()
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    said: list[str] = []
    live = LiveBuild([], tmp_path / "memogen.yaml", tmp_path / "work", News("t0ken"), said.append)
    (live.site / "tiny-service").mkdir(parents=True)
    (live.site / "index.html").write_bytes(CATALOGUE)
    (live.site / "tiny-service" / "memo.html").write_bytes(b"<p>memo</p></body>")
    (live.site / "tiny-service" / "memo.md").write_bytes(b"# Memo\n")
    (live.site / "tiny-service" / "poster.png").write_bytes(b"\x89PNG")
    (live.site / "tiny-service" / ".hidden").write_bytes(b"x")
    (live.site / "tiny-service" / "notes.xyz").write_bytes(b"x")
    (live.site / "tiny-service" / "memo.docx").write_bytes(b"PK")
    server = PreviewServer(("127.0.0.1", 0), live)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield Served(live, server, said)
    finally:
        live.news.close()
        server.shutdown()
        server.server_close()
        thread.join(GENEROUS)


def test_a_page_gets_the_live_script_before_its_body_end_and_is_never_cached(
    served: Served,
) -> None:
    status, headers, body = served.get("/")
    assert (status, headers["Content-Type"]) == (200, "text/html; charset=utf-8")
    assert body.startswith(b'<html><body>catalogue<script data-memogen-stamp="t0ken-0"')
    assert body.endswith(b"</script></body></html>")
    assert headers["Cache-Control"] == "no-store"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Length"] == str(len(body))


def test_other_files_are_sent_as_they_are_with_their_type(served: Served) -> None:
    status, headers, body = served.get("/tiny-service/memo.md")
    assert (status, body) == (200, b"# Memo\n")  # no live script in a text file
    assert {key: headers[key] for key in ("Content-Type", "Content-Length", "Cache-Control")} == {
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Length": "7",
        "Cache-Control": "no-store",
    }
    status, headers, body = served.get("/tiny-service/notes.xyz")
    assert (status, headers["Content-Type"], body) == (200, "application/octet-stream", b"x")


def test_head_gets_the_headers_of_get_and_no_body(served: Served) -> None:
    port = int(served.server.server_address[1])
    with socket.create_connection(("127.0.0.1", port), timeout=GENEROUS) as client:
        client.sendall(b"HEAD /tiny-service/poster.png HTTP/1.0\r\nHost: localhost\r\n\r\n")
        received = b""
        while chunk := client.recv(65536):  # HTTP/1.0: the server closes when done
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.0 200 OK\r\n")
    assert b"\r\nContent-Type: image/png\r\nContent-Length: 4\r\n" in head
    assert body == b""


@pytest.mark.parametrize("host", ["intranet.example.com", "attacker.test:8000", "10.0.0.1"])
def test_another_host_name_is_refused_on_a_loopback_address(served: Served, host: str) -> None:
    assert served.get("/", host=host)[::2] == (400, b"bad Host\n")


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1:1", "[::1]:8000"])
def test_loopback_host_names_are_served(served: Served, host: str) -> None:
    assert served.get("/", host=host)[0] == 200


def test_the_folder_of_a_standard_leads_to_its_preview(served: Served) -> None:
    served.live.standards = [TINY]
    status, headers, _ = served.get("/tiny-service/")
    assert (status, headers["Location"]) == (302, "/__memogen/preview/tiny-service")


def test_a_missing_file_is_the_not_found_page(served: Served) -> None:
    status, headers, body = served.get("/tiny-service/guide.pdf")
    assert (status, headers["Content-Type"]) == (404, "text/html; charset=utf-8")
    assert b"There is no <code>/tiny-service/guide.pdf</code> in the preview." in body


def test_while_the_sources_fail_pages_show_the_errors_and_files_are_still_sent(
    served: Served,
) -> None:
    issue = Issue("standards/tiny-service.yaml", 3, 8, "deadline", "'soon' is not a duration")
    served.live.failures = {"page": Failure((issue,))}
    for path in ("/", "/tiny-service/memo.html", "/__memogen/preview/tiny-service"):
        status, _, body = served.get(path)
        assert status == 500, path
        assert b"The preview cannot be built: 1 problem(s)" in body, path
    assert served.get("/tiny-service/poster.png")[::2] == (200, b"\x89PNG")


def test_the_preview_pages_list_the_standards_and_their_visible_files(served: Served) -> None:
    served.live.standards = [TINY]
    status, _, index = served.get("/__memogen/preview")
    assert status == 200 and b'href="/__memogen/preview/tiny-service"' in index
    status, _, page = served.get("/__memogen/preview/tiny-service")
    assert status == 200
    assert b'<a href="/tiny-service/memo.md">memo.md</a>' in page
    assert b'href="/tiny-service/.hidden"' not in page
    assert served.get("/__memogen/preview/other")[0] == 404


def test_the_status_document_is_json(served: Served) -> None:
    served.live.news.publish(["/tiny-service/memo.html"])
    status, headers, body = served.get("/__memogen/status")
    assert (status, headers["Content-Type"]) == (200, "application/json")
    assert json.loads(body) == {
        "generation": 1,
        "building": "",
        "busy": False,
        "problems": [],
        "folder": str(served.live.site),
    }


def test_the_event_stream_tells_a_page_what_changed_since_its_stamp(served: Served) -> None:
    served.live.news.publish(["/tiny-service/memo.html"])
    served.live.news.publish(["/index.html"])
    port = int(served.server.server_address[1])
    with socket.create_connection(("127.0.0.1", port), timeout=GENEROUS) as client:
        client.sendall(b"GET /__memogen/events?since=t0ken-0 HTTP/1.1\r\nHost: localhost\r\n\r\n")
        received = b""
        while b"event: status\n" not in received:
            chunk = client.recv(65536)
            assert chunk, received
            received += chunk
    head, _, stream = received.partition(b"\r\n\r\n")
    assert b"Content-Type: text/event-stream; charset=utf-8" in head
    assert stream == (
        b"retry: 1000\n\n"
        b'event: change\nid: t0ken-2\ndata: ["/index.html", "/tiny-service/memo.html"]\n\n'
        b"event: status\ndata: \n\n"
    )


def test_a_bug_while_answering_is_said_in_one_line_and_a_leaving_client_is_not(
    served: Served,
) -> None:
    for error in (ValueError("boom\nline two"), ConnectionResetError(), TimeoutError()):
        try:
            raise error
        except Exception:
            served.server.handle_error(None, None)
    assert served.said == [
        "internal error answering a request: ValueError: boom\nline two "
        "(a bug in memogen; please report it)"
    ]


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.9.1", True),
        ("::1", True),
        ("localhost", True),
        ("10.0.0.1", False),
        ("::", False),
        ("example.com", False),
        ("", False),
    ],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_resolve_file_stays_inside_the_folder(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "index.html").write_text("i")
    (site / "a" / "memo.html").write_text("m")
    (tmp_path / "secret.txt").write_text("s")
    (site / "a" / "link.txt").symlink_to(tmp_path / "secret.txt")
    assert resolve_file(site, "/") == (site / "index.html").resolve()
    assert resolve_file(site, "/a/memo.html") == (site / "a" / "memo.html").resolve()
    assert resolve_file(site, "//a//memo.html") == (site / "a" / "memo.html").resolve()
    for path in (
        "/a",
        "/../secret.txt",
        "/a/%2e%2e/%2e%2e/secret.txt",
        "/a/link.txt",
        "/a%2fmemo.html",
        "/.hidden",
        "/a/memo.html%00",
    ):
        assert resolve_file(site, path) is None, path


def test_inject_goes_before_the_last_body_end_tag() -> None:
    assert inject(b"<p>x</p></BODY></html>", "<s>") == b"<p>x</p><s></BODY></html>"
    assert inject(b"<p></body></p></body>", "<s>") == b"<p></body></p><s></body>"
    assert inject(b"no body", "<s>") == b"no body<s>"


def test_a_word_file_is_sent_as_one_so_that_the_browser_offers_to_open_it_in_word(
    served: Served,
) -> None:
    status, headers, body = served.get("/tiny-service/memo.docx")
    assert (status, body) == (200, b"PK")
    assert headers["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
