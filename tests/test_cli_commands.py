"""Every CLI command named in the issues, with the JSON keys the issues name (through `main`)."""

from __future__ import annotations

import json

import pytest

from destinations.cli import main


def run(capsys, *argv: str) -> dict:
    code = main(list(argv))
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return json.loads(captured.out)


def fail(capsys, *argv: str) -> str:
    assert main(list(argv)) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    return err


def test_facts_summary(capsys, settings):
    out = run(capsys, "facts", "summary", "--year", "2019", "--json")
    assert {"year", "national_overnights", "by_region", "by_type", "by_kind", "municipalities"} <= set(out)
    assert len(out["municipalities"]) == 98
    assert all({"overnights", "foreign_share", "kind"} <= set(v) for v in out["municipalities"].values())
    assert sum(out["by_type"].values()) == pytest.approx(out["national_overnights"])


def test_facts_summary_unknown_year(capsys, settings):
    assert "2019" in fail(capsys, "facts", "summary", "--year", "2001", "--json")


def test_scenario_evaluate_today(capsys, settings, tmp_path, base):
    plan = tmp_path / "plan.csv"
    rows = [f"{code};{base.today_company_names.get(cid, '') if cid else 'Ingen'}"
            for code, cid in base.today_assignment.items()]
    plan.write_text("kommune_code;company\n" + "\n".join(rows) + "\n", encoding="utf-8")
    out = run(capsys, "scenario", "evaluate", str(plan), "--json")
    keys = {"companies", "unaffiliated", "flow_cut_share", "balance_gini", "floor_violations",
            "noncontiguous_companies", "lighthouseless_companies"}
    assert keys <= set(out["plan"])
    assert out["plan"]["companies"] == 19 and out["plan"]["unaffiliated"] == 9
    assert len(out["companies"]) == 19


def test_scenario_evaluate_bad_file(capsys, settings, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("kommune_code,company\n9999,X\n", encoding="utf-8")
    assert "9999" in fail(capsys, "scenario", "evaluate", str(bad), "--json")


def test_season_summary_company(capsys, settings):
    out = run(capsys, "season", "summary", "--company", "Destination Fyn", "--year", "2019", "--json")
    for key in ("months", "gini", "peak_mean_ratio", "peak_quarter_share", "offseason_share",
                "capacity_by_month", "occupancy_by_month", "kind"):
        assert key in out
    assert len(out["months"]) == 12 and len(out["capacity_by_month"]) == 12


def test_season_summary_unknown_company_lists_companies(capsys, settings):
    assert "Destination Fyn" in fail(capsys, "season", "summary", "--company", "Nowhere", "--json")


def test_narratives_list_and_export(capsys, settings, tmp_path):
    out = run(capsys, "narratives", "list", "--json")
    assert len(out["narratives"]) >= 10
    assert all({"id", "title", "steps", "companies"} <= set(n) for n in out["narratives"])
    target = tmp_path / "story.html"
    run(capsys, "narratives", "export", out["narratives"][0]["id"], "--out", str(target), "--json")
    assert target.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")


def test_itinerary_plan_bad_hub(capsys, settings):
    assert "Copenhagen Airport" in fail(capsys, "itinerary", "plan", "--from", "Atlantis", "--days", "2",
                                        "--month", "7", "--json")


def test_scenario_generate_k_outside_band(capsys):
    with pytest.raises(SystemExit) as info:
        main(["scenario", "generate", "--k", "40", "--json"])
    assert info.value.code == 2
    assert "15-25" in capsys.readouterr().err


def test_scenario_generate_and_repair(capsys, settings, tmp_path):
    out_csv = tmp_path / "plan.csv"
    out = run(capsys, "scenario", "generate", "--k", "19", "--seed", "1", "--time-limit", "3",
              "--out", str(out_csv), "--json")
    assert out["plan"]["companies"] == 19 and out["plan"]["floor_violations"] == []
    assert out["plan"]["noncontiguous_companies"] == []
    repaired = run(capsys, "scenario", "repair", str(out_csv), "--json")
    assert repaired["moves"] == [] and repaired["valid_after"]
