"""The itinerary page in a real browser: plan a short trip, see the map and the tables, then open
the address bar's share link in a new page and see the same trip, reopened without planning."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from tests.e2e.conftest import wait_for_app

MAP = 'iframe[title="streamlit_folium.st_folium"]'


def metrics(page) -> dict[str, str]:
    """Label -> value of the headline metrics (score, visits, nights, driving, splits)."""
    out = {}
    for box in page.locator('[data-testid="stMetric"]').all():
        label = box.locator('[data-testid="stMetricLabel"]').inner_text().strip()
        out[label] = box.locator('[data-testid="stMetricValue"]').inner_text().strip()
    return out


def wait_for_trip(page) -> None:
    wait_for_app(page, timeout=120_000)
    page.frame_locator(MAP).first.locator("path.leaflet-interactive").first.wait_for(timeout=60_000)
    page.get_by_role("heading", name="Why these stops").first.wait_for(timeout=30_000)
    wait_for_app(page)


def test_plan_a_trip_then_its_share_link_reopens_the_same_trip(page, app_url):
    page.goto(f"{app_url}/itineraries")
    wait_for_app(page)
    page.get_by_text("Choose a start, days and month").first.wait_for(timeout=60_000)
    days = page.get_by_role("slider", name="Days")
    days.focus()
    for _ in range(3):  # 5 days -> 2
        days.press("ArrowLeft")
    page.get_by_role("button", name="Plan trip").first.click()
    page.wait_for_timeout(1000)
    wait_for_trip(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stDataFrame"]').count() >= 3  # days, why, alternatives
    planned = metrics(page)
    assert planned["Nights"] == "1"
    token = parse_qs(urlsplit(page.url).query)["trip"][0]
    assert re.fullmatch(r"t1\.[A-Za-z0-9_-]+\.[0-9a-f]{12}", token)
    shown = page.locator('[data-testid="stCode"]').first.inner_text()
    assert token in shown.replace("\n", "")
    paths = page.frame_locator(MAP).first.locator("path.leaflet-interactive").count()

    other = page.context.new_page()
    other.goto(page.url)
    wait_for_trip(other)
    assert other.locator('[data-testid="stException"]').count() == 0
    other.get_by_text("Reopened from its link exactly as planned").first.wait_for(timeout=30_000)
    assert metrics(other) == planned
    assert parse_qs(urlsplit(other.url).query)["trip"][0] == token
    assert other.frame_locator(MAP).first.locator("path.leaflet-interactive").count() == paths
    other.close()


def test_a_tampered_link_says_so_in_the_browser(page, app_url):
    page.goto(f"{app_url}/itineraries?trip=t1.AAAAAAAA.000000000000")
    wait_for_app(page)
    alert = page.locator('[data-testid="stAlert"]').filter(has_text="could not be opened").first
    alert.wait_for(timeout=60_000)
    assert page.locator('[data-testid="stException"]').count() == 0


def test_cancel_stops_planning_and_keeps_the_trip_shown(page, app_url):
    page.goto(f"{app_url}/itineraries?from=cph-central&days=1&month=7")
    wait_for_trip(page)
    before = metrics(page)
    token = parse_qs(urlsplit(page.url).query)["trip"][0]
    days = page.get_by_role("slider", name="Days")
    days.focus()
    for _ in range(13):  # 1 -> 14 days: a plan that runs for seconds
        days.press("ArrowRight")
    page.get_by_role("button", name="Plan trip").first.click()
    cancel = page.get_by_role("button", name="Cancel")
    cancel.wait_for(timeout=30_000)
    cancel.click()
    page.get_by_text("Planning was cancelled").first.wait_for(timeout=60_000)
    wait_for_app(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert metrics(page) == before
    assert parse_qs(urlsplit(page.url).query)["trip"][0] == token


def test_a_planned_trip_in_danish_shows_no_english_from_the_catalog(page, app_url):
    from tests.e2e.test_danish_e2e import english_phrases, visible_text

    page.goto(f"{app_url}/itineraries?from=cph-airport&days=2&month=7&themes=viking&lang=da")
    wait_for_app(page, timeout=120_000)
    page.frame_locator(MAP).first.locator("path.leaflet-interactive").first.wait_for(timeout=60_000)
    page.get_by_role("heading", name="Derfor disse stop").first.wait_for(timeout=30_000)
    page.wait_for_timeout(1500)
    wait_for_app(page)
    text = visible_text(page)
    found = sorted(p for p in english_phrases()
                   if re.search(r"(?<![\w-])" + re.escape(p) + r"(?![\w-])", text))
    assert not found, found[:20]
