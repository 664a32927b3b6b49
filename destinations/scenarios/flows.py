"""Tourist day-trip flows between municipalities: a modelled gravity/Huff matrix, or a measured one.

The flow-weighted border cut (see :mod:`destinations.scenarios.metrics`) needs ``f[i, j]``: how many day trips
guests staying in municipality *i* make to attractions in municipality *j*. No measured
origin-destination matrix exists for Denmark in our data, so by default it is **modelled**
(every figure derived from it is labelled ``Kind.MODELLED``):

.. math::

    f_{ij} = D_i \\, \\frac{A_j\\, e^{-\\beta t_{ij}}}{\\sum_k A_k\\, e^{-\\beta t_{ik}}}
    \\quad (t_{ij} \\le t_{max}), \\qquad D_i = s \\cdot N_i

* ``N_i`` - annual overnight stays in *i* (from the facts table for the chosen year);
* ``t_ij`` - shortest travel minutes on the travel graph (:func:`destinations.data.graph.travel_minutes`;
  ``t_ii = 0``: guests also visit their own municipality's attractions, and those trips never cross a
  border);
* ``A_j`` - attractiveness: the sum of annual visitors of the attractions in *j*. Where an
  attraction's visitors are unknown (most of them), it counts with :func:`default_visitors` of its
  category: the **median** visitors of the attractions of that category whose visitors are known
  (all categories pooled where a category has none). The median, not the mean, so one Tivoli does
  not make every unknown amusement park a giant;
* Huff's normalisation: a guest makes ``s`` trips per overnight, shared among reachable attractions.
  A municipality with no attraction within reach sends no trips (its row is zero).

Defaults of :class:`FlowParams` and where they come from. None is calibrated against measured
Danish day-trip data (none is available to us); all are editable in the UI and the CLI:

* ``beta_per_minute = ln 2 / 30``: attraction pull halves every 30 minutes of driving, a
  conventional negative-exponential impedance for leisure car trips (gravity models use
  ``exp(-beta t)``; Huff 1964). Values 0.01-0.05/min change the absolute border cut but rarely the
  ranking of plans; the sensitivity can be checked by editing beta;
* ``max_minutes = 120``: a day trip returns the same day, so one way is capped at two hours of
  driving (a planning assumption);
* ``day_trip_share = 1.0``: trips per overnight stay. It only scales all flows together; every
  metric we derive is a *share* of flows, which it does not change. Flows are therefore "trip
  indices" in overnight-stay units, not counts of people.

A measured matrix (CSV ``origin_code,destination_code,flow``) loaded with :func:`load_od_matrix`
replaces the model; figures derived from it carry the kind the caller states (default compiled).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from destinations.errors import DataError, ScenarioError
from destinations.model import Attraction, Kind

if TYPE_CHECKING:  # pragma: no cover
    from destinations.data.visitors import ChosenVisitors

#: Largest OD file accepted (bytes); a 98 x 98 matrix is well under 1 MB.
MAX_OD_BYTES = 5 * 1024 * 1024
#: Where attraction visitor counts come from (lighthouses, attraction pull).
VISITORS_SOURCE = ("published visitor counts (attraction_visitors.csv and attractions.csv, "
                   "compiled), one per attraction: latest normal year, exact over rounded over "
                   "estimate, rival figures kept and never averaged")


def chosen_counts(base) -> Mapping[str, "ChosenVisitors"]:
    """Attraction name -> the published count chosen for it (cached per data directory).

    Both files are merged and :func:`destinations.data.visitors.chosen_visitor_counts` picks one
    figure per attraction by its documented rule; attractions without any annual figure are absent.
    """
    return _chosen_counts(base.settings, tuple(base.attractions))


@lru_cache(maxsize=4)
def _chosen_counts(settings, attractions: tuple[Attraction, ...]):
    from destinations.data.visitors import (
        chosen_visitor_counts,
        figures_from_attractions,
        load_attraction_visitors,
    )

    figures = load_attraction_visitors(settings) + figures_from_attractions(attractions)
    return MappingProxyType(chosen_visitor_counts(figures))


@dataclass(frozen=True)
class FlowParams:
    """Parameters of the modelled day-trip flows (see the module docstring for the defaults)."""

    beta_per_minute: float = math.log(2) / 30.0
    max_minutes: float = 120.0
    day_trip_share: float = 1.0

    def __post_init__(self) -> None:
        if not (np.isfinite(self.beta_per_minute) and self.beta_per_minute >= 0):
            raise ScenarioError(f"beta must be a number >= 0 per minute, got {self.beta_per_minute}.")
        if not (np.isfinite(self.max_minutes) and self.max_minutes > 0):
            raise ScenarioError(f"max minutes must be > 0, got {self.max_minutes}.")
        if not (np.isfinite(self.day_trip_share) and self.day_trip_share > 0):
            raise ScenarioError(f"day-trip share must be > 0, got {self.day_trip_share}.")

    @property
    def half_weight_minutes(self) -> float:
        """Minutes after which an attraction pulls half as much (inf when beta is 0)."""
        return math.log(2) / self.beta_per_minute if self.beta_per_minute > 0 else math.inf


@dataclass(frozen=True, eq=False)
class FlowMatrix:
    """Directed flows ``values[i, j]`` from municipality ``codes[i]`` to ``codes[j]``.

    Attributes
    ----------
    codes
        Municipality codes, the row/column order.
    values
        ``(n, n)`` array; NaN rows where the origin's overnights are a gap.
    kind
        ``Kind.MODELLED`` for the gravity model; what the caller states for a measured matrix.
    source
        A short description (model parameters or the file name).
    params
        The model parameters, or ``None`` for a measured matrix.
    """

    codes: tuple[str, ...]
    values: np.ndarray
    kind: Kind
    source: str
    params: FlowParams | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    def aligned(self, codes: Sequence[str]) -> np.ndarray:
        """The matrix reordered to ``codes`` (codes absent here get zero rows and columns)."""
        position = {code: i for i, code in enumerate(self.codes)}
        index = np.array([position.get(code, -1) for code in codes])
        out = np.zeros((len(codes), len(codes)))
        present = index >= 0
        out[np.ix_(present, present)] = self.values[np.ix_(index[present], index[present])]
        return out


def default_visitors(attractions: Iterable[Attraction]) -> dict[str, float]:
    """Median known annual visitors per category, plus ``"*"``: the median over all categories.

    Used as the attractiveness of an attraction whose visitors are unknown (a modelled stand-in).
    Returns an empty dict when no attraction has known visitors.
    """
    known: dict[str, list[float]] = {}
    for attraction in attractions:
        if attraction.visitors is not None:
            known.setdefault(attraction.category, []).append(float(attraction.visitors))
    if not known:
        return {}
    result = {category: float(np.median(values)) for category, values in known.items()}
    result["*"] = float(np.median([v for values in known.values() for v in values]))
    return result


def attraction_mass(codes: Sequence[str], attractions: Sequence[Attraction],
                    defaults: Mapping[str, float] | None = None) -> np.ndarray:
    """Attractiveness per municipality: summed visitors, unknown visitors replaced by the default."""
    defaults = default_visitors(attractions) if defaults is None else defaults
    position = {code: i for i, code in enumerate(codes)}
    mass = np.zeros(len(codes))
    for attraction in attractions:
        i = position.get(attraction.kommune_code)
        if i is None:
            continue
        if attraction.visitors is not None:
            mass[i] += float(attraction.visitors)
        else:
            mass[i] += defaults.get(attraction.category, defaults.get("*", 0.0))
    return mass


def minutes_matrix(graph, codes: Sequence[str]) -> np.ndarray:
    """All-pairs shortest travel minutes on the travel graph; ``inf`` where unreachable."""
    from destinations.data.graph import travel_minutes

    minutes = travel_minutes(graph)
    out = np.full((len(codes), len(codes)), np.inf)
    for i, a in enumerate(codes):
        row = minutes.get(a, {})
        for j, b in enumerate(codes):
            if b in row:
                out[i, j] = row[b]
    np.fill_diagonal(out, 0.0)
    return out


def gravity_flows(overnights: np.ndarray, minutes: np.ndarray, mass: np.ndarray,
                  params: FlowParams = FlowParams()) -> np.ndarray:
    """The Huff matrix ``f[i, j]`` of the module docstring, from plain arrays.

    Parameters
    ----------
    overnights
        ``(n,)`` annual overnight stays per origin; NaN (a gap) gives a NaN row.
    minutes
        ``(n, n)`` travel minutes; ``inf`` = unreachable.
    mass
        ``(n,)`` attractiveness per destination.
    params
        Decay, cut-off and trips per overnight.
    """
    overnights = np.asarray(overnights, dtype=float)
    minutes = np.asarray(minutes, dtype=float)
    mass = np.asarray(mass, dtype=float)
    n = len(overnights)
    if minutes.shape != (n, n) or mass.shape != (n,):
        raise ValueError(f"shapes disagree: overnights {overnights.shape}, minutes {minutes.shape}, "
                         f"mass {mass.shape}")
    reachable = minutes <= params.max_minutes
    weight = np.where(reachable, mass[None, :] * np.exp(-params.beta_per_minute
                                                        * np.where(reachable, minutes, 0.0)), 0.0)
    totals = weight.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = np.where(totals > 0, weight / np.where(totals > 0, totals, 1.0), 0.0)
    return shares * (params.day_trip_share * overnights)[:, None]


def model_flows(base, overnights: Mapping[str, float] | pd.Series,
                params: FlowParams = FlowParams()) -> FlowMatrix:
    """The modelled flow matrix for ``base`` (graph, attractions) and overnights per code."""
    codes = tuple(base.codes)
    values = pd.Series(overnights, dtype=float).reindex(list(codes)).to_numpy()
    mass = attraction_mass(codes, base.attractions)
    flows = gravity_flows(values, minutes_matrix(base.graph, codes), mass, params)
    gaps = tuple(code for code, v in zip(codes, values) if not np.isfinite(v))
    notes = (f"no overnight figure for {len(gaps)} municipalities: their flows are gaps",) if gaps else ()
    source = (f"gravity/Huff model: beta={params.beta_per_minute:.4f}/min "
              f"(half weight at {params.half_weight_minutes:.0f} min), max {params.max_minutes:.0f} "
              f"min, day trips per overnight stay {params.day_trip_share:g}")
    return FlowMatrix(codes=codes, values=flows, kind=Kind.MODELLED, source=source, params=params,
                      notes=notes)


def load_od_matrix(source: str | Path | bytes, codes: Sequence[str], *,
                   kind: Kind = Kind.COMPILED, name: str | None = None) -> FlowMatrix:
    """Read a measured origin-destination CSV that replaces the model.

    Columns ``origin_code``, ``destination_code``, ``flow`` (``,`` or ``;`` separated, UTF-8 or
    cp1252). Pairs not listed are zero; listing a pair twice, an unknown code, a negative or
    non-numeric flow raises :class:`~destinations.errors.DataError` naming the row.
    """
    from destinations.scenarios.uploads import parse_number, read_rows, read_text_upload, sniff_separator

    label = name or (str(source) if not isinstance(source, bytes) else "uploaded OD matrix")
    if isinstance(source, bytes):
        raw = source
    else:
        path = Path(source)
        if not path.is_file():
            raise DataError(label, "file not found", "give the path of the OD matrix CSV")
        if path.stat().st_size > MAX_OD_BYTES:
            raise DataError(label, f"is larger than {MAX_OD_BYTES // 2**20} MB",
                            "a 98 x 98 matrix is far smaller; check the file")
        raw = path.read_bytes()
    text = read_text_upload(raw, label, limit=MAX_OD_BYTES)
    decimal_comma = sniff_separator(text) == ";"
    header, rows = read_rows(text)
    required = ["origin_code", "destination_code", "flow"]
    missing = [c for c in required if c not in header]
    if missing:
        raise DataError(label, f"expected columns {required}; missing {missing} (found {header})",
                        "rename the header row")
    if not rows:
        raise DataError(label, "has a header but no rows", "add one row per origin-destination pair")
    columns = [header.index(c) for c in required]
    position = {code: i for i, code in enumerate(codes)}
    values = np.zeros((len(codes), len(codes)))
    seen: set[tuple[int, int]] = set()
    for row, cells in rows:
        cells = cells + [""] * (len(header) - len(cells))
        a, b, text_flow = (cells[c].strip() for c in columns)
        for code in (a, b):
            if code not in position:
                raise DataError(label, f"row {row}: unknown municipality code {code!r}",
                                "use the official kommune codes (e.g. 101)")
        try:
            flow = parse_number(text_flow, decimal_comma=decimal_comma)
        except ValueError:
            raise DataError(label, f"row {row}: flow {text_flow!r} is not a number",
                            "write a number") from None
        if not np.isfinite(flow) or flow < 0:
            raise DataError(label, f"row {row}: flow {flow} must be a finite number >= 0",
                            "correct the value")
        key = (position[a], position[b])
        if key in seen:
            raise DataError(label, f"row {row}: pair {a}->{b} listed twice", "keep one row per pair")
        seen.add(key)
        values[key] = flow
    if values.sum() <= 0:
        raise DataError(label, "all flows are zero", "the matrix must hold some flow")
    return FlowMatrix(codes=tuple(codes), values=values, kind=kind, source=f"measured: {label}")

