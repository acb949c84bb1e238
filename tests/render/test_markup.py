"""Markdown fields → HTML: the same result whichever thread converts them."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator

import pytest

from memogen.render import markup


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
