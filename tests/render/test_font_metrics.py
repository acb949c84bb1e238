"""Unit tests for memogen.render.font_metrics: the brand font's cap height, from its file."""

from __future__ import annotations

import pytest

from memogen.render import font_metrics


def test_dejavu_sans_capitals_are_read_from_its_outline() -> None:
    """DejaVu's OS/2 table is older than sCapHeight: the H's outline gives 1493/2048."""
    font_metrics.cap_height_ratio.cache_clear()
    assert font_metrics.cap_height_ratio("DejaVu Sans") == pytest.approx(1493 / 2048)


def test_without_fontconfig_the_common_ratio_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    font_metrics.cap_height_ratio.cache_clear()
    monkeypatch.setattr(font_metrics.shutil, "which", lambda name: None)
    assert font_metrics.cap_height_ratio("Any Font") == font_metrics.CAP_HEIGHT_GUESS
    font_metrics.cap_height_ratio.cache_clear()


def test_a_file_that_is_not_a_font_gives_the_common_ratio(
    monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    font_metrics.cap_height_ratio.cache_clear()

    class Found:
        stdout = "/nonexistent/font.ttf"

    monkeypatch.setattr(font_metrics.subprocess, "run", lambda *a, **k: Found())
    assert font_metrics.cap_height_ratio("Broken Font") == font_metrics.CAP_HEIGHT_GUESS
    font_metrics.cap_height_ratio.cache_clear()
