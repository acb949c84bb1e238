"""The catalogue of a company with 200 services, in headless Debian chromium: the search
narrows the list as you type, the filters work, a phone needs no horizontal scroll, and the
page asks the network for nothing and raises no script error."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from memogen.pipeline import BuildOptions, build

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

    AxeCheck = Callable[[Page], list[str]]

SERVICES = 200
MAX_PAGE_BYTES = 600 * 1024
VISIBLE_ROWS = "li.service:visible"


@pytest.fixture(scope="module")
def catalogue(synthetic_repo: Callable[[int], Path]) -> Path:
    root = synthetic_repo(SERVICES)
    out = root / "output"
    build([root / "standards"], root / "memogen.yaml", BuildOptions(out, ("guide",), ("html",)))
    return out / "index.html"


class Watched:
    """A tab and what it did besides showing the page: requests and script errors."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on(
            "console", lambda message: message.type == "error" and self.errors.append(message.text)
        )

    def visible_titles(self) -> list[str]:
        return self.page.locator(f"{VISIBLE_ROWS} h3").all_inner_texts()


@pytest.fixture
def tab(browser: Browser, catalogue: Path) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watched = Watched(context.new_page())
    watched.page.goto(catalogue.as_uri())
    yield watched
    assert [url for url in watched.requests if url != catalogue.as_uri()] == []
    assert watched.errors == []
    context.close()


def test_the_page_of_200_services_stays_under_600_kib(catalogue: Path) -> None:
    assert catalogue.stat().st_size < MAX_PAGE_BYTES
    assert catalogue.read_text(encoding="utf-8").count('<li class="service"') == SERVICES


def test_typing_a_word_narrows_the_list_to_the_matching_services(tab: Watched) -> None:
    assert len(tab.visible_titles()) == SERVICES
    tab.page.fill("#mg-q", "ноутб")
    titles = tab.visible_titles()
    assert len(titles) == SERVICES // 8  # one topic in eight is a laptop
    assert all(title.startswith("Ноутбук") or title.startswith("Laptop") for title in titles)
    assert tab.page.inner_text("#mg-shown") == str(SERVICES // 8)
    tab.page.fill("#mg-q", "ноутбук 170")
    assert tab.visible_titles() == ["Ноутбук № 170"]
    assert tab.page.inner_text("#otdel-dizaina-h .count") == "· 1"  # what is shown, not all


def test_the_search_reads_yo_as_ye_and_ignores_case(tab: Watched) -> None:
    tab.page.fill("#mg-q", "ЕЛОЧНЫЙ")
    by_ye = tab.visible_titles()
    tab.page.fill("#mg-q", "ёлочный")
    assert tab.visible_titles() == by_ye
    assert len(by_ye) == len(range(7, SERVICES, 11))  # every eleventh is the Ёлочный склад's


def test_nothing_found_says_so(tab: Watched) -> None:
    tab.page.fill("#mg-q", "zzz-no-such-service")
    assert tab.visible_titles() == []
    assert tab.page.is_visible("#mg-nothing")
    assert tab.page.locator("section.department:visible").count() == 0


def test_the_department_and_language_filters_narrow_the_list(tab: Watched) -> None:
    tab.page.select_option("#mg-department", "legal")
    assert tab.page.locator("section.department:visible").count() == 1
    assert len(tab.visible_titles()) == len(range(9, SERVICES, 11))
    tab.page.select_option("#mg-department", "")
    tab.page.select_option("#mg-language", "en")
    english = tab.page.locator(VISIBLE_ROWS)
    assert english.count() == sum(1 for n in range(SERVICES) if n % 11 >= 8)
    assert set(english.evaluate_all("rows => rows.map(r => r.dataset.lang)")) == {"en"}


def test_contents_links_lead_to_stable_department_anchors(tab: Watched) -> None:
    tab.page.click("nav.toc a[href='#otdel-snabzheniia']")
    assert tab.page.url.endswith("#otdel-snabzheniia")
    assert tab.page.is_visible("#otdel-snabzheniia-h")


def test_a_phone_needs_no_horizontal_scroll_and_the_page_passes_axe(
    browser: Browser, catalogue: Path, axe_violations: AxeCheck
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(catalogue.as_uri())
    page.fill("#mg-q", "справка")
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1]
    page.fill("#mg-q", "")
    assert axe_violations(page) == []
    context.close()


def test_without_javascript_every_service_is_listed_and_the_finder_is_hidden(
    browser: Browser, catalogue: Path
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(catalogue.as_uri())
    assert page.locator(VISIBLE_ROWS).count() == SERVICES
    assert not page.is_visible("#mg-finder")
    context.close()


def test_a_link_with_a_query_opens_the_catalogue_already_searched(
    browser: Browser, catalogue: Path
) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(catalogue.as_uri() + "?q=%D0%BD%D0%BE%D1%83%D1%82%D0%B1%D1%83%D0%BA+170")
    assert page.locator(f"{VISIBLE_ROWS} h3").all_inner_texts() == ["Ноутбук № 170"]
    assert page.input_value("#mg-q") == "ноутбук 170"
    context.close()
