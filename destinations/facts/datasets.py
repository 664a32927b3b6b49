"""One :class:`~destinations.model.DatasetInfo` per tourism file, for the data page and ``data status``."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pandas as pd

from destinations.data.geography import load_municipality_codes
from destinations.errors import DataError
from destinations.facts import sources as src
from destinations.facts.statbank import STATBANK_TABLES, official_files
from destinations.model import DatasetInfo, Kind
from destinations.settings import Settings

_EUROSTAT_LICENCE = "Eurostat reuse policy (CC BY 4.0)"
_DST_LICENCE = "Statistics Denmark open data (CC BY 4.0)"
_PRESS_LICENCE = "published figures quoted with their source (no licence on the numbers)"


def _span(years: pd.Series) -> str:
    years = pd.to_numeric(years, errors="coerce").dropna().astype(int)
    if years.empty:
        return "not stated"
    return f"{years.min()}-{years.max()}" if years.min() != years.max() else str(years.min())


def _describe(settings: Settings, codes: list[str]) -> list[tuple[str, str, Callable[[], pd.DataFrame],
                                                                  str, str, Kind, str, tuple[str, ...]]]:
    """(name, file, loader, source, licence, kind, coverage, caveats) per file."""
    return [
        ("National monthly overnights", src.NATIONAL_MONTHLY_FILE,
         lambda: src.load_national_monthly(settings),
         "Eurostat tour_occ_nim via github.com/cniq182/viral-tourism-resilience", _EUROSTAT_LICENCE,
         Kind.COMPILED, "Denmark; hotels, holiday centres & hostels, camping; Danish/foreign",
         ("excludes holiday homes and marinas",
          "Eurostat flags kept (b = break, e = estimated)")),
        ("Regional annual overnights (TURIST)", src.REGIONAL_ANNUAL_FILE,
         lambda: src.load_regional_annual(settings),
         "StatBank TURIST via github.com/Herover/shareviz", _DST_LICENCE, Kind.COMPILED,
         "5 regions; Danish/foreign split 2022-2023 only",
         ("all types except holiday homes (marinas included)",)),
        ("National overnights by guest nationality", src.NATIONALITY_FILE,
         lambda: src.load_national_by_nationality(settings),
         "StatBank TURIST export via github.com/amanda-amy-frost/tourists", _DST_LICENCE,
         Kind.COMPILED, "Denmark; 17 guest nationalities",
         ("no Danish guests and no total rows", "not used by the model")),
        ("Published national totals", src.NATIONAL_TOTALS_FILE,
         lambda: src.load_national_totals(settings),
         "DST Nyt and VisitDenmark pages (URL per row)", _PRESS_LICENCE, Kind.COMPILED,
         "Denmark (+ regional camping shares 2023, Nordjylland 2017)",
         ("rounded to 0.1 million as published", "scopes differ between rows (see scope column)")),
        ("Published municipality overnight figures", src.MUNICIPALITY_FIGURES_FILE,
         lambda: src.load_municipality_figures(settings),
         "press and DST Nyt pages (URL per row)", _PRESS_LICENCE, Kind.COMPILED,
         "about 16 municipalities, sparse years",
         ("2017 top-10 compiled by Turisme.nu", "used as model constraints and for validation")),
        ("National capacity", src.CAPACITY_FILE, lambda: src.load_capacity(settings),
         "Eurostat tour_cap_nat via github.com/cniq182/viral-tourism-resilience; DST Nyt",
         _EUROSTAT_LICENCE, Kind.COMPILED, "Denmark; bed places, bedrooms, establishments by type",
         ("national only: municipality capacity is modelled",
          "holiday-home capacity only as houses for rent 2017-2018")),
        ("Summer houses", src.SUMMER_HOUSES_FILE,
         lambda: src.load_summer_houses(settings, codes),
         "DST figures quoted by Ritzau, Pensionist.dk and Ekstra Bladet", _PRESS_LICENCE,
         Kind.COMPILED, "11 municipalities + national",
         ("Gribskov and the national stock only as approximate wording",)),
        ("Tourism economy figures", src.ECONOMY_FILE, lambda: src.load_tourism_economy(settings),
         "VisitDenmark via Ritzau, visitdenmark.dk, fritidsmarkedet.dk, standby.dk", _PRESS_LICENCE,
         Kind.COMPILED, "top-10 municipalities, regions, national",
         ("reference year of the municipality spending list not stated", "not used by the model")),
    ]


def datasets_info(settings: Settings) -> list[DatasetInfo]:
    """One row per tourism file (and per official StatBank file present).

    A file that fails to load is still listed, with ``rows=0`` and the error as its caveat, so the
    data page shows what is wrong instead of failing.
    """
    codes = load_municipality_codes(settings)["kommune_code"].tolist()
    out: list[DatasetInfo] = []
    for name, filename, loader, source, licence, kind, coverage, caveats in _describe(settings, codes):
        path = settings.facts_dir / filename
        try:
            frame = loader()
            rows = len(frame)
            years = _span(frame["year"]) if "year" in frame.columns else "not stated"
            notes = caveats
        except DataError as exc:
            rows, years, notes = 0, "", (f"cannot be loaded: {exc}",) + caveats
        out.append(DatasetInfo(name=name, path=str(path), source=source, licence=licence, kind=kind,
                               rows=rows, year=years, coverage=coverage, caveats=tuple(notes)))
    for path in official_files(settings):
        table = next(t for t in STATBANK_TABLES.values() if t.filename == Path(path).name)
        rows = sum(1 for _ in path.open("rb")) - 1
        out.append(DatasetInfo(
            name=f"StatBank {table.id}", path=str(path), source=f"Statistics Denmark, {table.title}",
            licence=_DST_LICENCE, kind=Kind.OFFICIAL, rows=max(rows, 0), year="see file",
            coverage=table.role.replace("_", " "),
            caveats=(table.note,) + (() if table.verified else ("table id not verified",))))
    return out
