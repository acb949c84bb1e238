"""memogen's own words for what is wrong in a document: pydantic's findings rewritten from one
table (`_MESSAGES`) and placed at their YAML line and column, and the text YAML cut as a
comment."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from memogen.data.document import Document, KeyPath
from memogen.data.models import Standard
from memogen.errors import Issue

M = TypeVar("M", bound=BaseModel)


def to_model(model: type[M], document: Document) -> tuple[M | None, list[Issue]]:
    """Validate a document against a model; map each error to its place in the YAML."""
    if not isinstance(document.data, dict):
        line, col = document.where(())
        what = "empty" if document.data is None else "not a mapping of keys"
        hint = (
            "start with 'memogen: 1' and the keys of the format"
            if model is Standard
            else "write 'key: value' lines, e.g. 'language: ru'"
        )
        return None, [Issue(document.file, line, col, "", f"the file is {what}", hint)]
    try:
        return model.model_validate(document.data), []
    except ValidationError as exc:
        return None, [_issue(model, document, error) for error in exc.errors()]


_MESSAGES: dict[str, tuple[str, str]] = {
    "missing": ("the key '{key}' is required", "add '{key}:' here"),
    "list_type": ("expected a list", "write each item on its own line, starting with '- '"),
    "model_type": ("expected a mapping of keys", "write 'key: value' lines indented under it"),
    "model_attributes_type": (
        "expected a mapping of keys",
        "write 'key: value' lines indented under it",
    ),
    "too_short": ("needs at least {min_length} item(s)", "add an item starting with '- '"),
    "too_long": ("has more than {max_length} items", "keep the list short enough to read"),
    "float_parsing": ("expected a number", "write digits, with a dot for a fraction: 2 or 1.5"),
    "float_type": ("expected a number", "write digits, with a dot for a fraction: 2 or 1.5"),
    "greater_than_equal": ("must be at least {ge}", ""),
    "less_than_equal": ("must be at most {le}", ""),
}


def _issue(model: type[BaseModel], document: Document, error: Any) -> Issue:
    loc: KeyPath = tuple(error["loc"])
    kind = error["type"]
    ctx = error.get("ctx") or {}
    dotted = dotted_path(loc)
    if kind == "extra_forbidden":
        line, col = document.where(loc, at_key=True)
        known = _known_keys(model, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else "known keys: " + ", ".join(known)
        return Issue(document.file, line, col, dotted, f"unknown key '{loc[-1]}'", hint)
    if kind == "missing":
        line, col = document.where(loc[:-1], at_key=True)
        parent = dotted_path(loc[:-1])
        message, hint = (w.format(key=loc[-1]) for w in _MESSAGES["missing"])
        return Issue(document.file, line, col, parent, message, hint)
    line, col = document.where(loc)
    if kind == "memogen":
        return Issue(document.file, line, col, dotted, error["msg"], ctx.get("hint", ""))
    if kind == "literal_error":
        value = document.value_at(loc)
        allowed = ctx.get("expected", "").replace("'", "").replace(" or ", ", ")
        if not isinstance(value, str):  # no spelling hint here: 'None' looks like 'phone'
            found = "a list" if isinstance(value, list) else "a mapping of keys"
            message = f"expected one word, found {found}"
            if value is None:
                message = "this value is empty"
            return Issue(document.file, line, col, dotted, message, f"use one of: {allowed}")
        close = difflib.get_close_matches(value, allowed.split(", "), n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"use one of: {allowed}"
        return Issue(document.file, line, col, dotted, f"'{value}' is not allowed here", hint)
    if kind in _MESSAGES:
        message, hint = (w.format(**ctx) for w in _MESSAGES[kind])
        return Issue(document.file, line, col, dotted, message, hint)
    return Issue(document.file, line, col, dotted, "this value is not valid", error["msg"])


def dotted_path(loc: KeyPath) -> str:
    """`stages.2.deadline`: keys by name, list items counted from 1 as people count."""
    return ".".join(str(part + 1) if isinstance(part, int) else part for part in loc)


def _known_keys(model: type[BaseModel], loc: KeyPath) -> list[str]:
    """The keys allowed at `loc`, found by walking the model's field types."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = {f.alias or name: f for name, f in current.model_fields.items()}
        if part not in fields:
            return []
        current = _model_in(fields[part].annotation)
        if current is None:
            return []
    return [f.alias or name for name, f in current.model_fields.items()]


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (list, typing.Union, types.UnionType, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found:
                return found
    return None


def cut_comment_warnings(document: Document) -> list[Issue]:
    """`title: Coffee break #2` keeps only "Coffee break": YAML reads the rest as a comment."""
    return [
        Issue(
            document.file,
            line,
            col,
            dotted_path(path),
            f"the text after ' #' is a YAML comment and is left out: \"{_shortened(comment)}\"",
            "put the whole value in quotes to keep it",
            severity="warning",
        )
        for path, (line, col), comment in document.cut_comments
    ]


def _shortened(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
