"""One :class:`~destinations.model.DatasetInfo` per tourism file, for the data page and ``data status``."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pandas as pd

from destinations.data.geography import load_municipality_codes
from destinations.data.manifest import dataset_info
from destinations.errors import DataError
from destinations.i18n import Message
from destinations.facts import sources as src
from destinations.facts.statbank import STATBANK_TABLES, official_files
from destinations.model import DatasetInfo, Kind
from destinations.settings import Settings

_DST_LICENCE = "Statistics Denmark open data (CC BY 4.0)"


def _span(years: pd.Series) -> str:
    years = pd.to_numeric(years, errors="coerce").dropna().astype(int)
    if years.empty:
        return "not stated"
    return f"{years.min()}-{years.max()}" if years.min() != years.max() else str(years.min())


def _describe(settings: Settings, codes: list[str]) -> list[tuple[str, Callable[[], pd.DataFrame], str,
                                                                  tuple[str, ...]]]:
    """(file, loader, coverage, caveats) per tourism file; title, source, licence, kind and year
    come from the manifest."""
    return [
        (src.NATIONAL_MONTHLY_FILE, lambda: src.load_national_monthly(settings),
         Message("Denmark; hotels, holiday centres & hostels, camping; Danish/foreign"), ()),
        (src.REGIONAL_ANNUAL_FILE, lambda: src.load_regional_annual(settings),
         Message("5 regions; Danish/foreign split 2022-2023 only"), ()),
        (src.NATIONALITY_FILE, lambda: src.load_national_by_nationality(settings),
         Message("Denmark; 17 guest nationalities"), (Message("not used by the model"),)),
        (src.NATIONAL_TOTALS_FILE, lambda: src.load_national_totals(settings),
         Message("Denmark (+ regional camping shares 2023, Nordjylland 2017)"), ()),
        (src.MUNICIPALITY_FIGURES_FILE, lambda: src.load_municipality_figures(settings),
         Message("about 16 municipalities, sparse years"), (Message("2017 top ten compiled by Turisme.nu"),)),
        (src.CAPACITY_FILE, lambda: src.load_capacity(settings),
         Message("Denmark; bed places, bedrooms, establishments by type"),
         (Message("national only: used for national capacity and national ratios (bed places per "
                  "bedroom, per campsite); never shared out by demand"),)),
        (src.MUNICIPAL_CAPACITY_FILE, lambda: src.load_municipal_capacity(settings, codes),
         Message("BOL101 holiday dwellings for all 98 municipalities (2025, 2026); hotel rooms for "
                 "København and Aarhus; campsites for Kerteminde; other scattered counts"),
         (Message("which rows may stand for a municipality, and why the others do not: "
                  "docs/facts-model.md section 7"),)),
        (src.SUMMER_HOUSES_FILE, lambda: src.load_summer_houses(settings, codes),
         Message("11 municipalities + national"), ()),
        (src.ECONOMY_FILE, lambda: src.load_tourism_economy(settings),
         Message("top-10 municipalities, regions, national"), ()),
    ]


def datasets_info(settings: Settings, *, strict: bool = False) -> list[DatasetInfo]:
    """One row per tourism file (and per official StatBank file present).

    A file that fails to load is still listed, with ``rows=0`` and the error as its caveat, so the
    data page shows what is wrong instead of failing; ``strict=True`` (``destinations data
    status``) raises that :class:`DataError` instead.
    """
    codes = load_municipality_codes(settings)["kommune_code"].tolist()
    out: list[DatasetInfo] = []
    for filename, loader, coverage, caveats in _describe(settings, codes):
        try:
            frame = loader()
            rows = len(frame)
            years = _span(frame["year"]) if "year" in frame.columns else None
            notes = caveats
        except DataError as exc:
            if strict:
                raise
            rows, years, notes = 0, None, (Message("cannot be loaded: {error}", error=str(exc)),) + caveats
        out.append(dataset_info(settings, filename, rows=rows, coverage=coverage, caveats=notes,
                                year=years))
    for path in official_files(settings):
        table = next(t for t in STATBANK_TABLES.values() if t.filename == Path(path).name)
        rows = sum(1 for _ in path.open("rb")) - 1
        out.append(DatasetInfo(
            name=f"StatBank {table.id}", path=Message("user download: {file}", file=path.name),
            source=f"Statistics Denmark, {table.title}",
            licence=_DST_LICENCE, kind=Kind.OFFICIAL, rows=max(rows, 0), year=Message("see file"),
            coverage=table.role.replace("_", " "),
            caveats=(table.note,) + (() if table.verified else (Message("table id not verified"),))))
    return out
