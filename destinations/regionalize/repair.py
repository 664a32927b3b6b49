"""Repair a plan with the fewest municipality moves: contiguity and the critical-mass floor.

A plan is valid for repair when every (non-empty) company is contiguous on the travel graph and
reaches the floor; unaffiliated municipalities are left alone unless moving one into a company is
part of the fix. Locked companies never change. A move takes one municipality into a company it
borders at the time of the move, or **splits it off into a company of its own** (an empty company
of the plan, else a new one; one per repair); a company may end up empty (dissolved into its
neighbours). Splitting matters where a municipality borders no other company: Bornholm moved into
Destination Sønderjylland is fixed by one move, Bornholm on its own again, although its only
(ferry) neighbour Køge is in no company.

Search:

* **Exact** - iterative-deepening A* over move sequences with an admissible bound
  ``h = V - M`` (``V`` violating companies, ``M`` the largest set of disjoint pairs of *adjacent*
  violating companies, since one move touches at most two companies). Every move must touch a
  company that violates or that an earlier move touched (a minimal fix never needs an unrelated
  move), no municipality moves twice, and states already searched at the same depth are skipped.
  Within ``time_limit`` / ``node_budget`` the result is proven minimal for this move model
  (``optimal=True``).
* **Heuristic** (when the exact search runs out of budget): violating companies far apart are fixed
  independently (exactly when small), the rest greedily with a two-move look-ahead. The result
  then reports the lower bound ``lower_bound`` it is compared with.

Moves come back in an order the user can accept one by one (:class:`Move` with a reason).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Mapping, Sequence

import numpy as np

from destinations.errors import SolverError
from destinations.regionalize.problem import RegionalizationProblem


@dataclass(frozen=True)
class Move:
    """One suggested move: ``code`` leaves ``from_company`` (None = unaffiliated) for
    ``to_company``, with a plain-language ``reason``. ``new_company`` is the display name when
    the move creates ``to_company`` (it is not in the plan yet; :func:`apply_moves` adds it)."""

    code: str
    from_company: str | None
    to_company: str
    reason: str
    new_company: str | None = None

    def to_dict(self, names: Mapping[str, str] | None = None,
                unit_names: Mapping[str, str] | None = None) -> dict:
        names = names or {}
        return {"code": self.code, "municipality": (unit_names or {}).get(self.code, self.code),
                "from": self.from_company, "from_name": names.get(self.from_company)
                if self.from_company else None,
                "to": self.to_company,
                "to_name": names.get(self.to_company, self.new_company or self.to_company),
                "new_company": self.new_company is not None, "reason": self.reason}


@dataclass(frozen=True)
class RepairResult:
    """Suggested moves and how good they are.

    Attributes
    ----------
    moves
        In the order to apply them.
    lower_bound
        No repair can use fewer moves.
    optimal
        True when the moves are proven minimal (exact search finished).
    valid_after
        True when applying every move leaves no contiguity or floor violation.
    before, after
        Violations before and after: ``{"below_floor": [...], "noncontiguous": [...]}`` (ids).
    notes
        What the search did (exact / heuristic, budget).
    new_companies
        ``{company id: display name}`` of companies the moves create.
    """

    moves: tuple[Move, ...]
    lower_bound: int
    optimal: bool
    valid_after: bool
    before: Mapping[str, tuple[str, ...]]
    after: Mapping[str, tuple[str, ...]]
    notes: tuple[str, ...] = field(default_factory=tuple)
    new_companies: Mapping[str, str] = field(default_factory=dict)


class _State:
    """Labels with incremental company weights/members and cached violation flags."""

    def __init__(self, problem: RegionalizationProblem, labels: np.ndarray, companies: int,
                 floor: float, locked: set[int], spare: int | None = None) -> None:
        self.problem = problem
        self.nbl = [[int(x) for x in nb] for nb in problem.neighbours]
        self.w = [float(x) for x in problem.weights]
        self.C = companies
        self.floor = floor
        self.locked = locked
        # An empty company a municipality may split off into (None: splitting is off). One slot
        # is enough to prove minimality: every empty company is alike until someone joins it.
        self.spare = spare
        self.reset(labels)

    def reset(self, labels: Sequence[int]) -> None:
        """Back to ``labels`` (rebuilds members, weights and flags)."""
        self.labels = [int(x) for x in labels]
        self.members = [set() for _ in range(self.C)]
        for i, c in enumerate(self.labels):
            if c >= 0:
                self.members[c].add(i)
        self.weight = [sum(self.w[i] for i in m) for m in self.members]
        self.flags = [self._flags(c) for c in range(self.C)]

    def _flags(self, c: int) -> tuple[bool, bool, int]:
        """(below floor, several parts, parts) of company ``c`` (an empty company is fine)."""
        members = self.members[c]
        if not members:
            return (False, False, 0)
        parts = self._parts(c)
        return (self.weight[c] < self.floor - 1e-9, parts > 1, parts)

    def _parts(self, c: int) -> int:
        remaining = set(self.members[c])
        parts = 0
        while remaining:
            parts += 1
            stack = [remaining.pop()]
            while stack:
                x = stack.pop()
                for y in self.nbl[x]:
                    if y in remaining:
                        remaining.discard(y)
                        stack.append(y)
        return parts

    def violating(self) -> list[int]:
        return [c for c in range(self.C) if self.flags[c][0] or self.flags[c][1]]

    def score(self) -> tuple[int, float, int]:
        """(violating companies, floor shortfall in floors, extra parts) - lower is better."""
        shortfall = sum(max(0.0, self.floor - self.weight[c]) for c in range(self.C)
                        if self.members[c]) / (self.floor if self.floor > 0 else 1.0)
        extra = sum(max(0, f[2] - 1) for f in self.flags)
        return (len(self.violating()), shortfall, extra)

    def apply(self, unit: int, target: int) -> int:
        source = self.labels[unit]
        self.labels[unit] = target
        if source >= 0:
            self.members[source].discard(unit)
            self.weight[source] -= self.w[unit]
        self.members[target].add(unit)
        self.weight[target] += self.w[unit]
        for c in (source, target):
            if c >= 0:
                self.flags[c] = self._flags(c)
        return source

    def undo(self, unit: int, source: int) -> None:
        target = self.labels[unit]
        self.labels[unit] = source
        self.members[target].discard(unit)
        self.weight[target] -= self.w[unit]
        if source >= 0:
            self.members[source].add(unit)
            self.weight[source] += self.w[unit]
        for c in (source, target):
            if c >= 0:
                self.flags[c] = self._flags(c)

    def company_neighbours(self, c: int) -> set[int]:
        labels = self.labels
        return {labels[y] for x in self.members[c] for y in self.nbl[x]
                if labels[y] >= 0 and labels[y] != c}

    def moves_touching(self, companies: set[int], moved: set[int]) -> list[tuple[int, int]]:
        """Moves (unit, target) out of or into any of ``companies``, respecting locks."""
        out: set[tuple[int, int]] = set()
        labels = self.labels
        spare = self.spare
        spare_open = spare is not None and not self.members[spare]
        for c in companies:
            if c in self.locked:
                continue
            for x in self.members[c]:
                if x in moved:
                    continue
                for y in self.nbl[x]:
                    t = labels[y]
                    if t >= 0 and t != c and t not in self.locked:
                        out.add((x, t))
                    if t != c and y not in moved and (t < 0 or t not in self.locked):
                        out.add((y, c))
                if spare_open and len(self.members[c]) > 1:
                    out.add((x, spare))
        return sorted(out)


def _lower_bound(state: _State, violating: list[int]) -> int:
    """``V - M``: violating companies minus the most disjoint adjacent pairs among them."""
    if len(violating) < 2:
        return len(violating)
    adjacent = {c: state.company_neighbours(c) & set(violating) for c in violating}
    best = 0

    def match(rest: list[int], count: int) -> None:
        nonlocal best
        best = max(best, count)
        if not rest or count + len(rest) // 2 <= best:
            return
        head, tail = rest[0], rest[1:]
        for other in tail:
            if other in adjacent[head]:
                match([x for x in tail if x != other], count + 1)
        match(tail, count)

    match(sorted(violating), 0)
    return len(violating) - best


class _Budget(Exception):
    pass


def _exact(state: _State, *, max_depth: int, deadline: float, node_budget: int,
           scope: set[int] | None = None) -> list[tuple[int, int]] | None:
    """Fewest moves (IDA*) fixing the violations of companies in ``scope`` (all when None)
    without breaking any other company.

    On success the state holds the moves and they are returned; None means no fix exists within
    ``max_depth`` (the state is unchanged); :class:`_Budget` is raised when time or nodes run out
    (the state is then mid-search: reset it).
    """
    allowed = set() if scope is None else {c for c in state.violating() if c not in scope}
    nodes = 0

    def bad() -> list[int]:
        return [c for c in state.violating() if c not in allowed]

    start = bad()
    if not start:
        return []
    for bound in range(max(_lower_bound(state, start), 1), max_depth + 1):
        seen: dict[tuple, int] = {}
        path: list[tuple[int, int]] = []

        def search(touched: set[int], moved: set[int]) -> bool:
            nonlocal nodes
            nodes += 1
            if nodes > node_budget or nodes % 256 == 0 and time.perf_counter() > deadline:
                raise _Budget()
            current = bad()
            if not current:
                return True
            if len(path) + _lower_bound(state, current) > bound:
                return False
            key = tuple(sorted((u, state.labels[u]) for u in moved))
            left = bound - len(path)
            if seen.get(key, -1) >= left:
                return False
            seen[key] = left
            for unit, target in state.moves_touching(set(current) | touched, moved):
                source = state.apply(unit, target)
                path.append((unit, target))
                moved.add(unit)
                if search(touched | {target} | ({source} if source >= 0 else set()), moved):
                    return True
                moved.discard(unit)
                path.pop()
                state.undo(unit, source)
            return False

        if search(set(), set()):
            return list(path)
    return None


def _greedy(state: _State, *, deadline: float, limit: int) -> list[tuple[int, int]]:
    """Best single move by :meth:`_State.score`, or the best pair when no single move helps."""
    moves: list[tuple[int, int]] = []
    moved: set[int] = set()
    while state.violating() and len(moves) < limit and time.perf_counter() < deadline:
        current = state.score()
        bad = set(state.violating())
        touched = bad | {state.labels[u] for u in moved if state.labels[u] >= 0}
        best = None
        candidates = state.moves_touching(touched, moved)
        for unit, target in candidates:
            source = state.apply(unit, target)
            score = state.score()
            state.undo(unit, source)
            if score < current and (best is None or score < best[0]):
                best = (score, [(unit, target)])
        if best is None:
            for (u1, t1) in candidates:
                if time.perf_counter() > deadline:
                    break
                s1 = state.apply(u1, t1)
                for u2, t2 in state.moves_touching(bad | {t1} | ({s1} if s1 >= 0 else set()),
                                                   moved | {u1}):
                    s2 = state.apply(u2, t2)
                    score = state.score()
                    state.undo(u2, s2)
                    if score < current and (best is None or score < best[0]):
                        best = (score, [(u1, t1), (u2, t2)])
                state.undo(u1, s1)
        if best is None:
            break
        for unit, target in best[1]:
            state.apply(unit, target)
            moves.append((unit, target))
            moved.add(unit)
    return moves


def _clusters(state: _State, violating: list[int]) -> list[set[int]]:
    """Violating companies grouped when within two company-steps of each other."""
    near = {c: state.company_neighbours(c) for c in violating}
    reach = {c: near[c] | set().union(*(state.company_neighbours(x) for x in near[c]))
             for c in violating}
    groups: list[set[int]] = []
    for c in violating:
        joined = [g for g in groups if any(c in reach[x] or x in reach[c] for x in g)]
        merged = {c}.union(*joined) if joined else {c}
        groups = [g for g in groups if g not in joined] + [merged]
    return groups


def repair(problem: RegionalizationProblem, labels: Sequence[int], *, floor: float,
           company_ids: Sequence[str] | None = None, locked: Sequence[str] = (),
           company_names: Mapping[str, str] | None = None, time_limit: float = 5.0,
           max_exact_moves: int = 6, node_budget: int = 200_000,
           split: bool = True) -> RepairResult:
    """Fewest moves making every company contiguous and at or above ``floor``.

    Parameters
    ----------
    problem
        Units, adjacency and overnight stays (its locks are not used; pass ``locked``).
    labels
        Company index per unit (``-1`` = unaffiliated).
    floor
        Minimum overnight stays per company.
    company_ids
        Id of each company index (default ``"0", "1", ...``).
    locked
        Company ids that may not change.
    company_names
        Display names used in the reasons (default: the ids).
    time_limit, node_budget
        Bounds of the exact search (the heuristic finishes within the time limit too).
    max_exact_moves
        Deepest exact search.
    split
        Allow a municipality to split off into a company of its own: the first empty unlocked
        company of the plan, else a new one (id ``new-company``, named after the municipality).
    """
    labels = np.asarray(labels, dtype=np.int64)
    if labels.shape != (problem.n,):
        raise SolverError(f"The plan has {labels.size} labels for {problem.n} units.")
    companies = int(labels.max()) + 1 if labels.size and labels.max() >= 0 else 0
    ids = list(company_ids) if company_ids is not None else [str(c) for c in range(companies)]
    if len(ids) < companies:
        raise SolverError("Fewer company ids than companies in the plan.")
    companies = max(companies, len(ids))
    locked_idx = {ids.index(c) for c in locked if c in ids}
    spare, new_slot = None, False
    if split:
        empty = [c for c in range(companies) if c not in locked_idx and not np.any(labels == c)]
        if empty:
            spare = empty[0]
        else:
            spare, new_slot = companies, True
            ids.append(_unique_id("new-company", ids))
            companies += 1
    began = time.perf_counter()
    deadline = began + max(0.05, float(time_limit))
    state = _State(problem, labels, companies, float(floor), locked_idx, spare=spare)
    original = list(state.labels)

    def report(s: _State) -> dict[str, tuple[str, ...]]:
        return {"below_floor": tuple(ids[c] for c in range(s.C) if s.flags[c][0]),
                "noncontiguous": tuple(ids[c] for c in range(s.C) if s.flags[c][1])}

    before = report(state)
    violating = state.violating()
    stuck = [ids[c] for c in violating if c in locked_idx]
    notes: list[str] = []
    if stuck:
        notes.append(f"Locked companies {stuck} break a constraint and may not change; unlock them "
                     "to repair them.")
    # Locked companies that break a constraint cannot be fixed: the search leaves them alone.
    fixable = [c for c in violating if c not in locked_idx]
    scope = set(range(companies)) - (set(violating) - set(fixable))
    bound = _lower_bound(state, fixable)
    moves: list[tuple[int, int]] | None = None
    optimal = False
    if not fixable:
        moves, optimal = [], True
    else:
        try:
            moves = _exact(state, max_depth=max_exact_moves, deadline=deadline,
                           node_budget=node_budget, scope=scope)
            if moves is not None:
                optimal = True
                notes.append("exact search: no repair with fewer moves exists")
            else:
                notes.append(f"no repair with at most {max_exact_moves} moves exists")
                bound = max(bound, max_exact_moves + 1)
        except _Budget:
            notes.append("the exact search ran out of time; the moves come from a heuristic "
                         "(far-apart problems fixed separately, the rest greedily)")
        state.reset(original)
        if moves is None:
            moves = []
            for cluster in _clusters(state, fixable):
                try:
                    part = _exact(state, max_depth=min(3, max_exact_moves),
                                  deadline=min(deadline, time.perf_counter() + 0.5),
                                  node_budget=node_budget // 4, scope=cluster)
                except _Budget:
                    part = None
                    _replay(state, original, moves)
                moves += part or []
            moves += _greedy(state, deadline=deadline + 0.5, limit=4 * problem.n)
            state.reset(original)
    shown = [(company_names or {}).get(cid, cid) for cid in ids]
    new_companies: dict[str, str] = {}
    if new_slot:
        joining = [unit for unit, target in moves if target == spare]
        if joining:
            # Named after its first member, as a user would name it; never a taken name.
            folded = {name.casefold() for name in shown[:-1]}
            name, n = problem.names[joining[0]], 2
            while name.casefold() in folded:
                name, n = f"{problem.names[joining[0]]} ({n})", n + 1
            shown[spare] = name
            new_companies[ids[spare]] = name
    result_moves = _describe(problem, state, moves, ids, shown, float(floor), spare=spare,
                             new_companies=new_companies)
    for unit, target in moves:
        state.apply(unit, target)
    after = report(state)
    valid_after = not after["below_floor"] and not after["noncontiguous"]
    if not valid_after:
        notes.append("the moves found do not fix every violation; fix the rest by hand")
    return RepairResult(moves=tuple(result_moves), lower_bound=int(bound if not optimal
                                                                    else len(moves)),
                        optimal=optimal, valid_after=valid_after, before=before, after=after,
                        notes=tuple(notes), new_companies=new_companies)


def _unique_id(stem: str, taken: Sequence[str]) -> str:
    candidate, n = stem, 2
    while candidate in taken:
        candidate, n = f"{stem}-{n}", n + 1
    return candidate


def _replay(state: _State, original: Sequence[int], moves: list[tuple[int, int]]) -> None:
    """Reset ``state`` to ``original`` plus ``moves``."""
    state.reset(original)
    for unit, target in moves:
        state.apply(unit, target)


def _describe(problem: RegionalizationProblem, state: _State, moves: list[tuple[int, int]],
              ids: Sequence[str], shown: Sequence[str], floor: float, *, spare: int | None = None,
              new_companies: Mapping[str, str] | None = None) -> list[Move]:
    """Replay ``moves`` from the state's current labels, explaining each one."""
    out = []
    names = problem.names
    new_companies = new_companies or {}
    for unit, target in moves:
        creates = target == spare and not state.members[target]
        source = state.labels[unit]
        src_flags = state.flags[source] if source >= 0 else (False, False, 0)
        tgt_flags = state.flags[target]
        detached = False
        if source >= 0 and src_flags[1]:
            parts = problem.components(sorted(state.members[source]))
            detached = unit not in parts[0]
        state.apply(unit, target)
        target_name = shown[target]
        if creates:
            how = ("a new company" if ids[target] in new_companies else
                   f"the empty company {target_name}")
            if detached:
                reason = (f"{names[unit]} is cut off from the rest of {shown[source]} and borders "
                          f"no company it could join; it forms {how} on its own")
            elif source >= 0 and src_flags[0]:
                reason = (f"{shown[source]} cannot reach the floor; {names[unit]} forms {how} "
                          "on its own")
            else:
                reason = f"{names[unit]} leaves {shown[source]} and forms {how}"
        elif detached:
            reason = (f"{names[unit]} is cut off from the rest of {shown[source]}; it joins the "
                      f"neighbouring {target_name}")
        elif tgt_flags[1] and not state.flags[target][1]:
            reason = f"reconnects the parts of {target_name}"
        elif tgt_flags[1] and state.flags[target][2] < tgt_flags[2]:
            reason = f"links two parts of {target_name}"
        elif tgt_flags[0]:
            who = f"{names[unit]} (unaffiliated)" if source < 0 else names[unit]
            reason = (f"{who} brings {problem.weights[unit]:,.0f} overnight stays to "
                      f"{target_name}, which is below the floor of {floor:,.0f}")
        elif source >= 0 and src_flags[0]:
            reason = (f"{shown[source]} cannot reach the floor; {names[unit]} joins the "
                      f"neighbouring {target_name}")
        elif source < 0:
            reason = f"{names[unit]} (unaffiliated) joins {target_name}"
        else:
            reason = f"makes room for the other moves: {names[unit]} joins {target_name}"
        out.append(Move(code=problem.ids[unit], from_company=ids[source] if source >= 0 else None,
                        to_company=ids[target], reason=reason,
                        new_company=new_companies.get(ids[target]) if creates else None))
    return out


def repair_scenario(scenario, problem: RegionalizationProblem, *, floor: float,
                    time_limit: float = 5.0, max_exact_moves: int = 6,
                    node_budget: int = 200_000) -> RepairResult:
    """:func:`repair` for a :class:`~destinations.scenarios.scenario.Scenario` over ``problem.ids``.

    Moves name companies by id; the scenario's locked companies stay as they are. Reasons use the
    companies' display names (and the problem's unit names).
    """
    if set(scenario.codes) != set(problem.ids):
        raise SolverError(f"Scenario {scenario.name!r} covers other units than the problem.")
    ids = [cid for cid, _ in scenario.company_names]
    position = {cid: i for i, cid in enumerate(ids)}
    assignment = scenario.assignment
    labels = np.array([position[assignment[u]] if assignment[u] is not None else -1
                       for u in problem.ids], dtype=np.int64)
    return repair(problem, labels, floor=floor, company_ids=ids, locked=sorted(scenario.locked),
                  company_names=scenario.names, time_limit=time_limit,
                  max_exact_moves=max_exact_moves, node_budget=node_budget)


def apply_moves(scenario, moves: Sequence[Move]):
    """The scenario after ``moves`` (e.g. the ones the user accepted); a move that creates a
    company adds it first, with the id and name the repair chose."""
    for move in moves:
        if move.to_company not in scenario.names:
            scenario, _ = scenario.new_company(move.new_company or move.to_company,
                                               company_id=move.to_company)
        scenario = scenario.move(move.code, move.to_company)
    return scenario


