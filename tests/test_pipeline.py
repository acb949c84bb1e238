"""Incremental builds (the manifest), --force, sharding and `memogen index`."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from memogen.errors import UserError
from memogen.pipeline import BuildOptions, BuildResult, build, in_shard, write_index
from memogen.render.templating import theme_dir
from tests.examples_kit import copy_settings

REPO = Path(__file__).resolve().parent.parent
IDS = sorted(p.stem for p in (REPO / "standards").glob("*.yaml"))
FAST = {"artifacts": ("memo", "email"), "formats": ("html", "md", "txt")}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of the example repo that tests may edit."""
    shutil.copytree(REPO / "standards", tmp_path / "repo" / "standards")
    copy_settings(tmp_path / "repo")
    return tmp_path / "repo"


def _build(repo: Path, out: Path, **options: object):
    settings = {**FAST, **options}
    return build([repo / "standards"], repo / "memogen.yaml", BuildOptions(out=out, **settings))


def _files(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


def test_first_build_renders_everything(repo: Path, tmp_path: Path) -> None:
    result = _build(repo, tmp_path / "out")
    assert result.skipped == []
    assert f"{IDS[0]}/memo.html" in result.rendered
    assert "index.html" in result.rendered


def test_unchanged_build_renders_nothing(repo: Path, tmp_path: Path) -> None:
    _build(repo, tmp_path / "out")
    before = _files(tmp_path / "out")
    result = _build(repo, tmp_path / "out")
    assert result.rendered == []
    assert sorted(result.skipped) == sorted(f"{i}/{a}" for i in IDS for a in ("memo", "email"))
    assert _files(tmp_path / "out") == before


def test_a_comment_edit_renders_nothing(repo: Path, tmp_path: Path) -> None:
    _build(repo, tmp_path / "out")
    path = repo / "standards" / f"{IDS[0]}.yaml"
    path.write_text(path.read_text("utf-8") + "\n# a note for reviewers\n", "utf-8")
    assert _build(repo, tmp_path / "out").rendered == []


def test_an_edited_standard_renders_only_itself(repo: Path, tmp_path: Path) -> None:
    _build(repo, tmp_path / "out")
    path = repo / "standards" / "hr-certificate.yaml"
    path.write_text(path.read_text("utf-8").replace("title: ", "title: Новая ", 1), "utf-8")
    result = _build(repo, tmp_path / "out")
    assert {name.split("/")[0] for name in result.rendered} == {
        "hr-certificate",
        "index.html",
        "catalogue.json",
    }
    assert "Новая" in (tmp_path / "out" / "hr-certificate" / "memo.html").read_text("utf-8")


def test_a_changed_template_rebuilds_every_document_that_uses_it(
    repo: Path, tmp_path: Path
) -> None:
    _build(repo, tmp_path / "out")
    (repo / "templates").mkdir()
    (repo / "templates" / "memo.md.j2").write_text("# {{ title | md_text }}\n", "utf-8")
    result = _build(repo, tmp_path / "out")
    assert sorted(result.rendered) == sorted(
        [f"{i}/memo.html" for i in IDS] + [f"{i}/memo.md" for i in IDS]
    )
    assert (tmp_path / "out" / IDS[0] / "memo.md").read_text("utf-8").startswith("# ")


# Which files of each standard a stylesheet's edit renders again (FAST: memo and email only).
RESTYLED = {
    "memo.css": {"memo.html", "memo.md"},
    "theme.css": {"memo.html", "memo.md"},  # and the catalogue: it changes too
    "email.css": {"email.html", "email.txt"},
}


@pytest.mark.parametrize("stylesheet", sorted(RESTYLED))
def test_an_edited_stylesheet_rebuilds_every_document_that_uses_it(
    repo: Path, tmp_path: Path, stylesheet: str
) -> None:
    _build(repo, tmp_path / "out")
    (repo / "templates").mkdir()
    edited = (theme_dir() / stylesheet).read_text("utf-8") + "h1 { letter-spacing: 3px; }\n"
    (repo / "templates" / stylesheet).write_text(edited, "utf-8")
    result = _build(repo, tmp_path / "out")
    catalogue = ["index.html"] if stylesheet == "theme.css" else []
    assert sorted(result.rendered) == sorted(
        [f"{i}/{name}" for i in IDS for name in RESTYLED[stylesheet]] + catalogue
    )
    published = (tmp_path / "out" / IDS[0] / sorted(RESTYLED[stylesheet])[0]).read_text("utf-8")
    assert "letter-spacing: 3px" in published


def test_a_user_stylesheet_alone_replaces_the_themes_and_keeps_its_markup(
    repo: Path, tmp_path: Path
) -> None:
    (repo / "templates").mkdir()
    (repo / "templates" / "memo.css").write_text("h1 { color: #123456; }\n", "utf-8")
    _build(repo, tmp_path / "out", artifacts=("memo",), formats=("html",))
    memo = (tmp_path / "out" / IDS[0] / "memo.html").read_text("utf-8")
    assert "h1 { color: #123456; }" in memo, "the user's stylesheet"
    assert "header.top" not in memo, "not the theme's memo.css"
    assert "--primary:" in memo, "the theme's theme.css still"
    assert '<header class="top">' in memo, "the theme's markup"


def test_a_print_stylesheet_shapes_the_pdf_and_its_edit_rebuilds_it(
    repo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    _build(repo, out, artifacts=("memo",), formats=("pdf",))
    (repo / "templates").mkdir()
    (repo / "templates" / "memo.print.css").write_text("@page { size: 100mm 150mm; }\n", "utf-8")
    result = _build(repo, out, artifacts=("memo",), formats=("pdf",))
    assert sorted(result.rendered) == sorted(f"{i}/memo.pdf" for i in IDS)
    box = PdfReader(out / IDS[0] / "memo.pdf").pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (100, 150)


def test_a_changed_config_rebuilds_everything(repo: Path, tmp_path: Path) -> None:
    _build(repo, tmp_path / "out")
    config = repo / "memogen.yaml"
    config.write_text(config.read_text("utf-8").replace("#1F4E79", "#204080"), "utf-8")
    assert _build(repo, tmp_path / "out").skipped == []


def test_force_renders_everything(repo: Path, tmp_path: Path) -> None:
    _build(repo, tmp_path / "out")
    result = _build(repo, tmp_path / "out", force=True)
    assert result.skipped == []
    assert len(result.rendered) == len(IDS) * 4, "memo.html, memo.md, email.html, email.txt"


def test_a_deleted_output_file_is_rendered_again(repo: Path, tmp_path: Path) -> None:
    _build(repo, tmp_path / "out")
    (tmp_path / "out" / IDS[1] / "memo.md").unlink()
    result = _build(repo, tmp_path / "out")
    assert sorted(result.rendered) == [f"{IDS[1]}/memo.html", f"{IDS[1]}/memo.md"]


def test_shards_split_the_standards_without_overlap() -> None:
    many = [SimpleNamespace(id=f"service-{n:03d}") for n in range(300)]
    parts = [{s.id for s in in_shard(many, (k, 3))} for k in (1, 2, 3)]
    assert set().union(*parts) == {s.id for s in many}
    assert sum(len(part) for part in parts) == len(many)
    assert all(60 < len(part) < 140 for part in parts), "a hash spreads ids evenly"


def test_a_shard_keeps_its_standards_when_others_are_added() -> None:
    few = [SimpleNamespace(id=f"service-{n:03d}") for n in range(20)]
    more = few + [SimpleNamespace(id=f"extra-{n:03d}") for n in range(20)]
    before = {s.id for s in in_shard(few, (2, 4))}
    after = {s.id for s in in_shard(more, (2, 4))}
    assert before == after & {s.id for s in few}


def test_union_of_shards_plus_index_equals_a_full_build(repo: Path, tmp_path: Path) -> None:
    options = {"artifacts": ("memo", "poster"), "formats": ("html", "pdf", "md", "png")}
    _build(repo, tmp_path / "full", **options)
    merged = tmp_path / "merged"
    for k in (1, 2, 3):
        shard_out = tmp_path / f"shard{k}"
        _build(repo, shard_out, shard=(k, 3), **options)
        assert not (shard_out / "index.html").exists(), "a shard writes no catalogue"
        shutil.copytree(shard_out, merged, dirs_exist_ok=True)
    write_index([repo / "standards"], repo / "memogen.yaml", merged)
    assert _files(merged) == _files(tmp_path / "full")


# --- the output mirrors the standards --------------------------------------------------------

MIRROR_CONFIG = "language: en\nbuild:\n  artifacts: [memo, email]\n  formats: [html, md, txt]\n"
ALPHA_FILES = [
    f"alpha-service/{name}" for name in ("email.html", "email.txt", "memo.html", "memo.md")
]


@pytest.fixture
def two_standards(write_repo: Callable[..., Path], valid_standard_text: str) -> Path:
    """A repo with tiny-service and alpha-service, built once into repo/output."""
    alpha = valid_standard_text.replace("id: tiny-service", "id: alpha-service")
    repo = write_repo(
        {"standards/tiny-service.yaml": valid_standard_text, "standards/alpha-service.yaml": alpha},
        config=MIRROR_CONFIG,
    )
    _build_repo(repo)
    return repo


def _build_repo(repo: Path, paths: list[Path] | None = None, **options: object) -> BuildResult:
    """A build that follows memogen.yaml, of the whole repo unless paths are given."""
    return build(paths or [], repo / "memogen.yaml", BuildOptions(out=repo / "output", **options))


def test_a_deleted_standard_loses_its_outputs_on_the_next_build(two_standards: Path) -> None:
    repo, out = two_standards, two_standards / "output"
    (repo / "standards" / "alpha-service.yaml").unlink()
    result = _build_repo(repo)
    assert result.removed == ALPHA_FILES
    assert not (out / "alpha-service").exists()
    assert "alpha-service" not in (out / "index.html").read_text("utf-8")
    assert "alpha-service" not in (out / ".memogen-manifest.json").read_text("utf-8")
    assert sorted(p.name for p in (out / "tiny-service").iterdir()) == [
        "email.html",
        "email.txt",
        "memo.html",
        "memo.md",
    ]


def test_a_renamed_standard_leaves_only_its_new_outputs(two_standards: Path) -> None:
    repo, out = two_standards, two_standards / "output"
    old = repo / "standards" / "alpha-service.yaml"
    old.rename(repo / "standards" / "beta-service.yaml")
    path = repo / "standards" / "beta-service.yaml"
    path.write_text(path.read_text("utf-8").replace("alpha-service", "beta-service"), "utf-8")
    result = _build_repo(repo)
    assert result.removed == ALPHA_FILES
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "beta-service",
        "catalogue.json",
        "index.html",
        "standard.schema.json",
        "tiny-service",
    ]


def test_an_artifact_memogen_yaml_no_longer_asks_for_loses_its_files(two_standards: Path) -> None:
    repo, out = two_standards, two_standards / "output"
    (repo / "memogen.yaml").write_text(MIRROR_CONFIG.replace("memo, email", "memo"), "utf-8")
    result = _build_repo(repo)
    assert result.removed == [
        f"{name}/email.{ext}"
        for name in ("alpha-service", "tiny-service")
        for ext in ("html", "txt")
    ]
    assert sorted(p.name for p in (out / "tiny-service").iterdir()) == ["memo.html", "memo.md"]


def test_a_stray_file_beside_removed_outputs_is_kept_and_named(two_standards: Path) -> None:
    repo, out = two_standards, two_standards / "output"
    (out / "alpha-service" / "notes.txt").write_text("mine", "utf-8")
    (repo / "standards" / "alpha-service.yaml").unlink()
    result = _build_repo(repo)
    assert result.strays == ["alpha-service/notes.txt"]
    assert sorted(p.name for p in (out / "alpha-service").iterdir()) == ["notes.txt"]


def test_a_build_of_some_files_or_some_formats_removes_nothing_else(two_standards: Path) -> None:
    repo, out = two_standards, two_standards / "output"
    before = _files(out)
    (repo / "standards" / "alpha-service.yaml").unlink()
    named = _build_repo(repo, [repo / "standards" / "tiny-service.yaml"])
    only_memo = _build_repo(repo, artifacts=("memo",), formats=("html",))
    assert (named.removed, only_memo.removed) == ([], [])
    catalogue = ("index.html", "catalogue.json")  # the whole repo's: alpha-service is gone
    assert {k: v for k, v in _files(out).items() if k not in catalogue} == {
        k: v for k, v in before.items() if k not in catalogue
    }


def test_files_memogen_writes_beside_those_it_removes_are_never_called_strays(
    two_standards: Path,
) -> None:
    repo, out = two_standards, two_standards / "output"
    shutil.rmtree(out)
    _build_repo(repo, artifacts=("guide",), formats=("html",))  # a one-off, as --artifact
    result = _build_repo(repo)
    assert result.removed == [f"{name}/guide.html" for name in ("alpha-service", "tiny-service")]
    assert result.strays == []
    assert sorted(p.name for p in (out / "alpha-service").iterdir()) == [
        "email.html",
        "email.txt",
        "memo.html",
        "memo.md",
    ]


def test_a_build_of_some_formats_keeps_owning_the_other_files(two_standards: Path) -> None:
    repo, out = two_standards, two_standards / "output"
    _build_repo(repo, formats=("md",))
    (repo / "standards" / "alpha-service.yaml").unlink()
    result = _build_repo(repo)
    assert (result.removed, result.strays) == (ALPHA_FILES, [])
    assert not (out / "alpha-service").exists()


def test_a_shard_never_removes_the_outputs_of_other_shards(two_standards: Path) -> None:
    repo, out = two_standards, two_standards / "output"
    before = _files(out)
    removed = [_build_repo(repo, shard=(k, 2), force=True).removed for k in (1, 2)]
    assert removed == [[], []]
    assert _files(out) == before
    assert _build_repo(repo).removed == []


def test_a_failed_build_removes_nothing(two_standards: Path) -> None:
    repo, out = two_standards, two_standards / "output"
    before = _files(out)
    (repo / "standards" / "alpha-service.yaml").unlink()
    (repo / "templates").mkdir()
    (repo / "templates" / "memo.md.j2").write_text("{{ no_such_value }}", "utf-8")
    with pytest.raises(UserError):
        _build_repo(repo)
    assert _files(out) == before
