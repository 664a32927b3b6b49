"""The CLI helpers: generate writes an importable plan and returns evaluate's plan object."""

from __future__ import annotations

import pytest

from destinations.errors import SolverError
from destinations.regionalize.report import generate_plan, repair_plan
from destinations.scenarios.scenario import Scenario
from destinations.scenarios.io import MunicipalityIndex, evaluate_plan_file, plan_csv


def test_generate_returns_the_evaluate_document_and_writes_the_plan(base, tmp_path):
    out = tmp_path / "plans" / "plan.csv"
    document = generate_plan(base, k=19, seed=1, time_limit=60, out=out, max_iterations=150,
                             require_lighthouse="off")
    assert out.is_file()
    again = evaluate_plan_file(base, out)
    assert set(document["plan"]) == set(again["plan"])
    assert document["plan"]["companies"] == 19
    assert document["plan"]["flow_cut_share"] == pytest.approx(again["plan"]["flow_cut_share"])
    generator = document["generator"]
    assert generator["valid"] is True and generator["stopped"] == "iterations"
    assert generator["objective"] == pytest.approx(document["plan"]["flow_cut_share"])


def test_generate_keeps_a_locked_company(base, tmp_path):
    document = generate_plan(base, k=19, seed=2, time_limit=60, max_iterations=100,
                             lock_companies=["Destination Bornholm"], require_lighthouse="off")
    members = {c["id"]: c["member_codes"] for c in document["companies"].values()}
    assert members["destination-bornholm"] == ["400"]


def test_infeasible_request_is_explained(base):
    with pytest.raises(SolverError, match="too large for the floor"):
        generate_plan(base, k=90, seed=1, time_limit=60)


def test_repair_lists_moves_for_todays_plan(base, tmp_path):
    path = tmp_path / "today.csv"
    path.write_bytes(plan_csv(Scenario.from_base(base), MunicipalityIndex.from_base(base)))
    document = repair_plan(base, path, time_limit=20)
    assert document["count"] == len(document["moves"]) == 4
    assert document["optimal"] and document["valid_after"]
    assert document["plan_after"]["floor_violation_count"] == 0
    assert {"code", "municipality", "from", "to", "reason"} <= set(document["moves"][0])
