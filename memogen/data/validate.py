"""Raw documents → trusted models, with every problem located and worded for people.

Pydantic checks the shape; this module rewrites its findings in memogen's own
words (one table, `_MESSAGES`), places them at the YAML line and column, and adds
the rules that need more than one field or more than one file.
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from memogen.data import durations
from memogen.data.loader import Document, KeyPath, load_file
from memogen.data.logo import LogoError, logo_data_uri
from memogen.data.models import Config, Standard
from memogen.errors import Issue, UserError
from memogen.fonts import font_hint, font_is_missing

M = TypeVar("M", bound=BaseModel)


@dataclass
class Checked:
    """The outcome of validating a set of files: the good models and every issue."""

    standards: list[Standard] = field(default_factory=list)
    sources: dict[str, Path] = field(default_factory=dict)  # id → file
    issues: list[Issue] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)  # id → its YAML source map

    def with_documents(self) -> list[tuple[Standard, Document]]:
        """Each valid standard with the document it came from, to locate further findings."""
        return [(standard, self.documents[standard.id]) for standard in self.standards]

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning"]


def load_config(path: Path | None, display: str = "memogen.yaml") -> Config:
    """Read memogen.yaml; a missing optional file gives the defaults."""
    return read_config(path, display)[0]


def read_config(path: Path | None, display: str = "memogen.yaml") -> tuple[Config, list[Issue]]:
    """memogen.yaml and its warnings; errors raise a UserError with every issue."""
    if path is None or not path.exists():
        return Config(), []
    document = load_file(path, display)
    warnings = cut_comment_warnings(document)
    if document.data is None:
        return Config(), warnings
    config, issues = to_model(Config, document)
    if config is not None:
        issues.extend(_logo_rule(config, document, path.parent))
        issues.extend(_baseline_rule(config, document, path.parent))
    if any(issue.severity == "error" for issue in issues) or config is None:
        raise UserError(issues + warnings)
    return config, sorted([*issues, *warnings, *_font_rule(config, document)])


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


def _font_rule(config: Config, document: Document) -> Iterable[Issue]:
    """A brand font fontconfig does not have is quietly replaced by another one."""
    font = config.brand.font
    if font_is_missing(font):
        line, col = document.where(("brand", "font"), at_key=True)
        yield Issue(
            document.file,
            line,
            col,
            "brand.font",
            f"the font '{font}' is not installed, so another font is printed in its place",
            font_hint(font),
            severity="warning",
        )


def _logo_rule(config: Config, document: Document, repo: Path) -> Iterable[Issue]:
    if config.logo is None:
        return
    line, col = document.where(("logo",))
    logo = (repo / config.logo).resolve()
    if not logo.is_relative_to(repo.resolve()):
        yield Issue(
            document.file,
            line,
            col,
            "logo",
            f"the logo '{config.logo}' is outside the repo",
            "put the file in a folder next to memogen.yaml, e.g. assets/logo.svg",
        )
    elif logo.suffix.lower() not in (".svg", ".png"):
        yield Issue(
            document.file,
            line,
            col,
            "logo",
            f"the logo '{config.logo}' is not SVG or PNG",
            "save it as .svg or .png",
        )
    elif not logo.is_file():
        yield Issue(
            document.file,
            line,
            col,
            "logo",
            f"the logo file '{config.logo}' is missing",
            "check the path; it is relative to memogen.yaml",
        )
    else:  # read once, verified and inlined: templates get a data: URI, never a path
        try:
            config.attach_logo(logo_data_uri(logo, config.logo))
        except LogoError as exc:
            yield Issue(document.file, line, col, "logo", exc.message, exc.hint)


def _baseline_rule(config: Config, document: Document, repo: Path) -> Iterable[Issue]:
    """The lint baseline is read and written: it must stay inside the repo (symlinks resolved)."""
    baseline = config.lint.baseline
    if not (repo / baseline).resolve().is_relative_to(repo.resolve()):
        line, col = document.where(("lint", "baseline"))
        yield Issue(
            document.file,
            line,
            col,
            "lint.baseline",
            f"the lint baseline '{baseline}' is outside the repo",
            "name a file inside the repo, e.g. .memogen-lint-baseline.json",
        )


def check_standards(files: Iterable[tuple[Path, str]], config: Config) -> Checked:
    """Validate every (path, display name) pair and the rules across files."""
    checked = Checked()
    first_seen: dict[str, Issue] = {}
    for path, display in files:
        try:
            document = load_file(path, display)
        except UserError as exc:
            checked.issues.extend(exc.issues)
            continue
        checked.issues.extend(cut_comment_warnings(document))
        standard, issues = to_model(Standard, document)
        checked.issues.extend(issues)
        if standard is None:
            continue
        issues = list(_standard_rules(standard, document, path, config))
        checked.issues.extend(issues)
        clash = _id_clash(standard, document, first_seen)
        if clash:
            checked.issues.append(clash)
            continue
        if not any(i.severity == "error" for i in issues):
            if standard.language is None:
                standard = standard.model_copy(update={"language": config.language})
            checked.standards.append(standard)
            checked.sources[standard.id] = path
            checked.documents[standard.id] = document
    checked.issues.sort()
    return checked


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


def _standard_rules(
    standard: Standard, document: Document, path: Path, config: Config
) -> Iterable[Issue]:
    """Rules that need several fields or the file's name."""
    file = document.file
    if path.name != f"{standard.id}.yaml":
        line, col = document.where(("id",))
        yield Issue(
            file,
            line,
            col,
            "id",
            f"the id '{standard.id}' differs from the file name '{path.name}'",
            f"rename the file to '{standard.id}.yaml' or change the id",
        )
    if standard.request.channel == "email" and not standard.request.address:
        line, col = document.where(("request", "channel"))
        yield Issue(
            file,
            line,
            col,
            "request.channel",
            "the email channel needs an address",
            "add 'address: team@example.com' under request",
        )
    yield from _deadline_rule(standard, document, config.workday_hours)
    yield from _acknowledgement_rule(standard, document, config.workday_hours)


def _acknowledgement_rule(
    standard: Standard, document: Document, workday_hours: int
) -> Iterable[Issue]:
    """Confirming a request cannot take longer than handling all of it. Figures on two
    clocks (4 business hours within 2 weeks, a common pair) are not compared."""
    within, deadline = standard.request.acknowledge_within, standard.deadline
    if within is None or not durations.comparable([within, deadline]):
        return
    if within.minutes(workday_hours) > deadline.minutes(workday_hours):
        line, col = document.where(("request", "acknowledge_within"))
        yield Issue(
            document.file,
            line,
            col,
            "request.acknowledge_within",
            f"the time to acknowledge a request ({durations.word(within, 'en', ' ')}) is longer "
            f"than the whole deadline ({durations.word(deadline, 'en', ' ')})",
            "shorten the time to acknowledge, or extend the total deadline",
        )


def _deadline_rule(standard: Standard, document: Document, workday_hours: int) -> Iterable[Issue]:
    stage_deadlines = [stage.deadline for stage in standard.stages]
    line, col = document.where(("deadline",))
    if not durations.comparable([*stage_deadlines, standard.deadline]):
        yield Issue(
            document.file,
            line,
            col,
            "deadline",
            "the stage deadlines cannot be compared with the total deadline",
            "use business hours/days everywhere, or elapsed time everywhere",
            severity="warning",
        )
        return
    stages_minutes = sum(d.minutes(workday_hours) for d in stage_deadlines)
    if stages_minutes > standard.deadline.minutes(workday_hours):  # exact, not rounded
        unit = standard.deadline.unit
        if durations.total(stage_deadlines, unit, workday_hours).amount <= standard.deadline.amount:
            unit = durations.Unit.MINUTES  # so close that only minutes show the difference
        stages_total = durations.total(stage_deadlines, unit, workday_hours)
        whole = durations.total([standard.deadline], unit, workday_hours)
        yield Issue(
            document.file,
            line,
            col,
            "deadline",
            f"the stages add up to {durations.word(stages_total, 'en', ' ')}, more than "
            f"the total deadline of {durations.word(whole, 'en', ' ')}",
            "shorten a stage or extend the total deadline",
        )


def _id_clash(standard: Standard, document: Document, first_seen: dict[str, Issue]) -> Issue | None:
    line, col = document.where(("id",))
    here = Issue(document.file, line, col, "id", "")
    if standard.id not in first_seen:
        first_seen[standard.id] = here
        return None
    first = first_seen[standard.id]
    return Issue(
        document.file,
        line,
        col,
        "id",
        f"the id '{standard.id}' is already used",
        f"by {first.file}:{first.line}; every standard needs its own id",
    )
