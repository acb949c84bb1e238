"""A workaround for WeasyPrint's line breaking before an inline element.

When a line must break at the space just before an inline element (`<strong>`, `<a>`,
`<em>`, `<code>`…), WeasyPrint looks for the break in the text before it and can take
that text's first break instead of its last: "The / lawyer replies … in the <strong>
contract register</strong>" left "The" alone on the guide's line (WeasyPrint 70; its
issues #1614 and #2025). Given its own inline box, the space is the break WeasyPrint
finds, and lines break where they would in the same text without the element. Only
the HTML handed to WeasyPrint changes; browsers break these lines well.
"""

from __future__ import annotations

import re

# A space (or a source line's end) between a word and the opening tag of a phrase element;
# not between two tags, and never inside a tag, where `<` does not stand unescaped.
_SPACE_BEFORE_PHRASE = re.compile(
    r"(?<=[^\s>])([ \n])<(?=(?:a|abbr|b|code|em|i|mark|q|s|small|span|strong|sub|sup|time|u)[\s>])"
)


def spaces_before_phrases_boxed(body: str) -> str:
    """`body` with each space before a phrase element in an inline box of its own."""
    return _SPACE_BEFORE_PHRASE.sub(r"<span>\1</span><", body)  # (a newline kept: <pre>)
