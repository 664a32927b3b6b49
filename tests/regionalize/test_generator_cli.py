"""The CLI helpers: generate writes an importable plan and returns evaluate's plan object."""

from __future__ import annotations

import pytest

from destinations.errors import SolverError
from destinations.regionalize.report import generate_plan, repair_plan
from destinations.scenarios.scenario import Scenario
from destinations.scenarios.io import MunicipalityIndex, evaluate_plan_file, plan_csv


def test_generate_returns_the_evaluate_document_and_writes_the_plan(base, tmp_path):
    out = tmp_path / "plans" / "plan.csv"
    document = generate_plan(base, k=19, seed=1, time_limit=60, out=out, iterations=150,
                             require_lighthouse="off")
    assert out.is_file()
    again = evaluate_plan_file(base, out)
    assert set(document["plan"]) == set(again["plan"])
    assert document["plan"]["companies"] == 19
    assert document["plan"]["flow_cut_share"] == pytest.approx(again["plan"]["flow_cut_share"])
    generator = document["generator"]
    assert generator["valid"] is True and generator["stopped"] == "budget"
    assert document["iterations"] == 150 and document["stopped_by"] == "budget"
    assert isinstance(document["binding"], list)
    assert generator["objective"] == pytest.approx(document["plan"]["flow_cut_share"])


def test_generate_keeps_a_locked_company(base, tmp_path):
    document = generate_plan(base, k=19, seed=2, time_limit=60, iterations=100,
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


def test_cli_generate_reports_iterations_stopped_by_and_binding(capsys, settings, tmp_path):
    import json

    from destinations.cli import main

    argv = ["scenario", "generate", "--k", "19", "--seed", "3", "--iterations", "400",
            "--time-limit", "600", "--json"]
    assert main(argv) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["iterations"] == 400 and first["stopped_by"] == "budget"
    assert isinstance(first["binding"], list) and first["binding"] == first["generator"]["binding"]
    generator = first["generator"]
    assert generator["budget"] == 400
    assert generator["constraints"]["balance_max_ratio"] == generator["defaults"]["balance_max_ratio"]
    assert generator["constraints"]["max_units"] == generator["defaults"]["max_units"] == 23
    assert main(argv) == 0
    second = json.loads(capsys.readouterr().out)
    assert [c["member_codes"] for c in first["companies"].values()] == [
        c["member_codes"] for c in second["companies"].values()]
    assert main(argv[:-1] + ["--balance", "off", "--max-municipalities", "12", "--json"]) == 0
    relaxed = json.loads(capsys.readouterr().out)["generator"]["constraints"]
    assert relaxed["balance_max_ratio"] is None and relaxed["max_units"] == 12


def test_cli_generate_rejects_a_bad_bound(capsys):
    from destinations.cli import main

    with pytest.raises(SystemExit) as info:
        main(["scenario", "generate", "--k", "19", "--balance", "wide", "--json"])
    assert info.value.code == 2
    assert "'today' or 'off'" in capsys.readouterr().err


def test_repair_splits_bornholm_off_from_a_plan_file(base, tmp_path):
    today = Scenario.from_base(base)
    moved = today.move("400", "destination-soenderjylland")
    path = tmp_path / "bornholm.csv"
    path.write_bytes(plan_csv(moved, MunicipalityIndex.from_base(base)))
    document = repair_plan(base, path, time_limit=20)
    assert document["optimal"] and document["valid_after"]
    bornholm = [m for m in document["moves"] if m["code"] == "400"]
    assert len(bornholm) == 1 and bornholm[0]["new_company"] is True
    assert bornholm[0]["to_name"] == "Bornholm"
    assert document["new_companies"] == {bornholm[0]["to"]: "Bornholm"}
    assert document["count"] == 5  # today's four problems and Bornholm
