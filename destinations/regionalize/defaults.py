"""Default bounds of the generator, derived from today's map so a default plan is defensible.

Without a balance bound, minimising the border cut alone degenerates: a few companies just above
the floor and one giant holding most of the country (the "Varde +26" plan: 27 municipalities from
the Wadden Sea to the Limfjord, balance worse than today). The defaults say "no less balanced and
no larger than the companies that exist today":

* **Balance bound** (largest / smallest company overnights): the ratio of the 90th to the 10th
  percentile of today's company overnights (linear interpolation, rounded to one decimal), for
  the facts year in use. Percentiles rather than today's largest / smallest, because today's
  extremes are exactly what the reform questions: the smallest company is below the floor
  (VisitHerning, 0.24 million stays: ratio 51) and a generated plan always meets the floor, so
  the raw ratio would bind nothing. For 2023: 9.6 (today's raw ratio 51.3, Gini 0.484).
* **Size bound** (municipalities per company): today's largest company (Wonderful Copenhagen, 23
  municipalities). The capital region has many small municipalities, so a lower default would
  split the capital; users who want compact companies set it lower (e.g. 10).

Both are only defaults: ``balance_max_ratio`` / ``max_units`` given to the generator win. The
bound is never set below what the data force (the largest unit against an even share), so a
default request is never infeasible because of it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np

from destinations.regionalize.problem import RegionalizationProblem
from destinations.scenarios.metrics import gini

#: Percentiles of today's company overnights whose ratio is the default balance bound.
BALANCE_PERCENTILES = (90.0, 10.0)


@dataclass(frozen=True)
class DefaultBounds:
    """The generator's default bounds and where they come from.

    Attributes
    ----------
    balance_max_ratio
        Default largest / smallest company overnights.
    max_units
        Default most municipalities per company.
    today_ratio, today_gini
        Today's largest / smallest company overnights and their Gini (for comparison).
    today_largest
        ``(name, municipalities)`` of today's largest company.
    basis
        One sentence per bound saying how it was derived (for the CLI and the page).
    """

    balance_max_ratio: float
    max_units: int
    today_ratio: float
    today_gini: float
    today_largest: tuple[str, int]
    basis: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"balance_max_ratio": self.balance_max_ratio, "max_units": self.max_units,
                "today_ratio": self.today_ratio, "today_gini": self.today_gini,
                "today_largest": {"name": self.today_largest[0],
                                  "municipalities": self.today_largest[1]},
                "basis": list(self.basis)}


def bounds_from_companies(overnights: Sequence[float], sizes: Sequence[int],
                          names: Sequence[str], *, floor_ratio: float = 1.0,
                          unit: str = "municipalities") -> DefaultBounds:
    """Default bounds from a map's companies: overnights, units (``unit``) and names per company.

    ``floor_ratio`` is the least the data allow (largest unit / even share); the balance bound
    is never below it.
    """
    weights = np.asarray(overnights, dtype=float)
    if weights.size == 0 or not np.all(np.isfinite(weights)):
        raise ValueError("Default bounds need every company's overnight stays.")
    high, low = np.percentile(weights, BALANCE_PERCENTILES)
    derived = round(float(high / low), 1) if low > 0 else math.inf
    ratio = max(derived, math.ceil(floor_ratio * 10) / 10)
    largest = int(np.argmax(np.asarray(sizes)))
    today_ratio = float(weights.max() / weights.min()) if weights.min() > 0 else math.inf

    basis = [f"balance bound {ratio:g} = today's 90th / 10th percentile company overnights "
             f"({high:,.0f} / {low:,.0f}); today's largest / smallest is {today_ratio:.1f}"]
    if ratio > derived:
        basis[0] += f", raised to {ratio:g}: the largest municipality alone needs it"
    basis.append(f"size bound {int(sizes[largest])} {unit} = today's largest company "
                 f"({names[largest]})")
    return DefaultBounds(balance_max_ratio=ratio, max_units=int(sizes[largest]),
                         today_ratio=today_ratio, today_gini=float(gini(weights)),
                         today_largest=(str(names[largest]), int(sizes[largest])),
                         basis=tuple(basis))


def default_bounds(problem: RegionalizationProblem, today, *, k: int | None = None) -> DefaultBounds:
    """Default bounds for ``problem`` from ``today``'s companies (a
    :class:`~destinations.scenarios.scenario.Scenario`, normally ``Scenario.from_base(base)``).

    Overnights are the problem's (its facts year). With ``k`` the balance bound is raised, if
    needed, to what the largest unit against an even share of ``k`` companies forces. Over
    parishes the size bound counts parishes (those of today's largest company).
    """
    members: Mapping[str, tuple[str, ...]] = today.companies()
    parishes: dict[str, list[int]] | None = None
    if problem.unit_kind == "parish" and problem.parent:
        parishes = {}
        for i, code in enumerate(problem.parent):
            parishes.setdefault(code, []).append(i)
    overnights, sizes, names = [], [], []
    for cid, codes in members.items():
        if not codes:
            continue
        if parishes is not None:
            positions = np.array([i for code in codes for i in parishes.get(code, [])],
                                 dtype=np.int64)
        else:
            positions = problem.positions(codes)
        overnights.append(float(problem.weights[positions].sum()))
        sizes.append(len(positions))
        names.append(today.names[cid])
    least = 1.0
    if k:
        even = float(problem.weights.sum()) / k
        least = float(problem.weights.max()) / even if even > 0 else 1.0
    return bounds_from_companies(overnights, sizes, names, floor_ratio=least,
                                 unit="parishes" if parishes is not None else "municipalities")
