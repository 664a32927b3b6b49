"""``load_facts``: the one entry point that turns the data directory into a :class:`FactsTable`.

Official municipality files (StatBank downloads in ``settings.official_dir``) win over the model
cell by cell; everything else is the model of :mod:`destinations.facts.model`. Results are cached
per data directory and year (and the official files' names, sizes and times), and every call
returns a fresh copy, so no caller can change what another one sees.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from destinations.data.base import BaseData
from destinations.data.cache import cached
from destinations.errors import DataError
from destinations.facts.capacity import CAPACITY_METHOD, local_capacity
from destinations.facts.constants import (
    ACCOMMODATION_TYPES,
    AVAILABLE_YEARS,
    MODEL_VERSION,
    NATIONALITIES,
)
from destinations.facts.indicators import municipality_indicators
from destinations.facts.model import FactsModel
from destinations.facts.sources import TourismSources, load_sources
from destinations.facts.statbank import (
    Areas,
    OfficialData,
    load_official,
    official_files,
    official_signature,
)
from destinations.facts.table import FactsTable
from destinations.settings import Settings


@dataclass(frozen=True, eq=False)
class _BySettings:
    """Carries a BaseData into an lru_cache keyed by its (frozen, hashable) settings only."""

    base: BaseData

    def __hash__(self) -> int:
        return hash(self.base.settings)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _BySettings) and other.base.settings == self.base.settings


_LOCK = threading.Lock()  # one model build at a time; Streamlit serves sessions from threads


@lru_cache(maxsize=4)
def _model(holder: _BySettings) -> FactsModel:
    base = holder.base
    sources = load_sources(base.settings, base.codes)
    indicators = municipality_indicators(base.municipalities, base.population, base.attractions,
                                         sources.summer_houses)
    return FactsModel(sources, indicators)


def facts_model(base: BaseData) -> FactsModel:
    """The (cached) model for ``base``'s data directory."""
    with _LOCK:
        return _model(_BySettings(base))


@lru_cache(maxsize=4)
def _official(settings: Settings, signature: tuple, codes: tuple[str, ...],
              names: tuple[str, ...]) -> OfficialData:
    areas = Areas.from_frame(pd.DataFrame({"code": codes, "name": names}))
    return load_official(settings, areas)


def official_data(base: BaseData) -> OfficialData:
    """Parsed official municipality files in ``settings.official_dir`` (empty when none)."""
    settings = base.settings
    return _official(settings, official_signature(settings), tuple(base.codes),
                     tuple(base.municipalities["name"].astype(str)))


def available_years(base: BaseData) -> tuple[int, ...]:
    """Modelled years plus years fully covered by official municipality files."""
    official = official_data(base)
    extra = [y for y in official.years() if _official_complete(official, y, base.codes)]
    return tuple(sorted(set(AVAILABLE_YEARS) | set(extra)))


def _official_complete(official: OfficialData, year: int, codes: list[str]) -> bool:
    part = official.overnights[(official.overnights["year"] == year)
                               & (official.overnights["month"] > 0)]
    expected = len(codes) * 12 * len(ACCOMMODATION_TYPES) * len(NATIONALITIES)
    return len(part) == expected and bool(part["value"].notna().all())


@lru_cache(maxsize=16)
def _table(holder: _BySettings, year: int, signature: tuple) -> FactsTable:
    base = holder.base
    # The model and any official files decide the table: the disk cache keys on both.
    return cached(f"facts-{year}", base.settings, lambda: _build_table(base, year),
                  params=(MODEL_VERSION,), extra_inputs=official_files(base.settings))


def _build_table(base: BaseData, year: int) -> FactsTable:
    official = official_data(base)
    official_year = official.overnights[(official.overnights["year"] == year)
                                        & (official.overnights["month"] > 0)]
    if official_year.empty or year not in official.years():
        official_year = official_year.iloc[0:0]
    model = facts_model(base)
    if year in AVAILABLE_YEARS:
        with _LOCK:
            estimate = model.estimate(year)
        frame = model.to_frame(estimate)
        notes = estimate.notes
        fit = {"iterations": estimate.iterations,
               "max_relative_error": estimate.max_relative_error,
               "constraints": list(estimate.constraints),
               "calibration": dict(estimate.calibration)}
    elif _official_complete(official, year, base.codes):
        frame = _empty_frame(base.codes)
        notes = ("every figure of this year is official",)
        fit = {}
    else:
        raise DataError(
            "tourism facts", f"no complete data for {year}",
            f"choose one of the years {available_years(base)} or add official StatBank files for "
            f"{year} to {base.settings.official_dir} (destinations data fetch statbank)")
    if not official_year.empty:
        frame = _overlay(frame, official_year)
    frame["value"] = frame["value"].astype(float)
    # Capacity reads the capacity files and national series only, never ``frame``: it is
    # compared with these overnights, so it must not be derived from them.
    capacity = local_capacity(model.sources.municipal_capacity, model.sources.capacity,
                              model.sources.national_monthly, list(dict.fromkeys(frame["code"])),
                              year)
    sources = _source_texts(model.sources, official if not official_year.empty else None)
    table = FactsTable(year=year, overnights=frame, capacity=capacity.table,
                       model_version=MODEL_VERSION, sources=sources, notes=tuple(notes), fit=fit,
                       national_capacity=capacity.national, capacity_figures=capacity.figures,
                       capacity_notes=capacity.notes)
    return table


def _empty_frame(codes: list[str]) -> pd.DataFrame:
    n = len(codes)
    n_types, n_nats = len(ACCOMMODATION_TYPES), len(NATIONALITIES)
    return pd.DataFrame({
        "code": np.repeat(codes, 12 * n_types * n_nats),
        "month": np.tile(np.repeat(np.arange(1, 13), n_types * n_nats), n),
        "type": np.tile(np.repeat(ACCOMMODATION_TYPES, n_nats), n * 12),
        "nationality": np.tile(NATIONALITIES, n * 12 * n_types),
        "value": np.nan,
        "kind": "official",
    })


def _overlay(frame: pd.DataFrame, official: pd.DataFrame) -> pd.DataFrame:
    """Official cells replace modelled ones; suppressed official cells (NaN) keep the model."""
    keys = ["code", "month", "type", "nationality"]
    values = official.dropna(subset=["value"]).groupby(keys)["value"].sum()
    out = frame.set_index(keys)
    hit = out.index.isin(values.index)
    out.loc[hit, "value"] = values.reindex(out.index[hit]).to_numpy()
    out.loc[hit, "kind"] = "official"
    return out.reset_index()


def _first(series: pd.Series) -> str:
    values = [str(v) for v in dict.fromkeys(series.dropna()) if str(v).strip()]
    return "; ".join(values[:2]) + (" (and others, per row)" if len(values) > 2 else "")


def _source_texts(sources: TourismSources, official: OfficialData | None) -> dict[str, str]:
    out = {
        "national monthly overnights": "Eurostat tour_occ_nim (NACE I551/I552/I553, domestic/"
                                       "foreign): " + _first(sources.national_monthly["source"]),
        "regional annual overnights": "StatBank TURIST, regions, all types but holiday homes: "
                                      + _first(sources.regional_annual["source"]),
        "national totals (holiday homes, marinas check)": _first(sources.national_totals["source"]),
        "published municipality figures": "; ".join(
            dict.fromkeys(f.source for f in sources.figures if f.usable)),
        "capacity": f"{CAPACITY_METHOD}: published local counts (capacity_by_municipality.csv: "
                    "StatBank BOL101 holiday dwellings, hotel rooms, campsites) x national ratios "
                    "of Eurostat tour_cap_nat; DST Nyt: " + _first(sources.capacity["source"]),
        "indicators": "DAGI 1:500 000 boundaries (coastline, area), FOLK1A population 2019, "
                      "attractions.csv, summer_houses_by_municipality.csv",
        "model": f"{MODEL_VERSION}: raking of indicator seeds to the margins above "
                 "(docs/facts-model.md)",
    }
    if official is not None:
        out["official municipality figures"] = "Statistics Denmark StatBank: " + ", ".join(
            p.name for p in official.files)
    return out


def load_facts(base: BaseData, year: int) -> FactsTable:
    """Overnights and capacity of ``year`` for all municipalities.

    Raises
    ------
    DataError
        No complete data for ``year``; the message lists the available years.
    """
    year = int(year)
    if year not in AVAILABLE_YEARS and not official_data(base).years():
        raise DataError("tourism facts", f"no data for {year}",
                        f"choose one of the years {AVAILABLE_YEARS}")
    return _table(_BySettings(base), year, official_signature(base.settings)).copy()


def summer_houses_known(base: BaseData) -> pd.Series:
    """Published summer-house counts by code (NaN where no count was published)."""
    sources = load_sources(base.settings, base.codes)
    rows = sources.summer_houses[(sources.summer_houses["metric"] == "summer_houses")
                                 & (sources.summer_houses["code"].isin(base.codes))]
    series = rows.set_index("code")["value"].reindex(base.codes)
    series.index.name = "code"
    return series.rename("summer_houses")


def clear_caches() -> None:
    """Forget every cached model and table (tests; after files change on disk)."""
    _model.cache_clear()
    _table.cache_clear()
    _official.cache_clear()
    from destinations.facts.sources import _load_sources_cached

    _load_sources_cached.cache_clear()
