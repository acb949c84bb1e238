"""The pages `memogen serve` makes itself: errors, PDF and poster previews, the live-reload script.

They are the tool's own screens, not the company's documents, so they live here
rather than in the user-overridable theme. Everything from a user's file is escaped.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from html import escape
from pathlib import Path

from memogen.build.writer import read_regular
from memogen.data.loader import MAX_FILE_BYTES
from memogen.data.paths import leads_inside, real_path
from memogen.errors import Issue
from memogen.i18n import _, current, ngettext
from memogen.outputs import ARTIFACTS, DEFAULT_ARTIFACTS
from memogen.render.labels import LABELS
from memogen.serve.news import News
from memogen.serve.status import Failure, Listed

EVENTS_PATH = "/__memogen/events"
PREVIEW_PATH = "/__memogen/preview/"

# Reloads the page when a file it shows changes (or on any news, for error pages), shows
# a small notice while a build runs, and lets go of its connection in a hidden tab so that
# many open tabs never use up the browser's six connections to one server.
LIVE_SCRIPT = """(() => {
  const me = document.currentScript.dataset;
  let here = decodeURIComponent(location.pathname);
  if (here.endsWith("/")) here += "index.html";
  const watched = new Set([here, ...me.memogenWatch.split(" ").filter(Boolean)]);
  const notice = document.createElement("div");
  notice.setAttribute("role", "status");
  notice.style.cssText = "position:fixed;right:12px;bottom:12px;z-index:2147483647;" +
    "padding:6px 12px;border-radius:6px;background:#1b1b1b;color:#fff;" +
    "font:14px/1.4 sans-serif;display:none";
  document.body.append(notice);
  const say = text => { notice.textContent = text; notice.style.display = text ? "" : "none"; };
  const words = JSON.parse(me.memogenWords);
  const busy = {page: words.page, print: words.print};
  let stamp = me.memogenStamp, source = null, timer = 0;
  const listen = () => {
    source = new EventSource("EVENTS_PATH?since=" + encodeURIComponent(stamp));
    source.addEventListener("change", event => {
      const paths = JSON.parse(event.data);
      if (me.memogenAny === "1" || paths.some(p => p === "*" || watched.has(p))) {
        source.close();
        location.reload();
      } else {
        stamp = event.lastEventId;
      }
    });
    source.addEventListener("status", event => {
      clearTimeout(timer);
      timer = setTimeout(() => say(busy[event.data] || ""), event.data ? 400 : 0);
    });
    source.onerror = () => say(words.stopped);
  };
  document.addEventListener("visibilitychange", () => {
    if (document.hidden) source.close(); else listen();
  });
  addEventListener("pagehide", () => source.close());
  listen();
})();""".replace("EVENTS_PATH", EVENTS_PATH)

STYLE = """
body { font: 16px/1.5 "DejaVu Sans", sans-serif; color: #1b1b1b; background: #f4f6f9; margin: 0; }
main { max-width: 1500px; margin: 0 auto; padding: 28px; }
h1 { font-size: 26px; margin: 0 0 8px; }
h2 { font-size: 20px; margin: 28px 0 10px; }
a { color: #1f4e79; }
.note { color: #3d4651; }
.issues { padding-left: 24px; }
.issues li { background: #fff; border-left: 5px solid #b3261e; padding: 10px 14px; margin: 10px 0; }
.issues li.warning { border-left-color: #8a5a00; }
.where { font-weight: bold; }
pre { background: #1b1b1b; color: #f4f6f9; padding: 10px 12px; overflow-x: auto; margin: 8px 0 0; }
.files { display: flex; flex-wrap: wrap; gap: 6px 18px; padding: 0; list-style: none; }
.sheets { display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: 18px; }
.sheets img { display: block; max-width: 100%; max-height: 75vh; border: 1px solid #c6ccd4; }
iframe { width: 100%; height: 75vh; border: 1px solid #c6ccd4; background: #fff; }
"""


def live_script(stamp: str, watch: Sequence[str] = (), any_change: bool = False) -> str:
    """The `<script>` put before `</body>` of every HTML page the server sends."""
    words = {
        "page": _("Rebuilding…"),
        "print": _("Updating the PDFs and the poster…"),
        "stopped": _("memogen serve has stopped; waiting for it…"),
    }
    return (
        f'<script data-memogen-stamp="{escape(stamp)}" '
        f'data-memogen-watch="{escape(" ".join(watch))}" '
        f'data-memogen-words="{escape(json.dumps(words))}" '
        f'data-memogen-any="{int(any_change)}">{LIVE_SCRIPT}</script>'
    )


def _page(title: str, body: str, script: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{current()}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n{script}\n</body>\n</html>\n"
    )


def error_page(failures: list[Failure], root: Path, stamp: str) -> str:
    """Every problem, located, with the line it is on; the page reloads on any news."""
    items = []
    count = 0
    for failure in failures:
        if failure.summary:
            items.append(f"<li><pre>{escape(failure.summary)}</pre></li>")
            count += 1
        for issue in failure.issues:
            items.append(_issue_item(issue, root))
            count += 1
    heading = ngettext(
        "The preview cannot be built: {count} problem(s)",
        "The preview cannot be built: {count} problem(s)",
        count,
    ).format(count=count)
    note = _("Fix the file and save it: this page comes back by itself.")
    body = (
        f"<h1>{heading}</h1>\n"
        f'<p class="note">{note}</p>\n'
        f'<ol class="issues">\n{"".join(items)}\n</ol>'
    )
    return _page(_("Errors — memogen preview"), body, live_script(stamp, any_change=True))


def _issue_item(issue: Issue, root: Path) -> str:
    """`file:line:col: severity: path: message (hint)` as one line, then the source line."""
    where = f"{issue.file}:{issue.line}:{issue.col}"
    path = f"{escape(issue.path)}: " if issue.path else ""
    hint = f" ({escape(issue.hint)})" if issue.hint else ""
    line = (
        f'<span class="where">{escape(where)}</span>: {issue.severity}: {path}'
        f"{escape(issue.message)}{hint}"
    )
    return f'<li class="{issue.severity}"><p>{line}</p>{_excerpt(issue, root)}</li>\n'


def _excerpt(issue: Issue, root: Path) -> str:
    """The offending line with a caret under the column, when the file can be read: a
    regular file inside the repo, of a standard's size at most (never a link out of the
    repo, which memogen refuses to read, nor a FIFO or a device)."""
    if issue.line < 1:
        return ""
    path = root / issue.file
    data = read_regular(real_path(path), MAX_FILE_BYTES) if leads_inside(path, root) else None
    try:
        text = (data or b"").decode("utf-8").splitlines()[issue.line - 1]
    except (UnicodeError, IndexError):
        return ""
    number = f"{issue.line} | "
    caret = " " * (len(number) + max(issue.col - 1, 0)) + "^"
    return f"<pre>{escape(number + text)}\n{caret}</pre>"


def not_found_page(path: str, stamp: str) -> str:
    text = _(
        'There is no {path} in the preview. See the <a href="/">catalogue</a> or the '
        '<a href="{previews}">previews</a>.'
    ).format(path=f"<code>{escape(path)}</code>", previews=PREVIEW_PATH)
    heading = _("Not found")
    body = f"<h1>{heading}</h1>\n<p>{text}</p>"
    return _page(_("Not found — memogen preview"), body, live_script(stamp, any_change=True))


def preview_index(standards: list[Listed], stamp: str) -> str:
    """Links to the preview page of every standard."""
    items = "".join(
        f'<li><a href="{PREVIEW_PATH}{s.id}" lang="{s.language}">{escape(s.title)}'
        f'</a> <span lang="{s.language}">— {escape(s.department)}</span></li>\n'
        for s in standards
    )
    heading, catalogue = _("PDF and poster previews"), _("Catalogue")
    body = f'<p><a href="/">{catalogue}</a></p>\n<h1>{heading}</h1>\n<ul>\n{items}</ul>'
    return _page(_("Previews — memogen"), body, live_script(stamp, any_change=True))


# What a preview shows, in the table's order: the images, then the PDFs; and the page whose
# change (the page phase rewrites it whenever the standard changes) reloads it at once.
IMAGES = tuple(kind for kind in ARTIFACTS if "png" in kind.formats)
# (the acknowledgement sheet, made only when asked for, has no pane)
PDFS = tuple(kind for kind in ARTIFACTS if "pdf" in kind.formats and kind.name in DEFAULT_ARTIFACTS)
FIRST_PAGE = f"{PDFS[0].name}.html"


def preview_page(standard: Listed, files: list[str], stamp: str) -> str:
    """The poster as an image and the PDFs side by side; reloads when one of them changes."""
    base = f"/{standard.id}/"
    title = f'<span lang="{standard.language}">{escape(standard.title)}</span>'
    links = "".join(f'<li><a href="{base}{name}">{name}</a></li>' for name in files)
    live = _("Live preview: each save rebuilds these files and this page reloads by itself.")
    catalogue, previews, files_label = _("Catalogue"), _("All previews"), _("Files")
    parts = [
        f'<p><a href="/">{catalogue}</a> · <a href="{PREVIEW_PATH}">{previews}</a></p>',
        f"<h1>{title}</h1>",
        f'<p class="note">{live}</p>',
        f'<nav aria-label="{files_label}"><ul class="files">{links}</ul></nav>',
    ]
    being_made = _("Being made; it appears here when it is ready.")
    waiting = f'<p class="note">{being_made}</p>'
    sheets = []
    for kind in IMAGES:
        name, what = f"{kind.name}.png", LABELS[current()][f"kind_{kind.name}"]
        alt = f"{what}: {escape(standard.title)}"
        image = f'<img src="{base}{name}" alt="{alt}">' if name in files else waiting
        sheets.append(f"<section><h2>{what} (PNG)</h2>{image}</section>")
    for kind in PDFS:
        name, what = f"{kind.name}.pdf", LABELS[current()][f"kind_{kind.name}"]
        frame = (
            f'<iframe src="{base}{name}" title="{what} (PDF)"></iframe>'
            if name in files
            else waiting
        )
        sheets.append(f"<section><h2>{what} (PDF)</h2>{frame}</section>")
    parts += ['<div class="sheets">\n' + "\n".join(sheets), "</div>"]
    shown = [f"{kind.name}.png" for kind in IMAGES] + [f"{kind.name}.pdf" for kind in PDFS]
    watch = [f"{base}{name}" for name in (FIRST_PAGE, *shown)]
    page_title = _("{title} — memogen preview").format(title=standard.title)
    return _page(page_title, "\n".join(parts), live_script(stamp, watch))


def status_json(news: News, busy: bool, failures: list[Failure], folder: Path) -> str:
    """`/__memogen/status`: for scripts and tests that wait for a build or look at the files."""
    problems = [f.summary for f in failures if f.summary]
    problems += [i.text() for f in failures for i in f.issues]
    state = {
        "generation": news.generation,
        "building": news.building,
        "busy": busy,
        "problems": problems,
        "folder": str(folder),
    }
    return json.dumps(state)
