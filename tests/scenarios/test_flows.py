"""The day-trip flow model and the measured OD-matrix loader."""

from __future__ import annotations

import math

import numpy as np
import pytest

from destinations.errors import DataError, ScenarioError
from destinations.scenarios.flows import (
    FlowParams,
    attraction_mass,
    default_visitors,
    gravity_flows,
    load_od_matrix,
    model_flows,
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
