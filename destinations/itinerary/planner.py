"""The Danish trip planner: multi-day trips with overnight bases that a local would hand to a guest.

:func:`plan_trip` turns a :class:`~destinations.itinerary.request.TripRequest` (start and end hub,
days, month, themes, must-sees and exclusions, pace, driving limit, base mode) into a
:class:`~destinations.itinerary.trip.TripResult`: the best trip and up to two alternatives, day by
day with where the guest sleeps, what they see and why, the clock (opening hours, lunch, latest
return), the driving and ferries, and which destination companies host nights and visits. Every
figure is **modelled** (``kind = "modelled"``); the assumptions are listed in :data:`ASSUMPTIONS`
and reported with every result.

How
---
1. The request is validated (:mod:`~destinations.itinerary.request`) and turned into a model and
   an orienteering-with-hotel-selection problem (:mod:`~destinations.itinerary.assembly`): reasons
   to go first (:mod:`~destinations.itinerary.scoring`), base towns and base-change rules
   (:mod:`~destinations.itinerary.places`), days that fit a day (:mod:`~destinations.itinerary.days`).
2. The solver (:func:`~destinations.itinerary.solver.solve`) searches within an **iteration
   budget** (:data:`PLAN_BUDGET` per itinerary) with a seeded random stream per itinerary, so the
   same request and seed give the same trip on any machine. A time limit may stop it earlier; the
   result then says ``stopped_by == "time"``.
3. Each day gets its real clock with lunch and is made to fit (:func:`~destinations.itinerary.assembly.fit_days`).
4. Alternatives are solved with the previous trips' attractions scored at
   :data:`ALTERNATIVE_PENALTY` of their value, so they show other places.
5. Must-sees that could not be fitted are explained (closed, too long a day, too much driving,
   outside opening hours, or only together with the rest).
"""

from __future__ import annotations

import calendar
import math
import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from destinations.errors import SolverError
from destinations.itinerary.assembly import (BASE_CHANGE_PENALTY, PlanModel, build_model, fit_days,
                                             trip_days)
from destinations.itinerary.attribution import plan_of, trip_benefits
from destinations.itinerary.days import DAY_START, LATEST_RETURN, LUNCH_BY, LUNCH_FROM, LUNCH_MINUTES
from destinations.itinerary.places import BASE_TYPES, HUB_SOURCE, MIN_BASE_OVERNIGHTS, TOWN_SOURCE
from destinations.itinerary.problem import EPS, Problem, Solution
from destinations.itinerary.request import TripRequest, TripRequestError, validate_request
from destinations.itinerary.scoring import (COPENHAGEN_ICONS, DEFAULT_VISIT_MINUTES, DRAW_EXPONENT,
                                            ESTIMATE_CAP, EVENT_THEME, VISITOR_FLOOR,
                                            ICON_FACTOR, LIGHTHOUSE_VISITORS, MAX_THEME_MATCHES,
                                            REACH_HALF_MINUTES, REACH_MINUTES_PER_DAY,
                                            WORLD_HERITAGE_FACTOR,
                                            OPENING_HOURS, THEME_MISS_FACTOR, THEME_WEIGHT,
                                            UNKNOWN_SEASON_FACTOR,
                                            VISIT_MINUTES, clock)
from destinations.itinerary.solver import solve
from destinations.itinerary.trip import Note, Trip, TripResult, Unfitted
from destinations.model import Attraction

#: Score multiplier, in an alternative, for attractions an earlier trip already visits.
ALTERNATIVE_PENALTY = 0.25
#: Search iterations for the best trip; each alternative gets :data:`ALTERNATIVE_BUDGET_SHARE` of it.
PLAN_BUDGET = 1000
ALTERNATIVE_BUDGET_SHARE = 0.5
#: Share of the time limit given to the best trip; the alternatives share the rest.
MAIN_TIME_SHARE = 0.5

Progress = Callable[[float, int], None]


def _hours_text(month: int) -> dict[str, str]:
    return {category: "-".join(clock(v) for v in rule(month)) for category, rule in OPENING_HOURS.items()}


ASSUMPTIONS: dict[str, Any] = {
    "kind": "modelled",
    "day": f"leave the base at {clock(DAY_START)}; a {LUNCH_MINUTES}-minute lunch starts between "
           f"{clock(LUNCH_FROM)} and {clock(LUNCH_BY)} (first moment not inside a visit; inside a park "
           f"or zoo visit); back by 09:00 + hours a day + lunch, never after {clock(LATEST_RETURN)}",
    "visit_minutes_by_category": dict(VISIT_MINUTES),
    "default_visit_minutes": DEFAULT_VISIT_MINUTES,
    "opening_hours_july": _hours_text(7),
    "opening_hours_january": _hours_text(1),
    "opening_hours": "typical Danish hours by category and month (castles and heritage sites "
                     "shorter in winter, zoos and parks longer in summer); outdoor sights in "
                     "daylight (sunrise/sunset at 56° N); the data hold no opening hours",
    "open_months": "from the attraction data; attractions with unknown season are kept, flagged "
                   f"and scored x{UNKNOWN_SEASON_FACTOR}",
    "score": f"10 x (max(1, (visitors / {VISITOR_FLOOR:,}) ** {DRAW_EXPONENT:g}) + [visitors >= "
             f"{LIGHTHOUSE_VISITORS:,}]) x (1 + {THEME_WEIGHT:g} x matched themes, at most "
             f"{MAX_THEME_MATCHES}; x{THEME_MISS_FACTOR:g} when themes were chosen and none matches) x "
             "season factor; visitors: one published figure per attraction "
             "(latest normal year, exact before rounded before estimate, never averaged; an "
             f"estimate counts at most {ESTIMATE_CAP:,}); unknown visitors add nothing",
    "venues": f"event venues (stadiums, arenas, concert halls, trade-fair centres, festival grounds) "
              f"only with the theme '{EVENT_THEME}' or as a must-see; festival grounds only in "
              "festival months",
    "copenhagen_icons": f"{', '.join(COPENHAGEN_ICONS)} come first (unless excluded) when the trip "
                        "starts or ends in Greater Copenhagen (Wonderful Copenhagen's "
                        "municipalities) and they are open: each outweighs all ordinary sights, a "
                        f"guest's own must-see outweighs all icons; elsewhere they score x{ICON_FACTOR:g}",
    "world_heritage": "UNESCO World Heritage sites count as lighthouses and score x"
                      f"{WORLD_HERITAGE_FACTOR:g} (the listing is a reason to go that ticket counts "
                      "miss)",
    "reach": f"an attraction more than {REACH_MINUTES_PER_DAY:g} travel minutes per trip day off the "
             "way (half of start -> attraction -> end minus start -> end) loses half its score "
             f"every {REACH_HALF_MINUTES:g} minutes further",
    "overnight_bases": f"base towns (a curated list: {TOWN_SOURCE}) whose municipality has >= "
                       f"{MIN_BASE_OVERNIGHTS:g} overnights in {', '.join(BASE_TYPES)} that month "
                       "in the facts layer (modelled unless official files are present); never at "
                       "a hub",
    "base_changes": f"'auto': a change of base costs {BASE_CHANGE_PENALTY:g} score points and at "
                    "most nights // 2 changes (2-3 places in 5 days); 'one': one base (star trip); "
                    "'road': changes cost nothing",
    "travel": "min(straight-line road estimate within one landmass, road to own anchor + travel "
              "graph shortest path (bridges, tunnels, ferries with crossing minutes) + road from "
              "anchor); road minutes = km x circuity / speed (destinations.data.graph)",
    "driving": "ferry crossing minutes are travel time, not driving; base pairs further apart "
               "than the daily cap cannot follow each other; a day over any limit loses the visit "
               "that saves most time per point, then is refilled",
    "search": f"iteration budget {PLAN_BUDGET} for the best trip, x{ALTERNATIVE_BUDGET_SHARE:g} per "
              "alternative; same request and seed give the same trip; a time limit may stop "
              "earlier (stopped_by 'time')",
    "alternatives": f"fresh random stream; earlier trips' attractions scored x{ALTERNATIVE_PENALTY}",
    "hubs": HUB_SOURCE,
    "seasonal_links": "ferries marked seasonal in the link data are taken as sailing",
}


def load_default_facts(base: Any, request: TripRequest) -> Any:
    """The facts table of the request's year (default: the latest)."""
    from destinations.facts import available_years, load_facts

    return load_facts(base, request.facts_year or max(available_years(base)))


def plan_trip(base: Any, request: TripRequest, *, scenario: Any = None, facts: Any = None,
              rng: np.random.Generator, time_limit: float | None = 5.0,
              on_progress: Progress | None = None, max_iterations: int | None = None,
              budget: int | None = None, cancel: Callable[[], bool] | None = None,
              seed: int | None = None) -> TripResult:
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
        :class:`~destinations.facts.FactsTable` for the base towns (default: the latest year).
    rng
        Source of all randomness (each itinerary gets a child stream).
    time_limit
        Wall-clock seconds for the whole call (``None``: none); each solver run gets its share of
        what is left when it starts. Hitting it makes ``stopped_by == "time"``.
    on_progress
        Called with ``(fraction done, itinerary number 1..3)``.
    max_iterations, budget
        Search iterations for the best trip (``budget`` wins; default :data:`PLAN_BUDGET`); each
        alternative gets :data:`ALTERNATIVE_BUDGET_SHARE` of it.
    cancel
        Returning True stops the search; the best trips so far are returned.
    seed
        The seed ``rng`` was made from, recorded in the result (share links).

    Returns
    -------
    TripResult
        Never raises for must-sees that do not fit: they are listed in ``unfitted`` with reasons.

    Raises
    ------
    TripRequestError
        For unknown hubs, themes or attractions, bad numbers, contradictory must-sees, a month
        with nothing open, or when the end hub cannot be reached within the days and limits.
    """
    t0 = time.perf_counter()
    request = validate_request(base, request)
    if facts is None:
        facts = load_default_facts(base, request)
    model = build_model(base, request, facts=facts)
    assignment, names, label = plan_of(base, scenario)
    runs = request.alternatives
    main_budget = int(budget if budget is not None else (max_iterations if max_iterations is not None
                                                         else PLAN_BUDGET))
    budgets = [main_budget] + [max(1, int(main_budget * ALTERNATIVE_BUDGET_SHARE))] * (runs - 1)
    shares = [b / sum(budgets) for b in budgets]
    streams = rng.spawn(runs)
    trips: list[Trip] = []
    seen: set[tuple] = set()
    scores = np.array(model.scores, dtype=float)
    first: tuple[Problem, Solution] | None = None
    done = 0.0
    iterations = 0
    stopped = "budget"
    for k in range(runs):
        problem = model.problem(scores)

        def report(fraction: float, _best: Solution, k: int = k, done: float = done) -> None:
            if on_progress is not None:
                on_progress(min(1.0, done + shares[k] * fraction), k + 1)

        limit = None
        if time_limit is not None:
            left = max(0.0, t0 + time_limit - time.perf_counter())
            limit = left * (MAIN_TIME_SHARE if k == 0 and runs > 1 else shares[k] / sum(shares[k:]))
        try:
            solution = solve(problem, rng=streams[k], budget=budgets[k], time_limit=limit,
                             on_progress=report, cancel=cancel)
        except SolverError as exc:
            raise _unreachable(model) from exc
        iterations += solution.iterations
        if solution.stopped_by in ("time", "cancelled"):
            stopped = solution.stopped_by
        solution = fit_days(model, problem, solution)
        done += shares[k]
        if k == 0:
            first = (problem, solution)
        key = tuple(tuple(day) for day in solution.days)
        if key not in seen:
            seen.add(key)
            trips.append(make_trip(model, base, solution.days, assignment=assignment, names=names,
                                   label=label, variant=k + 1))
        for v in solution.visited:
            if v not in model.required and v not in model.icons:
                scores[v] = model.scores[v] * ALTERNATIVE_PENALTY
        if stopped == "cancelled":
            break
    if on_progress is not None:
        on_progress(1.0, runs)
    assert first is not None
    problem, solution = first
    return TripResult(**_result_fields(request, trips, base, model, problem, solution),
                      runtime_s=round(time.perf_counter() - t0, 3), iterations=iterations,
                      stopped_by=stopped, seed=seed)


def _result_fields(request: TripRequest, trips: list[Trip], base: Any, model: PlanModel,
                   problem: Problem, solution: Solution) -> dict:
    unfitted = unfitted_must_sees(base, model, problem, solution)
    return {"request": request, "trips": tuple(trips), "unfitted": tuple(unfitted),
            "explanation": _explanation(request, unfitted), "notes": tuple(_notes(base, model, trips[0])),
            "bases": len(model.towns), "candidates": len(model.attractions),
            "facts_year": model.facts_year, "assumptions": dict(ASSUMPTIONS)}


def make_trip(model: PlanModel, base: Any, days: Sequence[Sequence[int]], *, assignment: Any,
              names: Any, label: str, variant: int) -> Trip:
    """A :class:`Trip` of node sequences (scores, records and who benefits)."""
    records = trip_days(model, base, days)
    score = float(sum(model.scores[v] for day in days for v in day[1:-1]))
    return Trip(days=records, score=round(score, 4),
                benefits=trip_benefits(records, assignment=assignment, names=names, scenario_name=label),
                variant=variant)


# ============================================================================ explaining misses
def _minutes_text(minutes: float) -> str:
    minutes = int(round(minutes))
    return f"{minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"{minutes} min"


def unfitted_must_sees(base: Any, model: PlanModel, problem: Problem, solution: Solution) -> list[Unfitted]:
    """The guest's must-sees the trip leaves out, each with why (icons are noted, not listed)."""
    request = model.request
    out = [Unfitted(a, base.attraction_by_id[a].name, "closed",
                    _closed_text(base.attraction_by_id[a], request.month))
           for a in model.closed_must_see]
    out += [Unfitted(a, base.attraction_by_id[a].name, "hours",
                     f"{base.attraction_by_id[a].name} is open for less time than a visit takes "
                     f"in {calendar.month_name[request.month]} (assumed opening hours)")
            for a in model.short_must_see]
    visited = {v for day in solution.days for v in day[1:-1]}
    must = set(request.must_see)
    missing = sorted((v for v in model.required - visited if model.places[v].id in must),
                     key=lambda v: request.must_see.index(model.places[v].id))
    return out + [_explain_missing(model, solution, v) for v in missing]


def _explain_missing(model: PlanModel, solution: Solution, node: int) -> Unfitted:
    """Why must-see ``node`` is not in ``solution``: alone it needs too long a day, too much driving,
    or it only fails together with the rest of the trip."""
    r = model.request
    place = model.places[node]
    budget = r.hours_per_day * 60.0
    travel, drive = model.travel, model.drive
    service = float(model.service[node])
    lo, hi = model.windows[node] or (0.0, math.inf)
    best_time, best_drive = math.inf, math.inf
    fits_alone = False
    # Every day of the trip as planned, and every pair of bases (a multi-day trip may move its bases).
    pairs = {(day[0], day[-1]) for day in solution.days}
    if r.days > 1:
        pairs |= {(a, b) for a in model.hotels for b in model.hotels}
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
        if theme == EVENT_THEME:
            continue
        if not any(theme in base.attraction_by_id[model.places[i].id].themes for i in model.attractions):
            out.append(Note("theme_closed", (("theme", theme),)))
    visited = {v.attraction_id for v in trip.visits}
    left = [model.places[i].name for i in sorted(model.icons) if model.places[i].id not in visited]
    if left:
        out.append(Note("icon_missing", (("names", ", ".join(left)),)))
    return out


def _unreachable(model: PlanModel) -> TripRequestError:
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
