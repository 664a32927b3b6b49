"""Itinerary assembly: the numeric model of a request, days that fit, and the trip records.

* **The model** (:func:`build_model`): nodes are the start hub, the end hub (if different), the
  base towns open that month (:func:`destinations.itinerary.places.base_towns`) and the candidate
  attractions: open in the month or with an unknown season, not excluded, and not a venue unless
  the guest asks for events or names it (:mod:`destinations.itinerary.scoring`). Each candidate has
  a visit length, an opening window on its category's hours that month, a score and a "why".
  Copenhagen's icons come first when the trip starts or ends in Greater Copenhagen: each is
  worth more than all ordinary sights together, and a guest's own must-see more than all icons.
  A candidate far off the way between the start and end hubs loses value
  (:func:`~destinations.itinerary.scoring.reach_factor`): days are for seeing, not driving.
* **The solver's problem** (:meth:`PlanModel.problem`): one trip per day from 09:00 whose budget
  is the latest return minus 09:00 minus the lunch break (held back for it; latest starts are
  brought forward by the lunch break too, since the solver's clock has none), nights only in base
  towns, and the base rule of the request's mode: ``auto`` costs :data:`BASE_CHANGE_PENALTY`
  score points per change of base and allows at most ``nights // 2`` changes (2-3 places in 5
  days), ``one`` allows none (a star trip), ``road`` costs nothing. Base pairs further apart than
  the driving cap cannot follow each other.
* **Days that fit** (:func:`fit_days`): the solver's days get their real clock with lunch
  (:func:`destinations.itinerary.days.schedule_day`); a day that then closes a visit late, returns
  after the latest return or drives over the cap loses the visit that saves most time per point
  (must-sees last) until it fits, and the time freed is refilled greedily with visits that keep
  every rule.
"""

from __future__ import annotations

import calendar
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from destinations.itinerary.days import (DAY_START, LUNCH_MINUTES, latest_return, schedule_day,
                                         schedule_fits)
from destinations.itinerary.places import (HUB_BY_ID, MIN_BASE_OVERNIGHTS, Hub, Place, TO_XY,
                                           base_towns, leg_matrices, lonlat, open_bases, travel_model)
from destinations.itinerary.problem import EPS, Problem, Solution
from destinations.itinerary.request import TripRequest, TripRequestError
from destinations.itinerary.scoring import (COPENHAGEN_ICONS, EVENT_THEME, GREATER_COPENHAGEN,
                                            ICON_FACTOR, appeal, is_venue, opening_hours,
                                            opening_window, reach_factor, visit_minutes)
from destinations.itinerary.trip import Leg, Segment, Stop, TripDay, Visit

#: Score points a change of base costs in ``auto`` mode (packing, checking out and in: about what
#: an ordinary sight is worth).
BASE_CHANGE_PENALTY = 15.0

_VISITORS: "weakref.WeakKeyDictionary[Any, dict]" = weakref.WeakKeyDictionary()


def visitor_counts(base: Any) -> dict:
    """Attraction name -> the published visitor figure used (one per attraction, by the rule of
    :func:`destinations.data.visitors.chosen_visitor_counts`), computed once per base."""
    cached = _VISITORS.get(base)
    if cached is None:
        from destinations.data.visitors import (chosen_visitor_counts, figures_from_attractions,
                                                load_attraction_visitors)

        figures = load_attraction_visitors(base.settings) + figures_from_attractions(base.attractions)
        cached = chosen_visitor_counts(figures)
        _VISITORS[base] = cached
    return cached


def max_base_changes(request: TripRequest) -> int | None:
    """The most changes of base the request's mode allows (``None``: no limit)."""
    nights = max(0, request.days - 1)
    return {"one": 0, "road": None}.get(request.bases, nights // 2)


def greater_copenhagen(base: Any) -> frozenset[str]:
    """Municipality codes of Greater Copenhagen (today's members of Wonderful Copenhagen)."""
    return frozenset(c for c, company in base.today_assignment.items() if company == GREATER_COPENHAGEN)


@dataclass(frozen=True, eq=False)
class PlanModel:
    """The numeric model of a validated request: places, matrices and what was left out.

    Node order: start hub, end hub (if different), base towns, attractions.
    """

    request: TripRequest
    places: tuple[Place, ...]
    travel: np.ndarray  # modelled minutes, read-only
    drive: np.ndarray  # driving minutes (travel minus ferry crossings)
    via: np.ndarray  # leg follows the travel graph
    service: np.ndarray
    windows: tuple[tuple[float, float] | None, ...]  # (earliest, latest start) of a visit
    opens: np.ndarray  # assumed opening and closing clock minutes (0 / inf for hubs and towns)
    closes: np.ndarray
    scores: np.ndarray  # attractions' scores, 0 for hubs and towns
    whys: tuple[str, ...]  # why each attraction is worth the stop ("" for hubs and towns)
    start: int
    end: int
    hotels: tuple[int, ...]  # start, end and the towns
    towns: tuple[int, ...]
    attractions: tuple[int, ...]
    required: frozenset[int]  # the guest's must-sees
    icons: frozenset[int]  # Copenhagen's icons put first by the rule
    closed_must_see: tuple[str, ...]  # must-sees closed in the month (not nodes)
    short_must_see: tuple[str, ...]  # must-sees whose opening hours are shorter than the visit
    base_overnights: dict[str, float]  # kommune code -> overnights that month (base towns' municipalities)
    facts_year: int
    season_unknown: frozenset[str]  # attraction ids kept although their season is unknown
    limit: float  # latest return (clock minutes)

    @property
    def node_of(self) -> dict[str, int]:
        """Attraction id -> node."""
        return {self.places[i].id: i for i in self.attractions}

    @property
    def bed_places(self) -> dict[str, float]:
        """Former name of :attr:`base_overnights`."""
        return self.base_overnights

    def barred(self) -> np.ndarray:
        """Travel matrix with hotel pairs further apart than the driving cap made impassable."""
        travel = np.array(self.travel, dtype=float)
        cap = self.request.max_drive_minutes
        hotels = np.array(self.hotels, dtype=int)
        block = self.drive[np.ix_(hotels, hotels)] > cap + EPS
        sub = travel[np.ix_(hotels, hotels)]
        sub[block] = 10.0 * 24 * 60
        travel[np.ix_(hotels, hotels)] = sub
        return travel

    def problem(self, scores: np.ndarray | None = None) -> Problem:
        """The solver's :class:`Problem` (scores default to :attr:`scores`; the icons get more than
        all other scores together, so they come first, after the guest's must-sees)."""
        r = self.request
        budget = max(0.0, self.limit - DAY_START - LUNCH_MINUTES)
        weights = np.array(self.scores if scores is None else scores, dtype=float)
        # The solver's clock has no lunch: a visit after lunch really starts LUNCH_MINUTES later,
        # so its latest start is brought forward by that much (the budget holds lunch back too).
        windows = [None if w is None else (w[0], max(w[0], w[1] - LUNCH_MINUTES)) for w in self.windows]
        if self.icons:
            icons = sorted(self.icons)
            weights[icons] += float(np.delete(weights, icons).sum()) + 1.0
        return Problem.from_cost_matrix(
            self.barred(), score=weights,
            budgets=[budget] * r.days, hotels=self.hotels, start=self.start, end=self.end,
            service=self.service, time_windows=windows, day_start=float(DAY_START),
            required=self.required, name="trip", night_hotels=self.towns,
            hotel_change_penalty=BASE_CHANGE_PENALTY if r.bases == "auto" else 0.0,
            max_hotel_changes=max_base_changes(r), drive=self.drive, drive_caps=r.max_drive_minutes)


def build_model(base: Any, request: TripRequest, *, facts: Any) -> PlanModel:
    """The :class:`PlanModel` of a validated request (see :func:`validate_request`).

    Raises
    ------
    TripRequestError
        When no town has accommodation open in the month, or no attraction is open in it.
    """
    month = request.month
    overnights = open_bases(facts, month)
    towns = base_towns(facts, month)
    if not towns:
        raise TripRequestError(f"No base town has {MIN_BASE_OVERNIGHTS:g} or more overnights in "
                               f"{calendar.month_name[month]} in the facts layer. Fix: choose another "
                               "month.", field="month")
    places: list[Place] = []

    def add_hub(hub: Hub) -> int:
        x, y = TO_XY.transform(hub.lon, hub.lat)
        places.append(Place("hub", hub.id, hub.name, hub.kommune_code, hub.lat, hub.lon, float(x), float(y)))
        return len(places) - 1

    start = add_hub(HUB_BY_ID[request.start])
    end = start if request.end == request.start else add_hub(HUB_BY_ID[request.end])
    first_town = len(places)
    for town in towns:
        x, y = TO_XY.transform(town.lon, town.lat)
        places.append(Place("base", town.id, town.name, town.kommune_code, town.lat, town.lon,
                            float(x), float(y)))
    town_nodes = tuple(range(first_town, len(places)))
    must = set(request.must_see)
    excluded = set(request.exclude)
    copenhagen = greater_copenhagen(base)
    icon_rule = bool({places[start].code, places[end].code} & copenhagen)
    closed: list[str] = []
    short: list[str] = []
    unknown: set[str] = set()
    first_attraction = len(places)
    for a in base.attractions:
        if a.id in excluded:
            continue
        if is_venue(a) and EVENT_THEME not in request.themes and a.id not in must:
            continue  # no sight without an event
        is_open = a.is_open(month)
        if is_open is False:
            if a.id in must:
                closed.append(a.id)
            continue
        if opening_window(a, month) is None:
            if a.id in must:
                short.append(a.id)
            continue
        if is_open is None:
            unknown.add(a.id)
        x, y = TO_XY.transform(a.lon, a.lat)
        places.append(Place("attraction", a.id, a.name, a.kommune_code, a.lat, a.lon, float(x), float(y)))
    n = len(places)
    attractions = tuple(range(first_attraction, n))
    if not attractions:
        raise TripRequestError(f"Every attraction is closed in {calendar.month_name[month]} (or "
                               "excluded). Fix: choose another month or exclude fewer.", field="month")
    travel, drive, via = leg_matrices(travel_model(base), np.array([p.x for p in places]),
                                      np.array([p.y for p in places]), [p.code for p in places])
    by_id = base.attraction_by_id
    counts = visitor_counts(base)
    service = np.zeros(n)
    scores = np.zeros(n)
    opens = np.zeros(n)
    closes = np.full(n, np.inf)
    windows: list[tuple[float, float] | None] = [None] * n
    whys = [""] * n
    icon_nodes = set()
    for i in attractions:
        a = by_id[places[i].id]
        icon = a.id in COPENHAGEN_ICONS
        if icon and icon_rule:
            icon_nodes.add(i)
        found = appeal(a, request.themes, visitors=counts.get(a.name), must=a.id in must,
                       icon=icon, icon_factor=1.0 if icon_rule else ICON_FACTOR)
        service[i] = visit_minutes(a)
        detour = (travel[start, i] + travel[i, end] - travel[start, end]) / 2.0
        scores[i] = round(found.score * reach_factor(detour, request.days), 4)
        whys[i] = found.why
        opens[i], closes[i] = opening_hours(a, month)
        windows[i] = opening_window(a, month)
    required = frozenset(i for i in attractions if places[i].id in must)
    for arr in (travel, drive, via, service, scores, opens, closes):
        arr.setflags(write=False)
    return PlanModel(
        request=request, places=tuple(places), travel=travel, drive=drive, via=via,
        service=service, windows=tuple(windows), opens=opens, closes=closes, scores=scores,
        whys=tuple(whys), start=start, end=end, hotels=(start, end, *town_nodes) if end != start
        else (start, *town_nodes), towns=town_nodes, attractions=attractions, required=required,
        icons=frozenset(icon_nodes), closed_must_see=tuple(closed), short_must_see=tuple(short),
        base_overnights=overnights, facts_year=int(facts.year), season_unknown=frozenset(unknown),
        limit=latest_return(request.hours_per_day))


# ============================================================================ days that fit
def day_schedule(model: PlanModel, nodes: Sequence[int]):
    """The clock of one day (:func:`destinations.itinerary.days.schedule_day`)."""
    return schedule_day(nodes, travel=model.travel, drive=model.drive, service=model.service,
                        opens=model.opens)


def day_fits(model: PlanModel, nodes: Sequence[int]) -> bool:
    """Whether a day keeps opening hours, lunch, the latest return and the driving cap."""
    return schedule_fits(day_schedule(model, nodes), nodes, closes=model.closes, limit=model.limit,
                         cap=model.request.max_drive_minutes)


def day_violation(model: PlanModel, nodes: Sequence[int]) -> float:
    """How far a day breaks its rules, in minutes (0: it fits): visits ending after closing, the
    return after the latest return, driving over the cap."""
    sched = day_schedule(model, nodes)
    late = sum(max(0.0, sched.leave[k] - model.closes[nodes[k]]) for k in range(1, len(nodes) - 1))
    return (late + max(0.0, sched.end - model.limit)
            + max(0.0, sched.drive - model.request.max_drive_minutes))


def fit_days(model: PlanModel, problem: Problem, solution: Solution) -> Solution:
    """``solution`` with every day fitting a day (module docstring): drop, then refill.

    A day over its limits loses, one at a time, the visit whose removal leaves the smallest
    violation (driving is no metric: a visit reached by ferry can drive less than the direct
    road), then the guest's must-sees last, then the least score per minute saved.
    """
    score = problem.score
    days = [list(day) for day in solution.days]
    t = model.travel
    for d, day in enumerate(days):
        original = list(day)
        violation = day_violation(model, day)
        while violation > 1e-6 and len(day) > 2:
            best, best_key = None, None
            for k in range(1, len(day) - 1):
                a, v, b = day[k - 1], day[k], day[k + 1]
                saved = t[a, v] + model.service[v] + t[v, b] - t[a, b]
                after = day_violation(model, day[:k] + day[k + 1:])
                key = (round(after, 6), v in problem.required, float(score[v]) / max(saved, 1e-6))
                if best_key is None or key < best_key:
                    best, best_key = k, key
            day.pop(best)
            violation = best_key[0]
        if violation > 1e-6:
            days[d] = _best_subset(model, problem, original) or day
    _refill(model, problem, days)
    _spread_into_empty_days(model, days)
    _lighthouses_early(model, days)
    return Solution.from_days(problem, days)


def _lighthouses_early(model: PlanModel, days: list[list[int]]) -> None:
    """Put the days with Copenhagen's icons, then the days worth most, as early in the trip as
    they still fit: a guest sees Tivoli and Nyhavn on the first days, not on the way back to
    the airport. Two days swap their visits only when each set fits the other day (its base at
    both ends, opening hours, lunch, return time, driving), so the score stays the same."""
    def key(day: list[int]) -> tuple[int, float]:
        inner = day[1:-1]
        return (sum(v in model.icons for v in inner), float(sum(model.scores[v] for v in inner)))

    for i in range(len(days) - 1):
        order = sorted(range(i + 1, len(days)), key=lambda j: key(days[j]), reverse=True)
        for j in order:
            if key(days[j]) <= key(days[i]):
                break
            here = _fitting_order(model, days[i][0], days[j][1:-1], days[i][-1])
            there = _fitting_order(model, days[j][0], days[i][1:-1], days[j][-1])
            if here is not None and there is not None:
                days[i], days[j] = here, there
                break


def _fitting_order(model: PlanModel, start: int, visits: list[int], end: int) -> list[int] | None:
    """A day from ``start`` through ``visits`` to ``end`` that fits: in their order, or reversed
    (a day's visits moved to a day that starts where the other ended run best the other way)."""
    for inner in (visits, visits[::-1]):
        day = [start, *inner, end]
        if day_fits(model, day):
            return day
    return None


def _spread_into_empty_days(model: PlanModel, days: list[list[int]]) -> None:
    """Give a day without visits some of a neighbouring day's (same visits, same score): a guest
    spends three days on Bornholm seeing something every day, not four sights and then a day in
    the room. The last visits of the day before (which ends where the empty day starts) or the
    first visits of the day after (which starts where it ends) move over when both days still
    fit; the split that leaves the two days most even in visits wins."""
    for _ in range(len(days)):
        moved = False
        for d, day in enumerate(days):
            if len(day) > 2:
                continue
            best, best_key = None, None
            if d > 0 and len(days[d - 1]) > 3:
                prev = days[d - 1]
                for k in range(2, len(prev) - 1):
                    before, now = prev[:k] + [prev[-1]], [day[0], *prev[k:-1], day[-1]]
                    key = abs(len(before) - len(now))
                    if (best_key is None or key < best_key) and day_fits(model, before) \
                            and day_fits(model, now):
                        best, best_key = (d - 1, before, now), key
            if d + 1 < len(days) and len(days[d + 1]) > 3:
                nxt = days[d + 1]
                for k in range(2, len(nxt) - 1):
                    now, after = [day[0], *nxt[1:k], day[-1]], [nxt[0], *nxt[k:]]
                    key = abs(len(after) - len(now))
                    if (best_key is None or key < best_key) and day_fits(model, now) \
                            and day_fits(model, after):
                        best, best_key = (d + 1, after, now), key
            if best is not None:
                other, other_day, now = best
                days[other], days[d] = other_day, now
                moved = True
        if not moved:
            return


#: Visits of a day up to which every subset is tried when dropping one at a time cannot fit it.
_SUBSET_VISITS = 8


def _best_subset(model: PlanModel, problem: Problem, day: list[int]) -> list[int] | None:
    """The highest-scoring subset of ``day``'s visits (order kept) that fits, or ``None``: for a
    day whose direct base-to-base drive is over the cap but a visit on a ferry route is not."""
    inner = day[1:-1][:_SUBSET_VISITS]
    best, best_value = None, -1.0
    for mask in range(1, 1 << len(inner)):
        chosen = [v for j, v in enumerate(inner) if mask >> j & 1]
        trial = [day[0], *chosen, day[-1]]
        value = float(sum(problem.score[v] for v in chosen)) + 1e9 * sum(v in problem.required for v in chosen)
        if value > best_value and day_fits(model, trial):
            best, best_value = trial, value
    return best


#: Candidates tried per refill step (best score per added minute first).
_REFILL_TRIES = 60


def _refill(model: PlanModel, problem: Problem, days: list[list[int]]) -> None:
    """Insert unvisited attractions (best score per added minute first) while every rule holds."""
    visited = {v for day in days for v in day[1:-1]}
    pool = np.array([v for v in model.attractions if v not in visited
                     and (problem.score[v] > 0 or v in problem.required)], dtype=int)
    t = model.travel
    # Must-sees (and the icons) first: their weight exceeds every other score together.
    big = float(problem.score.sum()) + 1.0
    weight = np.array(problem.score, dtype=float) + np.isin(np.arange(problem.n), list(problem.required)) * big
    while pool.size:
        options = []
        for d, day in enumerate(days):
            route = np.array(day)
            prev, nxt = route[:-1], route[1:]
            added = t[prev][:, pool] + model.service[pool][None, :] + t[:, nxt][pool].T - t[prev, nxt][:, None]
            k = added.argmin(axis=0)
            cost = added[k, np.arange(pool.size)]
            ratio = weight[pool] / np.maximum(cost, 1e-6)
            options += [(-float(ratio[j]), d, int(k[j]) + 1, int(pool[j])) for j in range(pool.size)]
        options.sort()
        placed = False
        for _, d, k, v in options[:_REFILL_TRIES]:
            trial = days[d][:k] + [v] + days[d][k:]
            if day_fits(model, trial):
                days[d] = trial
                pool = pool[pool != v]
                placed = True
                break
        if not placed:
            return


# ============================================================================ records
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


def trip_days(model: PlanModel, base: Any, days: Sequence[Sequence[int]]) -> tuple[TripDay, ...]:
    """The :class:`TripDay` records of node sequences (one per day, hotels included)."""
    by_id = base.attraction_by_id
    out = []
    last = len(days) - 1
    for d, nodes in enumerate(days):
        sched = day_schedule(model, nodes)
        visits = []
        for k in range(1, len(nodes) - 1):
            i = nodes[k]
            a = by_id[model.places[i].id]
            visits.append(Visit(
                attraction_id=a.id, name=a.name, category=a.category, code=a.kommune_code,
                lat=a.lat, lon=a.lon, arrive=sched.arrive[k], start=sched.start[k],
                leave=sched.leave[k], score=float(model.scores[i]), season_known=bool(a.open_months),
                why=model.whys[i], opens=float(model.opens[i]), closes=float(model.closes[i])))
        legs = tuple(_leg(model, base, a, b) for a, b in zip(nodes, nodes[1:]))
        out.append(TripDay(
            number=d + 1, start=_stop(model.places[nodes[0]]), base=_stop(model.places[nodes[-1]]),
            overnight=d < last, visits=tuple(visits), legs=legs, leave=sched.start[0],
            arrive=sched.end, drive_minutes=float(sum(leg.drive_minutes for leg in legs)),
            ferry_minutes=float(sum(leg.ferry_minutes for leg in legs)), lunch=sched.lunch))
    return tuple(out)
