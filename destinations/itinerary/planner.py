"""The Danish trip planner: multi-day road trips with overnight bases, and who benefits from them.

This module (with :mod:`~destinations.itinerary.assembly`) turns a :class:`TripRequest` (start and end hub, days, month, themes, pace, driving
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
import math
import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from destinations.errors import SolverError
from destinations.itinerary.assembly import PlanModel, build_model, enforce_driving, trip_days
from destinations.itinerary.attribution import plan_of, trip_benefits
from destinations.itinerary.places import BASE_TYPES, HUB_SOURCE, MIN_BASE_BED_PLACES
from destinations.itinerary.problem import EPS, Problem, Solution
from destinations.itinerary.request import TripRequest, TripRequestError, validate_request
from destinations.itinerary.scoring import (ASSUMED_HOURS, DEFAULT_VISIT_MINUTES, MAX_THEME_MATCHES,
                                            THEME_WEIGHT, UNKNOWN_SEASON_FACTOR, VISIT_MINUTES, DAY_START)
from destinations.itinerary.solver import solve
from destinations.itinerary.trip import Note, Trip, TripResult, Unfitted
from destinations.model import Attraction

#: Score multiplier, in an alternative, for attractions an earlier trip already visits.
ALTERNATIVE_PENALTY = 0.25
#: Share of the time limit given to the main trip; the alternatives share the rest.
MAIN_TIME_SHARE = 0.5


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
    "hubs": HUB_SOURCE,
    "seasonal_links": "ferries marked seasonal in the link data are taken as sailing",
}


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
    assignment, names, label = plan_of(base, scenario)
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
            days = trip_days(model, problem, base, solution)
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
                      facts_year=model.facts_year, runtime_s=round(time.perf_counter() - t0, 3),
                      assumptions=dict(ASSUMPTIONS))


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
