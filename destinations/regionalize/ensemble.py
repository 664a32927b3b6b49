"""Ensembles of valid plans (ReCom recombination) and where a chosen plan sits among them.

"Is today's map an outlier on border cut?" - a plan's metric means little alone; next to many
valid plans with the same number of companies it gets a percentile.

The chain (DeFord, Duchin & Solomon's ReCom, as in GerryChain): from a valid plan, repeatedly

1. pick a border between two unlocked companies uniformly among the cut edges;
2. merge the two companies and draw a random spanning tree of the merged area (Kruskal on random
   edge weights, GerryChain's default);
3. list the tree edges whose cut leaves two parts that both reach the floor (and keep the balance
   bound and the lighthouse rule, when set); cut one of them uniformly at random. If a tree has
   none, draw another (a few times), else the chain stays where it is (the step is recorded again,
   as in a Markov chain).

Every recorded state is a valid plan. The start is a valid plan from the generator's first phase
(a random tree partition repaired to validity) unless one is given; the first ``burn_in`` steps are
not recorded. Metrics are the plan rows of :data:`destinations.scenarios.metrics.METRICS` listed in
:data:`ENSEMBLE_METRICS` (facts-based ones only when an evaluation context is given).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field
from typing import Callable, Mapping, Sequence

import numpy as np

from destinations.errors import SolverError
from destinations.regionalize.feasibility import check_feasibility, lighthouse_rule
from destinations.regionalize.generate import random_spanning_tree, solve
from destinations.regionalize.problem import Plan, RegionalizationProblem, check_plan

#: Plan metrics recorded for every ensemble plan (keys of the metrics table).
ENSEMBLE_METRICS = ("flow_cut_share", "balance_gini", "max_min_ratio", "lighthouseless_count",
                    "seasonality_gini_mean", "complementarity_mean", "narrative_es_mean")
#: Metrics that need the facts/attractions of an evaluation context.
_CONTEXT_METRICS = {"seasonality_gini_mean", "complementarity_mean", "narrative_es_mean"}
#: Two-sided outlier threshold (percent in each tail).
OUTLIER_TAIL = 2.5


@dataclass(frozen=True, eq=False)
class Ensemble:
    """Metric values of the sampled plans.

    Attributes
    ----------
    values
        ``{metric key: array of one value per recorded plan}``.
    k
        Companies per plan.
    steps, accepted
        Recorded steps and how many of them moved the chain.
    elapsed_s, stopped
        Time used and why sampling stopped (``steps``, ``time``, ``cancelled``).
    settings, notes
        The constraints used, and modelling notes.
    """

    values: Mapping[str, np.ndarray]
    k: int
    steps: int
    accepted: int
    elapsed_s: float
    stopped: str
    settings: Mapping[str, object] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    @property
    def size(self) -> int:
        return self.steps

    def position(self, values: Mapping[str, object]) -> dict[str, dict[str, object]]:
        """Where a plan's metric values sit: see :func:`position`."""
        return position(self, values)


def _known_without_lighthouse(problem, labels: np.ndarray, zones: list[int], ctx) -> int:
    """Zones known to have no lighthouse, as the metrics table counts them: no lighthouse, every
    attraction counted (a missing count is never read as a small one) and at least one attraction.
    Without a municipality-level context (parish units) only the first condition can be checked."""
    if ctx is None or len(ctx.uncounted_counts) != len(labels):
        return sum(problem.lighthouses[labels == z].sum() <= 0 for z in zones)
    attractions = np.bincount(np.asarray(ctx.attraction_code, dtype=int), minlength=len(labels))
    return sum(problem.lighthouses[labels == z].sum() <= 0
               and ctx.uncounted_counts[labels == z].sum() == 0
               and attractions[labels == z].sum() > 0 for z in zones)


def plan_values(problem: RegionalizationProblem, labels: Sequence[int], *, ctx=None,
                keys: Sequence[str] = ENSEMBLE_METRICS) -> dict[str, float]:
    """The ensemble metrics of one labelling (negative labels = unaffiliated, own zones).

    Same conventions as :mod:`destinations.scenarios.metrics` (so values compare with ``evaluate``).
    """
    from destinations.scenarios import metrics as m

    labels = np.asarray(labels, dtype=np.int64)
    zones = sorted(set(int(z) for z in labels if z >= 0))
    weights = np.array([problem.weights[labels == z].sum() for z in zones])
    out: dict[str, float] = {}
    if "flow_cut_share" in keys:
        out["flow_cut_share"] = problem.cut_share(labels)
    if "balance_gini" in keys:
        out["balance_gini"] = m.gini(weights)
    if "max_min_ratio" in keys:
        out["max_min_ratio"] = (float(weights.max() / weights.min())
                                if weights.size and weights.min() > 0 else math.nan)
    if "lighthouseless_count" in keys:
        out["lighthouseless_count"] = float(_known_without_lighthouse(problem, labels, zones, ctx))
    if ctx is not None and _CONTEXT_METRICS & set(keys):
        members = [np.flatnonzero(labels == z) for z in zones]
        if "seasonality_gini_mean" in keys or "complementarity_mean" in keys:
            g = np.array([m.company_seasonality_gini(ctx, idx) for idx in members])
            d = np.array([m.complementarity(ctx, idx) for idx in members])
            w = np.array([m.overnights_sum(ctx, idx) for idx in members])
            ok = w.sum() > 0 and np.all(np.isfinite(w))
            if "seasonality_gini_mean" in keys:
                out["seasonality_gini_mean"] = (float(np.dot(g, w) / w.sum())
                                                if ok and np.all(np.isfinite(g)) else math.nan)
            if "complementarity_mean" in keys:
                out["complementarity_mean"] = (float(np.dot(d, w) / w.sum())
                                               if ok and np.all(np.isfinite(d)) else math.nan)
        if "narrative_es_mean" in keys:
            k = len(zones)
            index = {z: i for i, z in enumerate(zones)}
            zone_of = np.array([index[int(z)] if z >= 0 else k + i
                                for i, z in enumerate(labels)], dtype=np.int64)
            out["narrative_es_mean"] = (float(np.mean(m.effective_splits_rows(
                m.theme_zone_counts(ctx, zone_of)))) if ctx.themes else math.nan)
    return out


def position(ensemble: Ensemble, values: Mapping[str, object]) -> dict[str, dict[str, object]]:
    """Per metric: the plan's ``value``, its ``percentile`` among the ensemble (share of plans
    with a lower value, ties counted half, in percent), the ensemble's ``median``, ``low`` and
    ``high`` (2.5th and 97.5th percentiles), ``outlier`` (outside them) and ``n``. A gap (missing
    value) gives ``None`` percentiles."""
    out: dict[str, dict[str, object]] = {}
    for key, sample in ensemble.values.items():
        sample = np.asarray(sample, dtype=float)
        sample = sample[np.isfinite(sample)]
        raw = values.get(key)
        value = None if raw is None else float(raw)
        if value is None or not math.isfinite(value) or sample.size == 0:
            out[key] = {"value": value, "percentile": None, "median": None, "low": None,
                        "high": None, "outlier": None, "n": int(sample.size)}
            continue
        below = float(np.sum(sample < value))
        equal = float(np.sum(sample == value))
        percentile = 100.0 * (below + 0.5 * equal) / sample.size
        low, high = np.percentile(sample, [OUTLIER_TAIL, 100 - OUTLIER_TAIL])
        out[key] = {"value": value, "percentile": percentile, "median": float(np.median(sample)),
                    "low": float(low), "high": float(high),
                    "outlier": bool(value < low or value > high), "n": int(sample.size)}
    return out


def sample_ensemble(problem: RegionalizationProblem, *, rng: np.random.Generator, steps: int,
                    k: int, floor: float, balance_max_ratio: float | None = None,
                    require_lighthouse: bool | str = "off", start=None, ctx=None,
                    burn_in: int = 50, time_limit: float = 60.0,
                    keys: Sequence[str] = ENSEMBLE_METRICS,
                    on_progress: Callable[[float, int], None] | None = None,
                    cancel: Callable[[], bool] | None = None) -> Ensemble:
    """Sample ``steps`` valid plans with ReCom and record their metrics.

    Parameters
    ----------
    problem
        The units (its locked companies never change; "keep together" groups are respected).
    rng
        The only source of randomness.
    steps
        Plans to record (after ``burn_in`` unrecorded steps).
    k, floor, balance_max_ratio, require_lighthouse
        The constraints every sampled plan meets (as in :func:`~.generate.solve`).
    start
        A valid start plan (a :class:`Plan` or labels); default: the generator's first valid plan.
    ctx
        An :class:`~destinations.scenarios.metrics.EvaluationContext` for the facts-based metrics.
    time_limit
        Seconds (always honoured; the start plan's search uses at most half of it).
    on_progress
        ``on_progress(fraction, recorded)`` about every 0.25 s.
    cancel
        Returning True stops sampling early (what was recorded so far is returned).
    """
    if steps < 1:
        raise SolverError("An ensemble needs at least one step.")
    began = time.perf_counter()
    rule = lighthouse_rule(require_lighthouse)
    feas = check_feasibility(problem, k=k, floor=floor, balance_max_ratio=balance_max_ratio,
                             require_lighthouse=rule)
    if start is None:
        first = solve(problem, rng=rng, time_limit=max(0.5, time_limit / 2), k=k, floor=floor,
                      balance_max_ratio=balance_max_ratio, require_lighthouse=rule, target=1.0)
        if not first.valid:
            raise SolverError("No valid start plan was found for the ensemble in the time "
                              "available; raise the time limit or relax the constraints.")
        labels = np.asarray(first.labels, dtype=np.int64)
    else:
        labels = np.asarray(start.labels if isinstance(start, Plan) else start, dtype=np.int64)
        problems = check_plan(problem, labels, k=k, floor=floor,
                              balance_max_ratio=balance_max_ratio,
                              lighthouse_allowance=feas.lighthouse_allowance)
        if problems:
            raise SolverError(f"The ensemble's start plan is not valid ({sorted(problems)}); "
                              "start from a valid plan.")
    blocks = feas.blocks
    # Block zones (blocks are whole: every unit of a block carries the same label in a valid plan).
    z = np.array([int(labels[members[0]]) for members in blocks.members], dtype=np.int64)
    chain = _Chain(blocks, z, k=k, floor=floor, ratio=balance_max_ratio,
                   allowance=feas.lighthouse_allowance, rng=rng)
    wanted = tuple(key for key in keys if ctx is not None or key not in _CONTEXT_METRICS)
    values: dict[str, list[float]] = {key: [] for key in wanted}
    accepted = 0
    recorded = 0
    total = burn_in + steps
    stopped = "steps"
    next_report = time.perf_counter() + 0.25
    for step in range(total):
        now = time.perf_counter()
        if now - began >= time_limit:
            stopped = "time"
            break
        if cancel is not None and step % 8 == 0 and cancel():
            stopped = "cancelled"
            break
        if on_progress is not None and now >= next_report:
            next_report = now + 0.25
            on_progress(step / total, recorded)
        moved = chain.step()
        if step < burn_in:
            continue
        accepted += int(moved)
        unit_labels = blocks.expand(chain.z)
        for key, value in plan_values(problem, unit_labels, ctx=ctx, keys=wanted).items():
            values[key].append(value)
        recorded += 1
    if on_progress is not None:
        on_progress(1.0, recorded)
    notes = list(feas.notes)
    if recorded and accepted < recorded / 2:
        notes.append(f"only {accepted} of {recorded} recorded steps moved the chain: the "
                     "constraints leave little room (the sample may not be diverse)")
    return Ensemble(values={key: np.asarray(v, dtype=float) for key, v in values.items()},
                    k=k, steps=recorded, accepted=accepted,
                    elapsed_s=time.perf_counter() - began, stopped=stopped,
                    settings={"k": k, "floor": floor, "balance_max_ratio": balance_max_ratio,
                              "require_lighthouse": rule, "burn_in": burn_in},
                    notes=tuple(notes))


class _Chain:
    """ReCom over blocks (locked blocks never move)."""

    def __init__(self, blocks, z: np.ndarray, *, k: int, floor: float, ratio: float | None,
                 allowance: int | None, rng: np.random.Generator, tries: int = 4) -> None:
        self.blocks = blocks
        self.z = z.copy()
        self.k = k
        self.floor = floor
        self.ratio = ratio
        self.allowance = allowance
        self.rng = rng
        self.tries = tries
        self.nbl = [[int(x) for x in nb] for nb in blocks.neighbours]
        self.w = blocks.weights.astype(float)
        self.lh = blocks.lighthouses.astype(float)
        movable = ~blocks.frozen
        pairs = [(a, b) for a in range(blocks.size) for b in self.nbl[a]
                 if a < b and movable[a] and movable[b]]
        self.eu = np.array([a for a, _ in pairs], dtype=np.int64)
        self.ev = np.array([b for _, b in pairs], dtype=np.int64)

    def step(self) -> bool:
        z = self.z
        if self.eu.size == 0:
            return False
        cut = np.flatnonzero(z[self.eu] != z[self.ev])
        if cut.size == 0:
            return False
        e = int(cut[int(self.rng.integers(cut.size))])
        a, b = int(z[self.eu[e]]), int(z[self.ev[e]])
        nodes = np.flatnonzero((z == a) | (z == b)).tolist()
        S = np.bincount(z, weights=self.w, minlength=self.k)
        L = np.bincount(z, weights=self.lh, minlength=self.k)
        rest = np.ones(self.k, dtype=bool)
        rest[[a, b]] = False
        total_w = float(S[a] + S[b])
        total_l = float(L[a] + L[b])
        for _ in range(self.tries):
            tree = random_spanning_tree(nodes, self.nbl, self.rng)
            root = nodes[0]
            parent = {root: -1}
            order = [root]
            for v in order:
                for x in tree[v]:
                    if x not in parent:
                        parent[x] = v
                        order.append(x)
            if len(order) < len(nodes):
                return False
            sub_w = {v: float(self.w[v]) for v in order}
            sub_l = {v: float(self.lh[v]) for v in order}
            for v in reversed(order[1:]):
                sub_w[parent[v]] += sub_w[v]
                sub_l[parent[v]] += sub_l[v]
            valid = [v for v in order[1:] if self._ok(sub_w[v], total_w - sub_w[v], sub_l[v],
                                                     total_l - sub_l[v], S, L, rest)]
            if not valid:
                continue
            cut_at = valid[int(self.rng.integers(len(valid)))]
            side = {cut_at}
            for v in order:
                if parent.get(v, -1) in side:
                    side.add(v)
            for v in nodes:
                z[v] = a if v in side else b
            return True
        return False

    def _ok(self, w1: float, w2: float, l1: float, l2: float, S, L, rest) -> bool:
        if w1 < self.floor or w2 < self.floor:
            return False
        if self.ratio is not None:
            others = S[rest]
            high = max(w1, w2, float(others.max()) if others.size else -math.inf)
            low = min(w1, w2, float(others.min()) if others.size else math.inf)
            if low <= 0 or high > self.ratio * low * (1 + 1e-9):
                return False
        if self.allowance is not None:
            without = int(np.sum(L[rest] <= 0)) + int(l1 <= 0) + int(l2 <= 0)
            if without > self.allowance:
                return False
        return True
