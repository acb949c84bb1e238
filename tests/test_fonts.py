"""Unit tests for memogen.fonts: what fontconfig has of the brand font, and how to get it."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from typing import Any

import pytest

from memogen import fonts

CYRILLIC = ["DejaVu Sans", "PT Sans"]
ALL = [*CYRILLIC, "Inter"]


def lister(pattern: str) -> list[str] | None:
    """fc-list of a machine with two Cyrillic fonts and one Latin-only font."""
    return CYRILLIC if pattern == ":lang=ru" else ALL


@pytest.mark.parametrize(
    ("font", "state"),
    [
        ("DejaVu Sans", "cyrillic"),
        ("pt sans", "cyrillic"),  # fontconfig matches families whatever their case
        ("Inter", "latin only"),
        ("Corporate Grotesk", "missing"),
    ],
)
def test_a_font_is_found_with_cyrillic_latin_only_or_not_at_all(font: str, state: str) -> None:
    assert fonts.font_state(font, lister) == state


def test_without_fontconfig_nothing_is_said_to_be_missing() -> None:
    assert fonts.font_state("DejaVu Sans", lambda pattern: None) == "no fontconfig"


def test_the_hint_names_the_debian_package_of_a_known_font_and_another_font_otherwise() -> None:
    assert fonts.font_hint("PT Serif") == "apt-get install fonts-paratype"
    assert fonts.font_hint("Corporate Grotesk") == (
        "install the font, or set brand.font in memogen.yaml to e.g. DejaVu Sans"
    )


def test_fc_list_gives_each_family_once_sorted_from_its_comma_separated_lines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[list[str]] = []

    def run(command: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
        asked.append(command)
        return subprocess.CompletedProcess(
            command, 0, "PT Sans,PT Sans Caption\n\nDejaVu Sans\n PT Sans \n"
        )

    monkeypatch.setattr(fonts.shutil, "which", lambda name: "/usr/bin/fc-list")
    monkeypatch.setattr(fonts.subprocess, "run", run)
    assert fonts.fc_list(":lang=ru") == ["DejaVu Sans", "PT Sans", "PT Sans Caption"]
    assert asked == [["/usr/bin/fc-list", ":lang=ru", "family"]]


def test_fc_list_is_none_where_fontconfig_is_not_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts.shutil, "which", lambda name: None)
    assert fonts.fc_list(":") is None


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    fonts.font_is_missing.cache_clear()
    fonts._listed_once.cache_clear()
    yield
    fonts.font_is_missing.cache_clear()
    fonts._listed_once.cache_clear()


@pytest.mark.usefixtures("fresh_caches")
def test_fontconfig_is_asked_once_per_pattern_in_a_run(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []
    monkeypatch.setattr(fonts, "fc_list", lambda pattern: asked.append(pattern) or lister(pattern))
    assert [fonts.font_is_missing(font) for font in ("Inter", "Corporate Grotesk", "Arial")] == [
        False,
        True,
        True,
    ]
    assert asked == [":lang=ru", ":"]
