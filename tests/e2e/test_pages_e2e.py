"""Every page loads in a real browser without an exception; the itinerary form plans a trip."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import wait_for_app

PAGES = [
    ("/profile", "Destination profile"),
    ("/season", "Season"),
    ("/itineraries", "Cross-destination itineraries"),
    ("/stories", "Stories"),
    ("/editor", "Scenario editor"),
    ("/compare", "Compare"),
    ("/generator", "Plan generator"),
    ("/data", "Data & sources"),
]


@pytest.mark.parametrize("path,title", PAGES)
def test_page_loads_without_exception(page, app_url, path, title):
    page.goto(f"{app_url}{path}")
    wait_for_app(page)
    page.get_by_role("heading", name=title).first.wait_for(timeout=60_000)
    wait_for_app(page)
    assert page.locator('[data-testid="stException"]').count() == 0


def test_itinerary_form_plans_a_trip_and_draws_it(page, app_url):
    page.goto(f"{app_url}/itineraries?from=cph-airport&days=2&month=7")
    wait_for_app(page)
    page.get_by_role("button", name="Plan trip").first.click()
    page.wait_for_timeout(1000)
    wait_for_app(page, timeout=120_000)
    frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]').first
    frame.locator("path.leaflet-interactive").first.wait_for(timeout=60_000)
    assert page.locator('[data-testid="stException"]').count() == 0
    page.get_by_role("heading", name="Day by day").first.wait_for(timeout=30_000)
