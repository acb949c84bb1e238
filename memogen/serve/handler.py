"""The HTTP side of `memogen serve`: the preview folder's files, the server's own pages under
`/__memogen/`, the event stream, and the checks every request passes (host, path, timeout).
"""

from __future__ import annotations

import ipaddress
import json
import socket
import sys
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote

from memogen.i18n import _
from memogen.serve import pages
from memogen.serve.livebuild import LiveBuild

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    # Shown in the browser rather than downloaded: a preview is for reading.
    ".md": "text/plain; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".eml": "text/plain; charset=utf-8",
}
PING_SECONDS = 15.0  # the event stream's keep-alive, well inside the request timeout
REQUEST_TIMEOUT_SECONDS = 30.0  # a client that sends nothing (or half a request) for this long


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True  # a browser's open event stream never holds up the exit

    def __init__(
        self,
        address: tuple[str, int],
        live: LiveBuild,
        request_timeout: float = REQUEST_TIMEOUT_SECONDS,
    ) -> None:
        self.live = live
        self.request_timeout = request_timeout
        super().__init__(address, PreviewHandler)

    def handle_error(self, request: object, client_address: object) -> None:
        """A browser that leaves mid-response (a reload, a closed tab) is no error; anything
        else is a bug, told in one line (no traceback: the terminal is the build's)."""
        error = sys.exc_info()[1]
        if error is not None and not isinstance(error, ConnectionError | TimeoutError):
            self.live.say(
                _(
                    "internal error answering a request: {kind}: {error} "
                    "(a bug in memogen; please report it)"
                ).format(kind=error.__class__.__name__, error=error)
            )


class PreviewServer6(PreviewServer):
    address_family = socket.AF_INET6


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def resolve_file(root: Path, url_path: str) -> Path | None:
    """The file under `root` a URL path names, or None: no `..`, no hidden files, no way out."""
    parts = [unquote(part) for part in url_path.split("/") if part]
    for part in parts:
        if part.startswith(".") or any(c in part for c in "/\\\0"):
            return None  # `..`, hidden files (manifest, lock, staging), encoded separators
    try:
        found = root.joinpath(*(parts or ["index.html"])).resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    return found if found.is_file() and found.is_relative_to(root.resolve()) else None


def inject(html: bytes, snippet: str) -> bytes:
    """Put `snippet` before the last `</body>` (or at the end when there is none)."""
    at = html.lower().rfind(b"</body>")
    at = len(html) if at < 0 else at
    return html[:at] + snippet.encode("utf-8") + html[at:]


class PreviewHandler(BaseHTTPRequestHandler):
    """Files of the preview folder, the server's own pages and the event stream."""

    server: PreviewServer
    server_version = "memogen-serve"

    def setup(self) -> None:
        """Time out reads: an idle or half-sent request must not hold a thread forever. The
        event stream only writes once its request is in, so it is never cut for being idle."""
        super().setup()
        self.connection.settimeout(self.server.request_timeout)

    def do_GET(self) -> None:
        self._respond(head=False)

    def do_HEAD(self) -> None:
        self._respond(head=True)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the terminal is for the build's news, not for every request."""

    def _respond(self, head: bool) -> None:
        if not self._host_allowed():
            self._send(HTTPStatus.BAD_REQUEST, "text/plain; charset=utf-8", b"bad Host\n", head)
            return
        live = self.server.live
        path, _, query = self.path.partition("#")[0].partition("?")  # no urlsplit: `//[x` is a path
        if path == pages.EVENTS_PATH and not head:
            self._events(query)
        elif path == "/__memogen/status":
            failures = list(live.failures.values())
            text = pages.status_json(live.news, live.busy(), failures, live.site)
            self._send(HTTPStatus.OK, "application/json", text.encode(), head)
        elif path.startswith(pages.PREVIEW_PATH) or path == pages.PREVIEW_PATH[:-1]:
            self._preview(path[len(pages.PREVIEW_PATH) :], head)
        else:
            self._file(path, head)

    def _file(self, url_path: str, head: bool) -> None:
        live = self.server.live
        found = resolve_file(live.site, url_path)
        if found is None:
            standard_id = url_path.strip("/")
            if any(s.id == standard_id for s in live.standards):  # /<id>/: its preview
                self._redirect(pages.PREVIEW_PATH + standard_id)
            else:
                self._html(
                    HTTPStatus.NOT_FOUND, pages.not_found_page(url_path, self._stamp()), head
                )
            return
        if found.suffix == ".html":
            if live.failures:
                self._errors(head)
                return
            body = inject(found.read_bytes(), pages.live_script(self._stamp()))
        else:
            body = found.read_bytes()
        content_type = CONTENT_TYPES.get(found.suffix, "application/octet-stream")
        self._send(HTTPStatus.OK, content_type, body, head)

    def _preview(self, standard_id: str, head: bool) -> None:
        live = self.server.live
        if live.failures:
            self._errors(head)
            return
        if not standard_id:
            self._html(HTTPStatus.OK, pages.preview_index(live.standards, self._stamp()), head)
            return
        standard = next((s for s in live.standards if s.id == standard_id), None)
        folder = live.site / standard_id
        if standard is None or not folder.is_dir():
            self._html(HTTPStatus.NOT_FOUND, pages.not_found_page(self.path, self._stamp()), head)
            return
        files = sorted(
            p.name for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")
        )
        self._html(HTTPStatus.OK, pages.preview_page(standard, files, self._stamp()), head)

    def _errors(self, head: bool) -> None:
        live = self.server.live
        page = pages.error_page(list(live.failures.values()), live.root, self._stamp())
        self._html(HTTPStatus.INTERNAL_SERVER_ERROR, page, head)

    def _events(self, query: str) -> None:
        """Server-Sent Events: `change` (URL paths, JSON) and `status` (the build phase)."""
        news = self.server.live.news
        since = self.headers.get("Last-Event-ID") or parse_qs(query).get("since", [""])[0]
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        generation, building = news.generation, news.building
        try:
            self._event("", "retry: 1000")
            self._change(news.changed_after(news.generation_of(since)), generation)
            self._event("status", f"data: {building}")
            while not news.closed:
                now, phase = news.wait(generation, building, PING_SECONDS)
                if (now, phase) == (generation, building):
                    self._event("", ": ping")  # finds out when the page has gone away
                if now != generation:
                    self._change(news.changed_after(generation), now)
                    generation = now
                if phase != building:
                    building = phase
                    self._event("status", f"data: {building}")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the page went away

    def _change(self, paths: list[str], generation: int) -> None:
        if paths:
            stamp = self.server.live.news.stamp(generation)
            self._event("change", f"id: {stamp}\ndata: {json.dumps(paths)}")

    def _event(self, name: str, lines: str) -> None:
        head = f"event: {name}\n" if name else ""
        self.wfile.write(f"{head}{lines}\n\n".encode())
        self.wfile.flush()

    def _stamp(self) -> str:
        return self.server.live.news.stamp()

    def _host_allowed(self) -> bool:
        """On a loopback address, only loopback names: a web page elsewhere cannot reach in
        through a DNS name that points here (DNS rebinding)."""
        bound = str(self.server.server_address[0])
        host = self.headers.get("Host")
        if host is None or not is_loopback(bound):
            return True
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        return is_loopback(name.strip("[]"))

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.FOUND)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _html(self, status: HTTPStatus, page: str, head: bool) -> None:
        self._send(status, CONTENT_TYPES[".html"], page.encode("utf-8"), head)

    def _send(self, status: HTTPStatus, content_type: str, body: bytes, head: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if not head:
            self.wfile.write(body)
