"""Map layers as compact GeoJSON strings, built from simplified display geometry."""

from __future__ import annotations

from typing import Mapping

import geopandas as gpd
import shapely

from destinations.data.base import BaseData
from destinations.data.cache import cached
from destinations.data.geo import simplify_coverage, to_compact_geojson
from destinations.maps import esc


def display_municipalities(municipalities: gpd.GeoDataFrame, tolerance_m: float) -> gpd.GeoDataFrame:
    """Simplified municipalities in EPSG:4326 (coverage preserved): the map's geometry."""
    return simplify_coverage(municipalities[["code", "name", "geometry"]], tolerance_m)


def display_geometry(base: BaseData) -> gpd.GeoDataFrame:
    """:func:`display_municipalities` of the base data at its settings' tolerance (disk-cached)."""
    return cached("display", base.settings,
                  lambda: display_municipalities(base.municipalities, base.settings.display_tolerance_m))


def municipality_geojson(
    display: gpd.GeoDataFrame,
    assignment: Mapping[str, str | None],
    company_names: Mapping[str, str],
    *,
    unaffiliated_label: str,
    values: Mapping[str, str] | None = None,
) -> str:
    """Municipality features with escaped ``name``, ``code``, ``company`` and raw ``company_id``.

    ``values`` adds a formatted ``value`` property per code (shown in the tooltip).
    """
    frame = display[["code", "name", "geometry"]].copy()
    frame["company_id"] = frame["code"].map(lambda c: assignment.get(c) or "")
    frame["company"] = frame["company_id"].map(
        lambda cid: esc(company_names.get(cid, cid)) if cid else esc(unaffiliated_label))
    frame["name"] = frame["name"].map(esc)
    columns = ["code", "name", "company", "company_id"]
    if values is not None:
        frame["value"] = frame["code"].map(lambda c: esc(values.get(c, "")))
        columns.append("value")
    return to_compact_geojson(frame, columns)


def company_borders_geojson(display: gpd.GeoDataFrame, assignment: Mapping[str, str | None]) -> str:
    """Lines where two neighbouring municipalities belong to different companies (or none).

    Only inner borders are drawn: coastlines are already visible as the edge of the fill, and
    leaving them out keeps the payload small.
    """
    codes = display["code"].tolist()
    geoms = display.geometry.values
    boundaries = shapely.boundary(geoms)
    tree = shapely.STRtree(geoms)
    left, right = tree.query(geoms, predicate="intersects")
    lines = []
    for i, j in zip(left, right):
        if i >= j:
            continue
        a, b = assignment.get(codes[i]), assignment.get(codes[j])
        if a is not None and a == b:
            continue
        shared = shapely.line_merge(shapely.intersection(boundaries[i], boundaries[j]))
        if not shared.is_empty and shapely.length(shared) > 0:
            lines.append(shared)
    merged = shapely.line_merge(shapely.union_all(lines)) if lines else shapely.MultiLineString()
    frame = gpd.GeoDataFrame({"kind": ["company-border"]}, geometry=[merged], crs=display.crs)
    return to_compact_geojson(frame, ["kind"])
