"""The places a step names, where they are, and the map view that frames them.

A step's places are its attractions (points from the attraction data) followed by its extra
municipalities (drawn at the municipality's anchor point, a point inside its largest part, as used by
the travel graph). Coordinates for the map are WGS84 (lat, lon); distances are great-circle km.
"""

from __future__ import annotations

import math
import weakref
from dataclasses import dataclass
from typing import Any

import numpy as np
from pyproj import Transformer

from destinations.narratives.model import MapView, Step
from destinations.settings import ANALYSIS_CRS, DISPLAY_CRS

EARTH_RADIUS_KM = 6371.0088
#: (largest span in km, zoom): the first row whose span is not exceeded gives the zoom. Even one
#: place is shown at town scale (11), so its municipality and neighbours stay in view without tiles.
ZOOM_BY_SPAN_KM = ((10.0, 11), (25.0, 10), (50.0, 9), (110.0, 8), (250.0, 7))
FALLBACK_ZOOM = 6

_ANCHORS: "weakref.WeakKeyDictionary[Any, dict[str, tuple[float, float]]]" = (
    weakref.WeakKeyDictionary())


@dataclass(frozen=True)
class Place:
    """One place of a step: an attraction or a municipality."""

    kind: str  # "attraction" | "municipality"
    id: str  # attraction id or kommune code
    name: str
    code: str  # kommune code the place lies in
    lat: float
    lon: float
    visitors: int | None = None
    visitors_year: int | None = None
    approx: bool = False  # coordinates approximate (attraction data says so)


def municipality_anchors(base: Any) -> dict[str, tuple[float, float]]:
    """Kommune code -> (lat, lon) of the travel graph's anchor point; computed once per base."""
    cached = _ANCHORS.get(base)
    if cached is None:
        codes = list(base.graph.nodes)
        xs = np.array([base.graph.nodes[c]["x"] for c in codes], dtype=float)
        ys = np.array([base.graph.nodes[c]["y"] for c in codes], dtype=float)
        lon, lat = Transformer.from_crs(ANALYSIS_CRS, DISPLAY_CRS, always_xy=True).transform(xs, ys)
        cached = {c: (float(la), float(lo)) for c, la, lo in zip(codes, lat, lon)}
        _ANCHORS[base] = cached
    return cached


def step_places(step: Step, base: Any) -> tuple[Place, ...]:
    """The step's attractions, then its extra municipalities. Unknown ids are skipped (validate
    first with :func:`~destinations.narratives.model.validate_story` to get an error instead)."""
    places: list[Place] = []
    for ident in step.attractions:
        attraction = base.attraction_by_id.get(ident)
        if attraction is None:
            continue
        places.append(Place("attraction", attraction.id, attraction.name, attraction.kommune_code,
                            attraction.lat, attraction.lon, attraction.visitors,
                            attraction.visitors_year, attraction.coords_approx))
    anchors = municipality_anchors(base)
    for code in step.municipalities:
        if code not in anchors:
            continue
        lat, lon = anchors[code]
        places.append(Place("municipality", code, base.municipality_name(code), code, lat, lon))
    return tuple(places)


def step_codes(step: Step, base: Any) -> tuple[str, ...]:
    """Kommune codes a step touches: its attractions' municipalities and its extra ones, in order."""
    codes: dict[str, None] = {}
    for place in step_places(step, base):
        codes.setdefault(place.code, None)
    return tuple(codes)


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two (lat, lon) points."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def view_for_points(points: list[tuple[float, float]]) -> MapView:
    """A view centred on the points' bounding box, zoomed so that its span fits."""
    if not points:
        raise ValueError("no points to frame")
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    south, north, west, east = min(lats), max(lats), min(lons), max(lons)
    span = max(haversine_km((south, west), (north, east)), 0.0)
    zoom = next((z for limit, z in ZOOM_BY_SPAN_KM if span <= limit), FALLBACK_ZOOM)
    return MapView(center=(round((south + north) / 2, 5), round((west + east) / 2, 5)), zoom=zoom)


def resolve_view(step: Step, base: Any) -> MapView:
    """The step's own view, or one derived from its places (whole Denmark if it has none)."""
    if step.map is not None:
        return step.map
    points = [(p.lat, p.lon) for p in step_places(step, base)]
    if not points:
        return MapView(center=(56.0, 10.5), zoom=FALLBACK_ZOOM + 1)
    return view_for_points(points)


def step_anchor(step: Step, base: Any) -> tuple[float, float] | None:
    """A representative point of the step (mean of its places), for distances between steps."""
    places = step_places(step, base)
    if not places:
        return None
    return (sum(p.lat for p in places) / len(places), sum(p.lon for p in places) / len(places))
