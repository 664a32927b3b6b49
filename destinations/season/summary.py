"""JSON payload of ``destinations season summary`` (the CLI wires the arguments to this function).

``destinations season summary --company NAME --year 2019 --json`` (also ``--municipality CODE``,
``--national``) prints :func:`season_summary`'s dict.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from destinations.season.capacity import capacity_view
from destinations.errors import DataError, ScenarioError
from destinations.facts.constants import ACCOMMODATION_TYPES
from destinations.season.seasonality import (
    OFF_SEASON,
    PEAK_QUARTER,
    Curve,
    FactsCube,
    company_curve,
    member_complementarity,
    municipality_curve,
    national_curve,
)


def _number(value: float | None, digits: int | None = None) -> float | None:
    """JSON-safe: NaN/None -> None; optionally rounded."""
    if value is None:
        return None
    value = float(value)
    if math.isnan(value):
        return None
    return round(value, digits) if digits is not None else value


def apportion(values: np.ndarray, total: float) -> list[float]:
    """Whole numbers proportional to ``values`` that add up exactly to ``total`` (an integer).

    Largest-remainder (Hamilton) rounding: the monthly figures of the summary then add up to the
    annual figure ``facts summary`` prints, which is rounded per municipality.
    """
    values = np.asarray(values, dtype=float)
    target = int(round(total))
    whole = values.sum()
    if not np.isfinite(whole) or whole <= 0 or target <= 0:
        return [float(v) if np.isfinite(v) else math.nan for v in values]
    exact = values / whole * target
    floors = np.floor(exact)
    left = int(target - floors.sum())
    order = np.argsort(-(exact - floors), kind="stable")
    floors[order[:left]] += 1
    return [float(v) for v in floors]


def _resolve_company(base, scenario, company: str) -> str:
    from destinations.season.profile import resolve_company

    return resolve_company(scenario, company)


def _check_year(base, year: int) -> int:
    from destinations.facts import available_years

    years = available_years(base)
    try:
        year = int(year)
    except (TypeError, ValueError):
        raise DataError("season summary", f"year {year!r} is not a number",
                        f"choose one of the years {', '.join(map(str, years))}") from None
    if year not in years:
        raise DataError("season summary", f"no tourism data for {year}",
                        f"choose one of the years {', '.join(map(str, years))}")
    return year


def season_summary(base, *, year: int, company: str | None = None,
                   municipality: str | None = None, national: bool = False,
                   scenario=None) -> dict[str, Any]:
    """Seasonality and capacity of one company, municipality or the nation in ``year``.

    Give exactly one of ``company`` (id or name, today's companies unless ``scenario`` is given),
    ``municipality`` (kommune code) or ``national=True``.

    Returns
    -------
    dict
        ``year``; ``scope`` ("company" / "municipality" / "national"); ``key`` (company id, code,
        "DK"); ``name``; ``members`` (codes); ``units`` ("overnight stays");
        ``months`` (12 whole numbers, January first, adding up exactly to ``annual``);
        ``annual`` (the figure ``facts summary`` gives: ``national_overnights``, a municipality's
        ``overnights``, or the sum of the members' ``overnights``);
        ``months_by_type`` {type: 12 numbers}; ``danish_months`` / ``foreign_months`` (12 each);
        ``foreign_share``; ``gini``, ``peak_mean_ratio``, ``peak_quarter_share``,
        ``offseason_share`` (October-April), ``entropy``, ``relative_redundancy``, ``peak_month``;
        ``complementarity`` (company only: members' weighted Gini minus the company's);
        ``capacity_by_month`` (12 bed-place figures of the covered part - per type, the members
        with a bed-place figure - seasonal closures included; null where unknown);
        ``capacity_types`` (types with bed places for some member); ``capacity_coverage`` (share
        of overnights in the covered part); ``capacity_coverage_by_type``;
        ``capacity_members`` {type: member codes with a figure}; ``capacity_basis`` (the inputs
        of every capacity figure used; capacity never comes from the overnights);
        ``occupancy_by_month`` (net bed-place occupancy in percent of the covered part; null where
        unknown);
        ``occupancy_by_type`` {type: 12 numbers or nulls}; ``kind`` (of the overnights),
        ``capacity_kind``, ``occupancy_kind``; ``definitions``; ``coverage_notes``; ``sources``;
        ``notes``; ``model_version``.

    Raises
    ------
    DataError
        A year without data or an unknown municipality (the message lists what is available).
    ScenarioError
        An unknown company (the message lists the companies) or not exactly one scope.
    """
    from destinations.facts import facts_summary, load_facts
    from destinations.scenarios.scenario import Scenario

    chosen = [company is not None, municipality is not None, bool(national)]
    if sum(chosen) != 1:
        raise ScenarioError("Give exactly one of --company NAME, --municipality CODE or "
                            "--national.")
    year = _check_year(base, year)
    facts = load_facts(base, year)
    cube = FactsCube.from_facts(facts)
    summary = facts_summary(base, year)
    complement = None
    if company is not None:
        plan = scenario if scenario is not None else Scenario.from_base(base)
        company_id = _resolve_company(base, plan, company)
        curve: Curve = company_curve(cube, plan, company_id)
        annual = sum(summary["municipalities"][c]["overnights"] for c in curve.codes)
        complement = _number(member_complementarity(cube, curve.codes))
    elif municipality is not None:
        curve = municipality_curve(cube, base, str(municipality))
        annual = summary["municipalities"][curve.key]["overnights"]
    else:
        curve = national_curve(cube)
        annual = summary["national_overnights"]

    view = capacity_view(curve)
    idx = curve.indices
    capacity = [_number(v, 1) for v in view.capacity]
    occupancy_kind = view.kind.value
    return {
        "year": year,
        "scope": curve.scope,
        "key": curve.key,
        "name": curve.name,
        "members": list(curve.codes),
        "units": "overnight stays",
        "months": apportion(curve.total, annual),
        "annual": float(annual),
        "months_by_type": {t: [_number(v, 1) for v in curve.by_type[i]]
                           for i, t in enumerate(ACCOMMODATION_TYPES)},
        "danish_months": [_number(v, 1) for v in curve.by_nationality[0]],
        "foreign_months": [_number(v, 1) for v in curve.by_nationality[1]],
        "foreign_share": _number(curve.foreign_share, 4),
        "gini": _number(idx.gini, 4),
        "peak_mean_ratio": _number(idx.peak_mean_ratio, 4),
        "peak_quarter_share": _number(idx.peak_quarter_share, 4),
        "offseason_share": _number(idx.offseason_share, 4),
        "entropy": _number(idx.entropy, 4),
        "relative_redundancy": _number(idx.relative_redundancy, 4),
        "peak_month": idx.peak_month,
        "complementarity": complement,
        "capacity_by_month": capacity,
        "capacity_types": list(view.covered_types),
        "capacity_coverage": _number(view.coverage_share, 4),
        "capacity_coverage_by_type": {t: _number(v, 4) for t, v in
                                      zip(ACCOMMODATION_TYPES, view.coverage_by_type)},
        "capacity_members": {t: list(codes) for t, codes in
                             zip(ACCOMMODATION_TYPES, view.capacity_codes) if codes},
        "capacity_basis": list(curve.capacity_basis),
        "occupancy_by_month": [_number(v, 2) for v in view.occupancy],
        "occupancy_by_type": {t: [_number(v, 2) for v in view.occupancy_by_type[i]]
                              for i, t in enumerate(ACCOMMODATION_TYPES)},
        "kind": curve.kind.value,
        "capacity_kind": curve.capacity_kind.value,
        "occupancy_kind": occupancy_kind,
        "definitions": {
            "gini": "Gini of the 12 monthly shares, 0 flat ... 0.917 one month "
                    "(Ferrante et al. 2018)",
            "peak_mean_ratio": "busiest month / mean month",
            "peak_quarter_share": f"share of overnights in months {list(PEAK_QUARTER)}",
            "offseason_share": f"share of overnights in months {list(OFF_SEASON)}",
            "entropy": "-sum s ln s of the monthly shares; relative_redundancy = 1 - H / ln 12",
            "capacity_by_month": "bed places open in the month (seasonal closures included) of "
                                 "the members with a bed-place figure, per capacity type",
            "occupancy_by_month": "net bed-place occupancy: overnights / (bed places x days) x 100 "
                                  "of the same members and types (never capacity derived from "
                                  "these overnights)",
        },
        "coverage_notes": list(view.notes),
        "sources": dict(facts.sources),
        "notes": list(facts.notes),
        "model_version": facts.model_version,
    }
