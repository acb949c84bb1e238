"""Unit tests for memogen.serve.pages: the server's own pages (errors, 404, previews), the
live-reload script and the status document; everything from a user's file is escaped."""

from __future__ import annotations

import html
import json
import os
import re
import threading
from pathlib import Path

from memogen.errors import Issue
from memogen.serve.news import News
from memogen.serve.pages import (
    error_page,
    live_script,
    not_found_page,
    preview_index,
    preview_page,
    status_json,
)
from memogen.serve.status import Failure, Listed

HOSTILE = '"><script>alert(1)</script>'
PATIENCE_S = 60.0  # a bound on a wait, never an expected duration
CYRILLIC = Listed("hr-certificate", "Справки с места работы", "ru", "Отдел кадров")


def script_data(page: str) -> dict[str, str]:
    """The data-memogen-* attributes of the page's live script."""
    tag = re.search(r"<script (data-[^>]*)>", page)
    assert tag, page
    return dict(re.findall(r'data-memogen-(\w+)="([^"]*)"', tag.group(1)))


def test_the_live_script_carries_its_stamp_and_what_it_watches_escaped() -> None:
    script = live_script(HOSTILE, ["/a/memo.html", "/a/poster.png"])
    data = script_data(script)
    assert json.loads(html.unescape(data.pop("words")))["page"] == "Rebuilding…"
    assert data == {
        "stamp": "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
        "watch": "/a/memo.html /a/poster.png",
        "any": "0",
    }
    assert script.endswith("</script>") and script.count("</script>") == 1
    assert "/__memogen/events?since=" in script


def test_the_error_page_counts_every_problem_and_shows_each_line_with_a_caret(
    tmp_path: Path,
) -> None:
    (tmp_path / "standards").mkdir()
    (tmp_path / "standards" / "x.yaml").write_text("id: x\ndeadline: скоро\n", "utf-8")
    issue = Issue("standards/x.yaml", 2, 11, "deadline", "'скоро' is not a duration", "hint")
    warning = Issue("standards/x.yaml", 1, 1, "", "a warning", "", "warning")
    page = error_page(
        [Failure((issue, warning)), Failure((), "the templates folder is missing")], tmp_path, "t-1"
    )
    assert "<h1>The preview cannot be built: 3 problem(s)</h1>" in page
    assert "<pre>2 | deadline: скоро\n" + " " * 14 + "^</pre>" in page
    assert (
        '<span class="where">standards/x.yaml:2:11</span>: error: deadline: '
        "&#x27;скоро&#x27; is not a duration (hint)"
    ) in page
    assert '<li class="warning"><p><span class="where">standards/x.yaml:1:1</span>' in page
    assert "<li><pre>the templates folder is missing</pre></li>" in page
    assert script_data(page)["any"] == "1"  # any news may be the fix


def test_the_error_page_escapes_what_comes_from_the_files(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text("memogen: 1\ntitle: <script>alert(1)</script>\n", "utf-8")
    issue = Issue("x.yaml", 2, 8, "title", "bad '<b>'", "use <i>")
    page = error_page([Failure((issue,))], tmp_path, "t-1")
    assert "<script>alert" not in page and "2 | title: &lt;script&gt;alert(1)" in page
    assert "x.yaml:2:8</span>: error: title: bad &#x27;&lt;b&gt;&#x27; (use &lt;i&gt;)" in page


def test_an_issue_whose_line_cannot_be_read_is_shown_without_an_excerpt(tmp_path: Path) -> None:
    (tmp_path / "short.yaml").write_text("id: x\n", "utf-8")
    (tmp_path / "latin1.yaml").write_bytes(b"id: \xe9\n")
    issues = (
        Issue("short.yaml", 5, 1, "", "past the end"),
        Issue("short.yaml", 0, 0, "", "no line"),
        Issue("gone.yaml", 1, 1, "", "no file"),
        Issue("latin1.yaml", 1, 1, "", "not UTF-8"),
    )
    page = error_page([Failure(issues)], tmp_path, "t-1")
    assert "4 problem(s)" in page and "<pre>" not in page


def test_the_not_found_page_escapes_the_path_and_links_back() -> None:
    page = not_found_page("/" + HOSTILE, "t-1")
    assert "<script>alert" not in page
    assert "<code>/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</code>" in page
    assert '<a href="/">catalogue</a>' in page and '<a href="/__memogen/preview/">' in page


def test_the_preview_index_links_every_standard_in_its_language() -> None:
    hostile = Listed("odd", HOSTILE, "en", "<b>IT</b>")
    page = preview_index([CYRILLIC, hostile], "t-1")
    assert (
        '<li><a href="/__memogen/preview/hr-certificate" lang="ru">Справки с места работы</a> '
        '<span lang="ru">— Отдел кадров</span></li>'
    ) in page
    assert "<script>alert" not in page and "&lt;b&gt;IT&lt;/b&gt;" in page


def test_a_preview_shows_what_is_made_and_says_what_is_still_being_made() -> None:
    page = preview_page(CYRILLIC, ["memo.html", "memo.pdf", "poster.png"], "t-1")
    assert ('<img src="/hr-certificate/poster.png" alt="Poster: Справки с места работы">') in page
    assert '<iframe src="/hr-certificate/memo.pdf" title="Memo (PDF)"></iframe>' in page
    assert 'src="/hr-certificate/guide.pdf"' not in page
    assert page.count("Being made; it appears here when it is ready.") == 2
    assert '<li><a href="/hr-certificate/memo.html">memo.html</a></li>' in page
    assert script_data(page)["watch"].split() == [
        "/hr-certificate/memo.html",
        "/hr-certificate/poster.png",
        "/hr-certificate/memo.pdf",
        "/hr-certificate/guide.pdf",
        "/hr-certificate/poster.pdf",
    ]
    assert script_data(page)["any"] == "0"


def test_a_preview_escapes_the_title() -> None:
    page = preview_page(Listed("odd", HOSTILE, "en", "IT"), ["poster.png"], "t-1")
    assert "<script>alert" not in page
    assert "<title>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; — memogen preview" in page


def test_the_status_document_lists_the_build_and_every_problem(tmp_path: Path) -> None:
    news = News("t")
    news.publish(["/a/memo.html"])
    news.set_building("print", True)
    issue = Issue("standards/x.yaml", 2, 11, "deadline", "bad")
    failures = [Failure((issue,)), Failure((), "templates: missing")]
    assert json.loads(status_json(news, True, failures, tmp_path)) == {
        "generation": 1,
        "building": "print",
        "busy": True,
        "problems": ["templates: missing", "standards/x.yaml:2:11: error: deadline: bad"],
        "folder": str(tmp_path),
    }


def test_the_pages_and_their_live_notices_speak_the_owners_language() -> None:
    from memogen import i18n

    i18n.use("ru")
    page = not_found_page("/x.html", "1")
    assert '<html lang="ru">' in page and "<h1>Не найдено</h1>" in page
    assert json.loads(html.unescape(script_data(page)["words"])) == {
        "page": "Пересборка…",
        "print": "Обновляем PDF и плакат…",
        "stopped": "memogen serve остановлен; ждём его…",
    }


def test_the_error_page_reads_no_fifo_and_nothing_outside_the_repo(tmp_path: Path) -> None:
    """An excerpt is read only from a regular file inside the repo: a FIFO would block the
    page for ever, a link out of the repo (to a secret, to /dev/zero) would leak it or fill
    the memory."""
    repo = tmp_path / "repo"
    (repo / "standards").mkdir(parents=True)
    os.mkfifo(repo / "standards" / "fifo.yaml")
    (tmp_path / "secret.yaml").write_text("SECRET\n", "utf-8")
    (repo / "standards" / "leak.yaml").symlink_to(tmp_path / "secret.yaml")
    (repo / "standards" / "loop.yaml").symlink_to("loop.yaml")  # resolve() raised on it
    names = ("fifo", "leak", "loop")
    issues = tuple(Issue(f"standards/{n}.yaml", 1, 1, "", n) for n in names)
    pages: list[str] = []
    worker = threading.Thread(
        target=lambda: pages.append(error_page([Failure(issues)], repo, "t-1")), daemon=True
    )
    worker.start()
    worker.join(timeout=PATIENCE_S)
    if worker.is_alive():  # blocked opening the FIFO: let it go before failing
        os.close(os.open(repo / "standards" / "fifo.yaml", os.O_WRONLY))
    assert pages, "the error page was not made"
    assert "3 problem(s)" in pages[0] and "<pre>" not in pages[0]
