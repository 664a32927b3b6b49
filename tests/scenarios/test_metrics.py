"""Metrics on the hand-drawn world of conftest.py (values worked out by hand in comments)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from destinations.scenarios.metrics import (
    COMPANY_METRICS,
    METRICS,
    PLAN_METRICS,
    effective_splits,
    evaluate,
    evaluate_after_move,
    gini,
    seasonality_gini,
)
from destinations.model import Kind
from destinations.scenarios.scenario import Scenario
from tests.scenarios.tinyworld import CODES, A, B, C, D, E, tiny_context


def test_table_rows_are_complete_and_unique():
    keys = [m.key for m in METRICS]
    assert len(keys) == len(set(keys))
    for metric in METRICS:
        assert metric.better in {"higher", "lower", "none"}
        assert metric.level in {"company", "plan"}
        assert metric.label_en and metric.label_da and metric.unit
        assert isinstance(metric.kind, Kind)


@pytest.mark.parametrize("monthly, expected", [
    ([1] * 12, 0.0),                              # flat
    ([0] * 11 + [5], 11 / 12),                    # one month
    ([1] + [0] * 5 + [1] + [0] * 5, 10 / 12),     # two equal months: (2/12)(11.5) - 13/12
])
def test_seasonality_gini(monthly, expected):
    assert seasonality_gini(np.array(monthly, float)) == pytest.approx(expected)


def test_seasonality_gini_is_a_gap_when_a_month_is_missing():
    assert math.isnan(seasonality_gini(np.array([1.0] * 11 + [np.nan])))


def test_gini_of_two_values():
    # |240-180| counted twice / (2 * 2^2 * 210) = 120 / 1680
    assert gini([240, 180]) == pytest.approx(1 / 14)


def test_effective_splits_90_10():
    assert effective_splits([9, 1]) == pytest.approx(1 / 0.82 - 1)  # ~0.22 as in the field notes


@pytest.fixture
def evaluation(xy_plan, tiny_ctx):
    return evaluate(xy_plan, tiny_ctx)


def test_size_metrics(evaluation):
    x, y = evaluation.companies["x"], evaluation.companies["y"]
    assert (x["members"], x["overnights"], y["overnights"]) == (2, 240, 180)
    assert x["foreign_share"] == pytest.approx(60 / 240)
    assert y["foreign_share"] == pytest.approx(60 / 180)
    assert (x["capacity_hotel"], x["capacity_camping"], x["capacity_total"]) == (10, 5, 15)
    assert (x["attractions"], x["lighthouses"], y["lighthouses"]) == (2, 1, 1)


def test_floor_and_balance(evaluation):
    assert evaluation.companies["y"]["below_floor"] is True  # 180 < floor 200
    assert evaluation.companies["x"]["below_floor"] is False
    assert evaluation.plan["floor_violation_count"] == 1
    assert evaluation.plan["balance_gini"] == pytest.approx(1 / 14)
    assert evaluation.plan["max_min_ratio"] == pytest.approx(240 / 180)


def test_plan_counts(evaluation):
    assert evaluation.plan["companies"] == 2
    assert evaluation.plan["unaffiliated"] == 1
    assert evaluation.plan["size_band_gap"] == 13  # 15 - 2
    assert evaluation.plan["lighthouseless_count"] == 0


def test_seasonality_of_a_company(evaluation):
    # Y = C + D: Jan 60, Jun 20, Jul 80, Aug 20 (total 180).
    # sorted shares at ranks 9..12: 20, 20, 60, 80 -> sum i*s = 2000/180; G = 83/108
    y = evaluation.companies["y"]
    assert y["seasonality_gini"] == pytest.approx(83 / 108)
    assert y["peak_mean_ratio"] == pytest.approx(80 / 15)
    assert y["peak_quarter_share"] == pytest.approx(120 / 180)
    # members: G_C = 10/12 (w 2/3), G_D = 9/12 (w 1/3) -> 87/108; dG = 4/108
    assert y["complementarity"] == pytest.approx(1 / 27)


def test_contiguity_counts_ferries(tiny_ctx, xy_plan):
    assert evaluate(xy_plan.move(E, "y"), tiny_ctx).companies["y"]["contiguity_components"] == 1
    split = evaluate(xy_plan.move(C, "x").move(B, "y"), tiny_ctx)  # X = {A, C}, Y = {B, D}
    assert split.companies["x"]["contiguity_components"] == 2
    assert split.plan["noncontiguous_count"] == 2


def test_hull_ratio(tiny_ctx, xy_plan):
    assert evaluate(xy_plan, tiny_ctx).companies["x"]["hull_ratio"] == pytest.approx(1.0)
    # {A, C}: 200 km2 inside a 300 km2 hull
    split = evaluate(xy_plan.move(C, "x").move(B, "y"), tiny_ctx)
    assert split.companies["x"]["hull_ratio"] == pytest.approx(2 / 3)


def test_flow_cut_share(evaluation):
    # crossing: B->C 20 (X|Y), D->E 6 (Y|unaffiliated) of 100
    assert evaluation.plan["flow_cut_share"] == pytest.approx(0.26)
    # X: internal A->A 50 + A->B 10 + B->A 5; out B->C 20; in 0
    assert evaluation.companies["x"]["border_flow_share"] == pytest.approx(20 / 85)


def test_leaky_borders_are_ranked_by_flow(evaluation):
    first, second = evaluation.leaky_borders
    assert (first.code_a, first.code_b, first.flow, first.share) == (B, C, 20, 0.2)
    assert first.geometry.length == pytest.approx(10_000)  # the shared edge x = 20 km
    assert (second.company_b, second.kind) == (None, "ferry")


def test_narrative_splits(evaluation):
    themes = {t.theme: t for t in evaluation.themes}
    assert set(themes) == {"food", "nature", "viking"}  # the "nan" token is not a theme
    assert themes["viking"].effective_splits == pytest.approx(0.8)  # shares 2/3, 1/3
    assert (themes["viking"].companies, themes["viking"].unaffiliated) == (1, 1)
    assert themes["food"].effective_splits == pytest.approx(1.0)
    assert evaluation.plan["narrative_es_mean"] == pytest.approx(0.6)
    assert evaluation.plan["narrative_split_themes"] == 2


def test_offending_municipalities(tiny_ctx, xy_plan):
    split = evaluate(xy_plan.move(C, "x").move(B, "y"), tiny_ctx)  # X = {A, C}, Y = {B, D}
    reasons = split.offending_municipalities()
    assert "detached" in reasons[C] or "detached" in reasons[A]
    assert "below_floor" in reasons[B]  # Y = 120 + 60 < 200


def test_gaps_propagate(xy_plan):
    ctx = tiny_context(overnights={A: 120, B: None, C: 120, D: 60, E: 120})
    evaluation = evaluate(xy_plan, ctx)
    assert math.isnan(evaluation.companies["x"]["overnights"])
    assert math.isnan(evaluation.companies["x"]["below_floor"])
    assert math.isnan(evaluation.plan["balance_gini"])
    assert math.isnan(evaluation.plan["floor_violation_count"])
    assert evaluation.companies["y"]["overnights"] == 180


def test_kind_is_resolved_from_the_inputs(evaluation, xy_plan):
    assert evaluation.kind("overnights", "x") is Kind.MODELLED  # B is modelled
    assert evaluation.kind("members", "x") is Kind.OFFICIAL
    assert evaluation.kind("flow_cut_share") is Kind.MODELLED
    measured = evaluate(xy_plan, tiny_context(official=[A, B], flow_kind=Kind.COMPILED))
    assert measured.kind("overnights", "x") is Kind.OFFICIAL
    assert measured.kind("flow_cut_share") is Kind.COMPILED


def test_empty_companies_are_not_evaluated(xy_plan, tiny_ctx):
    plan, _ = xy_plan.new_company("Empty")
    assert set(evaluate(plan, tiny_ctx).companies) == {"x", "y"}


def _same(a, b):
    assert set(a.companies) == set(b.companies)
    for key in a.plan:
        assert a.plan[key] == pytest.approx(b.plan[key], nan_ok=True), key
    for cid in a.companies:
        for key in a.companies[cid]:
            assert a.companies[cid][key] == pytest.approx(b.companies[cid][key], nan_ok=True), key


@pytest.mark.parametrize("code, target", [(E, "y"), (B, "y"), (A, None), (D, "x")])
def test_incremental_equals_full(xy_plan, tiny_ctx, code, target):
    previous = evaluate(xy_plan, tiny_ctx)
    moved = xy_plan.move(code, target)
    _same(evaluate_after_move(previous, moved, code, target, tiny_ctx), evaluate(moved, tiny_ctx))


def test_incremental_into_a_new_company(xy_plan, tiny_ctx):
    previous = evaluate(xy_plan, tiny_ctx)
    plan, cid = xy_plan.new_company("New")
    moved = plan.move(E, cid)
    result = evaluate_after_move(previous, moved, E, cid, tiny_ctx)
    _same(result, evaluate(moved, tiny_ctx))
    assert result.plan["companies"] == 3


def test_incremental_falls_back_when_more_changed(xy_plan, tiny_ctx):
    previous = evaluate(xy_plan, tiny_ctx)
    moved = xy_plan.move(E, "y").move(A, "y")
    _same(evaluate_after_move(previous, moved, A, "y", tiny_ctx), evaluate(moved, tiny_ctx))


def test_evaluation_refuses_a_scenario_of_other_municipalities(tiny_ctx):
    from destinations.errors import ScenarioError
    from destinations.scenarios.scenario import Scenario

    with pytest.raises(ScenarioError, match="does not cover"):
        evaluate(Scenario.empty(["101", "102"]), tiny_ctx)


def test_real_data_today(today, real_ctx):
    evaluation = evaluate(today, real_ctx)
    assert evaluation.plan["companies"] == len([c for c in today.companies().values() if c])
    assert 0 < evaluation.plan["flow_cut_share"] < 1
    assert len(evaluation.leaky_borders) == real_ctx.leaky_top
    assert all(b.geometry is not None and not b.geometry.is_empty for b in evaluation.leaky_borders)
    # border lines are drawn in EPSG:4326 over Denmark
    minx, miny, maxx, maxy = evaluation.leaky_borders[0].geometry.bounds
    assert 7 < minx < maxx < 16 and 54 < miny < maxy < 58
    assert len(COMPANY_METRICS) + len(PLAN_METRICS) == len(METRICS)


def test_real_data_incremental_equals_full(today, real_ctx):
    previous = evaluate(today, real_ctx)
    code = "147"  # Frederiksberg moves to the first other company
    target = next(c for c, _ in today.company_names if c != today.company_of(code))
    moved = today.move(code, target)
    _same(evaluate_after_move(previous, moved, code, target, real_ctx), evaluate(moved, real_ctx))


def test_lighthouse_flags_are_outlined_only_on_request(tiny_ctx):
    # Y = {D}: its one attraction is counted (100) and below the threshold: status "no"
    plan = Scenario.from_assignment({A: "x", B: "x", C: None, D: "y", E: None},
                                    {"x": "X", "y": "Y"}, codes=CODES, name="d alone")
    evaluation = evaluate(plan, tiny_ctx)
    assert "no_lighthouse" not in evaluation.offending_municipalities().get(D, ())
    assert "no_lighthouse" in evaluation.offending_municipalities(
        include=("no_lighthouse",))[D]


def status_plan(groups):
    """A plan with one company per group of codes (the rest unaffiliated)."""
    assignment = {code: None for code in CODES}
    for k, group in enumerate(groups):
        for code in group:
            assignment[code] = f"c{k}"
    return Scenario.from_assignment(assignment, {f"c{k}": f"C{k}" for k in range(len(groups))},
                                    codes=CODES, name="status")


@pytest.mark.parametrize("members, status", [
    ((A, B), "yes"),        # A counted at 300,000: a lighthouse, B's missing count does not matter
    ((D,), "no"),           # every attraction counted (D: 100), all below 250,000
    ((B,), "unknown"),      # B's only attraction has no count: never read as small
    ((B, D), "unknown"),    # D below, B unknown: cannot say "no"
    ((C, D), "yes"),
])
def test_lighthouse_status_from_the_evidence(tiny_ctx, members, status):
    evaluation = evaluate(status_plan([members]), tiny_ctx)
    found = evaluation.lighthouse_status("c0")
    assert found.status == status
    value = evaluation.companies["c0"]["has_lighthouse"]
    assert {"yes": value is True, "no": value is False,
            "unknown": isinstance(value, float) and math.isnan(value)}[status]
    if status == "unknown":
        assert found.uncounted and "without a published count" in found.reason
        assert evaluation.violations()["lighthouse_unknown"] == ("c0",)
        assert evaluation.violations()["no_lighthouse"] == ()


def test_unknown_companies_are_counted_apart(tiny_ctx):
    evaluation = evaluate(status_plan([(A,), (B,), (D,), (E,)]), tiny_ctx)
    assert evaluation.plan["lighthouseless_count"] == 1  # only D's company is known to have none
    assert evaluation.plan["lighthouse_unknown_count"] == 2  # B's and E's
    assert evaluation.companies["c1"]["uncounted_attractions"] == 1


def test_lighthouses_on_real_data_use_published_counts(today, real_ctx):
    """Hammershus has no count in attractions.csv but a published estimate (500,000, undated)
    in attraction_visitors.csv: Bornholm has a lighthouse, with the figure's year shown."""
    evaluation = evaluate(today, real_ctx)
    bornholm = evaluation.lighthouse_status("destination-bornholm")
    assert bornholm.status == "yes"
    assert bornholm.lighthouses == (("Hammershus", "500,000 (undated, estimate)"),)
    statuses = [evaluation.lighthouse_status(c).status for c in evaluation.companies]
    # Before: 11 of 19 flagged "without a lighthouse"; now none is known to lack one.
    assert statuses.count("no") == 0 and statuses.count("yes") == 11
    assert evaluation.plan["lighthouse_unknown_count"] == statuses.count("unknown") == 8
    fyn = evaluation.lighthouse_status("destination-fyn")
    assert ("Odense Zoo", "448,361 (2022)") in fyn.lighthouses


def test_cli_evaluate_gives_each_company_a_lighthouse_status(capsys, base, tmp_path):
    """`destinations scenario evaluate PLAN --json`: lighthouse_status yes|no|unknown per company,
    with the attractions behind it; unknown companies listed apart in the plan block."""
    import json

    from destinations.cli import main

    plan = tmp_path / "plan.csv"
    rows = [f"{code};{base.today_company_names.get(cid, '') if cid else 'Ingen'}"
            for code, cid in base.today_assignment.items()]
    plan.write_text("kommune_code;company\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert main(["scenario", "evaluate", str(plan), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    statuses = {name: c["lighthouse_status"] for name, c in out["companies"].items()}
    assert set(statuses.values()) <= {"yes", "no", "unknown"} and len(statuses) == 19
    assert statuses["Destination Bornholm"] == "yes"
    assert ["Hammershus", "500,000 (undated, estimate)"] in \
        out["companies"]["Destination Bornholm"]["lighthouse_attractions"]
    unknown = sorted(n for n, s in statuses.items() if s == "unknown")
    assert sorted(out["plan"]["lighthouse_unknown_companies"]) == unknown
    assert all(out["companies"][n]["attractions_without_count"] for n in unknown)
    assert out["plan"]["lighthouseless_companies"] == [n for n, s in statuses.items() if s == "no"]
    assert "never averaged" in out["provenance"]["visitors"]
    low, high = out["plan"]["flow_cut_share_range"]
    assert low <= out["plan"]["flow_cut_share"] <= high and low < high
    assert out["plan"]["flow_cut_share_by_setting"]["central"] == pytest.approx(
        out["plan"]["flow_cut_share"])
    border = out["leaky_borders"][0]  # modelled flows: 3 significant figures with the unit
    assert border["flow"] == float(f"{border['flow']:.3g}")
    assert border["flow_text"].endswith("day trips a year")
