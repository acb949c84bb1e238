"""The live build's phases, driven one at a time (no threads): what they write, what they tell."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from memogen.serve.livebuild import LiveBuild
from memogen.serve.news import News

RepoWriter = Callable[..., Path]  # the `write_repo` fixture of conftest.py
PAGES_ONLY = "build:\n  artifacts: [memo]\n  formats: [html, md]\n"


def live_build(repo: Path, said: list[str]) -> LiveBuild:
    return LiveBuild([], repo / "memogen.yaml", repo / "work", News("t"), said.append)


def test_the_page_phase_builds_the_pages_and_tells_the_browsers_which_changed(
    write_repo: RepoWriter, valid_standard_text: str
) -> None:
    repo = write_repo({"standards/tiny-service.yaml": valid_standard_text}, config=PAGES_ONLY)
    said: list[str] = []
    live = live_build(repo, said)
    live._page_phase()
    assert live.failures == {}
    assert sorted(p.name for p in (live.site / "tiny-service").iterdir()) == [
        "memo.html",
        "memo.md",
    ]
    assert [s.id for s in live.standards] == ["tiny-service"]
    assert {"/tiny-service/memo.html", "/tiny-service/memo.md", "/index.html"} <= set(
        live.news.changed_after(0)
    )
    assert said[0].startswith("pages: ")
    assert not live.busy()  # no print format asked for: no print phase is due


def test_a_page_phase_with_nothing_changed_tells_nobody(
    write_repo: RepoWriter, valid_standard_text: str
) -> None:
    repo = write_repo({"standards/tiny-service.yaml": valid_standard_text}, config=PAGES_ONLY)
    live = live_build(repo, [])
    live._page_phase()
    generation = live.news.generation
    live._page_phase()
    assert live.news.generation == generation


def test_an_invalid_standard_fails_the_page_phase_with_its_issues_and_a_fix_recovers(
    write_repo: RepoWriter, valid_standard_text: str
) -> None:
    broken = valid_standard_text.replace("deadline: 3 business days", "deadline: soon")
    repo = write_repo({"standards/tiny-service.yaml": broken}, config=PAGES_ONLY)
    said: list[str] = []
    live = live_build(repo, said)
    live._page_phase()
    assert list(live.failures) == ["page"]
    assert [issue.path for issue in live.failures["page"].issues] == ["deadline"]
    assert live.news.changed_after(0) == ["*"]
    assert said[-1].startswith("the preview cannot be built:\nstandards/tiny-service.yaml:")
    live._page_phase()  # the same failure again: the browsers are not told twice
    assert live.news.generation == 1

    (repo / "standards" / "tiny-service.yaml").write_text(valid_standard_text, encoding="utf-8")
    live._page_phase()
    assert live.failures == {}
    assert live.news.generation == 2
    assert live.news.changed_after(1) == ["*"]  # every page reloads, the error page too


def test_print_files_are_copied_to_the_site_only_when_their_bytes_differ(tmp_path: Path) -> None:
    live = LiveBuild([], None, tmp_path / "work", News("t"), lambda line: None)
    for folder in (live.print_dir / "a", live.site / "a", live.site / "gone"):
        folder.mkdir(parents=True)
    (live.print_dir / "a" / "memo.pdf").write_bytes(b"same")
    (live.site / "a" / "memo.pdf").write_bytes(b"same")
    (live.print_dir / "a" / "poster.png").write_bytes(b"new")
    (live.site / "gone" / "memo.pdf").write_bytes(b"old")
    (live.site / "gone" / "memo.html").write_bytes(b"page")
    assert live._copy_print_files() == ["a/poster.png", "gone/memo.pdf"]
    assert (live.site / "a" / "poster.png").read_bytes() == b"new"
    assert sorted(p.name for p in (live.site / "gone").iterdir()) == ["memo.html"]


def test_the_standards_folder_and_its_subfolders_are_watched(tmp_path: Path) -> None:
    (tmp_path / "standards" / "hr").mkdir(parents=True)
    (tmp_path / "memogen.yaml").write_text("", encoding="utf-8")
    live = LiveBuild([], tmp_path / "memogen.yaml", tmp_path / "work", News("t"), print)
    standards = (tmp_path / "standards").resolve()
    assert live.standard_folders() == ({standards, standards / "hr"}, set())


def test_a_deleted_standard_leaves_the_preview_its_catalogue_and_its_list(
    write_repo: RepoWriter, valid_standard_text: str
) -> None:
    alpha = valid_standard_text.replace("id: tiny-service", "id: alpha-service")
    repo = write_repo(
        {"standards/tiny-service.yaml": valid_standard_text, "standards/alpha-service.yaml": alpha},
        config=PAGES_ONLY,
    )
    live = live_build(repo, [])
    live._page_phase()
    assert [s.id for s in live.standards] == ["alpha-service", "tiny-service"]
    (repo / "standards" / "alpha-service.yaml").unlink()
    live._page_phase()
    assert live.failures == {}
    assert [s.id for s in live.standards] == ["tiny-service"]
    assert not (live.site / "alpha-service" / "memo.html").exists()
    assert not (live.site / "alpha-service" / "memo.md").exists()
    for listing in ("index.html", "catalogue.json"):
        assert "alpha-service" not in (live.site / listing).read_text("utf-8")
