"""What `memogen serve` tells the browsers: changes in order, stamps, the build phase."""

from __future__ import annotations

import threading

from memogen.serve.news import News


def test_each_publication_is_a_new_generation_and_its_stamp_names_it() -> None:
    news = News("abc")
    assert news.stamp() == "abc-0"
    news.publish(["/a/memo.html"])
    news.publish(["/b/memo.html"])
    assert news.generation == 2
    assert news.stamp() == "abc-2"
    assert news.stamp(1) == "abc-1"


def test_a_page_is_told_every_path_changed_after_its_generation_and_no_earlier_one() -> None:
    news = News("abc")
    news.publish(["/a/memo.html"])
    news.publish(["/b/memo.html", "/a/memo.html"])
    news.publish(["/c/guide.html"])
    assert news.changed_after(1) == ["/a/memo.html", "/b/memo.html", "/c/guide.html"]
    assert news.changed_after(2) == ["/c/guide.html"]
    assert news.changed_after(3) == []


def test_a_page_from_an_unknown_or_future_generation_reloads_everything() -> None:
    news = News("abc")
    news.publish(["/a/memo.html"])
    assert news.changed_after(None) == ["*"]
    assert news.changed_after(5) == ["*"]


def test_a_page_older_than_the_history_reloads_everything() -> None:
    news = News("abc")
    for number in range(501):
        news.publish([f"/{number}/memo.html"])
    assert news.changed_after(0) == ["*"]
    assert news.changed_after(1) == sorted(f"/{n}/memo.html" for n in range(1, 501))


def test_a_stamp_of_another_server_or_garbage_names_no_generation() -> None:
    news = News("abc")
    assert news.generation_of("abc-7") == 7
    assert news.generation_of("xyz-7") is None
    assert news.generation_of("abc-²") is None
    assert news.generation_of("abc--1") is None
    assert news.generation_of("garbage") is None


def test_the_page_phase_is_told_before_the_print_phase() -> None:
    news = News("abc")
    assert news.building == ""
    news.set_building("print", True)
    assert news.building == "print"
    news.set_building("page", True)
    assert news.building == "page"
    news.set_building("page", False)
    assert news.building == "print"
    news.set_building("print", False)
    assert news.building == ""


def test_a_waiting_browser_wakes_on_a_publication_with_the_new_generation() -> None:
    news = News("abc")
    woke: list[tuple[int, str]] = []
    waiting = threading.Thread(target=lambda: woke.append(news.wait(0, "", timeout=600)))
    waiting.start()
    news.publish(["/a/memo.html"])
    waiting.join()
    assert woke == [(1, "")]


def test_closing_wakes_every_waiting_browser() -> None:
    news = News("abc")
    woke: list[tuple[int, str]] = []
    waiting = threading.Thread(target=lambda: woke.append(news.wait(0, "", timeout=600)))
    waiting.start()
    news.close()
    waiting.join()
    assert woke == [(0, "")]
    assert news.closed is True
