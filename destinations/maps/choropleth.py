"""Municipality metrics for the national map's colour selector, with provenance and colour bins."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Mapping

import numpy as np

from destinations.data.base import BaseData
from destinations.data.population import POPULATION_YEAR
from destinations.i18n import Message, fmt_number, fmt_percent, fmt_significant, is_gap, localize

#: Sequential, colour-blind-safe (viridis, 7 steps, light to dark reversed so more = darker).
SEQUENTIAL = ("#fde725", "#a0da39", "#4ac16d", "#1fa187", "#277f8e", "#365c8d", "#46327e")
GAP_COLOUR = "#e0e0e0"


#: What a gap means, by metric: "unknown" unless the metric says otherwise.
GAP_TEXT = Message("unknown")


@dataclass(frozen=True)
class MunicipalityMetric:
    """One value per municipality (None = gap) with what it is and where it comes from.

    ``label_en`` and ``gap_en`` (what a gap means for this metric: "unknown", "not published")
    are English :class:`~destinations.i18n.Message` s, shown in the page's language by
    :meth:`label` and :meth:`gap`; modelled values are shown to 3 significant figures, others
    exactly.
    """

    key: str
    label_en: str
    unit: str
    values: Mapping[str, float | None]
    kind: str  # official | compiled | modelled
    source: str
    year: int | None
    percent: bool = False
    gap_en: str = GAP_TEXT

    @property
    def label_da(self) -> str:
        return localize(self.label_en, "da")

    def label(self, lang: str) -> str:
        return localize(self.label_en, lang)

    def gap(self, lang: str) -> str:
        return localize(self.gap_en, lang)

    def text(self, value: float | None, lang: str) -> str:
        """One value as people read it in ``lang`` (a gap as :meth:`gap`)."""
        if value is None or is_gap(value):
            return self.gap(lang)
        if self.percent:
            return fmt_percent(value, lang, digits=1)
        if self.kind == "modelled":
            return fmt_significant(value, lang) if value else fmt_number(0, lang)
        return fmt_number(value, lang)

    def formatted(self, code: str, lang: str) -> str:
        return self.text(self.values.get(code), lang)

    @property
    def gaps(self) -> int:
        return sum(v is None or is_gap(v) for v in self.values.values())


@dataclass(frozen=True)
class Bins:
    edges: tuple[float, ...]  # len(colours) + 1 edges
    colours: tuple[str, ...]

    def colour(self, value: float | None) -> str:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return GAP_COLOUR
        for index in range(len(self.colours)):
            if value <= self.edges[index + 1]:
                return self.colours[index]
        return self.colours[-1]


def quantile_bins(values: Mapping[str, float | None], *, n: int = 7) -> Bins:
    """Quantile class breaks over the known values (gaps excluded); fewer classes if few values."""
    known = np.array([v for v in values.values() if v is not None and not math.isnan(v)], dtype=float)
    if known.size == 0:
        return Bins(edges=(0.0, 0.0), colours=(GAP_COLOUR,))
    classes = max(1, min(n, len(np.unique(known))))
    edges = np.unique(np.quantile(known, np.linspace(0, 1, classes + 1)))
    if edges.size < 2:
        edges = np.array([known.min(), known.max()])
    colours = _spread(len(edges) - 1)
    return Bins(edges=tuple(float(e) for e in edges), colours=colours)


def _spread(count: int) -> tuple[str, ...]:
    if count >= len(SEQUENTIAL):
        return SEQUENTIAL
    picks = np.linspace(0, len(SEQUENTIAL) - 1, count).round().astype(int)
    return tuple(SEQUENTIAL[i] for i in picks)


def _facts_metric(base: BaseData, year: int, key: str) -> MunicipalityMetric:
    from destinations.facts import MODEL_VERSION, load_facts

    facts = load_facts(base, year)
    kinds = {facts.kind_of(code) for code in base.codes}
    kind = "official" if kinds == {"official"} else "modelled"
    source = (f"Statistics Denmark StatBank ({year})" if kind == "official" else
              f"{MODEL_VERSION}: raking to Eurostat and StatBank TURIST margins "
              f"(docs/facts-model.md)")
    if key == "overnights":
        values = facts.annual()
        return MunicipalityMetric(key, Message("Overnight stays {year}", year=str(year)), "stays",
                                  _clean(values), kind, source, year)
    if key == "foreign_share":
        values = facts.foreign_share()
        return MunicipalityMetric(key, Message("Foreign share of overnights {year}", year=str(year)), "",
                                  _clean(values), kind, source, year, percent=True)
    if key == "intensity":
        values = facts.annual() / base.population.astype(float) * 1000
        return MunicipalityMetric(key, Message("Overnights per 1,000 residents {year}", year=str(year)),
                                  "per 1,000",
                                  _clean(values), kind, source + f"; population FOLK1A {POPULATION_YEAR}",
                                  year)
    raise KeyError(key)


def _summer_houses(base: BaseData, year: int) -> MunicipalityMetric:
    from destinations.facts import summer_houses_known

    values = summer_houses_known(base)
    return MunicipalityMetric(
        "summer_houses", Message("Summer houses (only where a count was published)"), "houses",
        _clean(values), "compiled",
        "Statistics Denmark as reported by Ritzau / Ekstra Bladet (summer_houses_by_municipality.csv)",
        None, gap_en=Message("not published"))


def _holiday_dwellings(base: BaseData, year: int) -> MunicipalityMetric:
    """StatBank BOL101 holiday dwellings: the one local capacity figure known for all 98
    municipalities (official; a stock of dwellings, not bed places or houses for rent)."""
    from destinations.facts import load_facts

    capacity = load_facts(base, year).capacity
    rows = capacity[(capacity["type"] == "holiday_home") & (capacity["month"] == 1)]
    values = rows.set_index("code")["dwellings"].reindex(list(base.codes))
    years = rows.loc[rows["dwellings"].notna(), "figure_year"].dropna()
    as_of = int(years.iloc[0]) if len(years) else None
    return MunicipalityMetric(
        "holiday_dwellings",
        Message("Holiday dwellings, 1 January {year}", year=str(as_of)) if as_of
        else Message("Holiday dwellings"), "dwellings",
        _clean(values), "official",
        "Statistics Denmark, StatBank BOL101 (capacity_by_municipality.csv): dwellings with nobody "
        "registered as living there; how many are let, and their bed places, are unknown locally",
        as_of)


def _clean(series) -> dict[str, float | None]:
    return {str(code): (None if is_gap(value) else float(value)) for code, value in series.items()}


#: The map's colour-by options (besides the destination company itself).
MAP_METRICS: dict[str, Callable[[BaseData, int], MunicipalityMetric]] = {
    "overnights": lambda base, year: _facts_metric(base, year, "overnights"),
    "foreign_share": lambda base, year: _facts_metric(base, year, "foreign_share"),
    "intensity": lambda base, year: _facts_metric(base, year, "intensity"),
    "holiday_dwellings": _holiday_dwellings,
    "summer_houses": _summer_houses,
}


def municipality_metric(base: BaseData, key: str, year: int) -> MunicipalityMetric:
    if key not in MAP_METRICS:
        raise KeyError(f"unknown map metric {key!r}; known: {sorted(MAP_METRICS)}")
    return MAP_METRICS[key](base, year)
