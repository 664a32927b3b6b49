"""Tourist day-trip flows between municipalities: a modelled gravity/Huff matrix, or a measured one.

The flow-weighted border cut (see :mod:`destinations.scenarios.metrics`) needs ``f[i, j]``: how many
day trips guests staying in municipality *i* make to attractions in municipality *j*. No measured
origin-destination matrix exists for Denmark in our data, so by default it is **modelled**
(every figure derived from it is labelled ``Kind.MODELLED``, shown to 3 significant figures with
its unit, and comes with its sensitivity: :func:`flow_range`):

.. math::

    f_{ij} = D_i \\, \\frac{A_j\\, e^{-\\beta c_{ij}}}{\\sum_k A_k\\, e^{-\\beta c_{ik}}}
    \\quad (c_{ij} \\le c_{max}), \\qquad D_i = s \\cdot N_i

* ``N_i`` - annual overnight stays in *i* (from the facts table for the chosen year);
* ``c_ij`` - the **generalised cost** in minutes of the cheapest route on the travel graph: driving
  and crossing minutes (:mod:`destinations.data.graph`) plus, for every ferry crossing,
  ``ferry_wait_factor`` x its crossing minutes (waiting for a departure and the fare), and
  ``toll_penalty_min`` for every tolled bridge (the Great Belt: its ``fixed_links.csv`` notes say
  "toll"). ``c_ii = 0``: guests also visit their own municipality's attractions, and those
  trips never cross a border;
* ``A_j`` - attractiveness: the sum of annual visitors of the attractions in *j*, each the published
  count chosen for it (:func:`chosen_counts`). Where no count is published (most attractions), it
  counts with :func:`default_visitors` of its category: the **median** of the published counts of
  that category (all categories pooled where a category has none);
* Huff's normalisation: a guest makes ``s`` trips per overnight, shared among reachable attractions.
  A municipality with no attraction within reach sends no trips (its row is zero).

Why the penalties (facts-model review of issue 15): with plain minutes the busiest cross-border flow
of Destination Fyn was Ærø -> Sønderborg, 84,900 day trips a year in 2023, over the 70-minute
Søby-Fynshav ferry: a ferry crossing counted as an equally long drive, Sønderborg's four attractions
(none with a count in ``attractions.csv``) pulled 1.78 million default visitors, and a 120-minute
cut-off let one-way trips of two hours count as day trips. A ferry is not a road: it sails at
set times and costs a fare, so a day trip across it is rarer than its minutes say; and the longer
the crossing, the rarer the departures (Fanø every 20-40 minutes on a 12-minute crossing, Ærø about
five a day on 60-75 minutes), so the wait is taken as long as the crossing itself. With the defaults below Ærø -> Sønderborg falls out of reach and
Fyn's busiest cross-border flows run over the Little Belt to Billund, Kolding, Fredericia and Vejle.

Defaults of :class:`FlowParams` and where they come from. None is calibrated against measured
Danish day-trip data (none is available to us), so :data:`SENSITIVITY` varies each of them and
every flow is reported with the range it spans:

* ``beta_per_minute = ln 2 / 30``: attraction pull halves every 30 minutes, a conventional
  negative-exponential impedance for leisure car trips (Huff 1964); varied 20-45 minutes;
* ``max_minutes = 90``: a day trip returns the same day; 90 minutes each way (three hours on the
  road) is taken as the limit; varied to 120;
* ``ferry_wait_factor = 1``: waiting for a departure and the fare, in minutes per crossing minute
  (a 70-minute crossing costs 140 minutes, a 12-minute one 24); varied 0.5-2;
* ``toll_penalty_min = 30``: the Great Belt toll per crossing; varied 0-60;
* ``unknown_visitors = "median"``: attractions without a count pull like the median counted one of
  their category; varied to the lower quartile (counts are published mostly for the large ones);
* ``day_trip_share = 1.0``: trips per overnight stay. It scales all flows together; every metric we
  derive is a *share* of flows, which it does not change. Flows are "day trips a year" under the
  assumption of one trip per overnight stay: an index in overnight-stay units, not counted people.

:func:`flow_checks` checks the modelled matrix against what is known about the network: every
flow between two landmasses crosses a link that exists (nothing crosses water without one), no flow
exceeds the cut-off, and it lists the flow each bridge, tunnel and ferry carries (the data hold no
traffic counts to compare with, so this is consistency, not validation).

A measured matrix (CSV ``origin_code,destination_code,flow``) loaded with :func:`load_od_matrix`
replaces the model; figures derived from it carry the kind the caller states (default compiled).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Iterable, Mapping, Sequence

import numpy as np
import pandas as pd

from destinations.errors import DataError, ScenarioError
from destinations.i18n import Message, Number, fmt_significant, round_significant
from destinations.model import Attraction, Kind

if TYPE_CHECKING:  # pragma: no cover
    from destinations.data.visitors import ChosenVisitors

#: Largest OD file accepted (bytes); a 98 x 98 matrix is well under 1 MB.
MAX_OD_BYTES = 5 * 1024 * 1024
#: Unit of a flow (one day trip per overnight stay: see ``day_trip_share``).
FLOW_UNIT = "day trips a year"
#: How unknown attractions count: the statistic of the category's published counts.
UNKNOWN_VISITOR_RULES = {"median": 0.5, "lower_quartile": 0.25}
#: Where attraction visitor counts come from (lighthouses, attraction pull).
VISITORS_SOURCE = Message("published visitor counts (attraction_visitors.csv and attractions.csv, "
                          "compiled), one per attraction: latest normal year, exact over rounded over "
                          "estimate, rival figures kept and never averaged")
_TOLL = re.compile(r"\btoll\b(?!-free)", re.IGNORECASE)


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
    max_minutes: float = 90.0
    day_trip_share: float = 1.0
    ferry_wait_factor: float = 1.0
    toll_penalty_min: float = 30.0
    unknown_visitors: str = "median"

    def __post_init__(self) -> None:
        if not (np.isfinite(self.beta_per_minute) and self.beta_per_minute >= 0):
            raise ScenarioError(f"beta must be a number >= 0 per minute, got {self.beta_per_minute}.")
        if not (np.isfinite(self.max_minutes) and self.max_minutes > 0):
            raise ScenarioError(f"max minutes must be > 0, got {self.max_minutes}.")
        if not (np.isfinite(self.day_trip_share) and self.day_trip_share > 0):
            raise ScenarioError(f"day-trip share must be > 0, got {self.day_trip_share}.")
        if not (np.isfinite(self.ferry_wait_factor) and self.ferry_wait_factor >= 0):
            raise ScenarioError(f"the ferry wait factor must be >= 0 (minutes per crossing "
                                f"minute), got {self.ferry_wait_factor}.")
        if not (np.isfinite(self.toll_penalty_min) and self.toll_penalty_min >= 0):
            raise ScenarioError(f"the toll penalty must be >= 0 minutes, got "
                                f"{self.toll_penalty_min}.")
        if self.unknown_visitors not in UNKNOWN_VISITOR_RULES:
            raise ScenarioError(f"unknown_visitors must be one of {sorted(UNKNOWN_VISITOR_RULES)}, "
                                f"got {self.unknown_visitors!r}.")

    @property
    def half_weight_minutes(self) -> float:
        """Minutes after which an attraction pulls half as much (inf when beta is 0)."""
        return math.log(2) / self.beta_per_minute if self.beta_per_minute > 0 else math.inf

    def describe(self) -> str:
        """One line for captions: every setting of the model."""
        return Message("gravity/Huff model: beta={beta}/min (half weight at {half} min), max {max} min, "
                       "ferry wait {ferry} x crossing, toll +{toll} min, uncounted attractions at the "
                       "category {unknown}, day trips per overnight stay {share}",
                       beta=Number(self.beta_per_minute, 4), half=Number(self.half_weight_minutes),
                       max=Number(self.max_minutes), ferry=_general(self.ferry_wait_factor),
                       toll=Number(self.toll_penalty_min),
                       unknown=_UNKNOWN_NAMES.get(self.unknown_visitors,
                                                  self.unknown_visitors.replace("_", " ")),
                       share=_general(self.day_trip_share))


def _general(value: float) -> "Number":
    """``value`` with as many decimals as it has (at most 2), like ``{value:g}``."""
    text = f"{value:g}"
    return Number(value, len(text.split(".")[1]) if "." in text else 0)


#: How the rule for attractions without a count reads.
_UNKNOWN_NAMES = {"median": Message("median"), "lower_quartile": Message("lower quartile")}

#: One-at-a-time variations of the defaults: the range a flow spans over them is its uncertainty.
SENSITIVITY: tuple[tuple[str, dict], ...] = (
    (Message("half weight {n} min", n=20), {"beta_per_minute": math.log(2) / 20.0}),
    (Message("half weight {n} min", n=45), {"beta_per_minute": math.log(2) / 45.0}),
    (Message("cut-off {n} min", n=120), {"max_minutes": 120.0}),
    (Message("ferry wait {n} x crossing", n=Number(0.5, 1)), {"ferry_wait_factor": 0.5}),
    (Message("ferry wait {n} x crossing", n=2), {"ferry_wait_factor": 2.0}),
    (Message("no toll penalty"), {"toll_penalty_min": 0.0}),
    (Message("toll +{n} min", n=60), {"toll_penalty_min": 60.0}),
    (Message("uncounted attractions at the lower quartile"), {"unknown_visitors": "lower_quartile"}),
)


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


# ---------------------------------------------------------------------------------------------
# Numbers for people
# ---------------------------------------------------------------------------------------------
def round_flow(value: float) -> float:
    """A modelled flow at the precision it has: 3 significant figures (NaN stays NaN)."""
    value = float(value)
    return value if not math.isfinite(value) else float(round_significant(value, 3))


def format_flow(value: float, lang: str = "en", *, unit: bool = True) -> str:
    """'84,900 day trips a year' (3 significant figures, never scientific notation)."""
    text = "0" if value == 0 else fmt_significant(value, lang, digits=3)
    if not unit:
        return text
    return f"{text} {FLOW_UNIT if lang != 'da' else 'dagsture om året'}"


def format_flow_range(low: float, high: float, lang: str = "en") -> str:
    """'62,100-91,800 day trips a year' (both ends to 3 significant figures)."""
    return f"{format_flow(low, lang, unit=False)}–{format_flow(high, lang)}"


# ---------------------------------------------------------------------------------------------
# Attraction pull
# ---------------------------------------------------------------------------------------------
def _visitors_of(attraction: Attraction, counts: Mapping[str, "ChosenVisitors"] | None):
    if counts is not None:
        chosen = counts.get(attraction.name)
        return None if chosen is None else float(chosen.visitors)
    return None if attraction.visitors is None else float(attraction.visitors)


def default_visitors(attractions: Iterable[Attraction], *,
                     counts: Mapping[str, "ChosenVisitors"] | None = None,
                     statistic: str = "median") -> dict[str, float]:
    """Known annual visitors per category summarised by ``statistic`` (median or lower quartile),
    plus ``"*"`` over all categories.

    ``counts`` (attraction name -> chosen published count) replaces the ``visitors`` column of
    ``attractions.csv``. Used as the attractiveness of an attraction whose visitors are unknown (a
    modelled stand-in). Returns an empty dict when no attraction has known visitors.
    """
    q = UNKNOWN_VISITOR_RULES[statistic]
    known: dict[str, list[float]] = {}
    for attraction in attractions:
        value = _visitors_of(attraction, counts)
        if value is not None:
            known.setdefault(attraction.category, []).append(value)
    if not known:
        return {}
    result = {category: float(np.quantile(values, q)) for category, values in known.items()}
    result["*"] = float(np.quantile([v for values in known.values() for v in values], q))
    return result


def attraction_mass(codes: Sequence[str], attractions: Sequence[Attraction],
                    defaults: Mapping[str, float] | None = None, *,
                    counts: Mapping[str, "ChosenVisitors"] | None = None,
                    statistic: str = "median") -> np.ndarray:
    """Attractiveness per municipality: summed visitors, unknown visitors replaced by the default."""
    if defaults is None:
        defaults = default_visitors(attractions, counts=counts, statistic=statistic)
    position = {code: i for i, code in enumerate(codes)}
    mass = np.zeros(len(codes))
    for attraction in attractions:
        i = position.get(attraction.kommune_code)
        if i is None:
            continue
        value = _visitors_of(attraction, counts)
        mass[i] += value if value is not None else defaults.get(attraction.category,
                                                                 defaults.get("*", 0.0))
    return mass


# ---------------------------------------------------------------------------------------------
# Travel cost
# ---------------------------------------------------------------------------------------------
def tolled_links(links) -> frozenset[frozenset[str]]:
    """Pairs of municipality codes joined by a link whose notes say it is tolled ("toll", not
    "toll-free"): today the Great Belt."""
    return frozenset(frozenset((l.from_code, l.to_code)) for l in links
                     if l.from_code and l.to_code and l.from_code != l.to_code
                     and _TOLL.search(l.notes or ""))


def edge_cost(a: str, b: str, data: Mapping, params: FlowParams,
              tolled: frozenset[frozenset[str]] = frozenset()) -> float:
    """Generalised minutes of one travel-graph edge: its minutes plus the ferry wait (a factor of
    its crossing minutes) and the toll penalty."""
    cost = float(data["minutes"])
    if data.get("kind") == "ferry":
        cost += params.ferry_wait_factor * float(data.get("crossing_minutes", 0.0) or 0.0)
    if frozenset((a, b)) in tolled:
        cost += params.toll_penalty_min
    return cost


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


def cost_matrix(graph, codes: Sequence[str], params: FlowParams = FlowParams(),
                tolled: frozenset[frozenset[str]] = frozenset()) -> np.ndarray:
    """All-pairs generalised cost (minutes + ferry and toll penalties); ``inf`` where unreachable."""
    import networkx as nx

    position = {code: i for i, code in enumerate(codes)}
    out = np.full((len(codes), len(codes)), np.inf)

    def weight(a, b, data):
        return edge_cost(a, b, data, params, tolled)

    for source, dist in nx.all_pairs_dijkstra_path_length(graph, weight=weight):
        if source not in position:
            continue
        for target, value in dist.items():
            if target in position:
                out[position[source], position[target]] = value
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
        ``(n, n)`` travel cost in minutes; ``inf`` = unreachable.
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


_COSTS: dict[tuple, np.ndarray] = {}


def _inputs(base, params: FlowParams):
    codes = tuple(base.codes)
    counts = chosen_counts(base)
    mass = attraction_mass(codes, base.attractions, counts=counts,
                           statistic=params.unknown_visitors)
    # All-pairs routing is the slow part (~50 ms); the sensitivity asks for it nine times.
    key = (base.settings, id(base.graph), codes, params.ferry_wait_factor, params.toll_penalty_min)
    cost = _COSTS.get(key)
    if cost is None:
        if len(_COSTS) > 32:
            _COSTS.clear()
        cost = _COSTS[key] = cost_matrix(base.graph, codes, params, tolled_links(base.links))
        cost.setflags(write=False)
    return codes, mass, cost


def model_flows(base, overnights: Mapping[str, float] | pd.Series,
                params: FlowParams = FlowParams()) -> FlowMatrix:
    """The modelled flow matrix for ``base`` (graph, links, attractions) and overnights per code."""
    codes, mass, cost = _inputs(base, params)
    values = pd.Series(overnights, dtype=float).reindex(list(codes)).to_numpy()
    flows = gravity_flows(values, cost, mass, params)
    gaps = tuple(code for code, v in zip(codes, values) if not np.isfinite(v))
    notes = (f"no overnight figure for {len(gaps)} municipalities: their flows are gaps",) if gaps else ()
    return FlowMatrix(codes=codes, values=flows, kind=Kind.MODELLED, source=params.describe(),
                      params=params, notes=notes)


# ---------------------------------------------------------------------------------------------
# Uncertainty
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class FlowRange:
    """A flow matrix with the range it spans over :data:`SENSITIVITY`.

    ``low``/``high`` are the element-wise minimum and maximum over the central model and every
    variant; ``variants`` maps the variant's label to its matrix (the central one is
    ``"central"``).
    """

    central: FlowMatrix
    low: np.ndarray
    high: np.ndarray
    variants: Mapping[str, np.ndarray]

    @property
    def codes(self) -> tuple[str, ...]:
        return self.central.codes

    def pair(self, origin: str, destination: str) -> tuple[float, float, float]:
        """(central, low, high) of one directed pair."""
        i, j = self.codes.index(origin), self.codes.index(destination)
        return (float(self.central.values[i, j]), float(self.low[i, j]), float(self.high[i, j]))


def flow_range(base, overnights: Mapping[str, float] | pd.Series,
               params: FlowParams = FlowParams(),
               variants: Sequence[tuple[str, dict]] = SENSITIVITY) -> FlowRange:
    """The model at ``params`` and at each one-at-a-time variant of :data:`SENSITIVITY`."""
    central = model_flows(base, overnights, params)
    matrices = {"central": central.values}
    for label, change in variants:
        matrices[label] = model_flows(base, overnights, replace(params, **change)).values
    stack = np.stack(list(matrices.values()))
    return FlowRange(central=central, low=np.nanmin(stack, axis=0), high=np.nanmax(stack, axis=0),
                     variants=MappingProxyType(matrices))


def least_certain_pairs(flows: FlowRange, names: Mapping[str, str] | None = None, *,
                        top: int = 10, min_share: float = 0.001, include_absent: bool = False,
                        lang: str = "en") -> pd.DataFrame:
    """The cross-municipality pairs the model is least sure of.

    Pairs carrying at least ``min_share`` of all cross-municipality trips, ranked by ``spread`` =
    (high - low) / high: 0 = every setting agrees, 1 = some setting puts the pair at zero; ties by
    ``high``. By default only pairs the central model gives a flow; ``include_absent`` adds pairs
    that only some setting connects (e.g. at the 120-minute cut-off), judged by their high value.
    Columns: ``from_code``, ``from_name``, ``to_code``,
    ``to_name``, ``flow``, ``low``, ``high`` (3 significant figures), ``spread``, ``driver`` (the
    setting that moves it most), ``flow_text``, ``range_text``, ``kind``.
    """
    codes = flows.codes
    names = names or {}
    central = flows.central.values
    off = ~np.eye(len(codes), dtype=bool)
    total = float(np.nansum(central[off]))
    if total <= 0:
        return pd.DataFrame(columns=["from_code", "from_name", "to_code", "to_name", "flow", "low",
                                     "high", "spread", "driver", "flow_text", "range_text", "kind"])
    size = np.maximum(central, flows.high) if include_absent else central
    candidates = off & (size >= min_share * total) & (include_absent | (central > 0))
    rows = []
    for i, j in zip(*np.nonzero(candidates)):
        low, high, mid = flows.low[i, j], flows.high[i, j], central[i, j]
        spread = (high - low) / high if high > 0 else 0.0
        driver = max((label for label in flows.variants if label != "central"),
                     key=lambda label: abs(flows.variants[label][i, j] - mid))
        rows.append({"from_code": codes[i], "from_name": names.get(codes[i], codes[i]),
                     "to_code": codes[j], "to_name": names.get(codes[j], codes[j]),
                     "flow": round_flow(mid), "low": round_flow(low), "high": round_flow(high),
                     "spread": spread, "driver": driver,
                     "flow_text": format_flow(mid, lang),
                     "range_text": format_flow_range(low, high, lang),
                     "kind": flows.central.kind.value})
    frame = pd.DataFrame(rows)
    frame = frame.sort_values(["spread", "high"], ascending=[False, False], kind="stable")
    return frame.head(top).reset_index(drop=True)


# ---------------------------------------------------------------------------------------------
# Checks against the network
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class LinkLoad:
    """The modelled day trips one bridge, tunnel or ferry edge carries (both directions)."""

    code_a: str
    code_b: str
    kind: str
    links: tuple[str, ...]
    flow: float  # 3 significant figures
    share: float  # of all trips between different municipalities
    pairs: int  # origin-destination pairs routed over it

    @property
    def flow_text(self) -> str:
        return format_flow(self.flow)


@dataclass(frozen=True)
class FlowCheck:
    """What :func:`flow_checks` found. ``ok`` when ``problems`` is empty."""

    problems: tuple[str, ...]
    link_loads: tuple[LinkLoad, ...]
    cross_water_share: float  # of inter-municipal trips that use at least one link
    pairs_checked: int
    notes: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    def table(self) -> pd.DataFrame:
        """One row per link edge: ``from_code``, ``to_code``, ``kind``, ``links``, ``flow``,
        ``flow_text``, ``share``, ``pairs``."""
        return pd.DataFrame([{"from_code": l.code_a, "to_code": l.code_b, "kind": l.kind,
                              "links": "; ".join(l.links), "flow": l.flow,
                              "flow_text": l.flow_text, "share": l.share, "pairs": l.pairs}
                             for l in self.link_loads],
                            columns=["from_code", "to_code", "kind", "links", "flow", "flow_text",
                                     "share", "pairs"])


def flow_checks(base, flows: FlowMatrix) -> FlowCheck:
    """Check a flow matrix against the travel network (for the data page).

    * every pair with flow is reachable on the travel graph, and (for the model) within its
      cut-off;
    * a pair on two landmasses (no land-border path) routes over at least one link that exists -
      nothing crosses water without a bridge, tunnel or ferry;
    * each link edge gets the flow routed over it (all-or-nothing on the cheapest route).
    """
    import networkx as nx

    graph = base.graph
    codes = tuple(base.codes)
    params = flows.params or FlowParams()
    tolled = tolled_links(base.links)
    values = flows.aligned(codes)
    land = nx.Graph()
    land.add_nodes_from(codes)
    land.add_edges_from((a, b) for a, b, d in graph.edges(data=True) if d.get("kind") == "land")
    landmass = {code: k for k, part in enumerate(nx.connected_components(land)) for code in part}

    def weight(a, b, data):
        return edge_cost(a, b, data, params, tolled)

    problems: list[str] = []
    loads: dict[frozenset[str], list] = {}
    crossing = 0.0
    total = 0.0
    checked = 0
    for i, a in enumerate(codes):
        targets = [j for j in range(len(codes)) if j != i and values[i, j] > 0]
        if not targets:
            continue
        cost, paths = nx.single_source_dijkstra(graph, a, weight=weight)
        for j in targets:
            b, flow = codes[j], float(values[i, j])
            checked += 1
            total += flow
            if b not in paths:
                problems.append(f"{a}->{b}: {format_flow(flow)} between places with no route")
                continue
            if flows.params is not None and cost[b] > params.max_minutes + 1e-9:
                problems.append(f"{a}->{b}: {format_flow(flow)} beyond the "
                                f"{params.max_minutes:.0f}-minute cut-off ({cost[b]:.0f} min)")
            path = paths[b]
            used = [(u, v) for u, v in zip(path, path[1:]) if graph[u][v].get("kind") != "land"]
            if landmass[a] != landmass[b] and not used:
                problems.append(f"{a}->{b}: crosses water without a link")
            if used:
                crossing += flow
            for u, v in used:
                entry = loads.setdefault(frozenset((u, v)), [u, v, 0.0, 0])
                entry[2] += flow
                entry[3] += 1
    link_loads = []
    for u, v, flow, pairs in loads.values():
        data = graph[u][v]
        link_loads.append(LinkLoad(code_a=u, code_b=v, kind=str(data.get("kind")),
                                   links=tuple(data.get("links", ())), flow=round_flow(flow),
                                   share=flow / total if total > 0 else math.nan, pairs=pairs))
    idle = [(u, v, d) for u, v, d in graph.edges(data=True)
            if d.get("kind") != "land" and frozenset((u, v)) not in loads]
    for u, v, d in idle:
        link_loads.append(LinkLoad(code_a=u, code_b=v, kind=str(d.get("kind")),
                                   links=tuple(d.get("links", ())), flow=0.0, share=0.0, pairs=0))
    link_loads.sort(key=lambda l: (-l.flow, l.code_a, l.code_b))
    notes = (Message("no traffic counts for the links are in the data: this checks consistency with "
                     "the network, not the size of the flows"),
             Message("{n} link edges carry no modelled day trip (beyond the cut-off or never the "
                     "cheapest route)", n=len(idle)))
    return FlowCheck(problems=tuple(problems), link_loads=tuple(link_loads),
                     cross_water_share=crossing / total if total > 0 else math.nan,
                     pairs_checked=checked, notes=notes)


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

