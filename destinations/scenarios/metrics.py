"""Scenario metrics: one registered table, small pure functions, an incremental re-evaluation.

Everything a metric needs is gathered once in an :class:`EvaluationContext` of plain arrays
(built from the base data and a facts table with :meth:`EvaluationContext.from_base`, or from
hand-made inputs with :meth:`EvaluationContext.from_inputs` in tests). A metric is one row of
:data:`METRICS`: key, labels (en/da), unit, which direction is better, the kind of figure, the level
(``company`` or ``plan``) and a function:

* company rows: ``fn(ctx, members) -> value`` where ``members`` is an int array of municipality
  positions;
* plan rows: ``fn(ctx, state) -> value`` where ``state`` is a :class:`PlanState` (zone per
  municipality plus every company's values).

Adding a metric = one function + one row. Values are plain ``int``/``float``/``bool``; ``nan``
marks a gap (an input figure is missing), never a zero.

Conventions (documented once here, used everywhere):

* an unaffiliated municipality is its own zone: flows to it cross a border, a theme found only there
  is split off, it is never a company (it does not count as a floor violation);
* empty companies (just created) are not evaluated and do not count as companies;
* seasonality Gini ``G = (2/12) sum_i i s_(i) - 13/12`` on monthly shares sorted ascending
  (Ferrante, Lo Magno & De Cantis 2018), 0 = flat, 11/12 = a single month;
* merger complementarity ``dG = sum_i w_i G_i - G(sum_i N_i)`` with ``w_i`` the member's share of
  the company's overnights (> 0: the company is less seasonal than its members on average);
* balance Gini over company overnights ``sum_ij |x_i - x_j| / (2 n^2 mean)``;
* flow-weighted border cut ``sum_{zone(i) != zone(j)} f_ij / sum_ij f_ij`` over the directed flow
  matrix including the diagonal (trips inside a municipality never cross a border);
* effective splits of a theme ``ES = 1 / sum_d s_d^2 - 1``, ``s_d`` = the zone's share of the
  theme's attractions (0 = whole, 1 = an even split in two);
* lighthouse status of a company (:func:`lighthouse_status`): **yes** when one of its attractions
  has a published annual count at or above the threshold, **no** only when every one of its
  attractions has a count and all are below it, otherwise **unknown** (some attraction has no
  published count, or the company lists none). The count per attraction is the one
  :func:`destinations.data.visitors.chosen_visitor_counts` picks (latest normal year, exact over
  rounded over estimate, rivals kept, never averaged); its year is shown with it. Missing counts
  are never read as small: that flagged 11 of 19 companies, Bornholm included, as without a
  lighthouse only because Hammershus had no count in ``attractions.csv``.
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Callable, Iterable, Mapping, Sequence

import numpy as np
import shapely

from destinations.errors import ScenarioError
from destinations.i18n import N_, gettext
from destinations.scenarios.flows import (
    VISITORS_SOURCE,
    FlowMatrix,
    FlowParams,
    chosen_counts,
    format_flow,
    model_flows,
)
from destinations.model import Kind
from destinations.scenarios.scenario import Scenario

#: Accommodation types of the facts table, in its order.
CAPACITY_TYPES = ("hotel", "holiday_centre_hostel", "camping", "marina", "holiday_home")
#: Attractions with at least this many annual visitors are "lighthouses".
LIGHTHOUSE_THRESHOLD = 250_000
#: Critical-mass floor: overnight stays per year a company should reach.
OVERNIGHTS_FLOOR = 750_000
#: The national target band for the number of destination companies.
SIZE_BAND = (15, 25)
#: Leaky border segments reported per evaluation.
LEAKY_TOP = 10
#: Months of the peak quarter (June, July, August).
PEAK_QUARTER = (6, 7, 8)

_KIND_ORDER = {Kind.OFFICIAL: 0, Kind.COMPILED: 1, Kind.MODELLED: 2}
# Theme tokens that are artefacts of a missing value in the source file, not themes.
_NOT_THEMES = {"", "nan", "none", "null"}


# ---------------------------------------------------------------------------------------------
# Context
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class EvaluationContext:
    """Plain-array inputs of every metric, built once per (base data, facts year, flow model).

    ``n`` municipalities in ``codes`` order; arrays are read-only by convention.

    Attributes
    ----------
    codes, names
        Municipality codes and names.
    overnights, foreign
        ``(n,)`` annual overnight stays, all and foreign guests (NaN = gap).
    monthly
        ``(n, 12)`` overnight stays per month.
    capacity
        ``(n, len(CAPACITY_TYPES))`` bed places per accommodation type.
    facts_official
        ``(n,)`` True where the municipality's facts are official (else modelled).
    attraction_code, attraction_visitors, attraction_themes
        Per attraction: municipality position, annual visitors (NaN = unknown), theme tags.
    attraction_names, attraction_labels
        Per attraction: name, and the chosen count as shown ("500,000 (undated, estimate)"; ""
        where none) - the evidence of a lighthouse status.
    edges, edge_kind, border_geometries
        Travel-graph edges ``(m, 2)`` of positions, their kind (land/bridge/tunnel/ferry) and a
        drawable line per edge (shared border; for links a line between the two anchors).
    flows
        ``(n, n)`` directed day-trip flows; ``flow_kind``/``flow_source`` say where they come from.
    areas
        ``(n,)`` municipality areas (m^2); ``hull_points``: convex-hull vertices per municipality.
    """

    codes: tuple[str, ...]
    names: tuple[str, ...]
    overnights: np.ndarray
    foreign: np.ndarray
    monthly: np.ndarray
    capacity: np.ndarray
    facts_official: np.ndarray
    attraction_code: np.ndarray
    attraction_visitors: np.ndarray
    attraction_themes: tuple[tuple[str, ...], ...]
    edges: np.ndarray
    edge_kind: tuple[str, ...]
    border_geometries: tuple[object, ...]
    flows: np.ndarray
    areas: np.ndarray
    hull_points: tuple[np.ndarray, ...]
    flow_kind: Kind = Kind.MODELLED
    flow_source: str = ""
    year: int | None = None
    floor: float = OVERNIGHTS_FLOOR
    lighthouse_threshold: float = LIGHTHOUSE_THRESHOLD
    size_band: tuple[int, int] = SIZE_BAND
    leaky_top: int = LEAKY_TOP
    attraction_names: tuple[str, ...] = ()
    attraction_labels: tuple[str, ...] = ()
    visitors_source: str = ""
    # Derived in __post_init__ (not constructor arguments).
    index: Mapping[str, int] = field(init=False, repr=False)
    neighbours: tuple[tuple[int, ...], ...] = field(init=False, repr=False)
    attraction_counts: np.ndarray = field(init=False, repr=False)
    lighthouse_counts: np.ndarray = field(init=False, repr=False)
    uncounted_counts: np.ndarray = field(init=False, repr=False)
    themes: tuple[str, ...] = field(init=False, repr=False)
    theme_counts: np.ndarray = field(init=False, repr=False)
    flow_total: float = field(init=False, repr=False)
    municipality_gini: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        n = len(self.codes)
        for name, array, shape in (
            ("overnights", self.overnights, (n,)), ("foreign", self.foreign, (n,)),
            ("monthly", self.monthly, (n, 12)), ("capacity", self.capacity, (n, len(CAPACITY_TYPES))),
            ("facts_official", self.facts_official, (n,)), ("flows", self.flows, (n, n)),
            ("areas", self.areas, (n,)),
        ):
            if np.shape(array) != shape:
                raise ValueError(f"EvaluationContext.{name}: expected shape {shape}, got "
                                 f"{np.shape(array)}")
        set_ = object.__setattr__
        set_(self, "index", MappingProxyType({code: i for i, code in enumerate(self.codes)}))
        adjacency: list[set[int]] = [set() for _ in range(n)]
        for a, b in np.asarray(self.edges, dtype=int).reshape(-1, 2):
            adjacency[a].add(int(b))
            adjacency[b].add(int(a))
        set_(self, "neighbours", tuple(tuple(sorted(s)) for s in adjacency))
        codes_of = np.asarray(self.attraction_code, dtype=int)
        set_(self, "attraction_counts", np.bincount(codes_of, minlength=n).astype(float))
        lighthouse = np.nan_to_num(self.attraction_visitors, nan=-1.0) >= self.lighthouse_threshold
        set_(self, "lighthouse_counts",
             np.bincount(codes_of[lighthouse], minlength=n).astype(float))
        # Attractions without a usable count: they make a company's "no lighthouse" unknowable.
        uncounted = ~np.isfinite(np.asarray(self.attraction_visitors, dtype=float))
        set_(self, "uncounted_counts", np.bincount(codes_of[uncounted], minlength=n).astype(float))
        if not self.attraction_names:
            set_(self, "attraction_names", tuple(f"attraction {k + 1}" for k in range(len(codes_of))))
        if not self.attraction_labels:
            set_(self, "attraction_labels", tuple(
                "" if not np.isfinite(v) else f"{v:,.0f}" for v in
                np.asarray(self.attraction_visitors, dtype=float)))
        themes = sorted({t for tags in self.attraction_themes for t in tags})
        counts = np.zeros((len(themes), n))
        theme_pos = {t: k for k, t in enumerate(themes)}
        for code, tags in zip(codes_of, self.attraction_themes):
            for tag in set(tags):
                counts[theme_pos[tag], code] += 1
        set_(self, "themes", tuple(themes))
        set_(self, "theme_counts", counts)
        set_(self, "flow_total", float(np.sum(self.flows)))
        # Each municipality's own seasonality never changes: computed once for dG.
        set_(self, "municipality_gini", np.array([seasonality_gini(row) for row in self.monthly]))

    @property
    def n(self) -> int:
        return len(self.codes)

    def positions(self, codes: Iterable[str]) -> np.ndarray:
        """Positions of ``codes``; unknown codes raise :class:`ScenarioError`."""
        try:
            return np.fromiter((self.index[c] for c in codes), dtype=int)
        except KeyError as exc:
            raise ScenarioError(f"Unknown municipality code {exc.args[0]!r} for this evaluation "
                                "context. Use the official kommune codes.") from None

    # ------------------------------------------------------------------ builders
    @classmethod
    def from_inputs(
        cls,
        codes: Sequence[str],
        *,
        overnights: Mapping[str, float],
        monthly: Mapping[str, Sequence[float]] | None = None,
        foreign: Mapping[str, float] | None = None,
        capacity: Mapping[str, Mapping[str, float]] | None = None,
        official: Iterable[str] = (),
        attractions: Iterable[tuple[str, float | None, Sequence[str]]] = (),
        edges: Iterable[tuple[str, str]] | Iterable[tuple[str, str, str]] = (),
        flows: Mapping[tuple[str, str], float] | np.ndarray | None = None,
        geometries: Mapping[str, object] | None = None,
        border_geometries: Mapping[tuple[str, str], object] | None = None,
        names: Mapping[str, str] | None = None,
        flow_kind: Kind = Kind.MODELLED,
        flow_source: str = "",
        year: int | None = None,
        floor: float = OVERNIGHTS_FLOOR,
        lighthouse_threshold: float = LIGHTHOUSE_THRESHOLD,
        size_band: tuple[int, int] = SIZE_BAND,
        leaky_top: int = LEAKY_TOP,
    ) -> "EvaluationContext":
        """Build from small hand-made mappings (tests, notebooks, other data sources).

        Missing figures become NaN gaps (monthly, foreign, capacity) or zero (flows). Attractions
        are ``(code, visitors or None, themes)`` or ``(code, visitors, themes, name)``; edges
        ``(a, b)`` or ``(a, b, kind)``;
        geometries are polygons in a metric CRS; border geometries default to the intersection of
        the two polygons' boundaries (or ``None``).
        """
        codes = tuple(str(c) for c in codes)
        pos = {code: i for i, code in enumerate(codes)}
        n = len(codes)

        def vector(values: Mapping[str, float] | None) -> np.ndarray:
            out = np.full(n, np.nan)
            for code, value in (values or {}).items():
                out[pos[code]] = np.nan if value is None else float(value)
            return out

        month = np.full((n, 12), np.nan)
        for code, values in (monthly or {}).items():
            month[pos[code]] = np.asarray(values, dtype=float)
        cap = np.full((n, len(CAPACITY_TYPES)), np.nan)
        for code, by_type in (capacity or {}).items():
            for t, value in by_type.items():
                cap[pos[code], CAPACITY_TYPES.index(t)] = value
        attraction_rows = list(attractions)
        edge_rows = [tuple(e) for e in edges]
        edge_array = np.array([[pos[e[0]], pos[e[1]]] for e in edge_rows], dtype=int).reshape(-1, 2)
        kinds = tuple(e[2] if len(e) > 2 else "land" for e in edge_rows)
        if isinstance(flows, np.ndarray):
            flow_matrix = np.asarray(flows, dtype=float)
        else:
            flow_matrix = np.zeros((n, n))
            for (a, b), value in (flows or {}).items():
                flow_matrix[pos[a], pos[b]] = value
        geoms = [None if geometries is None else geometries.get(code) for code in codes]
        areas = np.array([np.nan if g is None else float(shapely.area(g)) for g in geoms])
        hulls = tuple(_hull_vertices(g) for g in geoms)
        borders = []
        for (a, b, *_), kind in zip(edge_rows, kinds):
            given = (border_geometries or {}).get((a, b), (border_geometries or {}).get((b, a)))
            if given is None and geoms[pos[a]] is not None and geoms[pos[b]] is not None:
                given = shapely.line_merge(shapely.intersection(
                    shapely.boundary(geoms[pos[a]]), shapely.boundary(geoms[pos[b]])))
            borders.append(None if given is None or given.is_empty else given)
        return cls(
            codes=codes,
            names=tuple((names or {}).get(code, code) for code in codes),
            overnights=vector(overnights),
            foreign=vector(foreign),
            monthly=month,
            capacity=cap,
            facts_official=np.array([code in set(official) for code in codes], dtype=bool),
            attraction_code=np.array([pos[a[0]] for a in attraction_rows], dtype=int),
            attraction_visitors=np.array([np.nan if a[1] is None else float(a[1])
                                          for a in attraction_rows], dtype=float),
            attraction_themes=tuple(_clean_themes(a[2]) for a in attraction_rows),
            edges=edge_array,
            edge_kind=kinds,
            border_geometries=tuple(borders),
            flows=flow_matrix,
            areas=areas,
            hull_points=hulls,
            flow_kind=flow_kind,
            flow_source=flow_source,
            year=year,
            floor=floor,
            lighthouse_threshold=lighthouse_threshold,
            size_band=size_band,
            leaky_top=leaky_top,
            attraction_names=tuple(str(a[3]) if len(a) > 3 else f"{a[0]} attraction {k + 1}"
                                   for k, a in enumerate(attraction_rows)),
        )

    @classmethod
    def from_base(
        cls,
        base,
        facts,
        *,
        flow_params: FlowParams = FlowParams(),
        flows: FlowMatrix | None = None,
        lighthouse_threshold: float = LIGHTHOUSE_THRESHOLD,
        floor: float = OVERNIGHTS_FLOOR,
        size_band: tuple[int, int] = SIZE_BAND,
        leaky_top: int = LEAKY_TOP,
    ) -> "EvaluationContext":
        """Build from :class:`~destinations.data.base.BaseData` and a facts table.

        ``facts`` needs ``year``, ``annual()``, ``foreign_share()``, ``overnights_by_month(codes)``,
        ``capacity_by_type()`` and ``kind_of(code)``. ``flows`` (a measured matrix) replaces the
        gravity model built with ``flow_params``. Border lines are drawn on the display-simplified
        coverage (the map's polygons) in EPSG:4326. Attraction visitors are the published counts
        chosen per attraction (:func:`destinations.scenarios.flows.chosen_counts`), with their year.
        """
        import geopandas as gpd

        from destinations.settings import DISPLAY_CRS

        codes = tuple(base.codes)
        annual = facts.annual().reindex(list(codes)).astype(float)
        foreign = (facts.foreign_share().reindex(list(codes)).astype(float) * annual)
        monthly = facts.overnights_by_month(list(codes)).reindex(index=list(codes),
                                                                 columns=range(1, 13))
        capacity = facts.capacity_by_type().reindex(index=list(codes), columns=list(CAPACITY_TYPES))
        official = np.array([str(facts.kind_of(code)) == Kind.OFFICIAL.value for code in codes])
        flow_matrix = flows if flows is not None else model_flows(base, annual, flow_params)
        counts = chosen_counts(base)

        municipalities = base.municipalities.loc[list(codes)]
        geoms = municipalities.geometry.values
        pos = {code: i for i, code in enumerate(codes)}
        graph = base.graph
        edge_rows = [(a, b, d.get("kind", "land")) for a, b, d in graph.edges(data=True)
                     if a in pos and b in pos]
        simplified = shapely.coverage_simplify(geoms, base.settings.display_tolerance_m)
        boundaries = shapely.boundary(simplified)
        borders = []
        for a, b, kind in edge_rows:
            line = shapely.line_merge(shapely.intersection(boundaries[pos[a]], boundaries[pos[b]]))
            if line.is_empty or kind != "land":
                na, nb = graph.nodes[a], graph.nodes[b]
                line = shapely.LineString([(na["x"], na["y"]), (nb["x"], nb["y"])])
            borders.append(line)
        borders_4326 = gpd.GeoSeries(borders, crs=municipalities.crs).to_crs(DISPLAY_CRS)
        themes_of = tuple(_clean_themes(a.themes) for a in base.attractions)
        return cls(
            codes=codes,
            names=tuple(municipalities["name"].astype(str)),
            overnights=annual.to_numpy(),
            foreign=foreign.to_numpy(),
            monthly=monthly.to_numpy(dtype=float),
            capacity=capacity.to_numpy(dtype=float),
            facts_official=official,
            attraction_code=np.array([pos[a.kommune_code] for a in base.attractions], dtype=int),
            attraction_visitors=np.array([float(counts[a.name].visitors) if a.name in counts
                                          else np.nan for a in base.attractions]),
            attraction_names=tuple(a.name for a in base.attractions),
            attraction_labels=tuple(counts[a.name].label if a.name in counts else ""
                                    for a in base.attractions),
            visitors_source=VISITORS_SOURCE,
            attraction_themes=themes_of,
            edges=np.array([[pos[a], pos[b]] for a, b, _ in edge_rows], dtype=int).reshape(-1, 2),
            edge_kind=tuple(k for *_, k in edge_rows),
            border_geometries=tuple(borders_4326.values),
            flows=flow_matrix.aligned(codes),
            areas=np.asarray(shapely.area(geoms), dtype=float),
            hull_points=tuple(_hull_vertices(g) for g in geoms),
            flow_kind=flow_matrix.kind,
            flow_source=flow_matrix.source,
            year=getattr(facts, "year", None),
            floor=floor,
            lighthouse_threshold=lighthouse_threshold,
            size_band=size_band,
            leaky_top=leaky_top,
        )


def _clean_themes(tags: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({str(t).strip() for t in tags} - _NOT_THEMES))


def _hull_vertices(geometry) -> np.ndarray:
    if geometry is None or geometry.is_empty:
        return np.empty((0, 2))
    return shapely.get_coordinates(shapely.convex_hull(geometry))


# ---------------------------------------------------------------------------------------------
# Pure metric functions (company level: members = int positions)
# ---------------------------------------------------------------------------------------------
def seasonality_gini(monthly: np.ndarray) -> float:
    """Gini of 12 monthly values (Ferrante et al. 2018): 0 flat ... 11/12 a single month.

    NaN when a month is missing or the total is not positive.
    """
    values = np.asarray(monthly, dtype=float)
    total = values.sum()
    if values.shape != (12,) or not np.isfinite(total) or total <= 0:
        return math.nan
    shares = np.sort(values / total)
    return float((2.0 / 12.0) * np.dot(np.arange(1, 13), shares) - 13.0 / 12.0)


def gini(values: Sequence[float]) -> float:
    """Gini of non-negative values: ``sum_ij |x_i - x_j| / (2 n^2 mean)``; NaN on gaps."""
    x = np.asarray(values, dtype=float)
    if x.size == 0 or not np.all(np.isfinite(x)):
        return math.nan
    mean = x.mean()
    if mean <= 0:
        return math.nan if x.size == 0 else 0.0
    return float(np.abs(x[:, None] - x[None, :]).sum() / (2.0 * x.size ** 2 * mean))


def effective_splits(counts: Sequence[float]) -> float:
    """``1 / sum s^2 - 1`` of the shares in ``counts`` (0 = not split); NaN if nothing counted."""
    c = np.asarray(counts, dtype=float)
    total = c.sum()
    if total <= 0:
        return math.nan
    shares = c / total
    return float(1.0 / np.dot(shares, shares) - 1.0)


def members_count(ctx: EvaluationContext, members: np.ndarray) -> int:
    return int(members.size)


def overnights_sum(ctx: EvaluationContext, members: np.ndarray) -> float:
    return float(ctx.overnights[members].sum())  # NaN when any member is a gap


def foreign_share(ctx: EvaluationContext, members: np.ndarray) -> float:
    total = ctx.overnights[members].sum()
    return float(ctx.foreign[members].sum() / total) if total > 0 else math.nan


def _capacity(type_name: str) -> Callable[[EvaluationContext, np.ndarray], float]:
    column = CAPACITY_TYPES.index(type_name)

    def capacity(ctx: EvaluationContext, members: np.ndarray) -> float:
        return float(ctx.capacity[members, column].sum())

    capacity.__name__ = f"capacity_{type_name}"
    capacity.__doc__ = f"Bed places of type {type_name!r} summed over the members."
    return capacity


def capacity_total(ctx: EvaluationContext, members: np.ndarray) -> float:
    return float(ctx.capacity[members].sum())


def attractions_count(ctx: EvaluationContext, members: np.ndarray) -> int:
    return int(ctx.attraction_counts[members].sum())


def lighthouses_count(ctx: EvaluationContext, members: np.ndarray) -> int:
    return int(ctx.lighthouse_counts[members].sum())


def has_lighthouse(ctx: EvaluationContext, members: np.ndarray) -> float | bool:
    """True (a lighthouse), False (every attraction counted, all below), NaN (unknown)."""
    return _STATUS_VALUE[lighthouse_status(ctx, members).status]


def uncounted_attractions(ctx: EvaluationContext, members: np.ndarray) -> int:
    """Attractions of the members without a usable published visitor count."""
    return int(ctx.uncounted_counts[members].sum())


@dataclass(frozen=True)
class LighthouseStatus:
    """Why a company has, has not, or may have a lighthouse (see the module docstring).

    ``lighthouses``, ``below`` and ``uncounted`` are ``(attraction name, count as shown)`` pairs:
    the attractions at or above the threshold, those counted below it, those without a count.
    """

    status: str  # "yes" | "no" | "unknown"
    threshold: float
    lighthouses: tuple[tuple[str, str], ...]
    below: tuple[tuple[str, str], ...]
    uncounted: tuple[tuple[str, str], ...]

    @property
    def reason(self) -> str:
        """One line for tables and the CLI."""
        limit = f"{self.threshold:,.0f}"
        if self.status == "yes":
            return "at or above {}: {}".format(limit, "; ".join(f"{n} {c}" for n, c in self.lighthouses))
        if self.status == "no":
            return f"every listed attraction counted, all below {limit}"
        if not (self.below or self.uncounted):
            return "no attraction listed"
        return (f"{len(self.uncounted)} of {len(self.below) + len(self.uncounted)} attractions "
                "without a published count: " + ", ".join(n for n, _ in self.uncounted))


_STATUS_VALUE = {"yes": True, "no": False, "unknown": math.nan}


def status_of(attractions: Iterable[tuple[str, float | None, str]], *,
              threshold: float = LIGHTHOUSE_THRESHOLD) -> LighthouseStatus:
    """The rule on plain records ``(name, visitors or None/NaN, count as shown)``."""
    above, below, uncounted = [], [], []
    for name, visitors, label in attractions:
        entry = (str(name), str(label))
        value = math.nan if visitors is None else float(visitors)
        if not math.isfinite(value):
            uncounted.append(entry)
        elif value >= threshold:
            above.append(entry)
        else:
            below.append(entry)
    if above:
        status = "yes"
    elif below and not uncounted:
        status = "no"
    else:
        status = "unknown"  # a missing count is never read as a small one
    return LighthouseStatus(status=status, threshold=float(threshold), lighthouses=tuple(above),
                            below=tuple(below), uncounted=tuple(uncounted))


def lighthouse_status(ctx: EvaluationContext, members: np.ndarray) -> LighthouseStatus:
    """The lighthouse status of the municipalities ``members`` (positions)."""
    inside = np.isin(np.asarray(ctx.attraction_code, dtype=int), np.asarray(members, dtype=int))
    return status_of(((ctx.attraction_names[k], ctx.attraction_visitors[k],
                       ctx.attraction_labels[k]) for k in np.flatnonzero(inside)),
                     threshold=ctx.lighthouse_threshold)


def below_floor(ctx: EvaluationContext, members: np.ndarray) -> float | bool:
    total = overnights_sum(ctx, members)
    return math.nan if not np.isfinite(total) else bool(total < ctx.floor)


def components(ctx: EvaluationContext, members: np.ndarray) -> list[list[int]]:
    """Connected parts of the members on the travel graph, largest first."""
    inside = set(int(m) for m in members)
    parts: list[list[int]] = []
    while inside:
        start = inside.pop()
        part, queue = [start], deque([start])
        while queue:
            node = queue.popleft()
            for other in ctx.neighbours[node]:
                if other in inside:
                    inside.remove(other)
                    part.append(other)
                    queue.append(other)
        parts.append(sorted(part))
    return sorted(parts, key=lambda p: (-len(p), p))


def contiguity_components(ctx: EvaluationContext, members: np.ndarray) -> int:
    return len(components(ctx, members))


def hull_ratio(ctx: EvaluationContext, members: np.ndarray) -> float:
    """Area / area of the convex hull of the union (1 = convex); NaN without geometry."""
    area = ctx.areas[members].sum()
    points = [ctx.hull_points[m] for m in members]
    if not np.isfinite(area) or any(p.size == 0 for p in points):
        return math.nan
    hull = shapely.convex_hull(shapely.multipoints(np.vstack(points)))
    hull_area = hull.area
    return float(area / hull_area) if hull_area > 0 else math.nan


def company_seasonality_gini(ctx: EvaluationContext, members: np.ndarray) -> float:
    return seasonality_gini(ctx.monthly[members].sum(axis=0))


def peak_mean_ratio(ctx: EvaluationContext, members: np.ndarray) -> float:
    monthly = ctx.monthly[members].sum(axis=0)
    mean = monthly.mean()
    return float(monthly.max() / mean) if np.isfinite(mean) and mean > 0 else math.nan


def peak_quarter_share(ctx: EvaluationContext, members: np.ndarray) -> float:
    monthly = ctx.monthly[members].sum(axis=0)
    total = monthly.sum()
    if not np.isfinite(total) or total <= 0:
        return math.nan
    return float(monthly[[m - 1 for m in PEAK_QUARTER]].sum() / total)


def complementarity(ctx: EvaluationContext, members: np.ndarray) -> float:
    """``sum_i w_i G_i - G(company)``, ``w_i`` = member's share of the company's overnights.

    A member without stays has weight 0 (its undefined Gini does not matter).
    """
    monthly = ctx.monthly[members]
    totals = monthly.sum(axis=1)
    grand = totals.sum()
    if not np.isfinite(grand) or grand <= 0:
        return math.nan
    member_g = np.where(totals > 0, ctx.municipality_gini[members], 0.0)
    # Rounded so identical profiles give 0, not floating-point noise such as -2.8e-16.
    return round(float(np.dot(totals / grand, member_g) - seasonality_gini(monthly.sum(axis=0))), 12)


def border_flow_share(ctx: EvaluationContext, members: np.ndarray) -> float:
    """Share of the flows touching the company that cross its border (in or out)."""
    rows = ctx.flows[members]
    internal = rows[:, members].sum()
    outgoing = rows.sum() - internal
    incoming = ctx.flows[:, members].sum() - internal
    touching = internal + outgoing + incoming
    return float((outgoing + incoming) / touching) if touching > 0 else math.nan


# ---------------------------------------------------------------------------------------------
# Plan level
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class PlanState:
    """What plan metrics see: a zone per municipality and every (non-empty) company's values.

    ``zones[i]`` is the company's position in ``company_ids`` or, for an unaffiliated municipality,
    ``len(company_ids) + i`` (its own zone).
    """

    zones: np.ndarray
    company_ids: tuple[str, ...]
    values: Mapping[str, Mapping[str, object]]
    theme_zones: np.ndarray | None = None  # (themes, zones) counts, see theme_zone_counts

    def column(self, key: str) -> np.ndarray:
        return np.array([float(self.values[c][key]) for c in self.company_ids], dtype=float)


def plan_companies(ctx: EvaluationContext, state: PlanState) -> int:
    return len(state.company_ids)


def plan_unaffiliated(ctx: EvaluationContext, state: PlanState) -> int:
    return int(np.sum(state.zones >= len(state.company_ids)))


def size_band_gap(ctx: EvaluationContext, state: PlanState) -> int:
    """How many companies short of / beyond the 15-25 band (0 inside it)."""
    lo, hi = ctx.size_band
    k = len(state.company_ids)
    return int(max(lo - k, 0, k - hi))


def balance_gini(ctx: EvaluationContext, state: PlanState) -> float:
    return gini(state.column("overnights"))


def max_min_ratio(ctx: EvaluationContext, state: PlanState) -> float:
    x = state.column("overnights")
    if x.size == 0 or not np.all(np.isfinite(x)) or x.min() <= 0:
        return math.nan
    return float(x.max() / x.min())


def _count_where(key: str, test: Callable[[object], bool]) -> Callable[[EvaluationContext, PlanState], float]:
    def count(ctx: EvaluationContext, state: PlanState) -> float:
        values = [state.values[c][key] for c in state.company_ids]
        if any(isinstance(v, float) and math.isnan(v) for v in values):
            return math.nan
        return int(sum(bool(test(v)) for v in values))

    return count


floor_violation_count = _count_where("below_floor", lambda v: v is True)
noncontiguous_count = _count_where("contiguity_components", lambda v: v > 1)
def lighthouseless_count(ctx: EvaluationContext, state: PlanState) -> int:
    """Companies known to have no lighthouse (status "no"; unknown ones are counted apart)."""
    return int(sum(state.values[c]["has_lighthouse"] is False for c in state.company_ids))


def lighthouse_unknown_count(ctx: EvaluationContext, state: PlanState) -> int:
    """Companies whose lighthouse status is unknown (an attraction without a published count)."""
    return int(sum(_is_nan(state.values[c]["has_lighthouse"]) for c in state.company_ids))


def _is_nan(value: object) -> bool:
    return isinstance(value, float) and math.isnan(value)


def flow_cut_share(ctx: EvaluationContext, state: PlanState) -> float:
    return cut_share(state.zones, ctx.flows)


def cut_share(zones: np.ndarray, flows: np.ndarray) -> float:
    """Share of all flows between municipalities of different zones (NaN without flows)."""
    total = float(np.sum(flows))
    if not np.isfinite(total) or total <= 0:
        return math.nan
    crossing = zones[:, None] != zones[None, :]
    return float(flows[crossing].sum() / total)


def flow_cut_range(evaluation: "Evaluation", variants: Mapping[str, np.ndarray],
                   codes: Sequence[str]) -> dict[str, float]:
    """The plan's flow cut under each setting of a flow model's sensitivity
    (:func:`destinations.scenarios.flows.flow_range`), label -> share; ``variants`` are matrices in
    ``codes`` order."""
    ctx = evaluation._ctx
    order = [list(codes).index(c) for c in ctx.codes]
    return {label: cut_share(evaluation.zones, np.asarray(m)[np.ix_(order, order)])
            for label, m in variants.items()}


def weighted_seasonality(ctx: EvaluationContext, state: PlanState) -> float:
    """Overnight-weighted mean of the companies' seasonality Gini."""
    g, w = state.column("seasonality_gini"), state.column("overnights")
    if g.size == 0 or not (np.all(np.isfinite(g)) and np.all(np.isfinite(w))) or w.sum() <= 0:
        return math.nan
    return float(np.dot(g, w) / w.sum())


def weighted_complementarity(ctx: EvaluationContext, state: PlanState) -> float:
    """Overnight-weighted mean of the companies' merger complementarity dG."""
    d, w = state.column("complementarity"), state.column("overnights")
    if d.size == 0 or not (np.all(np.isfinite(d)) and np.all(np.isfinite(w))) or w.sum() <= 0:
        return math.nan
    return float(np.dot(d, w) / w.sum())


def theme_zone_counts(ctx: EvaluationContext, zones: np.ndarray) -> np.ndarray:
    """``(themes, zones)`` attraction counts per theme and zone."""
    n_zones = int(zones.max()) + 1 if zones.size else 0
    onehot = np.zeros((ctx.n, n_zones))
    onehot[np.arange(ctx.n), zones] = 1.0
    return ctx.theme_counts @ onehot


def effective_splits_rows(counts: np.ndarray) -> np.ndarray:
    """:func:`effective_splits` of every row of a 2-D array (NaN for empty rows)."""
    totals = counts.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = counts / totals
        return 1.0 / np.sum(shares * shares, axis=1) - 1.0


def _theme_zones(ctx: EvaluationContext, state: PlanState) -> np.ndarray:
    return state.theme_zones if state.theme_zones is not None else theme_zone_counts(ctx, state.zones)


def narrative_es_mean(ctx: EvaluationContext, state: PlanState) -> float:
    if not ctx.themes:
        return math.nan
    return float(np.mean(effective_splits_rows(_theme_zones(ctx, state))))


def narrative_split_themes(ctx: EvaluationContext, state: PlanState) -> int:
    return int(np.sum((_theme_zones(ctx, state) > 0).sum(axis=1) > 1))


# ---------------------------------------------------------------------------------------------
# The table
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Metric:
    """One row of :data:`METRICS`.

    ``kind`` is the kind of the figure as usually computed; ``depends_on`` names inputs whose
    own kind can change it (``"facts"``: official only where every municipality's facts are
    official; ``"flows"``: the flow matrix's kind). See :meth:`Evaluation.kind`.
    """

    key: str
    label_en: str  # an English msgid (N_); Danish comes from the catalog
    unit: str
    better: str  # "higher" | "lower" | "none"
    kind: Kind
    level: str  # "company" | "plan"
    fn: Callable
    depends_on: frozenset[str] = frozenset()
    description: str = ""

    @property
    def label_da(self) -> str:
        return gettext(self.label_en, "da")

    def label(self, lang: str = "en") -> str:
        return gettext(self.label_en, lang)


_F = frozenset({"facts"})
_FL = frozenset({"flows"})


def _company_rows() -> list[Metric]:
    c = "company"
    rows = [
        Metric("members", N_("Member municipalities"), "municipalities", "none",
               Kind.OFFICIAL, c, members_count),
        Metric("overnights", N_("Overnight stays"), "stays/year", "higher",
               Kind.MODELLED, c, overnights_sum, _F),
        Metric("foreign_share", N_("Foreign share of stays"),
               "share", "none", Kind.MODELLED, c, foreign_share, _F),
    ]
    labels = {
        "hotel": N_("Bed places: hotels"),
        "holiday_centre_hostel": N_("Bed places: holiday centres and hostels"),
        "camping": N_("Bed places: camping"),
        "marina": N_("Bed places: marinas"),
        "holiday_home": N_("Bed places: holiday homes"),
    }
    for type_name in CAPACITY_TYPES:
        rows.append(Metric(f"capacity_{type_name}", labels[type_name], "bed places", "none",
                           Kind.MODELLED, c, _capacity(type_name), _F))
    rows += [
        Metric("capacity_total", N_("Bed places: all types"), "bed places", "none",
               Kind.MODELLED, c, capacity_total, _F),
        Metric("attractions", N_("Attractions"), "attractions", "higher",
               Kind.COMPILED, c, attractions_count),
        Metric("lighthouses", N_("Lighthouse attractions"), "attractions",
               "higher", Kind.COMPILED, c, lighthouses_count,
               description="attractions whose chosen published count is at or above the visitor "
                           "threshold"),
        Metric("has_lighthouse", N_("Has a lighthouse"), "yes/no", "higher",
               Kind.COMPILED, c, has_lighthouse,
               description="yes: an attraction counted at or above the threshold; no: every "
                           "attraction counted and all below; gap: unknown (some attraction has "
                           "no published count)"),
        Metric("uncounted_attractions", N_("Attractions without a visitor count"), "attractions", "lower", Kind.COMPILED, c,
               uncounted_attractions,
               description="why a lighthouse status can be unknown"),
        Metric("below_floor", N_("Below the critical-mass floor"), "yes/no",
               "lower", Kind.MODELLED, c, below_floor, _F),
        Metric("contiguity_components", N_("Connected parts"), "parts", "lower",
               Kind.COMPILED, c, contiguity_components,
               description="parts on the travel graph (bridges and ferries connect); 1 = contiguous"),
        Metric("hull_ratio", N_("Compactness (convex-hull ratio)"),
               "ratio", "higher", Kind.OFFICIAL, c, hull_ratio,
               description="area / area of the convex hull; reported, not optimised"),
        Metric("seasonality_gini", N_("Seasonality (Gini of 12 months)"),
               "index 0-0.92", "lower", Kind.MODELLED, c, company_seasonality_gini, _F),
        Metric("peak_mean_ratio", N_("Peak month / mean month"), "ratio",
               "lower", Kind.MODELLED, c, peak_mean_ratio, _F),
        Metric("peak_quarter_share", N_("Share of stays in June-August"),
               "share", "lower", Kind.MODELLED, c, peak_quarter_share, _F),
        Metric("complementarity", N_("Seasonal complementarity (ΔG)"),
               "Gini points", "higher", Kind.MODELLED, c, complementarity, _F,
               description="members' weighted mean Gini minus the company's Gini"),
        Metric("border_flow_share", N_("Day trips crossing the company border"), "share", "lower", Kind.MODELLED, c,
               border_flow_share, _FL),
    ]
    return rows


def _plan_rows() -> list[Metric]:
    p = "plan"
    return [
        Metric("companies", N_("Destination companies"), "companies", "none",
               Kind.OFFICIAL, p, plan_companies),
        Metric("unaffiliated", N_("Unaffiliated municipalities"),
               "municipalities", "lower", Kind.OFFICIAL, p, plan_unaffiliated),
        Metric("size_band_gap", N_("Companies outside the 15-25 band"),
               "companies", "lower", Kind.OFFICIAL, p, size_band_gap),
        Metric("floor_violation_count", N_("Companies below the floor"),
               "companies", "lower", Kind.MODELLED, p, floor_violation_count, _F),
        Metric("balance_gini", N_("Imbalance (Gini of company stays)"),
               "index 0-1", "lower", Kind.MODELLED, p, balance_gini, _F),
        Metric("max_min_ratio", N_("Largest / smallest company"), "ratio",
               "lower", Kind.MODELLED, p, max_min_ratio, _F),
        Metric("noncontiguous_count", N_("Companies in several parts"),
               "companies", "lower", Kind.COMPILED, p, noncontiguous_count),
        Metric("lighthouseless_count", N_("Companies without a lighthouse"),
               "companies", "lower", Kind.COMPILED, p, lighthouseless_count,
               description="status no: every attraction counted and all below the threshold"),
        Metric("lighthouse_unknown_count", N_("Companies with lighthouse status unknown"), "companies", "lower", Kind.COMPILED, p,
               lighthouse_unknown_count,
               description="an attraction without a published visitor count: listed apart"),
        Metric("flow_cut_share", N_("Day trips cut by company borders"),
               "share", "lower", Kind.MODELLED, p, flow_cut_share, _FL),
        Metric("seasonality_gini_mean", N_("Seasonality (weighted mean Gini)"), "index 0-0.92", "lower", Kind.MODELLED, p,
               weighted_seasonality, _F),
        Metric("complementarity_mean", N_("Seasonal complementarity (weighted ΔG)"), "Gini points", "higher", Kind.MODELLED, p,
               weighted_complementarity, _F),
        Metric("narrative_es_mean", N_("Narrative splits (mean effective splits)"), "splits", "lower", Kind.COMPILED, p,
               narrative_es_mean),
        Metric("narrative_split_themes", N_("Themes split across zones"),
               "themes", "lower", Kind.COMPILED, p, narrative_split_themes),
    ]


#: The one metrics table. Company rows first, then plan rows (plan rows may read company values).
METRICS: tuple[Metric, ...] = tuple(_company_rows() + _plan_rows())
METRIC_BY_KEY: Mapping[str, Metric] = MappingProxyType({m.key: m for m in METRICS})
COMPANY_METRICS: tuple[Metric, ...] = tuple(m for m in METRICS if m.level == "company")
PLAN_METRICS: tuple[Metric, ...] = tuple(m for m in METRICS if m.level == "plan")


# ---------------------------------------------------------------------------------------------
# Evaluation
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ThemeSplit:
    """How one narrative theme is spread over the plan's zones."""

    theme: str
    attractions: int
    companies: int  # companies holding at least one of its attractions
    unaffiliated: int  # its attractions in unaffiliated municipalities
    effective_splits: float


@dataclass(frozen=True, eq=False)
class LeakyBorder:
    """A border segment between two companies (or an unaffiliated municipality), with its flow."""

    code_a: str
    code_b: str
    company_a: str | None
    company_b: str | None
    kind: str  # land | bridge | tunnel | ferry
    flow: float  # f_ab + f_ba
    share: float  # of all flows
    geometry: object  # shapely line, EPSG:4326 (from_base) - for drawing

    @property
    def flow_text(self) -> str:
        """The flow as people read a modelled figure: '84,900 day trips a year'."""
        return format_flow(self.flow)


@dataclass(frozen=True, eq=False)
class Evaluation:
    """All metric values of one scenario under one context.

    ``plan`` maps plan keys to values; ``companies`` maps company id -> {key: value} for
    non-empty companies.
    """

    scenario: Scenario
    plan: Mapping[str, object]
    companies: Mapping[str, Mapping[str, object]]
    zones: np.ndarray
    themes: tuple[ThemeSplit, ...]
    leaky_borders: tuple[LeakyBorder, ...]
    _ctx: EvaluationContext = field(repr=False)

    def company_names(self) -> dict[str, str]:
        names = self.scenario.names
        return {cid: names[cid] for cid in self.companies}

    def violations(self) -> dict[str, tuple[str, ...]]:
        """Company ids per violation: ``below_floor``, ``noncontiguous``, ``no_lighthouse``
        (status "no"), and ``lighthouse_unknown`` (status "unknown", listed apart: not a
        violation anyone has shown)."""
        return {
            "below_floor": tuple(c for c, v in self.companies.items() if v["below_floor"] is True),
            "noncontiguous": tuple(c for c, v in self.companies.items()
                                   if v["contiguity_components"] > 1),
            "no_lighthouse": tuple(c for c, v in self.companies.items()
                                   if v["has_lighthouse"] is False),
            "lighthouse_unknown": tuple(c for c, v in self.companies.items()
                                        if _is_nan(v["has_lighthouse"])),
        }

    def lighthouse_status(self, company_id: str) -> LighthouseStatus:
        """The status of one company with its evidence (attractions, counts and years)."""
        return lighthouse_status(self._ctx, self._ctx.positions(self.scenario.companies()[company_id]))

    def offending_municipalities(self, *, include: Iterable[str] = ("below_floor", "detached")
                                 ) -> dict[str, tuple[str, ...]]:
        """``{code: reasons}`` for municipalities to outline on the map.

        ``below_floor`` / ``no_lighthouse``: every member of such a company; ``detached``: members
        outside their company's largest connected part. By default only the two hard constraints
        (floor, contiguity) are returned; a missing lighthouse is a softer flag.
        """
        ctx = self._ctx
        wanted = set(include)
        reasons: dict[str, list[str]] = {}
        members = self.scenario.companies()
        violations = self.violations()
        for reason in wanted & {"below_floor", "no_lighthouse"}:
            for cid in violations[reason]:
                for code in members[cid]:
                    reasons.setdefault(code, []).append(reason)
        for cid in violations["noncontiguous"] if "detached" in wanted else ():
            parts = components(ctx, ctx.positions(members[cid]))
            for part in parts[1:]:
                for i in part:
                    reasons.setdefault(ctx.codes[i], []).append("detached")
        return {code: tuple(r) for code, r in reasons.items()}

    def kind(self, key: str, company_id: str | None = None) -> Kind:
        """The kind of a value: the row's kind, resolved for its facts/flow inputs."""
        metric = METRIC_BY_KEY[key]
        kinds = [metric.kind] if not metric.depends_on else []
        if "facts" in metric.depends_on:
            if company_id is not None:
                positions = self._ctx.positions(self.scenario.companies()[company_id])
            else:
                positions = np.flatnonzero(self.zones < len(self.companies))
            official = positions.size > 0 and bool(np.all(self._ctx.facts_official[positions]))
            kinds.append(Kind.OFFICIAL if official else Kind.MODELLED)
        if "flows" in metric.depends_on:
            kinds.append(self._ctx.flow_kind)
        return max(kinds, key=_KIND_ORDER.__getitem__)


def zones_of(scenario: Scenario, ctx: EvaluationContext) -> tuple[np.ndarray, tuple[str, ...]]:
    """Zone per municipality (see :class:`PlanState`) and the non-empty company ids."""
    _check_universe(scenario, ctx)
    used = {label for label in scenario.labels if label is not None}
    company_ids = tuple(cid for cid, _ in scenario.company_names if cid in used)
    position = {cid: k for k, cid in enumerate(company_ids)}
    k = len(company_ids)
    zones = np.fromiter(
        (position[label] if label is not None else k + i
         for i, label in enumerate(_labels_in_ctx_order(scenario, ctx))),
        dtype=int, count=ctx.n)
    return zones, company_ids


def evaluate_company(ctx: EvaluationContext, members: np.ndarray) -> dict[str, object]:
    """Every company-level metric for one set of member positions."""
    return {metric.key: metric.fn(ctx, members) for metric in COMPANY_METRICS}


def evaluate(scenario: Scenario, ctx: EvaluationContext) -> Evaluation:
    """Evaluate every metric of :data:`METRICS` for ``scenario`` (full rebuild)."""
    zones, company_ids = zones_of(scenario, ctx)
    values = {cid: evaluate_company(ctx, np.flatnonzero(zones == k))
              for k, cid in enumerate(company_ids)}
    return _finish(scenario, ctx, zones, company_ids, values)


def evaluate_after_move(previous: Evaluation, scenario: Scenario, code: str,
                        new_company: str | None, ctx: EvaluationContext) -> Evaluation:
    """Re-evaluate after ``code`` moved to ``new_company``: only the two touched companies are
    recomputed, then the plan aggregates.

    ``scenario`` must be ``previous.scenario`` with that one move (renames, new empty companies
    and locks may differ too). Anything else falls back to :func:`evaluate`, so the result is
    always correct.
    """
    old_scenario = previous.scenario
    if previous._ctx is not ctx or not _single_move(old_scenario, scenario, code, new_company):
        return evaluate(scenario, ctx)
    old_company = old_scenario.company_of(code)
    zones, company_ids = zones_of(scenario, ctx)
    values = dict(previous.companies)
    for touched in (old_company, new_company):
        if touched is None:
            continue
        if touched in company_ids:
            k = company_ids.index(touched)
            values[touched] = evaluate_company(ctx, np.flatnonzero(zones == k))
        else:
            values.pop(touched, None)
    values = {cid: values[cid] for cid in company_ids}
    return _finish(scenario, ctx, zones, company_ids, values)


def _finish(scenario, ctx, zones, company_ids, values) -> Evaluation:
    frozen_values = {cid: MappingProxyType(v) if not isinstance(v, MappingProxyType) else v
                     for cid, v in values.items()}
    per_theme = theme_zone_counts(ctx, zones)
    state = PlanState(zones=zones, company_ids=company_ids, values=frozen_values,
                      theme_zones=per_theme)
    plan = {metric.key: metric.fn(ctx, state) for metric in PLAN_METRICS}
    return Evaluation(
        scenario=scenario,
        plan=MappingProxyType(plan),
        companies=MappingProxyType(frozen_values),
        zones=zones,
        themes=_theme_splits(ctx, per_theme, len(company_ids)),
        leaky_borders=_leaky_borders(ctx, zones, company_ids),
        _ctx=ctx,
    )


def _theme_splits(ctx: EvaluationContext, per_zone: np.ndarray, k: int) -> tuple[ThemeSplit, ...]:
    splits = effective_splits_rows(per_zone)
    companies = (per_zone[:, :k] > 0).sum(axis=1)
    unaffiliated = per_zone[:, k:].sum(axis=1)
    totals = ctx.theme_counts.sum(axis=1)
    return tuple(ThemeSplit(theme=theme, attractions=int(totals[t]), companies=int(companies[t]),
                            unaffiliated=int(unaffiliated[t]), effective_splits=float(splits[t]))
                 for t, theme in enumerate(ctx.themes))


def _leaky_borders(ctx: EvaluationContext, zones: np.ndarray,
                   company_ids: tuple[str, ...]) -> tuple[LeakyBorder, ...]:
    if ctx.edges.size == 0 or ctx.leaky_top <= 0:
        return ()
    a, b = ctx.edges[:, 0], ctx.edges[:, 1]
    crossing = np.flatnonzero(zones[a] != zones[b])
    if crossing.size == 0:
        return ()
    flow = ctx.flows[a[crossing], b[crossing]] + ctx.flows[b[crossing], a[crossing]]
    order = crossing[np.argsort(-np.nan_to_num(flow, nan=-1.0), kind="stable")][: ctx.leaky_top]
    k = len(company_ids)

    def company(i: int) -> str | None:
        return company_ids[zones[i]] if zones[i] < k else None

    out = []
    for e in order:
        i, j = int(a[e]), int(b[e])
        f = float(ctx.flows[i, j] + ctx.flows[j, i])
        out.append(LeakyBorder(
            code_a=ctx.codes[i], code_b=ctx.codes[j], company_a=company(i), company_b=company(j),
            kind=ctx.edge_kind[e], flow=f,
            share=f / ctx.flow_total if ctx.flow_total > 0 else math.nan,
            geometry=ctx.border_geometries[e] if e < len(ctx.border_geometries) else None))
    return tuple(out)


def _check_universe(scenario: Scenario, ctx: EvaluationContext) -> None:
    if len(scenario.codes) != ctx.n or set(scenario.codes) != set(ctx.codes):
        extra = sorted(set(scenario.codes) - set(ctx.codes))
        missing = sorted(set(ctx.codes) - set(scenario.codes))
        raise ScenarioError(
            f"Scenario {scenario.name!r} does not cover the evaluated municipalities "
            f"(unknown {extra[:5]}, missing {missing[:5]}). Start from a scenario of this data set."
        )


def _labels_in_ctx_order(scenario: Scenario, ctx: EvaluationContext):
    if scenario.codes == ctx.codes:
        return scenario.labels
    assignment = scenario.assignment
    return [assignment[code] for code in ctx.codes]


def _single_move(old: Scenario, new: Scenario, code: str, company: str | None) -> bool:
    """True when ``new`` differs from ``old`` in at most the assignment of ``code``.

    Renames, locks and added or removed *empty* companies do not change any value: values are keyed
    by company id, and empty companies are not evaluated.
    """
    if old.codes != new.codes or new.company_of(code) != company:
        return False
    changed = [i for i, (x, y) in enumerate(zip(old.labels, new.labels)) if x != y]
    return not changed or (len(changed) == 1 and old.codes[changed[0]] == code)


def metric_rows(level: str | None = None) -> list[dict[str, object]]:
    """The table as JSON-ready rows (for docs, the CLI and the UI legend)."""
    return [{"key": m.key, "label_en": m.label_en, "label_da": m.label_da, "unit": m.unit,
             "better": m.better, "kind": m.kind.value, "level": m.level,
             "depends_on": sorted(m.depends_on), "description": m.description}
            for m in METRICS if level is None or m.level == level]
