"""`memogen serve` against hostile clients: a malformed request gets a 4xx and no traceback,
and a client that sends nothing does not hold a thread forever.

The server is the real one (`PreviewServer` on 127.0.0.1, in a thread of the test) over a
preview folder made by hand; requests are raw bytes on a socket, so nothing cleans them up.
"""

from __future__ import annotations

import re
import socket
import struct
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from memogen.serve import handler
from memogen.serve.handler import PreviewServer
from memogen.serve.livebuild import LiveBuild
from memogen.serve.news import News

TOKEN = "t0ken"
SHORT_TIMEOUT = 0.5  # the request timeout of the server under test, in seconds
GENEROUS = 30.0  # a wait that only a broken server exceeds (not a measurement)


@dataclass
class Running:
    server: PreviewServer
    said: list[str] = field(default_factory=list)

    @property
    def address(self) -> tuple[str, int]:
        return "127.0.0.1", int(self.server.server_address[1])

    def connect(self) -> socket.socket:
        """A client that waits GENEROUS seconds for each answer: only a hung server fails."""
        return socket.create_connection(self.address, timeout=GENEROUS)

    def exchange(self, request: bytes) -> bytes:
        """Send `request` as it is; everything the server sends back until it closes."""
        with self.connect() as client:
            client.sendall(request)
            return _read_to_end(client)


def _read_to_end(client: socket.socket) -> bytes:
    received = b""
    while chunk := client.recv(65536):
        received += chunk
    return received


def _status(response: bytes) -> int:
    """The status of a response, also of one without a status line (the answer to a
    request that is not HTTP/1.x is an HTTP/0.9 one: the error page alone)."""
    if response.startswith(b"HTTP/"):
        return int(response.split(b" ", 2)[1])
    found = re.search(rb"Error code: (\d+)", response)
    assert found, response[:200]
    return int(found.group(1))


def _start(tmp_path: Path, **options: float) -> Iterator[Running]:
    said: list[str] = []
    live = LiveBuild([], tmp_path / "memogen.yaml", tmp_path / "work", News(TOKEN), said.append)
    (live.site / "a").mkdir(parents=True)
    (live.site / "index.html").write_text("<html><body>catalogue</body></html>", "utf-8")
    (live.site / "a" / "poster.png").write_bytes(b"\x89PNG" + bytes(4 * 2**20))
    server = PreviewServer(("127.0.0.1", 0), live, **options)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield Running(server, said)
    finally:
        live.news.close()  # ends the event streams
        server.shutdown()
        server.server_close()
        thread.join(GENEROUS)


@pytest.fixture
def running(tmp_path: Path) -> Iterator[Running]:
    """A server with the default request timeout."""
    yield from _start(tmp_path)


@pytest.fixture
def impatient(tmp_path: Path) -> Iterator[Running]:
    """A server that waits `SHORT_TIMEOUT` seconds for a request."""
    yield from _start(tmp_path, request_timeout=SHORT_TIMEOUT)


HOST = b"Host: localhost\r\n"
MALFORMED = {
    "not HTTP": (b"NONSENSE\r\n\r\n", 400),
    "a bad version": (b"GET / HTTP/9\r\n\r\n", 400),
    "a request line of 70,000 bytes": (b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\n\r\n", 414),
    "a header of 70,000 bytes": (b"GET / HTTP/1.1\r\nX-Big: " + b"a" * 70_000 + b"\r\n\r\n", 431),
    "200 headers": (b"GET / HTTP/1.1\r\n" + b"X-A: b\r\n" * 200 + b"\r\n", 431),
    "invalid percent-encoding": (b"GET /%zz%f/%c3%28 HTTP/1.1\r\n" + HOST + b"\r\n", 404),
    "a path that is not UTF-8": (b"GET /\xff\xfe/memo.html HTTP/1.1\r\n" + HOST + b"\r\n", 404),
    "a NUL byte in the path": (b"GET /a/\x00poster.png HTTP/1.1\r\n" + HOST + b"\r\n", 404),
    "an encoded NUL": (b"GET /a/%00poster.png HTTP/1.1\r\n" + HOST + b"\r\n", 404),
    "`..` traversal": (b"GET /../../../etc/passwd HTTP/1.1\r\n" + HOST + b"\r\n", 404),
    "encoded `..` traversal": (b"GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\n" + HOST + b"\r\n", 404),
    "an absolute URL with a broken IPv6 host": (
        b"GET http://[x/ HTTP/1.1\r\n" + HOST + b"\r\n",
        404,
    ),
    "a Host that is no host": (b"GET / HTTP/1.1\r\nHost: [::1\r\n\r\n", 400),
    "an absurd Range": (
        b"GET /a/poster.png HTTP/1.1\r\n" + HOST + b"Range: bytes=99999999999999999999-,-0\r\n\r\n",
        200,  # no ranges served: the whole file
    ),
}


@pytest.mark.parametrize("request_bytes, status", MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_request_gets_a_4xx_and_no_traceback(
    running: Running, capfd: pytest.CaptureFixture[str], request_bytes: bytes, status: int
) -> None:
    assert _status(running.exchange(request_bytes)) == status
    assert _status(running.exchange(b"GET / HTTP/1.1\r\n" + HOST + b"\r\n")) == 200  # still up
    assert (capfd.readouterr().err, running.said) == ("", [])


@pytest.mark.parametrize("name", ["Last-Event-ID", "since"])
def test_an_event_stamp_with_odd_digits_is_no_error(
    running: Running, capfd: pytest.CaptureFixture[str], name: str
) -> None:
    """`²` is a digit to str.isdigit() but not to int()."""
    stamp = TOKEN.encode() + b"-"
    path, header = b"/__memogen/events", b"Last-Event-ID: " + stamp + b"\xb2\r\n"  # latin-1
    if name == "since":
        path, header = b"/__memogen/events?since=" + stamp + b"%C2%B2", b""  # UTF-8
    with running.connect() as client:
        client.sendall(b"GET " + path + b" HTTP/1.1\r\n" + HOST + header + b"\r\n")
        received = b""
        while b"event: status" not in received and (chunk := client.recv(4096)):
            received += chunk
    assert _status(received) == 200 and b'data: ["*"]' in received
    assert (capfd.readouterr().err, running.said) == ("", [])


def test_a_client_that_leaves_mid_response_is_no_error(
    running: Running, capfd: pytest.CaptureFixture[str]
) -> None:
    for _ in range(10):
        with running.connect() as client:
            client.sendall(b"GET /a/poster.png HTTP/1.1\r\n" + HOST + b"\r\n")
            client.recv(1)  # the response has started
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    assert _status(running.exchange(b"GET / HTTP/1.1\r\n" + HOST + b"\r\n")) == 200
    assert (capfd.readouterr().err, running.said) == ("", [])


@pytest.mark.parametrize("sent", [b"", b"GET /index.ht"], ids=["nothing", "half a request"])
def test_an_idle_client_is_disconnected(impatient: Running, sent: bytes) -> None:
    with impatient.connect() as client:
        client.sendall(sent)
        assert client.recv(1024) == b""  # the server closed it; a timeout here is a failure


def test_the_event_stream_outlives_the_request_timeout(
    impatient: Running, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stream is not idle: once its request is in, the server only writes to it."""
    monkeypatch.setattr(handler, "PING_SECONDS", SHORT_TIMEOUT / 5)
    with impatient.connect() as client:
        client.sendall(b"GET /__memogen/events HTTP/1.1\r\n" + HOST + b"\r\n")
        until = time.monotonic() + 4 * SHORT_TIMEOUT
        pings = 0
        while time.monotonic() < until or pings < 2:
            chunk = client.recv(4096)
            assert chunk, "the server closed the event stream"
            pings += chunk.count(b": ping")


def test_a_bug_while_answering_is_one_line_without_traceback(
    running: Running, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: handler.PreviewHandler, url_path: str, head: bool) -> None:
        raise KeyError("oops")

    monkeypatch.setattr(handler.PreviewHandler, "_file", broken)
    assert running.exchange(b"GET /a/poster.png HTTP/1.1\r\n" + HOST + b"\r\n") == b""
    assert (capfd.readouterr().err, running.said) == (
        "",
        [
            "internal error answering a request: KeyError: 'oops' "
            "(a bug in memogen; please report it)"
        ],
    )
