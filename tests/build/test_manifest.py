"""The manifest: what each output was made from, and when an output counts as fresh."""

from __future__ import annotations

from pathlib import Path

from memogen.build.manifest import MANIFEST_NAME, Entry, Manifest, digest


def built(out: Path) -> Manifest:
    """A manifest of one memo whose file is on disk, 5 bytes long."""
    (out / "tiny-service").mkdir(parents=True)
    (out / "tiny-service" / "memo.html").write_bytes(b"hello")
    return Manifest({"tiny-service/memo": Entry("key-1", {"tiny-service/memo.html": 5})})


def test_an_output_built_from_the_same_key_with_its_files_unchanged_is_fresh(
    tmp_path: Path,
) -> None:
    assert built(tmp_path).is_fresh("tiny-service/memo", "key-1", tmp_path) is True


def test_an_output_is_not_fresh_under_another_key(tmp_path: Path) -> None:
    assert built(tmp_path).is_fresh("tiny-service/memo", "key-2", tmp_path) is False


def test_an_output_the_manifest_does_not_know_is_not_fresh(tmp_path: Path) -> None:
    assert built(tmp_path).is_fresh("tiny-service/guide", "key-1", tmp_path) is False


def test_an_output_whose_file_changed_size_is_not_fresh(tmp_path: Path) -> None:
    manifest = built(tmp_path)
    (tmp_path / "tiny-service" / "memo.html").write_bytes(b"hello!")
    assert manifest.is_fresh("tiny-service/memo", "key-1", tmp_path) is False


def test_an_output_whose_file_is_gone_is_not_fresh(tmp_path: Path) -> None:
    manifest = built(tmp_path)
    (tmp_path / "tiny-service" / "memo.html").unlink()
    assert manifest.is_fresh("tiny-service/memo", "key-1", tmp_path) is False


def test_an_output_whose_file_became_a_symlink_of_the_same_size_is_not_fresh(
    tmp_path: Path,
) -> None:
    manifest = built(tmp_path)
    elsewhere = tmp_path / "elsewhere.html"
    elsewhere.write_bytes(b"HELLO")
    memo = tmp_path / "tiny-service" / "memo.html"
    memo.unlink()
    memo.symlink_to(elsewhere)
    assert manifest.is_fresh("tiny-service/memo", "key-1", tmp_path) is False


def test_a_manifest_written_and_read_back_is_the_same(tmp_path: Path) -> None:
    manifest = Manifest(
        {
            "b/memo": Entry("k2", {"b/memo.pdf": 7, "b/memo.html": 3}, ["b: warning: x"]),
            "a/guide": Entry("k1", {"a/guide.html": 9}),
        }
    )
    (tmp_path / MANIFEST_NAME).write_bytes(manifest.to_bytes())
    assert Manifest.read(tmp_path) == manifest
    assert Manifest.read(tmp_path).files() == {"a/guide.html", "b/memo.html", "b/memo.pdf"}


def test_the_manifest_is_written_sorted_so_the_same_build_writes_the_same_bytes() -> None:
    one = Manifest({"b/memo": Entry("k2", {"z": 1, "a": 2}), "a/memo": Entry("k1", {})})
    other = Manifest({"a/memo": Entry("k1", {}), "b/memo": Entry("k2", {"a": 2, "z": 1})})
    assert one.to_bytes() == other.to_bytes()
    assert one.to_bytes().index(b'"a/memo"') < one.to_bytes().index(b'"b/memo"')


def test_a_missing_garbled_or_older_manifest_reads_as_empty(tmp_path: Path) -> None:
    assert Manifest.read(tmp_path) == Manifest()
    (tmp_path / MANIFEST_NAME).write_text("{not json", encoding="utf-8")
    assert Manifest.read(tmp_path) == Manifest()
    (tmp_path / MANIFEST_NAME).write_text('{"version": 1, "entries": {}}', encoding="utf-8")
    assert Manifest.read(tmp_path) == Manifest()
    (tmp_path / MANIFEST_NAME).write_text('{"version": 2, "entries": []}', encoding="utf-8")
    assert Manifest.read(tmp_path) == Manifest()


def test_a_manifest_planted_as_a_symlink_is_never_read(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_bytes(Manifest({"a/memo": Entry("k", {})}).to_bytes())
    out = tmp_path / "out"
    out.mkdir()
    (out / MANIFEST_NAME).symlink_to(real)
    assert Manifest.read(out) == Manifest()


def test_a_digest_separates_its_parts() -> None:
    assert digest("ab", "c") != digest("a", "bc")
    assert digest("ab", "c") == digest(b"ab", b"c")
    assert len(digest("x")) == 32
