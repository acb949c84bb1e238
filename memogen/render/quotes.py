"""Quote marks of the language: «ёлочки» outside and „лапки“ inside in Russian, “curly”
and ‘single’ ones in English, ’ for an apostrophe; straight and mis-nested marks made right."""

from __future__ import annotations

_QUOTES = {"ru": (("«", "»"), ("„", "“")), "en": (("“", "”"), ("‘", "’"))}
_OPENERS = {"ru": "«„", "en": "“"}
_CLOSERS = {"ru": "»“", "en": "”"}
BEFORE_OPENING = " \t\n\u00a0([{/—–-" + "«„“‘"


def with_quotes(pieces: list[tuple[str, bool]], lang: str) -> list[tuple[str, bool]]:
    """The pieces with straight quotes (and mis-nested ones) made the language's own,
    nested by level; the level runs on across protected pieces."""
    language = lang if lang in _QUOTES else "en"
    depth = 0
    previous = " "
    result: list[tuple[str, bool]] = []
    for piece, free in pieces:
        if not free:
            result.append((piece, free))
            previous = piece[-1:] or previous
            continue
        out = []
        for index, char in enumerate(piece):
            following = piece[index + 1 : index + 2]
            if char == '"' or char in _OPENERS[language] or char in _CLOSERS[language]:
                opening = _opens(char, previous, following, language)
                char, depth = _quote(opening, depth, language)
            elif char == "'":
                char = _single_quote(previous, following, language)
            out.append(char)
            previous = char
        result.append(("".join(out), free))
    return result


def _opens(char: str, previous: str, following: str, lang: str) -> bool:
    """Whether a quote mark opens a quotation: by its shape, or, for a straight one, by
    what stands before it (a space, a bracket or the start) and after it (not a space)."""
    if char != '"':
        return char in _OPENERS[lang]
    return previous in BEFORE_OPENING and bool(following.strip())


def _quote(opening: bool, depth: int, lang: str) -> tuple[str, int]:
    """The quote mark of the nesting level, and the level after it."""
    marks = _QUOTES[lang]
    if opening:
        return marks[min(depth, 1)][0], depth + 1
    depth = max(depth - 1, 0)
    return marks[min(depth, 1)][1], depth


def _single_quote(previous: str, following: str, lang: str) -> str:
    """An apostrophe inside a word; in English, an opening ‘ before one."""
    if previous.isalnum():
        return "’"
    if lang == "en" and previous in BEFORE_OPENING and following.isalnum():
        return "‘"
    return "'"
