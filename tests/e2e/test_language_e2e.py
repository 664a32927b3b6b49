"""Danish sticks: chosen once on the map, it survives every sidebar navigation and a reload.

The sidebar's links carry no query string, so the language must outlive a page switch in the
session and come back into the URL on every page (a copied address stays a Danish link).
"""

from __future__ import annotations

from destinations.i18n import entry_text
from destinations.ui.navigation import DEFAULT_PAGE, SECTIONS
from tests.e2e.conftest import wait_for_app

#: The Danish page title (h1) of each page file.
DANISH_TITLES = {
    "pages/map.py": "Danmarks destinationsselskaber",
    "pages/profile.py": "Destinationsprofil",
    "pages/season.py": "Sæson og kapacitet",
    "pages/itineraries.py": "Rejseruter på tværs af destinationer",
    "pages/stories.py": "Fælles fortællinger på tværs af destinationsselskaber",
    "pages/editor.py": "Scenarie-editor",
    "pages/compare.py": "Sammenlign scenarier",
    "pages/generator.py": "Plangenerator",
    "pages/data.py": "Data og kilder",
    "pages/proposals.py": "Forslag",
    "pages/members.py": "Medlemmer og roller",
}
SIDEBAR = '[data-testid="stSidebar"]'
#: The checked option of the language switch (a radio group of buttons).
CHECKED_LANGUAGE = f'{SIDEBAR} [role="radiogroup"] [role="radio"][aria-checked="true"]'


def _assert_danish(page, title: str) -> None:
    page.get_by_role("heading", name=title).first.wait_for(timeout=60_000)
    wait_for_app(page)
    selected = page.locator(CHECKED_LANGUAGE)
    assert selected.count() == 1, "the language switch shows no (or several) selected languages"
    assert selected.first.inner_text().strip() == "Dansk"
    assert "lang=da" in page.url, page.url
    assert page.locator('[data-testid="stException"]').count() == 0


def test_every_page_has_a_danish_title():
    registered = {path for pages in SECTIONS.values() for path, *_ in pages}
    assert registered == set(DANISH_TITLES)


def test_danish_survives_sidebar_navigation_and_reload(page, app_url):
    page.goto(f"{app_url}/")
    wait_for_app(page)
    page.locator(f"{SIDEBAR} button", has_text="Dansk").first.click()
    _assert_danish(page, DANISH_TITLES[DEFAULT_PAGE])

    # The sidebar itself is in Danish now: its links are found by their Danish titles.
    visits = [(path, entry_text(title, "da")) for pages in SECTIONS.values()
              for path, title, _ in pages if path != DEFAULT_PAGE] + [(DEFAULT_PAGE, next(
                  entry_text(title, "da") for pages in SECTIONS.values() for path, title, _ in pages
                  if path == DEFAULT_PAGE))]
    for path, nav_title in visits:
        # The sidebar's own link (no query string), as a visitor clicks it.
        page.locator('[data-testid="stSidebarNav"] a', has_text=nav_title).first.click()
        _assert_danish(page, DANISH_TITLES[path])

    # A reload is a new session: the language comes back from the URL.
    page.locator('[data-testid="stSidebarNav"] a', has_text="Sæson").first.click()
    _assert_danish(page, DANISH_TITLES["pages/season.py"])
    page.reload()
    wait_for_app(page)
    _assert_danish(page, DANISH_TITLES["pages/season.py"])
