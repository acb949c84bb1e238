"""`memogen serve`: a local preview of the output, rebuilt on every save, reloaded in the browser.

The served folder is a fresh temporary one (see `livebuild`), never `output/`: a
preview leaves the real build alone, and the folder is removed on exit. Paths are
the output layout (`/`, `/<id>/memo.html`, `/<id>/poster.pdf`, …); the server's own
pages live under `/__memogen/`. HTML responses get a small live-reload script;
the files on disk never do. Only the bound address is used: nothing is fetched.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import tempfile
from collections.abc import Sequence
from pathlib import Path

from memogen.build.locks import release_lock, try_lock
from memogen.build.writer import is_real_folder, is_regular
from memogen.errors import UserError, sigterm_as_ctrl_c
from memogen.i18n import _
from memogen.serve import pages
from memogen.serve.handler import PreviewServer, PreviewServer6
from memogen.serve.livebuild import LiveBuild
from memogen.serve.news import News
from memogen.serve.status import Say

PREVIEW_PREFIX = "memogen-serve-"
PREVIEW_LOCK = ".memogen-serve.lock"  # held while its server runs


_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


def serve(paths: Sequence[Path], config_path: Path | None, host: str, port: int, say: Say) -> None:
    """Build, serve and rebuild until Ctrl-C (or SIGTERM); then remove the preview folder."""
    for path in paths:
        if not path.exists():
            raise UserError(_("{path}: no such file or folder").format(path=path))
    remove_stale_previews(Path(tempfile.gettempdir()), say)
    with sigterm_as_ctrl_c():
        # Ctrl-C and SIGTERM wait while the folder is made, until the `try` that removes it
        signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
        work, lock = _preview_folder()
        live: LiveBuild | None = None
        try:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)
            live = LiveBuild(paths, config_path, work, News(secrets.token_hex(4)), say)
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
                if live is not None:
                    live.stop()
            finally:
                shutil.rmtree(work, ignore_errors=True)
                release_lock(lock)
    say("stopped")


def _preview_folder() -> tuple[Path, int]:
    """A new preview folder, and the lock that marks it in use while this server lives. The
    lock is taken before it gets the name another server looks for, so a server that
    starts meanwhile never takes the folder for a stale one."""
    work = Path(tempfile.mkdtemp(prefix=PREVIEW_PREFIX))
    lock = try_lock(work / ".memogen-serve.lock.new")
    assert lock is not None  # nobody else knows the folder yet
    os.rename(work / ".memogen-serve.lock.new", work / PREVIEW_LOCK)
    return work, lock


def remove_stale_previews(temp: Path, say: Say) -> None:
    """Remove the preview folders of servers that were killed (SIGKILL leaves them no
    chance): this user's, marked by a lock nobody holds any more. Say each one."""
    for folder in sorted(temp.glob(f"{PREVIEW_PREFIX}*")):
        try:
            if not is_real_folder(folder) or folder.lstat().st_uid != os.getuid():
                continue
            if not is_regular(folder / PREVIEW_LOCK):
                continue  # not one of ours, or made before the lock existed
            lock = try_lock(folder / PREVIEW_LOCK)
        except OSError:  # gone meanwhile: another server removed it
            continue
        if lock is None:  # its server is running
            continue
        shutil.rmtree(folder, ignore_errors=True)
        release_lock(lock)
        say(_("removed {folder}, left behind by a preview that was stopped").format(folder=folder))


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
