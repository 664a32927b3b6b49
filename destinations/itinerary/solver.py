"""Metaheuristic for :class:`~destinations.itinerary.problem.Problem` (OPHS, TOPTW, trip planning).

Outline
-------
1. **Hotel sequences** (only when there is a choice, as in OPHS): sequences
   ``start = h_0, h_1, ..., h_D = end`` whose hotel-to-hotel legs fit their trip budgets are
   ranked by the prize of the vertices inside the trips' ellipses
   ``travel[a, v] + service[v] + travel[v, b] <= T_d`` (as Divsalar et al. 2013 do), with a beam
   search that enumerates them all when there are few and stays polynomial when there are many.
   The best-ranked ones are filled greedily (within 15 % of the budget); then a successive-halving
   tournament gives the 8 best a short search each, the 3 best of those a longer one, and the
   winner the rest of the time.
2. **Insertion** uses the ``Shift`` / ``Wait`` / ``MaxShift`` bookkeeping of Vansteenwegen et al.
   (2009), vectorised with numpy over every position of a trip and every unvisited node at once
   (without time windows it reduces to the classic insertion cost against the trip's spare
   budget); the node/trip pair with the best ``prize**alpha / shift`` ratio goes in, with random
   noise and ``alpha`` drawn per iteration.
3. **Large neighbourhood search** with simulated-annealing acceptance. Each iteration removes
   visits (random; a consecutive segment as in the ILS "shake"; spatially related; worst
   prize/saving; a whole trip; or a hotel move: re-cut two consecutive trips at another point
   and/or hotel keeping every visit, or swap the hotel and drop what no longer fits). The removed
   visits are held back while the other nodes are inserted, then offered again, so the repair
   cannot simply undo the destroy. Without time windows the changed trips are tightened with
   2-opt and or-opt (segments of 1-3 visits, reversed too) and a *swap* move replaces a visit by
   an unvisited node of higher prize where it fits.

Must-visit nodes carry a prize larger than the sum of all scores, so every step prefers them; the
ones that cannot be fitted are reported in :attr:`Solution.missing_required`.

All randomness comes from the ``rng`` argument. The search stops at ``time_limit`` seconds or
after ``max_iterations`` iterations; with ``max_iterations`` (and a time limit that is not hit)
the result depends only on the seed, and progress (and the phases above) are measured in
iterations instead of seconds.
"""

from __future__ import annotations

import math
import time
from collections import OrderedDict
from collections.abc import Callable

import numpy as np

from destinations.errors import SolverError
from destinations.itinerary.problem import Problem, Solution

INF = math.inf
_FLOAT_SLACK = 1e-9
_MAX_SEQUENCES = 4000
_SCREEN_SEQUENCES = 200
_SCREEN_SHARE = 0.15
_ROUNDS = ((8, 0.40), (3, 0.65))  # (sequences kept, progress reached at the end of the round)
#: Simulated-annealing start temperature, in units of the mean visit score (falls linearly to 0).
_TEMPERATURE = 1.0
#: Destroy size: 1 + U**2 * (share of the visits), so mostly small moves and sometimes large ones;
#: larger with time windows, where the routes are tighter and the search has no local search.
_DESTROY_SHARE = 0.3
_DESTROY_SHARE_TW = 0.5
#: Noise on the insertion ratio of the first repair pass: ratio * (1 + U * noise * U').
_NOISE = 0.3
#: Iterations without improvement before a search returns to its best state.
_RESTART = 300
#: Share of hotel moves that re-cut two trips (the rest swap the hotel and drop what no longer fits).
_RESPLIT = 0.5
#: Hotels considered (sampled) when an intermediate hotel is swapped.
_HOTEL_SAMPLE = 8
#: Trips whose swap moves are remembered (least recently used are forgotten).
_SWAP_CACHE = 256

Progress = Callable[[float, Solution], None]


# ============================================================================ instance data
class _Data:
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
        self.arange = np.arange(len(cand))
        sym = t + t.T
        self.nearest = np.argsort(sym[np.ix_(cand, cand)], axis=1)  # columns by closeness
        positive = self.c_score[self.c_score > 0]
        self.mean_score = float(positive.mean()) if positive.size else 1.0


# ============================================================================ search state
class _State:
    """A tour under construction with cached schedules and insertion costs."""

    __slots__ = ("hotels", "trips", "arr", "beg", "slack", "dur", "ok", "ins", "pos", "routed", "obj", "dirty")

    def copy(self) -> _State:
        s = _State.__new__(_State)
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

    def better_than(self, other: _State) -> bool:
        if self.obj > other.obj + 1e-9:
            return True
        return self.obj > other.obj - 1e-9 and self.total < other.total - 1e-9


class _Search:
    def __init__(self, data: _Data, rng: np.random.Generator) -> None:
        self.data = data
        self.rng = rng
        self._cache: dict[tuple, object] = {}
        self._swap_cache: OrderedDict[tuple, tuple[np.ndarray, np.ndarray, np.ndarray]] = OrderedDict()

    # ------------------------------------------------------------------ bookkeeping
    def new_state(self, hotels: list[int]) -> _State:
        data = self.data
        s = _State()
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
        s.obj = 0.0
        s.dirty = set()
        for d in range(data.n_days):
            self.refresh(s, d)
        return s

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

    def refresh(self, s: _State, d: int) -> None:
        """Recompute trip ``d``'s schedule and its best insertion of every candidate."""
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

    def insert(self, s: _State, d: int, col: int, p: int) -> None:
        data = self.data
        s.trips[d].insert(p + 1, int(data.cand[col]))
        s.routed[col] = True
        s.obj += float(data.c_prize[col])
        self.refresh(s, d)

    def remove(self, s: _State, nodes: set[int]) -> None:
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

    def set_hotel(self, s: _State, k: int, hotel: int) -> None:
        """Make ``hotel`` the k-th hotel (end of trip k-1, start of trip k) and restore feasibility."""
        s.hotels[k] = hotel
        s.trips[k - 1][-1] = hotel
        s.trips[k][0] = hotel
        for d in (k - 1, k):
            self.refresh(s, d)
            if not s.ok[d] and not self.data.time_windows:
                self.improve_trip(s, d)
            while not s.ok[d] and len(s.trips[d]) > 2:
                self.drop_worst(s, d)
        self.enforce_total(s, (k - 1, k))

    def enforce_total(self, s: _State, days: tuple[int, ...]) -> None:
        """Drop visits from ``days`` (longest trip first) until the total budget holds."""
        limit = self.data.total_limit
        if limit is None:
            return
        while s.total > limit:
            d = max((e for e in days if len(s.trips[e]) > 2), key=lambda e: s.dur[e], default=None)
            if d is None:
                return
            self.drop_worst(s, d)

    def drop_worst(self, s: _State, d: int) -> None:
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
    def repair(self, s: _State, alpha: float = 1.0, noise: float = 0.0, blocked: np.ndarray | None = None) -> None:
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

    # ------------------------------------------------------------------ local search (no time windows)
    def _tril_penalty(self, m: int) -> np.ndarray:
        """``(m, m)`` matrix: ``inf`` on and below the diagonal, 0 above (2-opt pairs ``i < j``)."""
        key = ("tril", m)
        cached = self._cache.get(key)
        if cached is None:
            cached = np.where(np.tril(np.ones((m, m), dtype=bool)), INF, 0.0)
            self._cache[key] = cached
        return cached

    def _or_moves(self, size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Segment starts, lengths and the ``inf`` penalty of edges overlapping each segment."""
        key = ("or", size, self.data.symmetric)
        cached = self._cache.get(key)
        if cached is None:
            starts, lengths, reverse = [], [], []
            for k in (1, 2, 3):
                for rev in (False, True) if (self.data.symmetric and k > 1) else (False,):
                    for i in range(1, size - k):
                        starts.append(i)
                        lengths.append(k)
                        reverse.append(rev)
            st = np.array(starts, dtype=int)
            ln = np.array(lengths, dtype=int)
            edge = np.arange(size - 1)[None, :]
            penalty = np.where((edge >= st[:, None] - 1) & (edge <= (st + ln - 1)[:, None]), INF, 0.0)
            cached = (st, ln, np.array(reverse, dtype=bool), penalty)
            self._cache[key] = cached
        return cached

    def two_opt(self, trip: list[int]) -> bool:
        """Best-improvement 2-opt on a trip (symmetric travel times only); endpoints stay."""
        t = self.data.travel
        a = np.array(trip)
        m = len(a) - 1
        if m < 3:
            return False
        penalty = self._tril_penalty(m)
        changed = False
        for _ in range(500):
            p, q = a[:-1], a[1:]
            e = t[p, q]
            gain = t[p[:, None], p[None, :]] + t[q[:, None], q[None, :]] - e[:, None] - e[None, :] + penalty
            idx = int(gain.argmin())
            i, j = divmod(idx, m)
            if gain[i, j] >= -1e-9:
                break
            a[i + 1 : j + 1] = a[i + 1 : j + 1][::-1].copy()
            changed = True
        if changed:
            trip[:] = a.tolist()
        return changed

    def or_opt(self, trip: list[int]) -> bool:
        """Best-improvement relocation of a segment of 1-3 visits (reversed too when symmetric)."""
        t = self.data.travel
        size = len(trip)
        if size < 4:
            return False
        starts, lengths, reverse, penalty = self._or_moves(size)
        ends = starts + lengths - 1
        changed = False
        for _ in range(500):
            a = np.array(trip)
            first = np.where(reverse, a[ends], a[starts])
            last = np.where(reverse, a[starts], a[ends])
            before, after = a[starts - 1], a[ends + 1]
            gain = t[before, a[starts]] + t[a[ends], after] - t[before, after]
            u, w = a[:-1], a[1:]
            delta = t[u[None, :], first[:, None]] + t[last[:, None], w[None, :]] - t[u, w][None, :]
            delta -= gain[:, None]
            delta += penalty
            idx = int(delta.argmin())
            row, pe = divmod(idx, size - 1)
            if delta[row, pe] >= -1e-9:
                break
            i, k = int(starts[row]), int(lengths[row])
            seg = trip[i : i + k]
            if reverse[row]:
                seg = seg[::-1]
            u_node = trip[pe]
            rest = trip[:i] + trip[i + k :]
            at = rest.index(u_node)
            trip[:] = rest[: at + 1] + seg + rest[at + 1 :]
            changed = True
        return changed

    def improve_trip(self, s: _State, d: int) -> None:
        trip = s.trips[d]
        if len(trip) < 4:
            return
        changed = False
        for _ in range(10):
            step = self.two_opt(trip) if self.data.symmetric else False
            step |= self.or_opt(trip)
            changed |= step
            if not step:
                break
        if changed:
            self.refresh(s, d)

    def _swap_moves(self, s: _State, d: int) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """For trip ``d``: ``(gain, extra, here)`` of replacing the visit at position ``i + 1`` by candidate ``c``.

        ``gain[i, c]`` is the prize gained (minus a tiny duration term; ``-inf`` where the trip
        budget would be exceeded), ``extra[i, c]`` the added duration, ``here[i, c]`` whether
        ``c`` goes where the visit was (else at its cheapest other edge). Cached by trip content.
        """
        trip = s.trips[d]
        size = len(trip)
        if size < 3:
            return None
        key = (d, tuple(trip))
        cache = self._swap_cache
        hit = cache.get(key)
        if hit is not None:
            cache.move_to_end(key)
            return hit
        data = self.data
        t = data.travel
        a = np.array(trip)
        prev, nxt = a[:-1], a[1:]
        edges = t[prev, nxt]
        ins = data.t_to_cand[prev] + data.t_from_cand[nxt]
        ins -= edges[:, None]
        cols = data.arange
        # the three cheapest edges per candidate (ties broken by index)
        o1 = ins.argmin(axis=0)
        v1 = ins[o1, cols]
        if size > 3:
            ins[o1, cols] = INF
            o2 = ins.argmin(axis=0)
            v2 = ins[o2, cols]
            if size > 4:
                ins[o2, cols] = INF
                v3 = ins.min(axis=0)
            else:
                v3 = np.full(data.n_cand, INF)
        else:
            o2 = o1
            v2 = v3 = np.full(data.n_cand, INF)
        inner = np.arange(1, size - 1)[:, None]
        left, mid, right = a[:-2], a[1:-1], a[2:]
        bridge = t[left, right]
        saving = edges[:-1] + edges[1:] + data.service[mid] - bridge
        here = data.t_to_cand[left] + data.t_from_cand[right] - bridge[:, None]
        touch1 = (o1[None, :] == inner - 1) | (o1[None, :] == inner)
        touch2 = (o2[None, :] == inner - 1) | (o2[None, :] == inner)
        other = np.where(touch1, np.where(touch2, v3[None, :], v2[None, :]), v1[None, :])
        use_here = here <= other
        extra = np.minimum(here, other) + data.c_service - saving[:, None]
        feasible = extra <= data.trip_cap[d] - s.dur[d]
        gain = np.where(feasible, data.c_prize[None, :] - data.prize[mid][:, None] - 1e-6 * extra, -INF)
        result = (gain, extra, use_here)
        cache[key] = result
        if len(cache) > _SWAP_CACHE:
            cache.popitem(last=False)
        return result

    def swap_in(self, s: _State, rounds: int = 50) -> bool:
        """Replace a visit by an unvisited node of higher prize (or equal prize and shorter trip).

        No time windows only. For visit ``v`` at position ``i`` of a trip the unvisited node ``c``
        goes either where ``v`` was or at its cheapest other edge of the trip (the three cheapest
        edges per node are kept, so one not touching ``v`` is always known).
        """
        data = self.data
        if data.time_windows or data.n_cand == 0:
            return False
        improved = False
        moves = [self._swap_moves(s, d) for d in range(data.n_days)]
        for _ in range(rounds):
            best_gain, best_move = 1e-9, None
            total_spare = None if data.total_limit is None else data.total_limit - s.total
            for d, mv in enumerate(moves):
                if mv is None:
                    continue
                gain = mv[0].copy()
                gain[:, s.routed] = -INF
                if total_spare is not None:
                    gain[mv[1] > total_spare] = -INF
                idx = int(gain.argmax())
                i, col = divmod(idx, data.n_cand)
                if gain[i, col] > best_gain:
                    best_gain = float(gain[i, col])
                    best_move = (d, i + 1, col, bool(mv[2][i, col]))
            if best_move is None:
                break
            d, i, col, use_here = best_move
            trip = s.trips[d]
            saved = trip[:]
            old = trip[i]
            node = int(data.cand[col])
            if use_here:
                trip[i] = node
            else:
                del trip[i]
                a = np.array(trip)
                delta = data.travel[a[:-1], node] + data.travel[node, a[1:]] - data.travel[a[:-1], a[1:]]
                trip.insert(int(delta.argmin()) + 1, node)
            s.routed[data.col_of[old]] = False
            s.routed[col] = True
            s.obj += float(data.c_prize[col] - data.prize[old])
            self.refresh(s, d)
            if not s.ok[d] or (data.total_limit is not None and s.total > data.total_limit):  # float noise
                trip[:] = saved
                s.routed[data.col_of[old]] = True
                s.routed[col] = False
                s.obj -= float(data.c_prize[col] - data.prize[old])
                self.refresh(s, d)
                break
            improved = True
            moves[d] = self._swap_moves(s, d)
        return improved

    def build(self, hotels: list[int]) -> _State:
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

    def local_search(self, s: _State) -> None:
        if self.data.time_windows:
            s.dirty.clear()
            return
        for d in sorted(s.dirty):
            self.improve_trip(s, d)
        s.dirty.clear()

    # ------------------------------------------------------------------ destroy operators
    def routed_nodes(self, s: _State) -> list[int]:
        return [v for trip in s.trips for v in trip[1:-1]]

    def destroy(self, s: _State, op: str, k: int) -> None:
        rng = self.rng
        data = self.data
        visits = self.routed_nodes(s)
        if op == "hotel":
            if not data.time_windows and rng.random() < _RESPLIT and self.resplit(s):
                if rng.random() < 0.5:
                    return
            else:
                self.change_hotel(s)
            visits = self.routed_nodes(s)
            k = max(1, k // 2)
            op = "random"
        if not visits:
            return
        k = min(k, len(visits))
        if op == "random":
            chosen = rng.choice(len(visits), size=k, replace=False)
            self.remove(s, {visits[i] for i in chosen})
        elif op == "segment":
            removed: set[int] = set()
            days = range(data.n_days) if rng.random() < 0.5 else [int(rng.integers(data.n_days))]
            for d in days:
                inner = s.trips[d][1:-1]
                if not inner:
                    continue
                length = min(len(inner), max(1, int(round(k / max(1, len(days))))))
                at = int(rng.integers(0, len(inner) - length + 1))
                removed.update(inner[at : at + length])
            self.remove(s, removed)
        elif op == "related":
            seed = visits[int(rng.integers(len(visits)))]
            order = data.nearest[data.col_of[seed]]
            routed_cols = order[s.routed[order]]
            self.remove(s, {int(data.cand[c]) for c in routed_cols[:k]})
        elif op == "worst":
            tl = data.travel_list
            ratios = []
            for trip in s.trips:
                for i in range(1, len(trip) - 1):
                    a, v, b = trip[i - 1], trip[i], trip[i + 1]
                    saving = tl[a][v] + data.service_list[v] + tl[v][b] - tl[a][b]
                    ratios.append(((data.prize[v] / max(saving, 1e-6)) * (0.5 + rng.random()), v))
            ratios.sort()
            self.remove(s, {v for _, v in ratios[:k]})
        elif op == "trip":
            d = int(rng.integers(data.n_days))
            self.remove(s, set(s.trips[d][1:-1]))

    def resplit(self, s: _State) -> bool:
        """Move an intermediate hotel: re-cut two consecutive trips elsewhere, possibly at another hotel.

        Keeps every visit and their order (no time windows only): trips ``k-1`` and ``k`` are
        joined and cut again after any of their visits at any hotel that keeps both within
        budget. Half of the time the cut leaving the most spare time is taken, else a random one.
        """
        data = self.data
        if data.n_days < 2 or len(data.hotels) < 2:
            return False
        t = data.travel
        rng = self.rng
        k = int(rng.integers(1, data.n_days))
        first, second = s.trips[k - 1], s.trips[k]
        h_a, h_b = first[0], second[-1]
        visits = first[1:-1] + second[1:-1]
        m = len(visits)
        path = np.array([h_a] + visits + [h_b])
        step = t[path[:-1], path[1:]] + data.service[path[:-1]]  # leg i: path[i] -> path[i+1]
        prefix = np.concatenate(([0.0], np.cumsum(step[:-1])))  # start -> path[i] (i = 0..m)
        suffix = np.concatenate((np.cumsum(step[::-1])[::-1][1:], [0.0]))  # path[i+1] -> end
        hotels = np.array(data.hotels)
        last = path[: m + 1]  # last node of trip k-1 for a cut after i visits
        nxt = path[1 : m + 2]  # first node of trip k
        len_a = (prefix + data.service[last])[:, None] + t[last][:, hotels]
        len_b = t[hotels][:, nxt].T + suffix[:, None]
        spare = np.minimum(data.trip_cap[k - 1] - len_a, data.trip_cap[k] - len_b)
        ok = spare >= 0
        if data.total_limit is not None:
            ok &= len_a + len_b <= data.total_limit - (s.total - s.dur[k - 1] - s.dur[k])
        ok[len(first) - 2, data.hotels.index(s.hotels[k])] = False  # the current cut
        if not ok.any():
            return False
        if rng.random() < 0.5:
            total = np.where(ok, data.trip_cap[k - 1] - len_a + data.trip_cap[k] - len_b, -INF)
            i, j = divmod(int(total.argmax()), len(hotels))
        else:
            options = np.flatnonzero(ok)
            i, j = divmod(int(options[int(rng.integers(len(options)))]), len(hotels))
        h = int(hotels[j])
        s.hotels[k] = h
        s.trips[k - 1] = [h_a] + visits[:i] + [h]
        s.trips[k] = [h] + visits[i:] + [h_b]
        self.refresh(s, k - 1)
        self.refresh(s, k)
        if not (s.ok[k - 1] and s.ok[k]):  # float noise; never expected
            for d in (k - 1, k):
                while not s.ok[d] and len(s.trips[d]) > 2:
                    self.drop_worst(s, d)
        self.enforce_total(s, (k - 1, k))
        return True

    def hotel_options(self, s: _State, k: int) -> list[int]:
        data = self.data
        t = data.travel
        a, b = s.hotels[k - 1], s.hotels[k + 1]
        return [
            h
            for h in data.hotels
            if h != s.hotels[k] and t[a, h] <= data.trip_cap[k - 1] and t[h, b] <= data.trip_cap[k]
        ]

    def change_hotel(self, s: _State) -> bool:
        data = self.data
        if data.n_days < 2 or len(data.hotels) < 2:
            return False
        ks = list(range(1, data.n_days))
        self.rng.shuffle(ks)
        t = data.travel
        for k in ks:
            options = self.hotel_options(s, k)
            if not options:
                continue
            if len(options) > _HOTEL_SAMPLE:
                picked = self.rng.choice(len(options), size=_HOTEL_SAMPLE, replace=False)
                options = [options[i] for i in sorted(picked)]
            if self.rng.random() < 0.5:
                # the hotel closest to the visits around it (cheapest to slot in)
                before, after = s.trips[k - 1][-2], s.trips[k][1]
                h = min(options, key=lambda o: t[before, o] + t[o, after])
            else:
                h = options[int(self.rng.integers(len(options)))]
            self.set_hotel(s, k, h)
            return True
        return False


# ============================================================================ hotel sequences
def _hotel_sequences(data: _Data, limit: int = _MAX_SEQUENCES) -> list[tuple[int, ...]]:
    """Feasible hotel sequences, best first by the prize inside the trips' ellipses.

    A vertex ``v`` is in the ellipse of trip ``d`` between hotels ``a`` and ``b`` when
    ``travel[a, v] + service[v] + travel[v, b] <= T_d``; a sequence is worth the prize of the
    union of its ellipses (ties: the sum over trips). A beam search over the trips keeps the best
    ``limit`` partial sequences, so all sequences are ranked exactly when there are at most
    ``limit`` of them, and the search stays polynomial when there are many hotels and days.

    Raises
    ------
    SolverError
        If no sequence links ``start`` to ``end`` within the trip budgets.
    """
    p = data.problem
    t = data.travel
    hotels = data.hotels
    n_days = data.n_days
    cap = data.trip_cap
    reach: list[set[int]] = [set() for _ in range(n_days + 1)]
    reach[n_days] = {p.end}
    for d in range(n_days - 1, -1, -1):
        reach[d] = {a for a in hotels if any(t[a, b] <= cap[d] for b in reach[d + 1])}
    if p.start not in reach[0]:
        raise SolverError(
            f"{p.name or 'problem'}: no sequence of hotels links start {p.start} to end {p.end} "
            "within the trip budgets"
        )
    if len(hotels) == 1:
        return [tuple([p.start] * (n_days + 1))]
    cand = data.cand
    weights = data.c_prize
    to_c = t[:, cand] + data.c_service
    from_c = t[cand, :]
    # beam entries: (union prize, summed prize, sequence, union mask)
    beam: list[tuple[float, float, tuple[int, ...], np.ndarray]] = [
        (0.0, 0.0, (p.start,), np.zeros(len(cand), dtype=bool))
    ]
    for d in range(n_days):
        nexts = [b for b in reach[d + 1] if d + 1 < n_days or b == p.end]
        grown = []
        for _, total, seq, union in beam:
            a = seq[-1]
            options = [b for b in nexts if t[a, b] <= cap[d]]
            if not options:
                continue
            inside = (to_c[a][None, :] + from_c[:, options].T) <= cap[d]
            merged = inside | union[None, :]
            values = merged.astype(float) @ weights
            sums = inside.astype(float) @ weights
            for k, b in enumerate(options):
                grown.append((float(values[k]), total + float(sums[k]), seq + (b,), merged[k]))
        grown.sort(key=lambda e: (-e[0], -e[1], e[2]))
        beam = grown[:limit]
    return [seq for _, _, seq, _ in beam]


# ============================================================================ driver
def _to_solution(data: _Data, s: _State) -> Solution:
    days = tuple(tuple(int(v) for v in trip) for trip in s.trips)
    visited = {v for trip in s.trips for v in trip[1:-1]}
    score = float(sum(float(data.score[v]) for v in visited))
    missing = frozenset(r for r in data.problem.required if r not in visited)
    return Solution(days=days, score=score, missing_required=missing)


def _sequence_limit(data: _Data) -> int:
    """Beam width of :func:`_hotel_sequences`: all of them for small cases, fewer when large."""
    work = len(data.hotels) * max(1, data.n_cand)
    return int(max(20, min(_MAX_SEQUENCES, 3_000_000 // work)))


def greedy(problem: Problem) -> Solution:
    """Baseline: the best-ranked hotel sequence filled by greedy ``score / shift`` insertion, no improvement."""
    data = _Data(problem)
    rng = np.random.default_rng(0)
    search = _Search(data, rng)
    seqs = _hotel_sequences(data, _sequence_limit(data))
    state = search.new_state(list(seqs[0]))
    search.repair(state, alpha=1.0)
    return _to_solution(data, state)


_OPERATORS = ("random", "segment", "related", "worst", "trip", "hotel")


def solve(
    problem: Problem,
    *,
    rng: np.random.Generator,
    time_limit: float = 2.0,
    on_progress: Progress | None = None,
    max_iterations: int | None = None,
) -> Solution:
    """Find a high-scoring feasible itinerary.

    Parameters
    ----------
    problem
        The instance.
    rng
        Source of all randomness.
    time_limit
        Wall-clock limit in seconds; the search always stops by then (plus one iteration).
    on_progress
        Called now and then with ``(fraction_done, best_so_far)`` and once with ``1.0`` at the end.
    max_iterations
        Optional bound on search iterations. With it, progress is measured in iterations and the
        result is a function of the seed alone (as long as ``time_limit`` is not hit first).

    Returns
    -------
    Solution
        Always feasible except for :attr:`Solution.missing_required` (required nodes that could
        not be fitted).

    Raises
    ------
    SolverError
        If no chain of hotels links ``start`` to ``end`` within the trip budgets.
    """
    t_start = time.perf_counter()
    deadline = t_start + max(0.0, float(time_limit))
    data = _Data(problem)
    search = _Search(data, rng)
    iterations = 0
    budget_iters = None if max_iterations is None else max(0, int(max_iterations))

    def progress() -> float:
        if budget_iters is not None:
            return min(1.0, iterations / budget_iters) if budget_iters else 1.0
        return min(1.0, (time.perf_counter() - t_start) / max(time_limit, 1e-9))

    def stop() -> bool:
        if time.perf_counter() >= deadline:
            return True
        return budget_iters is not None and iterations >= budget_iters

    sequences = _hotel_sequences(data, _sequence_limit(data))
    best: _State | None = None
    last_report = -1.0

    def report(state: _State, force: bool = False) -> None:
        nonlocal last_report
        if on_progress is None:
            return
        frac = progress()
        if force or frac - last_report >= 0.02:
            last_report = frac
            on_progress(1.0 if force else frac, _to_solution(data, state))

    # ---- phase 1: fill the best-ranked hotel sequences greedily (at least one, within a share)
    pool: list[_State] = []
    for seq in sequences[:_SCREEN_SEQUENCES]:
        if pool and (stop() or progress() >= _SCREEN_SHARE):
            break
        if pool:
            iterations += 1
        state = search.build(list(seq))
        pool.append(state)
        if best is None or state.better_than(best):
            best = state
            report(best)
    assert best is not None
    report(best)
    if data.n_cand == 0 or stop():
        report(best, force=True)
        return _to_solution(data, best)

    ops = [op for op in _OPERATORS if op != "hotel" or (data.n_days > 1 and len(data.hotels) > 1)]
    if data.n_days == 1:
        ops.remove("trip")
    temp0 = _TEMPERATURE * data.mean_score
    share = _DESTROY_SHARE_TW if data.time_windows else _DESTROY_SHARE

    def lns(current: _State, until: float) -> _State:
        """LNS from ``current`` until progress reaches ``until``; returns the best state found."""
        nonlocal iterations
        local_best = current.copy()
        since = 0
        while not stop() and progress() < until:
            iterations += 1
            cand = current.copy()
            op = ops[int(rng.integers(len(ops)))]
            visits = sum(len(tr) - 2 for tr in cand.trips)
            kmax = max(2, int(share * visits))
            k = 1 + int(rng.random() ** 2 * kmax)
            before = cand.routed.copy()
            search.destroy(cand, op, k)
            alpha = (1.0, 1.5, 2.0)[int(rng.integers(3))]
            # Removed nodes wait for the second pass, so the repair cannot simply undo the destroy.
            search.repair(cand, alpha=alpha, noise=_NOISE * rng.random(), blocked=before & ~cand.routed)
            search.local_search(cand)
            search.repair(cand, alpha=alpha)
            search.local_search(cand)
            if search.swap_in(cand):
                search.local_search(cand)
                search.repair(cand, alpha=alpha)
                search.local_search(cand)
            temp = temp0 * max(0.0, 1.0 - progress())
            if cand.obj >= current.obj - 1e-9:
                current = cand
            elif temp > 0 and rng.random() < math.exp((cand.obj - current.obj) / temp):
                current = cand
            if current.better_than(local_best):
                local_best = current.copy()
                since = 0
            else:
                since += 1
                if since > _RESTART:
                    current = local_best.copy()
                    since = 0
            report(local_best if not best.better_than(local_best) else best)
        return local_best

    # ---- phase 2: short searches on the most promising sequences, then one long search
    # Successive halving: short searches on the best filled sequences, longer ones on the survivors.
    pool.sort(key=lambda st: (-st.obj, st.total))
    for size, until in _ROUNDS:
        if len(pool) <= 1:
            break
        pool = pool[:size]
        begin = progress()
        share = max(0.0, until - begin) / len(pool)
        for i, state in enumerate(pool):
            pool[i] = lns(state, begin + share * (i + 1))
            if pool[i].better_than(best):
                best = pool[i]
        pool.sort(key=lambda st: (-st.obj, st.total))
    found = lns(best.copy(), 1.0)
    if found.better_than(best):
        best = found
    report(best, force=True)
    return _to_solution(data, best)
