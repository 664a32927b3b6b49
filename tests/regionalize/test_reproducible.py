"""Plans a strategist can reproduce and defend (issue 15, item 3).

* the same seed and settings give the same plan, however slow the machine (an iteration budget
  bounds the search, not the clock); a tiny time limit says it stopped on time;
* the default plan meets the bounds derived from today's map: balance no worse than today, no
  company larger than today's largest, Bornholm alone or with Zealand partners across its ferry;
* the generator names the constraints that keep it from cutting fewer day trips.
"""

from __future__ import annotations

import time

import numpy as np
import pytest

from destinations.errors import SolverError
from destinations.regionalize.defaults import bounds_from_companies, default_bounds
from destinations.regionalize.explain import CONSTRAINTS, binding_constraints
from destinations.regionalize.generate import DEFAULT_BUDGET, solve
from destinations.regionalize.problem import RegionalizationProblem
from destinations.scenarios.metrics import gini
from destinations.scenarios.scenario import Scenario


@pytest.fixture(scope="module")
def today(base) -> Scenario:
    return Scenario.from_base(base)


@pytest.fixture(scope="module")
def bounds(real, today):
    return default_bounds(real, today, k=19)


@pytest.fixture(scope="module")
def default_plan(real, bounds):
    """The default plan: k = 19, seed 1, default budget and bounds (what the CLI makes)."""
    return solve(real, rng=np.random.default_rng(1), k=19, floor=750_000,
                 balance_max_ratio=bounds.balance_max_ratio, max_units=bounds.max_units)


def _company_weights(problem, labels) -> np.ndarray:
    labels = np.asarray(labels)
    return np.array([problem.weights[labels == z].sum() for z in sorted(set(labels.tolist()))])


def test_same_seed_same_plan_even_on_a_slow_machine(real, bounds):
    settings = dict(k=19, floor=750_000, balance_max_ratio=bounds.balance_max_ratio,
                    max_units=bounds.max_units, budget=3000)
    first = solve(real, rng=np.random.default_rng(11), **settings)

    asked = []

    def slow_cancel() -> bool:  # a loaded machine: asked every 16 iterations, it dawdles
        asked.append(1)
        time.sleep(0.001)
        return False

    reports = []
    second = solve(real, rng=np.random.default_rng(11), cancel=slow_cancel,
                   on_progress=lambda *report: reports.append(report), progress_interval=0.02,
                   time_limit=600, **settings)
    assert len(asked) * 0.001 >= 0.15  # it really ran on a slower clock (>= 0.15 s of delays)
    assert len(reports) > 2
    assert first.labels == second.labels
    assert first.value == second.value
    assert first.iterations == second.iterations == 3000
    assert first.stopped_by == second.stopped_by == "budget"
    assert first.binding == second.binding
    assert [t[1:] for t in first.trace] == [t[1:] for t in second.trace]


def test_a_tiny_time_limit_says_it_stopped_on_time(real, bounds):
    plan = solve(real, rng=np.random.default_rng(1), k=19, floor=750_000, time_limit=0.05,
                 balance_max_ratio=bounds.balance_max_ratio, max_units=bounds.max_units)
    assert plan.stopped == "time" and plan.stopped_by == "time"
    assert plan.iterations < plan.budget == DEFAULT_BUDGET
    assert len(plan.labels) == real.n


def test_default_bounds_are_derived_from_todays_map(real, today, bounds):
    weights = [real.weights[real.positions(m)].sum() for m in today.companies().values() if m]
    high, low = np.percentile(weights, [90, 10])
    assert bounds.balance_max_ratio == pytest.approx(round(high / low, 1))
    assert 1 < bounds.balance_max_ratio < bounds.today_ratio
    sizes = [len(m) for m in today.companies().values()]
    assert bounds.max_units == max(sizes) == bounds.today_largest[1]
    assert bounds.today_gini == pytest.approx(gini(weights))
    assert any("90th / 10th percentile" in line for line in bounds.basis)


def test_default_balance_bound_is_never_below_what_the_data_force():
    # One unit holds half of everything: with k = 4 the bound must admit 0.5 / 0.25 = 2.
    derived = bounds_from_companies([10, 10, 10, 10], [1, 1, 1, 1], list("abcd"), floor_ratio=2.0)
    assert derived.balance_max_ratio == 2.0
    assert "raised" in derived.basis[0]


def test_default_plan_meets_the_bounds_and_reads_as_a_destination_manager_expects(
        real, today, bounds, default_plan):
    plan = default_plan
    assert plan.valid, plan.violations
    assert plan.stopped_by == "budget" and plan.iterations == DEFAULT_BUDGET
    weights = _company_weights(real, plan.labels)
    ratio = weights.max() / weights.min()
    assert ratio <= bounds.balance_max_ratio + 1e-9
    # Balance no worse than today's map, on both measures the metrics table shows.
    assert ratio < bounds.today_ratio
    assert gini(weights) <= bounds.today_gini
    # No company larger than today's largest (the 27-municipality "Varde +26" is gone).
    assert max(np.bincount(plan.labels)) <= bounds.max_units
    # Bornholm is on its own or with Zealand-side partners (its only link is the Køge ferry).
    labels = np.asarray(plan.labels)
    company = [real.ids[i] for i in np.flatnonzero(labels == labels[real.index["400"]])]
    assert all(int(code) <= 400 for code in company), company
    # It cuts fewer day trips than today's map.
    today_labels = np.full(real.n, -1)
    for zone, members in enumerate(m for m in today.companies().values() if m):
        today_labels[real.positions(members)] = zone
    assert plan.value < real.cut_share(today_labels)


def test_default_plan_names_its_binding_constraints(default_plan):
    assert default_plan.binding, "a plan at the budget's end should be held back by something"
    assert set(default_plan.binding) <= set(CONSTRAINTS)
    assert "balance" in default_plan.binding
    details = {d["constraint"]: d for d in default_plan.binding_detail}
    for name in default_plan.binding:
        assert details[name]["alone"] > 0 and details[name]["best_saving"] > 0
        assert details[name]["text"].startswith(f"{name}: moving ")


def test_binding_names_the_constraint_that_blocks_an_improvement():
    """a - b - c - d, flows strongest between b and c; X = {a, b}, Y = {c, d}.

    Moving b to Y (or c to X) would cut fewer trips, but leaves a company below the floor of 20:
    the floor binds. With a size bound of 2 instead, the company joined would grow too large: the
    size bound binds. With neither, nothing blocks those moves (free moves: not a local optimum).
    """
    flows = np.zeros((4, 4))
    flows[1, 2] = flows[2, 1] = 10.0
    flows[0, 1] = flows[2, 3] = 1.0
    problem = RegionalizationProblem.from_arrays("abcd", edges=[("a", "b"), ("b", "c"),
                                                                ("c", "d")],
                                                 weights=[10, 10, 10, 10], flows=flows)
    labels = [0, 0, 1, 1]
    found = binding_constraints(problem, labels, settings={"k": 2, "floor": 20.0})
    assert found.names == ("floor",) and found.free_moves == 0
    assert found.detail[0]["alone"] == 2
    size = binding_constraints(problem, labels, settings={"k": 2, "floor": 0.0, "max_units": 2})
    assert size.names == ("size",)
    free = binding_constraints(problem, labels, settings={"k": 2, "floor": 0.0})
    assert free.names == () and free.free_moves == 2


def test_a_size_bound_too_small_is_explained(real):
    with pytest.raises(SolverError, match="size bound of 4 municipalities per company is too small"):
        solve(real, rng=np.random.default_rng(1), k=19, floor=750_000, max_units=4, budget=10)


def test_parish_mode_defaults_count_parishes(parish, real, today, bounds):
    over_parishes = default_bounds(parish, today, k=19)
    # Same companies, same overnight stays (apportioned to parishes): the same balance bound.
    assert over_parishes.balance_max_ratio == pytest.approx(bounds.balance_max_ratio, abs=0.11)
    assert over_parishes.max_units > bounds.max_units
    assert "parishes" in over_parishes.basis[1]
