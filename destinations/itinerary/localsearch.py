"""Per-trip local search of the solver (no time windows): 2-opt, or-opt and swaps.

Internal to :mod:`destinations.itinerary.solver`; mixed into
:class:`destinations.itinerary.search.Search`. Best-improvement 2-opt (symmetric travel times),
or-opt (segments of 1-3 visits, reversed too) and *swap* (a visit replaced by an unvisited node of
higher prize, where it fits), each vectorised with numpy over all moves of a trip.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from destinations.itinerary.search import Data, State

INF = np.inf
#: Trips whose swap moves are remembered (least recently used are forgotten).
_SWAP_CACHE = 256


class LocalSearch:
    """The local-search moves; expects ``data``, ``_cache``, ``_swap_cache`` and ``refresh``."""

    data: Data
    _cache: dict
    _swap_cache: OrderedDict

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

    def improve_trip(self, s: State, d: int) -> None:
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

    def _swap_moves(self, s: State, d: int) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
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

    def swap_in(self, s: State, rounds: int = 50) -> bool:
        """Replace a visit by an unvisited node of higher prize (or equal prize and shorter trip).

        No time windows only. For visit ``v`` at position ``i`` of a trip the unvisited node ``c``
        goes either where ``v`` was or at its cheapest other edge of the trip (the three cheapest
        edges per node are kept, so one not touching ``v`` is always known).
        """
        data = self.data
        if data.time_windows or data.n_cand == 0 or data.drive is not None:
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
