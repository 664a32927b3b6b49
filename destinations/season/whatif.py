"""Season-extension what-if: grow the shoulder months or move peak demand into them.

Rule (applied to every accommodation type and both guest groups alike, so the type mix of each
month is kept):

1. **Move**: a share ``shift_share`` of the overnights of each peak month (default July-August) is
   taken out and spread over the shoulder months in proportion to their own overnights (evenly if
   they have none). The year's total does not change.
2. **Grow**: every shoulder month (default April-June and September-October) is then multiplied
   by ``1 + growth_pct / 100``. The year's total grows.

Capacity does not change: the new demand meets the same bed places, so occupancy, peak shortage and
off-season headroom are recomputed against the baseline's capacity. Every what-if figure is
**modelled** (a scenario on top of the facts). The baseline curves are never modified: they are
read-only arrays and each step returns new ones (tested).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Iterable, Mapping

import numpy as np
import pandas as pd

from destinations.season.capacity import CapacityView, capacity_view
from destinations.errors import ScenarioError
from destinations.i18n import Message, Percent
from destinations.season.seasonality import OFF_SEASON, Curve, INDEX_KEYS

#: April-June and September-October.
SHOULDER_MONTHS = (4, 5, 6, 9, 10)
#: July and August.
PEAK_MONTHS = (7, 8)


@dataclass(frozen=True)
class SeasonExtension:
    """Parameters of the what-if (see the module docstring)."""

    growth_pct: float = 0.0
    shift_share: float = 0.0
    shoulder_months: tuple[int, ...] = SHOULDER_MONTHS
    peak_months: tuple[int, ...] = PEAK_MONTHS

    def __post_init__(self) -> None:
        shoulder = tuple(sorted({int(m) for m in self.shoulder_months}))
        peak = tuple(sorted({int(m) for m in self.peak_months}))
        object.__setattr__(self, "shoulder_months", shoulder)
        object.__setattr__(self, "peak_months", peak)
        for what, months in (("shoulder", shoulder), ("peak", peak)):
            if any(m < 1 or m > 12 for m in months):
                raise ScenarioError(f"The {what} months must be 1-12, got {list(months)}.")
        if not shoulder:
            raise ScenarioError("Choose at least one shoulder month.")
        if set(shoulder) & set(peak):
            raise ScenarioError(f"A month cannot be both shoulder and peak: "
                                f"{sorted(set(shoulder) & set(peak))}. Pick different months.")
        if not (np.isfinite(self.growth_pct) and -100 < self.growth_pct <= 500):
            raise ScenarioError(f"Growth must be between -100 % and 500 %, got {self.growth_pct}.")
        if not (np.isfinite(self.shift_share) and 0 <= self.shift_share <= 1):
            raise ScenarioError(f"The share of peak demand to move must be 0-1, got "
                                f"{self.shift_share}.")
        if self.shift_share > 0 and not peak:
            raise ScenarioError("Choose the peak months to move demand out of.")

    @property
    def is_neutral(self) -> bool:
        return self.growth_pct == 0 and self.shift_share == 0

    def describe(self) -> str:
        """One line for captions and exports."""
        parts = []
        if self.shift_share:
            parts.append(Message("{share} of months {peak} moved to {shoulder}",
                                 share=Percent(self.shift_share, 0), peak=str(list(self.peak_months)),
                                 shoulder=str(list(self.shoulder_months))))
        if self.growth_pct:
            parts.append(Message("months {months} {growth} %", months=str(list(self.shoulder_months)),
                                 growth=f"{self.growth_pct:+g}"))
        if not parts:
            return Message("no change")
        return Message("{first}; {second}", first=parts[0], second=parts[1]) if len(parts) == 2 else parts[0]


def extend(values: np.ndarray, extension: SeasonExtension) -> np.ndarray:
    """Apply the what-if to an array whose last axis is the 12 months (a new array).

    Each row (every index of the leading axes) is treated on its own.
    """
    source = np.asarray(values, dtype=float)
    if source.shape[-1] != 12:
        raise ValueError(f"the last axis must hold 12 months, got shape {source.shape}")
    out = source.copy()
    shoulder = [m - 1 for m in extension.shoulder_months]
    peak = [m - 1 for m in extension.peak_months]
    if extension.shift_share > 0:
        moved = out[..., peak] * extension.shift_share
        out[..., peak] -= moved
        pool = moved.sum(axis=-1, keepdims=True)
        weights = out[..., shoulder]
        totals = weights.sum(axis=-1, keepdims=True)
        with np.errstate(invalid="ignore", divide="ignore"):
            shares = np.where(totals > 0, weights / np.where(totals > 0, totals, 1.0),
                              1.0 / len(shoulder))
        out[..., shoulder] += pool * shares
    if extension.growth_pct:
        out[..., shoulder] *= 1.0 + extension.growth_pct / 100.0
    return out


def extend_curve(curve: Curve, extension: SeasonExtension) -> Curve:
    """A new curve with the what-if applied (``curve`` is unchanged)."""
    return curve.with_demand(extend(curve.by_type, extension),
                             extend(curve.by_nationality, extension),
                             note=Message("what-if: {change}", change=extension.describe()))


@dataclass(frozen=True)
class Assumptions:
    """How occupancy-based figures are read: peak shortage above ``shortage_share`` of bed-nights,
    headroom up to ``target_occupancy`` in the off-season on the open beds."""

    shortage_share: float = 0.9
    target_occupancy: float = 0.6
    offseason_months: tuple[int, ...] = OFF_SEASON


@dataclass(frozen=True, eq=False)
class WhatIfResult:
    """Baseline and extended curves per scope key (companies, ``"DK"``), side by side."""

    extension: SeasonExtension
    assumptions: Assumptions
    baseline: Mapping[str, Curve]
    extended: Mapping[str, Curve]
    _views: dict = field(default_factory=dict, repr=False)

    def view(self, key: str, *, which: str = "extended") -> CapacityView:
        """The capacity view of one scope (cached per result)."""
        slot = (key, which)
        if slot not in self._views:
            curves = self.extended if which == "extended" else self.baseline
            self._views[slot] = capacity_view(curves[key])
        return self._views[slot]

    def figures(self, key: str, which: str) -> dict[str, float]:
        """The compared figures of one scope: overnights, indices, occupancy, shortage, headroom."""
        curve = (self.extended if which == "extended" else self.baseline)[key]
        view = self.view(key, which=which)
        a = self.assumptions
        shortage = view.shortage(a.shortage_share)
        headroom = view.headroom(a.target_occupancy, months=a.offseason_months)
        idx = curve.indices
        off = [m - 1 for m in a.offseason_months]
        occ = view.occupancy
        nights = view.bed_nights
        off_occ = (float(view.demand[off].sum() / nights[off].sum() * 100.0)
                   if np.all(np.isfinite(nights[off])) and nights[off].sum() > 0 else math.nan)
        return {
            "overnights": idx.total,
            **{k: (float(getattr(idx, k)) if getattr(idx, k) is not None else math.nan)
               for k in INDEX_KEYS if k != "peak_month"},
            "occupancy_peak_pct": float(np.nanmax(occ)) if np.isfinite(occ).any() else math.nan,
            "occupancy_offseason_pct": off_occ,
            "shortage_months": float(len(shortage.months)) if np.isfinite(occ).any() else math.nan,
            "shortage_excess": shortage.total_excess,
            "offseason_headroom": headroom.total,
        }

    def comparison(self) -> pd.DataFrame:
        """Long table: ``key``, ``name``, ``figure``, ``baseline``, ``whatif``, ``change``, ``kind``.

        ``kind`` is the baseline's kind for the baseline column; the what-if is always modelled.
        """
        rows = []
        for key, base_curve in self.baseline.items():
            before, after = self.figures(key, "baseline"), self.figures(key, "extended")
            for figure, value in before.items():
                rows.append({"key": key, "name": base_curve.name, "figure": figure,
                             "baseline": value, "whatif": after[figure],
                             "change": after[figure] - value, "kind": base_curve.kind.value})
        return pd.DataFrame(rows, columns=["key", "name", "figure", "baseline", "whatif",
                                           "change", "kind"])

    def curves_frame(self, key: str, *, baseline_label: str = "baseline",
                     whatif_label: str = "what-if") -> pd.DataFrame:
        """Long ``month``, ``series``, ``overnights``: one scope's baseline and what-if curves
        (for a chart)."""
        rows = []
        for label, curves in ((baseline_label, self.baseline), (whatif_label, self.extended)):
            total = curves[key].total
            rows += [{"month": m, "series": label, "overnights": float(total[m - 1])}
                     for m in range(1, 13)]
        return pd.DataFrame(rows, columns=["month", "series", "overnights"])

    def summary(self, figures: Iterable[str] = ("overnights", "gini", "offseason_share",
                                                 "occupancy_offseason_pct", "offseason_headroom")
                ) -> pd.DataFrame:
        """Wide table, one row per scope: ``<figure>`` and ``<figure>_whatif`` side by side."""
        wanted = list(figures)
        rows = []
        for key, base_curve in self.baseline.items():
            before, after = self.figures(key, "baseline"), self.figures(key, "extended")
            row = {"key": key, "name": base_curve.name}
            for f in wanted:
                row[f] = before[f]
                row[f"{f}_whatif"] = after[f]
            rows.append(row)
        return pd.DataFrame(rows)


def season_whatif(baseline: Mapping[str, Curve], extension: SeasonExtension, *,
                  assumptions: Assumptions = Assumptions()) -> WhatIfResult:
    """Apply ``extension`` to every baseline curve (companies and the nation, say).

    ``baseline`` is not modified: the result holds it (read-only mapping) next to new curves.
    """
    frozen = MappingProxyType(dict(baseline))
    extended = MappingProxyType({key: extend_curve(curve, extension)
                                 for key, curve in frozen.items()})
    return WhatIfResult(extension=extension, assumptions=assumptions, baseline=frozen,
                        extended=extended)
