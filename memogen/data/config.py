"""memogen.yaml → a trusted `Config`: read, validated, its logo read once and inlined, its
paths kept inside the repo."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from memogen.data import calendar_settings
from memogen.data.calendar import load_calendar, uncovered_words
from memogen.data.config_model import LOCALISED_SETTINGS, Config
from memogen.data.document import Document
from memogen.data.loader import load_file
from memogen.data.logo import LogoError, logo_data_uri
from memogen.data.paths import leads_inside, real_path
from memogen.data.staff import read_staff
from memogen.data.wording import cut_comment_warnings, to_model
from memogen.errors import Issue, UserError
from memogen.fonts import font_hint, font_is_missing, font_lacks_cyrillic
from memogen.i18n import _


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
        issues.extend(_calendar_rules(config, document))
        issues.extend(_staff_rule(config, path.parent))
        config.attach_setting_places(
            {
                path: (document.file, *document.where(path, at_key=True))
                for path in LOCALISED_SETTINGS
            }
        )
    if any(issue.severity == "error" for issue in issues) or config is None:
        raise UserError(issues + warnings)
    return config, sorted([*issues, *warnings, *_font_rule(config, document)])


def _staff_rule(config: Config, repo: Path) -> Iterable[Issue]:
    """The staff CSV of `ack.staff`, read once: its people go on the acknowledgement sheet."""
    if config.ack.staff is None:
        return []
    staff, issues = read_staff(repo, config.ack.staff)
    config.attach_staff(staff)
    return issues


def _font_rule(config: Config, document: Document) -> Iterable[Issue]:
    """A brand font fontconfig does not have is quietly replaced by another one; so are its
    missing Cyrillic letters in a Russian repo."""
    font = config.brand.font
    if font_is_missing(font):
        message = _("the font '{font}' is not installed, so another font is printed in its place")
        hint = font_hint(font)
    elif config.language == "ru" and font_lacks_cyrillic(font):
        message = _(
            "the font '{font}' has no Cyrillic letters, so Russian text is printed in another font"
        )
        hint = _("set brand.font in memogen.yaml to a font with Cyrillic, e.g. DejaVu Sans")
    else:
        return
    line, col = document.where(("brand", "font"), at_key=True)
    yield Issue(
        document.file,
        line,
        col,
        "brand.font",
        message.format(font=font),
        hint,
        severity="warning",
    )


def _logo_rule(config: Config, document: Document, repo: Path) -> Iterable[Issue]:
    if config.logo is None:
        return
    line, col = document.where(("logo",))
    logo = real_path(repo / config.logo)
    if not leads_inside(logo, repo):
        yield Issue(
            document.file,
            line,
            col,
            "logo",
            _("the logo '{logo}' is outside the repo").format(logo=config.logo),
            _("put the file in a folder next to memogen.yaml, e.g. assets/logo.svg"),
        )
    elif logo.suffix.lower() not in (".svg", ".png"):
        yield Issue(
            document.file,
            line,
            col,
            "logo",
            _("the logo '{logo}' is not SVG or PNG").format(logo=config.logo),
            _("save it as .svg or .png"),
        )
    elif not logo.is_file():
        yield Issue(
            document.file,
            line,
            col,
            "logo",
            _("the logo file '{logo}' is missing").format(logo=config.logo),
            _("check the path; it is relative to memogen.yaml"),
        )
    else:  # read once, verified and inlined: templates get a data: URI, never a path
        try:
            config.attach_logo(logo_data_uri(logo, config.logo))
        except LogoError as exc:
            yield Issue(document.file, line, col, "logo", exc.message, exc.hint)


def _baseline_rule(config: Config, document: Document, repo: Path) -> Iterable[Issue]:
    """The lint baseline is read and written: it must stay inside the repo (symlinks resolved)."""
    baseline = config.lint.baseline
    if not leads_inside(repo / baseline, repo):
        line, col = document.where(("lint", "baseline"))
        yield Issue(
            document.file,
            line,
            col,
            "lint.baseline",
            _("the lint baseline '{baseline}' is outside the repo").format(baseline=baseline),
            _("name a file inside the repo, e.g. .memogen-lint-baseline.json"),
        )


def _calendar_rules(config: Config, document: Document) -> Iterable[Issue]:
    """Hours, lunch and cut-off that fit together and make `workday_hours`; an example filed
    in a year the shipped calendar does not cover is a warning."""
    options = config.calendar
    if options is None:
        return
    line, col = document.where(("calendar",), at_key=True)
    config.attach_calendar_place(document.file, line, col)
    for path, message, hint in calendar_settings.rules(options, config.workday_hours):
        line, col = document.where(path)
        yield Issue(document.file, line, col, ".".join(map(str, path)), message, hint)
    filed = options.example_filed
    calendar = load_calendar(options.country)
    if filed is not None and not calendar.covers(filed.year):
        line, col = document.where(("calendar", "example_filed"))
        message, hint = uncovered_words(calendar, [filed.year])
        yield Issue(
            document.file, line, col, "calendar.example_filed", message, hint, severity="warning"
        )


def untranslated_settings(config: Config, languages: Iterable[str | None]) -> list[Issue]:
    """A warning at each printed setting that has no value in a language of the standards:
    their documents leave it out rather than print the other language."""
    missing = {
        _("no English value, so the English documents leave it out"): "en",
        _("no Russian value, so the Russian documents leave it out"): "ru",
    }
    issues = []
    for message, language in missing.items():
        if language not in languages:
            continue
        for path in config.untranslated(language):
            file, line, col = config.setting_place(path)
            hint = _("give it per language: 'ru:' and 'en:' under '{key}'").format(key=path[-1])
            issues.append(Issue(file, line, col, ".".join(path), message, hint, severity="warning"))
    return issues
