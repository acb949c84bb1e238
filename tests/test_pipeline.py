"""Incremental builds (the manifest), --force, sharding and `memogen index`."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from memogen.pipeline import BuildOptions, build, in_shard, write_index

REPO = Path(__file__).resolve().parent.parent
IDS = sorted(p.stem for p in (REPO / "standards").glob("*.yaml"))
FAST = {"artifacts": ("memo", "email"), "formats": ("html", "md", "txt")}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A copy of the example repo that tests may edit."""
    shutil.copytree(REPO / "standards", tmp_path / "repo" / "standards")
    shutil.copy(REPO / "memogen.yaml", tmp_path / "repo" / "memogen.yaml")
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
    assert {name.split("/")[0] for name in result.rendered} == {"hr-certificate", "index.html"}
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
