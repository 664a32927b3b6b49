"""Repair finds the known minimum number of moves on hand-made cases, and on today's plan."""

from __future__ import annotations

import numpy as np
import pytest

from destinations.scenarios.metrics import evaluate
from destinations.regionalize.problem import RegionalizationProblem
from destinations.regionalize.repair import apply_moves, repair, repair_scenario
from destinations.scenarios.scenario import Scenario


def line(n: int, weight: float = 10.0) -> RegionalizationProblem:
    """Units a, b, c, ... on a line (a - b - c - ...), every one ``weight`` overnight stays."""
    ids = [chr(ord("a") + i) for i in range(n)]
    return RegionalizationProblem.from_arrays(ids, edges=list(zip(ids, ids[1:])),
                                              weights=[weight] * n)


def labels_of(problem, plan: dict[str, int]) -> np.ndarray:
    return np.array([plan.get(u, -1) for u in problem.ids])


def test_two_detached_units_are_fixed_by_one_move():
    """a b | c | d | e f  with X = {a, b, d}, Y = {c, e, f}: both companies are in two parts."""
    problem = line(6)
    result = repair(problem, labels_of(problem, dict(a=0, b=0, c=1, d=0, e=1, f=1)), floor=20,
                    company_ids=["X", "Y"])
    assert result.optimal and result.valid_after
    assert len(result.moves) == 1 == result.lower_bound
    assert result.before == {"below_floor": (), "noncontiguous": ("X", "Y")}


def test_a_company_below_the_floor_needs_two_moves():
    """a-b-c-d-e-f-g-h-i, 10 each, floor 30: X = {a, b} (20), Y = {c, d, e} (30), Z = the rest.

    X cannot take c without pushing Y below the floor, and dissolving X takes two moves too, so
    the minimum is 2.
    """
    problem = line(9)
    plan = dict(a=0, b=0, c=1, d=1, e=1, f=2, g=2, h=2, i=2)
    result = repair(problem, labels_of(problem, plan), floor=30, company_ids=["X", "Y", "Z"])
    assert result.optimal and result.valid_after
    assert len(result.moves) == 2
    assert result.after == {"below_floor": (), "noncontiguous": ()}


def test_locked_companies_never_move_and_an_impossible_repair_says_so():
    problem = line(9)
    plan = dict(a=0, b=0, c=1, d=1, e=1, f=2, g=2, h=2, i=2)
    result = repair(problem, labels_of(problem, plan), floor=30, company_ids=["X", "Y", "Z"],
                    locked=["Y"], max_exact_moves=3)
    assert not result.valid_after
    assert all(m.from_company != "Y" and m.to_company != "Y" for m in result.moves)
    assert result.lower_bound > 3


def test_an_unaffiliated_municipality_can_join_a_company():
    """a - b - c: X = {a} (10), b unaffiliated (25), Y = {c} (40), floor 30."""
    problem = RegionalizationProblem.from_arrays(["a", "b", "c"], edges=[("a", "b"), ("b", "c")],
                                                 weights=[10, 25, 40])
    result = repair(problem, labels_of(problem, dict(a=0, c=1)), floor=30,
                    company_ids=["X", "Y"])
    assert [(m.code, m.from_company, m.to_company) for m in result.moves] == [("b", None, "X")]
    assert "unaffiliated" in result.moves[0].reason


def test_a_valid_plan_needs_no_moves():
    problem = line(4)
    result = repair(problem, labels_of(problem, dict(a=0, b=0, c=1, d=1)), floor=20)
    assert result.moves == () and result.optimal and result.valid_after


def test_heuristic_when_the_exact_search_has_no_budget():
    problem = line(9)
    plan = dict(a=0, b=0, c=1, d=1, e=1, f=2, g=2, h=2, i=2)
    result = repair(problem, labels_of(problem, plan), floor=30, company_ids=["X", "Y", "Z"],
                    node_budget=1)
    assert result.valid_after
    assert not result.optimal
    assert result.lower_bound <= len(result.moves)


def test_todays_plan_is_repaired_with_the_fewest_moves(real, ctx, base):
    today = Scenario.from_base(base)
    result = repair_scenario(today, real, floor=ctx.floor, time_limit=20)
    assert result.optimal and result.valid_after
    # Two companies below the floor and two in several parts, none adjacent: at least 4 moves.
    assert len(result.moves) == result.lower_bound == 4
    fixed = evaluate(apply_moves(today, result.moves), ctx)
    assert fixed.plan["floor_violation_count"] == 0
    assert fixed.plan["noncontiguous_count"] == 0
    # Moves are accepted one by one: each is a legal single move from the plan before it.
    scenario = today
    for move in result.moves:
        assert scenario.company_of(move.code) == move.from_company
        scenario = scenario.move(move.code, move.to_company)
        assert move.reason


@pytest.mark.parametrize("locked", [["wonderful-copenhagen"]])
def test_scenario_locks_are_respected(real, ctx, base, locked):
    today = Scenario.from_base(base)
    for cid in locked:
        today = today.lock(cid)
    result = repair_scenario(today, real, floor=ctx.floor, time_limit=5)
    assert all(m.from_company not in locked and m.to_company not in locked for m in result.moves)
    assert any("Locked companies" in note for note in result.notes)


def test_a_municipality_with_no_company_to_join_splits_off_on_its_own():
    """a - b - c and d - e apart; X = {a, b, d}, Y = {c}, e unaffiliated, floor 20.

    X is in two parts. d (30 overnight stays) borders only the unaffiliated e, so no move into a
    neighbouring company can detach it; the one move is d into a new company of its own.
    """
    problem = RegionalizationProblem.from_arrays(
        list("abcde"), edges=[("a", "b"), ("b", "c"), ("d", "e")], weights=[10, 10, 20, 30, 5])
    result = repair(problem, labels_of(problem, dict(a=0, b=0, c=1, d=0)), floor=20,
                    company_ids=["X", "Y"], company_names={"X": "Company X", "Y": "Company Y"})
    assert result.optimal and result.valid_after
    assert [(m.code, m.from_company, m.to_company) for m in result.moves] == [
        ("d", "X", "new-company")]
    assert result.new_companies == {"new-company": "d"}
    assert result.moves[0].new_company == "d"
    assert "new company" in result.moves[0].reason
    # Without splitting, the fewest moves dissolve a and b into Y instead: two moves.
    no_split = repair(problem, labels_of(problem, dict(a=0, b=0, c=1, d=0)), floor=20,
                      company_ids=["X", "Y"], split=False)
    assert no_split.optimal and len(no_split.moves) == 2


def _bornholm_in_sonderjylland(today: Scenario) -> Scenario:
    return today.move("400", "destination-soenderjylland")


def test_bornholm_moved_into_sonderjylland_is_repaired_by_one_move(real, ctx, base):
    """Issue 15: Bornholm's only neighbour is Køge (ferry), which is in no company, so no move
    into a neighbouring company can fix it; Bornholm on its own again is one move."""
    today = Scenario.from_base(base)
    valid = apply_moves(today, repair_scenario(today, real, floor=ctx.floor, time_limit=20).moves)
    plan = _bornholm_in_sonderjylland(valid).drop_empty()  # as read from a plan CSV
    assert "destination-bornholm" not in plan.names
    result = repair_scenario(plan, real, floor=ctx.floor, time_limit=20)
    assert result.optimal and result.valid_after
    assert [(m.code, m.from_company) for m in result.moves] == [
        ("400", "destination-soenderjylland")]
    move = result.moves[0]
    assert move.new_company == "Bornholm" and result.new_companies == {move.to_company: "Bornholm"}
    fixed = apply_moves(plan, result.moves)
    assert fixed.companies()[move.to_company] == ("400",)
    assert fixed.names[move.to_company] == "Bornholm"
    after = evaluate(fixed, ctx).plan
    assert after["floor_violation_count"] == 0 and after["noncontiguous_count"] == 0


def test_bornholm_goes_back_to_its_empty_company_on_todays_plan(real, ctx, base):
    """Today's plan with Bornholm moved: its four own problems plus one move for Bornholm, which
    returns to the (now empty) Destination Bornholm rather than a new company."""
    plan = _bornholm_in_sonderjylland(Scenario.from_base(base))
    result = repair_scenario(plan, real, floor=ctx.floor, time_limit=20)
    assert result.optimal and result.valid_after
    assert len(result.moves) == 5 == result.lower_bound
    bornholm = [m for m in result.moves if m.code == "400"]
    assert [(m.from_company, m.to_company, m.new_company) for m in bornholm] == [
        ("destination-soenderjylland", "destination-bornholm", None)]
    assert not any("no repair with at most" in note for note in result.notes)
