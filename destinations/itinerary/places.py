"""Hubs and overnight bases: where a trip can start and sleep, and the travel times between places.

* **Hubs** (:data:`HUBS`): airports, stations, ferry ports and the border at Padborg, with
  approximate coordinates.
* **Overnight bases** (:data:`BASE_TOWNS`, :func:`base_towns`): towns a local would suggest to
  sleep in (hotels, restaurants and shops in walking distance; the island towns where a ferry
  trip needs a night), with approximate town-centre coordinates. A town is a base in a month when
  its municipality has at least :data:`MIN_BASE_OVERNIGHTS` overnights in hotels, holiday centres,
  hostels and campsites in that month in the facts layer (official where StatBank files are
  present, else modelled, and said so). Hubs are where trips start and end, never where a night is
  spent.
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
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np
from pyproj import Transformer

from destinations.data.graph import road_minutes
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


#: A town is a base in a month when its municipality has at least this many overnights in
#: :data:`BASE_TYPES` in that month (about 100 guests a night).
MIN_BASE_OVERNIGHTS = 3000.0
#: Accommodation types whose overnights show that a town can put guests up (rented holiday homes
#: and marinas do not: they need booking for a week, or a boat).
BASE_TYPES = ("hotel", "holiday_centre_hostel", "camping")

TOWN_SOURCE = ("town centre, approximate coordinates from general knowledge (about ±1 km); the "
               "municipality is checked against the boundaries by a test")


@dataclass(frozen=True)
class BaseTown:
    """A town where a guest can spend the night."""

    id: str
    name: str
    lat: float
    lon: float
    kommune_code: str


def _towns(*rows: tuple[str, float, float, str]) -> tuple[BaseTown, ...]:
    from destinations.data.companies import slugify

    return tuple(BaseTown(slugify(name), name, lat, lon, code) for name, lat, lon, code in rows)


#: Towns a local would suggest as an overnight base, by region (see :data:`TOWN_SOURCE`).
BASE_TOWNS: tuple[BaseTown, ...] = _towns(
    # Capital region and Zealand
    ("København", 55.6761, 12.5683, "101"), ("Helsingør", 56.0361, 12.6136, "217"),
    ("Hillerød", 55.9267, 12.3109, "219"), ("Gilleleje", 56.1210, 12.3110, "270"),
    ("Roskilde", 55.6415, 12.0803, "265"), ("Køge", 55.4580, 12.1821, "259"),
    ("Holbæk", 55.7167, 11.7167, "316"), ("Nykøbing Sjælland", 55.9250, 11.6710, "306"),
    ("Kalundborg", 55.6803, 11.0883, "326"), ("Slagelse", 55.4028, 11.3547, "330"),
    ("Sorø", 55.4320, 11.5550, "340"), ("Næstved", 55.2299, 11.7609, "370"),
    ("Vordingborg", 55.0080, 11.9110, "390"), ("Stege", 54.9870, 12.2830, "390"),
    ("Nykøbing Falster", 54.7691, 11.8742, "376"), ("Nakskov", 54.8310, 11.1360, "360"),
    ("Frederikssund", 55.8396, 12.0689, "250"),
    # Bornholm
    ("Rønne", 55.1009, 14.7066, "400"), ("Gudhjem", 55.2120, 14.9710, "400"),
    ("Svaneke", 55.1360, 15.1420, "400"),
    # Funen and its islands
    ("Odense", 55.3959, 10.3883, "461"), ("Svendborg", 55.0598, 10.6068, "479"),
    ("Nyborg", 55.3127, 10.7896, "450"), ("Faaborg", 55.0950, 10.2420, "430"),
    ("Middelfart", 55.5061, 9.7300, "410"), ("Kerteminde", 55.4490, 10.6590, "440"),
    ("Ærøskøbing", 54.8880, 10.4110, "492"), ("Rudkøbing", 54.9370, 10.7100, "482"),
    # South and west Jutland
    ("Kolding", 55.4904, 9.4722, "621"), ("Vejle", 55.7093, 9.5357, "630"),
    ("Fredericia", 55.5657, 9.7526, "607"), ("Billund", 55.7308, 9.1153, "530"),
    ("Esbjerg", 55.4765, 8.4594, "561"), ("Ribe", 55.3280, 8.7620, "561"),
    ("Nordby (Fanø)", 55.4450, 8.3990, "563"), ("Tønder", 54.9330, 8.8670, "550"),
    ("Sønderborg", 54.9136, 9.7922, "540"), ("Aabenraa", 55.0443, 9.4174, "580"),
    ("Haderslev", 55.2530, 9.4890, "510"), ("Varde", 55.6210, 8.4810, "573"),
    ("Blåvand", 55.5600, 8.0800, "573"),
    # Mid and west Jutland
    ("Ringkøbing", 56.0900, 8.2440, "760"), ("Hvide Sande", 56.0040, 8.1290, "760"),
    ("Herning", 56.1393, 8.9738, "657"), ("Holstebro", 56.3600, 8.6160, "661"),
    ("Lemvig", 56.5480, 8.3100, "665"), ("Silkeborg", 56.1697, 9.5451, "740"),
    ("Horsens", 55.8607, 9.8503, "615"), ("Skanderborg", 56.0340, 9.9270, "746"),
    ("Aarhus", 56.1567, 10.2108, "751"), ("Ebeltoft", 56.1944, 10.6821, "706"),
    ("Grenaa", 56.4160, 10.8780, "707"), ("Randers", 56.4607, 10.0364, "730"),
    ("Viborg", 56.4532, 9.4020, "791"), ("Skive", 56.5670, 9.0270, "779"),
    ("Nykøbing Mors", 56.7950, 8.8630, "773"), ("Thisted", 56.9550, 8.6940, "787"),
    ("Tranebjerg (Samsø)", 55.8330, 10.6000, "741"),
    # North Jutland
    ("Aalborg", 57.0488, 9.9217, "851"), ("Hjørring", 57.4640, 9.9820, "860"),
    ("Løkken", 57.3700, 9.7140, "860"), ("Blokhus", 57.2480, 9.5830, "849"),
    ("Frederikshavn", 57.4407, 10.5366, "813"), ("Skagen", 57.7209, 10.5839, "813"),
    ("Hobro", 56.6390, 9.7900, "846"), ("Byrum (Læsø)", 57.2530, 10.9970, "825"),
)
BASE_TOWN_BY_ID: dict[str, BaseTown] = {t.id: t for t in BASE_TOWNS}


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
    """Kommune code -> overnights in ``month`` (:data:`BASE_TYPES`) of the municipalities whose
    base towns are bases that month (at least :data:`MIN_BASE_OVERNIGHTS`)."""
    nights = facts.overnights
    part = nights[(nights["month"] == month) & (nights["type"].isin(BASE_TYPES))]
    totals = part.groupby("code")["value"].sum()
    codes = {t.kommune_code for t in BASE_TOWNS}
    return {str(code): float(v) for code, v in totals.items()
            if str(code) in codes and v == v and v >= MIN_BASE_OVERNIGHTS}


def base_towns(facts: Any, month: int) -> tuple[BaseTown, ...]:
    """The towns that are overnight bases in ``month`` (see :func:`open_bases`)."""
    open_codes = open_bases(facts, month)
    return tuple(t for t in BASE_TOWNS if t.kommune_code in open_codes)


def lonlat(x: float, y: float) -> tuple[float, float]:
    """``(lat, lon)`` rounded to 5 decimals of an EPSG:25832 point."""
    lon, lat = TO_LONLAT.transform(x, y)
    return round(float(lat), 5), round(float(lon), 5)
