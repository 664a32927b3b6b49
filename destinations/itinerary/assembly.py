"""Itinerary assembly: the numeric model of a request, the driving cap, and days built from a solution.

* **The model** (:func:`build_model`): node order start hub, end hub (if different), overnight
  bases, attractions; travel, driving and "via the travel graph" matrices; visit lengths, opening
  windows and scores.
* **Days** leave the base at :data:`~destinations.itinerary.scoring.DAY_START` and must reach the
  next base within ``hours_per_day``; the driving of a day is capped at ``max_drive_minutes``. The
  generic problem has no second budget, so the cap is enforced in three steps: hotel pairs further
  apart than the cap cannot follow each other directly (their leg is made longer than any day);
  after the search, a day over the cap loses the visit that saves most driving per point until it
  fits (must-sees last); the time freed is refilled greedily with visits that keep both limits.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from destinations.itinerary.places import (HUB_BY_ID, MIN_BASE_BED_PLACES, Hub, Place, TO_LONLAT, TO_XY,
                                           base_points, leg_matrices, lonlat, open_bases, travel_model)
from destinations.itinerary.problem import EPS, Problem, Solution, trip_schedule
from destinations.itinerary.request import TripRequest, TripRequestError
from destinations.itinerary.scoring import DAY_START, attraction_score, opening_window, visit_minutes
from destinations.itinerary.trip import Leg, Segment, Stop, TripDay, Visit

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
        x, y = TO_XY.transform(hub.lon, hub.lat)
        places.append(Place("hub", hub.id, hub.name, hub.kommune_code, hub.lat, hub.lon, float(x), float(y)))
        return len(places) - 1

    start = add_hub(HUB_BY_ID[request.start])
    end = start if request.end == request.start else add_hub(HUB_BY_ID[request.end])
    points = base_points(base, sorted(beds, key=lambda c: (len(c), c)))
    for code, (x, y, spot) in points.items():
        lon, lat = TO_LONLAT.transform(x, y)
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
        x, y = TO_XY.transform(a.lon, a.lat)
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


def _stop(place: Place) -> Stop:
    return Stop(kind=place.kind, id=place.id, name=place.name, code=place.code, lat=place.lat, lon=place.lon)


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
    anchors = {c: lonlat(tm.anchor_x[tm.index[c]], tm.anchor_y[tm.index[c]]) for c in path}
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


def trip_days(model: PlanModel, problem: Problem, base: Any, solution: Solution) -> tuple[TripDay, ...]:
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
