"""What memogen makes, in one table: each artifact's formats, templates and paper, and the
formats of a report. README.md's first table shows it to users. Everything else (the
config's types, the CLI's choices, the worker, the plan, the catalogue, `serve`) derives
from here: a new artifact or format is one row here plus its renderer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

# The names, spelled once; mypy and pydantic need them literally. In this order they are
# memogen.yaml's defaults, the schema's enums and the CLI's help.
Artifact = Literal["memo", "guide", "poster", "email", "ack"]
Format = Literal["html", "pdf", "md", "png", "eml", "txt", "docx"]
ReportFormat = Literal["text", "json", "github", "junit", "sarif"]
Renderer = Literal["page", "message"]
# How a printed artifact fits its type to its paper (render/plans.py): `page` prefers one
# page (then a compact layout, then two), `pages` flows and balances its last page, `sheet`
# fills one fixed sheet and refuses what cannot fit at the legible minimum.
FitPlan = Literal["page", "pages", "sheet"]


@dataclass(frozen=True)
class ArtifactKind:
    """One artifact: what it is made of and what it comes in."""

    name: Artifact
    title: str  # its English name, in `memogen serve`'s previews
    formats: tuple[Format, ...]  # in the order a build makes them (and the manifest lists them)
    templates: tuple[str, ...]  # the theme's templates of its markup
    # Renders the HTML for WeasyPrint only (the PDF and PNG); the published HTML lacks it.
    print_stylesheet: str | None = None
    # memogen.yaml's section whose `size` (and `orientation`, if it has one) sizes its paper;
    # None: fixed in its print stylesheet.
    paper: str | None = None
    renderer: Renderer = "page"  # page: HTML → PDF → PNG, and Markdown; message: the .eml
    one_page: bool = False  # more than one page of PDF is a warning
    fit: FitPlan | None = None  # how its type is fitted, measured (None: laid out as it is)

    @property
    def template_names(self) -> tuple[str, ...]:
        """Every template its files depend on directly (the plan hashes them and theirs)."""
        return (*self.templates, *((self.print_stylesheet,) if self.print_stylesheet else ()))


ARTIFACTS: tuple[ArtifactKind, ...] = (
    ArtifactKind(
        "memo",
        "Memo",
        ("html", "pdf", "md", "docx"),
        ("memo.html.j2", "memo.md.j2"),
        "memo.print.css",
        paper="memo",
        one_page=True,
        fit="page",
    ),
    ArtifactKind(
        "guide",
        "Client guide",
        ("html", "pdf", "md", "docx"),
        ("guide.html.j2", "guide.md.j2"),
        "guide.print.css",
        fit="pages",
    ),
    ArtifactKind(
        "poster",
        "Poster",
        ("html", "pdf", "png"),
        ("poster.html.j2",),
        "poster.print.css",
        paper="poster",
        fit="sheet",
    ),
    ArtifactKind(
        "email",
        "Email",
        ("eml", "html", "txt"),
        ("email.html.j2", "email.txt.j2"),
        renderer="message",
    ),
    ArtifactKind(
        "ack",
        "Acknowledgement sheet",
        ("html", "pdf"),
        ("ack.html.j2",),
        "ack.print.css",
    ),
)
BY_NAME: dict[str, ArtifactKind] = {kind.name: kind for kind in ARTIFACTS}
ARTIFACT_NAMES: tuple[Artifact, ...] = get_args(Artifact)
FORMATS: tuple[Format, ...] = get_args(Format)
# What a build makes unless memogen.yaml's build.artifacts or --artifact asks for more: the
# acknowledgement sheet is printed when a version is introduced, not with every build.
DEFAULT_ARTIFACTS: tuple[Artifact, ...] = tuple(a for a in ARTIFACT_NAMES if a != "ack")
# What a build makes unless memogen.yaml's build.formats or --format asks for more.
DEFAULT_FORMATS: tuple[Format, ...] = tuple(f for f in FORMATS if f != "docx")
# The formats that carry SOURCE_DATE_EPOCH's date (the .eml's Date, the .docx's timestamps):
# a new epoch makes an artifact built in one of them stale.
DATED_FORMATS: tuple[Format, ...] = ("eml", "docx")
# The formats made from the print stylesheet, by WeasyPrint: slow, `serve` makes them last.
PRINT_FORMATS: tuple[Format, ...] = ("pdf", "png")
# The catalogue lists a standard's files by artifact, in this order (the page its title
# opens is the first one there), each artifact's formats in this one: pages before sources.
CATALOGUE_ARTIFACTS: tuple[Artifact, ...] = ("guide", "memo", "poster", "email", "ack")
CATALOGUE_FORMATS: tuple[Format, ...] = ("html", "pdf", "docx", "png", "md", "eml", "txt")
REPORT_FORMATS: tuple[ReportFormat, ...] = get_args(ReportFormat)
# The site's own files, beside the standards' folders: the catalogue (index.html, and
# catalogue.json for intranets and chat bots, docs/catalogue.schema.json), the schema of a
# standard, and with memogen.yaml's `survey:` the internal clients' scores (scores.pdf is
# A4 landscape, fixed in scores.print.css).
SiteFile = Literal[
    "index.html", "catalogue.json", "standard.schema.json", "scores.html", "scores.pdf"
]
SITE_FILES: tuple[SiteFile, ...] = get_args(SiteFile)


def wanted_formats(artifact: str, formats: tuple[str, ...]) -> list[str]:
    """The artifact's formats among `formats`, in the artifact's order."""
    return [f for f in BY_NAME[artifact].formats if f in formats]
