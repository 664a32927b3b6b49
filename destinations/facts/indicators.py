"""Indicators per municipality, computed from real data, that spread national and regional totals.

Every column comes from a loaded file or from the boundary geometry; the two derived columns
(``summer_houses`` where no count was published and ``let_houses``) follow documented rules:

* ``summer_houses``: the published count where there is one ("knap 15.000" for Gribskov is used as
  15,000 and marked approximate). Elsewhere the rest of the national stock ("omkring 220.000",
  approximate) is shared in proportion to coastline length, because summer-house areas in Denmark
  are coastal (planning law zones them along the coast). Municipalities the source names as having
  none get 0.
* ``let_rate``: share of summer houses let through agencies on the busiest July day. Published
  for Ringkøbing-Skjern, Tønder and Varde (all North Sea coast); other North Sea / Wadden Sea
  municipalities get the mean of those three; the rest share what remains of the national count
  (31,580 let houses) in proportion to their summer houses.
* ``let_houses = summer_houses x let_rate``: the holiday-home indicator.

The North Sea flag comes from attraction themes (``north-sea-coast`` or ``wadden-sea``); the city
flag marks the four most populous municipalities (København, Aarhus, Aalborg, Odense), the rule
being "the country's four largest cities".
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from destinations.data.geography import REGION_DST_CODES
from destinations.data.geo import coastline_km
from destinations.model import Attraction

#: Number of most-populous municipalities counted as cities.
CITY_COUNT = 4
#: Attraction visitors that count as much as one more attraction in the attraction score.
VISITORS_PER_ATTRACTION = 500_000
NORTH_SEA_THEMES = ("north-sea-coast", "wadden-sea")
#: Approximate national summer-house stock: the source says "omkring 220.000".
NATIONAL_SUMMER_HOUSES_APPROX = 220_000.0
#: Gribskov: "knap 15.000" in the source; used as an approximate indicator value only.
APPROXIMATE_COUNTS = {"270": 15_000.0}


def municipality_indicators(
    municipalities: pd.DataFrame,
    population: pd.Series,
    attractions: tuple[Attraction, ...],
    summer_houses: pd.DataFrame,
) -> pd.DataFrame:
    """One row per municipality (indexed by code) with the model's indicators.

    Parameters
    ----------
    municipalities
        ``BaseData.municipalities`` (EPSG:25832 geometry, ``region_code``, ``area_km2``).
    population
        Population 1 January 2019 by code.
    attractions
        ``BaseData.attractions``.
    summer_houses
        :func:`destinations.facts.sources.load_summer_houses`.

    Returns
    -------
    DataFrame
        ``region`` (DST code), ``population``, ``area_km2``, ``coast_km``, ``attractions``,
        ``attraction_visitors``, ``attraction_score``, ``north_sea``, ``city``, ``summer_houses``,
        ``summer_houses_basis`` (published / approximate / estimated), ``let_rate``,
        ``let_houses``.
    """
    codes = municipalities["code"].tolist()
    out = pd.DataFrame(index=pd.Index(codes, name="code"))
    out["name"] = municipalities["name"].to_numpy()
    out["region"] = municipalities["region_code"].map(REGION_DST_CODES).to_numpy()
    out["population"] = population.reindex(codes).astype(float).to_numpy()
    out["area_km2"] = municipalities["area_km2"].astype(float).to_numpy()
    out["coast_km"] = coastline_km(municipalities)

    counts = pd.Series(0.0, index=out.index)
    visitors = pd.Series(0.0, index=out.index)
    north_sea = pd.Series(False, index=out.index)
    for attraction in attractions:
        code = attraction.kommune_code
        counts[code] += 1
        if attraction.visitors is not None:
            visitors[code] += attraction.visitors
        if any(theme in attraction.themes for theme in NORTH_SEA_THEMES):
            north_sea[code] = True
    out["attractions"] = counts
    out["attraction_visitors"] = visitors
    out["attraction_score"] = 1.0 + counts + visitors / VISITORS_PER_ATTRACTION
    out["north_sea"] = north_sea
    largest = out["population"].nlargest(CITY_COUNT).index
    out["city"] = out.index.isin(largest)

    houses, basis = _summer_houses(out, summer_houses)
    out["summer_houses"] = houses
    out["summer_houses_basis"] = basis
    out["let_rate"] = _let_rates(out, summer_houses)
    out["let_houses"] = out["summer_houses"] * out["let_rate"]
    return out


def _summer_houses(frame: pd.DataFrame, published: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    counts = published[(published["metric"] == "summer_houses") & (published["code"] != "000")]
    known = counts.dropna(subset=["value"]).set_index("code")["value"].astype(float)
    known = pd.concat([known, pd.Series(APPROXIMATE_COUNTS)]).groupby(level=0).first()
    basis = pd.Series("estimated", index=frame.index)
    basis[known.index.intersection(frame.index)] = "published"
    for code in APPROXIMATE_COUNTS:
        if code in basis.index and code not in counts.dropna(subset=["value"])["code"].tolist():
            basis[code] = "approximate"
    houses = pd.Series(np.nan, index=frame.index)
    houses[known.index] = known
    rest = NATIONAL_SUMMER_HOUSES_APPROX - float(known.sum())
    unknown = houses.isna()
    coast = frame.loc[unknown, "coast_km"]
    houses[unknown] = rest * coast / coast.sum() if coast.sum() > 0 else 0.0
    return houses.clip(lower=0.0), basis


def _let_rates(frame: pd.DataFrame, published: pd.DataFrame) -> pd.Series:
    by_metric = published.dropna(subset=["value"]).set_index(["metric", "code"])["value"]
    let_counts = by_metric.get("summer_houses_let_via_agencies_on_busiest_july_day", pd.Series(dtype=float))
    shares = by_metric.get("share_let_on_busiest_july_day", pd.Series(dtype=float))
    rates = pd.Series(np.nan, index=frame.index)
    for code, value in shares.items():
        if code in rates.index:
            rates[code] = value / 100.0
    for code, value in let_counts.items():
        if code in rates.index and frame.at[code, "summer_houses"] > 0:
            rates[code] = value / frame.at[code, "summer_houses"]
    known = rates.dropna()
    north_sea_rate = float(known.mean()) if not known.empty else np.nan
    fill_north = rates.isna() & frame["north_sea"]
    rates[fill_north] = north_sea_rate
    national_let = float(let_counts.get("000", np.nan))
    let_so_far = float((frame["summer_houses"] * rates).sum(skipna=True))
    remaining_houses = float(frame.loc[rates.isna(), "summer_houses"].sum())
    rest_rate = (national_let - let_so_far) / remaining_houses if remaining_houses > 0 else 0.0
    rates[rates.isna()] = max(rest_rate, 0.0)
    return rates
