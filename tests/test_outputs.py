"""memogen.outputs is the one table of what memogen makes: every other place derives from it."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import get_args

from click.testing import CliRunner

from memogen.cli import main
from memogen.data.config_model import Config
from memogen.outputs import (
    ARTIFACT_NAMES,
    ARTIFACTS,
    BY_NAME,
    CATALOGUE_ARTIFACTS,
    CATALOGUE_FORMATS,
    DATED_FORMATS,
    DEFAULT_ARTIFACTS,
    DEFAULT_FORMATS,
    FORMATS,
    PRINT_FORMATS,
    REPORT_FORMATS,
    Format,
    wanted_formats,
)
from memogen.render.formats.docx import BODIES
from memogen.render.labels import LABELS
from memogen.render.templating import theme_dir
from memogen.report import RENDERERS

PACKAGE = Path(__file__).resolve().parent.parent / "memogen"

# Where an artifact's name may still be spelled outside the table, and why.
SPELLED_ELSEWHERE = {
    ("data/models.py", "email"): "the request channel `email`, not the artifact",
    ("render/typography.py", "email"): "a person's `email` field, kept as typed",
    ("render/context.py", "ack"): "the worked example's acknowledgement sentence, typeset",
    ("data/validate.py", "email"): "the request channel `email`, not the artifact",
    ("lint/rules/text.py", "email"): "a contact's `email` key, not the artifact",
    ("lint/rules/text.py", "poster"): "the standard's own `poster:` section (its slogan)",
    ("lint/rules/plain_language.py", "poster"): "the standard's own `poster:` section",
    ("render/labels.py", "memo"): "the words the templates print (`t.memo`), per language",
    ("render/labels.py", "guide"): "the words the templates print (`t.guide`), per language",
    ("render/labels.py", "poster"): "the words the templates print (`t.poster`), per language",
    ("render/labels.py", "email"): "the words the templates print (`t.email`), per language",
    ("render/formats/docx.py", "email"): "the request channel `email`, not the artifact",
    ("render/formats/docx.py", "memo"): "the Word body written for each artifact that has one",
    ("render/formats/docx.py", "guide"): "the Word body written for each artifact that has one",
    ("diff/rules.py", "email"): "a contact's `email` key, not the artifact",
    ("render/moments.py", "ack"): "the worked example's acknowledgement moment, not the artifact",
    ("render/calculator.py", "ack"): "the calculator's acknowledgement moment, not the artifact",
    ("render/ack_labels.py", "ack"): "the words the templates print (`t.ack`), per language",
}


def _artifact_names_spelled(path: Path) -> set[str]:
    """The string constants of a module that are an artifact's name or one of its files."""
    names = "|".join(ARTIFACT_NAMES)
    spelled = re.compile(rf"^({names})(\.\w+)*$")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.value.partition(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and spelled.match(node.value)
    }


def test_the_table_is_the_only_place_artifact_names_are_spelled() -> None:
    found = {
        (path.relative_to(PACKAGE).as_posix(), name)
        for path in PACKAGE.rglob("*.py")
        if path.name != "outputs.py"
        for name in _artifact_names_spelled(path)
    }
    assert found - SPELLED_ELSEWHERE.keys() == set()
    assert SPELLED_ELSEWHERE.keys() - found == set()  # no stale exception


def test_the_rows_are_the_artifact_names_in_their_order() -> None:
    assert tuple(kind.name for kind in ARTIFACTS) == ARTIFACT_NAMES
    assert set(BY_NAME) == set(ARTIFACT_NAMES)
    assert sorted(CATALOGUE_ARTIFACTS) == sorted(ARTIFACT_NAMES)


def test_every_format_belongs_to_an_artifact_and_the_catalogue_lists_it() -> None:
    made = {f for kind in ARTIFACTS for f in kind.formats}
    assert made == set(FORMATS)
    assert sorted(CATALOGUE_FORMATS) == sorted(FORMATS)
    assert set(PRINT_FORMATS) <= set(FORMATS)
    assert set(DATED_FORMATS) <= set(FORMATS)
    for kind in ARTIFACTS:
        assert len(set(kind.formats)) == len(kind.formats), kind.name
        assert set(kind.formats) <= set(get_args(Format)), kind.name


def test_every_artifacts_templates_exist_in_the_theme() -> None:
    theme = theme_dir()
    for kind in ARTIFACTS:
        for name in kind.template_names:
            assert (theme / name).is_file(), name
        assert (theme / f"{kind.name}.html.j2").is_file(), kind.name  # every artifact's page


def test_an_artifact_made_into_pdf_or_png_has_a_print_stylesheet() -> None:
    for kind in ARTIFACTS:
        if set(kind.formats) & set(PRINT_FORMATS):
            assert kind.print_stylesheet, kind.name


def test_an_artifacts_paper_is_a_memogen_yaml_section_with_a_size() -> None:
    config = Config()
    sized = [kind for kind in ARTIFACTS if kind.paper]
    assert [kind.name for kind in sized] == ["memo", "poster"]
    for kind in sized:
        assert kind.paper in Config.model_fields
        assert getattr(config, str(kind.paper)).size


def test_the_templates_have_words_for_every_artifact_and_format() -> None:
    for language, labels in LABELS.items():
        for name in ARTIFACT_NAMES:
            assert labels[name] and labels[f"kind_{name}"], (language, name)
        for fmt in FORMATS:
            assert labels[f"format_{fmt}"], (language, fmt)


def test_wanted_formats_keep_the_artifacts_order() -> None:
    assert wanted_formats("email", ("txt", "html", "eml", "pdf")) == ["eml", "html", "txt"]
    assert wanted_formats("poster", ("md", "eml")) == []


def test_memogen_yaml_defaults_and_schema_follow_the_table() -> None:
    config = Config()
    assert tuple(config.build.artifacts) == DEFAULT_ARTIFACTS
    assert set(ARTIFACT_NAMES) - set(DEFAULT_ARTIFACTS) == {"ack"}  # made only when asked for
    assert tuple(config.build.formats) == DEFAULT_FORMATS
    assert set(FORMATS) - set(DEFAULT_FORMATS) == {"docx"}  # made only when asked for
    build = Config.model_json_schema()["$defs"]["BuildDefaults"]["properties"]
    assert tuple(build["artifacts"]["items"]["enum"]) == ARTIFACT_NAMES
    assert tuple(build["formats"]["items"]["enum"]) == FORMATS


def test_build_offers_the_tables_artifacts_and_formats() -> None:
    result = CliRunner().invoke(main, ["build", "--artifact", "leaflet"])
    assert result.exit_code == 2
    assert "memo, guide, poster, email" in result.output
    result = CliRunner().invoke(main, ["build", "--format", "odt"])
    assert result.exit_code == 2
    assert "html, pdf, md, png, eml, txt, docx" in result.output


def test_every_report_format_has_a_renderer_and_a_cli_choice() -> None:
    assert tuple(RENDERERS) == REPORT_FORMATS
    result = CliRunner().invoke(main, ["lint", "--format", "yaml"])
    assert result.exit_code == 2
    assert "'text', 'json', 'github', 'junit', 'sarif'" in result.output


def test_the_readmes_table_lists_each_artifacts_files_in_their_order() -> None:
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| \*\*(\w+)\*\* \|.*\| (`.*`) \|$", readme, re.M))
    assert rows == {
        kind.name: ", ".join(f"`{kind.name}.{fmt}`" for fmt in kind.formats) for kind in ARTIFACTS
    }


def test_every_artifact_made_as_docx_has_a_word_body() -> None:
    made = {kind.name for kind in ARTIFACTS if "docx" in kind.formats}
    assert made == set(BODIES) == {"memo", "guide"}
