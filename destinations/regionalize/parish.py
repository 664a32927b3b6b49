"""Parish mode: the same generator over Denmark's ~2,150 parishes.

Destinations can then be drawn around lighthouse attractions rather than municipal lines. The
parish problem is built from the municipal one (:func:`parish_problem`):

* **Units**: the parishes of ``dk_parishes_dagi500k.geojson`` (DAGI 1:500 000), each with the
  municipality that holds most of its area (``kommune_code``; 22 parishes straddle a border by more
  than 5 % of their area at this scale and count wholly in their main municipality).
* **Adjacency**: parishes sharing at least :data:`MIN_SHARED_BORDER_M` of border; plus every fixed
  link (bridge, tunnel, ferry) of the municipal travel graph, attached to the two parishes nearest
  the crossing (the shore points of the shortest line between the two municipalities); plus, where
  a municipality's parishes are still in several parts (islands such as Fur or Venø reached by a
  local ferry that is not in the fixed-link list), a link to the nearest parish of the same
  municipality (labelled ``assumed`` - the municipality is one node of the municipal graph, so its
  islands are reachable).
* **Overnight stays (modelled)**: a municipality's stays shared out by **area share**:
  ``N_p = N_m * a_p / sum_{q in m} a_q``. No parish-level stays or population are in the data, so
  this is a stated modelling assumption, not a measurement: it spreads city stays over city
  parishes evenly and gives large rural parishes more than they have. Sums per municipality are
  kept exactly.
* **Day-trip flows (modelled)**: ``f_pq = f_{m(p) m(q)} * s_p * s_q`` with ``s`` the same area
  shares, so the flows between (and inside) municipalities are kept exactly and split evenly by
  area. Cutting a municipality therefore cuts part of its internal trips.
* **Lighthouses (compiled)**: each attraction with at least the threshold's visitors is placed in
  the parish holding its coordinates (the nearest parish of its municipality when the point falls
  just outside every polygon, e.g. on the coast).

:func:`municipality_summary` turns a parish plan back into municipal terms: each municipality's
share of stays per company, the majority company, and which municipalities are split.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

import numpy as np

from destinations.errors import DataError
from destinations.regionalize.problem import Plan, RegionalizationProblem, connected_parts

#: Parishes sharing less border than this (metres) are not neighbours (they touch at a point).
MIN_SHARED_BORDER_M = 10.0
#: The modelling note carried by every parish problem and its plans.
APPORTIONING_NOTE = ("parish overnight stays and day-trip flows are modelled: municipal figures "
                     "shared out by parish area share (no parish-level figures exist)")


@dataclass(frozen=True, eq=False)
class ParishGeography:
    """Parish polygons (EPSG:25832) with adjacency edges and their kinds."""

    frame: object  # GeoDataFrame: parish_code, parish_name, kommune_code, geometry
    edges: tuple[tuple[int, int], ...]
    edge_kind: tuple[str, ...]  # land | bridge | tunnel | ferry | assumed


def parish_geography(base, parishes=None) -> ParishGeography:
    """Load the parishes and build their adjacency (see the module docstring)."""
    import shapely

    from destinations.data.geography import load_parishes

    frame = load_parishes(base.settings) if parishes is None else parishes
    frame = frame.reset_index(drop=True)
    codes = set(base.codes)
    unknown = sorted(set(frame["kommune_code"]) - codes)
    if unknown:
        raise DataError("dk_parishes_dagi500k.geojson",
                        f"parishes name unknown municipality codes {unknown[:5]}",
                        "use the parish file matching the municipal boundaries")
    geoms = frame.geometry.values
    n = len(frame)
    tree = shapely.STRtree(geoms)
    left, right = tree.query(geoms, predicate="intersects")
    keep = left < right
    left, right = left[keep], right[keep]
    boundaries = shapely.boundary(geoms)
    shared = shapely.length(shapely.intersection(boundaries[left], boundaries[right]))
    pairs = {(int(a), int(b)): "land" for a, b, s in zip(left, right, shared)
             if s >= MIN_SHARED_BORDER_M}

    kommune = frame["kommune_code"].to_numpy()
    by_kommune: dict[str, np.ndarray] = {code: np.flatnonzero(kommune == code) for code in codes}
    municipal = base.municipalities
    for a, b, data in base.graph.edges(data=True):
        kind = data.get("kind", "land")
        if kind == "land":
            continue
        line = shapely.shortest_line(municipal.geometry[a], municipal.geometry[b])
        shore_a, shore_b = shapely.points(shapely.get_coordinates(line))
        pa = _nearest(geoms, by_kommune[a], shore_a)
        pb = _nearest(geoms, by_kommune[b], shore_b)
        if pa is not None and pb is not None and pa != pb:
            pairs.setdefault((min(pa, pb), max(pa, pb)), kind)

    # Islands reached by local ferries: join each municipality's parishes into one part.
    def neighbour_arrays():
        adjacency: list[set[int]] = [set() for _ in range(n)]
        for a, b in pairs:
            adjacency[a].add(b)
            adjacency[b].add(a)
        return [np.array(sorted(s), dtype=np.int64) for s in adjacency]

    for code in sorted(codes, key=lambda c: (len(c), c)):
        members = by_kommune[code]
        while True:
            parts = connected_parts(neighbour_arrays(), members.tolist())
            if len(parts) <= 1:
                break
            main = np.array(parts[0])
            for part in parts[1:]:
                part_geom = shapely.union_all(geoms[part])
                distances = shapely.distance(geoms[main], part_geom)
                target = int(main[int(np.argmin(distances))])
                source = int(part[int(np.argmin(shapely.distance(geoms[part], geoms[target])))])
                pairs.setdefault((min(source, target), max(source, target)), "assumed")
    ordered = sorted(pairs)
    return ParishGeography(frame=frame, edges=tuple(ordered),
                           edge_kind=tuple(pairs[p] for p in ordered))


def _nearest(geoms, candidates: np.ndarray, point) -> int | None:
    import shapely

    if candidates.size == 0:
        return None
    return int(candidates[int(np.argmin(shapely.distance(geoms[candidates], point)))])


def area_shares(frame) -> np.ndarray:
    """Each parish's share of its municipality's parish area (sums to 1 per municipality)."""
    area = frame.geometry.area.to_numpy(dtype=float)
    kommune = frame["kommune_code"].to_numpy()
    totals: dict[str, float] = {}
    for code, a in zip(kommune, area):
        totals[code] = totals.get(code, 0.0) + a
    return np.array([a / totals[c] if totals[c] > 0 else 0.0 for c, a in zip(kommune, area)])


def parish_lighthouses(base, frame, threshold: float) -> np.ndarray:
    """Lighthouse attractions (visitors >= ``threshold``) per parish."""
    import geopandas as gpd
    import shapely

    counts = np.zeros(len(frame))
    rows = [a for a in base.attractions if a.visitors is not None and a.visitors >= threshold]
    if not rows:
        return counts
    points = gpd.GeoSeries(gpd.points_from_xy([a.lon for a in rows], [a.lat for a in rows]),
                           crs="EPSG:4326").to_crs(frame.crs).values
    geoms = frame.geometry.values
    tree = shapely.STRtree(geoms)
    kommune = frame["kommune_code"].to_numpy()
    for attraction, point in zip(rows, points):
        hits = tree.query(point, predicate="intersects")
        if hits.size:
            counts[int(hits[0])] += 1
            continue
        candidates = np.flatnonzero(kommune == attraction.kommune_code)
        if candidates.size == 0:
            candidates = np.arange(len(frame))
        counts[int(candidates[int(np.argmin(shapely.distance(geoms[candidates], point)))])] += 1
    return counts


def parish_problem(base, ctx, *, geography: ParishGeography | None = None,
                   together: Iterable[Iterable[str]] = (),
                   locked: Mapping[str, Iterable[str]] | None = None,
                   locked_names: Mapping[str, str] | None = None) -> RegionalizationProblem:
    """The parish problem for base data and an evaluation context (facts year and flow model).

    ``together`` and ``locked`` name parish codes. See the module docstring for the modelling.
    """
    geography = geography or parish_geography(base)
    frame = geography.frame
    shares = area_shares(frame)
    kommune = frame["kommune_code"].to_numpy()
    position = ctx.index
    parent = np.array([position[c] for c in kommune], dtype=np.int64)
    weights = np.nan_to_num(ctx.overnights, nan=np.nan)[parent] * shares
    apportion = np.zeros((ctx.n, len(frame)))
    apportion[parent, np.arange(len(frame))] = shares
    flows = apportion.T @ np.nan_to_num(ctx.flows) @ apportion
    lighthouses = parish_lighthouses(base, frame, ctx.lighthouse_threshold)
    names = [f"{name} ({base.municipality_name(code)})"
             for name, code in zip(frame["parish_name"].astype(str), kommune)]
    notes = [APPORTIONING_NOTE]
    assumed = sum(1 for kind in geography.edge_kind if kind == "assumed")
    if assumed:
        notes.append(f"{assumed} parish links are assumed (islands joined to the nearest parish "
                     "of their municipality)")
    return RegionalizationProblem.from_arrays(
        frame["parish_code"].astype(str).tolist(), edges=list(geography.edges),
        weights=weights, flows=flows, lighthouses=lighthouses, names=names, together=together,
        fixed=locked, fixed_names=locked_names, unit_kind="parish",
        parent=tuple(str(c) for c in kommune), notes=tuple(notes))


@dataclass(frozen=True)
class MunicipalitySummary:
    """A parish plan in municipal terms.

    Attributes
    ----------
    shares
        ``{kommune code: {zone: share of the municipality's stays}}``.
    majority
        ``{kommune code: zone holding most of its stays}``.
    split
        Municipalities whose parishes are in more than one company.
    """

    shares: Mapping[str, Mapping[int, float]]
    majority: Mapping[str, int]
    split: tuple[str, ...]


def municipality_summary(problem: RegionalizationProblem, plan: Plan) -> MunicipalitySummary:
    """Shares of each municipality's (modelled) stays per company of a parish plan."""
    if problem.unit_kind != "parish" or not problem.parent:
        raise ValueError("municipality_summary needs a parish problem")
    shares: dict[str, dict[int, float]] = {}
    totals: dict[str, float] = {}
    for code, zone, weight, area_weight in zip(problem.parent, plan.labels, problem.weights,
                                               np.ones(problem.n)):
        w = float(weight) if weight > 0 else 1e-12 * float(area_weight)
        shares.setdefault(code, {})
        shares[code][int(zone)] = shares[code].get(int(zone), 0.0) + w
        totals[code] = totals.get(code, 0.0) + w
    out = {code: {z: v / totals[code] for z, v in sorted(row.items())}
           for code, row in shares.items()}
    majority = {code: max(row, key=lambda z: (row[z], -z)) for code, row in out.items()}
    split = tuple(sorted((c for c, row in out.items() if len(row) > 1),
                         key=lambda c: (len(c), c)))
    return MunicipalitySummary(shares=out, majority=majority, split=split)


def summary_scenario(problem: RegionalizationProblem, plan: Plan, codes: Iterable[str], *,
                     name: str = "Parish plan (by majority)", municipality_names=None):
    """A municipal :class:`~destinations.scenarios.scenario.Scenario`: each municipality in the company
    holding most of its stays (an approximation of the parish plan, for the metrics pages)."""
    from destinations.scenarios.scenario import Scenario

    summary = municipality_summary(problem, plan)
    codes = tuple(codes)
    zones = sorted(set(summary.majority.values()))
    names = {}
    for zone in zones:
        members = [c for c in codes if summary.majority.get(c) == zone]
        label = (municipality_names or {}).get(members[0], members[0]) if members else str(zone)
        names[f"parish-{zone + 1}"] = f"{label} +{len(members) - 1}" if len(members) > 1 else label
    # Names must be unique (two companies can share their first municipality's name only if
    # renamed): add the zone number where needed.
    seen: set[str] = set()
    for cid in list(names):
        if names[cid].casefold() in seen:
            names[cid] = f"{names[cid]} ({cid})"
        seen.add(names[cid].casefold())
    assignment = {c: f"parish-{summary.majority[c] + 1}" for c in codes if c in summary.majority}
    return Scenario.from_assignment(assignment, names, codes=codes, name=name)
