"""Unit tests for memogen.build.plan: which outputs are stale, what a build decides, shards."""

from __future__ import annotations

from pathlib import Path

import pytest

from memogen.build.manifest import Entry, Manifest
from memogen.build.plan import (
    BuildOptions,
    BuildResult,
    Reach,
    carry_undecided,
    in_shard,
    no_longer_built,
    plan,
    reach_of,
)
from memogen.data.config_model import Config
from memogen.data.models import Standard
from memogen.data.validate import Checked
from memogen.project import Project


def named(standard: Standard, *ids: str) -> list[Standard]:
    return [standard.model_copy(update={"id": standard_id}) for standard_id in ids]


def test_without_a_shard_every_standard_is_built(tiny_standard: Standard) -> None:
    standards = named(tiny_standard, "a-1", "b-2")
    assert in_shard(standards, None) == standards


def test_the_shards_cover_every_standard_exactly_once(tiny_standard: Standard) -> None:
    standards = named(tiny_standard, *(f"standard-{n}" for n in range(40)))
    shards = [{s.id for s in in_shard(standards, (k, 4))} for k in range(1, 5)]
    assert sorted(i for shard in shards for i in shard) == sorted(s.id for s in standards)
    assert all(shard for shard in shards)  # 40 ids: no shard is left empty


def test_a_standards_shard_does_not_move_when_others_are_added(tiny_standard: Standard) -> None:
    few = named(tiny_standard, "alpha", "beta", "gamma")
    more = few + named(tiny_standard, "delta", "закупки-1", "zeta")
    for k in (1, 2, 3):
        assert {s.id for s in in_shard(few, (k, 3))} <= {s.id for s in in_shard(more, (k, 3))}


REACH = Reach(known={"a", "b", "c"}, built={"a"}, whole_repo=True, follows_config=True)


def test_a_build_decides_only_the_standards_it_builds_as_the_config_says() -> None:
    assert [REACH.decides(i) for i in ("a", "b", "gone")] == [True, False, True]
    narrowed = Reach({"a"}, {"a"}, whole_repo=True, follows_config=False)  # --artifact memo
    assert narrowed.decides("a") is False
    some_files = Reach({"a"}, {"a"}, whole_repo=False, follows_config=True)
    assert some_files.decides("gone") is False  # a build of some files keeps the others


def test_the_reach_of_a_build_of_the_standards_folder_covers_the_whole_repo(
    tmp_path: Path, tiny_standard: Standard
) -> None:
    project = Project(tmp_path, Config())
    checked = Checked(standards=named(tiny_standard, "a-1", "b-2"))
    built = checked.standards[:1]
    assert reach_of([tmp_path / "standards"], project, checked, built, BuildOptions()) == Reach(
        {"a-1", "b-2"}, {"a-1"}, whole_repo=True, follows_config=True
    )
    narrowed = BuildOptions(formats=("pdf",))
    reach = reach_of([tmp_path / "standards" / "a-1.yaml"], project, checked, built, narrowed)
    assert (reach.whole_repo, reach.follows_config) == (False, False)


def on_disk(out: Path, *files: str) -> dict[str, int]:
    for relative in files:
        (out / relative).parent.mkdir(parents=True, exist_ok=True)
        (out / relative).write_bytes(b"x")
    return {relative: 1 for relative in files}


def test_what_a_build_does_not_decide_stays_listed_while_its_files_are_there(
    tmp_path: Path,
) -> None:
    recorded = Manifest(
        {
            "b/memo": Entry("k", on_disk(tmp_path, "b/memo.pdf")),  # another shard's
            "c/memo": Entry("k", {"c/memo.pdf": 1}),  # another shard's, file gone
            "a/memo": Entry("k", on_disk(tmp_path, "a/memo.pdf")),  # decided: rebuilt or not
        }
    )
    new = Manifest()
    carry_undecided(recorded, new, REACH, tmp_path)
    assert list(new.entries) == ["b/memo"]


def test_files_no_longer_built_are_those_of_decided_standards_only() -> None:
    recorded = Manifest(
        {
            "a/memo": Entry("k", {"a/memo.pdf": 1, "a/memo.html": 1}),
            "b/memo": Entry("k", {"b/memo.pdf": 1}),
            "gone/guide": Entry("k", {"gone/guide.html": 1}),
        }
    )
    new = Manifest({"a/memo": Entry("k2", {"a/memo.html": 1})})
    assert no_longer_built(recorded, new, REACH) == ["a/memo.pdf", "gone/guide.html"]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    return Project(tmp_path, Config())


def planned(
    standard: Standard, project: Project, old: Manifest, **options: object
) -> tuple[list[tuple[str, tuple[str, ...]]], Manifest, BuildResult]:
    result = BuildResult()
    build = BuildOptions(out=project.root / "output", **options)  # type: ignore[arg-type]
    jobs, new = plan([standard], project, build, old, project.root / "staging", result)
    return [(job.standard.id, job.artifacts) for job in jobs], new, result


def test_a_first_build_makes_one_job_per_standard_with_every_artifact_that_has_a_format(
    tiny_standard: Standard, project: Project
) -> None:
    jobs, new, result = planned(
        tiny_standard, project, Manifest(), artifacts=("memo", "poster", "email"), formats=("pdf",)
    )
    assert jobs == [("tiny-service", ("memo", "poster"))]  # an email has no PDF
    assert list(new.entries) == ["tiny-service/memo", "tiny-service/poster"]
    assert result.skipped == []


def test_an_output_built_from_the_same_inputs_is_skipped_and_its_warnings_said_again(
    tiny_standard: Standard, project: Project
) -> None:
    _, first, _ = planned(tiny_standard, project, Manifest(), artifacts=("memo", "guide"))
    memo = first.entries["tiny-service/memo"]
    files = on_disk(project.root / "output", "tiny-service/memo.html")
    first.entries["tiny-service/memo"] = Entry(memo.key, files, ["the memo is long"])
    guide = first.entries["tiny-service/guide"]  # built, then its file deleted
    first.entries["tiny-service/guide"] = Entry(guide.key, {"tiny-service/guide.html": 1})
    jobs, new, result = planned(tiny_standard, project, first, artifacts=("memo", "guide"))
    assert jobs == [("tiny-service", ("guide",))]
    assert result.skipped == ["tiny-service/memo"]
    assert result.warnings == ["the memo is long"]
    assert new.entries["tiny-service/memo"] == first.entries["tiny-service/memo"]


def test_a_change_of_config_or_of_the_requested_formats_makes_an_output_stale(
    tiny_standard: Standard, project: Project
) -> None:
    _, first, _ = planned(tiny_standard, project, Manifest(), artifacts=("memo",))
    key = first.entries["tiny-service/memo"].key
    other_config = Project(project.root, Config(organisation="ООО «Пример»"))
    _, changed, _ = planned(tiny_standard, other_config, Manifest(), artifacts=("memo",))
    _, fewer, _ = planned(tiny_standard, project, Manifest(), artifacts=("memo",), formats=("pdf",))
    assert key not in (
        changed.entries["tiny-service/memo"].key,
        fewer.entries["tiny-service/memo"].key,
    )


def test_only_the_email_is_stale_when_source_date_epoch_changes(
    tiny_standard: Standard, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, before, _ = planned(tiny_standard, project, Manifest(), artifacts=("memo", "email"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    _, after, _ = planned(tiny_standard, project, Manifest(), artifacts=("memo", "email"))
    assert before.entries["tiny-service/memo"].key == after.entries["tiny-service/memo"].key
    assert before.entries["tiny-service/email"].key != after.entries["tiny-service/email"].key


def test_a_memo_built_as_docx_is_stale_when_source_date_epoch_changes(
    tiny_standard: Standard, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    wanted = {"artifacts": ("memo",), "formats": ("html", "docx")}
    _, before, _ = planned(tiny_standard, project, Manifest(), **wanted)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    _, after, _ = planned(tiny_standard, project, Manifest(), **wanted)
    assert before.entries["tiny-service/memo"].key != after.entries["tiny-service/memo"].key


def test_a_change_of_the_messages_language_makes_an_output_stale_for_its_warnings(
    tiny_standard: Standard, project: Project
) -> None:
    from memogen import i18n

    _, english, _ = planned(tiny_standard, project, Manifest(), artifacts=("memo",))
    i18n.use("ru")
    _, russian, _ = planned(tiny_standard, project, Manifest(), artifacts=("memo",))
    assert english.entries["tiny-service/memo"].key != russian.entries["tiny-service/memo"].key
