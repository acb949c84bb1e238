"""Markdown fields → HTML: the same result whichever thread converts them."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator

import pytest

from memogen.render import markup
from tests.html_kit import html_tree


def _texts(thread: int, count: int) -> list[str]:
    """Distinct texts that use most of the converter's state: paragraphs, lists, links,
    references, emphasis and escapes."""
    return [
        f"Text {thread}-{n} with *stress* and a [link {n}](https://example.com/{thread}/{n}).\n\n"
        f"- item {n}\n- item [ref {thread}]\n\n[ref {thread}]: https://ref.example/{n}\n\n"
        + "word " * (n % 7)
        + "\\*not emphasis\\*"
        for n in range(count)
    ]


@pytest.fixture
def threads_switch_often() -> Iterator[None]:
    """Switch threads every microsecond, so that two conversions interleave for sure."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(before)


@pytest.mark.usefixtures("threads_switch_often")
def test_markdown_conversion_is_the_same_in_concurrent_threads() -> None:
    """`memogen serve` converts in its page and print threads at once."""
    texts = [_texts(thread, 300) for thread in range(4)]
    expected = [[markup.to_html(text) for text in batch] for batch in texts]
    results: list[list[str]] = [[] for _ in texts]
    start = threading.Barrier(len(texts))

    def convert(index: int) -> None:
        start.wait()
        results[index] = [markup.to_html(text) for text in texts[index]]

    threads = [threading.Thread(target=convert, args=(i,)) for i in range(len(texts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == expected


SOURCE = "**Bold** and [link](https://example.com) and <script>x</script>"


def test_markdown_becomes_clean_html_with_safe_links_and_no_script() -> None:
    assert html_tree(markup.to_html(SOURCE)) == html_tree(
        '<p><strong>Bold</strong> and <a href="https://example.com" '
        'rel="noopener noreferrer">link</a> and </p>'
    )


def test_inline_html_drops_the_paragraph_around_a_single_one_but_keeps_lists() -> None:
    assert html_tree(markup.to_inline_html("a *b* `c`")) == html_tree("a <em>b</em> <code>c</code>")
    assert html_tree(markup.to_inline_html("- one\n- two")) == html_tree(
        "<ul><li>one</li><li>two</li></ul>"
    )


def test_plain_text_keeps_link_targets_in_brackets_and_marks_list_items() -> None:
    assert markup.to_plain_text(SOURCE) == "Bold and link (https://example.com) and"
    assert markup.to_plain_text("- one\n- two") == "• one\n• two"
    assert markup.to_plain_text("<https://example.com>") == "https://example.com"


def test_a_link_to_a_script_or_a_relative_path_becomes_its_text() -> None:
    assert html_tree(markup.to_html("[bad](javascript:alert(1))")) == html_tree("<p>bad</p>")
    assert html_tree(markup.to_html("[guide](guide.pdf)")) == html_tree("<p>guide</p>")


def test_safe_markdown_makes_raw_html_inert_and_keeps_the_rest() -> None:
    assert markup.to_safe_markdown(SOURCE) == (
        "**Bold** and [link](https://example.com) and &lt;script>x&lt;/script>"
    )
    assert markup.to_safe_markdown("![logo](https://example.com/x.png)").startswith("\\!")


def test_plain_text_is_made_inert_in_markdown_but_safe_markdown_is_left_as_it_is() -> None:
    assert markup.escape_markdown_text("A [b](c) <i>") == "A \\[b\\](c) &lt;i>"
    safe = markup.to_safe_markdown("**x**")
    assert markup.escape_markdown_text(safe) == "**x**"
