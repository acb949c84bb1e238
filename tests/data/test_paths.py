"""memogen.data.paths: where a path leads, a link loop included."""

from __future__ import annotations

from pathlib import Path

from memogen.data.paths import real_path


def test_a_link_is_followed_to_where_it_leads(tmp_path: Path) -> None:
    (tmp_path / "target.yaml").write_text("x", encoding="utf-8")
    (tmp_path / "link.yaml").symlink_to("target.yaml")
    assert real_path(tmp_path / "link.yaml") == (tmp_path / "target.yaml").resolve()


def test_a_link_loop_stays_a_path_inside_its_folder(tmp_path: Path) -> None:
    (tmp_path / "loop.yaml").symlink_to("loop.yaml")
    assert real_path(tmp_path / "loop.yaml").parent == tmp_path.resolve()
