"""Metaheuristic for :class:`~destinations.itinerary.problem.Problem` (OPHS, TOPTW, trip planning).

Outline
-------
1. **Starting tours.** (a) Hotel sequences ranked by the prize inside their trips' ellipses
   (:func:`~destinations.itinerary.hotels.hotel_sequences`) are filled greedily and tightened by
   local search. (b) *Route first, cut second* (when there are hotels to choose and no time
   windows): the problem is relaxed to one trip from ``start`` to ``end`` with the summed budget,
   solved by a short run of the same search, and its tour is cut into trips at the best hotels by
   dynamic programming (:func:`~destinations.itinerary.hotels.split_tour`).
   (c) *Hotel-sequence descent*: from the best tours so far, the sequences one edit away (a
   night changed, two swapped, one inserted or deleted, which moves later nights to trips with
   other budgets) are tried on a copy of the tour, keeping the visits that still fit, and the
   first better one is taken (:meth:`_Run.sequence_search`). A cut of a good relaxed tour often
   lands one edit from a much better sequence.
2. **Tournament.** Successive halving over tours with distinct hotel sequences gives the 8 best a
   short search each, the 3 best of those a longer one, and the winner the rest (the rounds use
   a quarter of the remaining progress each).
3. **Large neighbourhood search** with simulated-annealing acceptance
   (:mod:`~destinations.itinerary.moves` for the operators): each iteration removes visits (random;
   a segment; related; worst; a whole trip) or moves hotels (re-cut two trips; change a night's or
   a block's hotel; cut the whole tour again at the best hotels), then repairs by greedy insertion
   (``prize**alpha / shift`` with noise, :mod:`~destinations.itinerary.search`); the removed visits
   wait for the second pass so the repair cannot simply undo the destroy. Without time windows the
   changed trips are tightened with 2-opt, or-opt and swaps.
4. **Restarts and path relinking.** The search keeps an elite of good tours with different hotel
   sequences. After a stretch without improvement it returns to the best tour, restarts from an
   elite one, or walks from the best tour toward an elite one night by night (path relinking over
   hotel sequences), keeping the best tour met on the way.

Must-visit nodes carry a prize larger than the sum of all scores, so every step prefers them; the
ones that cannot be fitted are reported in :attr:`Solution.missing_required`. The hotel-change
penalty of :class:`Problem` is subtracted from the objective, and its limits hold for every tour.

Reproducible: the search is bounded by an **iteration budget** (``budget``); every phase and
inner loop is measured in iterations or bounded by work, and ``rng`` is the only source of
randomness, so the same problem, budget and seed give the same tour on any machine and load. A
time limit may stop the search earlier; the solution then says ``stopped_by == "time"``. Without a
budget but with a time limit (the benchmarks), phases are measured in seconds instead.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

import numpy as np

from destinations.errors import SolverError
from destinations.itinerary import moves
from destinations.itinerary.hotels import hotel_sequences, neighbour_sequences, split_tour
from destinations.itinerary.problem import Problem, Solution
from destinations.itinerary.search import Data, Search, State

#: Iterations when neither a budget nor a time limit is given.
DEFAULT_BUDGET = 3000
_MAX_SEQUENCES = 600
_SCREEN_SEQUENCES = 200
#: Progress shares: greedy starting tours, the relaxed route-first run.
_SCREEN_SHARE = 0.10
_RELAX_SHARE = 0.30
#: Progress share of the descent over hotel sequences (after the starting tours).
_SEQUENCE_SHARE = 0.15
#: Relaxed tours cut into trips at most, and cut tours kept for the tournament.
_RELAX_CUTS = 40
_RELAX_KEEP = 4
#: Tournament rounds: (tours kept, share of the progress left after the starting tours that is
#: used by the end of the round).
_ROUNDS = ((8, 0.25), (3, 0.5))
#: Simulated-annealing start temperature, in units of the mean visit score; it falls linearly to
#: 0 over each cycle of _CYCLE iterations, then starts again.
_TEMPERATURE = 2.0
_CYCLE = 500
#: Destroy size: 1 + U**2 * (share of the visits), so mostly small moves and sometimes large ones;
#: larger with time windows, where the routes are tighter and the search has no local search.
_DESTROY_SHARE = 0.3
_DESTROY_SHARE_TW = 0.5
#: Noise on the insertion ratio of the first repair pass: ratio * (1 + U * noise * U').
_NOISE = 0.3
#: Iterations without improvement before a search restarts (best, elite or path relinking).
_RESTART = 250
#: Progress share of one relaxed cycle (the tour searched as one trip, then cut again).
_RELAX_CYCLE = 0.02
#: Share of the visits a restart removes from the best tour before repairing it (ruin and recreate).
_SHAKE_SHARE = 0.35
#: Tours kept in the elite (distinct hotel sequences).
_ELITE = 5
#: Chance that an iteration's destroy is a global re-cut of the tour at the best hotels.
_SPLIT_SHARE = 0.05

Progress = Callable[[float, Solution], None]
_OPERATORS = ("random", "segment", "related", "worst", "trip", "hotel")


def _to_solution(data: Data, s: State, iterations: int = 0, stopped_by: str = "") -> Solution:
    days = tuple(tuple(int(v) for v in trip) for trip in s.trips)
    visited = {v for trip in s.trips for v in trip[1:-1]}
    score = float(sum(float(data.score[v]) for v in visited))
    missing = frozenset(r for r in data.problem.required if r not in visited)
    return Solution(days=days, score=score, missing_required=missing, iterations=iterations,
                    stopped_by=stopped_by)


def _sequence_limit(data: Data) -> int:
    """Beam width of :func:`hotel_sequences`: all of them for small cases, fewer when large."""
    work = len(data.hotels) * max(1, data.n_cand)
    return int(max(20, min(_MAX_SEQUENCES, 1_000_000 // work)))


def greedy(problem: Problem) -> Solution:
    """Baseline: the best-ranked hotel sequence filled by greedy ``score / shift`` insertion, no improvement."""
    data = Data(problem)
    search = Search(data, np.random.default_rng(0))
    seqs = hotel_sequences(data, _sequence_limit(data))
    state = search.new_state(list(seqs[0]))
    search.repair(state, alpha=1.0)
    return _to_solution(data, state)


class _Clock:
    """Progress in iterations (with a budget) or seconds, and the reason to stop."""

    def __init__(self, budget: float, time_limit: float, cancel: Callable[[], bool] | None,
                 timer: Callable[[], float] = time.perf_counter) -> None:
        self.timer = timer
        self.began = timer()
        self.deadline = self.began + time_limit
        self.time_limit = time_limit
        self.budget = budget
        self.cancel = cancel
        self.iterations = 0
        self.stopped_by = ""

    def progress(self) -> float:
        if math.isfinite(self.budget):
            return min(1.0, self.iterations / self.budget) if self.budget else 1.0
        return min(1.0, (self.timer() - self.began) / max(self.time_limit, 1e-9))

    def stop(self) -> bool:
        if self.stopped_by:
            return True
        if self.iterations >= self.budget:
            self.stopped_by = "budget"
        elif self.timer() >= self.deadline:
            self.stopped_by = "time"
        elif self.cancel is not None and self.cancel():
            self.stopped_by = "cancelled"
        return bool(self.stopped_by)


class _Run:
    """One call of :func:`solve`: the search, its clock, the best tour and the elite."""

    def __init__(self, problem: Problem, rng: np.random.Generator, clock: _Clock,
                 on_progress: Progress | None) -> None:
        self.data = Data(problem)
        self.search = Search(self.data, rng)
        self.rng = rng
        self.clock = clock
        self.on_progress = on_progress
        self.best: State | None = None
        self.on_best: Callable[[State], None] | None = None  # called with every new best
        self.elite: list[State] = []
        self.last_report = -1.0
        data = self.data
        self.ops = [op for op in _OPERATORS if op != "hotel" or (data.n_days > 1 and len(data.nights) > 1)]
        if data.n_days == 1:
            self.ops.remove("trip")
        self.can_split = (not data.time_windows and data.n_days > 1 and len(data.hotels) > 1
                          and data.max_changes is None and data.penalty == 0 and data.drive is None)
        self.temp0 = _TEMPERATURE * data.mean_score
        self.share = _DESTROY_SHARE_TW if data.time_windows else _DESTROY_SHARE

    # ------------------------------------------------------------------ bookkeeping
    def report(self, force: bool = False) -> None:
        if self.on_progress is None or self.best is None:
            return
        frac = self.clock.progress()
        if force or frac - self.last_report >= 0.02:
            self.last_report = frac
            self.on_progress(1.0 if force else frac, _to_solution(self.data, self.best))

    def finish(self) -> Solution:
        """The best tour as a :class:`Solution` with the search effort, reported as final."""
        self.clock.stop()
        assert self.best is not None
        solution = _to_solution(self.data, self.best, self.clock.iterations,
                                self.clock.stopped_by or "budget")
        if self.on_progress is not None:
            self.on_progress(1.0, solution)
        return solution

    def offer(self, state: State) -> None:
        """Keep ``state`` as the best and in the elite when it earns it."""
        if self.best is None or state.better_than(self.best):
            self.best = state.copy()
            self.report()
            if self.on_best is not None:
                self.on_best(self.best)
        key = tuple(state.hotels)
        for i, other in enumerate(self.elite):
            if tuple(other.hotels) == key:
                if state.better_than(other):
                    self.elite[i] = state.copy()
                return
        self.elite.append(state.copy())
        self.elite.sort(key=lambda st: (-st.obj, st.total))
        del self.elite[_ELITE:]

    def polish(self, s: State) -> None:
        search = self.search
        search.local_search(s)
        search.repair(s, alpha=1.0)
        search.local_search(s)
        if search.swap_in(s):
            search.local_search(s)
            search.repair(s, alpha=1.0)
            search.local_search(s)

    # ------------------------------------------------------------------ starting tours
    def sequence_search(self, pool: list[State], until: float) -> list[State]:
        """Descent over hotel sequences, starting from the best tours found so far.

        From the best tour of ``pool``, the neighbours of its hotel sequence
        (:func:`~destinations.itinerary.hotels.neighbour_sequences`: one night changed, two
        swapped, one inserted or deleted) are tried in random order, each on a copy of the tour
        (the new hotels set, what no longer fits dropped, then repaired and tightened: the visits
        that suit the old hotels stay where they still fit), and the first better one is taken.
        At a local optimum the next-best unexplored tour of the pool starts again. Every neighbour
        counts one iteration and a sequence is tried once. Returns the tours tried.
        """
        data, search, clock, rng = self.data, self.search, self.clock, self.rng
        seen = {tuple(st.hotels) for st in pool}
        starts = sorted(pool, key=lambda st: (-st.obj, st.total))
        built: list[State] = []
        explored: set[tuple[int, ...]] = set()
        while starts and not clock.stop() and clock.progress() < until:
            current = starts.pop(0)
            if tuple(current.hotels) in explored:
                continue
            while not clock.stop() and clock.progress() < until:
                explored.add(tuple(current.hotels))
                nbrs = [seq for seq in neighbour_sequences(data, current.hotels) if seq not in seen]
                moved = False
                for i in rng.permutation(len(nbrs)) if nbrs else ():
                    if clock.stop() or clock.progress() >= until:
                        break
                    seq = nbrs[int(i)]
                    seen.add(seq)
                    clock.iterations += 1
                    state = current.copy()
                    for k in range(1, data.n_days):
                        if state.hotels[k] != seq[k]:
                            search.set_hotel(state, k, seq[k])
                    self.polish(state)
                    built.append(state)
                    self.offer(state)
                    if state.better_than(current):
                        current = state
                        moved = True
                        break
                if not moved:
                    break
            starts = sorted([st for st in pool + built if tuple(st.hotels) not in explored],
                            key=lambda st: (-st.obj, st.total))
            self.report()
        return built

    def relaxed_starts(self, until: float) -> list[State]:
        """Route first, cut second: search the one-trip relaxation (the summed budget from start to
        end, no hotels between) and cut each better relaxed tour it finds at the best hotels."""
        data = self.data
        p = data.problem
        found: list[State] = []
        seen: set[tuple[int, ...]] = set()

        def cut(state: State) -> None:
            tour = [v for v in state.trips[0][1:-1] if not data.is_hotel[v]]
            if tuple(tour) in seen or len(seen) >= _RELAX_CUTS:
                return
            seen.add(tuple(tour))
            split = split_tour(data, tour)
            if split is None:
                return
            start = self.search.new_state(split[0])
            self.search.assign(start, split[0], split[1])
            if all(start.ok):
                self.polish(start)
                found.append(start)
                self.offer(start)

        sub = self.relaxed_run()
        sub.on_best = cut
        first = sub.search.build([p.start, p.end])
        sub.offer(first)
        sub.lns_state(first, until)
        found.sort(key=lambda st: (-st.obj, st.total))
        return found[:_RELAX_KEEP]

    def relaxed_run(self) -> _Run:
        """A search of the one-trip relaxation (every trip's budget and slack summed), sharing the clock."""
        p = self.data.problem
        relaxed = Problem.from_cost_matrix(
            p.travel, score=p.score, budgets=[float(sum(p.budgets)) + p.tolerance * (p.num_days - 1)],
            hotels=[p.start, p.end], start=p.start, end=p.end, service=p.service,
            required=p.required, tolerance=p.tolerance, name=p.name)
        sub = _Run(relaxed, self.rng, self.clock, None)
        sub.ops = [op for op in sub.ops if op != "hotel"]
        return sub

    def relax_cycle(self, state: State) -> State:
        """Leave the trips for a while: improve ``state``'s whole tour as one relaxed trip, then cut
        it at the best hotels again (a way out of a hotel sequence the search is stuck in)."""
        data = self.data
        p = data.problem
        sub = self.relaxed_run()
        tour = moves.routed_nodes(state)
        relaxed = sub.search.new_state([p.start, p.end])
        sub.search.assign(relaxed, [p.start, p.end], [tour])
        if not all(relaxed.ok):
            return self.shake(state)
        sub.offer(relaxed)
        best = sub.lns_state(relaxed, self.clock.progress() + _RELAX_CYCLE)
        split = split_tour(data, [v for v in best.trips[0][1:-1] if not data.is_hotel[v]])
        if split is None:
            return self.shake(state)
        out = self.search.new_state(split[0])
        self.search.assign(out, split[0], split[1])
        if not all(out.ok):
            return self.shake(state)
        self.polish(out)
        self.offer(out)
        return out

    # ------------------------------------------------------------------ the search
    def lns_state(self, current: State, until: float) -> State:
        """LNS from ``current`` until progress reaches ``until``; returns the best state found."""
        search, rng, clock = self.search, self.rng, self.clock
        local_best = current.copy()
        since = 0
        restarts = 0
        while not clock.stop() and clock.progress() < until:
            clock.iterations += 1
            cand = current.copy()
            visits = sum(len(tr) - 2 for tr in cand.trips)
            kmax = max(2, int(self.share * visits))
            k = 1 + int(rng.random() ** 2 * kmax)
            before = cand.routed.copy()
            if self.can_split and rng.random() < _SPLIT_SHARE:
                moves.global_split(search, cand)
                moves.destroy(search, cand, "random", max(1, k // 2))
            else:
                moves.destroy(search, cand, self.ops[int(rng.integers(len(self.ops)))], k)
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
            # Cyclic annealing: the temperature falls from temp0 to 0 over each cycle of
            # _CYCLE iterations and is reheated, so long searches keep leaving local optima.
            temp = self.temp0 * (1.0 - (clock.iterations % _CYCLE) / _CYCLE)
            if cand.obj >= current.obj - 1e-9:
                current = cand
            elif temp > 0 and rng.random() < math.exp((cand.obj - current.obj) / temp):
                current = cand
            if current.better_than(local_best):
                local_best = current.copy()
                since = 0
                self.offer(local_best)
            else:
                since += 1
                if since > _RESTART:
                    since = 0
                    restarts += 1
                    current = self.restart(local_best, restarts)
                    if current.better_than(local_best):
                        local_best = current.copy()
                        self.offer(local_best)
            self.report()
        return local_best

    def restart(self, local_best: State, count: int) -> State:
        """Where to go after a stretch without improvement: the best tour shaken hard (ruin and
        recreate), an elite tour, or a tour relinked toward an elite one."""
        others = [e for e in self.elite if tuple(e.hotels) != tuple(local_best.hotels)]
        choice = count % 4
        if choice == 3:
            return self.relax_cycle(local_best) if self.can_split else self.shake(local_best)
        if choice == 1 and others:
            return others[int(self.rng.integers(len(others)))].copy()
        if choice == 2 and others and self.data.n_days > 1:
            return self.relink(local_best, others[int(self.rng.integers(len(others)))])
        return self.shake(local_best)

    def shake(self, state: State) -> State:
        """Ruin and recreate: remove a large random share of the visits, repair with noise."""
        search, rng = self.search, self.rng
        s = state.copy()
        visits = moves.routed_nodes(s)
        if visits:
            k = max(1, int(len(visits) * _SHAKE_SHARE))
            op = ("random", "segment", "related")[int(rng.integers(3))]
            before = s.routed.copy()
            moves.destroy(search, s, op, k)
            search.repair(s, alpha=1.0, noise=_NOISE, blocked=before & ~s.routed)
            self.polish(s)
        return s

    def relink(self, source: State, target: State) -> State:
        """Path relinking over hotel sequences: move ``source``'s nights to ``target``'s, one at a
        time in random order, repairing after each; the best tour on the way is returned."""
        data, search = self.data, self.search
        state = source.copy()
        best = source.copy()
        nights = [k for k in range(1, data.n_days) if state.hotels[k] != target.hotels[k]]
        self.rng.shuffle(nights)
        for k in nights:
            trial = list(state.hotels)
            trial[k] = target.hotels[k]
            if data.hotel_rules and not data.hotels_allowed(trial):
                continue
            t = data.travel
            if t[state.hotels[k - 1], trial[k]] > data.trip_cap[k - 1] or \
                    t[trial[k], state.hotels[k + 1]] > data.trip_cap[k]:
                continue
            self.clock.iterations += 1
            search.set_hotel(state, k, trial[k])
            self.polish(state)
            if state.better_than(best):
                best = state.copy()
            if self.clock.stop():
                break
        return best


def solve(
    problem: Problem,
    *,
    rng: np.random.Generator,
    budget: int | None = None,
    time_limit: float | None = None,
    on_progress: Progress | None = None,
    max_iterations: int | None = None,
    cancel: Callable[[], bool] | None = None,
    timer: Callable[[], float] = time.perf_counter,
) -> Solution:
    """Find a high-scoring feasible itinerary.

    Parameters
    ----------
    problem
        The instance.
    rng
        Source of all randomness.
    budget
        Iterations (a construction step, a search iteration or a relinking step each count one).
        With it the result is a function of the problem, budget and seed alone, unless
        ``time_limit`` stops the search first. ``None``: :data:`DEFAULT_BUDGET`, or no bound when
        only a time limit is given (then phases are measured in seconds).
    time_limit
        Wall-clock limit in seconds (``None``: none); the search stops by then (plus one iteration).
    on_progress
        Called now and then with ``(fraction_done, best_so_far)`` and once with ``1.0`` at the end.
    max_iterations
        Former name of ``budget`` (``budget`` wins).
    cancel
        Called every iteration; returning True stops the search with the best tour so far.
    timer
        The clock of ``time_limit``: wall-clock seconds by default; a benchmark on a shared
        machine may pass ``time.process_time`` (CPU seconds of this process).

    Returns
    -------
    Solution
        Always feasible except for :attr:`Solution.missing_required` (required nodes that could
        not be fitted); ``iterations`` and ``stopped_by`` (``"budget"``, ``"time"`` or
        ``"cancelled"``) say how the search ended.

    Raises
    ------
    SolverError
        If no chain of hotels links ``start`` to ``end`` within the trip budgets, or the budget
        or time limit is not a non-negative number.
    """
    if budget is None:
        budget = max_iterations
    if budget is not None and (isinstance(budget, bool) or int(budget) != budget or budget < 0):
        raise SolverError(f"The iteration budget must be a whole number >= 0, got {budget!r}.")
    if time_limit is not None and not (math.isfinite(float(time_limit)) and time_limit >= 0):
        raise SolverError(f"The time limit must be a number of seconds >= 0, got {time_limit!r}.")
    if budget is None and time_limit is None:
        budget = DEFAULT_BUDGET
    clock = _Clock(math.inf if budget is None else float(budget),
                   math.inf if time_limit is None else float(time_limit), cancel, timer)
    run = _Run(problem, rng, clock, on_progress)
    data, search = run.data, run.search
    sequences = hotel_sequences(data, _sequence_limit(data))

    # ---- phase 1: greedy tours on the best-ranked hotel sequences, and route first, cut second
    pool: list[State] = []
    for seq in sequences[:_SCREEN_SEQUENCES]:
        if pool and (clock.stop() or clock.progress() >= _SCREEN_SHARE):
            break
        if pool:
            clock.iterations += 1
        state = search.build(list(seq))
        pool.append(state)
        run.offer(state)
    if run.can_split and data.n_cand and not clock.stop():
        pool.extend(run.relaxed_starts(clock.progress() + _RELAX_SHARE))
    if data.n_days > 1 and data.n_cand and not clock.stop():
        pool.extend(run.sequence_search(pool, clock.progress() + _SEQUENCE_SHARE))
    assert run.best is not None
    run.report()
    if data.n_cand == 0 or clock.stop():
        return run.finish()

    # ---- phase 2: successive halving on the starting tours, then one long search
    pool.sort(key=lambda st: (-st.obj, st.total))
    distinct: dict[tuple[int, ...], State] = {}
    for state in pool:
        distinct.setdefault(tuple(state.hotels), state)  # the best tour of each hotel sequence
    pool = list(distinct.values())
    start = clock.progress()
    for size, share in _ROUNDS:
        if len(pool) <= 1:
            break
        pool = pool[:size]
        begin = clock.progress()
        until = start + share * (1.0 - start)
        slot = max(0.0, until - begin) / len(pool)
        for i, state in enumerate(pool):
            pool[i] = run.lns_state(state, begin + slot * (i + 1))
        pool.sort(key=lambda st: (-st.obj, st.total))
    run.lns_state(run.best.copy(), 1.0)
    final = run.best.copy()
    if data.hotel_rules and moves.polish_hotels(search, final):
        search.repair(final, alpha=1.0)
        run.offer(final)
    return run.finish()
