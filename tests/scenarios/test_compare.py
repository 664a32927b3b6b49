"""Scenario comparison: label matching, moves, variation of information, Pareto front, tables."""

from __future__ import annotations

import math

import pytest

from destinations.scenarios.compare import (
    match_labels,
    moved_municipalities,
    pareto_front,
    plan_table,
    relabel,
    trade_off_points,
    variation_of_information,
    verdict,
)
from destinations.errors import ScenarioError
from destinations.scenarios.metrics import evaluate
from destinations.scenarios.scenario import Scenario
from tests.scenarios.tinyworld import CODES, A, B, C, D, E


def plan(assignment, names=None, name="p"):
    ids = sorted({v for v in assignment.values() if v})
    return Scenario.from_assignment(assignment, names or {i: i.upper() for i in ids}, codes=CODES,
                                    name=name)


def test_labels_are_matched_by_overlap_not_by_id(xy_plan):
    # the same partition with swapped ids: nothing moved
    swapped = plan({A: "y", B: "y", C: "x", D: "x", E: None})
    assert match_labels(xy_plan, swapped) == {"x": "y", "y": "x"}
    assert moved_municipalities(xy_plan, swapped) == ()
    assert relabel(swapped, xy_plan).assignment == xy_plan.assignment


def test_moves_after_matching(xy_plan):
    other = plan({A: "n1", B: "n2", C: "n2", D: "n2", E: "n2"})
    # n2 {B,C,D,E} matches y (2 shared), n1 {A} matches x (1 shared)
    moves = {m.code: (m.from_company, m.to_company) for m in moved_municipalities(xy_plan, other)}
    assert moves == {B: ("x", "y"), E: (None, "y")}


def test_unmatched_companies_keep_distinct_ids(xy_plan):
    other = plan({A: "x", B: "x", C: "y", D: "y", E: "y2"}, {"x": "X", "y": "Y", "y2": "New"})
    relabelled = relabel(other, xy_plan)
    assert relabelled.company_of(E) == "y2"
    assert moved_municipalities(xy_plan, other)[0].to_name == "New"


def test_relabel_avoids_id_collisions():
    reference = plan({A: "a", B: "b", C: None, D: None, E: None})
    # "b" in other shares nothing with reference "b" (B is in "a" there)
    other = plan({A: "a", B: "a", C: "b", D: None, E: None})
    relabelled = relabel(other, reference)
    assert relabelled.company_of(C) not in {"a", "b"}


def test_variation_of_information_by_hand(xy_plan):
    assert variation_of_information(xy_plan, xy_plan) == 0.0
    # everything in one company vs X/Y/E: H(P|Q) = 0 (one cluster); H(Q|P) = H(Q) =
    # -(2/5 log2 2/5)*2 - 1/5 log2 1/5
    merged = plan({A: "m", B: "m", C: "m", D: "m", E: "m"})
    expected = -2 * 0.4 * math.log2(0.4) - 0.2 * math.log2(0.2)
    assert variation_of_information(xy_plan, merged) == pytest.approx(expected)


def test_different_universes_cannot_be_compared(xy_plan):
    with pytest.raises(ScenarioError, match="different municipalities"):
        variation_of_information(xy_plan, Scenario.empty(["101"]))


def test_pareto_front():
    points = {
        "a": {"flow_cut_share": 0.2, "balance_gini": 0.3},
        "b": {"flow_cut_share": 0.3, "balance_gini": 0.2},
        "c": {"flow_cut_share": 0.3, "balance_gini": 0.3},   # beaten by a and b
        "d": {"flow_cut_share": 0.2, "balance_gini": None},  # gap = worst: beaten by a
    }
    assert pareto_front(points, ["flow_cut_share", "balance_gini"]) == {"a", "b"}


def test_pareto_respects_direction():
    points = {"a": {"complementarity_mean": 0.1}, "b": {"complementarity_mean": 0.2}}
    assert pareto_front(points, ["complementarity_mean"]) == {"b"}


@pytest.mark.parametrize("value, ref, better, expected", [
    (0.1, 0.2, "lower", "better"), (0.3, 0.2, "lower", "worse"), (0.3, 0.2, "higher", "better"),
    (0.2, 0.2, "lower", "same"), (3, 2, "none", "n/a"), (float("nan"), 1, "lower", "gap"),
])
def test_verdict(value, ref, better, expected):
    assert verdict(value, ref, better) == expected


def test_plan_table_and_trade_off(xy_plan, tiny_ctx):
    other = xy_plan.move(E, "y")
    evaluations = [evaluate(xy_plan, tiny_ctx), evaluate(other, tiny_ctx)]
    table = plan_table(evaluations).set_index("key")
    assert table.loc["flow_cut_share", "value_0"] == pytest.approx(0.26)
    assert table.loc["flow_cut_share", "delta_1"] == pytest.approx(-0.06)
    assert table.loc["flow_cut_share", "verdict_1"] == "better"
    assert table.loc["unaffiliated", "verdict_1"] == "better"
    points = trade_off_points(evaluations)
    assert list(points["scenario"]) == ["1. xy", "2. xy"]
    assert points["pareto"].any()


def test_at_most_four_scenarios(xy_plan, tiny_ctx):
    evaluation = evaluate(xy_plan, tiny_ctx)
    with pytest.raises(ScenarioError, match="1 to 4"):
        plan_table([evaluation] * 5)
