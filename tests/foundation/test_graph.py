"""The travel graph: connected, Bornholm by ferry only, documented estimates."""

from __future__ import annotations

import geopandas as gpd
import networkx as nx
import pytest
import shapely
from shapely.geometry import box

from destinations.data.links import FixedLink
from destinations.data.graph import CIRCUITY, ROAD_SPEED_KMH, build_travel_graph, road_minutes, travel_minutes


def test_one_connected_component(base):
    assert base.graph.number_of_nodes() == 98
    assert nx.number_connected_components(base.graph) == 1


def test_bornholm_only_by_ferry(base):
    edges = list(base.graph.edges("400", data=True))
    assert edges and all(d["kind"] == "ferry" for *_, d in edges)
    assert {v for _, v, _ in edges} == {"259"}  # Køge


def test_islands_reached_by_their_links(base):
    g = base.graph
    assert g.edges["410", "607"]["kind"] == "bridge"  # Little Belt
    assert g.edges["330", "450"]["kind"] == "bridge"  # Great Belt
    assert g.edges["330", "450"]["crossing_minutes"] == 10
    assert all(d["kind"] == "ferry" for *_, d in g.edges("741", data=True))  # Samsø
    assert all(d["kind"] == "ferry" for *_, d in g.edges("492", data=True))  # Ærø


def test_land_neighbours(base):
    assert base.graph.edges["101", "147"]["kind"] == "land"  # København–Frederiksberg
    assert not base.graph.has_edge("101", "751")


def test_internal_and_foreign_links_are_not_edges(base):
    assert "Guldborgsundtunnelen" in base.graph.nodes["376"]["internal_links"]
    names = {n for *_, d in base.graph.edges(data=True) for n in d["links"]}
    assert not any("Ystad" in n or "Sassnitz" in n for n in names)
    assert not any("rail" in n.lower() for n in names)


def test_missing_crossings_are_estimated_and_flagged(base):
    estimated = [d for *_, d in base.graph.edges(data=True) if d["crossing_estimated"]]
    assert estimated and all(d["kind"] != "land" for d in estimated)
    assert base.graph.edges["410", "607"]["crossing_estimated"]  # no source time for Little Belt


def test_travel_times_plausible(base):
    minutes = travel_minutes(base.graph)
    assert 180 < minutes["101"]["851"] < 400  # Copenhagen–Aalborg by road: about 4-5 h
    assert minutes["101"]["400"] > 330  # Bornholm via the Køge ferry takes at least the crossing


def test_road_minutes_formula():
    assert road_minutes(70_000) == pytest.approx(70 * CIRCUITY / ROAD_SPEED_KMH * 60)


def test_tiny_graph_by_hand():
    """Two squares A|B and an island C, a triangle pointing at B, 20 km east, by a 30-minute ferry.

        A  B  ~~~~  <C
    The ferry's shore points are unique: B's (20 km, 5 km) and C's tip (40 km, 5 km).
    """
    from shapely.geometry import Polygon

    from destinations.data.geo import anchor_points

    frame = gpd.GeoDataFrame(
        {"code": ["1", "2", "3"], "name": ["A", "B", "C"]},
        geometry=[box(0, 0, 10_000, 10_000), box(10_000, 0, 20_000, 10_000),
                  Polygon([(40_000, 5_000), (50_000, 0), (50_000, 10_000)])], crs=25832)
    ferry = FixedLink("B–C", "ferry", "2", "3", "", "", 30.0, False, "", "test")
    graph = build_travel_graph(frame, [ferry])
    assert graph.edges["1", "2"]["kind"] == "land"
    assert graph.edges["1", "2"]["minutes"] == pytest.approx(road_minutes(10_000))
    edge = graph.edges["2", "3"]
    anchor_b, anchor_c = anchor_points(frame).values[1:]
    access = anchor_b.distance(shapely.Point(20_000, 5_000)) + anchor_c.distance(
        shapely.Point(40_000, 5_000))
    assert edge["minutes"] == pytest.approx(road_minutes(access) + 30)
    assert not edge["crossing_estimated"]
    unknown = FixedLink("B–C", "ferry", "2", "3", "", "", None, None, "", "test")
    estimated = build_travel_graph(frame, [unknown]).edges["2", "3"]
    assert estimated["crossing_estimated"] and estimated["crossing_minutes"] == pytest.approx(
        20 / 28 * 60 + 10)
