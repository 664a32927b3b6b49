"""The :class:`FactsTable`: one year of overnights and capacity per municipality, month and type."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping

import numpy as np
import pandas as pd

from destinations.facts.constants import ACCOMMODATION_TYPES, MONTHS


@dataclass(frozen=True, eq=False)
class FactsTable:
    """Overnights and capacity of one year for all 98 municipalities.

    Attributes
    ----------
    year
        The calendar year.
    overnights
        Long frame: ``code`` (str), ``month`` (1..12), ``type`` (one of
        :data:`~destinations.facts.ACCOMMODATION_TYPES`), ``nationality`` (danish / foreign),
        ``value`` (float >= 0), ``kind`` (official / compiled / modelled).
    capacity
        Long frame: ``code``, ``month``, ``type``, ``bed_places`` (NaN where unknown), ``units``
        (holiday houses for rent: unknown locally, NaN), ``dwellings`` (StatBank BOL101
        holiday dwellings, holiday homes only), ``kind``, ``basis`` (the inputs of the figure,
        "" where unknown), ``figure_year``. Built from capacity counts only, never from the
        overnights (:mod:`destinations.facts.capacity`).
    model_version
        Version of the model that produced the modelled rows.
    sources
        Dataset name -> source text.
    notes
        The assumptions used for this year (modelled profiles, borrowed splits).
    fit
        Raking diagnostics: iterations, largest relative margin error, calibration factors used.
    national_capacity
        Eurostat bed places of the whole country per ``type`` and ``month`` (``bed_places``,
        ``kind`` "compiled"); ``None`` for tables built by hand.
    capacity_figures, capacity_notes
        Every local capacity count looked at (used or not, with the reason) and the rules applied.

    The frames belong to this object: :func:`~destinations.facts.load_facts` hands out a fresh copy
    per call, and every method returns a new frame, so callers may modify what they get.
    """

    year: int
    overnights: pd.DataFrame
    capacity: pd.DataFrame
    model_version: str
    sources: dict[str, str]
    notes: tuple[str, ...] = ()
    fit: Mapping[str, object] = field(default_factory=dict)
    national_capacity: pd.DataFrame | None = None
    capacity_figures: tuple = ()
    capacity_notes: tuple[str, ...] = ()

    # ------------------------------------------------------------------ helpers
    @property
    def codes(self) -> list[str]:
        """Municipality codes in table order."""
        return list(dict.fromkeys(self.overnights["code"]))

    def _select(self, frame: pd.DataFrame, codes: Iterable[str] | None) -> pd.DataFrame:
        if codes is None:
            return frame
        wanted = [str(c) for c in codes]
        unknown = sorted(set(wanted) - set(self.codes))
        if unknown:
            raise KeyError(f"unknown municipality codes {unknown}")
        return frame[frame["code"].isin(wanted)]

    # ------------------------------------------------------------------ overnights
    def overnights_by_month(self, codes: Iterable[str] | None = None, *,
                            types: Iterable[str] | None = None) -> pd.DataFrame:
        """Index ``code``, columns 1..12: overnights summed over nationalities and ``types``
        (default all types).

        Where guests stay in a month is also where accommodation is open: the honest signal for
        choosing overnight bases now that bed places are known for a few municipalities only.
        """
        wanted = self.codes if codes is None else [str(c) for c in codes]
        part = self._select(self.overnights, codes)
        if types is not None:
            chosen = [str(t) for t in types]
            unknown = sorted(set(chosen) - set(ACCOMMODATION_TYPES))
            if unknown:
                raise KeyError(f"unknown accommodation types {unknown}")
            part = part[part["type"].isin(chosen)]
        table = part.groupby(["code", "month"])["value"].sum().unstack("month")
        table = table.reindex(index=wanted, columns=list(MONTHS)).fillna(0.0)
        table.index.name = "code"
        table.columns.name = "month"
        return table

    def overnights_by_type_month(self, codes: Iterable[str] | None = None) -> pd.DataFrame:
        """Index ``type``, columns 1..12: overnights summed over the municipalities given."""
        part = self._select(self.overnights, codes)
        table = part.groupby(["type", "month"])["value"].sum().unstack("month")
        table = table.reindex(index=list(ACCOMMODATION_TYPES), columns=list(MONTHS)).fillna(0.0)
        table.index.name = "type"
        table.columns.name = "month"
        return table

    def annual(self) -> pd.Series:
        """``code`` -> annual overnights (all types and guests)."""
        series = self.overnights.groupby("code")["value"].sum().reindex(self.codes)
        series.index.name = "code"
        return series.rename("overnights")

    def annual_by_type(self) -> pd.DataFrame:
        """Index ``code``, columns types: annual overnights."""
        table = self.overnights.groupby(["code", "type"])["value"].sum().unstack("type")
        return table.reindex(index=self.codes, columns=list(ACCOMMODATION_TYPES)).fillna(0.0)

    def foreign_share(self) -> pd.Series:
        """``code`` -> foreign / total overnights (NaN where the total is 0)."""
        table = self.overnights.groupby(["code", "nationality"])["value"].sum().unstack()
        table = table.reindex(self.codes).fillna(0.0)
        total = table.sum(axis=1)
        foreign = table["foreign"] if "foreign" in table else pd.Series(0.0, index=table.index)
        share = (foreign / total.where(total > 0)).astype(float)
        share.index.name = "code"
        return share.rename("foreign_share")

    # ------------------------------------------------------------------ capacity
    def capacity_by_type(self) -> pd.DataFrame:
        """Index ``code``, columns types: bed places in the peak month (NaN where unknown)."""
        table = self.capacity.groupby(["code", "type"])["bed_places"].max().unstack("type")
        return table.reindex(index=self.codes, columns=list(ACCOMMODATION_TYPES))

    def capacity_by_month(self, codes: Iterable[str] | None = None) -> pd.DataFrame:
        """Index ``type``, columns 1..12: bed places summed over municipalities.

        NaN unless every municipality asked for has a figure: a partial sum would read as the
        scope's capacity. ``codes=None`` (the whole country) gives the national Eurostat figures
        where the table has them.
        """
        if codes is None and self.national_capacity is not None and len(self.national_capacity):
            table = self.national_capacity.pivot(index="type", columns="month", values="bed_places")
            table = table.reindex(index=list(ACCOMMODATION_TYPES), columns=list(MONTHS))
            table.index.name = "type"
            table.columns.name = "month"
            return table
        part = self._select(self.capacity, codes)
        size = part["code"].nunique()
        table = part.groupby(["type", "month"])["bed_places"].sum(min_count=size).unstack("month")
        table = table.reindex(index=list(ACCOMMODATION_TYPES), columns=list(MONTHS))
        table.index.name = "type"
        table.columns.name = "month"
        return table

    # ------------------------------------------------------------------ provenance
    def kind_of(self, code: str) -> str:
        """"official" if official figures replaced the model for every cell of ``code``, else
        "modelled"."""
        kinds = self.overnights.loc[self.overnights["code"] == str(code), "kind"]
        if kinds.empty:
            raise KeyError(f"unknown municipality code {code!r}")
        return "official" if bool((kinds == "official").all()) else "modelled"

    def kinds(self) -> pd.Series:
        """``code`` -> :meth:`kind_of` for every municipality."""
        official = self.overnights.groupby("code")["kind"].agg(lambda k: bool((k == "official").all()))
        return official.reindex(self.codes).map({True: "official", False: "modelled"}).rename("kind")

    def share_by_kind(self) -> dict[str, float]:
        """Share of the year's overnights per kind (official / compiled / modelled)."""
        total = float(self.overnights["value"].sum())
        by = self.overnights.groupby("kind")["value"].sum()
        return {kind: (float(by.get(kind, 0.0)) / total if total > 0 else float("nan"))
                for kind in ("official", "compiled", "modelled")}

    def copy(self) -> "FactsTable":
        """A copy whose frames and mappings share nothing with this one."""
        national = (None if self.national_capacity is None
                    else self.national_capacity.copy(deep=True))
        return FactsTable(year=self.year, overnights=self.overnights.copy(deep=True),
                          capacity=self.capacity.copy(deep=True), model_version=self.model_version,
                          sources=dict(self.sources), notes=tuple(self.notes),
                          fit=_deep_copy_mapping(self.fit), national_capacity=national,
                          capacity_figures=tuple(self.capacity_figures),
                          capacity_notes=tuple(self.capacity_notes))


def _deep_copy_mapping(mapping: Mapping[str, object]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in mapping.items():
        if isinstance(value, Mapping):
            out[key] = dict(value)
        elif isinstance(value, np.ndarray):
            out[key] = value.copy()
        else:
            out[key] = value
    return out
