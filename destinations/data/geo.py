"""Geometry: display simplification, coastline, anchor points. All in EPSG:25832 unless named."""

from __future__ import annotations

import json
from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import shapely

from destinations.settings import ANALYSIS_CRS, DISPLAY_CRS

#: Coordinates of map geometry are rounded to 1e-4 degrees (about 11 m north-south, 6 m east-west):
#: far below the simplification tolerance, and shared vertices round identically so borders stay shared.
DISPLAY_PRECISION_DEG = 1e-4


@dataclass(frozen=True)
class SimplificationReport:
    """What simplification did to the municipality layer (see bench/bench_geometry.py)."""

    tolerance_m: float
    raw_bytes: int
    simplified_bytes: int
    max_area_error: float  # relative, worst municipality
    coverage_valid: bool  # no gaps or overlaps between neighbours


def simplify_coverage(frame: gpd.GeoDataFrame, tolerance_m: float) -> gpd.GeoDataFrame:
    """Simplify a polygon coverage keeping shared borders shared (no gaps, no overlaps).

    Returns a copy in EPSG:4326 with coordinates rounded to :data:`DISPLAY_PRECISION_DEG`.
    """
    if frame.crs is None or frame.crs.to_string() != ANALYSIS_CRS:
        raise ValueError(f"expected a frame in {ANALYSIS_CRS}, got {frame.crs}")
    simplified = shapely.coverage_simplify(frame.geometry.values, tolerance_m)
    out = frame.copy()
    out["geometry"] = simplified
    out = out.to_crs(DISPLAY_CRS)
    out["geometry"] = shapely.set_precision(
        out.geometry.values, DISPLAY_PRECISION_DEG, mode="pointwise"
    )
    return out


def to_compact_geojson(frame: gpd.GeoDataFrame, properties: list[str]) -> str:
    """A minimal GeoJSON FeatureCollection string (no ids, no whitespace, only ``properties``)."""
    features = []
    for record, geometry in zip(frame[properties].to_dict("records"), frame.geometry.values):
        features.append(
            {
                "type": "Feature",
                "properties": {k: _plain(v) for k, v in record.items()},
                "geometry": json.loads(shapely.to_geojson(geometry)),
            }
        )
    return json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"),
                      ensure_ascii=False)


def _plain(value: object) -> object:
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating,)):
        return None if np.isnan(value) else float(value)
    return value


def simplification_report(frame: gpd.GeoDataFrame, tolerance_m: float, *,
                          simplified: gpd.GeoDataFrame | None = None) -> SimplificationReport:
    """Measure payload and fidelity of :func:`simplify_coverage` on ``frame``.

    ``simplified`` is that function's result when the caller has it already (same tolerance).
    """
    raw = to_compact_geojson(frame.to_crs(DISPLAY_CRS), ["code"])
    simple = simplify_coverage(frame, tolerance_m) if simplified is None else simplified
    payload = to_compact_geojson(simple, ["code"])
    back = simple.to_crs(ANALYSIS_CRS)
    error = float(np.max(np.abs(back.area.values - frame.area.values) / frame.area.values))
    return SimplificationReport(
        tolerance_m=tolerance_m,
        raw_bytes=len(raw.encode()),
        simplified_bytes=len(payload.encode()),
        max_area_error=error,
        coverage_valid=bool(shapely.coverage_is_valid(simple.geometry.values)),
    )


def anchor_points(frame: gpd.GeoDataFrame) -> gpd.GeoSeries:
    """One point per row inside its largest part: the travel-time anchor of a municipality.

    The largest part, not the centroid: a centroid can fall in the sea (Vordingborg, Aalborg)
    and the whole polygon's point-on-surface can land on a small island.
    """
    points = []
    for geometry in frame.geometry.values:
        parts = shapely.get_parts(geometry)
        largest = parts[int(np.argmax(shapely.area(parts)))]
        points.append(shapely.point_on_surface(largest))
    return gpd.GeoSeries(points, index=frame.index, crs=frame.crs)


def coastline_km(frame: gpd.GeoDataFrame) -> "np.ndarray":
    """Length of each polygon's boundary not shared with another row (km): its coastline.

    At 1:500 000 the national border with Germany also counts as unshared; it is 68 km and
    touches three municipalities, which callers may subtract if it matters.
    """
    boundaries = shapely.boundary(frame.geometry.values)
    total = shapely.length(boundaries)
    tree = shapely.STRtree(frame.geometry.values)
    left, right = tree.query(frame.geometry.values, predicate="intersects")
    shared = np.zeros(len(frame))
    for i, j in zip(left, right):
        if i < j:
            common = shapely.length(shapely.intersection(boundaries[i], boundaries[j]))
            shared[i] += common
            shared[j] += common
    return np.clip(total - shared, 0.0, None) / 1000.0
