"""The scenario editor in a real browser: select three municipalities on the map, assign them in one
step, see the map and the metrics change in place, save; select by box; highlight from the legend."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import MAP_FRAME, click_map_at, wait_for_app, wait_for_map

EDITOR_PATH = "/editor"
#: Vejen (unaffiliated today), Esbjerg and Varde (Destination Vadehavskysten).
THREE = ("575", "561", "573")


@pytest.fixture(scope="module")
def inside(settings):
    """A point inside each municipality (lat, lon), from the map's own geometry."""
    from destinations.data.base import load_base
    from destinations.maps.layers import display_geometry

    display = display_geometry(load_base(settings))
    return {code: (point.y, point.x) for code, point in
            zip(display["code"], display.geometry.representative_point())}


def metric_card(page, label: str):
    return page.locator('[data-testid="stMetric"]').filter(has_text=label).first


def metric_value(page, label: str) -> str:
    return metric_card(page, label).locator('[data-testid="stMetricValue"]').inner_text().strip()


def shape(page, code: str):
    return page.frame_locator(MAP_FRAME).first.locator(f"path.m-{code}")


def open_editor(page, app_url):
    page.goto(f"{app_url}{EDITOR_PATH}")
    wait_for_app(page)
    frame = wait_for_map(page)
    # Mark the map's document: if a later update re-created the map, the mark would be gone.
    page.locator(MAP_FRAME).first.element_handle().content_frame().evaluate(
        "() => { window.__mounted = 'once'; }")
    return frame


def test_select_three_on_the_map_assign_them_and_save(page, app_url, inside):
    open_editor(page, app_url)
    assert metric_value(page, "Unaffiliated municipalities") == "9"
    for code in THREE:
        click_map_at(page, *inside[code])
        shape(page, code).and_(page.frame_locator(MAP_FRAME).first.locator("path.sel")
                               ).wait_for(timeout=30_000)
        wait_for_app(page)
    assert page.get_by_text("Selected municipalities (3)").count() == 1
    assert page.frame_locator(MAP_FRAME).first.locator("path.sel").count() == 3
    before = shape(page, "575").get_attribute("fill")

    page.get_by_role("combobox", name="Assign to").click()
    page.get_by_role("option", name="Destination Trekantområdet").click()
    wait_for_app(page)
    page.get_by_role("button", name="Assign the selection (3)").click()
    page.get_by_text("Moved to Destination Trekantområdet: Vejen, Esbjerg, Varde.").first.wait_for(
        timeout=30_000)
    wait_for_app(page)

    assert metric_value(page, "Unaffiliated municipalities") == "8"
    card = metric_card(page, "Unaffiliated municipalities").inner_text()
    assert "-1" in card and "vs today's companies" in card
    assert shape(page, "575").get_attribute("fill") != before  # Vejen now in Trekantområdet's fill
    assert shape(page, "575").get_attribute("fill") == shape(page, "621").get_attribute("fill")
    assert page.frame_locator(MAP_FRAME).first.locator("path.sel").count() == 0
    mounted = page.locator(MAP_FRAME).first.element_handle().content_frame().evaluate(
        "() => window.__mounted")
    assert mounted == "once", "the map was re-created instead of updated in place"
    assert "plan=p1." in page.url

    page.get_by_role("textbox", name="Scenario name").fill("Vadehavet in Trekanten")
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text("Saved Vadehavet in Trekanten as version 1.").first.wait_for(timeout=30_000)
    wait_for_app(page)
    page.get_by_text("saved version 1").first.wait_for(timeout=30_000)


def test_box_selection_and_legend_highlight(page, app_url, inside):
    open_editor(page, app_url)
    handle = page.locator(MAP_FRAME).first
    frame = handle.element_handle().content_frame()
    # A box around Vejen and Billund (Shift-drag, as Leaflet's box zoom).
    corners = [frame.evaluate(
        """([lat, lon]) => { const p = window.map.latLngToContainerPoint([lat, lon]);
                             const r = window.map.getContainer().getBoundingClientRect();
                             return [p.x + r.left, p.y + r.top]; }""", [lat, lon])
        for lat, lon in ((55.80, 8.95), (55.40, 9.25))]
    box = handle.bounding_box()
    page.keyboard.down("Shift")
    page.mouse.move(box["x"] + corners[0][0], box["y"] + corners[0][1])
    page.mouse.down()
    page.mouse.move(box["x"] + corners[1][0], box["y"] + corners[1][1], steps=8)
    page.mouse.up()
    page.keyboard.up("Shift")
    shape(page, "575").and_(page.frame_locator(MAP_FRAME).first.locator("path.sel")).wait_for(
        timeout=30_000)
    wait_for_app(page)
    assert page.frame_locator(MAP_FRAME).first.locator("path.sel").count() >= 2

    legend = page.frame_locator(MAP_FRAME).first.locator('.plan-legend [data-company="destination-fyn"]')
    legend.click()
    page.frame_locator(MAP_FRAME).first.locator(
        '.plan-legend .entry.on[data-company="destination-fyn"]').wait_for(timeout=30_000)
    wait_for_app(page)
    faded = float(shape(page, "851").get_attribute("fill-opacity"))  # Aalborg: not in Fyn
    lit = float(shape(page, "461").get_attribute("fill-opacity"))  # Odense
    assert lit > 0.5 > faded
