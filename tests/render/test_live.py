"""memogen.render.live: with `site_url`, each printed document's live address, and its QR code
bottom right of page 1 (decoded with zbarimg from the PDF)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from memogen.cli import main
from memogen.data.config_model import Config
from memogen.data.models import Standard
from memogen.render.live import live_links
from tests.conftest import RepoWriter

SITE = "https://standards.example.com/"


def test_without_site_url_there_is_no_live_copy(tiny_standard: Standard) -> None:
    live = live_links(tiny_standard, Config())
    assert live["url"]["memo"] == live["qr"]["guide"] == live["page"] == ""


def test_each_printed_document_has_its_live_address(tiny_standard: Standard) -> None:
    live = live_links(tiny_standard, Config.model_validate({"site_url": SITE}))
    assert live["url"] == {
        "memo": "https://standards.example.com/tiny-service/memo.html",
        "guide": "https://standards.example.com/tiny-service/guide.html",
        "poster": "https://standards.example.com/tiny-service/poster.html",
        "ack": "https://standards.example.com/tiny-service/ack.html",
    }
    assert live["page"] == "https://standards.example.com/tiny-service/guide.html"
    assert live["qr"]["memo"].startswith("<svg")


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbarimg (zbar-tools) is missing")
def test_the_printed_memo_carries_a_qr_code_to_its_live_copy(
    write_repo: RepoWriter, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    text = Path(__file__).parents[1].joinpath("fixtures/good/tiny-service.yaml").read_text("utf-8")
    text = text.replace("  form_url: https://intranet.example.com/forms/help\n", "")
    text = text.replace("channel: form", "channel: phone")
    repo = write_repo({"standards/tiny-service.yaml": text}, config=f"site_url: {SITE}\n")
    monkeypatch.chdir(repo)
    result = CliRunner().invoke(main, ["build", "--artifact", "memo", "--format", "pdf"])
    assert result.exit_code == 0, result.output
    pdf = repo / "output" / "tiny-service" / "memo.pdf"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "300", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    (page,) = tmp_path.glob("page*.png")
    decoded = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(page)], capture_output=True, text=True, check=False
    )
    assert decoded.stdout.split() == ["https://standards.example.com/tiny-service/memo.html"]
