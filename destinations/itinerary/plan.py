"""The Danish trip planner: multi-day road trips with overnight bases, and who benefits from them.

This module turns a :class:`TripRequest` (start and end hub, days, month, themes, pace, driving
limit, must-see attractions) into an orienteering-with-hotel-selection
:class:`~destinations.itinerary.problem.Problem`, solves it with
:func:`~destinations.itinerary.solver.solve`, and translates the answer into frozen :class:`Trip`
records that say, day by day, where the guest sleeps, what they see (with clock times), how long
they drive, which ferries they take, and which destination companies host their nights and visits.
Every figure it produces is **modelled** (``kind = "modelled"``); the assumptions are listed in
:data:`ASSUMPTIONS` and reported with every result.

The model
---------
* **Places.** Hubs (:data:`HUBS`: airports, stations, ferry ports, the border at Padborg; approximate
  coordinates), overnight bases (one per municipality) and attractions (from the base data).
* **Visits.** An attraction takes :data:`VISIT_MINUTES` of its category. It can be visited in the
  month asked for if its open months include it; attractions whose season the source does not give
  are kept, flagged "season unknown" and scored lower (:data:`UNKNOWN_SEASON_FACTOR`). Indoor
  categories keep the typical opening hours of :data:`ASSUMED_HOURS` (an assumption; the data hold
  no opening hours): the visit must start after opening and end by closing.
* **Score** (:func:`attraction_score`): ``10 x (1 + popularity + lighthouse) x theme factor x
  season factor``, with popularity ``max(0, log10(visitors / 10,000))`` (0 where visitors are not
  known: a gap, not a guess), lighthouse ``1`` for at least :data:`LIGHTHOUSE_VISITORS` visitors,
  theme factor ``1 + THEME_WEIGHT x matched themes`` (at most two count).
* **Overnight bases** are the municipalities with at least :data:`MIN_BASE_BED_PLACES` bed places
  open in the month (hotels, holiday centres & hostels, camping) in the facts layer's capacity
  table (modelled). A base sits at its municipality's most central attraction (the medoid of its
  attractions: a town-like place on land), or at the travel graph's anchor where it has none.
* **Travel minutes** between two points ``p`` (in municipality ``a``) and ``q`` (in ``b``) are
  ``min(direct, via)``: ``direct`` is the road estimate of the straight line
  (:func:`destinations.data.graph.road_minutes`) and only exists when ``a`` and ``b`` lie on the same
  landmass (joined by land borders, no bridge or ferry); ``via`` is road(p -> anchor of a) + the
  travel graph's shortest path a -> b (land edges, bridges, tunnels and ferries with their crossing
  minutes) + road(anchor of b -> q). Ferry crossing minutes count as travel time but not as
  driving.
* **Days** leave the base at :data:`DAY_START` and must reach the next base within
  ``hours_per_day``; the driving of a day is capped at ``max_drive_minutes``. The generic problem
  has no second budget, so the cap is enforced in three steps: hotel pairs further apart than the
  cap cannot follow each other directly (their leg is made longer than any day); after the search,
  a day over the cap loses the visit that saves most driving per point until it fits (must-sees
  last); the time freed is refilled greedily with visits that keep both limits.
* **Alternatives** are solved with a fresh random stream and the previous trips' attractions
  scored at :data:`ALTERNATIVE_PENALTY` of their value, so they show other places.

Who benefits (:func:`trip_benefits`): nights (per overnight base) and visits per destination company
under a scenario (default: today's companies), the companies whose municipalities the route
crosses, and the route's effective splits ``1 / sum(s_d^2) - 1`` over the shares ``s_d`` of nights
plus visits.
"""

from __future__ import annotations

import calendar
import difflib
import html
import json
import math
import time
import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import zip_longest
from typing import Any
from urllib.parse import urlencode

import networkx as nx
import numpy as np
from pyproj import Transformer

from destinations.errors import SolverError
from destinations.data.graph import road_minutes
from destinations.itinerary import EPS, Problem, Solution, solve, trip_schedule
from destinations.model import Attraction, Kind
from destinations.settings import ANALYSIS_CRS, DISPLAY_CRS

# ============================================================================ assumption tables


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


_HUB_SOURCE = ("approximate coordinates of a well-known place, from general knowledge (not "
               "surveyed; about ±1 km); the municipality is checked against the boundaries by a test")

#: The hubs a trip can start or end at. Coordinates are approximate (see ``source``).
HUBS: tuple[Hub, ...] = (
    Hub("cph-airport", "Copenhagen Airport", "Københavns Lufthavn", 55.6181, 12.6561, "185",
        "airport", _HUB_SOURCE),
    Hub("cph-central", "Copenhagen Central", "København H", 55.6727, 12.5646, "101", "station",
        _HUB_SOURCE),
    Hub("billund-airport", "Billund Airport", "Billund Lufthavn", 55.7403, 9.1518, "530",
        "airport", _HUB_SOURCE),
    Hub("aalborg-airport", "Aalborg Airport", "Aalborg Lufthavn", 57.0928, 9.8492, "851",
        "airport", _HUB_SOURCE),
    Hub("aarhus-central", "Aarhus Central", "Aarhus H", 56.1503, 10.2043, "751", "station",
        _HUB_SOURCE),
    Hub("odense-central", "Odense Central", "Odense Banegård", 55.4018, 10.3867, "461", "station",
        _HUB_SOURCE),
    Hub("esbjerg", "Esbjerg", "Esbjerg", 55.4665, 8.4520, "561", "ferry port", _HUB_SOURCE),
    Hub("hirtshals", "Hirtshals", "Hirtshals", 57.5930, 9.9640, "860", "ferry port", _HUB_SOURCE),
    Hub("frederikshavn", "Frederikshavn", "Frederikshavn", 57.4400, 10.5420, "813", "ferry port",
        _HUB_SOURCE),
    Hub("helsingor", "Helsingør", "Helsingør", 56.0353, 12.6113, "217", "ferry port", _HUB_SOURCE),
    Hub("rodby", "Rødby", "Rødby Færgehavn", 54.6545, 11.3506, "360", "ferry port", _HUB_SOURCE),
    Hub("padborg", "German border at Padborg", "Grænsen ved Padborg", 54.8260, 9.3620, "580",
        "border", _HUB_SOURCE),
    Hub("ronne", "Rønne", "Rønne", 55.0995, 14.6990, "400", "ferry port", _HUB_SOURCE),
)
HUB_BY_ID: dict[str, Hub] = {h.id: h for h in HUBS}

#: Minutes a guest spends at an attraction, by category (an assumption: typical visit lengths).
VISIT_MINUTES: dict[str, int] = {
    "museum": 120,
    "castle/palace": 120,
    "heritage site": 60,
    "nature/landscape": 90,
    "city district": 90,
    "zoo/aquarium": 180,
    "beach/coast": 90,
    "amusement park": 300,
    "event venue": 45,
}
DEFAULT_VISIT_MINUTES = 90

#: Assumed opening hours (clock minutes) by category; ``None`` = outdoors, no hours. The data hold
#: no opening hours, so these are typical Danish hours, labelled as an assumption.
ASSUMED_HOURS: dict[str, tuple[int, int] | None] = {
    "museum": (10 * 60, 17 * 60),
    "castle/palace": (10 * 60, 17 * 60),
    "zoo/aquarium": (10 * 60, 17 * 60),
    "amusement park": (10 * 60, 20 * 60),
    "heritage site": None,
    "nature/landscape": None,
    "city district": None,
    "beach/coast": None,
    "event venue": None,
}

#: Clock time (minutes after midnight) at which every day leaves its base.
DAY_START = 9 * 60
#: A municipality is an overnight base when at least this many bed places are open in the month.
MIN_BASE_BED_PLACES = 100.0
#: Accommodation types whose bed places count for overnight bases (marinas and holiday homes have
#: no bed-place figure in the facts layer).
BASE_TYPES = ("hotel", "holiday_centre_hostel", "camping")
#: Visitors at which an attraction counts as a lighthouse (a national draw).
LIGHTHOUSE_VISITORS = 250_000
#: Visitors at which the popularity term starts (log10 scale above it).
VISITOR_FLOOR = 10_000
#: Score multiplier per matched theme (at most :data:`MAX_THEME_MATCHES` count).
THEME_WEIGHT = 2.0
MAX_THEME_MATCHES = 2
#: Score multiplier for attractions whose open months the source does not give.
UNKNOWN_SEASON_FACTOR = 0.5
#: Score multiplier, in an alternative, for attractions an earlier trip already visits.
ALTERNATIVE_PENALTY = 0.25
#: Share of the time limit given to the main trip; the alternatives share the rest.
MAIN_TIME_SHARE = 0.5
#: Limits of a request.
MAX_DAYS = 14
HOURS_RANGE = (2.0, 16.0)

ASSUMPTIONS: dict[str, Any] = {
    "kind": "modelled",
    "day_start": "09:00",
    "visit_minutes_by_category": dict(VISIT_MINUTES),
    "default_visit_minutes": DEFAULT_VISIT_MINUTES,
    "assumed_opening_hours": {k: (None if v is None else [f"{v[0] // 60:02d}:{v[0] % 60:02d}",
                                                          f"{v[1] // 60:02d}:{v[1] % 60:02d}"])
                              for k, v in ASSUMED_HOURS.items()},
    "open_months": "from the attraction data; attractions with unknown season are kept, flagged "
                   f"and scored x{UNKNOWN_SEASON_FACTOR}",
    "score": "10 x (1 + max(0, log10(visitors / 10,000)) + [visitors >= 250,000]) x "
             f"(1 + {THEME_WEIGHT:g} x matched themes, at most {MAX_THEME_MATCHES}) x season factor; "
             "unknown visitors add nothing",
    "overnight_bases": f"municipalities with >= {MIN_BASE_BED_PLACES:g} bed places open in the month "
                       f"({', '.join(BASE_TYPES)}) in the facts layer's modelled capacity; a base "
                       "sits at its municipality's most central attraction, else at the graph anchor",
    "travel": "min(straight-line road estimate within one landmass, road to own anchor + travel "
              "graph shortest path (bridges, tunnels, ferries with crossing minutes) + road from "
              "anchor); road minutes = km x circuity / speed (destinations.data.graph)",
    "driving": "ferry crossing minutes are travel time, not driving; the daily driving cap is "
               "enforced by barring base pairs further apart than the cap, then dropping the "
               "visit that saves most driving per point on days over it, then refilling",
    "alternatives": f"fresh random stream; earlier trips' attractions scored x{ALTERNATIVE_PENALTY}",
    "hubs": _HUB_SOURCE,
    "seasonal_links": "ferries marked seasonal in the link data are taken as sailing",
}

#: Okabe-Ito colours, then Paul Tol's muted scheme: colour-blind safe, one per day (cycles after 14).
DAY_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000",
               "#332288", "#117733", "#882255", "#999933", "#44AA99", "#AA4499", "#DDCC77")

#: Company label of municipalities outside every destination company.
UNAFFILIATED = "Unaffiliated"


class TripRequestError(SolverError):
    """A trip request names unknown hubs, themes or attractions, or asks for the impossible.

    Attributes
    ----------
    field
        The request field concerned (``start``, ``themes``, ...).
    valid
        The valid values where they can be listed.
    """

    def __init__(self, message: str, *, field: str = "", valid: Sequence[str] = ()) -> None:
        self.field = field
        self.valid = tuple(valid)
        super().__init__(message)


# ============================================================================ the request


@dataclass(frozen=True)
class TripRequest:
    """What the guest asks for. Validate with :func:`validate_request` (hubs become hub ids)."""

    start: str
    end: str | None = None  # None: back to the start
    days: int = 3
    month: int = 7
    themes: tuple[str, ...] = ()
    must_see: tuple[str, ...] = ()
    hours_per_day: float = 8.0
    max_drive_minutes: float = 240.0
    alternatives: int = 3
    facts_year: int | None = None  # None: the latest year of the facts layer


def find_hub(name: str) -> Hub:
    """The hub called ``name`` (id, English or Danish name, case-insensitive).

    Raises
    ------
    TripRequestError
        Listing the valid hubs (and the closest match) when ``name`` is not one.
    """
    text = " ".join(str(name or "").split()).casefold()
    for hub in HUBS:
        if text in (hub.id, hub.name.casefold(), hub.name_da.casefold()):
            return hub
    names = [h.name for h in HUBS]
    close = difflib.get_close_matches(str(name), names, n=1, cutoff=0.6)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    raise TripRequestError(
        f"Unknown hub {name!r}.{hint} Valid hubs: {', '.join(names)}. "
        "Fix: give one of these names (or its id, e.g. 'cph-airport').",
        field="hub", valid=names)


def valid_themes(base: Any) -> tuple[str, ...]:
    """Every theme tag of the attraction data, sorted."""
    return tuple(sorted({t for a in base.attractions for t in a.themes}))


def validate_request(base: Any, request: TripRequest) -> TripRequest:
    """A normalised copy of ``request`` (hub ids, known themes and attraction ids, sane numbers).

    Raises
    ------
    TripRequestError
        Saying what is wrong and listing the valid values.
    """
    start = find_hub(request.start).id
    end = find_hub(request.end).id if request.end not in (None, "") else start
    days = _integer(request.days, "days")
    if not 1 <= days <= MAX_DAYS:
        raise TripRequestError(f"A trip has 1 to {MAX_DAYS} days; {days} were asked for. "
                               f"Fix: choose between 1 and {MAX_DAYS}.", field="days")
    month = _integer(request.month, "month")
    if not 1 <= month <= 12:
        raise TripRequestError(f"The month must be 1 to 12, got {month}. Fix: give a month "
                               "number (7 = July).", field="month")
    known = valid_themes(base)
    themes = tuple(dict.fromkeys(" ".join(str(t).split()).casefold() for t in request.themes if str(t).strip()))
    unknown = [t for t in themes if t not in known]
    if unknown:
        raise TripRequestError(
            f"Unknown theme{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}. "
            f"Valid themes: {', '.join(known)}. Fix: pick from these tags.",
            field="themes", valid=known)
    must = tuple(dict.fromkeys(str(m).strip() for m in request.must_see if str(m).strip()))
    missing = [m for m in must if m not in base.attraction_by_id]
    if missing:
        hints = []
        ids = sorted(base.attraction_by_id)
        for m in missing:
            close = difflib.get_close_matches(m, ids, n=2, cutoff=0.5)
            hints.append(f"{m!r}" + (f" (did you mean {' or '.join(close)}?)" if close else ""))
        raise TripRequestError(
            f"Unknown attraction id{'s' if len(missing) > 1 else ''} {', '.join(hints)}. "
            f"There are {len(ids)} attractions; ids look like 'kronborg-slot'. Fix: use the ids "
            "of the attraction data (the map page and `destinations` exports list them).",
            field="must_see", valid=ids)
    hours = _number(request.hours_per_day, "hours_per_day")
    if not HOURS_RANGE[0] <= hours <= HOURS_RANGE[1]:
        raise TripRequestError(
            f"Pace must be {HOURS_RANGE[0]:g} to {HOURS_RANGE[1]:g} hours a day, got {hours:g}. "
            "Fix: choose a pace in that range.", field="hours_per_day")
    drive = _number(request.max_drive_minutes, "max_drive_minutes")
    if not 0 <= drive <= 24 * 60:
        raise TripRequestError(f"Maximum driving must be 0 to 1440 minutes a day, got {drive:g}. "
                               "Fix: give minutes per day.", field="max_drive_minutes")
    alternatives = _integer(request.alternatives, "alternatives")
    if not 1 <= alternatives <= 3:
        raise TripRequestError(f"Ask for 1 to 3 itineraries, got {alternatives}.", field="alternatives")
    return replace(request, start=start, end=end, days=days, month=month, themes=themes,
                   must_see=must, hours_per_day=hours, max_drive_minutes=drive,
                   alternatives=alternatives)


def _integer(value: object, what: str) -> int:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise TripRequestError(f"{what} must be a whole number, got {value!r}.", field=what) from None
    if not math.isfinite(number) or number != int(number):
        raise TripRequestError(f"{what} must be a whole number, got {value!r}.", field=what)
    return int(number)


def _number(value: object, what: str) -> float:
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise TripRequestError(f"{what} must be a number, got {value!r}.", field=what) from None
    if not math.isfinite(number):
        raise TripRequestError(f"{what} must be a finite number, got {value!r}.", field=what)
    return number


# ---------------------------------------------------------------------------- share links
#: Query parameter names of a share link.
QUERY_KEYS = ("from", "to", "days", "month", "themes", "must", "pace", "drive", "seed", "scenario")


def request_query(request: TripRequest, *, seed: int | None = None,
                  scenario_id: str | None = None) -> dict[str, str]:
    """Query parameters that reproduce ``request`` (hub ids, comma lists); defaults are left out."""
    params = {"from": request.start, "days": str(request.days), "month": str(request.month)}
    if request.end and request.end != request.start:
        params["to"] = request.end
    if request.themes:
        params["themes"] = ",".join(request.themes)
    if request.must_see:
        params["must"] = ",".join(request.must_see)
    if request.hours_per_day != 8.0:
        params["pace"] = f"{request.hours_per_day:g}"
    if request.max_drive_minutes != 240.0:
        params["drive"] = f"{request.max_drive_minutes:g}"
    if seed is not None and seed != 1:
        params["seed"] = str(seed)
    if scenario_id and scenario_id != "today":
        params["scenario"] = scenario_id
    return params


def share_link(request: TripRequest, *, seed: int | None = None, scenario_id: str | None = None,
               page: str = "itineraries") -> str:
    """A relative link (``itineraries?from=…``) that opens the page with this request."""
    return f"{page}?{urlencode(request_query(request, seed=seed, scenario_id=scenario_id))}"


def request_from_query(base: Any, params: Mapping[str, str]) -> tuple[TripRequest, int]:
    """``(request, seed)`` from share-link parameters, validated.

    Raises
    ------
    TripRequestError
        When a parameter is missing or invalid (the message names it).
    """
    if not params.get("from"):
        raise TripRequestError("The link has no start hub ('from'). Fix: open the page and plan a trip.",
                               field="start")

    def split(key: str) -> tuple[str, ...]:
        return tuple(p for p in str(params.get(key, "")).split(",") if p.strip())

    request = TripRequest(
        start=str(params["from"]), end=params.get("to") or None,
        days=params.get("days", 3), month=params.get("month", 7),  # type: ignore[arg-type]
        themes=split("themes"), must_see=split("must"),
        hours_per_day=params.get("pace", 8.0), max_drive_minutes=params.get("drive", 240.0),  # type: ignore[arg-type]
    )
    seed = _integer(params.get("seed", 1), "seed")
    return validate_request(base, request), seed


# ============================================================================ travel model


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
_TO_XY = Transformer.from_crs(DISPLAY_CRS, ANALYSIS_CRS, always_xy=True)
_TO_LONLAT = Transformer.from_crs(ANALYSIS_CRS, DISPLAY_CRS, always_xy=True)


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


# ============================================================================ the planning model


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


def visit_minutes(attraction: Attraction) -> int:
    """Assumed visit length (:data:`VISIT_MINUTES`)."""
    return VISIT_MINUTES.get(attraction.category, DEFAULT_VISIT_MINUTES)


def opening_window(attraction: Attraction) -> tuple[float, float] | None:
    """``(earliest start, latest start)`` of a visit under :data:`ASSUMED_HOURS`, or ``None``."""
    hours = ASSUMED_HOURS.get(attraction.category)
    if hours is None:
        return None
    return float(hours[0]), float(max(hours[0], hours[1] - visit_minutes(attraction)))


def attraction_score(attraction: Attraction, themes: Iterable[str] = ()) -> float:
    """The attraction's score for a guest interested in ``themes`` (formula in the module docstring)."""
    visitors = attraction.visitors or 0
    popularity = max(0.0, math.log10(visitors / VISITOR_FLOOR)) if visitors > 0 else 0.0
    lighthouse = 1.0 if visitors >= LIGHTHOUSE_VISITORS else 0.0
    wanted = set(themes)
    matched = min(MAX_THEME_MATCHES, len(wanted & set(attraction.themes))) if wanted else 0
    season = 1.0 if attraction.open_months else UNKNOWN_SEASON_FACTOR
    return round(10.0 * (1.0 + popularity + lighthouse) * (1.0 + THEME_WEIGHT * matched) * season, 4)


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
            xs, ys = _TO_XY.transform([a.lon for a in spots], [a.lat for a in spots])
            xs, ys = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
            total = np.hypot(xs[:, None] - xs[None, :], ys[:, None] - ys[None, :]).sum(axis=1)
            k = int(np.argmin(total))
            out[code] = (float(xs[k]), float(ys[k]), spots[k].name)
        else:
            node = base.graph.nodes[code]
            out[code] = (float(node["x"]), float(node["y"]), f"{base.municipality_name(code)}")
    return out


@dataclass(frozen=True, eq=False)
class PlanModel:
    """The numeric model of a validated request: places, matrices and what was left out.

    Node order: start hub, end hub (if different), overnight bases, attractions.
    """

    request: TripRequest
    places: tuple[Place, ...]
    travel: np.ndarray  # modelled minutes, read-only
    drive: np.ndarray  # driving minutes (travel minus ferry crossings)
    via: np.ndarray  # leg follows the travel graph
    service: np.ndarray
    windows: tuple[tuple[float, float] | None, ...]
    scores: np.ndarray  # base scores (attractions), 0 for hubs and bases
    start: int
    end: int
    hotels: tuple[int, ...]
    attractions: tuple[int, ...]
    required: frozenset[int]
    closed_must_see: tuple[str, ...]  # must-sees closed in the month (not nodes)
    bed_places: dict[str, float]
    facts_year: int
    season_unknown: frozenset[str]  # attraction ids kept although their season is unknown

    @property
    def node_of(self) -> dict[str, int]:
        """Attraction id -> node."""
        return {self.places[i].id: i for i in self.attractions}

    def barred(self) -> np.ndarray:
        """Travel matrix with hotel pairs further apart than the driving cap made impassable."""
        travel = np.array(self.travel, dtype=float)
        cap = self.request.max_drive_minutes
        budget = self.request.hours_per_day * 60.0
        hotels = np.array(self.hotels, dtype=int)
        block = self.drive[np.ix_(hotels, hotels)] > cap + EPS
        sub = travel[np.ix_(hotels, hotels)]
        sub[block] = 10.0 * budget + 1.0
        travel[np.ix_(hotels, hotels)] = sub
        return travel

    def problem(self, scores: np.ndarray | None = None) -> Problem:
        """The solver's :class:`Problem` (scores default to :attr:`scores`)."""
        r = self.request
        return Problem.from_cost_matrix(
            self.barred(), score=self.scores if scores is None else scores,
            budgets=[r.hours_per_day * 60.0] * r.days, hotels=self.hotels, start=self.start,
            end=self.end, service=self.service, time_windows=list(self.windows),
            day_start=float(DAY_START), required=self.required, name="trip")


def build_model(base: Any, request: TripRequest, *, facts: Any) -> PlanModel:
    """The :class:`PlanModel` of a validated request (see :func:`validate_request`).

    Raises
    ------
    TripRequestError
        When no municipality has accommodation open in the month.
    """
    month = request.month
    beds = open_bases(facts, month)
    if not beds:
        raise TripRequestError(f"No municipality has {MIN_BASE_BED_PLACES:g} or more bed places open in "
                               f"{calendar.month_name[month]} in the facts layer. Fix: choose another month.",
                               field="month")
    places: list[Place] = []

    def add_hub(hub: Hub) -> int:
        x, y = _TO_XY.transform(hub.lon, hub.lat)
        places.append(Place("hub", hub.id, hub.name, hub.kommune_code, hub.lat, hub.lon, float(x), float(y)))
        return len(places) - 1

    start = add_hub(HUB_BY_ID[request.start])
    end = start if request.end == request.start else add_hub(HUB_BY_ID[request.end])
    points = base_points(base, sorted(beds, key=lambda c: (len(c), c)))
    for code, (x, y, spot) in points.items():
        lon, lat = _TO_LONLAT.transform(x, y)
        places.append(Place("base", code, base.municipality_name(code), code, float(lat), float(lon), x, y))
    hotels = tuple(range(len(places)))
    must = set(request.must_see)
    closed: list[str] = []
    unknown: set[str] = set()
    first_attraction = len(places)
    for a in base.attractions:
        is_open = a.is_open(month)
        if is_open is False:
            if a.id in must:
                closed.append(a.id)
            continue
        if is_open is None:
            unknown.add(a.id)
        x, y = _TO_XY.transform(a.lon, a.lat)
        places.append(Place("attraction", a.id, a.name, a.kommune_code, a.lat, a.lon, float(x), float(y)))
    n = len(places)
    travel, drive, via = leg_matrices(travel_model(base), np.array([p.x for p in places]),
                                      np.array([p.y for p in places]), [p.code for p in places])
    by_id = base.attraction_by_id
    service = np.zeros(n)
    scores = np.zeros(n)
    windows: list[tuple[float, float] | None] = [None] * n
    for i in range(first_attraction, n):
        a = by_id[places[i].id]
        service[i] = visit_minutes(a)
        scores[i] = attraction_score(a, request.themes)
        windows[i] = opening_window(a)
    attractions = tuple(range(first_attraction, n))
    required = frozenset(i for i in attractions if places[i].id in must)
    for arr in (travel, drive, via, service, scores):
        arr.setflags(write=False)
    return PlanModel(
        request=request, places=tuple(places), travel=travel, drive=drive, via=via,
        service=service, windows=tuple(windows), scores=scores, start=start, end=end,
        hotels=hotels, attractions=attractions, required=required, closed_must_see=tuple(closed),
        bed_places=beds, facts_year=int(facts.year), season_unknown=frozenset(unknown))


# ============================================================================ driving cap


def _day_fits(problem: Problem, drive: np.ndarray, d: int, nodes: Sequence[int], cap: float) -> bool:
    """Whether one day keeps its time windows, its time budget and the driving cap."""
    arrival, begin = trip_schedule(problem, d, nodes)
    slack = problem.tolerance + EPS
    for k in range(1, len(nodes) - 1):
        if begin[k] > problem.close[nodes[k]] + slack:
            return False
    if arrival[-1] > problem.trip_limit(d) + EPS:
        return False
    return _day_drive(drive, nodes) <= cap + 1e-6


def _day_drive(drive: np.ndarray, nodes: Sequence[int]) -> float:
    return float(sum(drive[a, b] for a, b in zip(nodes, nodes[1:])))


def enforce_driving(problem: Problem, model: PlanModel, solution: Solution) -> Solution:
    """``solution`` with every day within the driving cap, refilled greedily (see module docstring)."""
    cap = model.request.max_drive_minutes
    drive = model.drive
    score = problem.score
    days = [list(day) for day in solution.days]
    changed = False
    for d, day in enumerate(days):
        while _day_drive(drive, day) > cap + 1e-6 and len(day) > 2:
            best, best_key = None, None
            for k in range(1, len(day) - 1):
                saved = drive[day[k - 1], day[k]] + drive[day[k], day[k + 1]] - drive[day[k - 1], day[k + 1]]
                key = (day[k] in problem.required, -(saved / (float(score[day[k]]) + 1e-9)))
                if best_key is None or key < best_key:
                    best, best_key = k, key
            day.pop(best)
            changed = True
    if changed:
        _refill(problem, model, days)
        return Solution.from_days(problem, days)
    return solution


def _refill(problem: Problem, model: PlanModel, days: list[list[int]]) -> None:
    """Insert unvisited attractions (best score per added minute first) while every limit holds."""
    cap = model.request.max_drive_minutes
    visited = {v for day in days for v in day[1:-1]}
    pool = [v for v in model.attractions if v not in visited and problem.score[v] > 0]
    t = problem.travel
    while pool:
        best = None
        for d, day in enumerate(days):
            budget = problem.budgets[d]
            a, b = day[0], day[-1]
            for v in pool:
                if t[a, v] + problem.service[v] + t[v, b] > budget + EPS:
                    continue
                for k in range(1, len(day)):
                    added = t[day[k - 1], v] + problem.service[v] + t[v, day[k]] - t[day[k - 1], day[k]]
                    ratio = float(problem.score[v]) / max(added, 1e-6)
                    if best is not None and ratio <= best[0]:
                        continue
                    trial = day[:k] + [v] + day[k:]
                    if _day_fits(problem, model.drive, d, trial, cap):
                        best = (ratio, d, k, v)
        if best is None:
            return
        _, d, k, v = best
        days[d].insert(k, v)
        pool.remove(v)


# ============================================================================ trips


def clock(minutes: float) -> str:
    """Clock time ``HH:MM`` of minutes after midnight (rounded to the minute)."""
    total = int(round(minutes))
    return f"{total // 60:02d}:{total % 60:02d}"


@dataclass(frozen=True)
class Stop:
    """Where a day starts or ends: a hub or an overnight base."""

    kind: str  # hub | base
    id: str  # hub id or kommune code
    name: str  # hub or municipality name
    code: str  # kommune code
    lat: float
    lon: float


@dataclass(frozen=True)
class Visit:
    """One attraction visit with its (modelled) clock times."""

    attraction_id: str
    name: str
    category: str
    code: str
    lat: float
    lon: float
    arrive: float  # minutes after midnight
    start: float  # after any wait for opening
    leave: float
    score: float
    season_known: bool


@dataclass(frozen=True)
class Segment:
    """A drawable piece of a leg: a road stretch or a ferry crossing (lat, lon pairs)."""

    kind: str  # road | ferry
    coords: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Leg:
    """Travel from one stop or visit to the next."""

    from_name: str
    to_name: str
    minutes: float
    drive_minutes: float
    ferry_minutes: float
    ferries: tuple[str, ...]  # link names
    codes: tuple[str, ...]  # municipalities passed (graph path), or the two ends
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class TripDay:
    """One day: from ``start`` through ``visits`` to ``base`` (the night's stay, or the end hub)."""

    number: int
    start: Stop
    base: Stop
    overnight: bool  # False on the last day (the trip ends at the hub)
    visits: tuple[Visit, ...]
    legs: tuple[Leg, ...]
    leave: float  # clock minutes
    arrive: float
    drive_minutes: float
    ferry_minutes: float

    @property
    def travel_minutes(self) -> float:
        return float(sum(leg.minutes for leg in self.legs))

    @property
    def ferry_legs(self) -> tuple[Leg, ...]:
        return tuple(leg for leg in self.legs if leg.ferries)


@dataclass(frozen=True)
class CompanyShare:
    """Nights and visits a destination company hosts on a trip."""

    company_id: str | None  # None = unaffiliated
    name: str
    nights: int
    visits: int
    codes: tuple[str, ...]  # municipalities hosting them


@dataclass(frozen=True)
class Benefits:
    """Who benefits from a trip under one scenario."""

    scenario_name: str
    companies: tuple[CompanyShare, ...]  # by nights + visits, most first
    crossed: tuple[str, ...]  # names of every company whose municipalities the route passes
    effective_splits: float  # 1 / sum(s^2) - 1 over shares of nights + visits
    needs_cooperation: bool  # more than one company hosts nights or visits

    @property
    def hosts(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.companies)


@dataclass(frozen=True)
class Unfitted:
    """A must-see the trip could not include, and why."""

    attraction_id: str
    name: str
    reason: str  # closed | time | driving | hours | together
    detail: str  # an English sentence (the page translates from ``reason`` and the numbers)
    need_minutes: float | None = None  # time (reason "time") or driving ("driving") it needs alone
    limit_minutes: float | None = None  # what a day allows


@dataclass(frozen=True)
class Trip:
    """A planned itinerary (frozen)."""

    days: tuple[TripDay, ...]
    score: float
    benefits: Benefits
    variant: int  # 1 = the best trip, 2.. = alternatives

    @property
    def visits(self) -> tuple[Visit, ...]:
        return tuple(v for day in self.days for v in day.visits)

    @property
    def nights(self) -> tuple[Stop, ...]:
        return tuple(day.base for day in self.days if day.overnight)

    @property
    def drive_minutes(self) -> float:
        return float(sum(day.drive_minutes for day in self.days))


@dataclass(frozen=True)
class TripResult:
    """What :func:`plan_trip` returns: the best trip, alternatives, what could not be fitted."""

    request: TripRequest
    trips: tuple[Trip, ...]  # best first; then alternatives
    unfitted: tuple[Unfitted, ...]
    explanation: str  # '' when everything asked for fits
    notes: tuple["Note", ...]  # caveats (season unknown, theme closed, thin base)
    bases: int  # overnight bases open in the month
    candidates: int  # attractions open (or season unknown) in the month
    facts_year: int
    runtime_s: float
    kind: str = Kind.MODELLED.value
    assumptions: Mapping[str, Any] = field(default_factory=lambda: dict(ASSUMPTIONS))

    @property
    def best(self) -> Trip:
        return self.trips[0]


def _stop(place: Place) -> Stop:
    return Stop(kind=place.kind, id=place.id, name=place.name, code=place.code, lat=place.lat, lon=place.lon)


def _lonlat(x: float, y: float) -> tuple[float, float]:
    lon, lat = _TO_LONLAT.transform(x, y)
    return round(float(lat), 5), round(float(lon), 5)


def _leg(model: PlanModel, base: Any, i: int, j: int) -> Leg:
    p, q = model.places[i], model.places[j]
    minutes = float(model.travel[i, j])
    drive = float(model.drive[i, j])
    here = (round(p.lat, 5), round(p.lon, 5))
    there = (round(q.lat, 5), round(q.lon, 5))
    if not model.via[i, j]:
        return Leg(p.name, q.name, minutes, drive, 0.0, (), tuple(dict.fromkeys((p.code, q.code))),
                   (Segment("road", (here, there)),))
    tm = travel_model(base)
    path = tm.paths[p.code][q.code]
    anchors = {c: _lonlat(tm.anchor_x[tm.index[c]], tm.anchor_y[tm.index[c]]) for c in path}
    segments: list[Segment] = []
    road: list[tuple[float, float]] = [here, anchors[path[0]]]
    ferries: list[str] = []
    for u, v, data in tm.path_edges(p.code, q.code):
        if data["kind"] == "ferry":
            if len(road) > 1:
                segments.append(Segment("road", tuple(road)))
            segments.append(Segment("ferry", (anchors[u], anchors[v])))
            ferries.append(str(data["links"][0]) if data["links"] else "ferry")
            road = [anchors[v]]
        else:
            road.append(anchors[v])
    road.append(there)
    segments.append(Segment("road", tuple(road)))
    return Leg(p.name, q.name, minutes, drive, minutes - drive, tuple(ferries), tuple(path), tuple(segments))


def _trip_days(model: PlanModel, problem: Problem, base: Any, solution: Solution) -> tuple[TripDay, ...]:
    by_id = base.attraction_by_id
    out = []
    last = len(solution.days) - 1
    for d, nodes in enumerate(solution.days):
        arrival, begin = trip_schedule(problem, d, nodes)
        visits = []
        for k in range(1, len(nodes) - 1):
            place = model.places[nodes[k]]
            a = by_id[place.id]
            visits.append(Visit(
                attraction_id=a.id, name=a.name, category=a.category, code=a.kommune_code,
                lat=a.lat, lon=a.lon, arrive=arrival[k], start=begin[k],
                leave=begin[k] + float(problem.service[nodes[k]]),
                score=float(model.scores[nodes[k]]), season_known=bool(a.open_months)))
        legs = tuple(_leg(model, base, a, b) for a, b in zip(nodes, nodes[1:]))
        out.append(TripDay(
            number=d + 1, start=_stop(model.places[nodes[0]]), base=_stop(model.places[nodes[-1]]),
            overnight=d < last, visits=tuple(visits), legs=legs, leave=arrival[0], arrive=arrival[-1],
            drive_minutes=float(sum(leg.drive_minutes for leg in legs)),
            ferry_minutes=float(sum(leg.ferry_minutes for leg in legs))))
    return tuple(out)


def trip_benefits(days: Sequence[TripDay], *, assignment: Mapping[str, str | None],
                  names: Mapping[str, str], scenario_name: str = "",
                  unaffiliated: str = UNAFFILIATED) -> Benefits:
    """Nights and visits per company, companies crossed and effective splits of a trip.

    Parameters
    ----------
    days
        The trip's days.
    assignment
        Kommune code -> company id (``None`` = unaffiliated) of the scenario.
    names
        Company id -> display name.
    """
    nights: dict[str | None, int] = {}
    visits: dict[str | None, int] = {}
    codes: dict[str | None, list[str]] = {}
    for day in days:
        if day.overnight:
            company = assignment.get(day.base.code)
            nights[company] = nights.get(company, 0) + 1
            codes.setdefault(company, []).append(day.base.code)
        for visit in day.visits:
            company = assignment.get(visit.code)
            visits[company] = visits.get(company, 0) + 1
            codes.setdefault(company, []).append(visit.code)
    companies = [CompanyShare(company_id=c, name=names.get(c, c) if c else unaffiliated,
                              nights=nights.get(c, 0), visits=visits.get(c, 0),
                              codes=tuple(dict.fromkeys(codes[c])))
                 for c in codes]
    companies.sort(key=lambda s: (-(s.nights + s.visits), -s.nights, s.name))
    total = sum(s.nights + s.visits for s in companies)
    if total:
        es = 1.0 / sum(((s.nights + s.visits) / total) ** 2 for s in companies) - 1.0
    else:
        es = 0.0
    crossed: list[str] = []
    for day in days:
        route = [day.start.code]
        for leg, visit in zip_longest(day.legs, day.visits):
            route += list(leg.codes) if leg is not None else []
            route += [visit.code] if visit is not None else []
        route.append(day.base.code)
        for code in route:
            company = assignment.get(code)
            label = names.get(company, company) if company else unaffiliated
            if label not in crossed:
                crossed.append(label)
    return Benefits(scenario_name=scenario_name, companies=tuple(companies), crossed=tuple(crossed),
                    effective_splits=round(es, 4),
                    needs_cooperation=sum(1 for s in companies if s.company_id is not None) > 1)


def _plan_of(base: Any, scenario: Any) -> tuple[dict[str, str | None], dict[str, str], str]:
    if scenario is None:
        return dict(base.today_assignment), dict(base.today_company_names), "Destination companies today"
    return dict(scenario.assignment), dict(scenario.names), str(scenario.name)


def rebenefit(trip: Trip, base: Any, scenario: Any = None) -> Trip:
    """The same trip with its who-benefits figures under another scenario (no re-solving)."""
    assignment, names, label = _plan_of(base, scenario)
    return replace(trip, benefits=trip_benefits(trip.days, assignment=assignment, names=names,
                                                scenario_name=label))


# ============================================================================ explaining misses


def _minutes_text(minutes: float) -> str:
    minutes = int(round(minutes))
    return f"{minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"{minutes} min"


def _explain_missing(model: PlanModel, problem: Problem, solution: Solution, node: int) -> Unfitted:
    """Why must-see ``node`` is not in ``solution``: alone it needs too long a day, too much driving,
    or it only fails together with the rest of the trip."""
    r = model.request
    place = model.places[node]
    budget = r.hours_per_day * 60.0
    travel, drive = model.travel, model.drive
    service = float(problem.service[node])
    lo = problem.open[node]
    hi = problem.close[node]
    best_time, best_drive = math.inf, math.inf
    fits_alone = False
    # Every day of the trip as planned, and every pair of bases (a multi-day trip may move its bases).
    pairs = {(day[0], day[-1]) for day in solution.days}
    if r.days > 1:
        hotels = model.hotels
        pairs |= {(a, b) for a in hotels for b in hotels}
    for a, b in pairs:
        arrive = DAY_START + travel[a, node]
        begin = max(arrive, lo)
        need = begin - DAY_START + service + travel[node, b]
        dr = drive[a, node] + drive[node, b]
        best_time = min(best_time, need)
        best_drive = min(best_drive, dr)
        if need <= budget + EPS and dr <= r.max_drive_minutes + EPS and begin <= hi + EPS:
            fits_alone = True
    name = place.name
    if fits_alone:
        return Unfitted(place.id, name, "together",
                        f"{name} fits into a day on its own, but not together with the other "
                        "must-sees and the route between the hubs in the days given")
    if best_time > budget + EPS:
        return Unfitted(place.id, name, "time",
                        f"{name} needs at least {_minutes_text(best_time)} in one day (travel there "
                        f"and on, plus a {_minutes_text(service)} visit); a day has "
                        f"{_minutes_text(budget)}", round(best_time, 1), budget)
    if best_drive > r.max_drive_minutes + EPS:
        return Unfitted(place.id, name, "driving",
                        f"{name} needs at least {_minutes_text(best_drive)} of driving in one day; "
                        f"the limit is {_minutes_text(r.max_drive_minutes)}", round(best_drive, 1),
                        r.max_drive_minutes)
    return Unfitted(place.id, name, "hours",
                    f"{name} cannot be reached within its assumed opening hours on any day")


# ============================================================================ planning

Progress = Callable[[float, int], None]


def plan_trip(base: Any, request: TripRequest, *, scenario: Any = None, facts: Any = None,
              rng: np.random.Generator, time_limit: float = 5.0,
              on_progress: Progress | None = None, max_iterations: int | None = None) -> TripResult:
    """Plan the best trip for ``request`` and up to two alternatives.

    Parameters
    ----------
    base
        :class:`~destinations.data.base.BaseData`.
    request
        The request; it is validated here (:func:`validate_request`).
    scenario
        :class:`~destinations.scenarios.scenario.Scenario` for who-benefits (default: today's companies).
    facts
        :class:`~destinations.facts.FactsTable` for overnight bases (default: the latest year).
    rng
        Source of all randomness (each alternative gets a child stream).
    time_limit
        Wall-clock seconds for the whole call (data preparation included): each solver run gets
        its share (:data:`MAIN_TIME_SHARE` for the best trip) of what is left when it starts.
    on_progress
        Called with ``(fraction done, itinerary number 1..3)``.
    max_iterations
        Search iterations per solver run; with it the result depends on the seed only.

    Returns
    -------
    TripResult
        Never raises for must-sees that do not fit: they are listed in ``unfitted`` with reasons.

    Raises
    ------
    TripRequestError
        For unknown hubs, themes or attractions, bad numbers, or when the end hub cannot be
        reached at all within the days, pace and driving limit.
    """
    t0 = time.perf_counter()
    request = validate_request(base, request)
    if facts is None:
        from destinations.facts import available_years, load_facts

        year = request.facts_year or max(available_years(base))
        facts = load_facts(base, year)
    model = build_model(base, request, facts=facts)
    assignment, names, label = _plan_of(base, scenario)
    runs = request.alternatives
    shares = [MAIN_TIME_SHARE] + [(1 - MAIN_TIME_SHARE) / (runs - 1)] * (runs - 1) if runs > 1 else [1.0]
    streams = rng.spawn(runs)
    trips: list[Trip] = []
    seen: set[tuple] = set()
    scores = np.array(model.scores, dtype=float)
    first_problem: Problem | None = None
    first_solution: Solution | None = None
    done = 0.0
    for k in range(runs):
        problem = model.problem(scores)

        def report(fraction: float, _best: Solution, k: int = k, done: float = done) -> None:
            if on_progress is not None:
                on_progress(min(1.0, done + shares[k] * fraction), k + 1)

        try:
            left = max(0.05, t0 + time_limit - time.perf_counter())
            solution = solve(problem, rng=streams[k], time_limit=left * shares[k] / sum(shares[k:]),
                             on_progress=report, max_iterations=max_iterations)
        except SolverError as exc:
            raise _unreachable(base, model) from exc
        solution = enforce_driving(problem, model, solution)
        done += shares[k]
        key = tuple(tuple(day) for day in solution.days)
        if k == 0:
            first_problem, first_solution = problem, solution
        if key not in seen:
            seen.add(key)
            true_score = float(sum(model.scores[v] for v in solution.visited))
            days = _trip_days(model, problem, base, solution)
            trips.append(Trip(days=days, score=round(true_score, 4),
                              benefits=trip_benefits(days, assignment=assignment, names=names,
                                                     scenario_name=label),
                              variant=k + 1))
        for v in solution.visited:
            if v not in model.required:
                scores[v] = model.scores[v] * ALTERNATIVE_PENALTY
    if on_progress is not None:
        on_progress(1.0, runs)
    assert first_problem is not None and first_solution is not None
    unfitted = [Unfitted(a, base.attraction_by_id[a].name, "closed",
                         _closed_text(base.attraction_by_id[a], request.month))
                for a in model.closed_must_see]
    missing = sorted(model.required - set(first_solution.visited),
                     key=lambda v: request.must_see.index(model.places[v].id))
    unfitted += [_explain_missing(model, first_problem, first_solution, v) for v in missing]
    return TripResult(request=request, trips=tuple(trips), unfitted=tuple(unfitted),
                      explanation=_explanation(request, unfitted),
                      notes=tuple(_notes(base, model, trips[0])),
                      bases=len(model.bed_places), candidates=len(model.attractions),
                      facts_year=model.facts_year, runtime_s=round(time.perf_counter() - t0, 3))


def _closed_text(attraction: Attraction, month: int) -> str:
    months = ", ".join(calendar.month_abbr[m] for m in attraction.open_months)
    return (f"{attraction.name} is closed in {calendar.month_name[month]} (open: {months}; "
            "from the attraction data)")


def _explanation(request: TripRequest, unfitted: Sequence[Unfitted]) -> str:
    if not unfitted:
        return ""
    total = len(request.must_see)
    lines = [f"{len(unfitted)} of {total} must-see attraction{'s' if total != 1 else ''} could not be "
             "fitted; the trip shown is the best feasible trip without them:"]
    lines += [f"- {u.detail}." for u in unfitted]
    lines.append("Fix: add days, raise the hours per day or the driving limit, choose a nearer "
                 "start/end hub or another month, or drop some must-sees.")
    return "\n".join(lines)


@dataclass(frozen=True)
class Note:
    """A caveat about a trip: ``code`` (season_unknown | theme_closed | low_base) and its values."""

    code: str
    values: tuple[tuple[str, str], ...]

    @property
    def text(self) -> str:
        """The note in English (the page translates from ``code`` and ``values``)."""
        v = dict(self.values)
        if self.code == "season_unknown":
            return f"Season not given by the source (check before going): {v['names']}"
        if self.code == "theme_closed":
            return f"No attraction with theme {v['theme']!r} is open in this month"
        return f"Night {v['night']}: {v['name']} has fewer than {MIN_BASE_BED_PLACES:g} modelled bed places open"


def _notes(base: Any, model: PlanModel, trip: Trip) -> list[Note]:
    out = []
    unknown = [v.name for v in trip.visits if not v.season_known]
    if unknown:
        out.append(Note("season_unknown", (("names", ", ".join(unknown)),)))
    for theme in model.request.themes:
        if not any(theme in base.attraction_by_id[model.places[i].id].themes for i in model.attractions):
            out.append(Note("theme_closed", (("theme", theme),)))
    for day in trip.days:
        if day.overnight and day.base.code not in model.bed_places:
            out.append(Note("low_base", (("night", str(day.number)), ("name", day.base.name))))
    return out


def _unreachable(base: Any, model: PlanModel) -> TripRequestError:
    r = model.request
    a, b = model.start, model.end
    need = float(model.travel[a, b])
    drive = float(model.drive[a, b])
    return TripRequestError(
        f"{model.places[a].name} to {model.places[b].name} takes about {_minutes_text(need)} "
        f"({_minutes_text(drive)} of driving); with {r.days} day{'s' if r.days > 1 else ''} of "
        f"{r.hours_per_day:g} hours and at most {_minutes_text(r.max_drive_minutes)} of driving a "
        "day no chain of overnight bases links them. Fix: add days, raise the hours per day or "
        "the driving limit, or choose a nearer end hub.", field="end")


# ============================================================================ table rows


def month_ranges(months: Iterable[int]) -> str:
    """Compact month numbers, e.g. ``(4, 5, 6, 7, 8, 9, 10)`` -> ``"4–10"``; ``""`` when none."""
    values = sorted(set(int(m) for m in months))
    if len(values) == 12:
        return "1–12"
    parts: list[str] = []
    run: list[int] = []
    for m in values:
        if run and m == run[-1] + 1:
            run.append(m)
            continue
        if run:
            parts.append(f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]))
        run = [m]
    if run:
        parts.append(f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]))
    return ", ".join(parts)


def timeline_rows(trip: Trip, base: Any) -> list[dict]:
    """One row per event of the trip: leave the base, each visit, arrive at the next base.

    Keys: ``day``, ``event`` (leave | visit | night | end), ``arrive``, ``leave`` (``HH:MM`` or
    ``""``), ``place``, ``municipality`` (name), ``drive_minutes`` and ``ferry`` (the leg that led
    here), ``open_months`` (compact month numbers, ``None`` = not given by the source).
    """
    rows = []
    for day in trip.days:
        rows.append({"day": day.number, "event": "leave", "arrive": "", "leave": clock(day.leave),
                     "place": day.start.name, "municipality": base.municipality_name(day.start.code),
                     "drive_minutes": None, "ferry": "", "open_months": ""})
        for leg, visit in zip(day.legs, day.visits):
            a = base.attraction_by_id[visit.attraction_id]
            rows.append({"day": day.number, "event": "visit", "arrive": clock(visit.arrive),
                         "leave": clock(visit.leave), "place": visit.name,
                         "municipality": base.municipality_name(visit.code),
                         "drive_minutes": round(leg.drive_minutes), "ferry": ", ".join(leg.ferries),
                         "open_months": month_ranges(a.open_months) if a.open_months else None})
        last = day.legs[-1]
        rows.append({"day": day.number, "event": "night" if day.overnight else "end",
                     "arrive": clock(day.arrive), "leave": "", "place": day.base.name,
                     "municipality": base.municipality_name(day.base.code),
                     "drive_minutes": round(last.drive_minutes), "ferry": ", ".join(last.ferries),
                     "open_months": ""})
    return rows


def day_rows(trip: Trip) -> list[dict]:
    """One row per day: ``day``, ``from``, ``base``, ``overnight``, ``visits``, ``leave``,
    ``arrive``, ``drive_minutes``, ``ferry_minutes``."""
    return [{"day": d.number, "from": d.start.name, "base": d.base.name, "overnight": d.overnight,
             "visits": len(d.visits), "leave": clock(d.leave), "arrive": clock(d.arrive),
             "drive_minutes": round(d.drive_minutes), "ferry_minutes": round(d.ferry_minutes)}
            for d in trip.days]


def benefit_rows(trip: Trip, base: Any) -> list[dict]:
    """Who benefits, one row per company: ``company``, ``nights``, ``visits``, ``municipalities``
    (names, comma-separated)."""
    return [{"company": c.name, "nights": c.nights, "visits": c.visits,
             "municipalities": ", ".join(base.municipality_name(code) for code in c.codes)}
            for c in trip.benefits.companies]


def alternative_rows(result: TripResult) -> list[dict]:
    """One row per itinerary: ``variant``, ``score``, ``visits``, ``nights``, ``drive_minutes``,
    ``companies`` (hosting nights or visits), ``effective_splits``, ``bases`` (night stops)."""
    return [{"variant": t.variant, "score": round(t.score, 1), "visits": len(t.visits),
             "nights": len(t.nights), "drive_minutes": round(t.drive_minutes),
             "companies": len(t.benefits.companies), "effective_splits": t.benefits.effective_splits,
             "bases": " → ".join(s.name for s in t.nights)}
            for t in result.trips]


# ============================================================================ CLI payload


def _visit_dict(v: Visit) -> dict:
    return {"id": v.attraction_id, "name": v.name, "category": v.category, "municipality": v.code,
            "arrive": clock(v.arrive), "start": clock(v.start), "leave": clock(v.leave),
            "score": v.score, "season_known": v.season_known}


def day_dict(day: TripDay, base: Any) -> dict:
    """JSON-ready form of one day."""
    return {
        "day": day.number,
        "from": {"name": day.start.name, "municipality": day.start.code, "kind": day.start.kind},
        "base": {"name": day.base.name, "municipality": day.base.code,
                 "municipality_name": base.municipality_name(day.base.code),
                 "kind": day.base.kind, "overnight": day.overnight},
        "leave": clock(day.leave),
        "arrive": clock(day.arrive),
        "visits": [_visit_dict(v) for v in day.visits],
        "drive_minutes": round(day.drive_minutes, 1),
        "ferry_minutes": round(day.ferry_minutes, 1),
        "travel_minutes": round(day.travel_minutes, 1),
        "ferry_legs": [{"from": leg.from_name, "to": leg.to_name, "links": list(leg.ferries),
                        "crossing_minutes": round(leg.ferry_minutes, 1)} for leg in day.ferry_legs],
    }


def trip_dict(trip: Trip, base: Any) -> dict:
    """JSON-ready form of a trip: days, score, companies, crossed, effective splits."""
    b = trip.benefits
    return {
        "score": trip.score,
        "days": [day_dict(d, base) for d in trip.days],
        # Unaffiliated municipalities are no company: reported apart, never as one more company.
        "companies": {c.name: {"id": c.company_id, "nights": c.nights, "visits": c.visits,
                               "municipalities": list(c.codes)} for c in b.companies
                      if c.company_id is not None},
        "unaffiliated": next(({"nights": c.nights, "visits": c.visits, "municipalities": list(c.codes)}
                              for c in b.companies if c.company_id is None),
                             {"nights": 0, "visits": 0, "municipalities": []}),
        "crossed": list(b.crossed),
        "effective_splits": b.effective_splits,
        "needs_cooperation": b.needs_cooperation,
        "drive_minutes": round(trip.drive_minutes, 1),
    }


def result_dict(result: TripResult, base: Any, *, seed: int = 1) -> dict:
    """JSON-ready form of a :class:`TripResult` (the CLI payload)."""
    best = trip_dict(result.best, base)
    r = result.request
    return {
        "kind": result.kind,
        "request": {"start": HUB_BY_ID[r.start].name, "end": HUB_BY_ID[r.end or r.start].name,
                    "days": r.days, "month": r.month, "themes": list(r.themes),
                    "must_see": list(r.must_see), "hours_per_day": r.hours_per_day,
                    "max_drive_minutes": r.max_drive_minutes, "seed": seed,
                    "share": share_link(r, seed=seed)},
        "scenario": result.best.benefits.scenario_name,
        **best,
        "unfitted": [{"id": u.attraction_id, "name": u.name, "reason": u.reason, "detail": u.detail,
                      "need_minutes": u.need_minutes, "limit_minutes": u.limit_minutes}
                     for u in result.unfitted],
        "explanation": result.explanation,
        "warnings": [n.text for n in result.notes],
        "alternatives": [trip_dict(t, base) for t in result.trips[1:]],
        "bases_open": result.bases,
        "candidates": result.candidates,
        "facts_year": result.facts_year,
        "runtime_s": result.runtime_s,
        "assumptions": dict(result.assumptions),
    }


def plan_trip_cli(base: Any, *, start: str, end: str | None = None, days: int, month: int,
                  themes: Sequence[str] = (), must_see: Sequence[str] = (),
                  hours_per_day: float = 8.0, max_drive_minutes: float = 240.0, seed: int = 1,
                  time_limit: float = 5.0) -> dict:
    """``destinations itinerary plan``: plan a trip and return :func:`result_dict` (JSON-ready).

    Keys: ``kind`` ("modelled"), ``request``, ``scenario``, ``score``, ``days`` (each with
    ``day``, ``from``, ``base``, ``leave``, ``arrive``, ``visits``, ``drive_minutes``,
    ``ferry_minutes``, ``travel_minutes``, ``ferry_legs``), ``companies`` {name: {``id``,
    ``nights``, ``visits``, ``municipalities``}}, ``crossed``, ``effective_splits``,
    ``needs_cooperation``, ``drive_minutes``, ``unfitted``, ``explanation``, ``warnings``,
    ``alternatives``, ``bases_open``, ``candidates``, ``facts_year``, ``runtime_s``,
    ``assumptions``.
    """
    request = TripRequest(start=start, end=end, days=days, month=month, themes=tuple(themes),
                          must_see=tuple(must_see), hours_per_day=hours_per_day,
                          max_drive_minutes=max_drive_minutes)
    result = plan_trip(base, request, rng=np.random.default_rng(seed), time_limit=time_limit)
    return result_dict(result, base, seed=seed)


# ============================================================================ exports


def trip_geojson(trip: Trip, *, result: TripResult | None = None) -> dict:
    """The trip as a GeoJSON FeatureCollection (WGS84): route segments, visits, overnight stops.

    Properties are plain data (not HTML); renderers must escape them.
    """
    features = []
    for day in trip.days:
        colour = DAY_COLOURS[(day.number - 1) % len(DAY_COLOURS)]
        for leg in day.legs:
            for seg in leg.segments:
                features.append({
                    "type": "Feature",
                    "geometry": {"type": "LineString", "coordinates": [[lon, lat] for lat, lon in seg.coords]},
                    "properties": {"kind": seg.kind, "day": day.number, "colour": colour,
                                   "from": leg.from_name, "to": leg.to_name,
                                   "minutes": round(leg.minutes, 1),
                                   "ferries": list(leg.ferries) if seg.kind == "ferry" else []},
                })
        for order, visit in enumerate(day.visits, start=1):
            features.append({
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [round(visit.lon, 5), round(visit.lat, 5)]},
                "properties": {"kind": "visit", "day": day.number, "order": order,
                               "id": visit.attraction_id, "name": visit.name,
                               "category": visit.category, "municipality": visit.code,
                               "arrive": clock(visit.arrive), "leave": clock(visit.leave),
                               "season_known": visit.season_known},
            })
        stop = day.base
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [round(stop.lon, 5), round(stop.lat, 5)]},
            "properties": {"kind": "overnight" if day.overnight else "end", "day": day.number,
                           "name": stop.name, "municipality": stop.code, "arrive": clock(day.arrive)},
        })
    first = trip.days[0].start
    features.insert(0, {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [round(first.lon, 5), round(first.lat, 5)]},
        "properties": {"kind": "start", "day": 1, "name": first.name, "municipality": first.code},
    })
    meta = {"kind": Kind.MODELLED.value, "score": trip.score,
            "scenario": trip.benefits.scenario_name,
            "companies": {c.name: {"nights": c.nights, "visits": c.visits} for c in trip.benefits.companies}}
    if result is not None:
        meta["request"] = request_query(result.request)
        meta["facts_year"] = result.facts_year
    return {"type": "FeatureCollection", "properties": meta, "features": features}


_MONTHS_DA = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
              "oktober", "november", "december")
_HTML_TEXT = {
    "en": {"title": "Itinerary", "day": "Day", "from": "from", "night": "Night at", "end": "Trip ends at",
           "time": "Time", "stop": "Stop", "drive": "Driving", "ferry": "Ferry", "benefits": "Who benefits",
           "company": "Destination company", "nights": "Nights", "visits": "Visits",
           "crossed": "Companies the route crosses", "splits": "Effective splits", "unfitted": "Not fitted",
           "assumptions": "Assumptions (modelled figures)", "score": "Score", "leave": "Leave",
           "arrive": "Arrive", "min": "min", "season": "season not given by the source",
           "modelled": "All times and figures are modelled estimates, not timetables.",
           "month": "Month", "scenario": "Scenario"},
    "da": {"title": "Rejserute", "day": "Dag", "from": "fra", "night": "Overnatning i", "end": "Turen slutter i",
           "time": "Tid", "stop": "Stop", "drive": "Kørsel", "ferry": "Færge", "benefits": "Hvem får gavn",
           "company": "Destinationsselskab", "nights": "Overnatninger", "visits": "Besøg",
           "crossed": "Selskaber ruten krydser", "splits": "Effektive opdelinger", "unfitted": "Kunne ikke passes ind",
           "assumptions": "Antagelser (modellerede tal)", "score": "Point", "leave": "Afgang",
           "arrive": "Ankomst", "min": "min", "season": "sæson ikke oplyst af kilden",
           "modelled": "Alle tider og tal er modellerede skøn, ikke køreplaner.",
           "month": "Måned", "scenario": "Scenarie"},
}


def trip_html(trip: Trip, *, result: TripResult | None = None, lang: str = "en", title: str = "") -> str:
    """A self-contained printable HTML itinerary; every text from data is escaped."""
    t = _HTML_TEXT.get(lang, _HTML_TEXT["en"])
    e = html.escape
    parts = [
        "<!DOCTYPE html>", f'<html lang="{e(lang)}"><head><meta charset="utf-8">',
        f"<title>{e(title or t['title'])}</title>",
        "<style>body{font-family:system-ui,sans-serif;max-width:52rem;margin:1.5rem auto;color:#222}"
        "table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem}td,th{border:1px solid #bbb;"
        "padding:.25rem .45rem;text-align:left;vertical-align:top}th{background:#eee}"
        ".note{color:#555;font-size:.9rem}h2{margin-top:1.6rem;border-bottom:2px solid #333}"
        "@media print{h2{page-break-after:avoid}table{page-break-inside:avoid}}</style></head><body>",
        f"<h1>{e(title or t['title'])}</h1>",
        f'<p class="note">{e(t["modelled"])}</p>',
    ]
    if result is not None:
        r = result.request
        month = (_MONTHS_DA[r.month - 1] if lang == "da" else calendar.month_name[r.month])
        parts.append(f"<p>{e(HUB_BY_ID[r.start].name)} → {e(HUB_BY_ID[r.end or r.start].name)} · "
                     f"{r.days} × {r.hours_per_day:g} h · {e(month)} · "
                     f"{e(t['score'])} {trip.score:.0f} · {e(t['scenario'])}: {e(trip.benefits.scenario_name)}</p>")
    for day in trip.days:
        end = t["night"] if day.overnight else t["end"]
        parts.append(f"<h2>{e(t['day'])} {day.number}: {e(day.start.name)} → {e(day.base.name)}</h2>")
        parts.append(f"<p>{e(t['drive'])}: {day.drive_minutes:.0f} {e(t['min'])}"
                     + (f" · {e(t['ferry'])}: {day.ferry_minutes:.0f} {e(t['min'])}" if day.ferry_minutes else "")
                     + "</p>")
        rows = [f"<tr><td>{clock(day.leave)}</td><td>{e(t['leave'])} {e(day.start.name)}</td></tr>"]
        for leg, visit in zip(day.legs, day.visits):
            ferry = f" ({e(t['ferry'])}: {e(', '.join(leg.ferries))})" if leg.ferries else ""
            season = f" <i>({e(t['season'])})</i>" if not visit.season_known else ""
            rows.append(f"<tr><td>{clock(visit.start)}–{clock(visit.leave)}</td><td>{e(visit.name)} "
                        f"<span class=\"note\">{e(visit.category)}</span>{season}{ferry}</td></tr>")
        last = day.legs[-1] if day.legs else None
        ferry = f" ({e(t['ferry'])}: {e(', '.join(last.ferries))})" if last is not None and last.ferries else ""
        rows.append(f"<tr><td>{clock(day.arrive)}</td><td>{e(end)} {e(day.base.name)}{ferry}</td></tr>")
        parts.append(f"<table><tr><th>{e(t['time'])}</th><th>{e(t['stop'])}</th></tr>{''.join(rows)}</table>")
    b = trip.benefits
    parts.append(f"<h2>{e(t['benefits'])}</h2><table><tr><th>{e(t['company'])}</th><th>{e(t['nights'])}</th>"
                 f"<th>{e(t['visits'])}</th></tr>"
                 + "".join(f"<tr><td>{e(c.name)}</td><td>{c.nights}</td><td>{c.visits}</td></tr>"
                           for c in b.companies) + "</table>")
    parts.append(f"<p>{e(t['crossed'])}: {e(', '.join(b.crossed))}</p>")
    parts.append(f"<p>{e(t['splits'])}: {b.effective_splits:.2f}</p>")
    if result is not None and result.unfitted:
        parts.append(f"<h2>{e(t['unfitted'])}</h2><ul>"
                     + "".join(f"<li>{e(u.detail)}</li>" for u in result.unfitted) + "</ul>")
    assumptions = result.assumptions if result is not None else ASSUMPTIONS
    parts.append(f"<h2>{e(t['assumptions'])}</h2><ul>"
                 + "".join(f"<li><b>{e(str(k))}</b>: {e(json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v)}</li>"
                           for k, v in assumptions.items()) + "</ul>")
    parts.append("</body></html>")
    return "\n".join(parts)
