"""Generate contiguous plans that minimise the flow-weighted border cut under the constraints.

Method (one process, numpy, no external solver):

1. :func:`~destinations.regionalize.feasibility.check_feasibility` explains impossible requests and
   contracts the locks into blocks (a locked company is one frozen block; a "keep together" group
   is one movable block).
2. **Start**: a seeded random spanning-tree partition (draw a random spanning tree, cut off the
   subtree whose overnights are closest to the remaining average while both sides can still reach
   the floor, repeat), or the given start plan made contiguous and brought to ``k`` companies.
3. **Tabu search with strategic oscillation** over single-block boundary moves. Each iteration
   scores *every* boundary move at once from incremental arrays: ``A[z, v]`` (flow between block
   ``v`` and company ``z``), company overnights and lighthouse counts, so the cut change of moving
   ``v`` from ``a`` to ``b`` is ``A[a, v] - W[v, v] - A[b, v]``. Constraint slack (floor shortfall,
   balance excess, companies without a lighthouse beyond the allowance) is a penalty whose weight
   rises while the search is infeasible and falls while it is feasible. The best admissible move
   is taken if removing the block keeps its company connected (checked lazily, cached per
   company version). Moving a block back where it came from is tabu for a few (random) iterations
   unless it beats the best valid plan. Every few iterations a random pair of neighbouring
   companies is merged and re-split in the best possible way (all connected two-way splits are
   enumerated for small areas; random spanning trees for large ones). When single moves cannot
   fix a violation (an enclave below the floor), the most violating company is recombined with a
   neighbour, or dissolved into it while another company is split.
4. **Iterated local search**: a trajectory ends after a stretch without improving its own best;
   that best is polished (every neighbouring pair re-split optimally) and becomes the incumbent if
   better (now and then anyway). The next trajectory starts from the incumbent after one or more
   random recombinations (more the longer no new overall best appears); after many trajectories
   without one, a fresh tree partition starts over.
5. Every improvement of the best *valid* plan is recorded (``Plan.trace``).

Reproducible: the search is bounded by an **iteration budget** (``budget``, default
:data:`DEFAULT_BUDGET`), and the seeded random generator is its only source of randomness, so the
same problem, settings and seed give the same plan on any machine and under any load. Every inner
loop is bounded by work (tries, rounds, enumeration limits), never by the clock. A time limit may
stop the search earlier; the plan then says so (``Plan.stopped == "time"``, ``stopped_by ==
"time"``) because where it stopped depends on the machine. Wall time otherwise only decides when
progress is reported.

Why the best plan looks as it does: :func:`~destinations.regionalize.explain.binding_constraints`
lists the constraints that block a move which would cut fewer day trips (``Plan.binding``).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Callable, Iterator, Mapping, Sequence

import numpy as np

from destinations.errors import SolverError
from destinations.regionalize.explain import binding_constraints
from destinations.regionalize.feasibility import (
    Blocks,
    Feasibility,
    check_feasibility,
    lighthouse_rule,
)
from destinations.regionalize.problem import (
    Plan,
    RegionalizationProblem,
    check_plan,
    connected_parts,
)

#: Default critical-mass floor (overnight stays per year), as in :mod:`destinations.scenarios.metrics`.
DEFAULT_FLOOR = 750_000.0
_EPS = 1e-9
#: Largest merged area (blocks) re-split by exhaustive enumeration.
EXACT_SPLIT_MAX = 14
#: Default iteration budget: on the 98-municipality problem (k = 19, default bounds) the best plan
#: of seeds 1-3 no longer improved after about 10,000 iterations; 20,000 leave a margin and take
#: about 4 s on the development machine (2 cores).
DEFAULT_BUDGET = 20_000
#: Rounds of a polishing sweep (each re-splits every neighbouring pair once): bounded by work so
#: a sweep does the same on any machine.
SWEEP_ROUNDS = 8


@dataclass(frozen=True)
class SearchParams:
    """Settings of the search (defaults chosen on the 98-municipality problem with the bench).

    Attributes
    ----------
    patience_min, patience_per_block
        A trajectory ends after ``max(patience_min, patience_per_block * blocks)`` iterations
        without improving its own best plan.
    lns_every
        Every this many iterations a random pair of neighbouring companies is re-split (exactly
        when small, else along random spanning trees) if that scores better.
    kicks, kick_trees
        A new trajectory starts from the incumbent with 1..``kicks`` recombinations (each the
        best cut of ``kick_trees`` random trees); one more per ``escalate`` trajectories without
        a new best.
    sweep
        Polish each trajectory's best plan by re-splitting every neighbouring pair optimally.
    walk
        Probability of accepting a worse trajectory best as the incumbent (a random walk).
    restart_after
        Trajectories without a new overall best before a fresh tree partition is drawn.
    biased_trees
        Draw recombination trees biased towards strongly linked pairs (off: uniform trees gave
        better plans in the bench).
    """

    patience_min: int = 150
    patience_per_block: int = 3
    lns_every: int = 25
    kicks: int = 2
    kick_trees: int = 2
    escalate: int = 8
    sweep: bool = True
    walk: float = 0.05
    restart_after: int = 40
    biased_trees: bool = False

ProgressCallback = Callable[[float, "Plan | None", float], None]


@dataclass(frozen=True)
class Progress:
    """One report of :func:`solve_steps`: how far, the best plan so far and its border cut."""

    fraction: float
    plan: Plan | None
    value: float
    final: bool = False


def solve(problem: RegionalizationProblem, *, rng: np.random.Generator,
          budget: int | None = None, time_limit: float | None = None, k: int,
          floor: float = DEFAULT_FLOOR, balance_max_ratio: float | None = None,
          max_units: int | None = None, require_lighthouse: bool | str = "where_possible",
          start=None, on_progress: ProgressCallback | None = None,
          cancel: Callable[[], bool] | None = None, max_iterations: int | None = None,
          target: float | None = None, progress_interval: float = 0.25,
          params: SearchParams | None = None) -> Plan:
    """The best plan found within ``budget`` iterations (or earlier, by ``time_limit``).

    Parameters
    ----------
    problem
        The units, graph, overnights, flows, lighthouses and locks.
    rng
        The only source of randomness (``numpy.random.default_rng(seed)``).
    budget
        Iterations (:data:`DEFAULT_BUDGET` when None). Same problem, settings, seed and budget:
        the same plan, on any machine.
    time_limit
        Wall-clock seconds (None: no limit); may stop the search before the budget is used, and
        the plan then says ``stopped == "time"`` (it may differ on another machine).
    k
        Number of companies (locked companies included).
    floor
        Minimum overnight stays per company.
    balance_max_ratio
        Upper bound on largest / smallest company overnights (``None``: no bound; see
        :func:`destinations.regionalize.defaults.default_bounds` for the default derived from
        today's map).
    max_units
        Size bound: at most this many units (municipalities) per company (``None``: no bound).
    require_lighthouse
        ``"where_possible"`` (or True): every company holds a lighthouse where the data allow,
        ``"all"``: every company, ``"off"`` (or False): no requirement.
    start
        A start plan: a :class:`Plan`, a :class:`~destinations.scenarios.scenario.Scenario` over the same
        units, ``{unit id: label}`` or a label sequence (negative/None = unaffiliated).
    on_progress
        ``on_progress(fraction, best_plan_so_far, best_value)``, called every
        ``progress_interval`` seconds and once at the end.
    cancel
        Called regularly; returning True stops the search (the best plan so far is returned).
    max_iterations
        Former name of ``budget`` (kept for callers written before it; ``budget`` wins).
    target
        Stop as soon as a valid plan's border cut is at most this value.
    params
        Search settings (:class:`SearchParams`; the defaults suit municipalities and parishes).

    Returns
    -------
    Plan
        The best valid plan, or (if none was found) the least infeasible one with ``valid=False``;
        ``stopped`` / ``stopped_by`` say why the search ended and ``binding`` which constraints
        keep it from cutting fewer day trips.

    Raises
    ------
    SolverError
        Before searching, when the request is infeasible (the message names the constraint).
    """
    last = None
    for event in solve_steps(problem, rng=rng, budget=budget, time_limit=time_limit, k=k,
                             floor=floor, balance_max_ratio=balance_max_ratio,
                             max_units=max_units, require_lighthouse=require_lighthouse,
                             start=start, cancel=cancel,
                             max_iterations=max_iterations, target=target,
                             progress_interval=progress_interval, params=params):
        if on_progress is not None:
            on_progress(event.fraction, event.plan, event.value)
        last = event
    assert last is not None and last.plan is not None
    return last.plan


def solve_steps(problem: RegionalizationProblem, *, rng: np.random.Generator,
                budget: int | None = None, time_limit: float | None = None, k: int,
                floor: float = DEFAULT_FLOOR, balance_max_ratio: float | None = None,
                max_units: int | None = None, require_lighthouse: bool | str = "where_possible",
                start=None, cancel: Callable[[], bool] | None = None,
                max_iterations: int | None = None, target: float | None = None,
                progress_interval: float = 0.25,
                params: SearchParams | None = None) -> Iterator[Progress]:
    """:func:`solve` as a generator of :class:`Progress` reports; the last one has ``final=True``
    and the result plan. Arguments as in :func:`solve`."""
    if budget is None:
        budget = max_iterations if max_iterations is not None else DEFAULT_BUDGET
    if isinstance(budget, bool) or not isinstance(budget, (int, np.integer)) or budget < 0:
        raise SolverError(f"The iteration budget must be a whole number >= 0, got {budget!r}. "
                          f"Give e.g. {DEFAULT_BUDGET}.")
    if time_limit is not None and not (isinstance(time_limit, (int, float))
                                       and math.isfinite(time_limit) and time_limit > 0):
        raise SolverError(f"The time limit must be a number of seconds > 0 (or none), got "
                          f"{time_limit!r}.")
    began = time.perf_counter()
    rule = lighthouse_rule(require_lighthouse)
    feasibility = check_feasibility(problem, k=k, floor=floor, balance_max_ratio=balance_max_ratio,
                                    require_lighthouse=rule, max_units=max_units)
    search = _Search(problem, feasibility, k=int(k), floor=float(floor),
                     ratio=balance_max_ratio, rule=rule, rng=rng, began=began,
                     max_units=max_units, params=params or SearchParams())
    limit = math.inf if time_limit is None else float(time_limit)
    search.end = began + limit
    search.initialise(start)
    yield from search.run(time_limit=limit, cancel=cancel, budget=int(budget), target=target,
                          progress_interval=progress_interval)


# ---------------------------------------------------------------------------------------------
# Start partitions
# ---------------------------------------------------------------------------------------------
def random_spanning_tree(nodes: Sequence[int], neighbours: Sequence[Sequence[int]],
                         rng: np.random.Generator,
                         strength: np.ndarray | None = None) -> dict[int, list[int]]:
    """A random spanning tree (forest) of the subgraph on ``nodes``: Kruskal on random weights.

    With ``strength`` (a symmetric matrix, e.g. flows between the nodes) edges enter the tree in
    an exponential race with rates ``strength[a, b]``: strongly linked pairs tend to stay joined,
    so cutting a tree edge tends to cut little (used by the optimiser; the ensemble keeps uniform
    random weights, as ReCom does).
    """
    inside = set(nodes)
    pairs = [(a, int(b)) for a in sorted(inside) for b in neighbours[a] if a < int(b) and
             int(b) in inside]
    if strength is None or not pairs:
        order = rng.permutation(len(pairs))
    else:
        rates = np.array([strength[a, b] for a, b in pairs], dtype=float)
        scale = float(np.median(rates[rates > 0])) if np.any(rates > 0) else 1.0
        rates = 0.1 + np.sqrt(np.maximum(rates, 0.0) / scale)
        order = np.argsort(rng.exponential(size=len(pairs)) / rates, kind="stable")
    parent = {v: v for v in inside}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    tree: dict[int, list[int]] = {v: [] for v in inside}
    for e in order:
        a, b = pairs[e]
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
            tree[a].append(b)
            tree[b].append(a)
    return tree


def _subtrees(tree: Mapping[int, list[int]], root: int, weights: np.ndarray):
    """(parent, post-order, subtree weight) of a rooted tree."""
    parent = {root: -1}
    order = [root]
    for node in order:
        for other in tree[node]:
            if other not in parent:
                parent[other] = node
                order.append(other)
    sub = {v: float(weights[v]) for v in order}
    for v in reversed(order[1:]):
        sub[parent[v]] += sub[v]
    return parent, order, sub


def tree_partition(nodes: Sequence[int], neighbours: Sequence[Sequence[int]], weights: np.ndarray,
                   parts: int, floor: float, rng: np.random.Generator, *,
                   tries: int = 25) -> list[list[int]]:
    """Split a connected node set into ``parts`` connected parts, each (if possible) >= floor.

    Repeatedly draws a random spanning tree and cuts off the subtree whose weight is closest to
    the remaining average while both sides can still reach the floor; when no tree offers such a
    cut after ``tries`` draws, the cut closest to the floor conditions is taken (the search then
    repairs the shortfall).
    Bounded by ``tries``, never by the clock, so a seed gives the same parts on any machine.
    """
    remaining = set(int(v) for v in nodes)
    result: list[list[int]] = []
    while parts > 1 and len(remaining) > 1:
        total = float(weights[list(remaining)].sum())
        goal = total / parts
        best = None  # (score, node, parent map, order)
        for attempt in range(tries):
            tree = random_spanning_tree(sorted(remaining), neighbours, rng)
            root = sorted(remaining)[int(rng.integers(len(remaining)))]
            parent, order, sub = _subtrees(tree, root, weights)
            for v in order[1:]:
                s = sub[v]
                shortfall = max(0.0, floor - s) + max(0.0, (parts - 1) * floor - (total - s))
                score = (shortfall, abs(s - goal))
                if best is None or score < best[0]:
                    best = (score, v, parent, order)
            if best is not None and best[0][0] <= 0 and best[0][1] <= 0.1 * goal:
                break
        if best is None:
            break
        _, cut, parent, order = best
        piece = _collect(cut, parent, order)
        result.append(sorted(piece))
        remaining -= piece
        parts -= 1
    if remaining:
        result.append(sorted(remaining))
    return result


def _collect(top: int, parent: Mapping[int, int], order: Sequence[int]) -> set[int]:
    inside = {top}
    for v in order:
        if v != top and parent.get(v, -1) in inside:
            inside.add(v)
    return inside


# ---------------------------------------------------------------------------------------------
# The search
# ---------------------------------------------------------------------------------------------
class _Search:
    """Mutable search state over blocks (private; :func:`solve_steps` drives it)."""

    def __init__(self, problem: RegionalizationProblem, feasibility: Feasibility, *, k: int,
                 floor: float, ratio: float | None, rule: str, rng: np.random.Generator,
                 began: float, max_units: int | None = None,
                 params: SearchParams | None = None) -> None:
        self.problem = problem
        self.feas = feasibility
        self.blocks: Blocks = feasibility.blocks
        self.K = k
        self.floor = floor
        self.ratio = ratio
        self.rule = rule
        self.allowance = feasibility.lighthouse_allowance
        self.rng = rng
        self.began = began
        self.end = math.inf  # the time limit (solve_steps sets it); only ever stops the search
        self.out_of_time = False
        self.max_units = None if max_units is None else int(max_units)
        self.params = params or SearchParams()
        blocks = self.blocks
        self.B = blocks.size
        self.W = np.ascontiguousarray(blocks.flows)
        self.Wd = np.diag(self.W).copy()
        self.w = blocks.weights.astype(float)
        self.nu = np.array([len(m) for m in blocks.members], dtype=float)  # units per block
        self.lh = (blocks.lighthouses > 0).astype(float)
        self.nbl = [[int(x) for x in nb] for nb in blocks.neighbours]
        self.locked_blocks = [b for b in range(self.B) if blocks.frozen[b]]
        self.L = len(self.locked_blocks)
        movable = ~blocks.frozen
        eu, ev = [], []
        for b in range(self.B):
            if not movable[b]:
                continue
            for u in self.nbl[b]:
                if movable[u]:
                    eu.append(b)
                    ev.append(u)
        self.eu = np.array(eu, dtype=np.int64)
        self.ev = np.array(ev, dtype=np.int64)
        self.flow_total = problem.flow_total if problem.flow_total > 0 else 1.0
        self.mean = float(self.w.sum()) / max(self.K, 1)
        self.pair_total = (float(self.W.sum()) - float(self.Wd.sum())) / 2.0
        self.settings = {"k": self.K, "floor": self.floor, "balance_max_ratio": self.ratio,
                         "max_units": self.max_units, "require_lighthouse": self.rule,
                         "lighthouse_allowance": self.allowance}

    # ------------------------------------------------------------------ start
    def initialise(self, start) -> None:
        z = np.full(self.B, -1, dtype=np.int64)
        for zone, b in enumerate(self.locked_blocks):
            z[b] = zone
        self.from_start = start is not None
        if start is not None:
            z = self._start_zones(start, z)
        else:
            z = self._tree_zones(z)
        self.load(z)
        self.best_z = None
        self.best_cut = math.inf
        self.best_infeasible = (math.inf, math.inf, z.copy())
        self.trace: list[tuple[float, int, float]] = []

    def _tree_zones(self, z: np.ndarray) -> np.ndarray:
        zone = self.L
        for comp, count in zip(self.feas.components, self.feas.zones_per_component):
            for part in tree_partition(comp, self.nbl, self.w, count, self.floor, self.rng):
                z[part] = zone
                zone += 1
        return self._fix_count(z)

    def _start_zones(self, start, z: np.ndarray) -> np.ndarray:
        labels = _start_labels(self.problem, start)
        blocks = self.blocks
        raw = np.full(self.B, -1, dtype=np.int64)
        offset = int(labels.max()) + 1 if labels.size and labels.max() >= 0 else 0
        locked_labels = set()
        for b in self.locked_blocks:
            locked_labels |= {int(labels[i]) for i in blocks.members[b] if labels[i] >= 0}
        for b in range(self.B):
            if blocks.frozen[b]:
                continue
            values = [int(labels[i]) for i in blocks.members[b] if labels[i] >= 0]
            if values:
                label = max(set(values), key=lambda v: (values.count(v), -v))
                # A free block cannot stay with a locked company's label.
                raw[b] = label + offset if label in locked_labels else label
        # Unaffiliated blocks join a neighbouring company (breadth-first from labelled blocks).
        frontier = [b for b in range(self.B) if raw[b] >= 0]
        while True:
            grown = []
            for b in frontier:
                for u in self.nbl[b]:
                    if raw[u] < 0 and not blocks.frozen[u]:
                        raw[u] = raw[b]
                        grown.append(u)
            if not grown:
                break
            frontier = grown
        next_label = int(raw.max()) + 1 if (raw >= 0).any() else 0
        for b in range(self.B):  # free blocks still unlabelled (cut off from every company)
            if raw[b] < 0 and not blocks.frozen[b]:
                raw[b] = next_label
                next_label += 1
        # Contiguity: each label keeps its largest part; other parts become companies of their own.
        zone = self.L
        for label in sorted(set(int(x) for x in raw if x >= 0)):
            members = [b for b in range(self.B) if raw[b] == label and not blocks.frozen[b]]
            for part in connected_parts(blocks.neighbours, members):
                z[part] = zone
                zone += 1
        return self._fix_count(z)

    def _fix_count(self, z: np.ndarray) -> np.ndarray:
        """Merge or split free companies until there are exactly ``k``."""
        while True:
            zones = sorted(set(int(x) for x in z if x >= self.L))
            if len(zones) + self.L == self.K:
                break
            weight = {q: float(self.w[z == q].sum()) for q in zones}
            if len(zones) + self.L > self.K:
                merged = False
                for q in sorted(zones, key=lambda q: (weight[q], q)):
                    members = np.flatnonzero(z == q)
                    touching = {int(z[u]) for b in members for u in self.nbl[b]
                                if z[u] >= self.L and z[u] != q}
                    if touching:
                        into = max(touching, key=lambda t: (
                            float(self.W[np.ix_(members, np.flatnonzero(z == t))].sum()), -t))
                        z[members] = into
                        merged = True
                        break
                if not merged:
                    raise SolverError("The start plan cannot be brought down to k companies: its "
                                      "companies are cut apart by locked ones. Raise k.")
            else:
                splittable = [q for q in zones if np.sum(z == q) > 1]
                if not splittable:
                    raise SolverError("The start plan cannot be split into k companies.")
                q = max(splittable, key=lambda q: (weight[q], -q))
                members = [int(b) for b in np.flatnonzero(z == q)]
                pieces = tree_partition(members, self.nbl, self.w, 2, self.floor, self.rng)
                z[pieces[-1]] = max(zones) + 1
        # Renumber free zones L..K-1 in order of first block.
        mapping: dict[int, int] = {}
        out = z.copy()
        for b in range(self.B):
            q = int(z[b])
            if q >= self.L:
                mapping.setdefault(q, self.L + len(mapping))
                out[b] = mapping[q]
        return out

    # ------------------------------------------------------------------ state
    def load(self, z: np.ndarray) -> None:
        K = self.K
        self.z = z.astype(np.int64).copy()
        self.zl = self.z.tolist()
        onehot = np.zeros((self.B, K))
        onehot[np.arange(self.B), self.z] = 1.0
        self.A = np.ascontiguousarray((self.W @ onehot).T)  # (K, B)
        self.S = np.bincount(self.z, weights=self.w, minlength=K).astype(float)
        self.LH = np.bincount(self.z, weights=self.lh, minlength=K).astype(float)
        self.U = np.bincount(self.z, weights=self.nu, minlength=K).astype(float)
        self.cnt = np.bincount(self.z, minlength=K).astype(np.int64)
        internal = float(sum(self.A[self.z[b], b] - self.Wd[b] for b in range(self.B))) / 2.0
        self.cut = self.pair_total - internal
        self.tabu = np.zeros((self.B, K), dtype=np.int64)
        self.version = [0] * K
        self.conn_cache: dict[int, tuple[int, int, bool]] = {}
        self._penalty()

    def _penalty(self) -> None:
        S = self.S
        pf = float(np.maximum(self.floor - S, 0.0).sum()) / self.floor if self.floor > 0 else 0.0
        pb = 0.0
        if self.ratio is not None and self.K > 1:
            pb = max(0.0, float(S.max()) - self.ratio * float(S.min())) / self.mean
        pl = 0.0
        if self.allowance is not None:
            pl = max(0.0, float(np.sum(self.LH <= 0)) - self.allowance)
        # Size: one unit too many weighs like one company without a lighthouse.
        ps = 0.0
        if self.max_units is not None:
            ps = float(np.maximum(self.U - self.max_units, 0.0).sum())
        self.pf, self.pb, self.pl, self.ps = pf, pb, pl, ps
        self.P = pf + pb + pl + ps

    def feasible(self) -> bool:
        return self.P <= _EPS

    def move(self, v: int, b: int, it: int, tenure: int) -> None:
        a = self.zl[v]
        wv = self.W[v]
        self.cut += float(self.A[a, v] - self.Wd[v] - self.A[b, v])
        self.A[a] -= wv
        self.A[b] += wv
        self.S[a] -= self.w[v]
        self.S[b] += self.w[v]
        self.LH[a] -= self.lh[v]
        self.LH[b] += self.lh[v]
        self.U[a] -= self.nu[v]
        self.U[b] += self.nu[v]
        self.cnt[a] -= 1
        self.cnt[b] += 1
        self.z[v] = b
        self.zl[v] = b
        self.version[a] += 1
        self.version[b] += 1
        self.tabu[v, a] = it + tenure
        self._penalty()

    def stays_connected(self, v: int, a: int) -> bool:
        """Whether company ``a`` stays connected without block ``v`` (cached per company version:
        only the two companies a move touches change)."""
        cached = self.conn_cache.get(v)
        version = self.version[a]
        if cached is not None and cached[0] == a and cached[1] == version:
            return cached[2]
        result = self._stays_connected(v, a)
        self.conn_cache[v] = (a, version, result)
        return result

    def _stays_connected(self, v: int, a: int) -> bool:
        zl = self.zl
        inside = [u for u in self.nbl[v] if zl[u] == a]
        if len(inside) <= 1:
            return True
        targets = set(inside[1:])
        seen = {v, inside[0]}
        stack = [inside[0]]
        nbl = self.nbl
        while stack:
            x = stack.pop()
            for y in nbl[x]:
                if y not in seen and zl[y] == a:
                    if y in targets:
                        targets.discard(y)
                        if not targets:
                            return True
                    seen.add(y)
                    stack.append(y)
        return not targets

    # ------------------------------------------------------------------ candidate scoring
    def candidates(self, mu: float):
        """(blocks, from, to, new cut, new penalty, score) of every boundary move."""
        if self.eu.size == 0:
            return None
        z = self.z
        zu, zv = z[self.eu], z[self.ev]
        # A boundary move whose company keeps at least one other block.
        mask = (zu != zv) & (self.cnt[zu] > 1)
        u, b, a = self.eu[mask], zv[mask], zu[mask]
        if u.size == 0:
            return None
        A = self.A
        dcut = A[a, u] - self.Wd[u] - A[b, u]
        S, wu = self.S, self.w[u]
        Sa, Sb = S[a] - wu, S[b] + wu
        penalty = np.zeros(u.size)
        if self.floor > 0:
            F = self.floor
            penalty += self.pf + (np.maximum(F - Sa, 0) - np.maximum(F - S[a], 0)
                                  + np.maximum(F - Sb, 0) - np.maximum(F - S[b], 0)) / F
        if self.ratio is not None and self.K > 2:
            order = np.argsort(S, kind="stable")
            lo, hi = order[:3], order[::-1][:3]
            other_min = _other(S, lo, a, b)
            other_max = _other(S, hi, a, b)
            new_max = np.maximum(other_max, np.maximum(Sa, Sb))
            new_min = np.minimum(other_min, np.minimum(Sa, Sb))
            penalty += np.maximum(new_max - self.ratio * new_min, 0) / self.mean
        elif self.ratio is not None:
            new_max, new_min = np.maximum(Sa, Sb), np.minimum(Sa, Sb)
            penalty += np.maximum(new_max - self.ratio * new_min, 0) / self.mean
        if self.allowance is not None:
            L = self.LH
            lu = self.lh[u]
            none = float(np.sum(L <= 0))
            dnone = ((L[a] - lu <= 0).astype(float) - (L[a] <= 0)
                     + (L[b] + lu <= 0).astype(float) - (L[b] <= 0))
            penalty += np.maximum(none + dnone - self.allowance, 0)
        if self.max_units is not None:
            M, U, nu = self.max_units, self.U, self.nu[u]
            penalty += self.ps + (np.maximum(U[a] - nu - M, 0) - np.maximum(U[a] - M, 0)
                                  + np.maximum(U[b] + nu - M, 0) - np.maximum(U[b] - M, 0))
        cut = self.cut + dcut
        return u, a, b, cut, penalty, cut / self.flow_total + mu * penalty

    # ------------------------------------------------------------------ recombination
    def zone_neighbours(self, q: int) -> list[int]:
        """Unlocked companies bordering company ``q``."""
        zl = self.zl
        out = {zl[u] for b in np.flatnonzero(self.z == q).tolist() for u in self.nbl[b]}
        return sorted(x for x in out if x != q and x >= self.L)

    def recombine(self, q1: int, q2: int, mu: float, *, trees: int = 4,
                  only_if_better: bool = False) -> bool:
        """Merge companies ``q1`` and ``q2`` and split them again along a random spanning tree.

        Among every edge of ``trees`` random spanning trees, the cut with the best penalised score
        is taken (both sides are connected by construction). With ``only_if_better`` the current
        split is kept unless the new one scores better. Returns whether the plan changed.
        """
        z = self.z
        U = np.flatnonzero((z == q1) | (z == q2))
        m = U.size
        if m < 2 or q1 < self.L or q2 < self.L:
            return False
        rng = self.rng
        local = {int(b): i for i, b in enumerate(U.tolist())}
        M = self.W[np.ix_(U, U)]
        wU, lU, nU = self.w[U], self.lh[U], self.nu[U]
        tot_w, tot_l, tot_n = float(wU.sum()), float(lU.sum()), float(nU.sum())
        rest = np.ones(self.K, dtype=bool)
        rest[[q1, q2]] = False
        F = self.floor
        pf_rest = float(np.maximum(F - self.S[rest], 0).sum()) / F if F > 0 else 0.0
        Mu = self.max_units
        ps_rest = float(np.maximum(self.U[rest] - Mu, 0).sum()) if Mu is not None else 0.0
        rmax = float(self.S[rest].max()) if rest.any() else -math.inf
        rmin = float(self.S[rest].min()) if rest.any() else math.inf
        none_rest = float(np.sum(self.LH[rest] <= 0))
        in_q1 = (z[U] == q1)
        between = float(M[np.ix_(in_q1, ~in_q1)].sum())
        base_cut = self.cut - between
        current = base_cut + between
        best_score, best_side = math.inf, None
        nodes = U.tolist()
        for t in range(trees):
            # Alternate flow-biased and uniform trees: biased ones find low cuts, uniform ones
            # keep the search diverse.
            bias = self.W if (t % 2 == 0 and self.params.biased_trees) else None
            tree = random_spanning_tree(nodes, self.nbl, rng, bias)
            root = nodes[int(rng.integers(m))]
            seen = {root}
            stack = [root]
            order = []
            while stack:  # iterative pre-order
                v = stack.pop()
                order.append(v)
                for x in tree[v]:
                    if x not in seen:
                        seen.add(x)
                        stack.append(x)
            if len(order) < m:
                continue  # U not connected through its own edges (cannot happen for contiguous q)
            pos = {v: i for i, v in enumerate(order)}
            size = [1] * m
            parent = {root: -1}
            for v in order:
                for x in tree[v]:
                    if x != parent.get(v, -1) and x not in parent:
                        parent[x] = v
            for v in reversed(order[1:]):
                size[pos[parent[v]]] += size[pos[v]]
            perm = np.array([local[v] for v in order], dtype=np.int64)
            Mp = M[np.ix_(perm, perm)]
            P2 = np.zeros((m + 1, m + 1))
            P2[1:, 1:] = Mp.cumsum(axis=0).cumsum(axis=1)
            R = np.concatenate([[0.0], Mp.sum(axis=1).cumsum()])
            Wp = np.concatenate([[0.0], wU[perm].cumsum()])
            Lp = np.concatenate([[0.0], lU[perm].cumsum()])
            Np = np.concatenate([[0.0], nU[perm].cumsum()])
            starts = np.arange(1, m)
            ends = starts + np.array(size[1:], dtype=np.int64)
            inner = P2[ends, ends] - P2[starts, ends] - P2[ends, starts] + P2[starts, starts]
            cut_side = (R[ends] - R[starts]) - inner
            wS = Wp[ends] - Wp[starts]
            wO = tot_w - wS
            penalty = np.full(starts.size, pf_rest)
            if F > 0:
                penalty += (np.maximum(F - wS, 0) + np.maximum(F - wO, 0)) / F
            if self.ratio is not None:
                high = np.maximum(rmax, np.maximum(wS, wO))
                low = np.minimum(rmin, np.minimum(wS, wO))
                penalty += np.maximum(high - self.ratio * low, 0) / self.mean
            if self.allowance is not None:
                lS = Lp[ends] - Lp[starts]
                penalty += np.maximum(none_rest + (lS <= 0) + (tot_l - lS <= 0)
                                      - self.allowance, 0)
            if Mu is not None:
                nS = Np[ends] - Np[starts]
                penalty += ps_rest + np.maximum(nS - Mu, 0) + np.maximum(tot_n - nS - Mu, 0)
            score = (base_cut + cut_side) / self.flow_total + mu * penalty
            i = int(np.argmin(score))
            if score[i] < best_score - 1e-12:
                best_score = float(score[i])
                best_side = {order[j] for j in range(starts[i], ends[i])}
        if best_side is None:
            return False
        if only_if_better and best_score >= current / self.flow_total + mu * self.P - 1e-12:
            return False
        # Keep the larger overlap with the old q1 as q1 (fewer block moves).
        old_q1 = set(U[in_q1].tolist())
        if len(best_side & old_q1) < len(old_q1) - len(best_side & old_q1):
            best_side = set(nodes) - best_side
        for v in nodes:
            target = q1 if v in best_side else q2
            if self.zl[v] != target:
                self.move(v, target, 0, 0)
        return True

    def resplit_exact(self, q1: int, q2: int, mu: float, *, limit: int = 3000) -> bool:
        """Merge companies ``q1`` and ``q2`` and split them the best possible way.

        Enumerates every connected part ``S`` of the merged area that holds its first block and
        leaves a connected rest (each two-way split once), scoring cut + penalty incrementally:
        adding block ``v`` to ``S`` changes the cut between ``S`` and the rest by
        ``R_v - 2 M[v, S]``. Gives up (returns False) for areas over :data:`EXACT_SPLIT_MAX`
        blocks or after ``limit`` parts. Keeps the current split unless a better one exists.
        """
        z = self.z
        U = np.flatnonzero((z == q1) | (z == q2))
        m = U.size
        if m < 2 or m > EXACT_SPLIT_MAX or q1 < self.L or q2 < self.L:
            return False
        local = {int(b): i for i, b in enumerate(U.tolist())}
        M = self.W[np.ix_(U, U)].copy()
        np.fill_diagonal(M, 0.0)
        R = M.sum(axis=1).tolist()
        Ml = M.tolist()
        adj = [0] * m
        for i, b in enumerate(U.tolist()):
            for u in self.nbl[b]:
                j = local.get(u)
                if j is not None:
                    adj[i] |= 1 << j
        w = self.w[U].tolist()
        lh = self.lh[U].tolist()
        nu = self.nu[U].tolist()
        tot_w, tot_l, tot_n = sum(w), sum(lh), sum(nu)
        full = (1 << m) - 1
        rest = np.ones(self.K, dtype=bool)
        rest[[q1, q2]] = False
        F = self.floor
        pf_rest = float(np.maximum(F - self.S[rest], 0).sum()) / F if F > 0 else 0.0
        rmax = float(self.S[rest].max()) if rest.any() else -math.inf
        rmin = float(self.S[rest].min()) if rest.any() else math.inf
        none_rest = float(np.sum(self.LH[rest] <= 0))
        Mu = self.max_units
        ps_rest = float(np.maximum(self.U[rest] - Mu, 0).sum()) if Mu is not None else 0.0
        in_q1 = z[U] == q1
        between = float(M[np.ix_(in_q1, ~in_q1)].sum())
        base_cut = self.cut - between
        ratio, allowance, mean, ft = self.ratio, self.allowance, self.mean, self.flow_total
        best = [self.score(mu), 0]

        def connected(mask: int) -> bool:
            start = mask & -mask
            seen = start
            frontier = start
            while frontier:
                bit = frontier & -frontier
                frontier ^= bit
                grow = adj[bit.bit_length() - 1] & mask & ~seen
                seen |= grow
                frontier |= grow
            return seen == mask

        def evaluate(mask: int, cut: float, ws: float, ls: float, ns: float) -> None:
            if mask == full or not connected(full & ~mask):
                return
            wo = tot_w - ws
            penalty = pf_rest
            if F > 0:
                penalty += (max(F - ws, 0.0) + max(F - wo, 0.0)) / F
            if ratio is not None:
                high, low = max(rmax, ws, wo), min(rmin, ws, wo)
                penalty += max(high - ratio * low, 0.0) / mean
            if allowance is not None:
                penalty += max(none_rest + (ls <= 0) + (tot_l - ls <= 0) - allowance, 0.0)
            if Mu is not None:
                penalty += ps_rest + max(ns - Mu, 0.0) + max(tot_n - ns - Mu, 0.0)
            score = (base_cut + cut) / ft + mu * penalty
            if score < best[0] - 1e-12:
                best[0], best[1] = score, mask

        count = [0]

        def extend(mask: int, excluded: int, candidates: int, cut: float, ws: float,
                   ls: float, ns: float) -> None:
            count[0] += 1
            if count[0] > limit:
                raise _Stop()
            evaluate(mask, cut, ws, ls, ns)
            while candidates:
                bit = candidates & -candidates
                candidates ^= bit
                v = bit.bit_length() - 1
                row = Ml[v]
                link = 0.0
                rest_bits = mask
                while rest_bits:
                    b = rest_bits & -rest_bits
                    rest_bits ^= b
                    link += row[b.bit_length() - 1]
                new_mask = mask | bit
                extend(new_mask, excluded, (candidates | adj[v]) & ~new_mask & ~excluded,
                       cut + R[v] - 2.0 * link, ws + w[v], ls + lh[v], ns + nu[v])
                excluded |= bit

        try:
            extend(1, 1, adj[0] & ~1, R[0], w[0], lh[0], nu[0])
        except _Stop:
            return False
        if best[1] == 0:
            return False
        side = {int(U[i]) for i in range(m) if best[1] >> i & 1}
        old_q1 = set(U[in_q1].tolist())
        if len(side & old_q1) < len(old_q1) - len(side & old_q1):
            side = set(U.tolist()) - side
        for v in U.tolist():
            target = q1 if v in side else q2
            if self.zl[v] != target:
                self.move(v, target, 0, 0)
        return True

    def sweep(self, mu: float, rounds: int = SWEEP_ROUNDS) -> bool:
        """Re-split every pair of neighbouring companies optimally (random order) until none
        improves, at most ``rounds`` times; returns whether anything changed.

        Bounded by work, not by the clock, so it does the same on every machine; when the time
        limit passes in the middle it stops and sets ``out_of_time`` (the search then ends and
        says it stopped on time)."""
        changed_any = False
        for _ in range(rounds):
            pairs = sorted({(min(a, b), max(a, b)) for a, b in zip(self.z[self.eu].tolist(),
                                                                   self.z[self.ev].tolist())
                            if a != b})
            order = self.rng.permutation(len(pairs))
            changed = False
            for idx in order:
                if time.perf_counter() >= self.end:
                    self.out_of_time = True
                    return changed_any or changed
                q1, q2 = pairs[idx]
                if self.zl and self.resplit_exact(q1, q2, mu):
                    changed = True
            changed_any |= changed
            if not changed:
                break
        return changed_any

    def snapshot(self):
        return (self.z.copy(), self.A.copy(), self.S.copy(), self.LH.copy(), self.U.copy(),
                self.cnt.copy(), self.cut)

    def restore(self, snap) -> None:
        z, A, S, LH, U, cnt, cut = snap
        self.z, self.A, self.S, self.LH, self.U, self.cnt, self.cut = (
            z.copy(), A.copy(), S.copy(), LH.copy(), U.copy(), cnt.copy(), cut)
        self.zl = self.z.tolist()
        self.conn_cache = {}  # versions may repeat across restored branches
        self._penalty()

    def score(self, mu: float) -> float:
        return self.cut / self.flow_total + mu * self.P

    def repair_step(self, mu: float) -> bool:
        """Fix a violation single moves cannot: recombine the most violating company with a
        neighbour, or dissolve it into a neighbour and split another company in two (this keeps
        ``k``). The option with the best penalised score is kept."""
        S, K = self.S, self.K
        free = list(range(self.L, K))
        if len(free) < 2:
            return False
        culprits: list[int] = []
        if self.ps > _EPS:
            culprits.append(max(free, key=lambda q: (self.U[q], -q)))
        if self.pf > _EPS:
            culprits.append(min(free, key=lambda q: (S[q], q)))
        if self.pl > _EPS:
            culprits += [q for q in free if self.LH[q] <= 0][:1]
        if self.pb > _EPS:
            culprits += [min(free, key=lambda q: (S[q], q)), max(free, key=lambda q: (S[q], -q))]
        if not culprits:
            return False
        q = culprits[int(self.rng.integers(len(culprits)))]
        start = self.snapshot()
        best = (self.score(mu), None)
        heavy = sorted(free, key=lambda x: (-S[x], x))[:3]
        rich = sorted(free, key=lambda x: (-self.LH[x], -S[x], x))[:2]
        for r in self.zone_neighbours(q):
            options = [("recombine", r, None)]
            options += [("dissolve", r, s_) for s_ in dict.fromkeys(heavy + rich + [r])
                        if s_ != q]
            for kind, r_, s_ in options:
                self.restore(start)
                if kind == "recombine":
                    changed = self.recombine(q, r_, mu, trees=4)
                else:
                    for v in np.flatnonzero(self.z == q).tolist():
                        self.move(v, r_, 0, 0)
                    changed = self.recombine(s_, q, mu, trees=4)
                if changed and self.score(mu) < best[0] - 1e-12:
                    best = (self.score(mu), self.snapshot())
        self.restore(best[1] if best[1] is not None else start)
        return best[1] is not None

    # ------------------------------------------------------------------ main loop
    def run(self, *, time_limit: float, cancel, budget: int, target: float | None,
            progress_interval: float) -> Iterator[Progress]:
        rng = self.rng
        mu = 1.0
        it = 0
        restarts = 0
        infeasible_run = feasible_run = stuck = 0
        patience = max(self.params.patience_min, self.params.patience_per_block * self.B)
        tenure_low, tenure_high = 3, max(6, min(20, self.B // 8 + 4))
        next_report = self.began + progress_interval
        stopped = "exhausted"
        lns_every = self.params.lns_every
        self._record(0)
        traj_cut, traj_z, since_traj, traj_penalty = math.inf, None, 0, math.inf
        incumbent = None  # (cut, zones) the kicks start from
        kicks_without = 0
        global_at_kick = math.inf
        # Nothing can move when every unlocked company is a single block (or none borders another).
        frozen_plan = self.eu.size == 0 or self.B - self.L <= self.K - self.L
        while not frozen_plan:
            now = time.perf_counter()
            if self.out_of_time or now >= self.end:
                stopped = "time"
                break
            if it >= budget:
                stopped = "budget"
                break
            if target is not None and self.best_z is not None and (
                    self.best_cut / self.flow_total <= target + 1e-12):
                stopped = "target"
                break
            if cancel is not None and it % 16 == 0 and cancel():
                stopped = "cancelled"
                break
            if now >= next_report:
                next_report = now + progress_interval
                yield self._progress(it, time_limit, budget, final=False)
            it += 1
            scored = self.candidates(mu)
            moved = False
            if scored is not None:
                u, a, b, cut, penalty, score = scored
                aspiration = (penalty <= _EPS) & (cut < self.best_cut - 1e-9)
                blocked = self.tabu[u, b] >= it
                score = np.where(blocked & ~aspiration, np.inf, score)
                order = _best_first(score, 16)
                for idx in order:
                    if not np.isfinite(score[idx]):
                        break
                    v, src = int(u[idx]), int(a[idx])
                    if self.stays_connected(v, src):
                        tenure = int(rng.integers(tenure_low, tenure_high + 1))
                        self.move(v, int(b[idx]), it, tenure)
                        moved = True
                        break
            if self.feasible():
                feasible_run += 1
                infeasible_run = stuck = 0
            else:
                infeasible_run += 1
                stuck += 1
                feasible_run = 0
            if infeasible_run >= 10:
                mu = min(mu * 1.6, 1e6)
                infeasible_run = 0
            elif feasible_run >= 25:
                mu = max(mu / 1.25, 1e-3)
                feasible_run = 0
            if stuck >= 30:
                # Single moves cannot fix some shortfalls (an enclave below the floor): recombine.
                self.repair_step(mu)
                stuck = 0
            elif it % lns_every == 0 and self.eu.size:
                e = int(rng.integers(self.eu.size))
                q1, q2 = self.zl[int(self.eu[e])], self.zl[int(self.ev[e])]
                if q1 != q2:
                    if self.cnt[q1] + self.cnt[q2] <= EXACT_SPLIT_MAX:
                        self.resplit_exact(q1, q2, mu)
                    else:
                        self.recombine(q1, q2, mu, trees=3, only_if_better=True)
            self._record(it)
            if self.feasible() and self.cut < traj_cut - 1e-9:
                traj_cut, traj_z = self.cut, self.z.copy()
                since_traj = 0
            elif traj_z is None and self.P < traj_penalty - 1e-9:
                traj_penalty = self.P  # still infeasible, but getting closer: keep going
                since_traj = 0
            else:
                since_traj += 1
            if not moved or since_traj >= patience:
                # A local optimum of this trajectory: polish it, then accept it as the incumbent
                # if better (or, now and then, anyway: a random walk between local optima).
                restarts += 1
                if traj_z is not None:
                    if self.params.sweep:
                        self.load(traj_z)
                        if self.sweep(mu):  # bounded by work, not the clock
                            self._record(it)
                            if self.feasible() and self.cut < traj_cut:
                                traj_cut, traj_z = self.cut, self.z.copy()
                    if incumbent is None or traj_cut < incumbent[0] - 1e-9 or (
                            rng.random() < self.params.walk):
                        incumbent = (traj_cut, traj_z)
                improved = self.best_cut < global_at_kick - 1e-9
                kicks_without = 0 if improved else kicks_without + 1
                global_at_kick = self.best_cut
                if not self.from_start and (incumbent is None or
                                            kicks_without >= self.params.restart_after):
                    # Diversify: a fresh partition starts a new trajectory.
                    self.load(self._fresh())
                    incumbent = None
                    kicks_without = 0
                elif not self._kick(incumbent[1] if incumbent else self.best_infeasible[2], mu,
                                    strength=1 + kicks_without // self.params.escalate):
                    stopped = "exhausted"
                    break
                traj_cut, traj_z, since_traj, traj_penalty = math.inf, None, 0, math.inf
                if self.feasible():
                    traj_cut, traj_z = self.cut, self.z.copy()
        yield self._progress(it, time_limit, budget, final=True, stopped=stopped)

    def _record(self, it: int) -> bool:
        """Remember the state if it is the best valid (or least infeasible) one so far."""
        if self.feasible():
            if self.cut < self.best_cut - 1e-9:
                self.best_cut = self.cut
                self.best_z = self.z.copy()
                self.trace.append((time.perf_counter() - self.began, it,
                                   self.cut / self.flow_total))
                return True
            return False
        if self.best_z is None and (self.P, self.cut) < self.best_infeasible[:2]:
            self.best_infeasible = (self.P, self.cut, self.z.copy())
        return False

    def _fresh(self) -> np.ndarray:
        """A new tree partition (locked companies in their zones)."""
        z = np.full(self.B, -1, dtype=np.int64)
        for zone, b in enumerate(self.locked_blocks):
            z[b] = zone
        return self._tree_zones(z)

    def _kick(self, base: np.ndarray, mu: float, strength: int = 1) -> bool:
        """Load ``base`` and recombine random pairs of neighbouring companies (more of them the
        longer the search has gone without a new best)."""
        self.load(base)
        if self.eu.size == 0:
            return False
        changed = False
        for _ in range(int(self.rng.integers(1, self.params.kicks + 1)) + strength - 1):
            e = int(self.rng.integers(self.eu.size))
            q1, q2 = self.zl[int(self.eu[e])], self.zl[int(self.ev[e])]
            if q1 != q2:
                changed |= self.recombine(q1, q2, mu, trees=self.params.kick_trees)
        return changed or bool(np.any(self.z[self.eu] != self.z[self.ev]))

    # ------------------------------------------------------------------ results
    def _progress(self, it: int, time_limit: float, budget: int, *, final: bool,
                  stopped: str = "") -> Progress:
        elapsed = time.perf_counter() - self.began
        fraction = min(1.0, elapsed / time_limit) if math.isfinite(time_limit) else 0.0
        if budget:
            fraction = max(fraction, min(1.0, it / budget))
        if final:
            fraction = 1.0
        z = self.best_z if self.best_z is not None else self.best_infeasible[2]
        plan = self.plan(z, it, elapsed, stopped if final else "running", budget=budget,
                         explain=final)
        return Progress(fraction=fraction, plan=plan, value=plan.value, final=final)

    def plan(self, z: np.ndarray, it: int, elapsed: float, stopped: str, *, budget: int = 0,
             explain: bool = False) -> Plan:
        problem = self.problem
        labels = self.blocks.expand(z)
        # Canonical numbering: locked zones first, then free zones by their first unit.
        mapping = {zone: zone for zone in range(self.L)}
        for q in labels.tolist():
            if q not in mapping:
                mapping[q] = len(mapping)
        labels = np.array([mapping[q] for q in labels.tolist()], dtype=np.int64)
        violations = check_plan(problem, labels, k=self.K, floor=self.floor,
                                balance_max_ratio=self.ratio,
                                lighthouse_allowance=self.allowance, max_units=self.max_units)
        weights = np.bincount(labels, weights=problem.weights, minlength=self.K)
        locked = {zone: self.blocks.company[b] for zone, b in enumerate(self.locked_blocks)}
        notes = list(self.feas.notes) + list(problem.notes)
        binding = None
        if explain:  # the final plan only: it scans every single move once
            binding = binding_constraints(problem, labels, settings=self.settings)
            if binding.free_moves and not violations:
                notes.append(f"{binding.free_moves} single moves would still cut fewer day trips "
                             "without breaking a constraint: the search stopped before a local "
                             "optimum (give it more iterations or time).")
        return Plan(labels=tuple(int(x) for x in labels), k=self.K,
                    value=problem.cut_share(labels), valid=not violations,
                    violations=violations, zone_weights=tuple(float(x) for x in weights),
                    locked_zones=locked, iterations=it, elapsed_s=elapsed, stopped=stopped,
                    trace=tuple(self.trace), settings=dict(self.settings), notes=tuple(notes),
                    budget=int(budget),
                    binding=binding.names if binding is not None else (),
                    binding_detail=binding.detail if binding is not None else ())


def _best_first(score: np.ndarray, head: int):
    """Indices of ``score`` in increasing order (ties by index): the ``head`` best first, the
    rest sorted only if the caller gets that far (most moves are taken from the head)."""
    if score.size <= head:
        yield from np.lexsort((np.arange(score.size), score)).tolist()
        return
    top = np.argpartition(score, head)[:head]
    top = top[np.lexsort((top, score[top]))]
    yield from top.tolist()
    rest = np.setdiff1d(np.arange(score.size), top, assume_unique=True)
    yield from rest[np.lexsort((rest, score[rest]))].tolist()


class _Stop(Exception):
    """Internal: an enumeration hit its limit."""


def _other(S: np.ndarray, ranked: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Per candidate, the first of ``ranked`` zones that is neither ``a`` nor ``b``."""
    first, second, third = (int(x) for x in ranked[:3])
    out = np.where((a != first) & (b != first), S[first],
                   np.where((a != second) & (b != second), S[second], S[third]))
    return out


def _start_labels(problem: RegionalizationProblem, start) -> np.ndarray:
    """Unit labels (``-1`` = unaffiliated) from any accepted start-plan form."""
    from destinations.scenarios.scenario import Scenario

    n = problem.n
    if isinstance(start, Plan):
        labels = np.asarray(start.labels, dtype=np.int64)
    elif isinstance(start, Scenario):
        missing = set(problem.ids) - set(start.codes)
        if missing:
            raise SolverError(f"The start plan does not cover units {sorted(missing)[:5]}; start "
                              "from a plan of the same units.")
        ids = {cid: i for i, (cid, _) in enumerate(start.company_names)}
        assignment = start.assignment
        labels = np.array([ids[assignment[u]] if assignment[u] is not None else -1
                           for u in problem.ids], dtype=np.int64)
    elif isinstance(start, Mapping):
        names: dict[object, int] = {}
        labels = np.full(n, -1, dtype=np.int64)
        for unit, label in start.items():
            if label is None:
                continue
            i = problem.index.get(str(unit))
            if i is None:
                raise SolverError(f"The start plan names unknown unit {unit!r}.")
            labels[i] = names.setdefault(label, len(names))
    else:
        raw = list(start)
        if len(raw) != n:
            raise SolverError(f"The start plan has {len(raw)} labels for {n} units.")
        names = {}
        labels = np.array([-1 if (x is None or (isinstance(x, (int, np.integer)) and x < 0))
                           else names.setdefault(x, len(names)) for x in raw], dtype=np.int64)
    if labels.shape != (n,):
        raise SolverError(f"The start plan has {labels.size} labels for {n} units.")
    return labels
