"""Type that fits, chosen by laying the document out and measuring it, never from lengths.

A fitted artifact's templates read `fit` (named sizes, such as the memo's body size) from
their context. The fitting renders the templates with a first choice, lays the document
out with WeasyPrint, measures it (`formats.layout`) and lets the artifact's plan choose
again from what it measured (a document that takes 1.3 times its page is laid out again
at a size predicted to fit, then checked), until the plan accepts a layout. Layouts are
kept by choice: no choice is laid out twice. The layout accepted is the one written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from memogen.render.formats import pdf
from memogen.render.formats.layout import Layout, measure

MAX_LAYOUTS = 8  # a plan that has not settled by then keeps the best layout it has
Values = dict[str, float]
Make = Callable[[Values], tuple[str, str]]  # fit values → the HTML and its print CSS


@dataclass
class Fitted:
    """One laid-out choice: its values, its sources, its layout and its measurements."""

    values: Values
    html: str
    print_css: str
    laid: pdf.Laid
    layout: Layout
    layouts: int = 1  # how many layouts the fitting took in all


class Plan(Protocol):
    """How an artifact chooses its sizes."""

    def first(self) -> Values:
        """The choice to lay out first."""

    def next(self, values: Values, layout: Layout, tried: Mapping[Key, Layout]) -> Values | None:
        """The choice to lay out next, from this one's layout; None keeps this one."""

    def settle(self, values: Values, tried: Mapping[Key, Layout]) -> Values:
        """The choice to keep once the search stops (also when it ran out of layouts)."""


Key = tuple[tuple[str, float], ...]


def key_of(values: Values) -> Key:
    return tuple(sorted(values.items()))


def fit(make: Make, plan: Plan | None) -> Fitted:
    """Lay out the plan's choices until it accepts one; without a plan, lay out once."""
    values = plan.first() if plan else {}
    tried: dict[Key, Fitted] = {}
    for _ in range(2 * MAX_LAYOUTS):  # a plan may go back to a choice already laid out
        current = tried.get(key_of(values)) or _lay_out(make, values)
        tried[key_of(values)] = current
        if plan is None or len(tried) >= MAX_LAYOUTS:
            break
        following = plan.next(values, current.layout, _layouts(tried))
        if following is None:
            break
        values = following
    else:  # out of turns: the last choice named was not laid out
        values = current.values
    if plan is not None:
        current = tried[key_of(plan.settle(values, _layouts(tried)))]
    current.layouts = len(tried)
    return current


def _layouts(tried: Mapping[Key, Fitted]) -> dict[Key, Layout]:
    return {key: fitted.layout for key, fitted in tried.items()}


def _lay_out(make: Make, values: Values) -> Fitted:
    html, print_css = make(values)
    laid = pdf.lay_out(html, print_css)
    return Fitted(values, html, print_css, laid, measure(laid.document.pages))
