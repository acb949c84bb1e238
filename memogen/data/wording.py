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
from memogen.i18n import N_, _, ngettext

M = TypeVar("M", bound=BaseModel)


def to_model(model: type[M], document: Document) -> tuple[M | None, list[Issue]]:
    """Validate a document against a model; map each error to its place in the YAML."""
    if not isinstance(document.data, dict):
        line, col = document.where(())
        message = (
            _("the file is empty")
            if document.data is None
            else _("the file is not a mapping of keys")
        )
        hint = (
            _("start with 'memogen: 1' and the keys of the format")
            if model is Standard
            else _("write 'key: value' lines, e.g. 'language: ru'")
        )
        return None, [Issue(document.file, line, col, "", message, hint)]
    try:
        return model.model_validate(document.data), []
    except ValidationError as exc:
        return None, [_issue(model, document, error) for error in exc.errors()]


_MESSAGES: dict[str, tuple[str, str]] = {
    "missing": (N_("the key '{key}' is required"), N_("add '{key}:' here")),
    "list_type": (N_("expected a list"), N_("write each item on its own line, starting with '- '")),
    "model_type": (
        N_("expected a mapping of keys"),
        N_("write 'key: value' lines indented under it"),
    ),
    "model_attributes_type": (
        N_("expected a mapping of keys"),
        N_("write 'key: value' lines indented under it"),
    ),
    "float_parsing": (
        N_("expected a number"),
        N_("write digits, with a dot for a fraction: 2 or 1.5"),
    ),
    "float_type": (
        N_("expected a number"),
        N_("write digits, with a dot for a fraction: 2 or 1.5"),
    ),
    "greater_than_equal": (N_("must be at least {ge}"), ""),
    "less_than_equal": (N_("must be at most {le}"), ""),
}


def worded(kind: str, **values: Any) -> tuple[str, str]:
    """The message and hint of `kind` in the current language, placeholders filled."""
    if kind == "too_short":  # counted: Russian picks the plural form by the number
        count = int(values["min_length"])
        message = ngettext(
            "needs at least {count} item(s)", "needs at least {count} item(s)", count
        )
        return message.format(count=count), _("add an item starting with '- '")
    if kind == "too_long":
        count = int(values["max_length"])
        message = ngettext("has more than {count} items", "has more than {count} items", count)
        return message.format(count=count), _("keep the list short enough to read")
    if kind not in _MESSAGES:
        return _("this value is not valid"), ""
    message, hint = _MESSAGES[kind]
    return _(message).format(**values), _(hint).format(**values) if hint else ""


def _issue(model: type[BaseModel], document: Document, error: Any) -> Issue:
    loc: KeyPath = tuple(error["loc"])
    kind = error["type"]
    ctx = error.get("ctx") or {}
    dotted = dotted_path(loc)
    if kind == "extra_forbidden":
        line, col = document.where(loc, at_key=True)
        known = _known_keys(model, loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
        hint = (
            _("did you mean '{key}'?").format(key=close[0])
            if close
            else _("known keys: {keys}").format(keys=", ".join(known))
        )
        message = _("unknown key '{key}'").format(key=loc[-1])
        return Issue(document.file, line, col, dotted, message, hint)
    if kind == "missing":
        line, col = document.where(loc[:-1], at_key=True)
        parent = dotted_path(loc[:-1])
        message, hint = worded("missing", key=loc[-1])
        return Issue(document.file, line, col, parent, message, hint)
    if kind == "memogen":  # `at`: a place inside the value (a language of a setting)
        loc = (*loc, *ctx.get("at", ()))
        line, col = document.where(loc, at_key=ctx.get("at_key", False))
        message, hint = error["msg"], ctx.get("hint", "")
        return Issue(document.file, line, col, dotted_path(loc), message, hint)
    line, col = document.where(loc)
    if kind == "literal_error":
        value = document.value_at(loc)
        allowed = ctx.get("expected", "").replace("'", "").replace(" or ", ", ")
        if not isinstance(value, str):  # no spelling hint here: 'None' looks like 'phone'
            message = (
                _("expected one word, found a list")
                if isinstance(value, list)
                else _("expected one word, found a mapping of keys")
            )
            if value is None:
                message = _("this value is empty")
            hint = _("use one of: {choices}").format(choices=allowed)
            return Issue(document.file, line, col, dotted, message, hint)
        close = difflib.get_close_matches(value, allowed.split(", "), n=1)
        hint = (
            _("did you mean '{key}'?").format(key=close[0])
            if close
            else _("use one of: {choices}").format(choices=allowed)
        )
        message = _("'{value}' is not allowed here").format(value=value)
        return Issue(document.file, line, col, dotted, message, hint)
    if kind in _MESSAGES or kind in ("too_short", "too_long"):
        message, hint = worded(kind, **ctx)
        return Issue(document.file, line, col, dotted, message, hint)
    return Issue(document.file, line, col, dotted, _("this value is not valid"), error["msg"])


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
            _("the text after ' #' is a YAML comment and is left out: \"{text}\"").format(
                text=_shortened(comment)
            ),
            _("put the whole value in quotes to keep it"),
            severity="warning",
        )
        for path, (line, col), comment in document.cut_comments
    ]


def _shortened(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
