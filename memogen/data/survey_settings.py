"""memogen.yaml's `survey:` section: where the internal clients' answers are, and how many a
group needs before its scores are shown (fewer would let a colleague guess who answered)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, PlainValidator, WithJsonSchema

from memogen.data.fields import Flag, WholeNumber, fail
from memogen.data.models import Strict, documented
from memogen.i18n import _

DEFAULT_MIN_RESPONSES = 5


def _repo_glob(value: Any) -> str:
    """A glob of files inside the repo: relative, forward slashes, never `..`."""
    if not isinstance(value, str) or not value.strip():
        raise fail(_("expected a file pattern"), _("write a pattern such as surveys/*.csv"))
    pattern = value.strip()
    if pattern.startswith(("/", "~")) or "\\" in pattern or ".." in pattern.split("/"):
        raise fail(
            _("'{value}' is not a pattern inside the repo").format(value=pattern[:80]),
            _("write a path relative to the folder of memogen.yaml, such as surveys/*.csv"),
        )
    return pattern


RepoGlob = Annotated[
    str, PlainValidator(_repo_glob), WithJsonSchema({"type": "string", "minLength": 1})
]


class SurveyOptions(Strict):
    """The internal clients' survey: its exports become scores in the catalogue."""

    results: RepoGlob = documented(
        "The survey's CSV exports, a pattern relative to memogen.yaml. Columns: service, "
        "submitted (ISO date), speed, quality, ease (1 to 5), comment (optional).",
        "surveys/*.csv",
    )
    min_responses: Annotated[WholeNumber, Field(ge=1, le=1000)] = documented(
        "Fewer answers than this in a group (a service, a department, a quarter): "
        "its scores are hidden, so that nobody can tell who answered.",
        DEFAULT_MIN_RESPONSES,
        default=DEFAULT_MIN_RESPONSES,
    )
    publish_comments: Flag = documented(
        "Show the answers' comments on scores.html (never in the catalogue).",
        False,
        default=False,
    )
