"""Capacity against demand through the year: occupancy, peak shortage, off-season headroom.

Definitions (Eurostat glossary, ``docs/field-notes.md`` section 3b):

* **Bed-nights** of a month = bed places available that month x days. Bed places come from the
  facts table, seasonal closures included (campsites and holiday centres partly close out of
  season; see :mod:`destinations.facts.capacity`).
* **Net bed-place occupancy** = overnights / bed-nights x 100, per accommodation type, **only where
  both are known**: hotels, holiday centres & hostels and camping have bed places; marinas and
  holiday homes have none in the data (a gap, never a zero). A scope's overall occupancy uses
  those covered types only, and :attr:`CapacityView.coverage_share` says how much of its demand
  they hold.
* **Peak shortage** at share ``q``: months where demand > ``q`` x bed-nights (occupancy above
  ``q``); ``excess`` = the overnights above that line.
* **Off-season headroom** at target occupancy ``u``: ``sum_{m in Oct..Apr} max(0, u x bed-nights_m -
  demand_m)``: extra overnights the existing capacity could take. ``basis="open"`` counts the beds
  open that month; ``basis="all"`` counts every bed of the peak month (if closed establishments
  opened: the season-extension view).

Where capacity comes from (:mod:`destinations.facts.capacity`, ``docs/facts-model.md`` section 7):
never from the overnights it is compared with. Bed places are known only where a local count is
published (hotel rooms in København and Aarhus, campsites in Kerteminde), converted with national
Eurostat ratios and labelled *estimated* with their inputs; the whole country uses Eurostat's
national bed places. A scope's view therefore compares the **covered part**: per type, the members
with a bed-place figure, their overnights against their bed places.
:attr:`CapacityView.coverage_share` says how much of the scope's demand that part holds, and where
nothing is covered every figure is a gap ("unknown"), never a zero.

Coverage caveats (shown next to every occupancy): DST's hotel statistics cover establishments with
40+ beds monthly; holiday homes, camping and marinas are separate series.

Pure functions on arrays (tested on hand-made inputs) plus :func:`capacity_view` for a
:class:`~destinations.season.seasonality.Curve`.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from typing import Iterable, Sequence

import numpy as np
import pandas as pd

from destinations.facts.constants import ACCOMMODATION_TYPES
from destinations.i18n import Message
from destinations.model import Kind
from destinations.season.seasonality import MONTHS, OFF_SEASON, Curve

#: Why occupancy of a type is (or is not) known, per accommodation type (English; the pages
#: translate the same keys).
COVERAGE_NOTES = {
    "hotel": "hotels: DST's monthly hotel statistics cover establishments with 40+ beds",
    "holiday_centre_hostel": "holiday centres and hostels (NACE I552): a separate series; "
                             "seasonal closures modelled",
    "camping": "campsites (NACE I553): a separate series; seasonal closures modelled",
    "marina": "marinas: no bed-place figure in the data, occupancy unknown",
    "holiday_home": "holiday homes let through agencies: a separate series with no bed-place "
                    "figure, occupancy unknown",
}
MODELLED_CAPACITY_NOTE = (
    "bed places are known only where a local count is published (estimated from it with national "
    "Eurostat ratios, never from demand); shortage and headroom are read on the members with a "
    "figure and are unknown elsewhere")
NATIONAL_CAPACITY_NOTE = Message("national bed places: Eurostat tour_cap_nat (official totals; seasonal "
                                 "opening of campsites and holiday centres assumed)")


# ---------------------------------------------------------------------------------------------
# Pure functions on 12-month arrays
# ---------------------------------------------------------------------------------------------
def days_in_months(year: int) -> np.ndarray:
    """``(12,)`` days per month of ``year`` (leap years included)."""
    return np.array([calendar.monthrange(int(year), m)[1] for m in MONTHS], dtype=float)


def bed_nights(bed_places: np.ndarray, days: np.ndarray) -> np.ndarray:
    """Bed places x days (NaN stays NaN); works on ``(12,)`` or ``(k, 12)``."""
    return np.asarray(bed_places, dtype=float) * np.asarray(days, dtype=float)


def net_occupancy(overnights: np.ndarray, bed_places: np.ndarray, days: np.ndarray) -> np.ndarray:
    """Net bed-place occupancy in percent: overnights / (bed places x days) x 100.

    NaN where the bed places are unknown or zero (a closed month has no occupancy).
    """
    nights = bed_nights(bed_places, days)
    demand = np.asarray(overnights, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(np.isfinite(nights) & (nights > 0), demand / nights * 100.0, np.nan)


def _fraction(value: float, what: str) -> float:
    value = float(value)
    if not (np.isfinite(value) and 0 < value <= 1):
        raise ValueError(f"{what} must be a share between 0 and 1 (e.g. 0.9 for 90 %), got {value}")
    return value


@dataclass(frozen=True)
class PeakShortage:
    """Months where demand exceeds ``share`` x bed-nights.

    ``pressure`` = demand / bed-nights per month (NaN where capacity is unknown); ``excess`` =
    overnights above ``share`` x bed-nights (0 where below, NaN where unknown).
    """

    share: float
    months: tuple[int, ...]
    pressure: tuple[float, ...]
    excess: tuple[float, ...]

    @property
    def total_excess(self) -> float:
        values = np.array(self.excess)
        return float(np.nansum(values)) if np.isfinite(values).any() else math.nan


def peak_shortage(demand: Sequence[float], nights: Sequence[float], *, share: float) -> PeakShortage:
    """The months in which ``demand`` > ``share`` x ``nights`` (bed-nights)."""
    share = _fraction(share, "the capacity share")
    demand = np.asarray(demand, dtype=float)
    nights = np.asarray(nights, dtype=float)
    known = np.isfinite(nights) & (nights > 0) & np.isfinite(demand)
    with np.errstate(invalid="ignore", divide="ignore"):
        pressure = np.where(known, demand / nights, np.nan)
        excess = np.where(known, np.maximum(0.0, demand - share * nights), np.nan)
    months = tuple(m for m in MONTHS if known[m - 1] and demand[m - 1] > share * nights[m - 1])
    return PeakShortage(share=share, months=months, pressure=tuple(map(float, pressure)),
                        excess=tuple(map(float, excess)))


@dataclass(frozen=True)
class Headroom:
    """Extra overnights the capacity could take at ``target`` occupancy in ``months``.

    ``per_month`` holds 12 values (NaN outside ``months`` and where capacity is unknown);
    ``total`` is their sum (NaN when no month in ``months`` has a capacity figure).
    """

    target: float
    months: tuple[int, ...]
    per_month: tuple[float, ...]
    total: float


def offseason_headroom(demand: Sequence[float], nights: Sequence[float], *, target: float,
                       months: Iterable[int] = OFF_SEASON) -> Headroom:
    """``sum_m max(0, target x nights_m - demand_m)`` over ``months`` (default October-April)."""
    target = _fraction(target, "the target occupancy")
    months = tuple(sorted(int(m) for m in months))
    demand = np.asarray(demand, dtype=float)
    nights = np.asarray(nights, dtype=float)
    per = np.full(12, np.nan)
    for m in months:
        if np.isfinite(nights[m - 1]) and np.isfinite(demand[m - 1]):
            per[m - 1] = max(0.0, target * nights[m - 1] - demand[m - 1])
    chosen = per[[m - 1 for m in months]]
    total = float(np.nansum(chosen)) if np.isfinite(chosen).any() else math.nan
    return Headroom(target=target, months=months, per_month=tuple(map(float, per)), total=total)


# ---------------------------------------------------------------------------------------------
# A scope's capacity view
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class CapacityView:
    """Capacity against demand for one :class:`~destinations.season.seasonality.Curve`.

    Attributes
    ----------
    curve
        The demand side.
    days
        Days per month of the curve's year.
    covered_types
        Types with bed places for at least one member (occupancy known for that part).
    demand
        ``(12,)`` overnights of the covered part: per covered type, the members with a figure.
    capacity
        ``(12,)`` bed places of the covered part (NaN when nothing is covered).
    occupancy_by_type
        ``(types, 12)`` net occupancy of each type's covered part in percent, NaN where unknown.
    occupancy
        ``(12,)`` net occupancy of the covered part together, in percent.
    coverage_share
        Share of the scope's annual overnights in the covered part (NaN when none).
    coverage_by_type
        ``(types,)`` share of each type's annual overnights in the covered part.
    capacity_codes
        Per type, the members with a bed-place figure.
    kind
        Kind of the capacity and occupancy figures (modelled unless both sides are official).
    notes
        Coverage caveats and the inputs of every capacity figure used (English).
    """

    curve: Curve
    days: np.ndarray
    covered_types: tuple[str, ...]
    demand: np.ndarray
    capacity: np.ndarray
    occupancy_by_type: np.ndarray
    occupancy: np.ndarray
    coverage_share: float
    kind: Kind
    notes: tuple[str, ...]
    coverage_by_type: np.ndarray | None = None
    capacity_codes: tuple[tuple[str, ...], ...] = ()

    @property
    def bed_nights(self) -> np.ndarray:
        return bed_nights(self.capacity, self.days)

    @property
    def peak_capacity(self) -> np.ndarray:
        """``(12,)`` bed places if every establishment were open all year (the peak month's)."""
        beds = self.curve.covered_bed_places
        rows = [ACCOMMODATION_TYPES.index(t) for t in self.covered_types]
        if not rows:
            return np.full(12, np.nan)
        return np.repeat(np.nanmax(beds[rows], axis=1).sum(), 12)

    def shortage(self, share: float) -> PeakShortage:
        return peak_shortage(self.demand, self.bed_nights, share=share)

    def headroom(self, target: float, *, basis: str = "open",
                 months: Iterable[int] = OFF_SEASON) -> Headroom:
        """Off-season headroom on the beds open each month (``"open"``) or on every bed
        (``"all"``: closed establishments reopened)."""
        if basis not in ("open", "all"):
            raise ValueError(f"basis must be 'open' or 'all', got {basis!r}")
        capacity = self.capacity if basis == "open" else self.peak_capacity
        return offseason_headroom(self.demand, bed_nights(capacity, self.days), target=target,
                                  months=months)

    def month_table(self) -> pd.DataFrame:
        """One row per month: ``month``, ``days``, ``overnights`` (all types), ``demand_covered``,
        ``bed_places``, ``bed_nights``, ``occupancy_pct``, ``occupancy_<type>`` per type."""
        frame = pd.DataFrame({
            "month": list(MONTHS), "days": self.days, "overnights": self.curve.total,
            "demand_covered": self.demand, "bed_places": self.capacity,
            "bed_nights": self.bed_nights, "occupancy_pct": self.occupancy,
        })
        for i, type_name in enumerate(ACCOMMODATION_TYPES):
            frame[f"occupancy_{type_name}"] = self.occupancy_by_type[i]
        return frame

    def type_table(self) -> pd.DataFrame:
        """One row per type: ``type``, ``overnights`` (all members), ``covered_overnights`` (the
        members with a bed-place figure), ``coverage`` (their share), ``members_known`` (how many
        members have a figure), ``peak_bed_places`` (of those members), ``occupancy_mean``
        (bed-night weighted), ``occupancy_peak`` (highest month), ``covered``, ``note``."""
        rows = []
        beds = self.curve.covered_bed_places
        share = self.curve.covered_share
        nights = bed_nights(beds, self.days)
        for i, type_name in enumerate(ACCOMMODATION_TYPES):
            covered = type_name in self.covered_types
            demand = self.curve.by_type[i]
            part = demand * share[i]
            rows.append({
                "type": type_name,
                "overnights": float(demand.sum()),
                "covered_overnights": float(part.sum()) if covered else 0.0,
                "coverage": (float(part.sum() / demand.sum()) if covered and demand.sum() > 0
                             else (0.0 if demand.sum() > 0 else math.nan)),
                "members_known": (len(self.capacity_codes[i]) if self.capacity_codes
                                  else (len(self.curve.codes) if covered else 0)),
                "peak_bed_places": float(np.nanmax(beds[i])) if covered else math.nan,
                "occupancy_mean": (float(part.sum() / np.nansum(nights[i]) * 100.0)
                                   if covered and np.nansum(nights[i]) > 0 else math.nan),
                "occupancy_peak": (float(np.nanmax(self.occupancy_by_type[i]))
                                   if covered and np.isfinite(self.occupancy_by_type[i]).any()
                                   else math.nan),
                "covered": covered,
                "note": COVERAGE_NOTES[type_name],
            })
        return pd.DataFrame(rows)


def capacity_view(curve: Curve) -> CapacityView:
    """Occupancy of ``curve``'s accommodation where bed places are known.

    Per type, only the members with a bed-place figure are compared with their own overnights
    (:attr:`~destinations.season.seasonality.Curve.known_share`); the rest is unknown and
    :attr:`CapacityView.coverage_share` says how much of the demand that leaves out.
    """
    days = days_in_months(curve.year)
    beds = curve.covered_bed_places
    share = curve.covered_share
    covered = tuple(t for i, t in enumerate(ACCOMMODATION_TYPES)
                    if np.all(np.isfinite(beds[i])) and np.nansum(beds[i]) > 0)
    rows = [ACCOMMODATION_TYPES.index(t) for t in covered]
    part = curve.by_type * share  # overnights of the members with a figure, per type
    by_type = np.vstack([net_occupancy(part[i], beds[i], days)
                         if ACCOMMODATION_TYPES[i] in covered else np.full(12, np.nan)
                         for i in range(len(ACCOMMODATION_TYPES))])
    if rows:
        demand = part[rows].sum(axis=0)
        capacity = beds[rows].sum(axis=0)
    else:
        demand = np.zeros(12)
        capacity = np.full(12, np.nan)
    annual = curve.annual
    coverage = float(demand.sum() / annual) if annual > 0 and rows else math.nan
    totals = curve.by_type.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        by_type_share = np.where(totals > 0, np.where(
            [t in covered for t in ACCOMMODATION_TYPES], part.sum(axis=1), 0.0) / totals, np.nan)
    official = curve.kind is Kind.OFFICIAL and curve.capacity_kind is Kind.OFFICIAL
    notes = [COVERAGE_NOTES[t] for t in ACCOMMODATION_TYPES]
    if curve.capacity_kind is Kind.COMPILED:
        notes.append(NATIONAL_CAPACITY_NOTE)
    elif not official:
        notes.append(MODELLED_CAPACITY_NOTE)
    notes.extend(curve.capacity_basis)
    return CapacityView(
        curve=curve, days=days, covered_types=covered, demand=demand, capacity=capacity,
        occupancy_by_type=by_type, occupancy=net_occupancy(demand, capacity, days),
        coverage_share=coverage, kind=Kind.OFFICIAL if official else Kind.MODELLED,
        notes=tuple(notes), coverage_by_type=by_type_share,
        capacity_codes=tuple(curve.capacity_codes))


def national_gross_occupancy(base, year: int) -> pd.DataFrame:
    """Gross bed-place occupancy per type and month with Eurostat on both sides (compiled): the
    national reference next to the modelled figures. Columns as
    :func:`destinations.facts.national_occupancy` (``type``, ``month``, ``overnights``,
    ``bed_places``, ``occupancy_pct``, ``kind``)."""
    from destinations.facts import national_occupancy
    from destinations.facts.sources import load_sources

    sources = load_sources(base.settings, base.codes)
    return national_occupancy(sources.national_monthly, sources.capacity, int(year))
