"""The scenario editor in a real browser: click a municipality on the map, move it, see a metric change."""

from __future__ import annotations

from tests.e2e.conftest import click_map_at, wait_for_app, wait_for_map

EDITOR_PATH = "/editor"


def metric_value(page, label: str) -> str:
    card = page.locator('[data-testid="stMetric"]').filter(has_text=label).first
    return card.locator('[data-testid="stMetricValue"]').inner_text().strip()


def test_move_a_municipality_on_the_map_changes_the_metrics(page, app_url):
    page.goto(f"{app_url}{EDITOR_PATH}")
    wait_for_app(page)
    wait_for_map(page)
    assert metric_value(page, "Unaffiliated municipalities") == "9"

    # Vejen (575), inland and unaffiliated today. On a cold server the component may still be
    # settling after its first render and drop the first click, so click again if needed.
    for _attempt in range(3):
        click_map_at(page, 55.457, 9.031)
        page.wait_for_timeout(1500)
        wait_for_app(page)
        if page.get_by_text("Now in:").count():
            break
        page.wait_for_timeout(3000)
    page.get_by_text("Now in:").first.wait_for(timeout=30_000)
    assert page.get_by_role("combobox", name="Municipality").input_value() == "Vejen (575)"

    page.get_by_role("combobox", name="Move to").click()
    page.get_by_role("option", name="Destination Trekantområdet").click()
    wait_for_app(page)
    page.get_by_role("button", name="Move", exact=True).click()
    page.wait_for_timeout(1000)
    wait_for_app(page)

    page.get_by_text("Vejen moved to Destination Trekantområdet.").first.wait_for(timeout=30_000)
    assert metric_value(page, "Unaffiliated municipalities") == "8"
    # the address bar now carries the edited plan
    assert "plan=p1." in page.url


def test_compare_page_renders(page, app_url):
    page.goto(f"{app_url}/compare")
    wait_for_app(page)
    page.get_by_text("Choose at least two scenarios.").first.wait_for(timeout=60_000)
