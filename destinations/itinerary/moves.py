"""Destroy operators and hotel moves of the solver's large neighbourhood search.

Internal to :mod:`destinations.itinerary.solver`. Visit removals: random; a consecutive segment
(as in the ILS "shake"); spatially related; worst prize per time saved; a whole trip. Hotel moves:

* **resplit** (no time windows): trips ``k-1`` and ``k`` are joined and cut again after any of
  their visits at any night hotel that keeps both within budget; every visit and its order stay;
* **change hotel**: another hotel for one night, or for a whole block of nights at the same hotel
  (so a one-base trip can move its base), dropping what no longer fits;
* **global split** (no time windows, no limit on hotel changes): the visits of the whole tour, in
  tour order, are cut into trips at the best hotels by the dynamic programme of
  :func:`destinations.itinerary.hotels.split_tour` (a visit may be dropped between trips).

Every hotel move keeps :attr:`Problem.night_hotels` and :attr:`Problem.max_hotel_changes`.
"""

from __future__ import annotations

import numpy as np

from destinations.itinerary.hotels import split_tour
from destinations.itinerary.search import INF, Search, State

#: Share of hotel moves that re-cut two trips (the rest change a hotel and drop what no longer fits).
RESPLIT_SHARE = 0.5
#: Hotels considered (sampled) when a night's hotel is changed.
HOTEL_SAMPLE = 8


def routed_nodes(s: State) -> list[int]:
    """The visits of a state in tour order."""
    return [v for trip in s.trips for v in trip[1:-1]]


def destroy(search: Search, s: State, op: str, k: int) -> None:
    """Remove about ``k`` visits with operator ``op`` (``"hotel"`` moves a hotel first)."""
    rng = search.rng
    data = search.data
    if op == "hotel":
        if not data.time_windows and data.drive is None and rng.random() < RESPLIT_SHARE and resplit(search, s):
            if rng.random() < 0.5:
                return
        else:
            change_hotel(search, s)
        k = max(1, k // 2)
        op = "random"
    visits = routed_nodes(s)
    if not visits:
        return
    k = min(k, len(visits))
    if op == "random":
        chosen = rng.choice(len(visits), size=k, replace=False)
        search.remove(s, {visits[i] for i in chosen})
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
        search.remove(s, removed)
    elif op == "related":
        seed = visits[int(rng.integers(len(visits)))]
        order = data.nearest[data.col_of[seed]]
        routed_cols = order[s.routed[order]]
        search.remove(s, {int(data.cand[c]) for c in routed_cols[:k]})
    elif op == "worst":
        tl = data.travel_list
        ratios = []
        for trip in s.trips:
            for i in range(1, len(trip) - 1):
                a, v, b = trip[i - 1], trip[i], trip[i + 1]
                saving = tl[a][v] + data.service_list[v] + tl[v][b] - tl[a][b]
                ratios.append(((data.prize[v] / max(saving, 1e-6)) * (0.5 + rng.random()), v))
        ratios.sort()
        search.remove(s, {v for _, v in ratios[:k]})
    elif op == "trip":
        d = int(rng.integers(data.n_days))
        search.remove(s, set(s.trips[d][1:-1]))


def resplit(search: Search, s: State) -> bool:
    """Move an intermediate hotel: re-cut two consecutive trips elsewhere, possibly at another hotel.

    Keeps every visit and their order (no time windows only). Half of the time the cut leaving
    the most spare time is taken, else a random one.
    """
    data = search.data
    if data.n_days < 2 or len(data.nights) < 1:
        return False
    t = data.travel
    rng = search.rng
    k = int(rng.integers(1, data.n_days))
    first, second = s.trips[k - 1], s.trips[k]
    h_a, h_b = first[0], second[-1]
    visits = first[1:-1] + second[1:-1]
    m = len(visits)
    path = np.array([h_a] + visits + [h_b])
    step = t[path[:-1], path[1:]] + data.service[path[:-1]]  # leg i: path[i] -> path[i+1]
    prefix = np.concatenate(([0.0], np.cumsum(step[:-1])))  # start -> path[i] (i = 0..m)
    suffix = np.concatenate((np.cumsum(step[::-1])[::-1][1:], [0.0]))  # path[i+1] -> end
    hotels = np.array(data.nights)
    last = path[: m + 1]  # last node of trip k-1 for a cut after i visits
    nxt = path[1 : m + 2]  # first node of trip k
    len_a = (prefix + data.service[last])[:, None] + t[last][:, hotels]
    len_b = t[hotels][:, nxt].T + suffix[:, None]
    spare = np.minimum(data.trip_cap[k - 1] - len_a, data.trip_cap[k] - len_b)
    ok = spare >= 0
    if data.total_limit is not None:
        ok &= len_a + len_b <= data.total_limit - (s.total - s.dur[k - 1] - s.dur[k])
    if data.hotel_rules:
        trial = list(s.hotels)
        for j, h in enumerate(hotels):
            trial[k] = int(h)
            if not data.hotels_allowed(trial):
                ok[:, j] = False
    current = np.flatnonzero(hotels == s.hotels[k])
    if current.size:
        ok[len(first) - 2, current[0]] = False  # the current cut
    if not ok.any():
        return False
    if rng.random() < 0.5:
        total = np.where(ok, data.trip_cap[k - 1] - len_a + data.trip_cap[k] - len_b, -INF)
        i, j = divmod(int(total.argmax()), len(hotels))
    else:
        options = np.flatnonzero(ok)
        i, j = divmod(int(options[int(rng.integers(len(options)))]), len(hotels))
    h = int(hotels[j])
    before = data.hotel_cost(s.hotels)
    s.hotels[k] = h
    s.obj += before - data.hotel_cost(s.hotels)
    s.trips[k - 1] = [h_a] + visits[:i] + [h]
    s.trips[k] = [h] + visits[i:] + [h_b]
    search.refresh(s, k - 1)
    search.refresh(s, k)
    if not (s.ok[k - 1] and s.ok[k]):  # float noise; never expected
        for d in (k - 1, k):
            while not s.ok[d] and len(s.trips[d]) > 2:
                search.drop_worst(s, d)
    search.enforce_total(s, (k - 1, k))
    return True


def _block(s: State, k: int, n_days: int) -> list[int]:
    """The nights around night ``k`` spent at the same hotel (indices into ``s.hotels``)."""
    lo = hi = k
    while lo > 1 and s.hotels[lo - 1] == s.hotels[k]:
        lo -= 1
    while hi < n_days - 1 and s.hotels[hi + 1] == s.hotels[k]:
        hi += 1
    return list(range(lo, hi + 1))


def change_hotel(search: Search, s: State) -> bool:
    """Another hotel for one night, or for the whole block of nights at the same hotel."""
    data = search.data
    if data.n_days < 2 or len(data.nights) < 2:
        return False
    rng = search.rng
    t = data.travel
    ks = list(range(1, data.n_days))
    rng.shuffle(ks)
    for k in ks:
        block = _block(s, k, data.n_days) if rng.random() < 0.5 else [k]
        lo, hi = block[0], block[-1]
        a, b = s.hotels[lo - 1], s.hotels[hi + 1]
        options = []
        for h in data.nights:
            if h == s.hotels[k]:
                continue
            if t[a, h] > data.trip_cap[lo - 1] or t[h, b] > data.trip_cap[hi]:
                continue
            if len(block) > 1 and t[h, h] > min(data.trip_cap[lo:hi]):
                continue
            trial = list(s.hotels)
            for j in block:
                trial[j] = h
            if data.hotel_rules and not data.hotels_allowed(trial):
                continue
            options.append(h)
        if not options:
            continue
        if len(options) > HOTEL_SAMPLE:
            picked = rng.choice(len(options), size=HOTEL_SAMPLE, replace=False)
            options = [options[i] for i in sorted(picked)]
        if rng.random() < 0.5:
            # the hotel closest to the visits around it (cheapest to slot in)
            before, after = s.trips[lo - 1][-2], s.trips[hi][1]
            h = min(options, key=lambda o: t[before, o] + t[o, after])
        else:
            h = options[int(rng.integers(len(options)))]
        search.set_hotels(s, block, h)
        return True
    return False


def global_split(search: Search, s: State) -> bool:
    """Cut the whole tour's visits (in order) into trips at the best hotels; False if unchanged."""
    data = search.data
    if (data.time_windows or data.max_changes is not None or data.penalty > 0 or data.n_days < 2
            or data.drive is not None):
        return False
    tour = routed_nodes(s)
    found = split_tour(data, tour)
    if found is None:
        return False
    hotels, trips = found
    if hotels == s.hotels and [list(tr) for tr in trips] == [trip[1:-1] for trip in s.trips]:
        return False
    search.assign(s, hotels, trips)
    if not all(s.ok):  # float noise; never expected
        for d in range(data.n_days):
            while not s.ok[d] and len(s.trips[d]) > 2:
                search.drop_worst(s, d)
    search.enforce_total(s, tuple(range(data.n_days)))
    return True


def polish_hotels(search: Search, s: State, rounds: int = 3) -> bool:
    """Try every allowed hotel for every night, and for every block of nights at one hotel, while
    keeping all visits; keep a change when the objective rises, or stays and the tour gets shorter.
    Bounded: ``rounds`` passes."""
    data = search.data
    if data.n_days < 2:
        return False
    improved = False
    for _ in range(rounds):
        changed = False
        groups = [[k] for k in range(1, data.n_days)]
        k = 1
        while k < data.n_days:
            block = _block(s, k, data.n_days)
            if len(block) > 1:
                groups.append(block)
            k = block[-1] + 1
        for ks in groups:
            current = s.hotels[ks[0]]
            if any(s.hotels[j] != current for j in ks):
                continue
            best_h, best_key = current, (s.obj, -s.total)
            for h in data.nights:
                if h == current:
                    continue
                trial = list(s.hotels)
                for j in ks:
                    trial[j] = h
                if data.hotel_rules and not data.hotels_allowed(trial):
                    continue
                key = _try_hotels(search, s, ks, h)
                if key is not None and (key[0] > best_key[0] + 1e-9 or
                                        (key[0] > best_key[0] - 1e-9 and key[1] > best_key[1] + 1e-9)):
                    best_h, best_key = h, key
            if best_h != current:
                _set_keeping_visits(search, s, ks, best_h)
                changed = improved = True
        if not changed:
            break
    return improved


def _set_keeping_visits(search: Search, s: State, ks: list[int], h: int) -> None:
    data = search.data
    before = data.hotel_cost(s.hotels)
    for j in ks:
        s.hotels[j] = h
        s.trips[j - 1][-1] = s.trips[j][0] = h
    s.obj += before - data.hotel_cost(s.hotels)
    for d in range(ks[0] - 1, ks[-1] + 1):
        search.refresh(s, d)


def _try_hotels(search: Search, s: State, ks: list[int], h: int) -> tuple[float, float] | None:
    """``(objective, -total)`` with nights ``ks`` at ``h`` and the same visits, or ``None`` when a
    trip breaks its limits; ``s`` is left as it was."""
    data = search.data
    saved = (list(s.hotels), [list(s.trips[d]) for d in range(ks[0] - 1, ks[-1] + 1)], s.obj)
    _set_keeping_visits(search, s, ks, h)
    days = range(ks[0] - 1, ks[-1] + 1)
    ok = all(s.ok[d] for d in days) and (data.total_limit is None or s.total <= data.total_limit)
    key = (s.obj, -s.total) if ok else None
    s.hotels, s.obj = saved[0], saved[2]
    for d, trip in zip(days, saved[1]):
        s.trips[d] = trip
        search.refresh(s, d)
    return key
