"""Which changes `memogen serve` acts on, and which folders it watches."""

from __future__ import annotations

from pathlib import Path

import pytest
from watchfiles import Change

from memogen.serve.watch import Targets, targets_of


def targets(root: Path, logo: Path | None = None) -> Targets:
    (root / "standards" / "hr").mkdir(parents=True)
    (root / "templates").mkdir()
    return Targets(
        config=root / "memogen.yaml",
        templates=root / "templates",
        standard_folders=frozenset({root / "standards", root / "standards" / "hr"}),
        standard_files=frozenset({root / "extra" / "one.yaml"}),
        logo=logo,
    )


@pytest.mark.parametrize(
    "name",
    [
        "memogen.yaml",
        "standards/tiny-service.yaml",
        "standards/hr/leave.yml",
        "templates/memo.html.j2",
        "templates",
        "extra/one.yaml",
        "brand/logo.svg",
        "standards/hr",
    ],
)
def test_a_change_to_a_source_matters(tmp_path: Path, name: str) -> None:
    watched = targets(tmp_path, logo=tmp_path / "brand" / "logo.svg")
    assert watched.matters(Change.modified, str(tmp_path / name)) is True


@pytest.mark.parametrize(
    "name",
    [
        "standards/.tiny-service.yaml.swp",
        "standards/tiny-service.yaml~",
        "standards/#tiny-service.yaml#",
        "standards/notes.txt",
        "extra/two.yaml",
        "README.md",
        "site/index.html",
    ],
)
def test_an_editors_backup_or_a_file_no_build_reads_does_not_matter(
    tmp_path: Path, name: str
) -> None:
    assert targets(tmp_path).matters(Change.modified, str(tmp_path / name)) is False


def test_a_new_department_folder_matters(tmp_path: Path) -> None:
    watched = targets(tmp_path)
    (tmp_path / "standards" / "it").mkdir()
    assert watched.matters(Change.added, str(tmp_path / "standards" / "it")) is True


def test_only_existing_folders_are_watched_each_once(tmp_path: Path) -> None:
    watched = targets(tmp_path, logo=tmp_path / "brand" / "logo.svg")
    assert watched.folders() == [
        tmp_path,
        tmp_path / "standards",
        tmp_path / "standards" / "hr",
        tmp_path / "templates",
    ]


def test_the_logo_is_watched_where_memogen_yaml_says(tmp_path: Path) -> None:
    (tmp_path / "brand").mkdir()
    (tmp_path / "brand" / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"/>', encoding="utf-8"
    )
    (tmp_path / "memogen.yaml").write_text(
        'organisation: "Org"\nlogo: brand/logo.svg\n', encoding="utf-8"
    )
    found = targets_of(tmp_path / "memogen.yaml", tmp_path, set(), set())
    assert found.logo == (tmp_path / "brand" / "logo.svg").resolve()
    assert found.templates == tmp_path / "templates"


def test_an_invalid_memogen_yaml_is_watched_without_a_logo(tmp_path: Path) -> None:
    (tmp_path / "memogen.yaml").write_text("organisation: [\n", encoding="utf-8")
    found = targets_of(tmp_path / "memogen.yaml", tmp_path, set(), set())
    assert found.logo is None
    assert found.config == (tmp_path / "memogen.yaml").resolve()


def test_a_survey_export_matters_and_its_folder_is_watched(tmp_path: Path) -> None:
    (tmp_path / "surveys").mkdir()
    (tmp_path / "memogen.yaml").write_text("survey:\n  results: surveys/*.csv\n", "utf-8")
    watched = targets_of(tmp_path / "memogen.yaml", tmp_path, set(), set())
    assert watched.matters(Change.added, str(tmp_path / "surveys" / "q4.csv")) is True
    assert watched.matters(Change.added, str(tmp_path / "surveys" / "notes.txt")) is False
    assert tmp_path / "surveys" in watched.folders()
