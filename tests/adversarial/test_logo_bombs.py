"""Guarantee: a logo cannot make rendering its work. A 1.5 KB SVG whose `<use>` elements copy
each other ten times over eight levels draws 10^8 shapes: drawing it took every PDF that
shows the logo to its 60 s bound (then WeasyPrint drew it empty, with a warning), its PNG for
the email and the Word files came out blank without one, and a browser opening the catalogue
froze. The check counts what an SVG draws, each copy and `url(#id)` reference counted, and
refuses more than 100,000 shapes (a drawn logo has a few hundred, a traced one thousands) and a copy of itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from memogen.data.config import load_config
from memogen.errors import UserError

from .test_no_fetching import LOGO, SVG, _repo_with_logo

HEAD = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'width="10" height="10">'
)
TOO_MANY = (
    "logo.svg' would draw more than 100,000 shapes, counting each copy a <use> or a "
    "url(#id) makes (export it again as plain SVG, with its shapes drawn once)"
)


def _copies(levels: int, fan_out: int, element: str = "use", reference: str = 'href="#{}"') -> str:
    """`levels` groups, each holding `fan_out` copies of the group before it."""
    groups = "".join(
        f'<g id="g{level + 1}">'
        + f"<{element} {reference.format(f'g{level}')}/>" * fan_out
        + "</g>"
        for level in range(levels)
    )
    return (
        f'{HEAD}<defs><g id="g0"><rect width="1" height="1"/></g>{groups}</defs>'
        f'<use href="#g{levels}"/></svg>'
    )


def _refusal(tmp_path: Path, svg: str) -> str:
    with pytest.raises(UserError) as caught:
        load_config(_repo_with_logo(tmp_path, "logo.svg", svg.encode()))
    return caught.value.describe()


@pytest.mark.parametrize(
    "svg",
    [
        _copies(8, 10),
        _copies(16, 2),  # 2^16 copies of a group: past the bound by doubling alone
        _copies(8, 10, "rect", 'fill="url(#{})" width="1" height="1"'),
        _copies(8, 10, "use", 'xlink:href="#{}"'),
    ],
    ids=["use-bomb", "doubling", "url-references", "xlink"],
)
def test_a_logo_that_copies_its_copies_is_refused(svg: str, tmp_path: Path) -> None:
    assert _refusal(tmp_path, svg) == LOGO + TOO_MANY


def test_a_logo_that_copies_itself_is_refused(tmp_path: Path) -> None:
    svg = f'{HEAD}<g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g></svg>'
    assert _refusal(tmp_path, svg) == LOGO + TOO_MANY


# A traced logo: 8,000 paths, each filled with one gradient of 40 stops (not shapes: 16,000).
GRADIENT_ON_EVERY_PATH = (
    HEAD
    + '<defs><linearGradient id="l">'
    + '<stop offset="0"/>' * 40
    + "</linearGradient></defs>"
    + '<path d="M0 0h1v1z" fill="url(#l)"/>' * 8000
    + "</svg>"
)
EXAMPLE_LOGO = (Path(__file__).resolve().parents[2] / "assets" / "logo.svg").read_text("utf-8")


@pytest.mark.parametrize(
    "svg",
    [_copies(2, 120), EXAMPLE_LOGO, SVG, GRADIENT_ON_EVERY_PATH],
    ids=["87248-shapes", "the-examples-logo", "uses-and-a-gradient", "traced"],
)
def test_a_logo_that_draws_up_to_100000_shapes_is_accepted(svg: str, tmp_path: Path) -> None:
    config = load_config(_repo_with_logo(tmp_path, "logo.svg", svg.encode()))
    assert config.logo_uri.startswith("data:image/svg+xml;base64,")
