"""`memogen doctor`: each check on a simulated broken machine, and the whole on this one."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from click.testing import CliRunner

from memogen.cli import main
from memogen.doctor import (
    SAMPLE,
    Result,
    check_font,
    check_harfbuzz_subset,
    check_render,
    check_weasyprint,
    diagnose,
)
from memogen.fonts import FontLister, fc_list


def lister(cyrillic: list[str], everything: list[str] | None = None) -> FontLister:
    """A fake fc-list: families for ':lang=ru' and for ':' (every font)."""

    def listed(pattern: str) -> list[str] | None:
        return cyrillic if pattern == ":lang=ru" else (everything or cyrillic)

    return listed


def test_a_result_is_one_line_with_the_fix_only_when_it_failed() -> None:
    assert Result("font", True, "fine", "apt-get x").line() == "ok   font: fine"
    assert (
        Result("font", False, "missing", "apt-get x").line()
        == "FAIL font: missing (fix: apt-get x)"
    )


def test_font_covering_cyrillic_passes_whatever_the_case() -> None:
    assert (
        check_font("DejaVu Sans", lister(["DejaVu Sans", "Noto Sans"])).line()
        == "ok   font 'DejaVu Sans': installed, covers Cyrillic"
    )
    assert check_font("dejavu sans", lister(["DejaVu Sans"])).ok


def test_a_missing_font_says_which_package_to_install() -> None:
    assert (
        check_font("DejaVu Sans", lister(["Noto Sans"])).line()
        == "FAIL font 'DejaVu Sans': not installed (fix: apt-get install fonts-dejavu-core)"
    )
    assert check_font("Corporate Grotesk", lister([])).line() == (
        "FAIL font 'Corporate Grotesk': not installed (fix: install the font, or set "
        "brand.font in memogen.yaml to e.g. DejaVu Sans)"
    )


def test_a_font_without_cyrillic_is_named_as_such() -> None:
    result = check_font("Latin Only", lister(["DejaVu Sans"], ["DejaVu Sans", "Latin Only"]))
    assert result.line() == (
        "FAIL font 'Latin Only': installed, but it does not cover Cyrillic (fix: set brand.font "
        "in memogen.yaml to a font with Cyrillic, e.g. DejaVu Sans)"
    )


def test_no_fc_list_is_a_failure_with_its_package() -> None:
    assert (
        check_font("DejaVu Sans", lambda pattern: None).line()
        == "FAIL font 'DejaVu Sans': fc-list (fontconfig) is not installed "
        "(fix: apt-get install fontconfig)"
    )


def test_fc_list_without_the_program_on_path(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert fc_list(":lang=ru") is None


def test_weasyprint_missing_or_without_pango() -> None:
    def not_installed(name: str) -> ModuleType:
        raise ImportError(name)

    def no_pango(name: str) -> ModuleType:
        if name == "weasyprint.text.ffi":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return ModuleType(name)

    assert (
        check_weasyprint(not_installed).line()
        == "FAIL WeasyPrint and Pango: WeasyPrint is not installed (fix: pip install 'weasyprint>=62')"
    )
    assert check_weasyprint(no_pango).line() == (
        "FAIL WeasyPrint and Pango: a system library is missing: cannot load library "
        "'libpango-1.0-0' (fix: apt-get install libpango-1.0-0 libpangoft2-1.0-0)"
    )


def test_harfbuzz_subset_found_or_not() -> None:
    assert (
        check_harfbuzz_subset(lambda name: "libharfbuzz-subset.so.0").line()
        == "ok   libharfbuzz-subset: libharfbuzz-subset.so.0"
    )
    assert check_harfbuzz_subset(lambda name: None).line() == (
        "FAIL libharfbuzz-subset: not found; fonts cannot be subset in PDFs "
        "(fix: apt-get install libharfbuzz-subset0)"
    )


def test_render_fails_on_warnings_errors_and_non_pdf() -> None:
    assert not check_render("X", lambda html: (b"%PDF-1.7 ...", ["no glyph for 'Ж'"])).ok
    assert (
        check_render("X", lambda html: (b"%PDF-1.7 ...", ["no glyph for 'Ж'"])).detail
        == "1 warning(s): no glyph for 'Ж'"
    )
    assert not check_render("X", lambda html: (b"<html>", [])).ok

    def crash(html: str) -> tuple[bytes, list[str]]:
        raise RuntimeError("cairo exploded")

    assert check_render("X", crash).detail == "RuntimeError: cairo exploded"
    seen: list[str] = []

    def record(html: str) -> tuple[bytes, list[str]]:
        seen.append(html)
        return b"%PDF-1.7 ...", []

    assert check_render("PT Sans", record).ok
    assert "font-family: 'PT Sans'" in seen[0] and "ёлочки" in seen[0] and "quick brown" in seen[0]
    assert SAMPLE.count("{font}") == 1


# --- on this machine (CI installs Pango, HarfBuzz and DejaVu, see .ci/run) -----------------


def test_this_machine_passes_every_check(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["doctor"])
    assert result.exit_code == 0, result.output
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == [
        "ok   WeasyPrint and Pango",
        "ok   font 'DejaVu Sans'",
        "ok   libharfbuzz-subset",
        "ok   render a PDF",
    ]


def test_a_brand_font_that_is_missing_fails_the_doctor(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "memogen.yaml").write_text(
        "brand:\n  font: No Such Font Family\n", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["doctor"])
    assert result.exit_code == 1
    assert (
        "FAIL font 'No Such Font Family': not installed (fix: install the font, or set "
        "brand.font in memogen.yaml to e.g. DejaVu Sans)\n" in result.stdout
    )


def test_without_fc_list_the_doctor_fails(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("memogen.fonts.shutil.which", lambda name: None)
    result = CliRunner().invoke(main, ["doctor"])
    assert result.exit_code == 1
    assert "FAIL font 'DejaVu Sans': fc-list (fontconfig) is not installed" in result.stdout


def test_an_invalid_config_is_reported_and_the_rest_still_checked(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "memogen.yaml").write_text("brand:\n  fnt: X\n", encoding="utf-8")
    results = diagnose(None)
    assert results[0].line() == (
        "FAIL memogen.yaml: memogen.yaml:2:3: error: brand.fnt: unknown key 'fnt' (did you mean "
        "'font'?); checking with the default font (fix: memogen validate)"
    )
    assert [r.name for r in results[1:]] == [
        "WeasyPrint and Pango",
        "font 'DejaVu Sans'",
        "libharfbuzz-subset",
        "render a PDF",
    ]


def test_doctor_says_what_is_missing_in_the_owners_language() -> None:
    from memogen import i18n

    i18n.use("ru")
    assert check_font("Corporate Grotesk", lister([])).line() == (
        "FAIL шрифт 'Corporate Grotesk': не установлен (как исправить: установите шрифт или "
        "укажите в brand.font в memogen.yaml, например, DejaVu Sans)"
    )
