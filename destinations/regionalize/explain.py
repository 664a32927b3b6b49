"""Why a plan looks as it does: which constraints keep it from cutting fewer day trips.

A strategist defending a generated plan is asked "why is Odder not with Aarhus?". The answer is a
constraint: moving Odder would cut fewer day trips, but the company it leaves would drop below the
floor, or the balance bound would break. :func:`binding_constraints` makes that answer systematic.

Definition (local, and exact for it): take every **single-unit move** of the plan into a
neighbouring company that would lower the flow-weighted border cut, and list what each one would
break:

* ``floor`` - the company it leaves drops below the critical-mass floor;
* ``balance`` - largest / smallest company overnights would exceed the balance bound;
* ``lighthouse`` - more companies without a lighthouse than the rule allows;
* ``contiguity`` - the company it leaves falls apart;
* ``size`` - the company it joins would hold more units than the size bound;
* ``companies`` - the company it leaves would be empty (fewer than ``k`` companies);
* ``locks`` - it leaves or joins a locked company, or splits a "keep together" group.

A constraint **binds** when it alone blocks at least one improving move (relaxing just that
constraint would let the plan improve). When no constraint blocks a move alone, the ones that block
improving moves together are listed. Improving moves that nothing blocks mean the search stopped
before a local optimum (``free_moves``; e.g. a tiny time limit).

Moves of several units at once (re-splitting two companies) are not examined, so a constraint that
only binds through those is not reported; the single moves are what a user would try by hand.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np

from destinations.regionalize.problem import RegionalizationProblem, connected_parts

#: Constraint names, in the order they are reported when equally important.
CONSTRAINTS = ("floor", "balance", "lighthouse", "contiguity", "size", "companies", "locks")
_TOL = 1e-12


@dataclass(frozen=True)
class Binding:
    """What :func:`binding_constraints` found.

    Attributes
    ----------
    names
        Binding constraints, the one blocking the largest improvement first.
    detail
        One record per constraint that blocks an improving move: ``constraint``, ``alone`` (moves
        it blocks by itself), ``jointly`` (moves it blocks with others), ``best_saving`` (the
        largest cut reduction it blocks, as a share of all day trips), ``example`` (``code``,
        ``municipality``, ``from_zone``, ``to_zone``, ``saving``) and ``text`` (one sentence).
    free_moves
        Improving single moves no constraint blocks (0 at a local optimum).
    """

    names: tuple[str, ...]
    detail: tuple[Mapping[str, object], ...]
    free_moves: int = 0


def binding_constraints(problem: RegionalizationProblem, labels: Sequence[int], *,
                        settings: Mapping[str, object]) -> Binding:
    """The constraints that block single moves which would lower the border cut.

    ``settings`` holds the constraints the plan was made for (``Plan.settings``): ``k``,
    ``floor``, ``balance_max_ratio``, ``max_units``, ``lighthouse_allowance`` (missing or None:
    not a constraint). Negative labels are unaffiliated units (never moved, never joined).
    """
    labels = np.asarray(labels, dtype=np.int64)
    n = problem.n
    if problem.flow_total <= 0 or labels.size != n or not np.any(labels >= 0):
        return Binding((), ())
    floor = float(settings.get("floor") or 0.0)
    ratio = settings.get("balance_max_ratio")
    max_units = settings.get("max_units")
    allowance = settings.get("lighthouse_allowance")
    check_k = settings.get("k") is not None

    zones = int(labels.max()) + 1
    onehot = np.zeros((n, zones))
    inside = labels >= 0
    onehot[np.flatnonzero(inside), labels[inside]] = 1.0
    sym = problem.symmetric_flows()
    A = (sym @ onehot).T  # (zones, n): flow between unit i and zone z, both directions
    S = onehot.T @ problem.weights
    U = onehot.sum(axis=0)
    LH = onehot.T @ problem.lighthouses
    present = U > 0
    name_of = _zone_names(problem, labels, zones)

    locked_zone: set[int] = set()
    locked_unit = np.zeros(n, dtype=bool)
    for _, members in problem.fixed:
        locked_unit[list(members)] = True
        locked_zone |= {int(labels[i]) for i in members if labels[i] >= 0}
    grouped = np.zeros(n, dtype=bool)
    for group in problem.together:
        if len(group) > 1:
            grouped[list(group)] = True

    splits: dict[int, bool] = {}

    def breaks_apart(i: int, a: int) -> bool:
        if i not in splits:
            rest = [j for j in np.flatnonzero(labels == a).tolist() if j != i]
            splits[i] = bool(rest) and len(connected_parts(problem.neighbours, rest)) > 1
        return splits[i]

    records: dict[str, dict] = {}
    free = 0
    for i in range(n):
        a = int(labels[i])
        if a < 0:
            continue
        targets = sorted({int(labels[j]) for j in problem.neighbours[i]} - {a})
        for b in targets:
            if b < 0:
                continue
            saving = float(A[b, i] - (A[a, i] - sym[i, i])) / problem.flow_total
            if saving <= _TOL:
                continue
            blockers = []
            w = float(problem.weights[i])
            new_S = S.copy()
            new_S[a] -= w
            new_S[b] += w
            if floor > 0 and new_S[a] < floor * (1 - 1e-12) and U[a] > 1:
                blockers.append("floor")
            if ratio is not None and U[a] > 1:
                live = new_S[present]
                low = float(live.min())
                if low <= 0 or float(live.max()) / low > float(ratio) * (1 + 1e-9):
                    blockers.append("balance")
            if allowance is not None:
                new_L = LH.copy()
                new_L[a] -= problem.lighthouses[i]
                new_L[b] += problem.lighthouses[i]
                alive = present.copy()
                alive[a] = U[a] > 1
                if int(np.sum(new_L[alive] <= 0)) > int(allowance):
                    blockers.append("lighthouse")
            if U[a] > 1 and breaks_apart(i, a):
                blockers.append("contiguity")
            if max_units is not None and U[b] + 1 > int(max_units):
                blockers.append("size")
            if check_k and U[a] <= 1:
                blockers.append("companies")
            if locked_unit[i] or b in locked_zone or a in locked_zone or grouped[i]:
                blockers.append("locks")
            if not blockers:
                free += 1
                continue
            example = {"code": problem.ids[i], "municipality": problem.names[i],
                       "from_zone": name_of[a], "to_zone": name_of[b], "saving": saving}
            for name in blockers:
                record = records.setdefault(name, {"constraint": name, "alone": 0, "jointly": 0,
                                                   "best_saving": 0.0, "example": None,
                                                   "_alone_best": 0.0})
                key = "alone" if len(blockers) == 1 else "jointly"
                record[key] += 1
                if key == "alone" and saving > record["_alone_best"]:
                    record["_alone_best"] = saving
                if saving > record["best_saving"] or record["example"] is None:
                    record["best_saving"] = saving
                    record["example"] = example
    alone = [r for r in records.values() if r["alone"]]
    chosen = alone or [r for r in records.values() if r["jointly"]]
    order = {name: k for k, name in enumerate(CONSTRAINTS)}
    chosen.sort(key=lambda r: (-r["_alone_best"], -r["best_saving"], order[r["constraint"]]))
    detail = []
    for record in sorted(records.values(), key=lambda r: (-r["_alone_best"], -r["best_saving"],
                                                          order[r["constraint"]])):
        record.pop("_alone_best")
        record["text"] = _sentence(record, settings)
        detail.append(record)
    return Binding(names=tuple(r["constraint"] for r in chosen), detail=tuple(detail),
                   free_moves=free)


def _zone_names(problem: RegionalizationProblem, labels: np.ndarray, zones: int) -> list[str]:
    """Each zone named after its member with the most overnight stays ("Aarhus +4")."""
    names = []
    for z in range(zones):
        members = np.flatnonzero(labels == z)
        if members.size == 0:
            names.append(f"company {z + 1}")
            continue
        top = max(members.tolist(), key=lambda i: (problem.weights[i], -i))
        names.append(problem.names[top] + (f" +{members.size - 1}" if members.size > 1 else ""))
    return names


_WHY = {
    "floor": "the company it leaves would drop below the floor of {floor:,.0f} overnight stays",
    "balance": "largest / smallest company would exceed the balance bound of {ratio:g}",
    "lighthouse": "more companies than the {allowance} allowed would have no lighthouse",
    "contiguity": "the company it leaves would fall apart",
    "size": "the company it joins would exceed {max_units} municipalities",
    "companies": "the company it leaves would be empty",
    "locks": "a locked company or a 'keep together' group would change",
}


def _sentence(record: Mapping[str, object], settings: Mapping[str, object]) -> str:
    example = record["example"]
    values = {"floor": float(settings.get("floor") or 0.0),
              "ratio": settings.get("balance_max_ratio") or math.nan,
              "allowance": settings.get("lighthouse_allowance"),
              "max_units": settings.get("max_units")}
    why = _WHY[str(record["constraint"])].format(**values)
    count = int(record["alone"]) + int(record["jointly"])
    return (f"{record['constraint']}: moving {example['municipality']} from {example['from_zone']} "
            f"to {example['to_zone']} would cut {100 * float(example['saving']):.2f} % fewer day "
            f"trips, but {why} ({count} such move{'s' if count != 1 else ''}).")
