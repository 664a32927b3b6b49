"""The pure rules: rights table, state machine, conflicts, summaries, audit CSV."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timezone

import pytest

from destinations.collab import rights
from destinations.collab.audit import AuditEntry, audit_csv
from destinations.collab.proposals import (
    ACCEPTED,
    APPLIED,
    OPEN,
    REJECTED,
    conflicts,
    merge_change,
    move_change,
    rename_change,
    structural_problems,
    summary,
    transition,
)
from destinations.collab.roles import LOCAL, AccessDenied, CollabError, Identity, Member, Principal
from destinations.scenarios.scenario import Scenario

A = Principal.of(Identity("a@x.dk"), Member("a@x.dk", "editor", ("north",)))
V = Principal.of(Identity("v@x.dk"), Member("v@x.dk", "viewer"))
S = Principal.of(Identity("s@x.dk"), Member("s@x.dk", "strategist"))
GONE = Principal.of(Identity("g@x.dk"), Member("g@x.dk", "editor", ("north",), active=False))


def plan() -> Scenario:
    return Scenario.from_assignment({"1": "north", "2": "north", "3": "south", "4": "south"},
                                    {"north": "North", "south": "South"}, name="Plan")


def test_rights_table():
    mine, shared, published = (rights.Access("a@x.dk", v) for v in rights.VISIBILITIES)
    assert rights.can_read(A, mine) and not rights.can_read(V, mine) and rights.can_read(S, mine)
    assert rights.can_read(V, shared) and not rights.can_read(GONE, shared)
    assert rights.can_read(GONE, published)
    assert rights.can_save(A, mine) and not rights.can_save(V, shared)
    assert not rights.can_save(S, published)
    assert Principal.local().is_strategist and Principal.of(LOCAL, None).is_strategist
    assert rights.can_decide(A, "north", True) and not rights.can_decide(A, "south", False)
    assert rights.can_decide(S, "south", False) and not rights.can_decide(S, "south", True)
    with pytest.raises(AccessDenied, match="v@x.dk is a viewer: only editors"):
        rights.require_propose(V, shared, kind="scenario", name="P")


def test_state_machine():
    assert transition(1, OPEN, "consent", companies=["a", "b"], consented=["a"]) == OPEN
    assert transition(1, OPEN, "consent", companies=["a", "b"], consented=["a", "b"]) == ACCEPTED
    assert transition(1, ACCEPTED, "apply") == APPLIED
    assert transition(1, OPEN, "reject") == REJECTED
    with pytest.raises(CollabError, match="#1 cannot be applied: it still waits for consent"):
        transition(1, OPEN, "apply")
    with pytest.raises(CollabError, match="it was rejected"):
        transition(1, REJECTED, "withdraw")


def test_conflicts_name_the_moves():
    drafted = plan()
    change = move_change({"2": "south"})
    assert conflicts(drafted, drafted, change) == []
    moved = drafted.move("2", None)
    assert conflicts(drafted, moved, change) == [
        "municipality 2 was moved from 'North' to no company since the proposal was drafted"]
    merged = drafted.merge("north", "south")
    assert "company 'South' no longer exists" in conflicts(drafted, merged, change)
    assert conflicts(drafted, drafted.rename("north", "N"), merge_change("north", "south")) == [
        "company 'North' was renamed 'N'"]


def test_structural_problems():
    p = plan()
    assert structural_problems(p, move_change({"9": "south"})) == [
        "unknown municipality '9' (use the official kommune codes)"]
    assert structural_problems(p, move_change({"1": "south", "2": "south"})) == [
        "'North' would be left with no municipality (propose a merge instead)"]
    assert structural_problems(p, rename_change("north", "south")) == [
        "a company called 'south' already exists"]
    assert structural_problems(p, merge_change("north", "south")) == []
    assert summary(move_change({"1": "south"}), p.names, {"1": "<b>One</b>"}) == \
        "move <b>One</b> to South"


def test_audit_csv_neutralises_formulas_and_keeps_markup():
    at = datetime(2025, 1, 2, tzinfo=timezone.utc)
    entries = [AuditEntry(1, at, "=evil@x.dk", "save", "scenario", "k", "<b>Plan</b>",
                          "+SUM(A1)", "-1", "@x")]
    rows = list(csv.reader(io.StringIO(audit_csv(entries))))
    assert rows[0][:3] == ["when", "who", "action"]
    assert rows[1][1] == "'=evil@x.dk" and rows[1][5] == "<b>Plan</b>"
    assert rows[1][6:] == ["'+SUM(A1)", "'-1", "'@x"]
