"""Hubs and overnight bases: where a trip can start and sleep, and the travel times between places.

* **Hubs** (:data:`HUBS`): airports, stations, ferry ports and the border at Padborg, with
  approximate coordinates.
* **Overnight bases** (:func:`open_bases`, :func:`base_points`): municipalities with at least
  :data:`MIN_BASE_BED_PLACES` bed places open in the month in the facts layer's (modelled) capacity
  table; a base sits at its municipality's most central attraction, or at the travel graph's anchor.
* **Travel** (:func:`travel_model`, :func:`leg_matrices`): minutes between points ``p`` (in
  municipality ``a``) and ``q`` (in ``b``) are ``min(direct, via)``: ``direct`` is the road estimate
  of the straight line (:func:`destinations.data.graph.road_minutes`) and only exists when ``a`` and
  ``b`` lie on the same landmass; ``via`` is road(p -> anchor of a) + the travel graph's shortest
  path a -> b (land edges, bridges, tunnels and ferries with their crossing minutes) + road(anchor
  of b -> q). Ferry crossing minutes count as travel time but not as driving.
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np
from pyproj import Transformer

from destinations.data.graph import road_minutes
from destinations.model import Attraction
from destinations.settings import ANALYSIS_CRS, DISPLAY_CRS

@dataclass(frozen=True)
class Hub:
    """A named arrival point: airport, station, ferry port or border crossing."""

    id: str
    name: str
    name_da: str
    lat: float
    lon: float
    kommune_code: str
    kind: str  # airport | station | ferry port | border
    source: str


HUB_SOURCE = ("approximate coordinates of a well-known place, from general knowledge (not "
               "surveyed; about ±1 km); the municipality is checked against the boundaries by a test")

#: The hubs a trip can start or end at. Coordinates are approximate (see ``source``).
HUBS: tuple[Hub, ...] = (
    Hub("cph-airport", "Copenhagen Airport", "Københavns Lufthavn", 55.6181, 12.6561, "185",
        "airport", HUB_SOURCE),
    Hub("cph-central", "Copenhagen Central", "København H", 55.6727, 12.5646, "101", "station",
        HUB_SOURCE),
    Hub("billund-airport", "Billund Airport", "Billund Lufthavn", 55.7403, 9.1518, "530",
        "airport", HUB_SOURCE),
    Hub("aalborg-airport", "Aalborg Airport", "Aalborg Lufthavn", 57.0928, 9.8492, "851",
        "airport", HUB_SOURCE),
    Hub("aarhus-central", "Aarhus Central", "Aarhus H", 56.1503, 10.2043, "751", "station",
        HUB_SOURCE),
    Hub("odense-central", "Odense Central", "Odense Banegård", 55.4018, 10.3867, "461", "station",
        HUB_SOURCE),
    Hub("esbjerg", "Esbjerg", "Esbjerg", 55.4665, 8.4520, "561", "ferry port", HUB_SOURCE),
    Hub("hirtshals", "Hirtshals", "Hirtshals", 57.5930, 9.9640, "860", "ferry port", HUB_SOURCE),
    Hub("frederikshavn", "Frederikshavn", "Frederikshavn", 57.4400, 10.5420, "813", "ferry port",
        HUB_SOURCE),
    Hub("helsingor", "Helsingør", "Helsingør", 56.0353, 12.6113, "217", "ferry port", HUB_SOURCE),
    Hub("rodby", "Rødby", "Rødby Færgehavn", 54.6545, 11.3506, "360", "ferry port", HUB_SOURCE),
    Hub("padborg", "German border at Padborg", "Grænsen ved Padborg", 54.8260, 9.3620, "580",
        "border", HUB_SOURCE),
    Hub("ronne", "Rønne", "Rønne", 55.0995, 14.6990, "400", "ferry port", HUB_SOURCE),
)
HUB_BY_ID: dict[str, Hub] = {h.id: h for h in HUBS}


#: A municipality is an overnight base when at least this many bed places are open in the month.
MIN_BASE_BED_PLACES = 100.0
#: Accommodation types whose bed places count for overnight bases (marinas and holiday homes have
#: no bed-place figure in the facts layer).
BASE_TYPES = ("hotel", "holiday_centre_hostel", "camping")


@dataclass(frozen=True)
class Place:
    """A point of the planning model: a hub, an overnight base or an attraction."""

    kind: str  # hub | base | attraction
    id: str  # hub id, kommune code (bases) or attraction id
    name: str
    code: str  # kommune code
    lat: float
    lon: float
    x: float
    y: float


@dataclass(frozen=True, eq=False)
class TravelModel:
    """Shortest paths of the travel graph and what the route crosses; built once per base.

    Attributes
    ----------
    codes
        Municipality codes in matrix order; ``index`` maps a code to its row.
    minutes
        ``(m, m)`` shortest-path minutes between anchors.
    ferry
        ``(m, m)`` ferry crossing minutes along that shortest path.
    anchor_x, anchor_y
        Anchor of each municipality (EPSG:25832).
    landmass
        Landmass number per municipality (joined by land borders only).
    paths
        ``paths[a][b]``: the codes along the shortest path from ``a`` to ``b``.
    """

    codes: tuple[str, ...]
    index: dict[str, int]
    minutes: np.ndarray
    ferry: np.ndarray
    anchor_x: np.ndarray
    anchor_y: np.ndarray
    landmass: np.ndarray
    paths: dict[str, dict[str, list[str]]]
    graph: nx.Graph

    def path_edges(self, a: str, b: str) -> list[tuple[str, str, dict]]:
        """The edges (with their attributes) along the shortest path from ``a`` to ``b``."""
        nodes = self.paths[a][b]
        return [(u, v, self.graph.edges[u, v]) for u, v in zip(nodes, nodes[1:])]


_TRAVEL: "weakref.WeakKeyDictionary[Any, TravelModel]" = weakref.WeakKeyDictionary()
TO_XY = Transformer.from_crs(DISPLAY_CRS, ANALYSIS_CRS, always_xy=True)
TO_LONLAT = Transformer.from_crs(ANALYSIS_CRS, DISPLAY_CRS, always_xy=True)


def travel_model(base: Any) -> TravelModel:
    """The :class:`TravelModel` of ``base.graph`` (computed once per base object)."""
    cached = _TRAVEL.get(base)
    if cached is not None:
        return cached
    graph = base.graph
    codes = tuple(sorted(graph.nodes, key=lambda c: (len(c), c)))
    index = {c: i for i, c in enumerate(codes)}
    m = len(codes)
    minutes = np.full((m, m), math.inf)
    ferry = np.zeros((m, m))
    paths: dict[str, dict[str, list[str]]] = {}
    for src, (dist, path) in nx.all_pairs_dijkstra(graph, weight="minutes"):
        paths[src] = path
        i = index[src]
        for dst, value in dist.items():
            j = index[dst]
            minutes[i, j] = value
            nodes = path[dst]
            ferry[i, j] = sum(float(graph.edges[u, v].get("crossing_minutes", 0.0))
                              for u, v in zip(nodes, nodes[1:]) if graph.edges[u, v]["kind"] == "ferry")
    land = nx.Graph()
    land.add_nodes_from(codes)
    land.add_edges_from((u, v) for u, v, d in graph.edges(data=True) if d["kind"] == "land")
    landmass = np.zeros(m, dtype=int)
    for k, component in enumerate(sorted(nx.connected_components(land), key=lambda c: (-len(c), min(c)))):
        for code in component:
            landmass[index[code]] = k
    model = TravelModel(
        codes=codes, index=index, minutes=minutes, ferry=ferry,
        anchor_x=np.array([graph.nodes[c]["x"] for c in codes], dtype=float),
        anchor_y=np.array([graph.nodes[c]["y"] for c in codes], dtype=float),
        landmass=landmass, paths=paths, graph=graph,
    )
    _TRAVEL[base] = model
    return model


def leg_matrices(model: TravelModel, x: np.ndarray, y: np.ndarray,
                 codes: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(travel, drive, via)`` minutes between points (see the module docstring).

    ``travel[i, j]`` is the modelled travel time, ``drive`` the part spent driving (travel minus
    ferry crossings), ``via[i, j]`` whether the leg follows the travel graph (else it is a direct
    road estimate).
    """
    ci = np.array([model.index[c] for c in codes], dtype=int)
    dist = np.hypot(x[:, None] - x[None, :], y[:, None] - y[None, :])
    direct = road_minutes(dist)
    mass = model.landmass[ci]
    direct = np.where(mass[:, None] == mass[None, :], direct, math.inf)
    access = road_minutes(np.hypot(x - model.anchor_x[ci], y - model.anchor_y[ci]))
    via = access[:, None] + model.minutes[np.ix_(ci, ci)] + access[None, :]
    via = np.where(ci[:, None] == ci[None, :], math.inf, via)
    use_via = via < direct
    travel = np.where(use_via, via, direct)
    ferry = np.where(use_via, model.ferry[np.ix_(ci, ci)], 0.0)
    np.fill_diagonal(travel, 0.0)
    np.fill_diagonal(ferry, 0.0)
    np.fill_diagonal(use_via, False)
    return travel, travel - ferry, use_via



def open_bases(facts: Any, month: int) -> dict[str, float]:
    """Kommune code -> bed places open in ``month`` for municipalities that count as bases."""
    cap = facts.capacity
    part = cap[(cap["month"] == month) & (cap["type"].isin(BASE_TYPES))]
    beds = part.groupby("code")["bed_places"].sum(min_count=1)
    return {str(code): float(v) for code, v in beds.items() if v == v and v >= MIN_BASE_BED_PLACES}


def base_points(base: Any, codes: Iterable[str]) -> dict[str, tuple[float, float, str]]:
    """Kommune code -> ``(x, y, place name)`` of the overnight base of each municipality.

    The base is the medoid of the municipality's attractions (the one with the smallest summed
    distance to the others), so it lies on land in a visited place; without attractions it is the
    travel graph's anchor (the place name is then the municipality's).
    """
    by_code: dict[str, list[Attraction]] = {}
    for a in base.attractions:
        by_code.setdefault(a.kommune_code, []).append(a)
    out = {}
    for code in codes:
        spots = by_code.get(code, [])
        if spots:
            xs, ys = TO_XY.transform([a.lon for a in spots], [a.lat for a in spots])
            xs, ys = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
            total = np.hypot(xs[:, None] - xs[None, :], ys[:, None] - ys[None, :]).sum(axis=1)
            k = int(np.argmin(total))
            out[code] = (float(xs[k]), float(ys[k]), spots[k].name)
        else:
            node = base.graph.nodes[code]
            out[code] = (float(node["x"]), float(node["y"]), f"{base.municipality_name(code)}")
    return out


def lonlat(x: float, y: float) -> tuple[float, float]:
    """``(lat, lon)`` rounded to 5 decimals of an EPSG:25832 point."""
    lon, lat = TO_LONLAT.transform(x, y)
    return round(float(lat), 5), round(float(lon), 5)
