"""Unit tests for memogen.project: the repo, its standards and how paths are shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from memogen.data.config_model import Config
from memogen.errors import UserError
from memogen.project import Project, open_project, standard_folders


def repo_with(root: Path, *names: str) -> Project:
    """A repo at `root` holding empty files at `names` (relative paths)."""
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("", encoding="utf-8")
    return Project(root, Config())


def found(project: Project, *paths: Path) -> list[str]:
    return [name for _, name in project.standard_files(paths)]


def test_by_default_the_standards_folder_is_searched_to_any_depth_in_name_order(
    tmp_path: Path,
) -> None:
    project = repo_with(
        tmp_path,
        "standards/z.yaml",
        "standards/финансы/a.yml",
        "standards/it/deep/b.yaml",
        "standards/notes.txt",
        "other/c.yaml",
    )
    assert found(project) == [
        "standards/it/deep/b.yaml",
        "standards/z.yaml",
        "standards/финансы/a.yml",
    ]


def test_hidden_folders_and_folders_named_like_standards_are_not_searched(tmp_path: Path) -> None:
    project = repo_with(tmp_path, "standards/.git/x.yaml", "standards/odd.yaml/y.yaml")
    assert found(project) == ["standards/odd.yaml"]  # then refused, located, by validation


def test_a_given_file_or_folder_is_taken_instead_of_standards(tmp_path: Path) -> None:
    project = repo_with(tmp_path, "standards/a.yaml", "drafts/b.yaml", "drafts/c.yaml")
    assert found(project, tmp_path / "drafts" / "c.yaml", tmp_path / "drafts") == [
        "drafts/b.yaml",
        "drafts/c.yaml",
    ]


def test_a_path_that_does_not_exist_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError) as raised:
        found(repo_with(tmp_path), tmp_path / "standards" / "нет.yaml")
    assert str(raised.value) == f"{tmp_path / 'standards' / 'нет.yaml'}: no such file or folder"


def test_a_link_to_a_standard_outside_the_repo_is_refused_and_never_read(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    project = repo_with(repo, "standards/a.yaml")
    (tmp_path / "secret.yaml").write_text("id: secret\n", encoding="utf-8")
    (repo / "standards" / "b.yaml").symlink_to(tmp_path / "secret.yaml")
    names, checked = project.check([])
    assert names == ["standards/a.yaml", "standards/b.yaml"]
    refused = [issue.text() for issue in checked.issues if issue.file == "standards/b.yaml"]
    assert refused == [
        "standards/b.yaml:1:1: error: this file is a link to a file outside the repo, and "
        "memogen does not read it (copy the standard into the repo instead of linking to it)"
    ]


def test_linked_folders_are_followed_inside_the_repo_once_and_never_out_of_it(
    tmp_path: Path,
) -> None:
    repo = tmp_path / "repo"
    repo_with(repo, "standards/it/a.yaml")
    (repo / "standards" / "it" / "loop").symlink_to(repo / "standards")
    (tmp_path / "outside").mkdir()
    (repo / "standards" / "out").symlink_to(tmp_path / "outside")
    folders = list(standard_folders(repo / "standards", repo))
    assert [folder.relative_to(repo).as_posix() for folder in folders] == [
        "standards",
        "standards/it",
    ]


def test_a_path_is_shown_relative_to_the_repo_and_a_path_outside_as_given(tmp_path: Path) -> None:
    project = repo_with(tmp_path / "repo", "standards/a.yaml")
    assert project.display(tmp_path / "repo" / "standards" / "a.yaml") == "standards/a.yaml"
    assert project.display(tmp_path / "elsewhere.yaml") == str(tmp_path / "elsewhere.yaml")


def test_a_link_inside_the_repo_is_shown_where_it_stands_not_where_it_leads(tmp_path: Path) -> None:
    project = repo_with(tmp_path, "standards/a.yaml")
    (tmp_path / "standards" / "alias.yaml").symlink_to(tmp_path / "standards" / "a.yaml")
    assert project.display(tmp_path / "standards" / "alias.yaml") == "standards/alias.yaml"


def test_without_config_the_project_is_the_current_folder_with_the_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert open_project(None) == Project(tmp_path.resolve(), Config())


def test_a_config_given_is_the_repo_and_must_exist(tmp_path: Path) -> None:
    (tmp_path / "team.yaml").write_text("language: en\n", encoding="utf-8")
    project = open_project(tmp_path / "team.yaml")
    assert (project.root, project.config.language) == (tmp_path, "en")
    with pytest.raises(UserError) as raised:
        open_project(tmp_path / "memogen.yaml")
    assert str(raised.value) == f"{tmp_path / 'memogen.yaml'}: no such config file"
