"""Every HTML output of the example standards passes axe-core's WCAG 2 A and AA rules, on a
desktop and on a phone.

The examples are built once (HTML only: axe looks at the pages, and PDFs take
seconds), then each page is opened from the disk in headless Debian chromium and
checked by the axe-core script that the `axe-playwright-python` package ships.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from memogen.pipeline import BuildOptions, build

if TYPE_CHECKING:
    from collections.abc import Callable

    from playwright.sync_api import Browser, Page

    AxeCheck = Callable[[Page], list[str]]  # the `axe_violations` fixture of conftest.py

REPO_ROOT = Path(__file__).resolve().parent.parent

STANDARD_IDS = sorted(path.stem for path in (REPO_ROOT / "standards").glob("*.yaml"))
PAGES = ["index.html", "scores.html"] + [
    f"{standard_id}/{artifact}.html"
    for standard_id in STANDARD_IDS
    for artifact in ("memo", "guide", "poster", "email")
]


@pytest.fixture(scope="module")
def built_examples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("examples") / "output"
    build(
        [REPO_ROOT / "standards"],
        REPO_ROOT / "memogen.yaml",
        BuildOptions(out=out, formats=("html",)),
    )
    return out


# A desktop, and a phone: below 600 px the memo's stage table is a set of cards.
SCREENS = {
    "desktop": {"viewport": {"width": 1280, "height": 800}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}


@pytest.fixture(scope="module", params=list(SCREENS))
def axe_page(request: pytest.FixtureRequest, browser: Browser, axe_script: str) -> Iterator[Page]:
    """One tab per screen, reused page after page, with axe-core loaded before each page's own
    content."""
    context = browser.new_context(**SCREENS[request.param])
    context.add_init_script(axe_script)
    yield context.new_page()
    context.close()


def test_every_example_page_is_checked(built_examples: Path) -> None:
    built = sorted(p.relative_to(built_examples).as_posix() for p in built_examples.rglob("*.html"))
    assert built == sorted(PAGES)


@pytest.mark.parametrize("page_name", PAGES)
def test_page_has_no_wcag_violations(
    page_name: str, built_examples: Path, axe_page: Page, axe_violations: AxeCheck
) -> None:
    axe_page.goto((built_examples / page_name).as_uri())
    violations = axe_violations(axe_page)
    assert violations == [], f"{page_name}:\n" + "\n".join(violations)


@pytest.fixture(scope="module")
def dark_page(browser: Browser, axe_script: str) -> Iterator[Page]:
    """A desktop tab that prefers a dark colour scheme, as a mail client in dark mode does."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme="dark")
    context.add_init_script(axe_script)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("page_name", [name for name in PAGES if name.endswith("/email.html")])
def test_the_email_in_dark_mode_has_no_wcag_violations(
    page_name: str, built_examples: Path, dark_page: Page, axe_violations: AxeCheck
) -> None:
    dark_page.goto((built_examples / page_name).as_uri())
    outer = dark_page.evaluate("getComputedStyle(document.querySelector('.outer')).backgroundColor")
    assert max(map(int, outer[4:-1].split(", "))) < 64, f"not the dark palette: {outer}"
    violations = axe_violations(dark_page)
    assert violations == [], f"{page_name}:\n" + "\n".join(violations)
