"""A deep link opened as the very first visit after a server start shows its page, no notice.

Streamlit runs a server's first script run in its legacy ``pages/``-folder mode (the app keeps a
top-level ``pages/`` folder); each test here therefore starts its own server.
"""

from __future__ import annotations

import pytest

from destinations.ui.navigation import DEFAULT_PAGE, SECTIONS, url_path
from tests.e2e.conftest import STREAMLIT_SCRIPT_DONE, streamlit_server

#: The English page title (h1) under each url path.
TITLES = {
    "": "Denmark's destination companies",
    "map": "Denmark's destination companies",
    "profile": "Destination profile",
    "season": "Season and capacity",
    "itineraries": "Cross-destination itineraries",
    "stories": "Shared stories across destination companies",
    "editor": "Scenario editor",
    "compare": "Compare scenarios",
    "generator": "Plan generator",
    "data": "Data & sources",
    "proposals": "Proposals",
    "members": "Members and roles",
}
# The default page is served at "/" and, as a working link, under its own url path too.
URLS = ["" if path == DEFAULT_PAGE else url_path(path)
        for pages in SECTIONS.values() for path, *_ in pages] + [url_path(DEFAULT_PAGE)]

# Records whether the notice ever shows, however briefly (Streamlit's "Page not found" dialog).
WATCH_NOTICE = """
window.__pageNotFound = false;
new MutationObserver(() => {
    if (document.body && document.body.textContent.includes('Page not found')) {
        window.__pageNotFound = true;
    }
}).observe(document, {childList: true, subtree: true, characterData: true});
"""


def test_every_page_has_a_title():
    assert sorted(URLS) == sorted(TITLES)


@pytest.fixture
def fresh_server_url(settings, tmp_path):
    with streamlit_server(settings, tmp_path) as url:
        yield url


@pytest.mark.parametrize("url", URLS, ids=lambda url: url or "home")
def test_deep_link_as_first_visit_shows_the_page(page, fresh_server_url, url):
    page.add_init_script(WATCH_NOTICE)
    page.goto(f"{fresh_server_url}/{url}")
    page.wait_for_selector(STREAMLIT_SCRIPT_DONE, timeout=90_000)
    page.get_by_role("heading", name=TITLES[url]).first.wait_for(timeout=60_000)
    page.wait_for_selector(STREAMLIT_SCRIPT_DONE, timeout=90_000)
    assert page.url.rstrip("/").split("?")[0] == f"{fresh_server_url}/{url}".rstrip("/")
    assert page.get_by_text("Page not found").count() == 0
    assert page.evaluate("window.__pageNotFound") is False
    assert page.locator('[data-testid="stException"]').count() == 0


def test_first_click_after_a_first_visit_deep_link_counts(page, fresh_server_url):
    """The page of that first visit keys its widgets like every later run: one click switches
    the language."""
    page.goto(f"{fresh_server_url}/data")
    page.get_by_role("heading", name="Data & sources").first.wait_for(timeout=90_000)
    page.wait_for_selector(STREAMLIT_SCRIPT_DONE, timeout=90_000)
    page.locator('[data-testid="stSidebar"] button', has_text="Dansk").first.click()
    page.get_by_role("heading", name="Data og kilder").first.wait_for(timeout=60_000)
    assert "lang=da" in page.url
