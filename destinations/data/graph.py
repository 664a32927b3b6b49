"""The travel graph: municipalities joined by land borders, bridges, tunnels and ferries.

Edge travel time (minutes) is a documented estimate, not a measured journey:

* road minutes = straight-line km x :data:`CIRCUITY` / :data:`ROAD_SPEED_KMH` x 60, between the two
  municipalities' anchor points (a point inside each one's largest part);
* a fixed link adds its crossing: the road legs run from each anchor to the shore point nearest the
  other side, plus the crossing minutes from ``fixed_links.csv``. Where no source gave a time, the
  crossing is estimated from the water gap: ferries at :data:`FERRY_SPEED_KMH` plus
  :data:`FERRY_HANDLING_MIN` for boarding; bridges and tunnels at road speed. Such edges carry
  ``crossing_estimated=True`` and the UI labels them as estimated.

Rail-only links and links to ports abroad are not edges (the planner is for road trips inside Denmark);
links with both ends in one municipality are kept as that node's ``internal_links``.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import networkx as nx
import numpy as np
import shapely

from destinations.data.links import FixedLink
from destinations.data.geo import anchor_points

#: Road distance / straight-line distance. Studies of road networks find 1.2-1.4 for Europe
#: (Ballou, Rahardja & Sakai 2002, Transportation Research A 36); 1.3 is the middle.
CIRCUITY = 1.3
#: Average door-to-door car speed over mixed motorway, rural and town roads.
ROAD_SPEED_KMH = 70.0
#: Service speed of Danish car ferries (about 15 knots) where no crossing time is published.
FERRY_SPEED_KMH = 28.0
FERRY_HANDLING_MIN = 10.0
#: Municipalities sharing less border than this (metres) are not neighbours by land (point touches).
MIN_SHARED_BORDER_M = 50.0

ASSUMPTIONS = {
    "circuity": CIRCUITY,
    "road_speed_kmh": ROAD_SPEED_KMH,
    "ferry_speed_kmh": FERRY_SPEED_KMH,
    "ferry_handling_min": FERRY_HANDLING_MIN,
    "min_shared_border_m": MIN_SHARED_BORDER_M,
}


def road_minutes(distance_m: float) -> float:
    """Estimated driving minutes for a straight-line distance in metres."""
    return distance_m / 1000.0 * CIRCUITY / ROAD_SPEED_KMH * 60.0


@dataclass(frozen=True)
class GraphSummary:
    nodes: int
    edges: int
    components: int
    fixed_links: int  # links used as edges between municipalities
    estimated_crossings: int
    skipped_links: tuple[str, ...]  # rail-only or abroad: not edges


def build_travel_graph(municipalities: gpd.GeoDataFrame, links: list[FixedLink]) -> nx.Graph:
    """Nodes = municipality codes; edges = land borders and fixed links, weighted by ``minutes``.

    Node attributes: ``name``, ``x``, ``y`` (anchor, EPSG:25832), ``internal_links``.
    Edge attributes: ``kind`` (land | bridge | tunnel | ferry), ``minutes``, ``road_km``,
    ``links`` (names), ``crossing_estimated``, ``seasonal``, ``shared_border_km`` (land only).
    """
    graph = nx.Graph()
    anchors = dict(zip(municipalities["code"], anchor_points(municipalities).values))
    geometries = dict(zip(municipalities["code"], municipalities.geometry.values))
    for code, name in zip(municipalities["code"], municipalities["name"]):
        point = anchors[code]
        graph.add_node(code, name=name, x=float(point.x), y=float(point.y), internal_links=())

    _add_land_edges(graph, municipalities)
    for link in links:
        if link.international or link.rail_only:
            continue
        if link.internal:
            if link.from_code in graph:
                node = graph.nodes[link.from_code]
                node["internal_links"] = node["internal_links"] + (link.name,)
            continue
        _add_link_edge(graph, link, geometries, anchors)
    graph.graph["assumptions"] = dict(ASSUMPTIONS)
    return graph


def _add_land_edges(graph: nx.Graph, municipalities: gpd.GeoDataFrame) -> None:
    codes = municipalities["code"].tolist()
    geoms = municipalities.geometry.values
    boundaries = shapely.boundary(geoms)
    tree = shapely.STRtree(geoms)
    left, right = tree.query(geoms, predicate="intersects")
    for i, j in zip(left, right):
        if i >= j:
            continue
        shared = shapely.length(shapely.intersection(boundaries[i], boundaries[j]))
        if shared < MIN_SHARED_BORDER_M:
            continue
        a, b = codes[i], codes[j]
        distance = float(np.hypot(graph.nodes[a]["x"] - graph.nodes[b]["x"],
                                  graph.nodes[a]["y"] - graph.nodes[b]["y"]))
        graph.add_edge(a, b, kind="land", minutes=road_minutes(distance),
                       road_km=distance / 1000 * CIRCUITY, links=(), crossing_estimated=False,
                       seasonal=False, shared_border_km=shared / 1000)


def _add_link_edge(graph, link: FixedLink, geometries, anchors) -> None:
    a, b = link.from_code, link.to_code
    if a not in graph or b not in graph:
        return
    shore_a, shore_b = shapely.get_coordinates(shapely.shortest_line(geometries[a], geometries[b]))
    anchor_a = anchors[a]
    anchor_b = anchors[b]
    access_m = float(np.hypot(*(np.array([anchor_a.x, anchor_a.y]) - shore_a))
                     + np.hypot(*(np.array([anchor_b.x, anchor_b.y]) - shore_b)))
    gap_m = float(np.hypot(*(shore_a - shore_b)))
    estimated = link.crossing_minutes is None
    if not estimated:
        crossing = float(link.crossing_minutes)
    elif link.mode == "ferry":
        crossing = gap_m / 1000 / FERRY_SPEED_KMH * 60 + FERRY_HANDLING_MIN
    else:
        crossing = road_minutes(gap_m)
    minutes = road_minutes(access_m) + crossing
    existing = graph.get_edge_data(a, b)
    if existing is not None:
        # Several links between the same pair: keep the fastest, remember all names.
        names = existing["links"] + (link.name,)
        if existing["kind"] == "land" or existing["minutes"] <= minutes:
            existing["links"] = names
            return
    else:
        names = (link.name,)
    graph.add_edge(a, b, kind=link.mode, minutes=minutes, road_km=access_m / 1000 * CIRCUITY,
                   crossing_minutes=crossing, links=names, crossing_estimated=estimated,
                   seasonal=bool(link.seasonal), shared_border_km=0.0)


def summarize_graph(graph: nx.Graph, links: list[FixedLink]) -> GraphSummary:
    link_edges = [d for _, _, d in graph.edges(data=True) if d["kind"] != "land"]
    return GraphSummary(
        nodes=graph.number_of_nodes(),
        edges=graph.number_of_edges(),
        components=nx.number_connected_components(graph),
        fixed_links=sum(len(d["links"]) for d in link_edges),
        estimated_crossings=sum(bool(d["crossing_estimated"]) for d in link_edges),
        skipped_links=tuple(l.name for l in links if l.international or l.rail_only),
    )


def travel_minutes(graph: nx.Graph) -> dict[str, dict[str, float]]:
    """All-pairs shortest travel minutes (Dijkstra on ``minutes``)."""
    return {src: dict(dist) for src, dist in nx.all_pairs_dijkstra_path_length(graph, weight="minutes")}
