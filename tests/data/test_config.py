"""Unit tests for memogen.data.config: memogen.yaml read into a trusted Config, its logo
inlined, its paths kept inside the repo."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from memogen.data import config as config_module
from memogen.data.config import load_config, read_config
from memogen.data.config_model import Config
from memogen.errors import Issue, UserError

MISSING_FONT = "Corporate Grotesk"
LATIN_FONT = "Inter"  # installed, without Cyrillic
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"/>'


@pytest.fixture(autouse=True)
def only_one_font_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    """The machine's fonts are not what these tests are about."""
    monkeypatch.setattr(config_module, "font_is_missing", lambda font: font == MISSING_FONT)
    monkeypatch.setattr(config_module, "font_lacks_cyrillic", lambda font: font == LATIN_FONT)


def written(repo: Path, text: str) -> Path:
    path = repo / "memogen.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def errors_of(path: Path) -> list[str]:
    with pytest.raises(UserError) as raised:
        read_config(path)
    return [issue.text() for issue in raised.value.issues]


def test_no_file_or_an_absent_one_gives_the_defaults_and_no_warning(tmp_path: Path) -> None:
    assert read_config(None) == (Config(), [])
    assert read_config(tmp_path / "memogen.yaml") == (Config(), [])


def test_a_file_of_comments_only_gives_the_defaults(tmp_path: Path) -> None:
    assert read_config(written(tmp_path, "# настройки позже\n")) == (Config(), [])


def test_the_settings_of_the_file_are_read(tmp_path: Path) -> None:
    config = load_config(written(tmp_path, "organisation: ООО «Пример»\nmemo:\n  size: A5\n"))
    assert (config.organisation, config.memo.size) == ("ООО «Пример»", "A5")


def test_a_logo_inside_the_repo_is_inlined_once_read(tmp_path: Path) -> None:
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "logo.svg").write_bytes(SVG)
    config = load_config(written(tmp_path, "logo: assets/logo.svg\n"))
    assert config.logo_uri == "data:image/svg+xml;base64," + base64.b64encode(SVG).decode()


@pytest.mark.parametrize(
    ("logo", "message"),
    [
        (
            "../logo.svg",
            "the logo '../logo.svg' is outside the repo "
            "(put the file in a folder next to memogen.yaml, e.g. assets/logo.svg)",
        ),
        (
            "assets/logo.gif",
            "the logo 'assets/logo.gif' is not SVG or PNG (save it as .svg or .png)",
        ),
        (
            "assets/нет.svg",
            "the logo file 'assets/нет.svg' is missing "
            "(check the path; it is relative to memogen.yaml)",
        ),
        (
            "assets/bad.svg",
            "the logo 'assets/bad.svg' is not an SVG image (its root is not <svg>) "
            "(export it again as plain SVG)",
        ),
    ],
)
def test_a_logo_that_cannot_be_used_is_an_error_at_the_logo_value(
    tmp_path: Path, logo: str, message: str
) -> None:
    repo = tmp_path / "repo"
    (repo / "assets").mkdir(parents=True)
    (repo / "assets" / "bad.svg").write_bytes(b"<html/>")
    (tmp_path / "logo.svg").write_bytes(SVG)
    path = written(repo, f"language: en\nlogo: {logo}\n")
    assert errors_of(path) == [f"memogen.yaml:2:7: error: logo: {message}"]


def test_a_lint_baseline_outside_the_repo_is_an_error(tmp_path: Path) -> None:
    path = written(tmp_path, "lint:\n  baseline: ../baseline.json\n")
    assert errors_of(path) == [
        "memogen.yaml:2:13: error: lint.baseline: the lint baseline '../baseline.json' is outside the repo"
        " (name a file inside the repo, e.g. .memogen-lint-baseline.json)"
    ]


def test_a_missing_font_is_a_warning_at_its_key_with_how_to_get_one(tmp_path: Path) -> None:
    path = written(tmp_path, f"brand:\n  font: {MISSING_FONT}\n")
    config, warnings = read_config(path, "memogen.yaml")
    assert config.brand.font == MISSING_FONT
    assert warnings == [
        Issue(
            "memogen.yaml",
            2,
            3,
            "brand.font",
            f"the font '{MISSING_FONT}' is not installed, so another font is printed in its place",
            "install the font, or set brand.font in memogen.yaml to e.g. DejaVu Sans",
            severity="warning",
        )
    ]


def test_an_error_is_raised_with_the_warnings_of_the_same_file(tmp_path: Path) -> None:
    path = written(tmp_path, "organisation: ООО #1\nworkday_hours: 0\n")
    assert errors_of(path) == [
        "memogen.yaml:1:19: warning: organisation: the text after ' #' is a YAML comment and is "
        'left out: "#1" (put the whole value in quotes to keep it)',
        "memogen.yaml:2:16: error: workday_hours: must be at least 1",
    ]


def test_a_printed_setting_with_no_value_in_a_standards_language_warns_at_the_setting(
    tmp_path: Path,
) -> None:
    from memogen.data.config import untranslated_settings

    path = written(
        tmp_path,
        "organisation:\n  ru: ООО «Вершина»\n  en: Vershina LLC\nlanguage: ru\n"
        "email:\n  subject_prefix: '[Стандарты]'\nservice_rules:\n  - Здоровайтесь.\n",
    )
    config, _warnings = read_config(path)
    assert untranslated_settings(config, ["ru"]) == []
    assert [issue.text() for issue in untranslated_settings(config, ["ru", "en", "en"])] == [
        "memogen.yaml:6:3: warning: email.subject_prefix: no English value, so the English "
        "documents leave it out (give it per language: 'ru:' and 'en:' under 'subject_prefix')",
        "memogen.yaml:7:1: warning: service_rules: no English value, so the English documents "
        "leave it out (give it per language: 'ru:' and 'en:' under 'service_rules')",
    ]


@pytest.mark.parametrize(("language", "warned"), [("ru", True), ("en", False)])
def test_a_brand_font_without_cyrillic_is_a_located_warning_where_documents_are_russian(
    tmp_path: Path, language: str, warned: bool
) -> None:
    """fontconfig prints Russian text in another font, as quietly as for a missing font."""
    path = written(tmp_path, f"language: {language}\nbrand:\n  font: {LATIN_FONT}\n")
    warning = (
        "memogen.yaml:3:3: warning: brand.font: the font 'Inter' has no Cyrillic letters, so "
        "Russian text is printed in another font (set brand.font in memogen.yaml to a font "
        "with Cyrillic, e.g. DejaVu Sans)"
    )
    assert [issue.text() for issue in read_config(path)[1]] == ([warning] if warned else [])
