"""Capacity per municipality x type x month from inputs that do not depend on demand.

Why this module never reads overnights: a capacity figure that is compared with overnights must
not be derived from them, or every peak shortage and every headroom it shows is an artefact of
the share-out. (Until facts-model 1.0 the national bed places were shared out in proportion to
modelled peak-month overnights, so no municipality could ever show a local shortage.) The
functions below take the capacity files and the *national* Eurostat series only; a test changes
the overnights and checks that capacity stays the same.

Rules (documented with measured coverage in ``docs/facts-model.md`` section 7):

* **Hotels**: only where a hotel-room count for the municipality (or a city inside it) is
  published in ``capacity_by_municipality.csv`` - København (about 20,600 rooms, 2018; area not
  defined) and Aarhus (about 3,000 rooms, 2024). Bed places = rooms x the national bed places per
  bedroom of Eurostat ``tour_cap_nat`` in the year of the count (2.0-2.1). Estimated; everywhere
  else unknown.
* **Camping**: only where a campsite count for the whole municipality is published (Kerteminde,
  3 campsites, 2019). Bed places = campsites x the national bed places per campsite of Eurostat in
  that year (664 in 2019). Estimated; a partial-area count (Møn, one part of Vordingborg) or a count
  for a group of municipalities is listed but not used.
* **A local figure is used only within** :data:`MAX_YEAR_GAP` **years** of the facts year (the
  hotel stock grew about 29 % from 2017 to 2024 by HORESTA's count); among the figures of the
  nearest year the lower one is used (never the more generous claim) and its rivals are listed.
  Forecasts, undated and approximate-only rows are refused with the reason.
* **Holiday homes**: ``dwellings`` = StatBank BOL101 holiday dwellings with nobody registered as
  living there (official, all 98 municipalities, 1 January 2025: the year nearest the facts year).
  How many of them are let, and their bed places, are unknown locally (``units`` and
  ``bed_places`` NaN), so no holiday-home occupancy is computed. Sharing DST's national count of
  houses for rent (39,800 in 2018) by the dwellings was tried and rejected: it gives
  Ringkøbing-Skjern 1,870 and Tønder 383 houses for rent, where 4,851 and 1,402 were *let* on the
  busiest July day 2022, and Odsherred 3,900 where about 500 are offered.
* **Holiday centres & hostels, marinas**: no local figure in the data - unknown (NaN).
* **Seasonal opening** (assumption; no opening series exists): camping bed places open in month m =
  annual bed places x ``min(1, N_m / (OPEN_THRESHOLD x N_peak))`` with ``N`` the *national* Eurostat
  camping overnights of the year; hotels open all year.
* **National capacity** (the whole country): Eurostat bed places per type with the same opening
  rule - official totals, compiled with an assumption.
* **Occupancy** only where both sides are known; per municipality that means the estimated figures
  above against modelled (or official) overnights, labelled modelled with their inputs.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from destinations.facts.constants import ACCOMMODATION_TYPES, EUROSTAT_TYPES
from destinations.i18n import fmt_significant

#: A month with at least this share of the peak month's overnights counts as fully open.
OPEN_THRESHOLD = 0.25
#: Types whose establishments close out of season (campsites, holiday centres).
SEASONAL_TYPES = ("holiday_centre_hostel", "camping")
#: A local count is used only for facts years at most this far from the count's year.
MAX_YEAR_GAP = 5
#: StatBank BOL101 holiday dwellings without registered residents.
HOLIDAY_DWELLINGS = "holiday_homes_without_registered_residents"
#: What a holiday-dwelling count is (BOL101), for captions next to the number.
DWELLINGS_NOTE = ("StatBank BOL101, 1 January {year}, official: dwellings with nobody registered "
                  "as living there, not only summer houses; houses for rent and bed places unknown")
#: Method version, shown next to every capacity figure (bumped with the rules above).
CAPACITY_METHOD = "capacity 2.0 (local counts, no demand input)"
#: Columns of :attr:`LocalCapacity.table`.
TABLE_COLUMNS = ("code", "month", "type", "bed_places", "units", "dwellings", "kind", "basis",
                 "figure_year")


# ---------------------------------------------------------------------------------------------
# National figures (Eurostat tour_cap_nat, DST)
# ---------------------------------------------------------------------------------------------
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


def _national_series(capacity: pd.DataFrame, type_name: str, metric: str) -> pd.Series:
    rows = capacity[(capacity["type"] == type_name) & (capacity["metric"] == metric)
                    & (capacity["period"] == "annual")]
    return rows.set_index("year")["value"].astype(float).sort_index()


def _nearest_year(series: pd.Series, year: int) -> int | None:
    if series.empty:
        return None
    years = np.asarray(series.index, dtype=int)
    return int(years[np.argmin(np.abs(years - int(year)) * 2 + (years > year))])


def national_ratio(capacity: pd.DataFrame, type_name: str, numerator: str, denominator: str,
                   year: int) -> tuple[float, int | None]:
    """Eurostat ``numerator / denominator`` of a type in ``year`` (or the nearest year with both).

    E.g. hotel bed places per bedroom, camping bed places per establishment. ``(nan, None)`` when
    the file has neither.
    """
    top = _national_series(capacity, type_name, numerator)
    bottom = _national_series(capacity, type_name, denominator)
    both = (top / bottom).dropna()
    both = both[np.isfinite(both) & (both > 0)]
    chosen = _nearest_year(both, year)
    return (float(both.loc[chosen]), chosen) if chosen is not None else (math.nan, None)


def holiday_home_units(capacity: pd.DataFrame, year: int) -> tuple[float, int | None]:
    """DST's national count of holiday houses available for rent, nearest year (2017, 2018)."""
    series = _national_series(capacity, "holiday_home", "houses_available_for_rent")
    chosen = _nearest_year(series, year)
    return (float(series.loc[chosen]), chosen) if chosen is not None else (math.nan, None)


def national_capacity(capacity: pd.DataFrame, national_monthly: pd.DataFrame,
                      year: int) -> pd.DataFrame:
    """Eurostat bed places of the whole country per type and month (seasonal opening applied).

    Returns ``type``, ``month``, ``bed_places``, ``kind`` ("compiled": official totals with the
    opening assumption). Types without a national figure are absent.
    """
    beds = national_bed_places(capacity, year)
    monthly = national_monthly[national_monthly["year"] == year]
    rows = []
    for type_name in ACCOMMODATION_TYPES:
        if type_name not in beds:
            continue
        series = (monthly[monthly["type"] == type_name].groupby("month")["value"].sum()
                  .reindex(range(1, 13), fill_value=0.0).to_numpy())
        share = opening_share(series) if type_name in SEASONAL_TYPES else np.ones(12)
        for month in range(1, 13):
            rows.append({"type": type_name, "month": month,
                         "bed_places": beds[type_name] * share[month - 1], "kind": "compiled"})
    return pd.DataFrame(rows, columns=["type", "month", "bed_places", "kind"])


# ---------------------------------------------------------------------------------------------
# Local figures: which published count may stand for a municipality
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class LocalFigure:
    """One row of ``capacity_by_municipality.csv`` considered for a municipality's capacity.

    ``used`` says whether it stands for the municipality in this facts year; ``reason`` says why
    (or why not) in one line. ``rivals`` lists the other figures of the same municipality, type
    and year (never averaged).
    """

    code: str
    name: str
    type: str
    metric: str
    value: float
    unit: str
    year: int | None
    area: str
    qualifier: str
    source: str
    used: bool
    reason: str
    rivals: tuple[float, ...] = ()


#: metric -> (accommodation type, national numerator, national denominator, what one unit is)
_LOCAL_METRICS = {
    "hotel_rooms": ("hotel", "bed_places", "bedrooms", "bed places per bedroom"),
    "campsites": ("camping", "bed_places", "establishments", "bed places per campsite"),
}
#: Metrics looked at but never used as a municipal total, with the reason.
_REFUSED_METRICS = {
    "hotel_rooms_forecast": "a forecast, not a count",
    "hotel_rooms_outside_capital": "a national total outside the capital area, not one municipality",
    "camping_units": "pitches on part of the municipality only",
    "beds_commercial_excl_holiday_houses": "undated and approximate (qualifier: low reliability)",
    "establishments_all": "an establishment count, no capacity",
    "marina_berths_single_harbour": "one harbour, not the municipality's marinas",
}
_REFUSED_TYPES = {"hotel_rooms_forecast": "hotel", "hotel_rooms_outside_capital": "hotel",
                  "camping_units": "camping", "beds_commercial_excl_holiday_houses": "",
                  "establishments_all": "", "marina_berths_single_harbour": "marina"}


def _municipal_area(area_level: str) -> bool:
    """A published area that stands for one municipality: the municipality, or a city in it."""
    text = area_level.strip().lower()
    return text == "municipality" or text.startswith("city")


def _candidates(municipal: pd.DataFrame, codes: set[str], year: int) -> list[LocalFigure]:
    figures: list[LocalFigure] = []
    considered = municipal[municipal["metric"].isin(set(_LOCAL_METRICS) | set(_REFUSED_METRICS))]
    grouped: dict[tuple[str, str], list[dict]] = {}
    for record in considered.to_dict("records"):
        metric = record["metric"]
        code = str(record["code"])
        common = dict(code=code, name=str(record["name"]), metric=metric,
                      value=float(record["value"]), unit=str(record["unit"]),
                      year=None if pd.isna(record["year"]) else int(record["year"]),
                      area=str(record["area_level"]), qualifier=str(record["qualifier"]),
                      source=str(record["source"]))
        type_name = _LOCAL_METRICS[metric][0] if metric in _LOCAL_METRICS else _REFUSED_TYPES[metric]
        reason = _REFUSED_METRICS.get(metric)
        if reason is None and code not in codes:
            reason = (f"covers a group of municipalities ({record['area_code']})"
                      if not code else "a national figure")
        if reason is None and not _municipal_area(common["area"]):
            reason = f"covers {common['area']}, not the whole municipality"
        if reason is None and not np.isfinite(common["value"]):
            reason = "only approximate wording was published"
        if reason is None and common["year"] is None:
            reason = "undated"
        if reason is None and abs(common["year"] - year) > MAX_YEAR_GAP:
            reason = (f"counted in {common['year']}, more than {MAX_YEAR_GAP} years from "
                      f"{year}")
        if reason is not None:
            figures.append(LocalFigure(type=type_name, used=False, reason=reason, **common))
            continue
        grouped.setdefault((code, type_name), []).append(common)
    for (code, type_name), rows in grouped.items():
        nearest = min(abs(r["year"] - year) for r in rows)
        best_year = [r for r in rows if abs(r["year"] - year) == nearest]
        chosen_year = min(r["year"] for r in best_year)
        same = [r for r in best_year if r["year"] == chosen_year]
        chosen = min(same, key=lambda r: r["value"])  # stable: the file's order breaks ties
        rivals = tuple(r["value"] for r in same if r is not chosen)
        for r in rows:
            if r is chosen:
                why = (f"nearest count to {year} ({r['year']})"
                       + (f"; the lower of {len(same)} figures of that year" if rivals else ""))
                figures.append(LocalFigure(type=type_name, used=True, reason=why, rivals=rivals,
                                           **r))
            else:
                why = ("a rival figure of the same year (the lower one is used)"
                       if r in same else f"{r['year']} is further from {year}")
                figures.append(LocalFigure(type=type_name, used=False, reason=why, **r))
    return figures


# ---------------------------------------------------------------------------------------------
# The capacity table
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class LocalCapacity:
    """Capacity of one facts year: the table, the national figures and the evidence.

    Attributes
    ----------
    year
        The facts year.
    table
        Long frame, one row per municipality x month x type (:data:`TABLE_COLUMNS`):
        ``bed_places`` (NaN = unknown), ``units`` (holiday houses for rent: unknown locally, NaN;
        kept for the table's shape), ``dwellings`` (BOL101 holiday dwellings, official; holiday homes only),
        ``kind`` ("modelled": every local bed-place figure is an estimate), ``basis`` (the inputs
        in one line, "" where unknown), ``figure_year`` (year of the local count).
    national
        :func:`national_capacity` of the year.
    figures
        Every local count looked at, used or not, with the reason.
    notes
        One line per rule applied, for captions.
    """

    year: int
    table: pd.DataFrame
    national: pd.DataFrame
    figures: tuple[LocalFigure, ...]
    notes: tuple[str, ...]

    def coverage(self) -> dict[str, dict[str, int]]:
        """Per type: municipalities with known bed places, with known units, and unknown."""
        first = self.table[self.table["month"] == 7]
        out = {}
        for type_name in ACCOMMODATION_TYPES:
            part = first[first["type"] == type_name]
            beds = int(part["bed_places"].notna().sum())
            out[type_name] = {"bed_places_known": beds,
                              "units_known": int(part["units"].notna().sum()),
                              "dwellings_known": int(part["dwellings"].notna().sum()),
                              "unknown": int(len(part) - beds)}
        return out


def _fmt(value: float, digits: int = 0) -> str:
    return f"{value:,.{digits}f}"


def local_capacity(municipal: pd.DataFrame, capacity: pd.DataFrame,
                   national_monthly: pd.DataFrame, codes: list[str], year: int) -> LocalCapacity:
    """Capacity per municipality from local counts and national ratios (no demand input).

    Parameters
    ----------
    municipal
        :func:`destinations.facts.sources.load_municipal_capacity`.
    capacity
        :func:`destinations.facts.sources.load_capacity` (national Eurostat and DST figures).
    national_monthly
        :func:`destinations.facts.sources.load_national_monthly` (the *national* series, used for
        the seasonal opening only).
    codes
        Municipality codes, the table's order.
    year
        The facts year.
    """
    year = int(year)
    codes = [str(c) for c in codes]
    n = len(codes)
    position = {code: i for i, code in enumerate(codes)}
    types = list(ACCOMMODATION_TYPES)
    beds = np.full((n, len(types)), np.nan)
    basis = np.full((n, len(types)), "", dtype=object)
    figure_year = np.full((n, len(types)), np.nan)
    notes: list[str] = []

    figures = _candidates(municipal, set(codes), year)
    for figure in figures:
        if not figure.used:
            continue
        _, numerator, denominator, per = _LOCAL_METRICS[figure.metric]
        ratio, ratio_year = national_ratio(capacity, figure.type, numerator, denominator,
                                           figure.year)
        if not np.isfinite(ratio):
            continue
        i, t = position[figure.code], types.index(figure.type)
        beds[i, t] = figure.value * ratio
        figure_year[i, t] = figure.year
        words = f"; {figure.qualifier}" if figure.qualifier else ""
        basis[i, t] = (f"estimated: {_fmt(figure.value)} {figure.unit} ({figure.year}, "
                       f"{figure.area}{words}) x {fmt_significant(ratio, 'en')} {per} (Eurostat tour_cap_nat "
                       f"{ratio_year}, national)")

    # Holiday homes: BOL101 dwellings (official). No houses-for-rent estimate: sharing DST's
    # national count by the dwellings misses the published local counts by 2.6-7.8 times
    # (docs/facts-model.md section 7), so local letting capacity stays unknown.
    dwell_rows = municipal[(municipal["metric"] == HOLIDAY_DWELLINGS)
                           & municipal["code"].isin(codes) & municipal["year"].notna()]
    dwellings = np.full(n, np.nan)
    units = np.full(n, np.nan)
    if not dwell_rows.empty:
        years = np.array(sorted(set(int(y) for y in dwell_rows["year"])))
        dwell_year = int(years[np.argmin(np.abs(years - year) * 2 + (years > year))])
        chosen = dwell_rows[dwell_rows["year"] == dwell_year]
        h = types.index("holiday_home")
        for code, value in zip(chosen["code"], chosen["value"]):
            i = position[str(code)]
            dwellings[i] = float(value)
            basis[i, h] = f"holiday dwellings: {_fmt(float(value))} ({DWELLINGS_NOTE.format(year=dwell_year)})"
            figure_year[i, h] = dwell_year
        notes.append(f"holiday homes: StatBank BOL101 holiday dwellings of 1 January {dwell_year} "
                     "(official) for every municipality; how many are let, and their bed places, "
                     "are unknown locally, so no holiday-home occupancy is computed")

    # Seasonal opening from the national Eurostat series (never from local demand).
    monthly = national_monthly[national_monthly["year"] == year]
    open_share = {}
    for type_name in types:
        series = (monthly[monthly["type"] == type_name].groupby("month")["value"].sum()
                  .reindex(range(1, 13), fill_value=0.0).to_numpy())
        open_share[type_name] = (opening_share(series) if type_name in SEASONAL_TYPES
                                 and series.sum() > 0 else np.ones(12))

    frames = []
    for t, type_name in enumerate(types):
        values = beds[:, t][:, None] * open_share[type_name][None, :]
        frames.append(pd.DataFrame({
            "code": np.repeat(codes, 12),
            "month": np.tile(np.arange(1, 13), n),
            "type": type_name,
            "bed_places": values.ravel(),
            "units": (np.repeat(units, 12) if type_name == "holiday_home"
                      else np.full(n * 12, np.nan)),
            "dwellings": (np.repeat(dwellings, 12) if type_name == "holiday_home"
                          else np.full(n * 12, np.nan)),
            "basis": np.repeat(basis[:, t], 12),
            "figure_year": np.repeat(figure_year[:, t], 12),
        }))
    table = pd.concat(frames, ignore_index=True)
    table["kind"] = "modelled"
    table = table[list(TABLE_COLUMNS)]
    used = [f for f in figures if f.used]
    notes.insert(0, f"{CAPACITY_METHOD}: bed places only where a local count is published "
                    f"({len(used)} in {year}: "
                    + (", ".join(f"{f.name} {f.type}" for f in used) or "none")
                    + "), converted with national Eurostat ratios; elsewhere unknown")
    notes.append("camping: open months follow the national Eurostat camping series "
                 f"(a month below {OPEN_THRESHOLD:.0%} of the peak month is partly closed); "
                 "hotels open all year")
    return LocalCapacity(year=year, table=table,
                         national=national_capacity(capacity, national_monthly, year),
                         figures=tuple(figures), notes=tuple(notes))


# ---------------------------------------------------------------------------------------------
# Occupancy
# ---------------------------------------------------------------------------------------------
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
    """Gross occupancy per municipality, type and month where bed places are known, else NaN.

    Returns ``code``, ``month``, ``type``, ``occupancy_pct``, ``kind`` (official only where both
    the overnights and the bed places are official; every local bed-place figure today is an
    estimate, so "modelled"). Holiday homes and marinas have no bed places: NaN.
    """
    over = overnights.groupby(["code", "month", "type"], sort=False).agg(
        value=("value", "sum"), official=("kind", lambda k: bool((k == "official").all())))
    cap = capacity.set_index(["code", "month", "type"])
    joined = over.join(cap[["bed_places", "kind"]], how="left")
    days = np.array([calendar.monthrange(year, int(m))[1]
                     for m in joined.index.get_level_values("month")])
    known = joined["bed_places"] > 0
    pct = np.where(known, joined["value"] / (joined["bed_places"] * days) * 100.0, np.nan)
    kind = np.where(joined["official"] & (joined["kind"] == "official"), "official", "modelled")
    return pd.DataFrame({"occupancy_pct": pct, "kind": kind}, index=joined.index).reset_index()
