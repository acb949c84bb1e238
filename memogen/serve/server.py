"""`memogen serve`: a local preview of the output, rebuilt on every save, reloaded in the browser.

The served folder is a fresh temporary one (see `livebuild`), never `output/`: a
preview leaves the real build alone, and the folder is removed on exit. Paths are
the output layout (`/`, `/<id>/memo.html`, `/<id>/poster.pdf`, …); the server's own
pages live under `/__memogen/`. HTML responses get a small live-reload script;
the files on disk never do. Only the bound address is used: nothing is fetched.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from memogen.errors import UserError, sigterm_as_ctrl_c
from memogen.i18n import _
from memogen.serve import pages
from memogen.serve.handler import PreviewServer, PreviewServer6
from memogen.serve.livebuild import LiveBuild
from memogen.serve.news import News
from memogen.serve.status import Say


def serve(paths: Sequence[Path], config_path: Path | None, host: str, port: int, say: Say) -> None:
    """Build, serve and rebuild until Ctrl-C (or SIGTERM); then remove the preview folder."""
    for path in paths:
        if not path.exists():
            raise UserError(_("{path}: no such file or folder").format(path=path))
    work = Path(tempfile.mkdtemp(prefix="memogen-serve-"))
    live = LiveBuild(paths, config_path, work, News(secrets.token_hex(4)), say)
    with sigterm_as_ctrl_c():
        try:
            server = _listen(host, port, live)
            try:
                live.start()
                url = f"http://{_url_host(host)}:{server.server_address[1]}/"
                say(_("serving the preview at {url} (Ctrl-C to stop)").format(url=url))
                previews = f"{url}{pages.PREVIEW_PATH[1:]}"
                say(_("PDF and poster previews: {url}").format(url=previews))
                server.serve_forever(poll_interval=0.5)
            finally:
                server.server_close()
        except KeyboardInterrupt:
            pass
        finally:
            try:
                live.stop()
            finally:
                shutil.rmtree(work, ignore_errors=True)
    say("stopped")


def _listen(host: str, port: int, live: LiveBuild) -> PreviewServer:
    server_class = PreviewServer6 if ":" in host else PreviewServer
    try:
        return server_class((host, port), live)
    except OSError as exc:
        raise UserError(
            _(
                "cannot listen on {host}:{port}: {reason} "
                "(choose another --port, or 0 for any free one)"
            ).format(host=host, port=port, reason=exc.strerror or exc)
        ) from None


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
