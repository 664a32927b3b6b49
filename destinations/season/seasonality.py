"""Seasonality of overnight stays: indices of a 12-month curve, curves per place, heatmap, markets.

Indices (formulas in ``docs/field-notes.md`` section 3b; one formula in one place):

* **Gini of the 12 months** ``G = (2/12) sum_i i s_(i) - 13/12`` on monthly shares sorted ascending
  (Ferrante, Lo Magno & De Cantis 2018): 0 = flat, 11/12 = everything in one month. Imported from
  :func:`destinations.scenarios.metrics.seasonality_gini`.
* **Peak / mean** ``max_m N_m / mean_m N_m`` (1 = flat, 12 = one month) and **peak-quarter share**
  ``(N_Jun + N_Jul + N_Aug) / sum N``: the scenario metrics' own functions
  (:func:`destinations.scenarios.metrics.peak_mean_ratio`, :func:`destinations.scenarios.metrics.peak_quarter_share`),
  called on a one-row evaluation context so the figures here and in the scenario tables can never
  drift apart.
* **Off-season share** ``sum_{Oct..Apr} N_m / sum N`` (seven months; ours, the DMO's "low season").
* **Entropy** ``H = -sum_m s_m ln s_m`` (0 ln 0 = 0) and **relative redundancy**
  ``RR = 1 - H / ln 12`` (Rossello & Sanso 2017): RR 0 = flat, 1 = one month.
* **Merger complementarity** ``dG`` of a company: :func:`destinations.scenarios.metrics.complementarity`.

Curves: :class:`FactsCube` turns a :class:`~destinations.facts.FactsTable` into one array
(municipality x type x nationality x month) so that the curve of any set of municipalities - one
municipality, a company of any scenario, the nation - is one sum. A :class:`Curve` keeps its
overnights by type and by nationality and the bed places of its accommodation types, with the kind
of the figures: ``official`` only where every cell of every member is official, else ``modelled``.

All functions are pure; NaN marks a gap (a missing month makes every index NaN, never 0).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from destinations.scenarios import metrics
from destinations.errors import DataError, ScenarioError
from destinations.i18n import N_, Message
from destinations.facts.constants import ACCOMMODATION_TYPES, NATIONALITIES
from destinations.model import Kind, Provenance

MONTHS = tuple(range(1, 13))
#: The low season of the off-season share: October to April (seven months).
OFF_SEASON = (10, 11, 12, 1, 2, 3, 4)
#: June, July, August (the scenario metrics' constant).
PEAK_QUARTER = metrics.PEAK_QUARTER
#: Source text of the modelled figures (short, for captions; full list in ``FactsTable.sources``).
MODEL_SOURCE = N_("Eurostat tour_occ_nim, StatBank TURIST, DST Nyt; distributed to municipalities by "
                  "{model} (docs/facts-model.md)")
OFFICIAL_SOURCE = "Statistics Denmark StatBank (municipality tables)"


# ---------------------------------------------------------------------------------------------
# Indices of one 12-month curve
# ---------------------------------------------------------------------------------------------
def _curve(values: Sequence[float]) -> np.ndarray:
    array = np.asarray(values, dtype=float)
    if array.shape != (12,):
        raise ValueError(f"a seasonal curve has 12 monthly values, got shape {array.shape}")
    return array


def _usable(curve: np.ndarray) -> bool:
    total = curve.sum()
    return bool(np.isfinite(total) and total > 0 and np.all(curve >= 0))


def _one_row_context(curve: np.ndarray) -> metrics.EvaluationContext:
    """A one-municipality evaluation context holding ``curve`` (to call the metric functions)."""
    return metrics.EvaluationContext.from_inputs(
        ["curve"], overnights={"curve": float(curve.sum())}, monthly={"curve": curve})


_ONE = np.array([0])


def gini(values: Sequence[float]) -> float:
    """Seasonality Gini of 12 months: 0 flat ... 11/12 a single month (NaN on gaps)."""
    curve = _curve(values)
    return metrics.seasonality_gini(curve) if _usable(curve) else math.nan


def peak_mean_ratio(values: Sequence[float]) -> float:
    """Busiest month / mean month: 1 flat ... 12 a single month (NaN on gaps)."""
    curve = _curve(values)
    return metrics.peak_mean_ratio(_one_row_context(curve), _ONE) if _usable(curve) else math.nan


def peak_quarter_share(values: Sequence[float]) -> float:
    """Share of the year's stays in June-August (NaN on gaps)."""
    curve = _curve(values)
    return metrics.peak_quarter_share(_one_row_context(curve), _ONE) if _usable(curve) else math.nan


def offseason_share(values: Sequence[float], months: Iterable[int] = OFF_SEASON) -> float:
    """Share of the year's stays in ``months`` (default October-April; NaN on gaps)."""
    curve = _curve(values)
    if not _usable(curve):
        return math.nan
    return float(curve[[m - 1 for m in months]].sum() / curve.sum())


def entropy(values: Sequence[float]) -> float:
    """``-sum s ln s`` of the monthly shares (nats): ln 12 flat ... 0 a single month."""
    curve = _curve(values)
    if not _usable(curve):
        return math.nan
    shares = curve / curve.sum()
    positive = shares[shares > 0]
    return float(-np.sum(positive * np.log(positive)))


def relative_redundancy(values: Sequence[float]) -> float:
    """``1 - H / ln 12``: 0 flat ... 1 a single month (NaN on gaps)."""
    h = entropy(values)
    return math.nan if math.isnan(h) else float(1.0 - h / math.log(12))


def peak_month(values: Sequence[float]) -> int | None:
    """The busiest month (1-12; the first one on ties), None on gaps."""
    curve = _curve(values)
    return int(np.argmax(curve)) + 1 if _usable(curve) else None


@dataclass(frozen=True)
class SeasonalityIndices:
    """Every index of one curve (NaN = gap)."""

    total: float
    gini: float
    peak_mean_ratio: float
    peak_quarter_share: float
    offseason_share: float
    entropy: float
    relative_redundancy: float
    peak_month: int | None

    def to_dict(self) -> dict[str, float | int | None]:
        """JSON-ready (NaN becomes None)."""
        out: dict[str, float | int | None] = {}
        for key, value in self.__dict__.items():
            out[key] = None if isinstance(value, float) and math.isnan(value) else value
        return out


#: Index keys in display order (the fields of :class:`SeasonalityIndices` but the total).
INDEX_KEYS = ("gini", "peak_mean_ratio", "peak_quarter_share", "offseason_share", "entropy",
              "relative_redundancy", "peak_month")


def seasonality_indices(values: Sequence[float]) -> SeasonalityIndices:
    """All indices of a 12-month curve."""
    curve = _curve(values)
    return SeasonalityIndices(
        total=float(curve.sum()),
        gini=gini(curve),
        peak_mean_ratio=peak_mean_ratio(curve),
        peak_quarter_share=peak_quarter_share(curve),
        offseason_share=offseason_share(curve),
        entropy=entropy(curve),
        relative_redundancy=relative_redundancy(curve),
        peak_month=peak_month(curve),
    )


def complementarity(member_curves: np.ndarray) -> float:
    """Merger complementarity ``dG`` of members' ``(k, 12)`` curves (> 0: the whole is less
    seasonal than its members on average); :func:`destinations.scenarios.metrics.complementarity`."""
    rows = np.asarray(member_curves, dtype=float).reshape(-1, 12)
    keys = [str(i) for i in range(len(rows))]
    ctx = metrics.EvaluationContext.from_inputs(
        keys, overnights={k: float(r.sum()) for k, r in zip(keys, rows)},
        monthly={k: r for k, r in zip(keys, rows)})
    return metrics.complementarity(ctx, np.arange(len(rows)))


# ---------------------------------------------------------------------------------------------
# The facts as one array
# ---------------------------------------------------------------------------------------------
def _read_only(array: np.ndarray) -> np.ndarray:
    array = np.array(array, dtype=float)
    array.setflags(write=False)
    return array


@dataclass(frozen=True, eq=False)
class FactsCube:
    """One year of facts as arrays (read-only).

    Attributes
    ----------
    year, codes
        The year and the municipality codes (row order).
    overnights
        ``(n, types, nationalities, 12)`` overnight stays (NaN = gap).
    bed_places, units
        ``(n, types, 12)`` bed places per month (seasonal closures included) and holiday houses for
        rent (NaN where the data has no figure).
    official
        ``(n,)`` True where every overnight cell of the municipality is official.
    capacity_official
        ``(n,)`` True where every capacity row of the municipality is official.
    model_version, sources, notes
        From the facts table.
    national_bed_places
        ``(types, 12)`` Eurostat bed places of the whole country (NaN where none), or ``None``.
    capacity_basis
        ``{(code, type): inputs}`` of every municipal capacity figure; ``capacity_notes``: the
        capacity rules applied (:attr:`destinations.facts.FactsTable.capacity_notes`).
    """

    year: int
    codes: tuple[str, ...]
    overnights: np.ndarray
    bed_places: np.ndarray
    units: np.ndarray
    official: np.ndarray
    capacity_official: np.ndarray
    model_version: str
    sources: Mapping[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    national_bed_places: np.ndarray | None = None
    capacity_basis: Mapping[tuple[str, str], str] = field(default_factory=dict)
    capacity_notes: tuple[str, ...] = ()
    index: Mapping[str, int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", {code: i for i, code in enumerate(self.codes)})

    @classmethod
    def from_facts(cls, facts) -> "FactsCube":
        """Build from a :class:`~destinations.facts.FactsTable`."""
        codes = tuple(facts.codes)
        over = facts.overnights
        full = pd.MultiIndex.from_product([codes, ACCOMMODATION_TYPES, NATIONALITIES, MONTHS],
                                          names=["code", "type", "nationality", "month"])
        values = (over.groupby(["code", "type", "nationality", "month"])["value"]
                  .sum(min_count=1).reindex(full))
        cube = values.to_numpy(dtype=float).reshape(len(codes), len(ACCOMMODATION_TYPES),
                                                    len(NATIONALITIES), 12)
        official = over.groupby("code")["kind"].agg(lambda k: bool((k == "official").all()))
        cap = facts.capacity
        cap_index = pd.MultiIndex.from_product([codes, ACCOMMODATION_TYPES, MONTHS],
                                               names=["code", "type", "month"])
        keyed = cap.set_index(["code", "type", "month"])
        beds = keyed["bed_places"].reindex(cap_index).to_numpy(dtype=float)
        units = keyed["units"].reindex(cap_index).to_numpy(dtype=float)
        cap_official = cap.groupby("code")["kind"].agg(lambda k: bool((k == "official").all()))
        shape = (len(codes), len(ACCOMMODATION_TYPES), 12)
        national = None
        if getattr(facts, "national_capacity", None) is not None:
            national = _read_only(facts.capacity_by_month().to_numpy(dtype=float))
        basis = {}
        if "basis" in cap.columns:
            rows = cap[(cap["month"] == 1) & (cap["basis"].fillna("") != "")]
            basis = {(str(c), str(t)): str(b) for c, t, b in zip(rows["code"], rows["type"],
                                                                rows["basis"])}
        return cls(
            year=int(facts.year), codes=codes, overnights=_read_only(cube),
            bed_places=_read_only(beds.reshape(shape)), units=_read_only(units.reshape(shape)),
            official=np.array([bool(official.get(c, False)) for c in codes]),
            capacity_official=np.array([bool(cap_official.get(c, False)) for c in codes]),
            model_version=str(facts.model_version), sources=dict(facts.sources),
            notes=tuple(facts.notes), national_bed_places=national, capacity_basis=basis,
            capacity_notes=tuple(getattr(facts, "capacity_notes", ())))

    def positions(self, codes: Iterable[str]) -> np.ndarray:
        """Row positions of ``codes``; an unknown code raises :class:`DataError` listing a few."""
        wanted = [str(c) for c in codes]
        unknown = [c for c in wanted if c not in self.index]
        if unknown:
            raise DataError("tourism facts", f"unknown municipality codes {unknown}",
                            f"use official kommune codes such as {', '.join(self.codes[:5])}")
        return np.array([self.index[c] for c in wanted], dtype=int)


# ---------------------------------------------------------------------------------------------
# Curves
# ---------------------------------------------------------------------------------------------
def _strict_sum(array: np.ndarray) -> np.ndarray:
    """Sum over axis 0 where a single NaN member makes the cell NaN (a gap stays a gap)."""
    if array.shape[0] == 0:
        return np.full(array.shape[1:], np.nan)
    return array.sum(axis=0)


@dataclass(frozen=True, eq=False)
class Curve:
    """The seasonal curve of a set of municipalities in one year.

    Attributes
    ----------
    scope
        ``"national"``, ``"company"``, ``"municipality"`` or ``"group"`` (e.g. unaffiliated).
    key, name
        Identifier (municipality code, company id, ``"DK"``) and display name.
    year, codes
        The year and the member municipality codes.
    by_type
        ``(types, 12)`` overnights per accommodation type (order :data:`ACCOMMODATION_TYPES`).
    by_nationality
        ``(2, 12)`` overnights of Danish and foreign guests.
    bed_places, units
        ``(types, 12)`` bed places per month and holiday houses for rent of the whole scope: NaN
        unless every member has a figure (a gap stays a gap).
    kind, capacity_kind
        Kind of the overnights and of the capacity figures.
    model_version
        The facts model that produced modelled figures.
    known_bed_places
        ``(types, 12)`` bed places of the members that have a figure (NaN where none has):
        capacity is published for a few municipalities only, so a scope's shortage and headroom
        can be read on that part. ``None``: the same as ``bed_places``.
    known_share
        ``(types, 12)`` share of the scope's overnights of the type in those members (what the
        known bed places are compared with). ``None``: 1 where ``bed_places`` is known, else 0.
    capacity_codes
        Per type (order :data:`ACCOMMODATION_TYPES`), the members with a bed-place figure.
    capacity_basis
        One line per member figure: "<code> <type>: <inputs>".

    Arrays are read-only: a what-if returns new curves and cannot change this one.
    """

    scope: str
    key: str
    name: str
    year: int
    codes: tuple[str, ...]
    by_type: np.ndarray
    by_nationality: np.ndarray
    bed_places: np.ndarray
    units: np.ndarray
    kind: Kind
    capacity_kind: Kind
    model_version: str = ""
    note: str = ""
    known_bed_places: np.ndarray | None = None
    known_share: np.ndarray | None = None
    capacity_codes: tuple[tuple[str, ...], ...] = ()
    capacity_basis: tuple[str, ...] = ()

    @property
    def covered_bed_places(self) -> np.ndarray:
        """``(types, 12)`` bed places of the members with a figure (see ``known_bed_places``)."""
        return self.bed_places if self.known_bed_places is None else self.known_bed_places

    @property
    def covered_share(self) -> np.ndarray:
        """``(types, 12)`` share of each type's overnights held by members with a figure."""
        if self.known_share is not None:
            return self.known_share
        return np.where(np.isfinite(self.bed_places), 1.0, 0.0)

    @property
    def total(self) -> np.ndarray:
        """``(12,)`` overnights per month, all types and guests."""
        return self.by_type.sum(axis=0)

    @property
    def annual(self) -> float:
        return float(self.total.sum())

    @cached_property
    def indices(self) -> SeasonalityIndices:
        return seasonality_indices(self.total)

    @property
    def foreign_share(self) -> float:
        total = self.by_nationality.sum()
        return float(self.by_nationality[1].sum() / total) if total > 0 else math.nan

    @property
    def provenance(self) -> Provenance:
        """Where the overnights come from (for captions)."""
        source = (OFFICIAL_SOURCE if self.kind is Kind.OFFICIAL
                  else Message(MODEL_SOURCE, model=self.model_version or Message("the facts model")))
        return Provenance(source=source, year=self.year, kind=self.kind)

    def type_frame(self) -> pd.DataFrame:
        """Long frame ``month``, ``type``, ``overnights``."""
        rows = [{"month": m, "type": t, "overnights": float(self.by_type[i, m - 1])}
                for i, t in enumerate(ACCOMMODATION_TYPES) for m in MONTHS]
        return pd.DataFrame(rows)

    def month_frame(self) -> pd.DataFrame:
        """One row per month: ``month``, one column per type, ``danish``, ``foreign``, ``total``."""
        frame = pd.DataFrame(self.by_type.T, columns=list(ACCOMMODATION_TYPES))
        frame.insert(0, "month", list(MONTHS))
        frame["danish"] = self.by_nationality[0]
        frame["foreign"] = self.by_nationality[1]
        frame["total"] = self.total
        return frame

    def with_demand(self, by_type: np.ndarray, by_nationality: np.ndarray, *,
                    note: str) -> "Curve":
        """A new curve with other overnights (same members and capacity): what-ifs."""
        return Curve(scope=self.scope, key=self.key, name=self.name, year=self.year,
                     codes=self.codes, by_type=_read_only(by_type),
                     by_nationality=_read_only(by_nationality), bed_places=self.bed_places,
                     units=self.units, kind=Kind.MODELLED, capacity_kind=self.capacity_kind,
                     model_version=self.model_version, note=note,
                     known_bed_places=self.known_bed_places,
                     # Assumption of a what-if: it changes every member's demand alike, so the
                     # share held by members with a capacity figure stays the same.
                     known_share=self.known_share, capacity_codes=self.capacity_codes,
                     capacity_basis=self.capacity_basis)


def curve_of(cube: FactsCube, codes: Iterable[str], *, scope: str, key: str, name: str) -> Curve:
    """The curve of ``codes`` (summed; a member's gap makes the month a gap)."""
    codes = tuple(str(c) for c in codes)
    rows = cube.positions(codes)
    over = cube.overnights[rows]
    official = rows.size > 0 and bool(np.all(cube.official[rows]))
    cap_official = rows.size > 0 and bool(np.all(cube.capacity_official[rows]))
    by_type = _strict_sum(over.sum(axis=2))
    beds = cube.bed_places[rows]
    member_known = np.isfinite(beds).all(axis=2)  # (members, types): a figure for every month
    known = np.where(member_known[:, :, None], beds, 0.0).sum(axis=0)
    known = np.where(member_known.any(axis=0)[:, None], known, np.nan)
    member_demand = over.sum(axis=2)  # (members, types, 12)
    covered = np.where(member_known[:, :, None], member_demand, 0.0).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(by_type > 0, covered / np.where(by_type > 0, by_type, 1.0),
                         member_known.any(axis=0)[:, None].astype(float))
    capacity_codes = tuple(tuple(codes[m] for m in np.flatnonzero(member_known[:, t]))
                           for t in range(len(ACCOMMODATION_TYPES)))
    basis = tuple(f"{code} {t}: {cube.capacity_basis[(code, t)]}"
                  for t, members in zip(ACCOMMODATION_TYPES, capacity_codes) for code in members
                  if (code, t) in cube.capacity_basis)
    return Curve(
        scope=scope, key=key, name=name, year=cube.year, codes=codes,
        by_type=_read_only(by_type),
        by_nationality=_read_only(_strict_sum(over.sum(axis=1))),
        bed_places=_read_only(_strict_sum(beds)),
        units=_read_only(_strict_sum(cube.units[rows])),
        kind=Kind.OFFICIAL if official else Kind.MODELLED,
        capacity_kind=Kind.OFFICIAL if cap_official else Kind.MODELLED,
        model_version=cube.model_version,
        known_bed_places=_read_only(known), known_share=_read_only(share),
        capacity_codes=capacity_codes, capacity_basis=basis)


def national_curve(cube: FactsCube, *, name: str = "Denmark") -> Curve:
    """The whole country: capacity is Eurostat's national bed places (official totals with the
    seasonal-opening assumption: compiled) where the cube has them."""
    curve = curve_of(cube, cube.codes, scope="national", key="DK", name=name)
    national = cube.national_bed_places
    if national is None:
        return curve
    known = np.isfinite(national) & (np.nansum(national, axis=1, keepdims=True) > 0)
    beds = np.where(known, national, np.nan)
    return Curve(
        scope=curve.scope, key=curve.key, name=curve.name, year=curve.year, codes=curve.codes,
        by_type=curve.by_type, by_nationality=curve.by_nationality,
        bed_places=_read_only(beds), units=curve.units, kind=curve.kind,
        capacity_kind=Kind.COMPILED, model_version=curve.model_version,
        known_bed_places=_read_only(beds), known_share=_read_only(known.astype(float)),
        capacity_codes=tuple(tuple(curve.codes) if known[t].all() else ()
                             for t in range(len(ACCOMMODATION_TYPES))),
        capacity_basis=tuple(f"DK {t}: Eurostat tour_cap_nat bed places {cube.year}, national"
                             for t, ok in zip(ACCOMMODATION_TYPES, known.all(axis=1)) if ok))


def municipality_curve(cube: FactsCube, base, code: str) -> Curve:
    """One municipality; an unknown code raises :class:`DataError` listing valid codes."""
    code = str(code).strip()
    if code not in cube.index:
        raise DataError("municipality", f"unknown municipality code {code!r}",
                        "use one of the 98 kommune codes: " + _code_list(base))
    return curve_of(cube, [code], scope="municipality", key=code,
                    name=base.municipality_name(code))


def _code_list(base) -> str:
    return ", ".join(f"{c} {base.municipality_name(c)}" for c in base.codes)


def company_curve(cube: FactsCube, scenario, company_id: str) -> Curve:
    """A company of ``scenario`` (a :class:`~destinations.scenarios.scenario.Scenario`)."""
    members = scenario.companies().get(company_id)
    if members is None:
        raise ScenarioError(f"No company with id {company_id!r} in scenario {scenario.name!r}. "
                            f"Companies: {', '.join(scenario.names.values())}.")
    if not members:
        raise ScenarioError(f"Company {scenario.names[company_id]!r} has no members yet; add a "
                            "municipality to it first.")
    return curve_of(cube, members, scope="company", key=company_id,
                    name=scenario.names[company_id])


def company_curves(cube: FactsCube, scenario) -> dict[str, Curve]:
    """Every non-empty company of ``scenario``, in the scenario's order."""
    return {cid: curve_of(cube, members, scope="company", key=cid, name=scenario.names[cid])
            for cid, members in scenario.companies().items() if members}


def unaffiliated_curve(cube: FactsCube, scenario, *, name: str) -> Curve | None:
    """The municipalities in no company, as one group (None when there are none)."""
    codes = scenario.unaffiliated()
    if not codes:
        return None
    return curve_of(cube, codes, scope="group", key="unaffiliated", name=name)


SCOPES = ("national", "company", "municipality")


def scope_curve(cube: FactsCube, scope: str, *, key: str | None = None, base=None, scenario=None,
                national_name: str = "Denmark") -> Curve:
    """The curve of a page or CLI scope: ``"national"``, ``"company"`` (``key`` = company id of
    ``scenario``) or ``"municipality"`` (``key`` = kommune code; needs ``base`` for the name)."""
    if scope == "national":
        return national_curve(cube, name=national_name)
    if scope == "company":
        return company_curve(cube, scenario, str(key))
    if scope == "municipality":
        return municipality_curve(cube, base, str(key))
    raise ScenarioError(f"Unknown scope {scope!r}; use one of {', '.join(SCOPES)}.")


def member_complementarity(cube: FactsCube, codes: Sequence[str]) -> float:
    """``dG`` of a set of municipalities (their curves merged)."""
    rows = cube.positions(codes)
    return complementarity(cube.overnights[rows].sum(axis=(1, 2)))


# ---------------------------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------------------------
def indices_table(curves: Iterable[Curve]) -> pd.DataFrame:
    """One row per curve: ``key``, ``name``, ``scope``, ``year``, ``overnights``,
    ``foreign_share``, the indices of :data:`INDEX_KEYS` and ``kind``."""
    rows = []
    for curve in curves:
        idx = curve.indices
        rows.append({"key": curve.key, "name": curve.name, "scope": curve.scope,
                     "year": curve.year, "overnights": idx.total,
                     "foreign_share": curve.foreign_share,
                     **{k: getattr(idx, k) for k in INDEX_KEYS}, "kind": curve.kind.value})
    return pd.DataFrame(rows, columns=["key", "name", "scope", "year", "overnights",
                                       "foreign_share", *INDEX_KEYS, "kind"])


def heatmap_table(curves: Iterable[Curve]) -> pd.DataFrame:
    """Long month x company table for a heatmap: ``key``, ``name``, ``month``, ``overnights``,
    ``share`` (of the curve's year, so small and large companies compare), ``kind``."""
    rows = []
    for curve in curves:
        total = curve.total
        annual = total.sum()
        for m in MONTHS:
            value = float(total[m - 1])
            rows.append({"key": curve.key, "name": curve.name, "month": m, "overnights": value,
                         "share": value / annual if annual > 0 else math.nan,
                         "kind": curve.kind.value})
    return pd.DataFrame(rows, columns=["key", "name", "month", "overnights", "share", "kind"])


def year_comparison(before: Curve, after: Curve) -> pd.DataFrame:
    """Indices of the same place in two years: ``index``, ``before``, ``after``, ``change``.

    Both curves must cover the same municipalities (else :class:`ScenarioError`).
    """
    if set(before.codes) != set(after.codes):
        raise ScenarioError("The two curves cover different municipalities; compare one place.")
    a, b = before.indices, after.indices
    rows = [{"index": "overnights", "before": a.total, "after": b.total,
             "change": b.total - a.total},
            {"index": "foreign_share", "before": before.foreign_share,
             "after": after.foreign_share, "change": after.foreign_share - before.foreign_share}]
    for key in INDEX_KEYS:
        x, y = getattr(a, key), getattr(b, key)
        change = (math.nan if x is None or y is None else y - x) if key != "peak_month" else None
        rows.append({"index": key, "before": x, "after": y, "change": change})
    return pd.DataFrame(rows, columns=["index", "before", "after", "change"])


def share_curves(curves: Mapping[str, Curve] | Iterable[Curve]) -> pd.DataFrame:
    """Long ``key``, ``name``, ``year``, ``month``, ``share``: curves as shares of their year
    (to draw two years or two places on one axis)."""
    items = curves.values() if isinstance(curves, Mapping) else curves
    rows = []
    for curve in items:
        total = curve.total
        annual = total.sum()
        for m in MONTHS:
            rows.append({"key": curve.key, "name": curve.name, "year": curve.year, "month": m,
                         "overnights": float(total[m - 1]),
                         "share": float(total[m - 1] / annual) if annual > 0 else math.nan})
    return pd.DataFrame(rows, columns=["key", "name", "year", "month", "overnights", "share"])


# ---------------------------------------------------------------------------------------------
# Source markets
# ---------------------------------------------------------------------------------------------
#: Kind of the national nationality file (a StatBank export compiled from a public repository).
MARKETS_KIND = Kind.COMPILED
MARKETS_SOURCE = "StatBank TURIST (all types incl. holiday homes), export via " \
                 "github.com/amanda-amy-frost/tourists"


def source_markets(settings, *, top: int = 8, since: int | None = None) -> pd.DataFrame:
    """Annual national overnights of the ``top`` guest nationalities (ranked by their latest
    year), from the national nationality file via the facts loaders.

    Returns long ``year``, ``country`` (StatBank's Danish name), ``overnights``, ``rank`` (1 =
    largest in the latest year), ``kind``, ``source``. The file has 17 nationalities and no Danish
    or total rows, so shares of all guests cannot be computed from it.
    """
    from destinations.facts.sources import load_national_by_nationality

    frame = load_national_by_nationality(settings)
    if since is not None:
        frame = frame[frame["year"] >= since]
    if frame.empty:
        raise DataError("overnights by nationality", "no rows in the chosen period",
                        "choose an earlier start year")
    latest = int(frame["year"].max())
    ranking = (frame[frame["year"] == latest].sort_values(["value", "country"],
                                                          ascending=[False, True])["country"]
               .tolist())[:max(int(top), 1)]
    rank = {c: i + 1 for i, c in enumerate(ranking)}
    part = frame[frame["country"].isin(ranking)].copy()
    part["rank"] = part["country"].map(rank)
    part = part.rename(columns={"value": "overnights"})
    part["kind"] = MARKETS_KIND.value
    part["source"] = MARKETS_SOURCE
    return (part[["year", "country", "overnights", "rank", "kind", "source"]]
            .sort_values(["rank", "year"]).reset_index(drop=True))


def foreign_share_table(curves: Iterable[Curve]) -> pd.DataFrame:
    """``key``, ``name``, ``overnights``, ``foreign``, ``foreign_share``, ``kind`` per curve,
    largest foreign share first."""
    rows = [{"key": c.key, "name": c.name, "overnights": c.annual,
             "foreign": float(c.by_nationality[1].sum()), "foreign_share": c.foreign_share,
             "kind": c.kind.value} for c in curves]
    frame = pd.DataFrame(rows, columns=["key", "name", "overnights", "foreign", "foreign_share",
                                        "kind"])
    return frame.sort_values(["foreign_share", "name"], ascending=[False, True],
                             na_position="last").reset_index(drop=True)
