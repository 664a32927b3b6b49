"""The facts model: overnights per municipality x month x type x nationality by raking (IPF).

Method (full text in ``docs/facts-model.md``):

1. **Targets** for a year, all from the data files:
   national monthly overnights per type and nationality (Eurostat, hotels / holiday centres &
   hostels / camping); regional annual overnights without holiday homes (TURIST; per nationality
   where published); marinas = regional sum minus the three Eurostat types (a residual); the
   national holiday-home total (published, 2022 derived); published municipality figures.
2. **Seed**: per type a mixture of normalised indicators per municipality (population, city,
   attractions, coastline, estimated let holiday homes), times the national monthly pattern of the type,
   times regional nationality and camping factors, times calibration factors learnt from published
   municipality figures of *other* years.
3. **Raking**: cyclic proportional fitting to every margin until the largest relative error is
   below :data:`TOLERANCE`. The fit is deterministic (no randomness at all) and, for a consistent
   set of margins, converges to the table closest to the seed in Kullback-Leibler divergence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Iterable, Mapping

import numpy as np
import pandas as pd

from destinations.errors import DataError, SolverError
from destinations.facts.constants import (
    ACCOMMODATION_TYPES,
    AVAILABLE_YEARS,
    EUROSTAT_TYPES,
    NATIONALITIES,
    NON_HOLIDAY_HOME_TYPES,
)
from destinations.facts.sources import (
    NATIONAL_TOTALS_FILE,
    REGION_DST_CODES,
    PublishedFigure,
    TourismSources,
)

#: Stop raking when every margin is met to this relative error (1e-11 of 20 million = 0.0002).
TOLERANCE = 1e-11
MAX_ITERATIONS = 20_000
#: Calibration factors are clipped to this range so one odd figure cannot dominate a seed.
CALIBRATION_RANGE = (0.1, 10.0)
#: Rounds of the calibration fixed point (each is one raking of the year).
CALIBRATION_ROUNDS = 8
#: Calibration fits need far less precision than the final fit.
CALIBRATION_TOLERANCE = 1e-7
#: Hotels: a resident of one of the four largest cities weighs this much more than one elsewhere.
CITY_HOTEL_FACTOR = 2.0
#: Seed mixtures: which normalised indicators drive each type, and how much (each sums to 1).
#: Assumptions, documented in docs/facts-model.md; chosen by reasoning, not fitted.
TYPE_MIXTURES: Mapping[str, Mapping[str, float]] = MappingProxyType({
    "hotel": MappingProxyType({"city_population": 0.5, "attractions": 0.3, "coast": 0.1,
                               "uniform": 0.1}),
    "holiday_centre_hostel": MappingProxyType({"population": 0.25, "attractions": 0.35,
                                               "coast": 0.3, "uniform": 0.1}),
    "camping": MappingProxyType({"population": 0.1, "attractions": 0.2, "coast": 0.6,
                                 "uniform": 0.1}),
    "marina": MappingProxyType({"coast": 1.0}),
    "holiday_home": MappingProxyType({"let_houses": 1.0}),
})

T = {name: i for i, name in enumerate(ACCOMMODATION_TYPES)}
N = {name: i for i, name in enumerate(NATIONALITIES)}
_NON_HH = [T[t] for t in NON_HOLIDAY_HOME_TYPES]


@dataclass(frozen=True)
class Margin:
    """A set of cells partitioned into groups, each with a target sum.

    ``index`` holds flat cell indices, ``labels`` the group of each, ``targets`` the sum per group.
    """

    name: str
    index: np.ndarray
    labels: np.ndarray
    targets: np.ndarray


@dataclass(frozen=True)
class RakeResult:
    values: np.ndarray
    iterations: int
    max_relative_error: float


def rake(seed: np.ndarray, margins: Iterable[Margin], *, tolerance: float = TOLERANCE,
         max_iterations: int = MAX_ITERATIONS) -> RakeResult:
    """Iterative proportional fitting of ``seed`` to ``margins`` (cyclic, in the given order).

    Each step scales the cells of one margin group so that they sum to the group's target; this is
    the I-projection onto that single constraint, so cycling converges to the I-projection onto
    their intersection when the margins are consistent.

    Raises
    ------
    SolverError
        A group with a positive target has no positive seed cell, or the fit does not converge.
    """
    margins = list(margins)
    x = seed.astype(float).ravel().copy()
    for margin in margins:
        sums = np.bincount(margin.labels, weights=x[margin.index], minlength=len(margin.targets))
        empty = (sums <= 0) & (margin.targets > 0)
        if empty.any():
            raise SolverError(f"margin {margin.name!r}, group {int(np.flatnonzero(empty)[0])}: the "
                              "target is positive but every seed cell is zero; the indicators give "
                              "this group no weight")
    error = np.inf
    for iteration in range(1, max_iterations + 1):
        # The deviation each margin shows before its own step: when every one is below the
        # tolerance the sweep changed nothing that matters, so the fit has converged.
        sweep_error = 0.0
        for margin in margins:
            sums = np.bincount(margin.labels, weights=x[margin.index], minlength=len(margin.targets))
            sweep_error = max(sweep_error, float(np.max(
                np.abs(sums - margin.targets) / np.maximum(margin.targets, 1.0))))
            with np.errstate(divide="ignore", invalid="ignore"):
                factor = np.where(sums > 0, margin.targets / sums, 1.0)
            x[margin.index] *= factor[margin.labels]
        if sweep_error < tolerance:
            error = max(_relative_error(x, margin) for margin in margins)
            return RakeResult(x.reshape(seed.shape), iteration, float(error))
        error = sweep_error
    raise SolverError(f"raking did not converge in {max_iterations} iterations (largest relative "
                      f"error {error:.2e}); the margins are probably inconsistent")


def _relative_error(x: np.ndarray, margin: Margin) -> float:
    sums = np.bincount(margin.labels, weights=x[margin.index], minlength=len(margin.targets))
    return float(np.max(np.abs(sums - margin.targets) / np.maximum(margin.targets, 1.0)))


@dataclass(frozen=True)
class YearInputs:
    """The targets of one year, with the assumptions that produced the modelled ones.

    ``national`` has shape (types, 12, nationalities): Eurostat for hotel / holiday centre & hostel
    / camping, modelled monthly profiles for marina and holiday home. ``regional`` is
    (5,) or (5, nationalities) without holiday homes.
    """

    year: int
    national: np.ndarray
    regional: np.ndarray
    regional_by_nationality: bool
    marina_total: float
    holiday_home_total: float
    holiday_home_danish_share: float
    notes: tuple[str, ...]


@dataclass(frozen=True)
class Estimate:
    """The fitted table of one year (read-only array of shape (municipality, 12, type, nationality))."""

    year: int
    codes: tuple[str, ...]
    values: np.ndarray
    iterations: int
    max_relative_error: float
    constraints: tuple[str, ...]
    notes: tuple[str, ...]
    calibration: Mapping[str, float] = field(default_factory=dict)


class FactsModel:
    """The model for one data directory: sources + indicators in, one :class:`Estimate` per year out.

    Results are memoised per instance (not per class), so two data directories never share state.
    """

    def __init__(self, sources: TourismSources, indicators: pd.DataFrame) -> None:
        self.sources = sources
        self.indicators = indicators
        self.codes: tuple[str, ...] = tuple(indicators.index)
        self._code_pos = {code: i for i, code in enumerate(self.codes)}
        self.region_of = indicators["region"].to_numpy()
        self._region_pos = np.array([REGION_DST_CODES.index(r) for r in self.region_of])
        self.figures = tuple(f for f in sources.figures if f.usable)
        self._monthly, self._flags = self._index_monthly(sources.national_monthly)
        self._regional = self._index_regional(sources.regional_annual)
        self._national_totals = self._index_totals(sources.national_totals)
        self._weights = self._type_weights()
        self._nationality_factor = self._regional_nationality_factor()
        self._base_runs: dict[int, Estimate] = {}
        self._estimates: dict[tuple[int, frozenset[str]], Estimate] = {}
        self._inputs: dict[int, YearInputs] = {}
        self._calibration: dict[int, tuple[np.ndarray, np.ndarray, dict[str, float]]] | None = None

    @property
    def shape(self) -> tuple[int, int, int, int]:
        return (len(self.codes), 12, len(ACCOMMODATION_TYPES), len(NATIONALITIES))

    # ---------------------------------------------------------------- targets
    def year_inputs(self, year: int) -> YearInputs:
        """Targets of ``year``; raises :class:`DataError` when an input is missing."""
        if year not in self._inputs:
            self._inputs[year] = self._build_inputs(year)
        return self._inputs[year]

    @staticmethod
    def _index_monthly(frame: pd.DataFrame) -> tuple[dict[int, np.ndarray], dict[int, set[str]]]:
        """year -> (types, 12, nationalities) array of the Eurostat types (NaN where missing)."""
        arrays: dict[int, np.ndarray] = {}
        flags: dict[int, set[str]] = {}
        columns = zip(frame["year"].to_numpy(), frame["month"].to_numpy(), frame["type"].to_numpy(),
                      frame["nationality"].to_numpy(), frame["value"].to_numpy(),
                      frame["flag"].to_numpy())
        for year, month, type_name, nat, value, flag in columns:
            year = int(year)
            if year not in arrays:
                arrays[year] = np.full((len(ACCOMMODATION_TYPES), 12, len(NATIONALITIES)), np.nan)
                flags[year] = set()
            arrays[year][T[type_name], int(month) - 1, N[nat]] = value
            if flag:
                flags[year].add(str(flag))
        return arrays, flags

    @staticmethod
    def _index_regional(frame: pd.DataFrame) -> dict[int, dict[str, dict[str, float]]]:
        """year -> nationality (total / danish / foreign) -> region -> overnights."""
        out: dict[int, dict[str, dict[str, float]]] = {}
        for year, nat, region, value in zip(frame["year"].to_numpy(), frame["nationality"].to_numpy(),
                                            frame["region"].to_numpy(), frame["value"].to_numpy()):
            out.setdefault(int(year), {}).setdefault(str(nat), {})[str(region)] = float(value)
        return out

    @staticmethod
    def _index_totals(frame: pd.DataFrame) -> dict[tuple[str, int], list[float]]:
        """(metric, year) -> national values as published (usually one)."""
        out: dict[tuple[str, int], list[float]] = {}
        national = frame[frame["area_code"] == "000"]
        for metric, year, value in zip(national["metric"], national["year"], national["value"]):
            out.setdefault((str(metric), int(year)), []).append(float(value))
        return out

    def _build_inputs(self, year: int) -> YearInputs:
        notes: list[str] = []
        eurostat_types = [T[t] for t in EUROSTAT_TYPES.values()]
        if year not in self._monthly or np.isnan(self._monthly[year][eurostat_types]).any():
            raise DataError("overnights_national_monthly_eurostat.csv",
                            f"{year}: not every month, type and nationality is present",
                            f"use one of the years {AVAILABLE_YEARS}")
        national = np.nan_to_num(self._monthly[year].copy())
        flags = sorted(self._flags[year])
        if flags:
            notes.append(f"Eurostat flags in {year}: {', '.join(flags)} (b = break in series, "
                         "e = estimated)")

        regional = self._regional.get(year, {})
        totals = regional.get("total", {})
        if sorted(totals) != list(REGION_DST_CODES):
            raise DataError("overnights_by_region_annual_turist.csv",
                            f"{year}: regional totals for {sorted(totals)} only",
                            f"use one of the years {AVAILABLE_YEARS}")
        by_nationality = all(sorted(regional.get(n, {})) == list(REGION_DST_CODES)
                             for n in NATIONALITIES)
        eurostat_by_nat = national[[T[t] for t in EUROSTAT_TYPES.values()]].sum(axis=(0, 1))
        if by_nationality:
            reg = np.array([[regional[n][r] for n in NATIONALITIES] for r in REGION_DST_CODES])
            marina_by_nat = reg.sum(axis=0) - eurostat_by_nat
            notes.append(f"marinas {year}: TURIST regional sum minus Eurostat hotels, holiday "
                         "centres & hostels and camping, per nationality")
        else:
            reg = np.array([totals[r] for r in REGION_DST_CODES])
            marina_total = float(reg.sum() - eurostat_by_nat.sum())
            split_year, foreign_share = self._nearest_marina_split(year)
            marina_by_nat = marina_total * np.array([1 - foreign_share, foreign_share])
            notes.append(f"marinas {year}: TURIST regional sum minus Eurostat types; Danish/foreign "
                         f"split assumed as in {split_year} ({foreign_share:.1%} foreign)")
        if (marina_by_nat < 0).any():
            raise DataError("overnights_by_region_annual_turist.csv",
                            f"{year}: the regional sum is below the Eurostat national sum, so the "
                            "marina residual is negative", "check both files for the year")
        camping = national[T["camping"]]
        profile = camping / camping.sum(axis=0, keepdims=True)
        national[T["marina"]] = profile * marina_by_nat
        notes.append("marina monthly profile assumed equal to the national camping profile of "
                     "the same year and nationality (no monthly marina series in the data)")

        hh_total, hh_note = self._holiday_home_total(year)
        notes.append(hh_note)
        share_year, danish_share = self._holiday_home_danish_share(year)
        if share_year != year:
            notes.append(f"holiday homes {year}: Danish share {danish_share:.1%} taken from "
                         f"{share_year} (nearest year with a published split)")
        hh_by_nat = hh_total * np.array([danish_share, 1 - danish_share])
        hostels = national[T["holiday_centre_hostel"]]
        hh_profile = hostels / hostels.sum(axis=0, keepdims=True)
        national[T["holiday_home"]] = hh_profile * hh_by_nat
        notes.append("holiday-home monthly profile assumed equal to the national holiday centre & "
                     "hostel (NACE I552) profile of the same year and nationality (no monthly "
                     "holiday-home series in the data)")
        return YearInputs(year=year, national=national, regional=reg,
                          regional_by_nationality=by_nationality,
                          marina_total=float(marina_by_nat.sum()), holiday_home_total=hh_total,
                          holiday_home_danish_share=danish_share, notes=tuple(notes))

    def _nearest_marina_split(self, year: int) -> tuple[int, float]:
        """(year, foreign share of marina overnights) from the nearest year with a regional split."""
        candidates = sorted((y for y, part in self._regional.items()
                             if "foreign" in part and y in self._monthly),
                            key=lambda y: (abs(y - year), -y))
        eurostat_types = [T[t] for t in EUROSTAT_TYPES.values()]
        for candidate in candidates:
            part = self._regional[candidate]
            eurostat = np.nansum(self._monthly[candidate][eurostat_types], axis=(0, 1))
            marina_total = sum(part["total"].values()) - eurostat.sum()
            marina_foreign = sum(part["foreign"].values()) - eurostat[N["foreign"]]
            if marina_total > 0:
                return candidate, float(marina_foreign / marina_total)
        raise DataError("overnights_by_region_annual_turist.csv", "no year with a Danish/foreign "
                        "split of regional overnights", "restore the nationality rows")

    def _totals(self, metric: str) -> dict[int, list[float]]:
        return {year: values for (name, year), values in self._national_totals.items()
                if name == metric}

    def _holiday_home_total(self, year: int) -> tuple[float, str]:
        direct = self._totals("overnights_feriehuse")
        if year in direct:
            return float(direct[year][0]), (f"holiday homes {year}: published national total "
                                            f"{direct[year][0]:,.0f}")
        overall = self._totals("overnights")
        excluding = self._totals("overnights_excl_feriehuse")
        if year in overall and year in excluding and len(overall[year]) == 1:
            value = overall[year][0] - excluding[year][0]
            return float(value), (f"holiday homes {year}: derived as published all-type total "
                                  f"{overall[year][0]:,.0f} minus published total without holiday "
                                  f"homes {excluding[year][0]:,.0f} (both rounded to 0.1 million)")
        raise DataError(NATIONAL_TOTALS_FILE, f"no national holiday-home total for {year}",
                        f"use one of the years {AVAILABLE_YEARS}")

    def _holiday_home_danish_share(self, year: int) -> tuple[int, float]:
        danish = self._totals("overnights_feriehuse_danish_guests")
        shares = {}
        for candidate, values in danish.items():
            try:
                total, _ = self._holiday_home_total(int(candidate))
            except DataError:
                continue
            shares[int(candidate)] = values[0] / total
        if not shares:
            raise DataError(NATIONAL_TOTALS_FILE, "no Danish/foreign split of holiday-home "
                            "overnights", "restore the rows overnights_feriehuse_danish_guests")
        nearest = min(shares, key=lambda y: (abs(y - year), -y))
        return nearest, shares[nearest]

    # ---------------------------------------------------------------- seed
    def _type_weights(self) -> np.ndarray:
        """Seed weight per municipality and type (rows = codes, columns = types).

        Each non-holiday-home type mixes normalised indicators with the shares in
        :data:`TYPE_MIXTURES`: ``population`` (x :data:`CITY_HOTEL_FACTOR` for hotels in cities),
        ``attractions`` (attraction count + visitors / VISITORS_PER_ATTRACTION), ``coast``
        (coastline km) and ``uniform`` (every municipality alike, so small places are not zero).
        Marinas follow the coastline, holiday homes the estimated let houses.
        """
        ind = self.indicators
        city = np.where(ind["city"].to_numpy(bool), CITY_HOTEL_FACTOR, 1.0)
        parts = {
            "population": ind["population"].to_numpy(float),
            "city_population": ind["population"].to_numpy(float) * city,
            "attractions": ind["attraction_score"].to_numpy(float) - 1.0,
            "coast": ind["coast_km"].to_numpy(float),
            "uniform": np.ones(len(self.codes)),
            "let_houses": ind["let_houses"].to_numpy(float),
        }
        parts = {k: v / v.sum() if v.sum() > 0 else v for k, v in parts.items()}
        weights = np.zeros((len(self.codes), len(ACCOMMODATION_TYPES)))
        for type_name, mixture in TYPE_MIXTURES.items():
            weights[:, T[type_name]] = sum(share * parts[name] for name, share in mixture.items())
        camping = weights[:, T["camping"]]
        weights[:, T["camping"]] = camping * self._camping_region_factor(camping)
        return weights

    def _camping_region_factor(self, camping: np.ndarray) -> np.ndarray:
        """Scale camping weights so regions get the published 2023 camping shares (CAMP1)."""
        totals = self.sources.national_totals
        shares = totals[totals["metric"] == "share_of_national_camping_overnights"]
        shares = shares.set_index("area_code")["value"]
        if sorted(shares.index) != list(REGION_DST_CODES):
            return np.ones_like(camping)
        target = shares.loc[list(REGION_DST_CODES)].to_numpy() / shares.sum()
        seed = np.bincount(self._region_pos, weights=camping, minlength=5)
        factor = target / (seed / seed.sum())
        return factor[self._region_pos]

    def _regional_nationality_factor(self) -> np.ndarray:
        """(5, 2): each region's Danish/foreign share relative to the national one, averaged over
        the years where TURIST publishes the split. Used in years without the split."""
        ratios = []
        for part in self._regional.values():
            if not all(sorted(part.get(n, {})) == list(REGION_DST_CODES) for n in NATIONALITIES):
                continue
            values = np.array([[part[n][r] for n in NATIONALITIES] for r in REGION_DST_CODES])
            region_share = values / values.sum(axis=1, keepdims=True)
            national_share = values.sum(axis=0) / values.sum()
            ratios.append(region_share / national_share)
        if not ratios:
            return np.ones((5, 2))
        return np.mean(ratios, axis=0)

    def seed(self, year: int, *, calibrated: bool = True) -> np.ndarray:
        """The seed table for ``year`` (see module docstring)."""
        inputs = self.year_inputs(year)
        weights = self._weights / self._weights.sum(axis=0, keepdims=True)
        # seed[m, month, type, nat] = share of m in the type x national value of (type, month, nat)
        seed = weights[:, None, :, None] * inputs.national[None, :, :, :].transpose(0, 2, 1, 3)
        if not inputs.regional_by_nationality:
            factor = self._nationality_factor[self._region_pos]  # (M, 2)
            seed[:, :, _NON_HH, :] *= factor[:, None, None, :]
        if calibrated:
            seed *= self.calibration_multipliers(year)[:, None, :, :]
        return seed

    # ---------------------------------------------------------------- margins
    def margins(self, year: int, *, exclude: Iterable[str] = ()) -> list[Margin]:
        inputs = self.year_inputs(year)
        M, _, n_types, n_nats = self.shape
        cells = np.arange(np.prod(self.shape)).reshape(self.shape)
        # national: one group per (type, month, nationality)
        month_idx = np.arange(12)[None, :, None, None]
        type_idx = np.arange(n_types)[None, None, :, None]
        nat_idx = np.arange(n_nats)[None, None, None, :]
        labels = (type_idx * 12 + month_idx) * n_nats + nat_idx
        labels = np.broadcast_to(labels, self.shape).ravel()
        national = Margin("national type x month x nationality", cells.ravel(), labels,
                          inputs.national.ravel())
        # regional: non-holiday-home cells, one group per region (x nationality)
        sub = cells[:, :, _NON_HH, :]
        region = np.broadcast_to(self._region_pos[:, None, None, None], sub.shape)
        if inputs.regional_by_nationality:
            nat = np.broadcast_to(np.arange(n_nats)[None, None, None, :], sub.shape)
            reg_labels = (region * n_nats + nat).ravel()
            name = "region x nationality (no holiday homes)"
        else:
            reg_labels = region.ravel()
            name = "region (no holiday homes)"
        regional = Margin(name, sub.ravel(), reg_labels, inputs.regional.ravel().astype(float))
        margins = [national, regional]
        excluded = set(exclude)
        for figure in self.figures:
            if figure.year != year or figure.id in excluded:
                continue
            index = self.figure_cells(figure)
            margins.append(Margin(f"published {figure.id}", index, np.zeros(len(index), dtype=int),
                                  np.array([figure.value])))
        return margins

    def figure_cells(self, figure: PublishedFigure) -> np.ndarray:
        """Flat indices of the cells a published figure covers."""
        if figure.area == "region":
            rows = np.flatnonzero(self.region_of == figure.codes[0])
        else:
            rows = np.array([self._code_pos[c] for c in figure.codes])
        cells = np.arange(np.prod(self.shape)).reshape(self.shape)
        months = np.array(figure.months) - 1
        types = np.array([T[t] for t in figure.types])
        nats = np.array([N[n] for n in figure.nationalities])
        return cells[np.ix_(rows, months, types, nats)].ravel()

    def predict(self, values: np.ndarray, figure: PublishedFigure) -> float:
        return float(values.ravel()[self.figure_cells(figure)].sum())

    # ---------------------------------------------------------------- calibration
    def base_run(self, year: int) -> Estimate:
        """National and regional margins only, uncalibrated seed (diagnostics and validation)."""
        if year not in self._base_runs:
            margins = self.margins(year)[:2]
            result = rake(self.seed(year, calibrated=False), margins)
            self._base_runs[year] = self._to_estimate(year, result, margins, {})
        return self._base_runs[year]

    def _municipal_figures(self, year: int) -> list[PublishedFigure]:
        return [f for f in self.figures if f.year == year and f.area == "municipality"]

    def _year_calibration(self, year: int) -> tuple[np.ndarray, np.ndarray, dict[str, float]]:
        """Seed multipliers that make the *unconstrained* fit of ``year`` reproduce that year's
        single-municipality figures.

        Fixed point: start from 1, fit national and regional margins only, multiply the cells of
        each figure by published / predicted, repeat (:data:`CALIBRATION_ROUNDS` times at most).
        Because raking renormalises, a municipality that dominates its region needs a larger seed
        multiplier than published / predicted; the fixed point finds it.

        Returns (multiplier (municipality, type, nationality), covered mask, factor per figure).
        """
        shape = (len(self.codes), len(ACCOMMODATION_TYPES), len(NATIONALITIES))
        figures = self._municipal_figures(year)
        multiplier = np.ones(shape)
        covered = np.zeros(shape, dtype=bool)
        factors = {f.id: 1.0 for f in figures}
        if not figures:
            return multiplier, covered, factors
        scopes = []
        for figure in figures:
            scope = (self._code_pos[figure.codes[0]], [T[t] for t in figure.types],
                     [N[n] for n in figure.nationalities])
            covered[np.ix_([scope[0]], scope[1], scope[2])] = True
            scopes.append(scope)
        seed = self.seed(year, calibrated=False)
        margins = self.margins(year)[:2]
        for _ in range(CALIBRATION_ROUNDS):
            values = rake(seed * multiplier[:, None, :, :], margins,
                          tolerance=CALIBRATION_TOLERANCE).values
            worst = 0.0
            for figure, (row, types, nats) in zip(figures, scopes):
                ratio = figure.value / max(self.predict(values, figure), 1e-9)
                worst = max(worst, abs(ratio - 1.0))
                factors[figure.id] *= ratio
                multiplier[np.ix_([row], types, nats)] *= ratio
            np.clip(multiplier, *CALIBRATION_RANGE, out=multiplier)
            if worst < 1e-3:
                break
        return multiplier, covered, {k: float(np.clip(v, *CALIBRATION_RANGE))
                                     for k, v in factors.items()}

    def calibration_factors(self) -> dict[str, float]:
        """Seed factor per usable single-municipality figure (see :meth:`_year_calibration`)."""
        factors: dict[str, float] = {}
        for year in self._calibration_years():
            factors.update(self._calibration_for(year)[2])
        return factors

    def _calibration_years(self) -> list[int]:
        return sorted({f.year for f in self.figures
                       if f.area == "municipality" and f.year in AVAILABLE_YEARS})

    def _calibration_for(self, year: int) -> tuple[np.ndarray, np.ndarray, dict[str, float]]:
        if self._calibration is None:
            self._calibration = {}
        if year not in self._calibration:
            self._calibration[year] = self._year_calibration(year)
        return self._calibration[year]

    def calibration_multipliers(self, year: int) -> np.ndarray:
        """(municipality, type, nationality) seed multipliers for ``year``: per cell, the geometric
        mean over the *other* years' calibrations that cover the cell (1 where none does)."""
        shape = (len(self.codes), len(ACCOMMODATION_TYPES), len(NATIONALITIES))
        log_sum = np.zeros(shape)
        count = np.zeros(shape)
        for other in self._calibration_years():
            if other == year:
                continue
            multiplier, covered, _ = self._calibration_for(other)
            log_sum += np.where(covered, np.log(multiplier), 0.0)
            count += covered
        return np.where(count > 0, np.exp(log_sum / np.maximum(count, 1)), 1.0)

    # ---------------------------------------------------------------- estimate
    def estimate(self, year: int, *, exclude: Iterable[str] = ()) -> Estimate:
        """The fitted table of ``year`` honouring every usable published figure not in ``exclude``."""
        key = (year, frozenset(exclude))
        if key not in self._estimates:
            margins = self.margins(year, exclude=key[1])
            result = rake(self.seed(year), margins)
            years = {f.id: f.year for f in self.figures}
            used = {k: v for k, v in self.calibration_factors().items() if years[k] != year}
            self._estimates[key] = self._to_estimate(year, result, margins, used)
        return self._estimates[key]

    def _to_estimate(self, year: int, result: RakeResult, margins: list[Margin],
                     calibration: dict[str, float]) -> Estimate:
        values = result.values
        values.setflags(write=False)
        return Estimate(year=year, codes=self.codes, values=values, iterations=result.iterations,
                        max_relative_error=result.max_relative_error,
                        constraints=tuple(m.name for m in margins),
                        notes=self.year_inputs(year).notes,
                        calibration=MappingProxyType(dict(calibration)))

    def to_frame(self, estimate: Estimate) -> pd.DataFrame:
        """Long frame: code, month, type, nationality, value, kind ("modelled")."""
        M, n_months, n_types, n_nats = self.shape
        frame = pd.DataFrame({
            "code": np.repeat(np.array(self.codes, dtype=object), n_months * n_types * n_nats),
            "month": np.tile(np.repeat(np.arange(1, 13), n_types * n_nats), M),
            "type": np.tile(np.repeat(np.array(ACCOMMODATION_TYPES, dtype=object), n_nats),
                            M * n_months),
            "nationality": np.tile(np.array(NATIONALITIES, dtype=object), M * n_months * n_types),
            "value": estimate.values.ravel().astype(float),
        })
        frame["kind"] = "modelled"
        frame["code"] = frame["code"].astype(str)
        frame["type"] = frame["type"].astype(str)
        frame["nationality"] = frame["nationality"].astype(str)
        return frame


__all__ = ["FactsModel", "Estimate", "Margin", "RakeResult", "YearInputs", "rake"]
