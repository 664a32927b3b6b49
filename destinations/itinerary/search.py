"""The search state of :mod:`destinations.itinerary.solver`: derived arrays, a tour under construction
with cached schedules and insertion costs, greedy insertion and the per-trip local search.

Internal to the solver (no stable API). Insertion follows the ``Shift`` / ``Wait`` / ``MaxShift``
bookkeeping of Vansteenwegen et al. (2009), vectorised with numpy over every position of a trip and
every candidate at once; without time windows it reduces to the classic insertion cost against the
trip's spare budget. The local search lives in :mod:`destinations.itinerary.localsearch`.

The objective of a state is the prize of its visits (must-visit nodes carry a prize larger than
all scores together) minus the hotel-change penalty of its hotel sequence.
"""

from __future__ import annotations

import math
from collections import OrderedDict

import numpy as np

from destinations.itinerary.localsearch import LocalSearch
from destinations.itinerary.problem import Problem

INF = math.inf
_FLOAT_SLACK = 1e-9


# ============================================================================ instance data
class Data:
    """Arrays derived once from the problem; candidate columns are the nodes worth visiting."""

    def __init__(self, problem: Problem) -> None:
        p = problem
        n = p.n
        self.problem = p
        self.n_days = p.num_days
        t = np.array(p.travel, dtype=float)
        self.travel = t
        self.travel_list = t.tolist()
        self.symmetric = bool(np.allclose(t, t.T, rtol=0, atol=1e-12))
        is_hotel = np.zeros(n, dtype=bool)
        is_hotel[sorted(p.hotels)] = True
        self.is_hotel = is_hotel
        score = np.where(is_hotel, 0.0, p.score)
        self.score = score
        self.big = float(score.sum()) + 1.0
        prize = score.copy()
        req = sorted(p.required)
        prize[req] += self.big
        self.prize = prize
        tol = p.tolerance + _FLOAT_SLACK
        self.service = np.where(is_hotel, 0.0, p.service)
        self.open = np.where(is_hotel, 0.0, p.open)
        self.close = np.where(is_hotel, INF, p.close + tol)
        self.service_list = self.service.tolist()
        self.open_list = self.open.tolist()
        self.close_list = self.close.tolist()
        self.day_start = list(p.day_start)
        self.limit = [p.day_start[d] + p.budgets[d] + tol for d in range(self.n_days)]
        self.trip_cap = [p.budgets[d] + tol for d in range(self.n_days)]
        self.total_limit = None if p.total_budget is None else p.total_budget + tol
        if self.total_limit is not None and self.total_limit >= sum(self.trip_cap):
            self.total_limit = None  # implied by the trip budgets (as in the OPHS sets)
        self.time_windows = p.has_time_windows
        self.hotels = sorted(p.hotels)
        # Hotels where a night may be spent, the cost of changing hotel and the limit on changes.
        self.nights = sorted(p.night_hotels) if p.night_hotels is not None else self.hotels
        self.night_set = frozenset(self.nights)
        self.penalty = float(p.hotel_change_penalty)
        self.max_changes = p.max_hotel_changes
        self.hotel_rules = self.penalty > 0 or self.max_changes is not None or p.night_hotels is not None
        # A second budget per trip (the trip planner's driving), or None.
        self.drive = None if p.drive is None else np.array(p.drive, dtype=float)
        self.drive_cap = None if p.drive_caps is None else [c + tol for c in p.drive_caps]

        # Candidates: non-hotel nodes with a prize that fit alone into some trip of some day.
        hotels = self.hotels
        from_h = t[hotels].min(axis=0)
        to_h = t[:, hotels].min(axis=1)
        fits = np.zeros(n, dtype=bool)
        for d in range(self.n_days):
            arrive = p.day_start[d] + from_h
            begin = np.maximum(arrive, self.open)
            fits |= (begin <= self.close) & (begin + self.service + to_h <= self.limit[d])
        cand = np.flatnonzero(~is_hotel & (prize > 0) & fits)
        self.cand = cand
        self.n_cand = len(cand)
        self.col_of = np.full(n, -1, dtype=int)
        self.col_of[cand] = np.arange(len(cand))
        self.c_prize = prize[cand]
        self.c_score = score[cand]
        self.c_open = self.open[cand]
        self.c_close = self.close[cand]
        self.c_service = self.service[cand]
        self.t_to_cand = np.ascontiguousarray(t[:, cand])  # [k, j] = travel[k, cand_j]
        self.t_from_cand = np.ascontiguousarray(t[cand, :].T)  # [k, j] = travel[cand_j, k]
        if self.drive is not None:
            self.d_to_cand = np.ascontiguousarray(self.drive[:, cand])
            self.d_from_cand = np.ascontiguousarray(self.drive[cand, :].T)
        self.arange = np.arange(len(cand))
        sym = t + t.T
        self.nearest = np.argsort(sym[np.ix_(cand, cand)], axis=1)  # columns by closeness
        positive = self.c_score[self.c_score > 0]
        self.mean_score = float(positive.mean()) if positive.size else 1.0


# ============================================================================ search state
    def changes(self, hotels: list[int] | tuple[int, ...]) -> int:
        """Nights at another hotel than the night before (``hotels`` from start to end)."""
        nights = hotels[1:-1]
        return sum(1 for a, b in zip(nights, nights[1:]) if a != b)

    def hotel_cost(self, hotels: list[int] | tuple[int, ...]) -> float:
        return self.penalty * self.changes(hotels) if self.penalty else 0.0

    def hotels_allowed(self, hotels: list[int] | tuple[int, ...]) -> bool:
        """Whether every night is at a night hotel and the changes are within the limit."""
        if any(h not in self.night_set for h in hotels[1:-1]):
            return False
        return self.max_changes is None or self.changes(hotels) <= self.max_changes


class State:
    """A tour under construction with cached schedules and insertion costs."""

    __slots__ = ("hotels", "trips", "arr", "beg", "slack", "dur", "ok", "ins", "pos", "routed", "obj", "dirty")

    def copy(self) -> State:  # noqa: D102 - a deep copy of the lists and arrays
        s = State.__new__(State)
        s.hotels = self.hotels[:]
        s.trips = [t[:] for t in self.trips]
        s.arr = self.arr[:]
        s.beg = self.beg[:]
        s.slack = self.slack[:]
        s.dur = self.dur[:]
        s.ok = self.ok[:]
        s.ins = self.ins.copy()
        s.pos = self.pos.copy()
        s.routed = self.routed.copy()
        s.obj = self.obj
        s.dirty = set(self.dirty)
        return s

    @property
    def total(self) -> float:
        return float(sum(self.dur))

    def better_than(self, other: State) -> bool:
        if self.obj > other.obj + 1e-9:
            return True
        return self.obj > other.obj - 1e-9 and self.total < other.total - 1e-9


class Search(LocalSearch):
    """Insertion, removal and hotel changes on :class:`State` (local search: :class:`LocalSearch`)."""

    def __init__(self, data: Data, rng: np.random.Generator) -> None:
        self.data = data
        self.rng = rng
        self._cache: dict[tuple, object] = {}
        self._swap_cache: OrderedDict[tuple, tuple[np.ndarray, np.ndarray, np.ndarray]] = OrderedDict()

    # ------------------------------------------------------------------ bookkeeping
    def new_state(self, hotels: list[int]) -> State:
        data = self.data
        s = State()
        s.hotels = list(hotels)
        s.trips = [[hotels[d], hotels[d + 1]] for d in range(data.n_days)]
        s.arr = [None] * data.n_days
        s.beg = [None] * data.n_days
        s.slack = [None] * data.n_days
        s.dur = [0.0] * data.n_days
        s.ok = [True] * data.n_days
        s.ins = np.full((data.n_days, data.n_cand), INF)
        s.pos = np.zeros((data.n_days, data.n_cand), dtype=int)
        s.routed = np.zeros(data.n_cand, dtype=bool)
        s.obj = -data.hotel_cost(s.hotels)
        s.dirty = set()
        for d in range(data.n_days):
            self.refresh(s, d)
        return s

    def assign(self, s: State, hotels: list[int], trips: list[list[int]]) -> None:
        """Replace the tour of ``s`` by ``trips`` (visits only) between ``hotels``."""
        data = self.data
        s.hotels = list(hotels)
        s.trips = [[hotels[d]] + list(trips[d]) + [hotels[d + 1]] for d in range(data.n_days)]
        s.routed[:] = False
        visits = [v for trip in trips for v in trip]
        cols = data.col_of[np.array(visits, dtype=int)] if visits else np.array([], dtype=int)
        s.routed[cols[cols >= 0]] = True
        s.obj = float(data.prize[visits].sum()) - data.hotel_cost(s.hotels) if visits else -data.hotel_cost(s.hotels)
        for d in range(data.n_days):
            self.refresh(s, d)

    def schedule(self, nodes: list[int], d: int) -> tuple[list[float], list[float], list[float], bool, float]:
        data = self.data
        tl, op, cl, sv = data.travel_list, data.open_list, data.close_list, data.service_list
        size = len(nodes)
        t0 = data.day_start[d]
        arr = [t0] * size
        beg = [t0] * size
        ok = True
        dep = t0
        prev = nodes[0]
        for k in range(1, size - 1):
            v = nodes[k]
            a = dep + tl[prev][v]
            arr[k] = a
            b = a if a >= op[v] else op[v]
            beg[k] = b
            if b > cl[v]:
                ok = False
            dep = b + sv[v]
            prev = v
        a = dep + tl[prev][nodes[-1]]
        arr[-1] = beg[-1] = a
        nxt = data.limit[d] - a
        if nxt < 0:
            ok = False
        slack = [0.0] * size
        slack[-1] = nxt
        for k in range(size - 2, 0, -1):
            ms = cl[nodes[k]] - beg[k]
            if nxt < ms:
                ms = nxt
            nxt = beg[k] - arr[k] + ms
            slack[k] = nxt
        return arr, beg, slack, ok, a - t0

    def refresh(self, s: State, d: int) -> None:
        """Recompute trip ``d``'s schedule and its best insertion of every candidate."""
        self._refresh_time(s, d)
        data = self.data
        if data.drive is None:
            return
        # The second budget: the trip must keep it, and an insertion that would break it is out.
        a = np.array(s.trips[d])
        prev, nxt = a[:-1], a[1:]
        legs = data.drive[prev, nxt]
        spare = data.drive_cap[d] - float(legs.sum())
        if spare < 0:
            s.ok[d] = False
        if not s.ok[d]:
            s.ins[d] = INF
            return
        if data.n_cand == 0:
            return
        extra = data.d_to_cand[prev] + data.d_from_cand[nxt] - legs[:, None]
        over = extra[s.pos[d], data.arange] > spare
        if over.any():
            # the best time position breaks the driving: take the cheapest position that keeps it
            delta = self._time_deltas(s, d)
            delta[extra > spare] = INF
            p = delta.argmin(axis=0)
            s.ins[d] = delta[p, data.arange]
            s.pos[d] = p

    def _time_deltas(self, s: State, d: int) -> np.ndarray:
        """Added time of every candidate at every position of trip ``d`` (``inf`` where not feasible)."""
        data = self.data
        nodes = s.trips[d]
        prev = np.array(nodes[:-1])
        nxt = np.array(nodes[1:])
        if not data.time_windows:
            edges = data.travel[prev, nxt]
            delta = data.t_to_cand[prev] + data.t_from_cand[nxt] + data.c_service - edges[:, None]
            delta[delta > data.trip_cap[d] - s.dur[d]] = INF
            return delta
        arr, beg, slack = s.arr[d], s.beg[d], s.slack[d]
        dep = np.array(beg[:-1]) + data.service[prev]
        start = np.maximum(dep[:, None] + data.t_to_cand[prev], data.c_open)
        delta = start + data.c_service + data.t_from_cand[nxt] - np.array(arr[1:])[:, None]
        delta[(delta > np.array(slack[1:])[:, None]) | (start > data.c_close)] = INF
        return delta

    def _refresh_time(self, s: State, d: int) -> None:
        data = self.data
        nodes = s.trips[d]
        s.dirty.add(d)
        if not data.time_windows:
            # No windows: the slack of every position is the trip's spare budget.
            a = np.array(nodes)
            prev, nxt = a[:-1], a[1:]
            edges = data.travel[prev, nxt]
            dur = float(edges.sum() + data.service[prev].sum())
            spare = data.trip_cap[d] - dur
            s.dur[d] = dur
            s.ok[d] = spare >= 0
            if data.n_cand == 0:
                return
            if spare < 0:
                s.ins[d] = INF
                return
            delta = data.t_to_cand[prev] + data.t_from_cand[nxt]
            delta += data.c_service
            delta -= edges[:, None]
            p = delta.argmin(axis=0)
            best = delta[p, data.arange]
            best[best > spare] = INF
            s.ins[d] = best
            s.pos[d] = p
            return
        arr, beg, slack, ok, dur = self.schedule(nodes, d)
        s.arr[d], s.beg[d], s.slack[d], s.ok[d], s.dur[d] = arr, beg, slack, ok, dur
        if data.n_cand == 0:
            return
        if not ok:
            s.ins[d] = INF
            return
        prev = np.array(nodes[:-1])
        nxt = np.array(nodes[1:])
        dep = np.array(beg[:-1]) + data.service[prev]
        start = dep[:, None] + data.t_to_cand[prev]
        if data.time_windows:
            start = np.maximum(start, data.c_open)
            bad = start > data.c_close
        else:
            bad = None
        delta = start + data.c_service + data.t_from_cand[nxt] - np.array(arr[1:])[:, None]
        over = delta > np.array(slack[1:])[:, None]
        if bad is not None:
            over |= bad
        delta[over] = INF
        p = delta.argmin(axis=0)
        s.ins[d] = delta[p, data.arange]
        s.pos[d] = p

    def insert(self, s: State, d: int, col: int, p: int) -> None:
        data = self.data
        s.trips[d].insert(p + 1, int(data.cand[col]))
        s.routed[col] = True
        s.obj += float(data.c_prize[col])
        self.refresh(s, d)

    def remove(self, s: State, nodes: set[int]) -> None:
        if not nodes:
            return
        data = self.data
        for d, trip in enumerate(s.trips):
            kept = [trip[0]] + [v for v in trip[1:-1] if v not in nodes] + [trip[-1]]
            if len(kept) != len(trip):
                s.trips[d] = kept
                self.refresh(s, d)
        for v in nodes:
            col = data.col_of[v]
            if col >= 0 and s.routed[col]:
                s.routed[col] = False
                s.obj -= float(data.c_prize[col])

    def set_hotel(self, s: State, k: int, hotel: int) -> None:
        """Make ``hotel`` the k-th hotel (end of trip k-1, start of trip k) and restore feasibility."""
        self.set_hotels(s, [k], hotel)

    def set_hotels(self, s: State, ks: list[int], hotel: int) -> None:
        """Make ``hotel`` the hotel of nights ``ks`` (consecutive) and restore feasibility."""
        data = self.data
        before = data.hotel_cost(s.hotels)
        for k in ks:
            s.hotels[k] = hotel
            s.trips[k - 1][-1] = hotel
            s.trips[k][0] = hotel
        s.obj += before - data.hotel_cost(s.hotels)
        days = tuple(range(min(ks) - 1, max(ks) + 1))
        for d in days:
            self.refresh(s, d)
            if not s.ok[d] and not data.time_windows:
                self.improve_trip(s, d)
            while not s.ok[d] and len(s.trips[d]) > 2:
                self.drop_worst(s, d)
        self.enforce_total(s, days)

    def enforce_total(self, s: State, days: tuple[int, ...]) -> None:
        """Drop visits from ``days`` (longest trip first) until the total budget holds."""
        limit = self.data.total_limit
        if limit is None:
            return
        while s.total > limit:
            d = max((e for e in days if len(s.trips[e]) > 2), key=lambda e: s.dur[e], default=None)
            if d is None:
                return
            self.drop_worst(s, d)

    def drop_worst(self, s: State, d: int) -> None:
        """Remove the node of trip ``d`` with the lowest prize per time saved (before its first violation)."""
        data = self.data
        trip = s.trips[d]
        tl = data.travel_list
        last = len(trip) - 2
        if data.time_windows:
            beg = s.beg[d]
            for k in range(1, len(trip) - 1):
                if beg[k] > data.close_list[trip[k]]:
                    last = k
                    break
        best_k, best_r = 1, INF
        for k in range(1, last + 1):
            a, v, b = trip[k - 1], trip[k], trip[k + 1]
            saving = tl[a][v] + data.service_list[v] + tl[v][b] - tl[a][b]
            r = data.prize[v] / max(saving, 1e-9)
            if r < best_r:
                best_r, best_k = r, k
        self.remove(s, {trip[best_k]})

    # ------------------------------------------------------------------ construction
    def repair(self, s: State, alpha: float = 1.0, noise: float = 0.0, blocked: np.ndarray | None = None) -> None:
        """Greedy insertion by ``prize**alpha / shift`` until nothing fits (``blocked`` columns excluded)."""
        data = self.data
        if data.n_cand == 0:
            return
        weight = data.c_prize**alpha
        rng = self.rng
        n_cand = data.n_cand
        while True:
            cost = s.ins.copy()
            cost[:, s.routed] = INF
            if blocked is not None:
                cost[:, blocked] = INF
            if data.total_limit is not None:
                cost[cost > data.total_limit - s.total] = INF
            feasible = cost < INF
            if not feasible.any():
                return
            ratio = np.where(feasible, weight / np.maximum(cost, 1e-3), -1.0)
            if noise > 0:
                ratio *= 1.0 + noise * rng.random(ratio.shape)
            d, col = divmod(int(ratio.argmax()), n_cand)
            self.insert(s, d, col, int(s.pos[d, col]))

    def build(self, hotels: list[int]) -> State:
        """A greedy tour through ``hotels``, tightened by local search and swaps."""
        s = self.new_state(hotels)
        self.repair(s, alpha=1.0)
        self.local_search(s)
        self.repair(s, alpha=1.0)
        self.local_search(s)
        if self.swap_in(s):
            self.local_search(s)
            self.repair(s, alpha=1.0)
            self.local_search(s)
        return s

    def local_search(self, s: State) -> None:
        if self.data.time_windows:
            s.dirty.clear()
            return
        for d in sorted(s.dirty):
            self.improve_trip(s, d)
        s.dirty.clear()
