"""HTML compared by what it means, for tests of HTML that a library writes (Python-Markdown,
nh3): the elements, their attributes and their text, not how a release chooses to print
them (`&nbsp;` or U+00A0, a line break between list items, the order of attributes)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements whose whitespace-only text between children is layout, not content.
_BLOCKS = {"", "ul", "ol", "blockquote", "div", "table", "thead", "tbody", "tr"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr"}

Node = tuple[str, tuple[tuple[str, str], ...], tuple["Node | str", ...]]


class _Tree(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, tuple[tuple[str, str], ...], list[Node | str]]] = [("", (), [])]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = tuple(sorted((name, value or "") for name, value in attrs))
        if tag in _VOID:
            self.stack[-1][2].append((tag, attributes, ()))
        else:
            self.stack.append((tag, attributes, []))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1][2].append((tag, tuple(sorted((n, v or "") for n, v in attrs)), ()))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        opened, attributes, children = self.stack.pop()
        assert opened == tag, f"</{tag}> closes <{opened}>"
        self.stack[-1][2].append((tag, attributes, tuple(children)))

    def handle_data(self, data: str) -> None:
        text = re.sub(r"[ \t\n\r\f]+", " ", data)  # HTML's white space, never U+00A0
        if text == " " and self.stack[-1][0] in _BLOCKS:
            return
        children = self.stack[-1][2]
        if children and isinstance(children[-1], str):
            children[-1] += text
        else:
            children.append(text)


def html_tree(html: str) -> tuple[Node | str, ...]:
    """The elements and text of `html`, as nested (tag, sorted attributes, children)."""
    tree = _Tree()
    tree.feed(html)
    tree.close()
    assert len(tree.stack) == 1, f"<{tree.stack[-1][0]}> is not closed"
    return tuple(tree.stack[0][2])
