"""ReCom ensembles: every sampled plan is valid; a plan's position is a percentile."""

from __future__ import annotations

import numpy as np
import pytest

from destinations.errors import SolverError
from destinations.scenarios.metrics import evaluate
from destinations.regionalize.ensemble import (
    Ensemble,
    _Chain,
    plan_values,
    position,
    sample_ensemble,
)
from destinations.regionalize.feasibility import check_feasibility
from destinations.regionalize.generate import solve
from destinations.regionalize.problem import check_plan
from destinations.scenarios.scenario import Scenario
from tests.regionalize.conftest import grid_problem


def test_every_chain_state_is_a_valid_plan_and_the_chain_moves(grid):
    floor, k = 60.0, 4
    start = solve(grid, rng=np.random.default_rng(1), time_limit=60, k=k, floor=floor,
                  require_lighthouse="off", target=1.0)
    feas = check_feasibility(grid, k=k, floor=floor, require_lighthouse="off")
    chain = _Chain(feas.blocks, np.asarray(start.labels), k=k, floor=floor, ratio=1.8,
                   allowance=None, rng=np.random.default_rng(2))
    seen = set()
    for _ in range(200):
        before = chain.z.copy()
        moved = chain.step()
        labels = feas.blocks.expand(chain.z)
        problems = check_plan(grid, labels, k=k, floor=floor)
        assert problems == {}
        if not moved:
            assert np.array_equal(before, chain.z)
        seen.add(tuple(labels))
    assert len(seen) > 10


def test_locked_company_is_never_resampled():
    problem = grid_problem(fixed={"north": [f"r0c{c}" for c in range(5)]})
    floor, k = 50.0, 4
    start = solve(problem, rng=np.random.default_rng(1), time_limit=60, k=k, floor=floor,
                  require_lighthouse="off", target=1.0)
    feas = check_feasibility(problem, k=k, floor=floor, require_lighthouse="off")
    chain = _Chain(feas.blocks, np.asarray(start.labels)[[m[0] for m in feas.blocks.members]],
                   k=k, floor=floor, ratio=None, allowance=None, rng=np.random.default_rng(3))
    north = chain.z[0]
    for _ in range(100):
        chain.step()
        labels = feas.blocks.expand(chain.z)
        assert {labels[problem.index[f"r0c{c}"]] for c in range(5)} == {north}
        assert int(np.sum(labels == north)) == 5


def test_position_is_a_percentile_with_ties_counted_half():
    ensemble = Ensemble(values={"flow_cut_share": np.array([0.1, 0.2, 0.3, 0.4])}, k=2, steps=4,
                        accepted=4, elapsed_s=0.0, stopped="steps")
    spot = position(ensemble, {"flow_cut_share": 0.3})["flow_cut_share"]
    assert spot["percentile"] == pytest.approx(62.5)
    assert spot["outlier"] is False
    assert position(ensemble, {"flow_cut_share": 0.9})["flow_cut_share"]["outlier"] is True
    assert position(ensemble, {"flow_cut_share": None})["flow_cut_share"]["percentile"] is None


def test_an_invalid_start_plan_is_refused(grid):
    labels = [0] * grid.n
    with pytest.raises(SolverError, match="start plan is not valid"):
        sample_ensemble(grid, rng=np.random.default_rng(1), steps=5, k=2, floor=0.0,
                        start=labels)


def test_real_ensemble_places_todays_plan(real, ctx, base):
    ensemble = sample_ensemble(real, rng=np.random.default_rng(1), steps=60, k=19,
                               floor=ctx.floor, ctx=ctx, burn_in=10, time_limit=60)
    assert ensemble.steps == 60
    assert set(ensemble.values) >= {"flow_cut_share", "seasonality_gini_mean"}
    assert np.all(np.isfinite(ensemble.values["flow_cut_share"]))
    today = evaluate(Scenario.from_base(base), ctx)
    spot = ensemble.position(today.plan)["flow_cut_share"]
    assert 0.0 <= spot["percentile"] <= 100.0
    assert spot["value"] == pytest.approx(today.plan["flow_cut_share"])


def test_plan_values_match_the_metrics_table(real, ctx, base):
    today = Scenario.from_base(base)
    ids = {cid: i for i, (cid, _) in enumerate(today.company_names)}
    labels = [ids[label] if label is not None else -1 for label in today.labels]
    values = plan_values(real, labels, ctx=ctx)
    expected = evaluate(today, ctx).plan
    for key, value in values.items():
        assert value == pytest.approx(float(expected[key]), rel=1e-9), key
