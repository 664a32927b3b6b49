"""The numeric regionalization problem and the plans the generators return.

A :class:`RegionalizationProblem` is plain arrays: unit ids, the adjacency edges of the travel graph
(land borders, bridges, tunnels and ferries all connect), each unit's overnight stays, the directed
day-trip flow matrix, lighthouse counts and the locks. Build it with:

* :meth:`RegionalizationProblem.from_arrays` - tiny synthetic graphs (what the tests use);
* :meth:`RegionalizationProblem.from_context` - an :class:`~destinations.scenarios.metrics.EvaluationContext`
  (the municipalities, the facts year and the flow model the metrics use, so the objective here is
  exactly the metrics table's ``flow_cut_share``);
* :meth:`RegionalizationProblem.from_base` - base data plus a facts year (builds the context).

Parish mode builds the same object over parishes (:mod:`destinations.regionalize.parish`).

Locks:

* ``together`` - groups of units that must end up in the same company;
* ``fixed`` - locked companies ``{company id: member units}``: kept exactly as they are (no member
  leaves, nobody joins), and each counts as one of the ``k`` companies.

The objective everywhere is the flow-weighted border cut ``sum_{zone(i) != zone(j)} f_ij / sum_ij
f_ij`` (see :mod:`destinations.scenarios.metrics`).
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Iterable, Mapping, Sequence

import numpy as np

from destinations.errors import SolverError

#: Unit kinds a problem can be built over.
UNIT_KINDS = ("municipality", "parish")


@dataclass(frozen=True, eq=False)
class RegionalizationProblem:
    """Plain-array input of every generator.

    Attributes
    ----------
    ids
        Unit ids (kommune codes or parish codes), position = index in every array.
    names
        Display names of the units.
    edges
        ``(m, 2)`` int array of adjacent unit positions (each pair once, ``a < b``).
    weights
        ``(n,)`` annual overnight stays per unit (the floor and balance are on these).
    flows
        ``(n, n)`` directed day-trip flows (``flows[i, j]``: from guests staying in *i* to *j*).
    lighthouses
        ``(n,)`` number of lighthouse attractions per unit.
    together
        Groups of unit positions that must share a company.
    fixed
        ``(company id, positions)`` of locked companies.
    fixed_names
        ``{company id: display name}`` of the locked companies.
    unit_kind
        ``"municipality"`` or ``"parish"``.
    parent
        For parishes: the municipality code of each unit (else empty).
    notes
        Modelling notes carried into results (e.g. "parish overnights apportioned by area").
    """

    ids: tuple[str, ...]
    names: tuple[str, ...]
    edges: np.ndarray
    weights: np.ndarray
    flows: np.ndarray
    lighthouses: np.ndarray
    together: tuple[tuple[int, ...], ...] = ()
    fixed: tuple[tuple[str, tuple[int, ...]], ...] = ()
    fixed_names: Mapping[str, str] = field(default_factory=dict)
    unit_kind: str = "municipality"
    parent: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    # derived
    index: Mapping[str, int] = field(init=False, repr=False)
    neighbours: tuple[np.ndarray, ...] = field(init=False, repr=False)
    flow_total: float = field(init=False, repr=False)

    def __post_init__(self) -> None:
        n = len(self.ids)
        if n == 0:
            raise SolverError("The problem has no units. Give at least one municipality.")
        if len(set(self.ids)) != n:
            raise SolverError("A unit id is listed twice; give each unit once.")
        if len(self.names) != n:
            raise SolverError(f"{n} units but {len(self.names)} names.")
        for name, array, shape in (("weights", self.weights, (n,)), ("flows", self.flows, (n, n)),
                                   ("lighthouses", self.lighthouses, (n,))):
            if np.shape(array) != shape:
                raise SolverError(f"RegionalizationProblem.{name}: expected shape {shape}, got "
                                  f"{np.shape(array)}.")
        if not np.all(np.isfinite(self.weights)):
            gaps = [self.ids[i] for i in np.flatnonzero(~np.isfinite(self.weights))][:5]
            raise SolverError(f"Overnight stays are unknown for {gaps}: the floor and the balance "
                              "cannot be checked. Choose a facts year with figures for every unit.")
        if np.any(self.weights < 0):
            raise SolverError("Overnight stays must be >= 0.")
        if self.unit_kind not in UNIT_KINDS:
            raise SolverError(f"unit_kind must be one of {UNIT_KINDS}, got {self.unit_kind!r}.")
        edges = np.asarray(self.edges, dtype=np.int64).reshape(-1, 2)
        if edges.size and (edges.min() < 0 or edges.max() >= n):
            raise SolverError("An edge names a unit position outside the problem.")
        seen: set[int] = set()
        for members in [g for g in self.together] + [m for _, m in self.fixed]:
            for i in members:
                if not 0 <= i < n:
                    raise SolverError("A lock names a unit position outside the problem.")
        for cid, members in self.fixed:
            overlap = seen & set(members)
            if overlap:
                raise SolverError(f"Unit {self.ids[min(overlap)]} is in two locked companies; a "
                                  "municipality belongs to one company only. Unlock one of them.")
            seen |= set(members)
            if not members:
                raise SolverError(f"Locked company {cid!r} has no members; unlock or drop it.")
        adjacency: list[set[int]] = [set() for _ in range(n)]
        for a, b in edges:
            if a != b:
                adjacency[a].add(int(b))
                adjacency[b].add(int(a))
        set_ = object.__setattr__
        pairs = sorted({(min(a, b), max(a, b)) for a, b in edges.tolist() if a != b})
        set_(self, "edges", np.array(pairs, dtype=np.int64).reshape(-1, 2))
        set_(self, "index", MappingProxyType({u: i for i, u in enumerate(self.ids)}))
        set_(self, "neighbours", tuple(np.array(sorted(s), dtype=np.int64) for s in adjacency))
        flows = np.nan_to_num(np.asarray(self.flows, dtype=float), nan=0.0)
        set_(self, "flows", flows)
        set_(self, "flow_total", float(flows.sum()))
        set_(self, "fixed_names", MappingProxyType(dict(self.fixed_names)))

    # ------------------------------------------------------------------ builders
    @classmethod
    def from_arrays(
        cls,
        ids: Sequence[str],
        *,
        edges: Iterable[tuple[object, object]],
        weights: Sequence[float] | Mapping[str, float],
        flows: np.ndarray | Mapping[tuple[str, str], float] | None = None,
        lighthouses: Sequence[float] | Mapping[str, float] | None = None,
        names: Sequence[str] | Mapping[str, str] | None = None,
        together: Iterable[Iterable[str]] = (),
        fixed: Mapping[str, Iterable[str]] | None = None,
        fixed_names: Mapping[str, str] | None = None,
        unit_kind: str = "municipality",
        parent: Sequence[str] = (),
        notes: Sequence[str] = (),
    ) -> "RegionalizationProblem":
        """Build from plain sequences or mappings keyed by unit id.

        ``edges`` are pairs of unit ids (or of positions, when ints not in ``ids``); ``flows`` a
        matrix or ``{(from, to): flow}``; ``together`` groups of ids; ``fixed`` locked companies
        ``{company id: member ids}``. Unknown ids raise :class:`SolverError`.
        """
        ids = tuple(str(u) for u in ids)
        pos = {u: i for i, u in enumerate(ids)}
        n = len(ids)

        def position(unit: object) -> int:
            key = str(unit)
            if key in pos:
                return pos[key]
            if isinstance(unit, (int, np.integer)) and 0 <= int(unit) < n:
                return int(unit)
            raise SolverError(f"Unknown unit {unit!r}; use one of the problem's ids.")

        def vector(values, default: float) -> np.ndarray:
            if values is None:
                return np.full(n, default, dtype=float)
            if isinstance(values, Mapping):
                out = np.full(n, default, dtype=float)
                for unit, value in values.items():
                    out[position(unit)] = math.nan if value is None else float(value)
                return out
            return np.asarray(values, dtype=float)

        edge_array = np.array([[position(a), position(b)] for a, b in edges],
                              dtype=np.int64).reshape(-1, 2)
        if isinstance(flows, Mapping):
            matrix = np.zeros((n, n))
            for (a, b), value in flows.items():
                matrix[position(a), position(b)] += float(value)
        elif flows is None:
            matrix = np.zeros((n, n))
        else:
            matrix = np.asarray(flows, dtype=float)
        if isinstance(names, Mapping):
            name_tuple = tuple(str(names.get(u, u)) for u in ids)
        elif names is None:
            name_tuple = ids
        else:
            name_tuple = tuple(str(x) for x in names)
        fixed_pairs = tuple((str(cid), tuple(sorted({position(u) for u in members})))
                            for cid, members in (fixed or {}).items())
        return cls(
            ids=ids, names=name_tuple, edges=edge_array, weights=vector(weights, math.nan),
            flows=matrix, lighthouses=vector(lighthouses, 0.0),
            together=tuple(tuple(sorted({position(u) for u in group})) for group in together),
            fixed=fixed_pairs,
            fixed_names=dict(fixed_names or {cid: cid for cid, _ in fixed_pairs}),
            unit_kind=unit_kind, parent=tuple(parent), notes=tuple(notes),
        )

    @classmethod
    def from_context(
        cls,
        ctx,
        *,
        together: Iterable[Iterable[str]] = (),
        locked: Mapping[str, Iterable[str]] | None = None,
        locked_names: Mapping[str, str] | None = None,
    ) -> "RegionalizationProblem":
        """The municipality problem of an :class:`~destinations.scenarios.metrics.EvaluationContext`.

        Weights, flows and lighthouses are the context's own arrays, so the objective equals the
        metrics' ``flow_cut_share`` and a lighthouse is what the metrics count as one.
        """
        notes = []
        if ctx.flow_source:
            notes.append(f"flows: {ctx.flow_source} ({ctx.flow_kind.value})")
        if ctx.year is not None:
            notes.append(f"overnight stays: facts year {ctx.year}")
        return cls.from_arrays(
            ctx.codes, edges=[tuple(e) for e in np.asarray(ctx.edges).tolist()],
            weights=ctx.overnights, flows=ctx.flows, lighthouses=ctx.lighthouse_counts,
            names=ctx.names, together=together, fixed=locked, fixed_names=locked_names,
            notes=notes)

    @classmethod
    def from_base(cls, base, *, year: int | None = None, facts=None, flow_params=None,
                  together: Iterable[Iterable[str]] = (),
                  locked: Mapping[str, Iterable[str]] | None = None,
                  locked_names: Mapping[str, str] | None = None) -> "RegionalizationProblem":
        """The municipality problem for base data and a facts year (latest when ``None``)."""
        from destinations.scenarios.io import load_context

        ctx = load_context(base, year=year, facts=facts, flow_params=flow_params)
        return cls.from_context(ctx, together=together, locked=locked, locked_names=locked_names)

    # ------------------------------------------------------------------ helpers
    @property
    def n(self) -> int:
        return len(self.ids)

    def with_locks(self, *, together: Iterable[Iterable[str]] = (),
                   locked: Mapping[str, Iterable[str]] | None = None,
                   locked_names: Mapping[str, str] | None = None) -> "RegionalizationProblem":
        """The same problem with other locks (ids, not positions)."""
        pos = self.index

        def positions(units: Iterable[str]) -> tuple[int, ...]:
            try:
                return tuple(sorted({pos[str(u)] for u in units}))
            except KeyError as exc:
                raise SolverError(f"Unknown unit {exc.args[0]!r} in a lock; use the problem's "
                                  "ids.") from None

        fixed = tuple((str(cid), positions(m)) for cid, m in (locked or {}).items())
        return RegionalizationProblem(
            ids=self.ids, names=self.names, edges=self.edges, weights=self.weights,
            flows=self.flows, lighthouses=self.lighthouses,
            together=tuple(positions(g) for g in together), fixed=fixed,
            fixed_names=dict(locked_names or {cid: cid for cid, _ in fixed}),
            unit_kind=self.unit_kind, parent=self.parent, notes=self.notes)

    def positions(self, units: Iterable[str]) -> np.ndarray:
        try:
            return np.fromiter((self.index[str(u)] for u in units), dtype=np.int64)
        except KeyError as exc:
            raise SolverError(f"Unknown unit {exc.args[0]!r}; use the problem's ids.") from None

    def symmetric_flows(self) -> np.ndarray:
        """``f + f^T``: the flow between two units in either direction."""
        return self.flows + self.flows.T

    def cut_share(self, labels: Sequence[int] | np.ndarray) -> float:
        """Flow-weighted border cut of a labelling (negative labels = unaffiliated singletons)."""
        zones = _zones(np.asarray(labels, dtype=np.int64))
        if self.flow_total <= 0:
            return math.nan
        same = zones[:, None] == zones[None, :]
        return float(self.flows[~same].sum() / self.flow_total)

    def components(self, members: Iterable[int]) -> list[list[int]]:
        """Connected parts of ``members`` on the unit graph, largest first."""
        return connected_parts(self.neighbours, members)


def _zones(labels: np.ndarray) -> np.ndarray:
    """Labels with each negative (unaffiliated) unit made its own zone."""
    out = labels.copy()
    free = np.flatnonzero(out < 0)
    top = int(out.max()) + 1 if out.size and out.max() >= 0 else 0
    out[free] = top + np.arange(free.size)
    return out


def connected_parts(neighbours: Sequence[np.ndarray], members: Iterable[int]) -> list[list[int]]:
    """Connected parts of ``members`` in the graph ``neighbours``, largest first."""
    inside = set(int(m) for m in members)
    parts: list[list[int]] = []
    while inside:
        start = min(inside)
        inside.remove(start)
        part, queue = [start], deque([start])
        while queue:
            node = queue.popleft()
            for other in neighbours[node]:
                other = int(other)
                if other in inside:
                    inside.remove(other)
                    part.append(other)
                    queue.append(other)
        parts.append(sorted(part))
    return sorted(parts, key=lambda p: (-len(p), p))


# ---------------------------------------------------------------------------------------------
# Plans
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Plan:
    """A generated plan: one company (zone ``0..k-1``) per unit, its objective and its checks.

    Attributes
    ----------
    labels
        Zone per unit position.
    k
        Number of companies.
    value
        Flow-weighted border cut share (the objective; lower is better).
    valid
        True when every constraint holds (contiguity, floor, balance, lighthouses, locks).
    violations
        What fails (empty when valid): ``noncontiguous`` / ``below_floor`` (zone lists),
        ``balance`` (ratio vs bound), ``lighthouse`` (companies without vs allowed).
    zone_weights
        Overnight stays per zone.
    locked_zones
        ``{zone: company id}`` of the locked companies.
    iterations, elapsed_s, stopped
        Search effort and why it stopped: ``budget`` (the iteration budget was used),
        ``exhausted`` (nothing left to try), ``target``, ``time`` (the time limit came first),
        ``cancelled``; ``running`` in progress reports.
    budget
        The iteration budget the search was given.
    trace
        ``(seconds, iteration, value)`` each time the best valid plan improved.
    settings
        The constraints the plan was generated for (k, floor, balance bound, size bound,
        lighthouse rule).
    notes
        Explanations (e.g. how many companies the data allow a lighthouse).
    binding, binding_detail
        The constraints that keep the plan from cutting fewer day trips (names, most important
        first) and one record per constraint (see
        :func:`destinations.regionalize.explain.binding_constraints`); empty in progress reports.
    """

    labels: tuple[int, ...]
    k: int
    value: float
    valid: bool
    violations: Mapping[str, object]
    zone_weights: tuple[float, ...]
    locked_zones: Mapping[int, str] = field(default_factory=dict)
    iterations: int = 0
    elapsed_s: float = 0.0
    stopped: str = ""
    trace: tuple[tuple[float, int, float], ...] = ()
    settings: Mapping[str, object] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    budget: int = 0
    binding: tuple[str, ...] = ()
    binding_detail: tuple[Mapping[str, object], ...] = ()

    @property
    def stopped_by(self) -> str:
        """``"time"`` when the time limit ended the search (the plan may differ on another
        machine), ``"cancelled"`` when the user stopped it, else ``"budget"``: the work done was
        fixed by the iteration budget (used up, or nothing left to try), so the plan reproduces."""
        if self.stopped in ("time", "cancelled", "running"):
            return self.stopped
        return "budget"

    def members(self) -> list[list[int]]:
        """Unit positions per zone."""
        out: list[list[int]] = [[] for _ in range(self.k)]
        for i, z in enumerate(self.labels):
            if z >= 0:
                out[z].append(i)
        return out

    def assignment(self, problem: RegionalizationProblem) -> dict[str, int]:
        return {u: int(z) for u, z in zip(problem.ids, self.labels)}

    def to_scenario(self, problem: RegionalizationProblem, *, name: str = "Generated plan",
                    reference=None):
        """The plan as a :class:`~destinations.scenarios.scenario.Scenario` over ``problem.ids``.

        Locked companies keep their id and name. Other companies are named after their largest
        member by overnight stays (``"Aarhus +4"``); with a ``reference`` scenario their ids are
        matched to the reference's companies by overlap (Hungarian method), so the comparison
        page lines them up. The locks stay locked.
        """
        from destinations.scenarios.scenario import Scenario

        members = self.members()
        names: dict[str, str] = {}
        ids: dict[int, str] = {}
        for zone, units in enumerate(members):
            if zone in self.locked_zones:
                cid = self.locked_zones[zone]
                ids[zone] = cid
                names[cid] = problem.fixed_names.get(cid, cid)
                continue
            top = max(units, key=lambda i: (problem.weights[i], -i)) if units else None
            label = problem.names[top] if top is not None else f"Company {zone + 1}"
            label = f"{label} +{len(units) - 1}" if len(units) > 1 else label
            cid = f"gen-{zone + 1}"
            ids[zone] = cid
            names[cid] = _unique_name(label, names.values())
        assignment = {u: ids[int(z)] if z >= 0 else None for u, z in zip(problem.ids, self.labels)}
        scenario = Scenario.from_assignment(assignment, names, codes=problem.ids, name=name,
                                            locked=[ids[z] for z in self.locked_zones])
        if reference is not None and set(reference.codes) == set(scenario.codes):
            from destinations.scenarios.compare import relabel

            scenario = relabel(scenario, reference)
        return scenario


def _unique_name(name: str, taken: Iterable[str]) -> str:
    folded = {t.casefold() for t in taken}
    candidate, n = name[:80], 2
    while candidate.casefold() in folded:
        candidate, n = f"{name[:74]} ({n})", n + 1
    return candidate


def check_plan(problem: RegionalizationProblem, labels: Sequence[int], *, k: int | None = None,
               floor: float = 0.0, balance_max_ratio: float | None = None,
               lighthouse_allowance: int | None = None,
               max_units: int | None = None) -> dict[str, object]:
    """The constraint violations of a labelling (``{}`` when valid).

    Keys: ``noncontiguous`` and ``below_floor`` (zone lists), ``balance`` (``{"ratio", "bound"}``),
    ``lighthouse`` (``{"without", "allowed"}``), ``size`` (``{"zones", "bound"}``: companies with
    more than ``max_units`` units), ``companies`` (``{"count", "expected"}``), ``locks`` (a text
    per broken lock).
    """
    labels = np.asarray(labels, dtype=np.int64)
    zones = sorted(set(int(z) for z in labels if z >= 0))
    violations: dict[str, object] = {}
    if k is not None and len(zones) != k:
        violations["companies"] = {"count": len(zones), "expected": k}
    weights = {z: float(problem.weights[labels == z].sum()) for z in zones}
    noncontiguous = [z for z in zones
                     if len(problem.components(np.flatnonzero(labels == z))) > 1]
    if noncontiguous:
        violations["noncontiguous"] = noncontiguous
    below = [z for z in zones if weights[z] < floor]
    if below:
        violations["below_floor"] = below
    if balance_max_ratio is not None and zones:
        low, high = min(weights.values()), max(weights.values())
        ratio = math.inf if low <= 0 else high / low
        if ratio > balance_max_ratio * (1 + 1e-9):
            violations["balance"] = {"ratio": ratio, "bound": float(balance_max_ratio)}
    if max_units is not None:
        large = [z for z in zones if int(np.sum(labels == z)) > max_units]
        if large:
            violations["size"] = {"zones": large, "bound": int(max_units)}
    if lighthouse_allowance is not None:
        without = sum(1 for z in zones if problem.lighthouses[labels == z].sum() <= 0)
        if without > lighthouse_allowance:
            violations["lighthouse"] = {"without": without, "allowed": int(lighthouse_allowance)}
    broken = []
    for group in problem.together:
        if len({int(labels[i]) for i in group}) > 1:
            broken.append("keep together: " + ", ".join(problem.names[i] for i in group))
    for cid, members in problem.fixed:
        zone_set = {int(labels[i]) for i in members}
        if len(zone_set) != 1 or int(np.sum(labels == next(iter(zone_set)))) != len(members):
            broken.append(f"locked company {problem.fixed_names.get(cid, cid)} changed")
    if broken:
        violations["locks"] = broken
    return violations
