"""The day-trip flow model and the measured OD-matrix loader."""

from __future__ import annotations

import math

import numpy as np
import pytest

from destinations.errors import DataError, ScenarioError
from destinations.scenarios.flows import (
    SENSITIVITY,
    FlowMatrix,
    FlowParams,
    attraction_mass,
    cost_matrix,
    default_visitors,
    flow_checks,
    flow_range,
    format_flow,
    gravity_flows,
    least_certain_pairs,
    load_od_matrix,
    model_flows,
    round_flow,
    tolled_links,
)
from destinations.model import Attraction, Kind


def attraction(code, category, visitors):
    return Attraction(id=f"{code}-{category}-{visitors}", name="x", category=category, lat=0, lon=0,
                      kommune_code=code, visitors=visitors, visitors_year=None, open_months=(),
                      themes=(), source="test")


def test_default_visitors_is_the_category_median():
    items = [attraction("1", "museum", 100), attraction("1", "museum", 300),
             attraction("1", "museum", 1000), attraction("2", "zoo", 50)]
    defaults = default_visitors(items)
    assert defaults["museum"] == 300 and defaults["zoo"] == 50
    assert defaults["*"] == pytest.approx(200)  # median of 50, 100, 300, 1000


def test_unknown_visitors_use_the_default():
    items = [attraction("1", "museum", 100), attraction("2", "museum", None),
             attraction("2", "castle", None)]
    # museum default 100; castle has no known figure -> the pooled median (100)
    assert attraction_mass(["1", "2"], items).tolist() == [100, 200]


def test_gravity_flows_by_hand():
    """Two places 30 min apart, equal mass, beta = ln2/30: the far one weighs half.

    Origin 0 (300 stays): shares 1/(1+0.5) and 0.5/1.5 -> 200 and 100.
    """
    minutes = np.array([[0, 30], [30, 0]], float)
    flows = gravity_flows(np.array([300.0, 0.0]), minutes, np.array([1.0, 1.0]),
                          FlowParams(beta_per_minute=math.log(2) / 30))
    assert flows[0].tolist() == pytest.approx([200, 100])
    assert flows[1].tolist() == [0, 0]


def test_gravity_flows_respect_the_cut_off_and_gaps():
    minutes = np.array([[0, 200], [200, 0]], float)
    flows = gravity_flows(np.array([100.0, np.nan]), minutes, np.array([1.0, 5.0]),
                          FlowParams(max_minutes=120))
    assert flows[0].tolist() == [100, 0]
    assert np.isnan(flows[1]).all()


def test_no_reachable_attraction_means_no_trips():
    flows = gravity_flows(np.array([100.0]), np.zeros((1, 1)), np.zeros(1))
    assert flows.tolist() == [[0.0]]


@pytest.mark.parametrize("kwargs", [{"beta_per_minute": -1}, {"max_minutes": 0},
                                    {"day_trip_share": 0}, {"beta_per_minute": float("nan")}])
def test_bad_params_are_refused(kwargs):
    with pytest.raises(ScenarioError):
        FlowParams(**kwargs)


def test_model_on_real_data(base):
    overnights = {code: 1000.0 for code in base.codes}
    matrix = model_flows(base, overnights)
    assert matrix.kind is Kind.MODELLED and matrix.values.shape == (98, 98)
    # each origin sends day_trip_share x overnights trips (every municipality reaches something)
    assert matrix.values.sum(axis=1) == pytest.approx(np.full(98, 1000.0))
    assert "beta" in matrix.source


def test_od_matrix_replaces_the_model():
    text = "origin_code;destination_code;flow\n101;102;1.234,5\n102;101;10\n"
    matrix = load_od_matrix(text.encode("cp1252"), ["101", "102"], name="od.csv")
    assert matrix.values.tolist() == [[0, 1234.5], [10, 0]]
    assert matrix.kind is Kind.COMPILED and "od.csv" in matrix.source


@pytest.mark.parametrize("text, problem", [
    ("origin_code,destination_code,flow\n101,999,1\n", "unknown municipality code '999'"),
    ("origin_code,destination_code,flow\n101,102,1\n101,102,2\n", "listed twice"),
    ("origin_code,destination_code,flow\n101,102,-1\n", "must be a finite number"),
    ("origin_code,destination_code,flow\n101,102,many\n", "is not a number"),
    ("origin,destination\n101,102\n", "missing"),
    ("origin_code,destination_code,flow\n101,102,0\n", "all flows are zero"),
])
def test_od_matrix_errors_name_the_problem(text, problem):
    with pytest.raises(DataError, match=problem):
        load_od_matrix(text.encode(), ["101", "102"])


def test_od_matrix_aligns_to_other_code_orders():
    matrix = load_od_matrix(b"origin_code,destination_code,flow\n101,102,3\n", ["101", "102"])
    assert matrix.aligned(["102", "101", "103"]).tolist() == [[0, 0, 0], [3, 0, 0], [0, 0, 0]]


# ------------------------------------------------------------------ generalised cost (ferry, toll)
def little_graph(kind_b: str, crossing: float | None = None):
    """O with two neighbours 40 minutes away: R by road, B by ``kind_b``."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_edge("O", "R", kind="land", minutes=40.0)
    data = {"kind": kind_b, "minutes": 40.0}
    if crossing is not None:
        data["crossing_minutes"] = crossing
    graph.add_edge("O", "B", **data)
    return graph


def test_a_ferry_carries_fewer_trips_than_an_equally_long_road():
    """Equal pull, equal minutes: the ferry's wait (its crossing minutes) makes it the costlier
    route, so it carries fewer day trips than the road."""
    codes = ("O", "R", "B")
    cost = cost_matrix(little_graph("ferry", crossing=25.0), codes)
    assert cost[0, 1] == 40.0 and cost[0, 2] == 40.0 + 25.0
    flows = gravity_flows(np.array([1000.0, 0, 0]), cost, np.array([0.0, 1.0, 1.0]))
    assert flows[0, 2] < flows[0, 1]
    assert flows[0, 2] / flows[0, 1] == pytest.approx(2 ** (-25 / 30))  # half weight at 30 min
    # without the wait the two would be equal: the rule, not chance, makes the difference
    plain = cost_matrix(little_graph("ferry", crossing=25.0), codes,
                        FlowParams(ferry_wait_factor=0.0))
    assert plain[0, 2] == plain[0, 1]


def test_a_tolled_bridge_costs_its_penalty():
    codes = ("O", "R", "B")
    cost = cost_matrix(little_graph("bridge"), codes, FlowParams(toll_penalty_min=30.0),
                       tolled=frozenset({frozenset(("O", "B"))}))
    assert cost[0, 2] == 70.0 and cost[2, 0] == 70.0


def test_tolled_links_read_the_notes(base):
    assert tolled_links(base.links) == frozenset({frozenset(("330", "450"))})  # the Great Belt


@pytest.mark.parametrize("value, text", [
    (84_924.6, "84,900 day trips a year"), (1_234_567.0, "1,230,000 day trips a year"),
    (0.0, "0 day trips a year"), (12.34, "12.3 day trips a year"),
])
def test_flows_read_in_three_significant_figures(value, text):
    assert format_flow(value) == text and "e" not in format_flow(value).split()[0]
    assert round_flow(value) == pytest.approx(float(text.split()[0].replace(",", "")))


# ------------------------------------------------------------------ real data: rules a local knows
@pytest.fixture(scope="module")
def flows_2023(base):
    from destinations.facts import load_facts

    return flow_range(base, load_facts(base, 2023).annual())


FUNEN = {"410", "420", "430", "440", "450", "461", "479", "480", "482", "492"}
TRIANGLE = {"607", "621", "630", "530", "510", "575"}  # Fredericia, Kolding, Vejle, Billund, ...


def test_odenses_partners_are_funen_and_the_triangle(flows_2023, base):
    codes = flows_2023.codes
    row = flows_2023.central.values[codes.index("461")]
    order = [codes[j] for j in np.argsort(-row) if codes[j] != "461"]
    assert set(order[:5]) <= FUNEN
    first_outside = next(c for c in order if c not in FUNEN)
    assert first_outside in TRIANGLE


def test_funens_busiest_cross_border_flows_read_plausibly(flows_2023, today):
    """Fyn's ten busiest flows with the rest of Denmark run over the Little Belt to the Triangle
    area; Ærø -> Sønderborg (84,900 a year before, over a 70-minute ferry) is out of day-trip reach
    at every setting of the sensitivity."""
    codes = flows_2023.codes
    values = flows_2023.central.values
    fyn = set(today.companies()["destination-fyn"])
    pairs = sorted(((values[i, j], codes[i], codes[j]) for i in range(len(codes))
                    for j in range(len(codes)) if (codes[i] in fyn) != (codes[j] in fyn)),
                   reverse=True)[:10]
    assert all((a if a not in fyn else b) in TRIANGLE for _, a, b in pairs)
    assert flows_2023.pair("492", "540") == (0.0, 0.0, 0.0)
    central, low, high = flows_2023.pair("410", "530")  # Middelfart -> Billund (LEGOLAND)
    assert low < central < high


def test_sensitivity_brackets_the_central_model(flows_2023, base):
    assert set(flows_2023.variants) == {"central"} | {label for label, _ in SENSITIVITY}
    assert np.all(flows_2023.low <= flows_2023.central.values + 1e-9)
    assert np.all(flows_2023.central.values <= flows_2023.high + 1e-9)
    names = {c: base.municipality_name(c) for c in base.codes}
    unsure = least_certain_pairs(flows_2023, names, top=5)
    assert len(unsure) == 5 and unsure["spread"].is_monotonic_decreasing
    assert unsure["flow"].gt(0).all()  # the central model gives each a flow
    assert unsure["range_text"].str.endswith("day trips a year").all()
    assert set(unsure["driver"]) <= {label for label, _ in SENSITIVITY}
    assert not unsure["flow_text"].str.contains(r"\de[+-]?\d", regex=True).any()


def test_the_model_agrees_with_the_network(flows_2023, base):
    check = flow_checks(base, flows_2023.central)
    assert check.ok, check.problems
    loads = {frozenset((l.code_a, l.code_b)): l for l in check.link_loads}
    assert loads[frozenset(("410", "607"))].flow > 0  # the Little Belt bridges
    assert loads[frozenset(("561", "563"))].flow > 0  # Esbjerg-Fanø, a 12-minute ferry
    assert loads[frozenset(("492", "540"))].flow == 0  # Søby-Fynshav: beyond a day trip
    # every link of the travel graph is listed, carrying flow or not
    links = sum(d["kind"] != "land" for *_, d in base.graph.edges(data=True))
    assert len(check.link_loads) == links
    assert 0 < check.cross_water_share < 0.5
    assert check.table()["flow_text"].str.endswith("day trips a year").all()


def test_a_flow_with_no_route_or_beyond_the_cut_off_is_named(base):
    """Nothing may cross water without a link: a matrix sending trips from Bornholm to Aalborg
    (a 6-hour ferry and a drive) is caught."""
    codes = tuple(base.codes)
    values = np.zeros((len(codes), len(codes)))
    values[codes.index("400"), codes.index("851")] = 5_000.0
    matrix = FlowMatrix(codes=codes, values=values, kind=Kind.MODELLED, source="test",
                        params=FlowParams())
    check = flow_checks(base, matrix)
    assert not check.ok
    assert any(p.startswith("400->851") and "cut-off" in p for p in check.problems)
