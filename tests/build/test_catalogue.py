"""Unit tests for memogen.build.catalogue: index.html and the schema, staged only when changed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

from memogen.build.catalogue import files_by_standard, stage_catalogue, stage_if_changed
from memogen.build.manifest import Entry, Manifest
from memogen.build.plan import BuildResult
from memogen.build.writer import Staging
from memogen.data.config_model import Config
from memogen.data.models import Standard
from memogen.data.schema import schema_text
from memogen.project import Project


def test_the_files_of_a_build_are_listed_under_their_standard() -> None:
    manifest = Manifest(
        {
            "tiny-service/memo": Entry(
                "k1", {"tiny-service/memo.pdf": 1, "tiny-service/memo.html": 2}
            ),
            "tiny-service/poster": Entry("k2", {"tiny-service/poster.png": 3}),
            "закупки/guide": Entry("k3", {"закупки/guide.html": 4}),
            "other/email": Entry("k4", {}),
        }
    )
    assert files_by_standard(manifest) == {
        "tiny-service": ["memo.pdf", "memo.html", "poster.png"],
        "закупки": ["guide.html"],
    }


def test_a_file_whose_bytes_are_already_in_the_output_is_not_staged(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_bytes(b"<p>same</p>")
    with Staging(tmp_path) as staging:
        assert stage_if_changed(staging, tmp_path, "index.html", b"<p>same</p>") is False
        assert staging.written == []


def test_a_changed_or_absent_file_is_staged(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_bytes(b"<p>old</p>")
    with Staging(tmp_path) as staging:
        assert stage_if_changed(staging, tmp_path, "index.html", b"<p>new</p>") is True
        assert stage_if_changed(staging, tmp_path, "standard.schema.json", b"{}") is True
        assert staging.written == ["index.html", "standard.schema.json"]


def test_a_link_in_the_output_is_replaced_even_when_it_leads_to_the_same_bytes(
    tmp_path: Path,
) -> None:
    (tmp_path / "elsewhere.html").write_bytes(b"<p>same</p>")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "index.html").symlink_to(tmp_path / "elsewhere.html")
    with Staging(tmp_path / "out") as staging:
        assert stage_if_changed(staging, tmp_path / "out", "index.html", b"<p>same</p>") is True


def test_the_catalogue_lists_each_standard_with_its_files_and_is_staged_once(
    tmp_path: Path, tiny_standard: Standard
) -> None:
    project, out = Project(tmp_path, Config(language="en")), tmp_path / "output"
    files = {"tiny-service": ["memo.pdf", "guide.html"]}
    first = BuildResult()
    with Staging(out) as staging:
        stage_catalogue([tiny_standard], project, files, staging, out, first)
        staging.commit()
    assert first.rendered == ["index.html", "catalogue.json", "standard.schema.json"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert tiny_standard.title in index
    assert 'href="tiny-service/guide.html"' in index and 'href="tiny-service/memo.pdf"' in index
    assert (out / "standard.schema.json").read_text(encoding="utf-8") == schema_text()

    again = BuildResult()
    with Staging(out) as staging:
        stage_catalogue([tiny_standard], project, files, staging, out, again)
        assert staging.written == []
    assert again.rendered == []


SURVEY = "language: ru\nsurvey:\n  results: surveys/*.csv\n  min_responses: 2\n"
ANSWERS = (
    "service,submitted,speed,quality,ease\n"
    "tiny-service,2026-10-01,5,4,3\ntiny-service,2026-10-02,4,4,2\ntiny-service,2026-07-02,3,3,3\n"
)


def scored_build(root: Path, out: Path) -> BuildResult:
    """Build the tiny standard's guide with its survey answers into `out`."""
    from memogen.pipeline import BuildOptions, build

    return build(
        [root / "standards"], root / "memogen.yaml", BuildOptions(out, ("guide",), ("html", "pdf"))
    )


def test_the_scores_are_byte_identical_from_build_to_build(
    write_repo: Callable[..., Path],
    valid_standard_text: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    root = write_repo(
        {"standards/tiny-service.yaml": valid_standard_text, "surveys/q4.csv": ANSWERS}, SURVEY
    )
    first, second = tmp_path_factory.mktemp("one") / "out", tmp_path_factory.mktemp("two") / "out"
    assert {"index.html", "catalogue.json", "scores.html", "scores.pdf"} <= set(
        scored_build(root, first).rendered
    )
    scored_build(root, second)
    for name in ("index.html", "catalogue.json", "scores.html", "scores.pdf"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    assert PdfReader(first / "scores.pdf").pages[0].mediabox.width > 800  # A4 landscape, in pt


def test_the_scores_go_when_the_survey_does(
    write_repo: Callable[..., Path], valid_standard_text: str, tmp_path: Path
) -> None:
    root = write_repo(
        {"standards/tiny-service.yaml": valid_standard_text, "surveys/q4.csv": ANSWERS}, SURVEY
    )
    out = tmp_path / "out"
    scored_build(root, out)
    (root / "memogen.yaml").write_text("language: ru\n", encoding="utf-8")
    result = scored_build(root, out)
    assert {"scores.html", "scores.pdf"} <= set(result.removed)
    assert not (out / "scores.html").exists() and not (out / "scores.pdf").exists()
    assert "scores.html" not in (out / "index.html").read_text(encoding="utf-8")


def test_a_build_of_one_standard_leaves_the_catalogue_and_the_scores_as_they_were(
    write_repo: Callable[..., Path], valid_standard_text: str, tmp_path: Path
) -> None:
    from memogen.pipeline import BuildOptions, build

    alpha = valid_standard_text.replace("id: tiny-service", "id: alpha-service")
    root = write_repo(
        {
            "standards/tiny-service.yaml": valid_standard_text,
            "standards/alpha-service.yaml": alpha,
            "surveys/q4.csv": ANSWERS,
        },
        SURVEY,
    )
    out = tmp_path / "out"
    scored_build(root, out)
    site = {p.name: p.read_bytes() for p in out.glob("[!.]*") if p.is_file()}
    assert {"index.html", "catalogue.json", "scores.html", "scores.pdf"} <= set(site)
    options = BuildOptions(out, ("guide",), ("html", "pdf"), force=True)
    result = build([root / "standards" / "alpha-service.yaml"], root / "memogen.yaml", options)
    assert result.removed == []
    assert {p.name: p.read_bytes() for p in out.glob("[!.]*") if p.is_file()} == site


def test_a_build_without_pdfs_never_leaves_an_outdated_scores_pdf(
    write_repo: Callable[..., Path], valid_standard_text: str, tmp_path: Path
) -> None:
    from memogen.pipeline import BuildOptions, build

    root = write_repo(
        {"standards/tiny-service.yaml": valid_standard_text, "surveys/q4.csv": ANSWERS}, SURVEY
    )
    out = tmp_path / "out"
    scored_build(root, out)
    (root / "surveys" / "q4.csv").write_text(ANSWERS + "tiny-service,2026-12-01,1,1,1\n")
    options = BuildOptions(out, ("guide",), ("html",))
    assert build([root / "standards"], root / "memogen.yaml", options).removed == ["scores.pdf"]
    assert not (out / "scores.pdf").exists()
    assert "scores.pdf" in scored_build(root, out).rendered
