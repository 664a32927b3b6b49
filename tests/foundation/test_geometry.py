"""Display geometry: small payload, no gaps or overlaps, areas kept."""

from __future__ import annotations

import json

import geopandas as gpd
import shapely
from shapely.geometry import box

from destinations.data.geo import coastline_km, simplification_report, simplify_coverage
from destinations.maps.layers import company_borders_geojson, display_municipalities, municipality_geojson


def test_simplified_layer_meets_targets(base, settings):
    report = simplification_report(base.municipalities, settings.display_tolerance_m)
    assert report.coverage_valid
    assert report.max_area_error < 0.01
    assert report.raw_bytes > 1_500_000


def test_map_payload_under_350_kb(base, settings):
    display = display_municipalities(base.municipalities, settings.display_tolerance_m)
    payload = municipality_geojson(display, base.today_assignment, base.today_company_names,
                                   unaffiliated_label="Unaffiliated")
    assert len(payload.encode()) <= 350_000
    features = json.loads(payload)["features"]
    assert len(features) == 98


def test_names_are_escaped_in_layer(base, settings):
    display = display_municipalities(base.municipalities, settings.display_tolerance_m)
    payload = municipality_geojson(display, {"101": "x"}, {"x": "<b>Evil</b> & co"},
                                   unaffiliated_label="none")
    assert "<b>" not in payload and "&lt;b&gt;Evil&lt;/b&gt; &amp; co" in payload


def test_company_borders_only_between_companies():
    """Two squares in one company and one in another: one border segment, 10 km long.

        [a|a][b]
    """
    frame = gpd.GeoDataFrame({"code": ["1", "2", "3"], "name": ["A", "B", "C"]},
                             geometry=[box(0, 0, 10_000, 10_000), box(10_000, 0, 20_000, 10_000),
                                       box(20_000, 0, 30_000, 10_000)], crs=25832)
    display = simplify_coverage(frame, 10)
    lines = json.loads(company_borders_geojson(display, {"1": "a", "2": "a", "3": "b"}))
    geometry = shapely.geometry.shape(lines["features"][0]["geometry"])
    length_m = gpd.GeoSeries([geometry], crs=4326).to_crs(25832).length.iloc[0]
    assert abs(length_m - 10_000) < 100


def test_coastline_excludes_shared_borders():
    frame = gpd.GeoDataFrame({"code": ["1", "2"]},
                             geometry=[box(0, 0, 10_000, 10_000), box(10_000, 0, 20_000, 10_000)],
                             crs=25832)
    assert list(coastline_km(frame)) == [30.0, 30.0]


def test_real_coastlines(base):
    coast = dict(zip(base.municipalities["code"], coastline_km(base.municipalities)))
    assert coast["787"] > 100  # Thisted: North Sea and Limfjord
    assert coast["740"] < 1  # Silkeborg is inland
