"""The national map in a real browser: it renders offline and a click opens the side panel."""

from __future__ import annotations

from tests.e2e.conftest import click_map_at, wait_for_app, wait_for_map


def _quiet_spot(base):
    """The municipality anchor farthest from any attraction marker: a click there hits the polygon."""
    import geopandas as gpd
    import shapely

    nodes = base.graph.nodes(data=True)
    anchors = gpd.GeoSeries([shapely.Point(d["x"], d["y"]) for _, d in nodes], crs=25832)
    marks = gpd.GeoSeries.from_xy([a.lon for a in base.attractions], [a.lat for a in base.attractions],
                                  crs=4326).to_crs(25832)
    distances = [marks.distance(p).min() for p in anchors]
    best = max(range(len(distances)), key=distances.__getitem__)
    code = list(base.graph.nodes)[best]
    point = anchors.to_crs(4326).iloc[best]
    return code, point.y, point.x


def test_map_renders_and_click_opens_panel(page, app_url, base):
    page.goto(f"{app_url}/")
    wait_for_app(page)
    frame = wait_for_map(page)
    # Leaflet is embedded: 98 municipality shapes (+ border lines and markers) are drawn with no CDN.
    assert frame.locator("path.leaflet-interactive").count() >= 98
    code, lat, lon = _quiet_spot(base)
    click_map_at(page, lat, lon)
    page.wait_for_timeout(1500)
    wait_for_app(page)
    page.get_by_text("Municipality code:").first.wait_for(timeout=30_000)
    assert page.get_by_text(base.municipality_name(code)).count() >= 1
    assert page.get_by_text("Population 1 Jan 2019:").count() >= 1
    assert "sel=m%3A" in page.url or "sel=m:" in page.url


def test_language_switch_persists_in_url(page, app_url):
    page.goto(f"{app_url}/?lang=da")
    wait_for_app(page)
    page.get_by_text("Danmarks destinationsselskaber").first.wait_for(timeout=30_000)
    assert "lang=da" in page.url


def test_data_page(page, app_url):
    page.goto(f"{app_url}/data")
    wait_for_app(page)
    page.get_by_text("Christiansø").first.wait_for(timeout=30_000)
