"""Scenario model: immutable edits, validation, undo/redo, (de)serialisation."""

from __future__ import annotations

import pytest

from destinations.errors import ScenarioError
from destinations.scenarios.scenario import MAX_NAME_LENGTH, TODAY_NAME, History, Scenario, validate_name
from tests.scenarios.tinyworld import A, B, C, CODES, D, E


def test_move_returns_a_new_scenario_and_leaves_the_old_one(xy_plan):
    moved = xy_plan.move(E, "y")
    assert moved.company_of(E) == "y"
    assert xy_plan.company_of(E) is None
    assert moved.id == xy_plan.id


def test_move_to_none_makes_unaffiliated(xy_plan):
    assert xy_plan.move(A, None).unaffiliated() == (A, E)


def test_unknown_code_raises(xy_plan):
    with pytest.raises(ScenarioError, match="Unknown municipality code '999'"):
        xy_plan.move("999", "x")


def test_unknown_company_raises(xy_plan):
    with pytest.raises(ScenarioError, match="No company with id 'zz'"):
        xy_plan.move(A, "zz")


def test_new_company_gets_a_slug_id_and_is_empty(xy_plan):
    plan, cid = xy_plan.new_company("  Vikingekysten ")
    assert cid == "vikingekysten"
    assert plan.names[cid] == "Vikingekysten"
    assert plan.companies()[cid] == ()


def test_new_company_ids_never_collide(xy_plan):
    plan, first = xy_plan.new_company("Nord")
    plan, second = plan.rename(first, "Nord old").new_company("Nord")
    assert (first, second) == ("nord", "nord-2")


@pytest.mark.parametrize("bad", ["", "   ", "x" * (MAX_NAME_LENGTH + 1), "a\x00b", None])
def test_bad_names_are_refused(xy_plan, bad):
    with pytest.raises(ScenarioError):
        xy_plan.new_company(bad)


def test_markup_is_kept_as_text():
    assert validate_name("<b>Fjord</b> & co") == "<b>Fjord</b> & co"


def test_500_characters_of_markup_are_refused(xy_plan):
    with pytest.raises(ScenarioError, match="at most 80"):
        xy_plan.rename("x", "<script>alert(1)</script>" * 20)


def test_duplicate_names_are_refused_ignoring_case(xy_plan):
    with pytest.raises(ScenarioError, match="already exists"):
        xy_plan.new_company("x")


def test_rename_keeps_the_id(xy_plan):
    renamed = xy_plan.rename("x", "Xland")
    assert renamed.names == {"x": "Xland", "y": "Y"}
    assert renamed.companies()["x"] == (A, B)


def test_merge_moves_members_and_drops_the_absorbed_company(xy_plan):
    merged = xy_plan.merge("x", "y")
    assert merged.companies() == {"x": (A, B, C, D)}


def test_dissolve_makes_members_unaffiliated(xy_plan):
    assert xy_plan.dissolve("y").unaffiliated() == (C, D, E)


def test_locked_company_refuses_moves_in_and_out(xy_plan):
    locked = xy_plan.lock("y")
    with pytest.raises(ScenarioError, match="locked"):
        locked.move(C, "x")
    with pytest.raises(ScenarioError, match="locked"):
        locked.move(E, "y")
    with pytest.raises(ScenarioError, match="locked"):
        locked.dissolve("y")
    assert locked.unlock("y").move(C, "x").company_of(C) == "x"


def test_from_base_is_today(today, base):
    assert today.name == TODAY_NAME
    assert len(today.codes) == 98
    assert set(today.unaffiliated()) == set(base.unaffiliated)
    for company in base.companies:
        assert today.companies()[company.id] == company.members


def test_empty_has_no_companies():
    plan = Scenario.empty(CODES)
    assert plan.companies() == {} and plan.unaffiliated() == CODES


def test_copy_gets_a_new_id(xy_plan):
    copy = xy_plan.copy("variant")
    assert copy.id != xy_plan.id and copy.assignment == xy_plan.assignment


def test_dict_round_trip(xy_plan):
    plan = xy_plan.lock("x").rename("y", "<i>Y</i>")
    assert Scenario.from_dict(plan.to_dict()) == plan


def test_from_dict_refuses_foreign_documents():
    with pytest.raises(ScenarioError, match="Not a scenario document"):
        Scenario.from_dict({"hello": 1})


def test_from_dict_refuses_unknown_codes(xy_plan):
    data = xy_plan.to_dict()
    data["assignment"]["999"] = "x"
    with pytest.raises(ScenarioError, match="999"):
        Scenario.from_dict(data, codes=CODES)


def test_history_undo_redo(xy_plan):
    first = xy_plan.move(E, "y")
    second = first.move(A, "y")
    history = History.start(xy_plan).push(first).push(second)
    assert history.undo().present == first
    assert history.undo().undo().present == xy_plan
    assert history.undo().undo().redo().present == first
    assert not history.can_redo and history.can_undo


def test_history_push_clears_redo(xy_plan):
    history = History.start(xy_plan).push(xy_plan.move(E, "y")).undo()
    assert history.push(xy_plan.move(A, None)).can_redo is False


def test_history_is_bounded(xy_plan):
    history = History.start(xy_plan, limit=3)
    plan = xy_plan
    for name in "abcde":
        plan = plan.renamed(name)
        history = history.push(plan)
    assert len(history.past) == 3


def test_move_by_names(xy_plan):
    moved = xy_plan.move_by_names({A: "y", B: "X", E: "Y", C: None})
    assert moved.assignment == {A: "y", B: "x", C: None, D: "y", E: "y"}
    with pytest.raises(ScenarioError, match="No company called 'Z'"):
        xy_plan.move_by_names({A: "Z"})


def test_move_many_is_all_or_nothing(xy_plan):
    locked = xy_plan.lock("y")
    with pytest.raises(ScenarioError):
        locked.move_many({E: "x", C: "x"})
    assert locked.company_of(E) is None
