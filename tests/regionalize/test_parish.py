"""Parish mode: the parish problem keeps municipal totals, is connected, and solves to k = 19."""

from __future__ import annotations

import numpy as np
import pytest

from destinations.scenarios.metrics import LIGHTHOUSE_THRESHOLD
from destinations.regionalize.generate import solve
from destinations.regionalize.parish import (
    APPORTIONING_NOTE,
    municipality_summary,
    summary_scenario,
)


def test_parishes_form_one_connected_graph(parish):
    assert parish.n > 2000
    assert parish.unit_kind == "parish"
    assert len(parish.components(range(parish.n))) == 1


def test_apportioning_keeps_each_municipalitys_stays_and_the_flows(parish, ctx):
    parents = np.array(parish.parent)
    for code in ("101", "751", "400"):
        assert parish.weights[parents == code].sum() == pytest.approx(
            ctx.overnights[ctx.index[code]])
    assert parish.flow_total == pytest.approx(ctx.flow_total)
    assert APPORTIONING_NOTE in parish.notes


def test_every_lighthouse_lands_in_a_parish(parish, base):
    expected = sum(1 for a in base.attractions
                   if a.visitors is not None and a.visitors >= LIGHTHOUSE_THRESHOLD)
    assert parish.lighthouses.sum() == expected


def test_parish_plan_k19_is_valid_and_summarised(parish, base):
    plan = solve(parish, rng=np.random.default_rng(1), time_limit=40.0, k=19, floor=750_000,
                 require_lighthouse="where_possible", target=1.0)
    assert plan.valid, plan.violations
    summary = municipality_summary(parish, plan)
    assert set(summary.shares) == set(base.codes)
    for row in summary.shares.values():
        assert sum(row.values()) == pytest.approx(1.0)
    scenario = summary_scenario(parish, plan, base.codes)
    assert set(scenario.codes) == set(base.codes)
    assert not scenario.unaffiliated()
