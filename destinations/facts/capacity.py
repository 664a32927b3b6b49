"""Capacity per municipality x type x month, modelled from national capacity, and occupancy.

Rules (documented in ``docs/facts-model.md``):

* **Bed places** of hotels, holiday centres & hostels and camping: the national Eurostat
  ``tour_cap_nat`` figure of the year is shared among municipalities in proportion to each
  municipality's modelled overnights of that type in the type's national peak month, because
  capacity is built for the peak. The result is a modelled distribution of an official total.
* **Seasonal opening** (an assumption; the data hold no monthly opening series): a type's bed
  places available in a month = annual bed places x ``min(1, N_m / (OPEN_THRESHOLD x N_peak))``,
  with ``N_m`` the national overnights of the type in month ``m``. Months with at least a quarter of
  the peak month's overnights count as fully open; quieter months as partly closed, in proportion.
  Hotels are taken as open all year.
* **Marinas and holiday homes** have no bed-place figure in the data: NaN (a gap). Holiday homes
  carry ``units`` (houses available for rent) in the years where DST published the national count
  (2017, 2018), shared like the overnights; other years NaN.
* **Occupancy** only where both sides exist: nationally, Eurostat overnights / (Eurostat bed places
  x days). Per municipality only where overnights *and* capacity are official, which the data
  directory does not hold today; modelled capacity is derived from modelled overnights, so dividing
  one by the other would only return the national rate.
"""

from __future__ import annotations

import calendar

import numpy as np
import pandas as pd

from destinations.facts.constants import ACCOMMODATION_TYPES, EUROSTAT_TYPES

#: A month with at least this share of the peak month's overnights counts as fully open.
OPEN_THRESHOLD = 0.25
#: Types whose establishments close out of season (campsites, holiday centres).
SEASONAL_TYPES = ("holiday_centre_hostel", "camping")


def opening_share(national_monthly: np.ndarray) -> np.ndarray:
    """Share of annual bed places open per month from a 12-month national overnight series."""
    series = np.asarray(national_monthly, dtype=float)
    peak = series.max()
    if peak <= 0:
        return np.zeros(12)
    return np.minimum(1.0, series / (OPEN_THRESHOLD * peak))


def national_bed_places(capacity: pd.DataFrame, year: int) -> dict[str, float]:
    """Eurostat annual bed places per type for ``year`` (types missing in the file are absent)."""
    rows = capacity[(capacity["year"] == year) & (capacity["metric"] == "bed_places")
                    & (capacity["period"] == "annual")]
    return {t: float(v) for t, v in zip(rows["type"], rows["value"])
            if t in EUROSTAT_TYPES.values()}


def holiday_home_units(capacity: pd.DataFrame, year: int) -> float:
    rows = capacity[(capacity["year"] == year) & (capacity["metric"] == "houses_available_for_rent")]
    return float(rows["value"].iloc[0]) if len(rows) else float("nan")


def model_capacity(overnights: pd.DataFrame, capacity: pd.DataFrame, year: int) -> pd.DataFrame:
    """Capacity table for one year from the long overnights table.

    Parameters
    ----------
    overnights
        Long frame with ``code``, ``month``, ``type``, ``nationality``, ``value``.
    capacity
        :func:`destinations.facts.sources.load_capacity`.

    Returns
    -------
    DataFrame
        ``code``, ``month``, ``type``, ``bed_places`` (NaN = no figure), ``units`` (holiday
        homes only, NaN elsewhere), ``kind`` ("modelled").
    """
    by_cell = overnights.groupby(["code", "type", "month"], sort=False)["value"].sum()
    table = by_cell.unstack("month").reindex(columns=range(1, 13), fill_value=0.0)
    codes = list(dict.fromkeys(overnights["code"]))
    beds = national_bed_places(capacity, year)
    units = holiday_home_units(capacity, year)
    frames = []
    for type_name in ACCOMMODATION_TYPES:
        part = table.xs(type_name, level="type").reindex(codes).fillna(0.0)
        national = part.sum(axis=0).to_numpy()
        values = np.full((len(codes), 12), np.nan)
        unit_values = np.full((len(codes), 12), np.nan)
        if type_name in beds and national.sum() > 0:
            peak = int(np.argmax(national))
            share = part.iloc[:, peak].to_numpy() / national[peak]
            open_share = (opening_share(national) if type_name in SEASONAL_TYPES
                          else np.ones(12))
            values = beds[type_name] * share[:, None] * open_share[None, :]
        if type_name == "holiday_home" and not np.isnan(units) and national.sum() > 0:
            annual = part.sum(axis=1).to_numpy()
            unit_values = np.repeat((units * annual / annual.sum())[:, None], 12, axis=1)
        frames.append(pd.DataFrame({
            "code": np.repeat(codes, 12),
            "month": np.tile(np.arange(1, 13), len(codes)),
            "type": type_name,
            "bed_places": values.ravel(),
            "units": unit_values.ravel(),
        }))
    out = pd.concat(frames, ignore_index=True)
    out["kind"] = "modelled"
    return out


def national_occupancy(national_monthly: pd.DataFrame, capacity: pd.DataFrame,
                       year: int) -> pd.DataFrame:
    """Gross bed-place occupancy per type and month, national (Eurostat on both sides).

    ``occupancy_pct = overnights / (annual bed places x days in month) x 100``. Gross, not net:
    seasonal closures are not known, so off-season occupancy of campsites is understated.
    """
    beds = national_bed_places(capacity, year)
    rows = national_monthly[national_monthly["year"] == year]
    totals = rows.groupby(["type", "month"])["value"].sum()
    out = []
    for (type_name, month), value in totals.items():
        days = calendar.monthrange(year, int(month))[1]
        bed = beds.get(type_name)
        pct = value / (bed * days) * 100.0 if bed else float("nan")
        out.append({"type": type_name, "month": int(month), "overnights": float(value),
                    "bed_places": bed if bed else float("nan"), "occupancy_pct": pct,
                    "kind": "compiled"})
    return pd.DataFrame(out, columns=["type", "month", "overnights", "bed_places", "occupancy_pct",
                                      "kind"])


def occupancy(overnights: pd.DataFrame, capacity: pd.DataFrame, year: int) -> pd.DataFrame:
    """Gross occupancy per municipality, type and month where both sides are official, else NaN.

    Returns ``code``, ``month``, ``type``, ``occupancy_pct``.
    """
    over = overnights.groupby(["code", "month", "type"], sort=False).agg(
        value=("value", "sum"), official=("kind", lambda k: bool((k == "official").all())))
    cap = capacity.set_index(["code", "month", "type"])
    joined = over.join(cap[["bed_places", "kind"]], how="left")
    days = np.array([calendar.monthrange(year, int(m))[1]
                     for m in joined.index.get_level_values("month")])
    both = joined["official"] & (joined["kind"] == "official") & (joined["bed_places"] > 0)
    pct = np.where(both, joined["value"] / (joined["bed_places"] * days) * 100.0, np.nan)
    return pd.DataFrame({"occupancy_pct": pct}, index=joined.index).reset_index()
