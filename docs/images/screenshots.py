"""Retake docs/images/catalogue.png and guide.png from `memogen serve` in headless chromium.

Run from the repo root after a design change: `python docs/images/screenshots.py`.
Needs the test extras (Playwright) and Debian's chromium; downloads nothing.
"""

from __future__ import annotations

import re
import signal
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[2]
IMAGES = REPO / "docs" / "images"
SHOTS = {"catalogue.png": "/", "guide.png": "/hr-certificate/guide.html"}
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def main() -> None:
    server = subprocess.Popen(
        [sys.executable, "-m", "memogen", "serve", "--port", "0"],
        cwd=REPO,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stderr is not None
        url = ""
        while not url:
            line = server.stderr.readline()
            if not line:
                raise SystemExit("memogen serve stopped before it served anything")
            if found := re.search(r"serving the preview at (http://\S+)/", line):
                url = found.group(1)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.goto(url + "/")  # the catalogue lists the PDFs once they are made
            page.wait_for_function(
                "document.querySelectorAll('a[href$=\".pdf\"]').length >= 15", timeout=120_000
            )
            for name, path in SHOTS.items():
                page.goto(url + path)
                page.screenshot(path=IMAGES / name)
                print(f"wrote {IMAGES / name}")
            browser.close()
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
