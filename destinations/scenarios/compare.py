"""Comparing scenarios: matched company labels, what moved, partition distance, trade-offs.

Two plans may call the same company by different ids (``new-3`` vs ``vestkysten``). Before saying a
municipality "moved", the other plan's companies are matched to the reference's by maximum overlap
(the Hungarian method, :func:`scipy.optimize.linear_sum_assignment`): a company matched to nothing
that shares no member stays unmatched, so "moved" means moved.

Conventions shared with :mod:`destinations.scenarios.metrics`: an unaffiliated municipality is its own cluster
(for the variation of information) and is matched to "unaffiliated" (for moves).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment

from destinations.errors import ScenarioError
from destinations.scenarios.metrics import METRIC_BY_KEY, Evaluation
from destinations.scenarios.scenario import Scenario

#: Default criteria of the trade-off chart (all "lower is better" except complementarity).
TRADE_OFF_CRITERIA = ("flow_cut_share", "balance_gini", "seasonality_gini_mean")
MAX_COMPARED = 4


@dataclass(frozen=True)
class Move:
    """A municipality whose company differs between the reference and the other plan."""

    code: str
    from_company: str | None  # reference company id (None = unaffiliated)
    to_company: str | None  # the other plan's company, as its matched reference id when matched
    to_name: str | None  # display name in the other plan


def _check_same_universe(a: Scenario, b: Scenario) -> None:
    if set(a.codes) != set(b.codes):
        raise ScenarioError(f"Scenarios {a.name!r} and {b.name!r} cover different municipalities "
                            "and cannot be compared.")


def overlap_matrix(reference: Scenario, other: Scenario) -> tuple[np.ndarray, list[str], list[str]]:
    """Shared members ``M[r, o]`` of reference company r and other company o (non-empty ones)."""
    _check_same_universe(reference, other)
    ref_ids = [cid for cid, members in reference.companies().items() if members]
    other_ids = [cid for cid, members in other.companies().items() if members]
    r_pos = {cid: k for k, cid in enumerate(ref_ids)}
    o_pos = {cid: k for k, cid in enumerate(other_ids)}
    matrix = np.zeros((len(ref_ids), len(other_ids)), dtype=int)
    other_of = other.assignment
    for code, label in zip(reference.codes, reference.labels):
        target = other_of[code]
        if label is not None and target is not None:
            matrix[r_pos[label], o_pos[target]] += 1
    return matrix, ref_ids, other_ids


def match_labels(reference: Scenario, other: Scenario) -> dict[str, str | None]:
    """``{other company id: matched reference id or None}`` maximising total shared members."""
    matrix, ref_ids, other_ids = overlap_matrix(reference, other)
    matched: dict[str, str | None] = {cid: None for cid in other_ids}
    if matrix.size:
        rows, cols = linear_sum_assignment(matrix, maximize=True)
        for r, o in zip(rows, cols):
            if matrix[r, o] > 0:
                matched[other_ids[o]] = ref_ids[r]
    return matched


def relabel(other: Scenario, reference: Scenario) -> Scenario:
    """``other`` with its company ids replaced by the matched reference ids (names kept).

    Unmatched companies keep their id unless a reference company uses it; then they get
    ``<id>-b`` (made unique) so the ids cannot be confused.
    """
    matched = match_labels(reference, other)
    taken = set(reference.names) | set(other.names)
    mapping: dict[str, str] = {}
    for cid, _ in other.company_names:
        target = matched.get(cid)
        if target is None:
            target = cid
            if target in reference.names:
                stem, n = f"{cid}-b", 2
                target = stem
                while target in taken:
                    target, n = f"{stem}{n}", n + 1
                taken.add(target)
        mapping[cid] = target
    data = other.to_dict()
    data["assignment"] = {code: (None if label is None else mapping[label])
                          for code, label in data["assignment"].items()}
    data["companies"] = [{**c, "id": mapping[c["id"]]} for c in data["companies"]]
    return Scenario.from_dict(data, codes=other.codes)


def moved_municipalities(reference: Scenario, other: Scenario) -> tuple[Move, ...]:
    """Municipalities whose company differs once ``other`` is relabelled onto ``reference``."""
    matched = match_labels(reference, other)
    other_of, names = other.assignment, other.names
    moves = []
    for code, label in zip(reference.codes, reference.labels):
        target = other_of[code]
        mapped = None if target is None else (matched.get(target) or f"~{target}")
        if mapped != label:
            moves.append(Move(code=code, from_company=label,
                              to_company=None if target is None else (matched.get(target) or target),
                              to_name=None if target is None else names[target]))
    return tuple(moves)


def _clusters(scenario: Scenario) -> np.ndarray:
    ids = {cid: k for k, cid in enumerate(scenario.names)}
    k = len(ids)
    order = sorted(scenario.codes)
    labels = scenario.assignment
    return np.array([ids[labels[c]] if labels[c] is not None else k + i
                     for i, c in enumerate(order)])


def variation_of_information(a: Scenario, b: Scenario) -> float:
    """``VI = H(A|B) + H(B|A)`` in bits over municipalities (0 = identical partitions).

    Unaffiliated municipalities are singletons. The maximum for ``n`` municipalities is
    ``log2 n`` (about 6.6 bits for 98).
    """
    _check_same_universe(a, b)
    x, y = _clusters(a), _clusters(b)
    n = x.size
    joint = pd.crosstab(x, y).to_numpy() / n
    px, py = joint.sum(axis=1), joint.sum(axis=0)
    nz = joint > 0
    h_joint = -np.sum(joint[nz] * np.log2(joint[nz]))
    h_x = -np.sum(px[px > 0] * np.log2(px[px > 0]))
    h_y = -np.sum(py[py > 0] * np.log2(py[py > 0]))
    return float(max(2 * h_joint - h_x - h_y, 0.0))


def pareto_front(points: Mapping[str, Mapping[str, float]],
                 criteria: Sequence[str] = TRADE_OFF_CRITERIA,
                 directions: Mapping[str, str] | None = None) -> frozenset[str]:
    """Names of the scenarios no other scenario beats on every criterion.

    ``b`` beats ``a`` when it is at least as good on all criteria and better on one. Directions
    come from the metrics table unless given; a gap (NaN/None) counts as the worst value.
    """
    names = list(points)
    directions = directions or {key: METRIC_BY_KEY[key].better for key in criteria}
    for key in criteria:
        if directions[key] not in ("higher", "lower"):
            raise ScenarioError(f"Criterion {key!r} has no better direction; pick another.")
    costs = np.array([[_cost(points[name].get(key), directions[key]) for key in criteria]
                      for name in names], dtype=float).reshape(len(names), len(criteria))
    front = set()
    for i, name in enumerate(names):
        beaten = any(np.all(costs[j] <= costs[i]) and np.any(costs[j] < costs[i])
                     for j in range(len(names)) if j != i)
        if not beaten:
            front.add(name)
    return frozenset(front)


def _cost(value, direction: str) -> float:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return math.inf
    return float(value) if direction == "lower" else -float(value)


def verdict(value, reference, better: str) -> str:
    """``better`` | ``worse`` | ``same`` | ``gap`` | ``n/a`` (no direction) for one delta."""
    if _gap(value) or _gap(reference):
        return "gap"
    delta = float(value) - float(reference)
    if abs(delta) <= 1e-12 * max(1.0, abs(float(reference))):
        return "same"
    if better == "none":
        return "n/a"
    return "better" if (delta < 0) == (better == "lower") else "worse"


def _gap(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def plan_table(evaluations: Sequence[Evaluation], *, lang: str = "en",
               keys: Sequence[str] | None = None) -> pd.DataFrame:
    """Plan metrics side by side; deltas and verdicts against the first evaluation.

    Columns: ``key``, ``metric``, ``unit``, ``better``, ``kind``, then for each scenario ``i``
    (0-based): ``value_i``, and for ``i >= 1`` ``delta_i`` and ``verdict_i``.
    """
    if not 1 <= len(evaluations) <= MAX_COMPARED:
        raise ScenarioError(f"Compare 1 to {MAX_COMPARED} scenarios, not {len(evaluations)}.")
    keys = list(keys) if keys is not None else list(evaluations[0].plan)
    rows = []
    for key in keys:
        metric = METRIC_BY_KEY[key]
        kinds = {e.kind(key).value for e in evaluations}
        row = {"key": key, "metric": metric.label(lang), "unit": metric.unit,
               "better": metric.better, "kind": "/".join(sorted(kinds))}
        reference = evaluations[0].plan[key]
        for i, evaluation in enumerate(evaluations):
            value = evaluation.plan[key]
            row[f"value_{i}"] = None if _gap(value) else float(value)
            if i:
                row[f"delta_{i}"] = None if _gap(value) or _gap(reference) else \
                    float(value) - float(reference)
                row[f"verdict_{i}"] = verdict(value, reference, metric.better)
        rows.append(row)
    return pd.DataFrame(rows)


def trade_off_points(evaluations: Sequence[Evaluation],
                     criteria: Sequence[str] = TRADE_OFF_CRITERIA) -> pd.DataFrame:
    """One row per scenario with the criteria and ``pareto`` (True on the front).

    Scenarios are keyed by position and name (``"1. Name"``) so equal names stay distinct.
    """
    labels = [f"{i + 1}. {e.scenario.name}" for i, e in enumerate(evaluations)]
    points = {label: {key: e.plan[key] for key in criteria} for label, e in zip(labels, evaluations)}
    front = pareto_front(points, criteria)
    rows = [{"scenario": label, **{k: (None if _gap(v) else float(v)) for k, v in values.items()},
             "pareto": label in front} for label, values in points.items()]
    return pd.DataFrame(rows)
