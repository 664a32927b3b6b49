"""Generated plans meet every constraint, reproduce for a seed, and respect locks and limits."""

from __future__ import annotations

import numpy as np
import pytest

from destinations.scenarios.metrics import evaluate
from destinations.regionalize.generate import solve, solve_steps, tree_partition
from destinations.regionalize.problem import check_plan
from destinations.scenarios.scenario import Scenario
from tests.regionalize.conftest import grid_problem

LONG = 600.0  # a time limit that never binds: runs stop by their iteration budget


def _run(problem, seed=1, iterations=400, **kwargs):
    options = dict(k=4, floor=60.0, require_lighthouse="off")
    options.update(kwargs)
    return solve(problem, rng=np.random.default_rng(seed), time_limit=LONG, budget=iterations,
                 **options)


def test_plan_is_contiguous_above_the_floor_with_k_companies(grid):
    plan = _run(grid, k=4, floor=80.0)
    assert plan.valid, plan.violations
    assert check_plan(grid, plan.labels, k=4, floor=80.0) == {}
    assert sorted(set(plan.labels)) == [0, 1, 2, 3]
    assert min(plan.zone_weights) >= 80.0
    assert plan.value == pytest.approx(grid.cut_share(plan.labels))


def test_balance_bound_and_lighthouses_hold(grid):
    plan = _run(grid, k=4, floor=60.0, balance_max_ratio=1.5, require_lighthouse="all")
    assert plan.valid, plan.violations
    weights = np.array(plan.zone_weights)
    assert weights.max() / weights.min() <= 1.5 + 1e-9
    for zone in range(4):
        members = [i for i, z in enumerate(plan.labels) if z == zone]
        assert grid.lighthouses[members].sum() >= 1


def test_same_seed_same_plan_other_seed_may_differ(grid):
    first = _run(grid, seed=7, k=5, floor=50.0)
    second = _run(grid, seed=7, k=5, floor=50.0)
    assert first.labels == second.labels
    assert first.trace == () or [t[1:] for t in first.trace] == [t[1:] for t in second.trace]


def test_locked_company_stays_as_it_is_and_groups_stay_together():
    problem = grid_problem(fixed={"north": ["r0c0", "r0c1", "r0c2", "r0c3", "r0c4"]},
                           together=[["r3c0", "r3c4"]])
    plan = _run(problem, k=3, floor=60.0)
    assert plan.valid, plan.violations
    north = {plan.labels[problem.index[f"r0c{c}"]] for c in range(5)}
    assert len(north) == 1
    zone = north.pop()
    assert plan.locked_zones == {zone: "north"}
    assert sum(1 for z in plan.labels if z == zone) == 5
    assert plan.labels[problem.index["r3c0"]] == plan.labels[problem.index["r3c4"]]


def test_start_plan_is_used_and_brought_to_k(grid):
    # Start: every column a company (5), unit r0c0 unaffiliated; ask for 3 companies.
    start = {f"r{r}c{c}": (None if (r, c) == (0, 0) else f"col{c}")
             for r in range(4) for c in range(5)}
    plan = _run(grid, k=3, floor=60.0, start=start, iterations=0)
    assert check_plan(grid, plan.labels, k=3) == {}
    assert plan.stopped == "budget" and plan.stopped_by == "budget"


def test_progress_reports_and_cancel_stop_the_search(grid):
    calls = []
    plan = solve(grid, rng=np.random.default_rng(1), time_limit=LONG, k=4, floor=60.0,
                 require_lighthouse="off", progress_interval=0.0,
                 on_progress=lambda fraction, best, value: calls.append((fraction, best, value)),
                 cancel=lambda: len(calls) >= 3)
    assert plan.stopped == "cancelled"
    assert calls[-1][0] == 1.0 and calls[-1][1] is plan
    assert all(0.0 <= f <= 1.0 for f, _, _ in calls)


def test_steps_generator_ends_with_the_final_plan(grid):
    events = list(solve_steps(grid, rng=np.random.default_rng(2), time_limit=LONG, k=4,
                              floor=60.0, require_lighthouse="off", budget=50,
                              progress_interval=0.0))
    assert events[-1].final and events[-1].fraction == 1.0
    assert not any(e.final for e in events[:-1])


def test_time_limit_is_honoured(grid):
    plan = solve(grid, rng=np.random.default_rng(1), time_limit=0.2, budget=10**9, k=4,
                 floor=60.0, require_lighthouse="off")
    assert plan.stopped == "time" and plan.stopped_by == "time"
    assert len(plan.labels) == grid.n


def test_tree_partition_gives_connected_parts(grid):
    nbl = [list(map(int, nb)) for nb in grid.neighbours]
    parts = tree_partition(range(grid.n), nbl, grid.weights, 5, 0.0, np.random.default_rng(4))
    assert len(parts) == 5
    assert sorted(i for part in parts for i in part) == list(range(grid.n))
    assert all(len(grid.components(part)) == 1 for part in parts)


def test_real_graph_k19_satisfies_every_constraint(real, ctx, base):
    """Independent check through the metrics table (not the solver's own checks)."""
    # An iteration bound (not the clock) ends the run, so the result does not depend on load.
    plan = solve(real, rng=np.random.default_rng(1), time_limit=LONG, k=19, floor=750_000,
                 require_lighthouse="where_possible", budget=2500)
    assert plan.valid, plan.violations
    scenario = plan.to_scenario(real, reference=Scenario.from_base(base))
    result = evaluate(scenario, ctx)
    assert result.plan["companies"] == 19
    assert result.plan["unaffiliated"] == 0
    assert result.plan["floor_violation_count"] == 0
    assert result.plan["noncontiguous_count"] == 0
    allowance = plan.settings["lighthouse_allowance"]
    assert result.plan["lighthouseless_count"] <= allowance
    assert result.plan["flow_cut_share"] == pytest.approx(plan.value)
    today = evaluate(Scenario.from_base(base), ctx).plan["flow_cut_share"]
    assert plan.value < today


def test_real_graph_seed_reproduces_with_an_iteration_bound(real):
    runs = [solve(real, rng=np.random.default_rng(5), time_limit=LONG, k=19, floor=750_000,
                  require_lighthouse="off", budget=300) for _ in range(2)]
    assert runs[0].labels == runs[1].labels
    assert runs[0].valid


def test_max_iterations_is_still_accepted_as_the_budget(grid):
    plan = solve(grid, rng=np.random.default_rng(3), k=4, floor=60.0, require_lighthouse="off",
                 max_iterations=30)
    assert plan.iterations == 30 and plan.budget == 30 and plan.stopped == "budget"


def test_size_bound_holds(grid):
    plan = _run(grid, k=4, floor=60.0, max_units=5)
    assert plan.valid, plan.violations
    assert max(np.bincount(plan.labels)) <= 5
    assert plan.settings["max_units"] == 5
    assert check_plan(grid, plan.labels, k=4, floor=60.0, max_units=4)["size"]["bound"] == 4
