"""Retake docs/images/*.png of the HTML pages from `memogen serve` in headless chromium.

Run from the repo root after a design change: `python docs/images/screenshots.py`, or
name the pictures to retake (`python docs/images/screenshots.py scores.png`).
Needs the test extras (Playwright) and Debian's chromium; downloads nothing.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[2]
IMAGES = REPO / "docs" / "images"
# picture → (path, viewport width): the catalogue on a desktop and on a phone
SHOTS = {
    "catalogue.png": ("/", 1200),
    "catalogue-phone.png": ("/", 390),
    "memo-phone.png": ("/purchase-request/memo.html", 390),
    "guide.png": ("/hr-certificate/guide.html", 1200),
    "scores.png": ("/scores.html", 1200),
}
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
        env={**os.environ, "MEMOGEN_LANG": "en"},  # the line read below is English
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
            for name, (path, width) in SHOTS.items():
                if sys.argv[1:] and name not in sys.argv[1:]:
                    continue
                page.set_viewport_size({"width": width, "height": 900 if width > 600 else 844})
                page.goto(url + path)
                page.screenshot(path=IMAGES / name)
                print(f"wrote {IMAGES / name}")
            browser.close()
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
