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
#: (largest span in km, zoom): the first row whose span is not exceeded gives the zoom. At 56° N a
#: pixel is about 85 m at zoom 10, so a map 700 px wide shows about 60 km there (30 km at 11, 120 km
#: at 9): each row leaves the span room for its surroundings.
ZOOM_BY_SPAN_KM = ((13.0, 12), (27.0, 11), (55.0, 10), (110.0, 9), (220.0, 8), (450.0, 7))
FALLBACK_ZOOM = 6
#: A step's view shows at least its municipalities (their coast and neighbours): their extent plus
#: a tenth, between these bounds (km), so a town step still shows its districts and a large
#: municipality does not push the places into a corner.
CONTEXT_SPAN_KM = (12.0, 60.0)

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


def context_span_km(base: Any, codes: Any) -> float:
    """How wide a view of these municipalities must be (km): see :data:`CONTEXT_SPAN_KM`."""
    low, high = CONTEXT_SPAN_KM
    chosen = [c for c in dict.fromkeys(codes) if c in base.municipalities.index]
    if not chosen:
        return low
    minx, miny, maxx, maxy = base.municipalities.loc[chosen].total_bounds
    return min(max(max(maxx - minx, maxy - miny) / 1000.0 * 1.1, low), high)


def view_for_points(points: list[tuple[float, float]], *, min_span_km: float = 0.0) -> MapView:
    """A view centred on the points' bounding box, zoomed so that its span (at least
    ``min_span_km``) fits."""
    if not points:
        raise ValueError("no points to frame")
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    south, north, west, east = min(lats), max(lats), min(lons), max(lons)
    span = max(haversine_km((south, west), (north, east)), min_span_km, 0.0)
    zoom = next((z for limit, z in ZOOM_BY_SPAN_KM if span <= limit), FALLBACK_ZOOM)
    return MapView(center=(round((south + north) / 2, 5), round((west + east) / 2, 5)), zoom=zoom)


def resolve_view(step: Step, base: Any) -> MapView:
    """The step's own view, or one framing its places with their municipalities' surroundings
    (:func:`context_span_km`); whole Denmark if it has no place."""
    if step.map is not None:
        return step.map
    places = step_places(step, base)
    if not places:
        return MapView(center=(56.0, 10.5), zoom=FALLBACK_ZOOM + 1)
    return view_for_points([(p.lat, p.lon) for p in places],
                           min_span_km=context_span_km(base, (p.code for p in places)))


def step_anchor(step: Step, base: Any) -> tuple[float, float] | None:
    """A representative point of the step (mean of its places), for distances between steps."""
    places = step_places(step, base)
    if not places:
        return None
    return (sum(p.lat for p in places) / len(places), sum(p.lon for p in places) / len(places))
