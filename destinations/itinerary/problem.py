"""The itinerary model: orienteering with hotel selection, time windows and must-visit nodes.

One model covers three problems:

* **OPHS** (orienteering problem with hotel selection): ``D`` trips; trip ``d`` leaves a hotel and
  ends at a hotel within ``T_d``; trip 1 starts at ``start``, trip ``D`` ends at ``end``, every
  trip starts where the previous one ended, intermediate hotels are any hotel (``start`` and
  ``end`` included) and may be reused.
* **TOPTW** (team orienteering with time windows): ``m`` routes from a depot back to it. It is
  ``m`` "days" with ``start == end == depot`` and the depot as the only hotel, every day
  starting at the depot's opening time, with budget = the depot's closing time.
* **The Danish trip planner**: days with overnight bases (hotels), optional opening hours,
  must-visit nodes (:attr:`Problem.required`), hotels where one may sleep
  (:attr:`Problem.night_hotels`), and a cost for changing base: each night spent at another hotel
  than the night before costs :attr:`Problem.hotel_change_penalty` score units and at most
  :attr:`Problem.max_hotel_changes` such changes are allowed. The penalty is part of the search's
  objective only; :attr:`Solution.score` stays the sum of the visited nodes' scores. A second
  budget per trip (:attr:`Problem.drive` with :attr:`Problem.drive_caps`: the driving minutes of
  each leg and the daily driving limit) holds on every trip too.

Time semantics (of :func:`trip_schedule` and the feasibility checker, equal to the TOPTW
literature's): trip ``d`` leaves its first hotel at clock time ``day_start[d]``;
``arrival_j = departure_i + travel[i, j]``; ``start_j = max(arrival_j, open_j)`` (waiting is
allowed); the trip is infeasible if ``start_j > close_j``; ``departure_j = start_j + service_j``;
the trip must reach its last hotel by ``day_start[d] + budgets[d]``. Time windows are clock times
of a day and apply on every day (a museum open 10:00-17:00 is open so on each day). Hotels have
no window, no service time and no score at the ends of a trip, and are never visited inside a
trip. Trip *length* (duration) is ``arrival at last hotel - day_start[d]`` and includes service
and waiting; when ``total_budget`` is set the lengths of all trips must sum to at most it.

Every limit (budgets, total budget, closing times) is compared with ``tolerance`` added
(the OPHS literature uses 0.01 because the instance files print ``T_d`` rounded) plus a
float slack of :data:`EPS`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from destinations.errors import SolverError

#: Float slack on every comparison, on top of :attr:`Problem.tolerance`.
EPS = 1e-6


def _readonly(array: np.ndarray) -> np.ndarray:
    array = np.array(array, dtype=float, copy=True)
    array.setflags(write=False)
    return array


@dataclass(frozen=True, eq=False)
class Problem:
    """An itinerary instance. Build it with :meth:`from_cost_matrix`.

    Attributes
    ----------
    travel
        ``(n, n)`` travel times, read-only; ``travel[i, j]`` from ``i`` to ``j``.
    score
        ``(n,)`` score of each node (ignored for hotels).
    service
        ``(n,)`` service (visit) duration of each node (ignored for hotels).
    open, close
        ``(n,)`` earliest / latest start of service (clock time of a day); ``0`` / ``inf`` if none.
    hotels
        Nodes where a trip may start or end (overnight bases, or the depot).
    start, end
        First hotel of trip 1 and last hotel of trip ``D``.
    budgets
        ``T_d``: the length limit of each trip (``len(budgets)`` is the number of days ``D``).
    day_start
        Clock time at which each trip leaves its hotel.
    total_budget
        Limit on the sum of trip lengths, or ``None``.
    required
        Nodes that must be visited; the solver includes them if it can and reports the rest
        (:attr:`Solution.missing_required`).
    tolerance
        Added to every limit when checking.
    name
        Instance name, for messages.
    night_hotels
        Hotels where a trip other than the last may end (an overnight stay); ``None``: any hotel.
    hotel_change_penalty
        Objective cost of each night spent at another hotel than the night before (the first
        night is no change).
    max_hotel_changes
        At most this many such changes (``None``: no limit; ``0``: one hotel for every night).
    drive, drive_caps
        Optional second cost per leg (``(n, n)``, e.g. driving minutes) and its limit per trip.
    """

    travel: np.ndarray
    score: np.ndarray
    service: np.ndarray
    open: np.ndarray
    close: np.ndarray
    hotels: frozenset[int]
    start: int
    end: int
    budgets: tuple[float, ...]
    day_start: tuple[float, ...]
    total_budget: float | None = None
    required: frozenset[int] = field(default_factory=frozenset)
    tolerance: float = 0.0
    name: str = ""
    night_hotels: frozenset[int] | None = None
    hotel_change_penalty: float = 0.0
    max_hotel_changes: int | None = None
    drive: np.ndarray | None = None
    drive_caps: tuple[float, ...] | None = None

    # ------------------------------------------------------------------ construction
    @classmethod
    def from_cost_matrix(
        cls,
        travel: np.ndarray | Sequence[Sequence[float]],
        *,
        score: Sequence[float] | np.ndarray,
        budgets: Sequence[float],
        hotels: Iterable[int],
        start: int,
        end: int | None = None,
        service: Sequence[float] | np.ndarray | None = None,
        time_windows: Sequence[tuple[float, float]] | np.ndarray | None = None,
        day_start: float | Sequence[float] = 0.0,
        total_budget: float | None = None,
        required: Iterable[int] = (),
        tolerance: float = 0.0,
        name: str = "",
        night_hotels: Iterable[int] | None = None,
        hotel_change_penalty: float = 0.0,
        max_hotel_changes: int | None = None,
        drive: np.ndarray | Sequence[Sequence[float]] | None = None,
        drive_caps: Sequence[float] | float | None = None,
    ) -> Problem:
        """Validate and build a problem.

        Parameters
        ----------
        travel
            Square matrix of non-negative travel times.
        score
            One score per node.
        budgets
            Per-trip length limit ``T_d``; its length is the number of days/trips/routes.
        hotels
            Hotel (or depot) nodes; ``start`` and ``end`` are added to them.
        start, end
            First and last hotel (``end`` defaults to ``start``).
        service
            Service duration per node (default 0).
        time_windows
            ``(open, close)`` per node (default ``(0, inf)``); ``None`` entries allowed.
        day_start
            Clock time each trip leaves its hotel: one number for all days or one per day.
        total_budget
            Optional limit on the summed trip lengths (OPHS ``Tmax``).
        required
            Must-visit nodes (not hotels).
        tolerance
            Slack added to every limit when checking.
        name
            Instance name.
        night_hotels
            Hotels where a night may be spent (``None``: all); each is added to ``hotels``.
        hotel_change_penalty, max_hotel_changes
            Cost of, and limit on, changing hotel between consecutive nights.
        drive, drive_caps
            A second cost per leg (same shape as ``travel``) and its limit per trip (one number
            for all trips or one per trip); both or neither.

        Raises
        ------
        SolverError
            If shapes disagree, values are negative/NaN or node ids are out of range.
        """
        where = name or "problem"
        t = np.array(travel, dtype=float)
        if t.ndim != 2 or t.shape[0] != t.shape[1] or t.shape[0] < 1:
            raise SolverError(f"{where}: travel must be a square (n, n) matrix, got shape {t.shape}")
        n = t.shape[0]
        if not np.all(np.isfinite(t)) or np.any(t < 0):
            raise SolverError(f"{where}: travel times must be finite and non-negative")

        def vector(values: object, what: str, default: float) -> np.ndarray:
            if values is None:
                return np.full(n, default, dtype=float)
            v = np.array(values, dtype=float).reshape(-1)
            if v.shape != (n,):
                raise SolverError(f"{where}: {what} needs {n} values (one per node), got {v.size}")
            if np.any(np.isnan(v)) or np.any(v < 0):
                raise SolverError(f"{where}: {what} must be non-negative numbers")
            return v

        s = vector(score, "score", 0.0)
        if not np.all(np.isfinite(s)):
            raise SolverError(f"{where}: scores must be finite")
        svc = vector(service, "service", 0.0)
        if not np.all(np.isfinite(svc)):
            raise SolverError(f"{where}: service durations must be finite")
        if time_windows is None:
            o = np.zeros(n)
            c = np.full(n, math.inf)
        else:
            tw = list(time_windows)
            if len(tw) != n:
                raise SolverError(f"{where}: time_windows needs {n} (open, close) pairs, got {len(tw)}")
            o = np.zeros(n)
            c = np.full(n, math.inf)
            for i, w in enumerate(tw):
                if w is None:
                    continue
                lo, hi = (0.0 if w[0] is None else float(w[0])), (math.inf if w[1] is None else float(w[1]))
                if math.isnan(lo) or math.isnan(hi) or lo > hi:
                    raise SolverError(f"{where}: time window of node {i} is invalid: {w!r}")
                o[i], c[i] = lo, hi

        end = start if end is None else end
        hotel_set = frozenset(int(h) for h in hotels) | {int(start), int(end)}
        for h in hotel_set:
            if not 0 <= h < n:
                raise SolverError(f"{where}: hotel {h} is not a node (0..{n - 1})")
        b = tuple(float(x) for x in budgets)
        if not b:
            raise SolverError(f"{where}: budgets must list at least one trip")
        if any(math.isnan(x) or x < 0 for x in b):
            raise SolverError(f"{where}: budgets must be non-negative numbers, got {b}")
        if isinstance(day_start, (int, float)):
            ds = (float(day_start),) * len(b)
        else:
            ds = tuple(float(x) for x in day_start)
            if len(ds) != len(b):
                raise SolverError(f"{where}: day_start needs {len(b)} values (one per trip), got {len(ds)}")
        req = frozenset(int(r) for r in required)
        for r in req:
            if not 0 <= r < n:
                raise SolverError(f"{where}: required node {r} is not a node (0..{n - 1})")
            if r in hotel_set:
                raise SolverError(f"{where}: required node {r} is a hotel; hotels cannot be required visits")
        if total_budget is not None:
            total_budget = float(total_budget)
            if math.isnan(total_budget) or total_budget < 0:
                raise SolverError(f"{where}: total_budget must be a non-negative number")
        if tolerance < 0:
            raise SolverError(f"{where}: tolerance must be non-negative")
        nights = None
        if night_hotels is not None:
            nights = frozenset(int(h) for h in night_hotels)
            for h in nights:
                if not 0 <= h < n:
                    raise SolverError(f"{where}: night hotel {h} is not a node (0..{n - 1})")
            if len(b) > 1 and not nights:
                raise SolverError(f"{where}: a tour of {len(b)} trips needs at least one night hotel")
            hotel_set = hotel_set | nights
            if req & nights:
                raise SolverError(f"{where}: required nodes {sorted(req & nights)} are hotels")
        second = None
        caps = None
        if (drive is None) != (drive_caps is None):
            raise SolverError(f"{where}: give drive and drive_caps together, or neither")
        if drive is not None:
            second = np.array(drive, dtype=float)
            if second.shape != t.shape or not np.all(np.isfinite(second)) or np.any(second < 0):
                raise SolverError(f"{where}: drive must be a finite non-negative {t.shape} matrix")
            caps = (float(drive_caps),) * len(b) if isinstance(drive_caps, (int, float)) else \
                tuple(float(x) for x in drive_caps)
            if len(caps) != len(b) or any(math.isnan(c) or c < 0 for c in caps):
                raise SolverError(f"{where}: drive_caps needs {len(b)} non-negative values")
        penalty = float(hotel_change_penalty)
        if not math.isfinite(penalty) or penalty < 0:
            raise SolverError(f"{where}: hotel_change_penalty must be a non-negative number")
        if max_hotel_changes is not None and (int(max_hotel_changes) != max_hotel_changes
                                              or max_hotel_changes < 0):
            raise SolverError(f"{where}: max_hotel_changes must be a whole number >= 0 or None")
        return cls(
            travel=_readonly(t),
            score=_readonly(s),
            service=_readonly(svc),
            open=_readonly(o),
            close=_readonly(c),
            hotels=hotel_set,
            start=int(start),
            end=int(end),
            budgets=b,
            day_start=ds,
            total_budget=total_budget,
            required=req,
            tolerance=float(tolerance),
            name=name,
            night_hotels=nights,
            hotel_change_penalty=penalty,
            max_hotel_changes=None if max_hotel_changes is None else int(max_hotel_changes),
            drive=None if second is None else _readonly(second),
            drive_caps=caps,
        )

    # ------------------------------------------------------------------ derived facts
    @property
    def n(self) -> int:
        """Number of nodes."""
        return int(self.travel.shape[0])

    @property
    def num_days(self) -> int:
        """Number of trips (days, routes) ``D``."""
        return len(self.budgets)

    @property
    def has_time_windows(self) -> bool:
        """Whether any non-hotel node has a binding window (open after every day start, or a finite close)."""
        visits = [i for i in range(self.n) if i not in self.hotels]
        if not visits:
            return False
        earliest = min(self.day_start)
        return bool(np.any(np.isfinite(self.close[visits])) or np.any(self.open[visits] > earliest))

    @property
    def visit_nodes(self) -> tuple[int, ...]:
        """Non-hotel nodes (the ones that can be visited and scored)."""
        return tuple(i for i in range(self.n) if i not in self.hotels)

    def hotel_changes(self, hotels: Sequence[int]) -> int:
        """Nights spent at another hotel than the night before, for a hotel sequence
        ``(start, night 1, ..., night D-1, end)``."""
        nights = list(hotels)[1:-1]
        return sum(1 for a, b in zip(nights, nights[1:]) if a != b)

    def trip_limit(self, day: int) -> float:
        """Clock time by which trip ``day`` must reach its last hotel (tolerance included)."""
        return self.day_start[day] + self.budgets[day] + self.tolerance


def trip_schedule(problem: Problem, day: int, nodes: Sequence[int]) -> tuple[list[float], list[float]]:
    """Arrival and service-start times along one trip (``nodes`` includes both hotels).

    Returns ``(arrival, start)`` lists of ``len(nodes)``; for the first hotel both equal
    ``day_start[day]``, for the last hotel ``start == arrival``. No feasibility check is made.
    """
    t = problem.travel
    now = problem.day_start[day]
    arrival = [now]
    begin = [now]
    last = len(nodes) - 1
    for k in range(1, len(nodes)):
        prev, node = nodes[k - 1], nodes[k]
        service = 0.0 if k - 1 == 0 else float(problem.service[prev])
        a = begin[-1] + service + float(t[prev, node])
        arrival.append(a)
        begin.append(a if k == last else max(a, float(problem.open[node])))
    return arrival, begin


@dataclass(frozen=True)
class Solution:
    """An itinerary: one node sequence per day, each including its first and last hotel.

    Attributes
    ----------
    days
        ``days[d]`` is trip ``d``: ``(hotel, visit, ..., visit, hotel)``.
    score
        Sum of the scores of the visited nodes.
    missing_required
        Required nodes the solver could not fit (empty when all were included).
    iterations
        Search iterations spent (0 for a solution not made by the search).
    stopped_by
        Why the search ended: ``"budget"`` (the iteration budget was used), ``"time"`` (the time
        limit came first: the result may differ on another machine), ``"cancelled"``, or ``""``.
    """

    days: tuple[tuple[int, ...], ...]
    score: float
    missing_required: frozenset[int] = frozenset()
    iterations: int = 0
    stopped_by: str = ""

    @classmethod
    def from_days(cls, problem: Problem, days: Iterable[Iterable[int]]) -> Solution:
        """Build a solution from node sequences, computing its score and missing required nodes."""
        seqs = tuple(tuple(int(v) for v in day) for day in days)
        visited = {v for day in seqs for v in day[1:-1] if v not in problem.hotels and 0 <= v < problem.n}
        score = float(sum(float(problem.score[v]) for v in visited))
        return cls(days=seqs, score=score, missing_required=frozenset(problem.required - visited))

    @property
    def visited(self) -> tuple[int, ...]:
        """Visited (non-hotel) nodes in tour order."""
        return tuple(v for day in self.days for v in day[1:-1])

    @property
    def hotel_sequence(self) -> tuple[int, ...]:
        """The hotels of the tour: first hotel of every trip, then the last hotel."""
        if not self.days:
            return ()
        return tuple(day[0] for day in self.days) + (self.days[-1][-1],)

    def lengths(self, problem: Problem) -> tuple[float, ...]:
        """Length (duration, waiting and service included) of every trip."""
        out = []
        for d, day in enumerate(self.days):
            arrival, _ = trip_schedule(problem, d, day)
            out.append(arrival[-1] - problem.day_start[d])
        return tuple(out)

    def feasibility(self, problem: Problem) -> list[str]:
        """Every violated constraint as a sentence; an empty list means feasible.

        Checks the number of trips, that trip 1 starts at ``start`` and trip ``D`` ends at
        ``end``, that consecutive trips chain at the same hotel, that trips start and end at
        hotels and visit only non-hotel nodes, each at most once, the time windows, the
        per-trip budgets, the total budget, the required nodes and the claimed score.
        """
        issues: list[str] = []
        n = problem.n
        if len(self.days) != problem.num_days:
            issues.append(f"{len(self.days)} trips given, the problem has {problem.num_days}")
        slack = problem.tolerance + EPS
        seen: dict[int, int] = {}
        total = 0.0
        score = 0.0
        for d, day in enumerate(self.days):
            label = f"trip {d + 1}"
            if len(day) < 2:
                issues.append(f"{label} has {len(day)} nodes; it needs at least its two hotels")
                continue
            bad = [v for v in day if not 0 <= v < n]
            if bad:
                issues.append(f"{label} has unknown nodes {bad} (nodes are 0..{n - 1})")
                continue
            if day[0] not in problem.hotels:
                issues.append(f"{label} starts at node {day[0]}, which is not a hotel")
            if day[-1] not in problem.hotels:
                issues.append(f"{label} ends at node {day[-1]}, which is not a hotel")
            if d == 0 and day[0] != problem.start:
                issues.append(f"{label} starts at {day[0]}, the tour must start at hotel {problem.start}")
            if d == len(self.days) - 1 and day[-1] != problem.end:
                issues.append(f"{label} ends at {day[-1]}, the tour must end at hotel {problem.end}")
            if d > 0 and len(self.days[d - 1]) >= 1 and self.days[d - 1][-1] != day[0]:
                issues.append(
                    f"{label} starts at {day[0]} but trip {d} ended at {self.days[d - 1][-1]}"
                )
            for v in day[1:-1]:
                if v in problem.hotels:
                    issues.append(f"{label} visits hotel {v} inside the trip")
                elif v in seen:
                    issues.append(f"node {v} is visited twice (trips {seen[v] + 1} and {d + 1})")
                else:
                    seen[v] = d
                    score += float(problem.score[v])
            if d >= problem.num_days:
                continue
            arrival, begin = trip_schedule(problem, d, day)
            for k in range(1, len(day) - 1):
                v = day[k]
                if begin[k] > problem.close[v] + slack:
                    issues.append(
                        f"{label}: service at node {v} would start at {begin[k]:.4f}, "
                        f"after its closing time {problem.close[v]:g}"
                    )
            length = arrival[-1] - problem.day_start[d]
            total += length
            if problem.drive is not None and problem.drive_caps is not None:
                driven = float(sum(problem.drive[a, b] for a, b in zip(day, day[1:])))
                if driven > problem.drive_caps[d] + slack:
                    issues.append(f"{label} drives {driven:.4f}, over its cap {problem.drive_caps[d]:g}")
            if arrival[-1] > problem.day_start[d] + problem.budgets[d] + slack:
                issues.append(
                    f"{label} lasts {length:.4f}, over its budget {problem.budgets[d]:g}"
                )
        hotels = self.hotel_sequence
        if problem.night_hotels is not None:
            for d, h in enumerate(hotels[1:-1], start=1):
                if h not in problem.night_hotels:
                    issues.append(f"night {d} is spent at hotel {h}, where no night may be spent")
        if problem.max_hotel_changes is not None and len(hotels) > 2:
            changes = problem.hotel_changes(hotels)
            if changes > problem.max_hotel_changes:
                issues.append(f"the tour changes hotel {changes} times, at most "
                              f"{problem.max_hotel_changes} are allowed")
        if problem.total_budget is not None and total > problem.total_budget + slack:
            issues.append(f"the trips last {total:.4f} in all, over the total budget {problem.total_budget:g}")
        missing = sorted(problem.required - set(seen))
        if missing:
            issues.append(f"required nodes {missing} are not visited")
        if abs(score - self.score) > 1e-6 * max(1.0, abs(score)):
            issues.append(f"claimed score {self.score:g} differs from the visited nodes' score {score:g}")
        return issues

    def is_feasible(self, problem: Problem) -> bool:
        """``True`` when :meth:`feasibility` finds nothing."""
        return not self.feasibility(problem)
