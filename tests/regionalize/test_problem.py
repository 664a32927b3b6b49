"""The numeric problem: building, validation, the objective and plan checks."""

from __future__ import annotations

import numpy as np
import pytest

from destinations.errors import SolverError
from destinations.scenarios.metrics import evaluate
from destinations.regionalize.problem import RegionalizationProblem, check_plan
from destinations.scenarios.scenario import Scenario


def test_from_arrays_dedupes_edges_and_builds_neighbours():
    problem = RegionalizationProblem.from_arrays(
        ["a", "b", "c"], edges=[("a", "b"), ("b", "a"), ("b", "c")], weights=[1, 2, 3])
    assert problem.edges.tolist() == [[0, 1], [1, 2]]
    assert [nb.tolist() for nb in problem.neighbours] == [[1], [0, 2], [1]]


def test_unknown_unit_and_gap_weights_are_refused():
    with pytest.raises(SolverError, match="Unknown unit"):
        RegionalizationProblem.from_arrays(["a"], edges=[("a", "zz")], weights=[1])
    with pytest.raises(SolverError, match="unknown"):
        RegionalizationProblem.from_arrays(["a", "b"], edges=[], weights={"a": 1.0})


def test_a_unit_in_two_locked_companies_is_refused():
    with pytest.raises(SolverError, match="two locked companies"):
        RegionalizationProblem.from_arrays(["a", "b"], edges=[("a", "b")], weights=[1, 1],
                                           fixed={"x": ["a"], "y": ["a", "b"]})


def test_cut_share_counts_flows_between_zones_only(grid):
    labels = np.array([0 if i % 5 < 2 else 1 for i in range(grid.n)])
    same = labels[:, None] == labels[None, :]
    expected = grid.flows[~same].sum() / grid.flows.sum()
    assert grid.cut_share(labels) == pytest.approx(expected)
    assert grid.cut_share(np.zeros(grid.n, dtype=int)) == 0.0


def test_cut_share_equals_the_metrics_table_on_real_data(real, ctx, base):
    today = Scenario.from_base(base)
    ids = {cid: k for k, (cid, _) in enumerate(today.company_names)}
    labels = [ids[label] if label is not None else -1 for label in today.labels]
    assert real.cut_share(labels) == pytest.approx(evaluate(today, ctx).plan["flow_cut_share"])


def test_check_plan_names_each_violation(grid):
    labels = np.zeros(grid.n, dtype=int)
    labels[[0, 19]] = 1  # two opposite corners: company 1 is in two parts
    found = check_plan(grid, labels, k=3, floor=50, balance_max_ratio=2.0,
                       lighthouse_allowance=0)
    assert found["companies"] == {"count": 2, "expected": 3}
    assert found["noncontiguous"] == [1]
    assert found["below_floor"] == [1]
    assert found["balance"]["bound"] == 2.0
    assert "lighthouse" not in found  # both parts hold a lighthouse (r0c0 is in company 1)


def test_plan_to_scenario_names_companies_after_their_largest_member(real, base):
    from destinations.regionalize.generate import solve

    plan = solve(real, rng=np.random.default_rng(3), time_limit=30, k=19,
                 require_lighthouse="off", budget=200)
    scenario = plan.to_scenario(real, name="Test", reference=Scenario.from_base(base))
    assert len([m for m in scenario.companies().values() if m]) == 19
    assert any(name.startswith("København") for name in scenario.names.values())
