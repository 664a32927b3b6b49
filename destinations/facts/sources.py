"""Loaders for every tourism statistics file in the data directory, validated, with provenance.

Each loader reads one file of ``settings.data_dir`` (see ``README_tourism_data.md`` there), checks
its columns and values, and returns a tidy frame in which every row keeps its ``source``. Values are
never estimated here; a gap stays NaN. Units are converted to plain counts (``mio.`` x 1e6,
``thousand`` x 1e3) so callers never juggle units.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from destinations.data.files import read_csv, to_float, to_int
from destinations.data.geography import FOLDED_CODES
from destinations.errors import DataError
from destinations.facts.constants import EUROSTAT_TYPES, NON_HOLIDAY_HOME_TYPES
from destinations.settings import Settings

NATIONAL_MONTHLY_FILE = "overnights_national_monthly_eurostat.csv"
REGIONAL_ANNUAL_FILE = "overnights_by_region_annual_turist.csv"
NATIONALITY_FILE = "overnights_national_annual_by_nationality_turist.csv"
NATIONAL_TOTALS_FILE = "national_totals_published.csv"
MUNICIPALITY_FIGURES_FILE = "overnights_by_municipality_published_figures.csv"
CAPACITY_FILE = "capacity_by_area.csv"
MUNICIPAL_CAPACITY_FILE = "capacity_by_municipality.csv"
SUMMER_HOUSES_FILE = "summer_houses_by_municipality.csv"
ECONOMY_FILE = "tourism_economy_published_figures.csv"

TOURISM_FILES = (
    NATIONAL_MONTHLY_FILE, REGIONAL_ANNUAL_FILE, NATIONALITY_FILE, NATIONAL_TOTALS_FILE,
    MUNICIPALITY_FIGURES_FILE, CAPACITY_FILE, MUNICIPAL_CAPACITY_FILE, SUMMER_HOUSES_FILE,
    ECONOMY_FILE,
)

REGION_DST_CODES = ("081", "082", "083", "084", "085")
_UNIT_FACTORS = {"mio.": 1e6, "thousand": 1e3, "number": 1.0, "overnatninger": 1.0, "houses": 1.0}
_FIX = "correct the file or restore it from the project's data directory"


def _first_bad(frame: pd.DataFrame, bad: pd.Series) -> tuple[int, object]:
    """File line (header = line 1) and index label of the first flagged row.

    Frames come straight from :func:`read_csv` with a 0..n-1 index, so label + 2 is the line.
    """
    label = bad[bad].index[0]
    return int(label) + 2, label


def _check_nonnegative(frame: pd.DataFrame, column: str, path: Path) -> None:
    bad = frame[column] < 0
    if bad.any():
        line, label = _first_bad(frame, bad)
        raise DataError(path, f"row {line}, column '{column}': negative value "
                              f"{frame.at[label, column]!r}", _FIX)


def _check_allowed(frame: pd.DataFrame, column: str, allowed: set[str], path: Path,
                   shown: str | None = None) -> None:
    bad = ~frame[column].isin(allowed)
    if bad.any():
        line, label = _first_bad(frame, bad)
        source_column = shown or column
        raise DataError(path, f"row {line}, column '{source_column}': unexpected value "
                              f"{frame.at[label, source_column]!r} (expected one of {sorted(allowed)})",
                        _FIX)


# --------------------------------------------------------------------------------------------
# National monthly overnights (Eurostat tour_occ_nim)
# --------------------------------------------------------------------------------------------

def load_national_monthly(settings: Settings) -> pd.DataFrame:
    """National monthly overnights by type and Danish/foreign guests (Eurostat ``tour_occ_nim``).

    Returns
    -------
    DataFrame
        ``year``, ``month``, ``type`` (hotel / holiday_centre_hostel / camping), ``nationality``
        (danish / foreign), ``value``, ``flag`` (Eurostat flag or ""), ``source``. Aggregates
        (I551-I553, I552_I553, total) are checked against their parts and then dropped.
    """
    path = settings.data_dir / NATIONAL_MONTHLY_FILE
    frame = read_csv(path, required=["year", "month", "nace_r2", "nationality", "overnights",
                                     "eurostat_flag", "source"])
    frame["year"] = to_int(frame, "year", path)
    frame["month"] = to_int(frame, "month", path)
    frame["value"] = to_float(frame, "overnights", path)
    _check_nonnegative(frame, "value", path)
    _check_allowed(frame, "nationality", {"domestic", "foreign", "total"}, path)
    _check_allowed(frame, "nace_r2", {"I551", "I552", "I553", "I551-I553", "I552_I553"}, path)
    bad_month = ~frame["month"].between(1, 12)
    if bad_month.any():
        row = int(np.flatnonzero(bad_month.to_numpy())[0])
        raise DataError(path, f"row {row + 2}, column 'month': {frame['month'].iloc[row]} is not 1..12",
                        _FIX)
    keys = ["year", "month", "nace_r2", "nationality"]
    if frame.duplicated(keys).any():
        row = int(np.flatnonzero(frame.duplicated(keys).to_numpy())[0])
        raise DataError(path, f"row {row + 2}: duplicate {dict(frame.loc[frame.index[row], keys])}", _FIX)
    parts = frame[frame["nace_r2"].isin(EUROSTAT_TYPES)].copy()
    parts = parts[parts["nationality"] != "total"]
    parts["type"] = parts["nace_r2"].map(EUROSTAT_TYPES)
    parts["nationality"] = parts["nationality"].map({"domestic": "danish", "foreign": "foreign"})
    parts["flag"] = parts["eurostat_flag"].fillna("").astype(str)
    parts["year"] = parts["year"].astype(int)
    parts["month"] = parts["month"].astype(int)
    out = parts[["year", "month", "type", "nationality", "value", "flag", "source"]]
    return out.sort_values(["year", "month", "type", "nationality"]).reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Regional annual overnights (StatBank TURIST, no holiday homes)
# --------------------------------------------------------------------------------------------

def load_regional_annual(settings: Settings) -> pd.DataFrame:
    """Annual overnights per region, all types but holiday homes (StatBank TURIST).

    Returns
    -------
    DataFrame
        ``region`` (DST code "081".."085"), ``region_iso``, ``year``, ``nationality``
        (total / danish / foreign), ``value``, ``source``. Where the Danish/foreign split exists
        (2022-2023) it must add up to the total; a mismatch is a :class:`DataError`.
    """
    path = settings.data_dir / REGIONAL_ANNUAL_FILE
    frame = read_csv(path, required=["area_code", "area_iso", "year", "nationality", "overnights",
                                     "source"])
    frame["region"] = frame["area_code"].str.strip().str.zfill(3)
    _check_allowed(frame, "region", set(REGION_DST_CODES), path, shown="area_code")
    frame["year"] = to_int(frame, "year", path).astype(int)
    frame["value"] = to_float(frame, "overnights", path)
    _check_nonnegative(frame, "value", path)
    nat = frame["nationality"].str.strip()
    frame["nationality_as_published"] = frame["nationality"]
    frame["nationality"] = np.select(
        [nat == "total", nat.str.startswith("DAN"), nat.str.startswith("UDLAN")],
        ["total", "danish", "foreign"], default="?")
    bad = frame["nationality"] == "?"
    if bad.any():
        line, label = _first_bad(frame, bad)
        raise DataError(path, f"row {line}, column 'nationality': unexpected value "
                              f"{frame.at[label, 'nationality_as_published']!r} (expected total, "
                              "DAN ... or UDLAN ...)", _FIX)
    keys = ["region", "year", "nationality"]
    if frame.duplicated(keys).any():
        row = int(np.flatnonzero(frame.duplicated(keys).to_numpy())[0])
        raise DataError(path, f"row {row + 2}: duplicate region/year/nationality", _FIX)
    split = frame[frame["nationality"] != "total"].pivot_table(
        index=["region", "year"], columns="nationality", values="value", aggfunc="sum")
    if not split.empty:
        total = frame[frame["nationality"] == "total"].set_index(["region", "year"])["value"]
        joined = split.join(total.rename("total"), how="left")
        off = (joined["danish"] + joined["foreign"] - joined["total"]).abs() > 0.5
        if off.any():
            region, year = off[off].index[0]
            raise DataError(path, f"region {region} {year}: Danish + foreign "
                                  "does not equal the total", _FIX)
    out = frame[["region", "area_iso", "year", "nationality", "value", "source"]].rename(
        columns={"area_iso": "region_iso"})
    return out.sort_values(keys).reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# National annual overnights by guest nationality (StatBank TURIST)
# --------------------------------------------------------------------------------------------

def load_national_by_nationality(settings: Settings) -> pd.DataFrame:
    """Annual national overnights (all types incl. holiday homes) for 17 guest nationalities.

    Returns ``year``, ``country`` (Danish StatBank name), ``value``, ``source``. There is no
    Denmark row and no total in the file: these 17 countries are not all foreign guests.
    """
    path = settings.data_dir / NATIONALITY_FILE
    frame = read_csv(path, required=["year", "nationality", "overnights", "source"])
    frame["year"] = to_int(frame, "year", path).astype(int)
    frame["value"] = to_float(frame, "overnights", path)
    _check_nonnegative(frame, "value", path)
    frame = frame.rename(columns={"nationality": "country"})
    if frame.duplicated(["year", "country"]).any():
        row = int(np.flatnonzero(frame.duplicated(["year", "country"]).to_numpy())[0])
        raise DataError(path, f"row {row + 2}: duplicate year/nationality", _FIX)
    return frame[["year", "country", "value", "source"]].reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Published national totals
# --------------------------------------------------------------------------------------------

def load_national_totals(settings: Settings) -> pd.DataFrame:
    """Headline totals as published (DST Nyt, VisitDenmark), converted to plain counts.

    Returns ``area_code``, ``year``, ``period``, ``metric``, ``value`` (count, or percent where
    ``unit`` is "pct"), ``unit`` (as published), ``scope``, ``source``, ``source_wording``.
    """
    path = settings.data_dir / NATIONAL_TOTALS_FILE
    frame = read_csv(path, required=["area_code", "year", "period", "metric", "value", "unit",
                                     "scope", "source"])
    frame["year"] = to_int(frame, "year", path).astype(int)
    raw = to_float(frame, "value", path)
    factors = frame["unit"].map(lambda u: 1.0 if u == "pct" else _UNIT_FACTORS.get(u, np.nan))
    if factors.isna().any():
        row = int(np.flatnonzero(factors.isna().to_numpy())[0])
        raise DataError(path, f"row {row + 2}, column 'unit': unknown unit {frame['unit'].iloc[row]!r}",
                        _FIX)
    frame["value"] = raw * factors
    frame["value"] = frame["value"].round(0).where(frame["unit"] != "pct", frame["value"])
    frame["value"] = frame["value"].astype(float)
    _check_nonnegative(frame, "value", path)
    frame["area_code"] = frame["area_code"].str.strip()
    if "source_wording" not in frame.columns:
        frame["source_wording"] = ""
    return frame[["area_code", "year", "period", "metric", "value", "unit", "scope", "source",
                  "source_wording"]].reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Published municipality figures
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PublishedFigure:
    """One published overnight figure for a municipality (or a group of them, or a region).

    ``types`` and ``nationalities`` give the scope the figure covers; ``usable`` says whether the
    model can use it (as a constraint for its year and as calibration elsewhere), ``reason`` why not.
    """

    id: str
    codes: tuple[str, ...]
    year: int
    months: tuple[int, ...]
    types: tuple[str, ...]
    nationalities: tuple[str, ...]
    value: float
    label: str
    source: str
    usable: bool
    reason: str = ""
    derived: str = ""  # how a derived figure was obtained from published ones
    area: str = "municipality"  # municipality | group | region

    @property
    def scope(self) -> str:
        types = "all types" if len(self.types) == 5 else "+".join(self.types)
        nats = "all guests" if len(self.nationalities) == 2 else f"{self.nationalities[0]} guests"
        months = "year" if len(self.months) == 12 else f"months {self.months[0]}-{self.months[-1]}"
        return f"{types}, {nats}, {months}"


_ALL = ("hotel", "holiday_centre_hostel", "camping", "marina", "holiday_home")
_PERIODS = {"year": tuple(range(1, 13)), "July-August": (7, 8)}


def _type_scope(text: str, previous: tuple[str, ...] | None) -> tuple[str, ...] | None:
    """The accommodation types a published figure covers, from the publisher's wording."""
    lowered = text.lower()
    if lowered.startswith("as above"):
        return previous
    if "hotels only" in lowered:
        return ("hotel",)
    if "no feriehuse" in lowered:
        return NON_HOLIDAY_HOME_TYPES
    if "type coverage not stated" in lowered:
        return None
    if "all registered types" in lowered or "feriehuse" in lowered:
        return _ALL
    return None


def _nationality_scope(text: str) -> tuple[str, ...] | None:
    text = text.strip()
    if text == "total":
        return ("danish", "foreign")
    if text.startswith("DAN"):
        return ("danish",)
    if text.startswith("UDLAN"):
        return ("foreign",)
    return None


def _decline(text: str) -> float | None:
    """'5,7 mio. færre' in a qualifier -> 5_700_000.0 (None if absent)."""
    match = re.search(r"(\d+(?:,\d+)?) mio\. færre", text)
    return float(match.group(1).replace(",", ".")) * 1e6 if match else None


def load_municipality_figures(settings: Settings) -> pd.DataFrame:
    """The published municipality overnight figures as they stand in the file (validated)."""
    path = settings.data_dir / MUNICIPALITY_FIGURES_FILE
    frame = read_csv(path, required=["kommune_code", "kommune_name", "year", "period", "metric",
                                     "value", "unit", "nationality", "accommodation_type",
                                     "qualifier", "source"])
    frame["kommune_code"] = frame["kommune_code"].str.strip().replace(FOLDED_CODES)
    frame["year"] = to_int(frame, "year", path).astype(int)
    frame["value"] = to_float(frame, "value", path)
    nonneg = frame[~frame["metric"].str.startswith("pct_change")]
    _check_nonnegative(nonneg, "value", path)
    return frame.reset_index(drop=True)


def published_figures(settings: Settings, municipality_codes: list[str]) -> tuple[PublishedFigure, ...]:
    """Every published overnight figure below national level, with its scope and usability.

    Besides the municipality file this includes, from ``national_totals_published.csv``, the
    2019 sum of København, Varde and Ringkøbing-Skjern (a group figure) and Region Nordjylland's
    2017 total including holiday homes (a region figure). A municipality share (Hjørring 2018,
    Danish 43.3 %) becomes a count by multiplying with the same publisher's total; that is
    recorded in ``derived``.
    """
    path = settings.data_dir / MUNICIPALITY_FIGURES_FILE
    frame = load_municipality_figures(settings)
    unknown = sorted(set(frame["kommune_code"]) - set(municipality_codes))
    if unknown:
        row = int(np.flatnonzero(frame["kommune_code"].isin(unknown).to_numpy())[0])
        raise DataError(path, f"row {row + 2}, column 'kommune_code': unknown municipality code "
                              f"{frame['kommune_code'].iloc[row]!r}", _FIX)
    figures: list[PublishedFigure] = []
    previous_types: dict[str, tuple[str, ...] | None] = {}
    totals: dict[tuple[str, int], float] = {}
    for row, record in enumerate(frame.to_dict("records"), start=2):
        code = record["kommune_code"]
        types = _type_scope(str(record["accommodation_type"]), previous_types.get(code))
        previous_types[code] = types
        nats = _nationality_scope(str(record["nationality"]))
        months = _PERIODS.get(str(record["period"]))
        metric = str(record["metric"])
        qualifier = str(record.get("qualifier") or "")
        label = f"{record['kommune_name']} {record['year']}"
        reason = ""
        derived = ""
        value = float(record["value"])
        if metric == "overnights" and record["nationality"] == "total" and months == _PERIODS["year"]:
            totals[(code, int(record["year"]))] = value
        if metric == "share_of_kommune_overnights":
            total = totals.get((code, int(record["year"])))
            if total is None or nats is None:
                reason = "a share without a published total to apply it to"
            else:
                derived = (f"{value:g} % x published total {total:,.0f} "
                           f"(both from the same publisher)")
                value = round(value / 100.0 * total)
        elif metric.startswith("pct_change_vs_") and _decline(qualifier) is not None:
            # "5,7 mio. færre overnatninger, svarende til en nedgang på 65 pct." gives the level
            # of the comparison year: 5.7 million / 0.65.
            decline = _decline(qualifier)
            base_year = int(metric.rsplit("_", 1)[-1])
            derived = (f"{decline / 1e6:g} million fewer overnights = {abs(value):g} % of the "
                       f"{base_year} level, so {base_year} = {decline / 1e6:g} million / "
                       f"{abs(value) / 100:g} (published figures rounded; about +-2 %)")
            value = round(decline / (abs(value) / 100.0))
            label = f"{record['kommune_name']} {base_year}"
            record = dict(record, year=base_year)
        elif metric != "overnights":
            reason = f"metric {metric!r} is not an overnight count"
        if not reason:
            if types is None:
                reason = "the accommodation types covered are not stated"
            elif nats is None:
                reason = f"nationality {record['nationality']!r} is not modelled (only Danish/foreign)"
            elif months is None:
                reason = f"period {record['period']!r} is not modelled"
            elif "AMBIGUOUS" in qualifier.upper():
                reason = "the source wording is ambiguous"
        figures.append(PublishedFigure(
            id=f"{code}-{record['year']}-{len(figures) + 1:02d}",
            codes=(code,), year=int(record["year"]), months=months or (),
            types=types or (), nationalities=nats or (), value=value,
            label=f"{label} ({metric}, {record['nationality']}, {record['period']})",
            source=str(record["source"]), usable=not reason, reason=reason, derived=derived))
    figures.extend(_figures_from_national_totals(settings))
    return tuple(figures)


def _figures_from_national_totals(settings: Settings) -> list[PublishedFigure]:
    totals = load_national_totals(settings)
    out: list[PublishedFigure] = []
    group = totals[totals["metric"] == "overnights_3_kommuner_kbh_varde_rks"]
    for record in group.to_dict("records"):
        out.append(PublishedFigure(
            id=f"group-{record['year']}", codes=("101", "573", "760"), year=int(record["year"]),
            months=_PERIODS["year"], types=_ALL, nationalities=("danish", "foreign"),
            value=float(record["value"]),
            label=f"København + Varde + Ringkøbing-Skjern {record['year']} (all types)",
            source=str(record["source"]), usable=True, area="group"))
    regional = totals[(totals["area_code"].isin(REGION_DST_CODES)) & (totals["metric"] == "overnights")]
    for record in regional.to_dict("records"):
        out.append(PublishedFigure(
            id=f"region-{record['area_code']}-{record['year']}", codes=(record["area_code"],),
            year=int(record["year"]), months=_PERIODS["year"], types=_ALL,
            nationalities=("danish", "foreign"), value=float(record["value"]),
            label=f"Region {record['area_code']} {record['year']} (all types incl. holiday homes)",
            source=str(record["source"]), usable=True, area="region"))
    return out


# --------------------------------------------------------------------------------------------
# Capacity
# --------------------------------------------------------------------------------------------

_CAPACITY_TYPES = {
    "hotels (NACE I551": "hotel",
    "holiday_and_short_stay (NACE I552": "holiday_centre_hostel",
    "camping (NACE I553": "camping",
    "all_types_hotels_holiday_camping": "I551-I553",
    "holiday_short_stay_plus_camping": "I552_I553",
    "hotels (DST hotelstatistik)": "hotel_dst",
    "holiday homes let via agencies": "holiday_home",
}


def load_capacity(settings: Settings) -> pd.DataFrame:
    """National capacity: establishments, bedrooms and bed places by type (Eurostat + DST facts).

    Returns ``year``, ``period`` (annual / April), ``type`` (hotel, holiday_centre_hostel,
    camping, holiday_home, or an aggregate code), ``metric``, ``value``, ``qualifier``, ``source``.
    """
    path = settings.data_dir / CAPACITY_FILE
    frame = read_csv(path, required=["year", "period", "accommodation_type", "capacity_metric",
                                     "value", "qualifier", "source"])
    frame["year"] = to_int(frame, "year", path).astype(int)
    frame["value"] = to_float(frame, "value", path)
    _check_nonnegative(frame, "value", path)

    def classify(text: str) -> str:
        for prefix, name in _CAPACITY_TYPES.items():
            if text.startswith(prefix):
                return name
        return "?"

    frame["type"] = frame["accommodation_type"].map(classify)
    _check_allowed(frame, "type", set(_CAPACITY_TYPES.values()), path)
    frame["qualifier"] = frame["qualifier"].fillna("")
    out = frame.rename(columns={"capacity_metric": "metric"})
    return out[["year", "period", "type", "metric", "value", "qualifier", "source"]].reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Capacity by municipality (StatBank BOL101 holiday dwellings + scattered published counts)
# --------------------------------------------------------------------------------------------

def load_municipal_capacity(settings: Settings, municipality_codes: list[str]) -> pd.DataFrame:
    """Holiday dwellings (BOL101, all 98 municipalities) and published local capacity counts.

    Returns ``code`` ("000" = national, "" = a group of municipalities named in ``area_code``),
    ``name``, ``year`` (nullable: several rows are undated), ``metric``, ``value`` (NaN where only
    approximate wording was published), ``unit``, ``area_level`` (as published: "municipality",
    "city (Aarhus)", "sub_municipality (Møn only)", ...), ``area_code``, ``qualifier``,
    ``source``. Nothing is estimated here; which rows can stand for a municipality is decided in
    :mod:`destinations.facts.capacity`, which reads the qualifier and the area.
    """
    path = settings.data_dir / MUNICIPAL_CAPACITY_FILE
    frame = read_csv(path, required=["kommune_code", "kommune_name", "year", "metric", "value",
                                     "unit", "area_level", "area_code", "source_url",
                                     "qualifier"])
    frame["code"] = frame["kommune_code"].fillna("").str.strip().replace(FOLDED_CODES)
    allowed = set(municipality_codes) | {"000", ""}
    _check_allowed(frame, "code", allowed, path, shown="kommune_code")
    frame["year"] = to_int(frame, "year", path, allow_missing=True)
    frame["value"] = to_float(frame, "value", path, allow_missing=True)
    _check_nonnegative(frame.fillna({"value": 0.0}), "value", path)
    dwellings = frame[(frame["metric"] == "holiday_homes_without_registered_residents")
                      & (frame["code"].isin(municipality_codes))]
    if dwellings.duplicated(["code", "year"]).any():
        line, label = _first_bad(dwellings, dwellings.duplicated(["code", "year"]))
        raise DataError(path, f"row {line}: a second BOL101 holiday-dwelling count for "
                              f"{frame.at[label, 'kommune_name']} {frame.at[label, 'year']}", _FIX)
    if dwellings["value"].isna().any():
        line, _ = _first_bad(dwellings, dwellings["value"].isna())
        raise DataError(path, f"row {line}, column 'value': a BOL101 count cannot be blank", _FIX)
    out = frame.rename(columns={"kommune_name": "name", "source_url": "source"})
    for column in ("area_level", "area_code", "qualifier", "unit"):
        out[column] = out[column].fillna("").astype(str)
    return out[["code", "name", "year", "metric", "value", "unit", "area_level", "area_code",
                "qualifier", "source"]].reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Summer houses
# --------------------------------------------------------------------------------------------

def load_summer_houses(settings: Settings, municipality_codes: list[str]) -> pd.DataFrame:
    """Summer-house counts and shares for the municipalities the press named (DST figures).

    Returns ``code`` ("000" = national), ``metric``, ``value`` (NaN where only approximate wording
    was published), ``value_as_published``, ``unit``, ``qualifier``, ``source``.
    """
    path = settings.data_dir / SUMMER_HOUSES_FILE
    frame = read_csv(path, required=["kommune_code", "metric", "value", "value_as_published", "unit",
                                     "qualifier", "source"])
    frame["code"] = frame["kommune_code"].str.strip().replace(FOLDED_CODES)
    allowed = set(municipality_codes) | {"000"}
    _check_allowed(frame, "code", allowed, path)
    frame["value"] = to_float(frame, "value", path, allow_missing=True)
    _check_nonnegative(frame.fillna({"value": 0.0}), "value", path)
    return frame[["code", "metric", "value", "value_as_published", "unit", "qualifier",
                  "source"]].reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Tourism economy (not used by the model; loaded for the data page)
# --------------------------------------------------------------------------------------------

def load_tourism_economy(settings: Settings) -> pd.DataFrame:
    """Published tourism spending, turnover and jobs figures (values as published, NaN = gap)."""
    path = settings.data_dir / ECONOMY_FILE
    frame = read_csv(path, required=["area_level", "area_code", "year", "metric", "value", "unit",
                                     "qualifier", "source"])
    frame["year"] = to_int(frame, "year", path, allow_missing=True)
    frame["value"] = to_float(frame, "value", path, allow_missing=True)
    return frame[["area_level", "area_code", "area_name", "year", "metric", "value", "unit",
                  "qualifier", "source"]].reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Everything the model needs, loaded once
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class TourismSources:
    """The loaded tourism files. Frames are read-only by convention: callers copy before editing."""

    national_monthly: pd.DataFrame
    regional_annual: pd.DataFrame
    national_totals: pd.DataFrame
    figures: tuple[PublishedFigure, ...]
    capacity: pd.DataFrame
    summer_houses: pd.DataFrame
    municipal_capacity: pd.DataFrame


def load_sources(settings: Settings, municipality_codes: list[str]) -> TourismSources:
    """Load and validate the files the model reads (raises :class:`DataError`)."""
    return _load_sources_cached(settings, tuple(municipality_codes))


@lru_cache(maxsize=4)
def _load_sources_cached(settings: Settings, codes: tuple[str, ...]) -> TourismSources:
    return TourismSources(
        national_monthly=load_national_monthly(settings),
        regional_annual=load_regional_annual(settings),
        national_totals=load_national_totals(settings),
        figures=published_figures(settings, list(codes)),
        capacity=load_capacity(settings),
        summer_houses=load_summer_houses(settings, list(codes)),
        municipal_capacity=load_municipal_capacity(settings, list(codes)),
    )
