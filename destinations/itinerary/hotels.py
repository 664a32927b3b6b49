"""Hotel sequences for the solver: ranking whole sequences, and cutting a tour at the best hotels.

Internal to :mod:`destinations.itinerary.solver`.

* :func:`hotel_sequences` ranks sequences ``start = h_0, h_1, ..., h_D = end`` whose hotel-to-hotel
  legs fit their trip budgets by the prize of the vertices inside the trips' ellipses
  ``travel[a, v] + service[v] + travel[v, b] <= T_d`` (as Divsalar et al. 2013 do), minus the
  hotel-change penalty, with a beam search (exact when there are few sequences, polynomial when
  there are many). Nights only at night hotels, and at most the allowed number of changes.
* :func:`split_tour` is the "route first, cut second" step of giant-tour methods (Prins 2004, for
  vehicle routing): given the visits of a whole tour in order, a dynamic programme over
  (trip, position in the tour, hotel) finds the hotels and cut points that keep the most prize,
  where a visit may be dropped between two trips but the order is kept. Exact for that order in
  ``O(D m^2 H log H)`` numpy work for ``m`` visits and ``H`` hotels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from destinations.errors import SolverError

if TYPE_CHECKING:
    from destinations.itinerary.search import Data

INF = np.inf


def reachable(data: Data) -> list[set[int]]:
    """``reach[d]``: hotels from which the end can still be reached in trips ``d..D-1``."""
    p = data.problem
    t = data.travel
    n_days = data.n_days
    cap = data.trip_cap
    reach: list[set[int]] = [set() for _ in range(n_days + 1)]
    reach[n_days] = {p.end}
    for d in range(n_days - 1, -1, -1):
        pool = data.hotels if d == 0 else data.nights
        reach[d] = {a for a in pool if any(t[a, b] <= cap[d] for b in reach[d + 1])}
    if p.start not in reach[0]:
        raise SolverError(
            f"{p.name or 'problem'}: no sequence of hotels links start {p.start} to end {p.end} "
            "within the trip budgets"
        )
    return reach


def hotel_sequences(data: Data, limit: int) -> list[tuple[int, ...]]:
    """Feasible hotel sequences, best first by the prize inside the trips' ellipses.

    A vertex ``v`` is in the ellipse of trip ``d`` between hotels ``a`` and ``b`` when
    ``travel[a, v] + service[v] + travel[v, b] <= T_d``; a sequence is worth the prize of the
    union of its ellipses minus its hotel-change penalty (ties: the sum over trips). The beam
    keeps the best ``limit`` partial sequences.

    Raises
    ------
    SolverError
        If no sequence links ``start`` to ``end`` within the trip budgets (and the hotel rules).
    """
    p = data.problem
    t = data.travel
    n_days = data.n_days
    cap = data.trip_cap
    reach = reachable(data)
    if len(data.hotels) == 1:
        return [tuple([p.start] * (n_days + 1))]
    cand = data.cand
    # Prizes in whole units of a millionth, so ranking sums are exact on every machine.
    weights = np.round(data.c_prize * 1e6).astype(np.int64)
    to_c = t[:, cand] + data.c_service
    from_c = t[cand, :]
    # beam entries: (union prize - penalty, summed prize, sequence, union mask, changes)
    beam: list[tuple[float, int, tuple[int, ...], np.ndarray, int]] = [
        (0.0, 0, (p.start,), np.zeros(len(cand), dtype=bool), 0)
    ]
    penalty = int(round(data.penalty * 1e6))
    for d in range(n_days):
        nexts = sorted(b for b in reach[d + 1] if d + 1 < n_days or b == p.end)
        grown = []
        for _, total, seq, union, changes in beam:
            a = seq[-1]
            options = [b for b in nexts if t[a, b] <= cap[d]]
            if 1 <= d < n_days - 1 and data.max_changes is not None and changes >= data.max_changes:
                options = [b for b in options if b == a]  # no change left: stay
            if not options:
                continue
            inside = (to_c[a][None, :] + from_c[:, options].T) <= cap[d]
            merged = inside | union[None, :]
            values = merged.astype(np.int64) @ weights
            sums = inside.astype(np.int64) @ weights
            for k, b in enumerate(options):
                more = changes + (1 if 1 <= d < n_days - 1 and b != a else 0)
                grown.append((int(values[k]) - penalty * more, total + int(sums[k]), seq + (b,),
                              merged[k], more))
        grown.sort(key=lambda e: (-e[0], -e[1], e[2]))
        beam = grown[:limit]
    if not beam:
        raise SolverError(
            f"{p.name or 'problem'}: no sequence of hotels links start {p.start} to end {p.end} "
            "within the trip budgets and the limit on hotel changes"
        )
    return [seq for _, _, seq, _, _ in beam]


def split_tour(data: Data, tour: list[int]) -> tuple[list[int], list[list[int]]] | None:
    """Cut ``tour`` (visits in order) into the problem's trips at the best hotels.

    Keeps the tour's order; a visit may be dropped between two trips (never inside one). Trip
    ``d`` leaves hotel ``h`` and covers visits ``i..j`` when ``travel[h, v_i] + path(i..j) +
    travel[v_j, h'] <= T_d``; an empty trip goes ``h -> h'`` directly. Night hotels are respected;
    hotel-change limits are not (callers skip problems with them).

    Returns
    -------
    tuple or None
        ``(hotels, trips)`` maximising the kept prize, or ``None`` when no cut exists.
    """
    p = data.problem
    t = data.travel
    hotels = np.asarray(data.hotels)
    n_h = len(hotels)
    where = {int(h): k for k, h in enumerate(hotels)}
    n_days = data.n_days
    v = np.asarray(tour, dtype=int)
    m = len(v)
    service = data.service[v] if m else np.zeros(0)
    step = t[v[:-1], v[1:]] + service[:-1] if m else np.zeros(0)
    along = np.concatenate(([0.0], np.cumsum(step)))  # along[i]: path v_0 -> v_i
    gained = np.concatenate(([0.0], np.cumsum(data.prize[v]))) if m else np.zeros(1)
    c_from = t[np.ix_(hotels, v)] if m else np.zeros((n_h, 0))
    c_to = t[np.ix_(v, hotels)] if m else np.zeros((0, n_h))
    direct = t[np.ix_(hotels, hotels)]
    night = np.isin(hotels, data.nights)
    value = np.full((m + 1, n_h), -INF)  # value[p, h]: positions < p consumed, at hotel h
    value[0, where[p.start]] = 0.0
    # Segment (i, i + w) for every start i and length w + 1 that fits some trip: its inner length,
    # the hotels sorted by the cost of reaching v_i, and the positions it ends at.
    width = 0
    if m:
        reach = np.searchsorted(along, along + max(data.trip_cap), side="right") - np.arange(m)
        width = int(min(m, reach.max()))
    i_idx = np.arange(m)[:, None]
    w_idx = np.arange(width)[None, :]
    j_idx = i_idx + w_idx  # (m, width)
    inside = j_idx < m
    j_safe = np.minimum(j_idx, max(m - 1, 0))
    inner = np.where(inside, along[j_safe] - along[:m, None] + service[j_safe], INF)
    gain = np.where(inside, gained[j_safe + 1] - gained[:m, None], 0.0)
    order = np.argsort(c_from.T, axis=1, kind="stable")  # (m, n_h): hotels by cost to v_i
    cost_sorted = np.take_along_axis(c_from.T, order, axis=1)
    end_cost = c_to[j_safe]  # (m, width, n_h): v_j -> h'
    back = []
    for d in range(n_days):
        cap = data.trip_cap[d]
        allowed = night.copy() if d < n_days - 1 else (hotels == p.end)
        # best[i, h]: best value with pointer <= i (a trip may start at any later position);
        # arg_p[i, h]: the latest pointer <= i holding it
        best = np.maximum.accumulate(value, axis=0)
        rows = np.arange(m + 1)[:, None]
        arg_p = np.maximum.accumulate(np.where(value >= best, rows, 0), axis=0)
        new = np.full((m + 1, n_h), -INF)
        from_i = np.full((m + 1, n_h), -2, dtype=int)  # -1: empty trip; >= 0: first visit
        from_h = np.zeros((m + 1, n_h), dtype=int)
        # empty trips keep the pointer
        empty = np.where((direct <= cap)[None, :, :], value[:, :, None], -INF)
        e_val = empty.max(axis=1)
        e_val[:, ~allowed] = -INF
        up = e_val > new
        new = np.where(up, e_val, new)
        from_i = np.where(up, -1, from_i)
        from_h = np.where(up, empty.argmax(axis=1), from_h)
        if m and width:
            vals = np.take_along_axis(best[:m], order, axis=1)  # (m, n_h) in cost order
            top = np.maximum.accumulate(vals, axis=1)
            top_at = np.maximum.accumulate(np.where(vals >= top, np.arange(n_h)[None, :], 0), axis=1)
            slack = cap - inner[:, :, None] - end_cost  # (m, width, n_h')
            # number of start hotels cheap enough, per (i, w, h')
            k = (cost_sorted[:, None, None, :] <= slack[:, :, :, None]).sum(axis=3)
            kk = np.maximum(k - 1, 0)
            pick = np.take_along_axis(top[:, None, :], kk.reshape(m, -1)[:, None, :], axis=2).reshape(k.shape)
            val = np.where(k > 0, pick, -INF) + gain[:, :, None]
            val[:, :, ~allowed] = -INF
            val[~inside] = -INF
            start_h = np.take_along_axis(order, np.take_along_axis(top_at, kk.reshape(m, -1), axis=1),
                                         axis=1).reshape(k.shape)
            for w in range(width):
                rows_w = np.arange(m) + w + 1
                ok_rows = rows_w <= m
                r = rows_w[ok_rows]
                cand = val[ok_rows, w]
                up = cand > new[r] + 1e-9
                if up.any():
                    new[r] = np.where(up, cand, new[r])
                    from_i[r] = np.where(up, np.arange(m)[ok_rows][:, None], from_i[r])
                    from_h[r] = np.where(up, start_h[ok_rows, w], from_h[r])
        back.append((arg_p, from_i, from_h))
        value = new
    e = where[p.end]
    pointer = int(value[:, e].argmax())
    if value[pointer, e] == -INF:
        return None
    trips: list[list[int]] = []
    seq = [int(p.end)]
    h = e
    for d in range(n_days - 1, -1, -1):
        arg_p, from_i, from_h = back[d]
        i = int(from_i[pointer, h])
        prev = int(from_h[pointer, h])
        if i == -1:
            trips.append([])
        else:
            trips.append([int(x) for x in v[i:pointer]])
            pointer = int(arg_p[i, prev])
        h = prev
        seq.append(int(hotels[h]))
    trips.reverse()
    seq.reverse()
    return seq, trips


def neighbour_sequences(data: Data, hotels: list[int] | tuple[int, ...]) -> list[tuple[int, ...]]:
    """Hotel sequences one edit away from ``hotels`` (start and end stay), legs within budget.

    Four edits of the nights ``hotels[1:-1]``: **change** one night's hotel; **swap** two
    consecutive nights; **insert** a hotel before night ``k`` (the later nights move one trip
    later and the last one is dropped); **delete** night ``k`` (the later nights move one trip
    earlier and a hotel is added last). Swap, insert and delete move hotels to trips with other
    budgets, which a change of one night cannot do. Night hotels and the limit on changes are kept; the list is in a fixed order
    without duplicates.
    """
    n_days = data.n_days
    if n_days < 2 or len(data.nights) < 1:
        return []
    t = data.travel
    cap = data.trip_cap
    first, last = hotels[0], hotels[-1]
    nights = list(hotels[1:-1])
    options = data.nights
    found: dict[tuple[int, ...], None] = {}

    def add(middle: list[int]) -> None:
        seq = (first, *middle, last)
        if seq == tuple(hotels) or seq in found:
            return
        if any(t[seq[d], seq[d + 1]] > cap[d] for d in range(n_days)):
            return
        if data.total_limit is not None and sum(t[seq[d], seq[d + 1]] for d in range(n_days)) > data.total_limit:
            return
        if data.hotel_rules and not data.hotels_allowed(seq):
            return
        found[seq] = None

    for k in range(len(nights)):
        for h in options:
            if h != nights[k]:
                add(nights[:k] + [h] + nights[k + 1:])
    for k in range(len(nights) - 1):
        add(nights[:k] + [nights[k + 1], nights[k]] + nights[k + 2:])
    for k in range(len(nights)):
        for h in options:
            add((nights[:k] + [h] + nights[k:])[:-1])
            add(nights[:k] + nights[k + 1:] + [h])
    return list(found)
