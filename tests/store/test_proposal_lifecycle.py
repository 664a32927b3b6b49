"""Proposals from drafting to applying, on both databases: consent by every touched company, the
rejected, withdrawn and stale paths, rule problems said before anyone consents, the audit trail."""

from __future__ import annotations

import pytest

from destinations.collab.proposals import (
    ACCEPTED,
    APPLIED,
    OPEN,
    REJECTED,
    WITHDRAWN,
    merge_change,
    move_change,
    rename_change,
    split_change,
)
from destinations.collab.roles import AccessDenied, CollabError
from destinations.store import ScenarioStore
from destinations.store.audit import AuditLog
from destinations.store.proposals import CHANGED_WHILE_APPLYING, ProposalConflict
from tests.store.collab_fixtures import (  # noqa: F401 (fixtures)
    EDITOR_A,
    EDITOR_B,
    STRATEGIST,
    VIEWER,
    border_municipality,
    collab_url,
    team,
)


@pytest.fixture
def world(team, base, today):
    code = border_municipality(base, team["a"], team["b"])
    team["proposals"].scenarios.ensure_today(today)  # what the first proposal on it does
    return {**team, "code": code, "store": ScenarioStore(team["url"], codes=base.codes)}


def test_move_across_a_border_needs_both_companies_then_a_strategist(world, base):
    props, a, b, code = world["proposals"], world["a"], world["b"], world["code"]
    p = props.propose("today", move_change({code: b}), "Guests of <b>this</b> town ride to B",
                      actor=EDITOR_A)
    assert p.state == OPEN and set(p.companies) == {a, b}
    assert p.consented == (a,)  # the author speaks for the company they edit
    assert p.waiting_for == (b,)
    assert [x.id for x in props.inbox(actor=EDITOR_B)] == [p.id]
    assert props.inbox(actor=EDITOR_A) == [] and props.inbox(actor=VIEWER) == []
    with pytest.raises(AccessDenied, match="only an editor of"):
        props.consent(p.id, actor=VIEWER)
    with pytest.raises(AccessDenied, match="only strategists apply"):
        props.apply(p.id, actor=EDITOR_A)
    with pytest.raises(CollabError, match="still waits for consent"):
        props.apply(p.id, actor=STRATEGIST)
    p = props.consent(p.id, actor=EDITOR_B)
    assert p.state == ACCEPTED and [x.id for x in props.inbox(actor=STRATEGIST)] == [p.id]
    version = props.apply(p.id, actor=STRATEGIST)
    assert version == 2
    today = world["store"].load("today", actor=VIEWER)
    assert today.version == 2 and today.scenario.company_of(code) == b
    assert props.get(p.id).state == APPLIED and props.get(p.id).applied_version == 2
    with pytest.raises(CollabError, match="it was applied"):
        props.apply(p.id, actor=STRATEGIST)
    trail = [(e.action, e.who) for e in AuditLog(world["url"]).entries("scenario", "today")]
    assert trail == [("seed", "system"), ("proposal.create", EDITOR_A.email),
                     ("proposal.consent", EDITOR_B.email), ("proposal.apply", STRATEGIST.email)]


def test_rejected_and_withdrawn_proposals_end_there(world):
    props, b, code = world["proposals"], world["b"], world["code"]
    p = props.propose("today", move_change({code: b}), "why not", actor=EDITOR_A)
    props.comment(p.id, "=HYPERLINK(\"http://x\") <img src=x onerror=alert(1)>", actor=VIEWER)
    p = props.reject(p.id, "We lose our harbour", actor=EDITOR_B)
    assert p.state == REJECTED
    assert [c.text for c in p.comments][-1] == "We lose our harbour"
    for step in (props.consent, props.withdraw):
        with pytest.raises(CollabError, match="it was rejected"):
            step(p.id, actor=STRATEGIST)
    q = props.propose("today", move_change({code: b}), "second try", actor=EDITOR_A)
    with pytest.raises(AccessDenied, match="Only the author"):
        props.withdraw(q.id, actor=EDITOR_B)
    assert props.withdraw(q.id, actor=EDITOR_A).state == WITHDRAWN
    assert world["store"].load("today").version == 1  # nothing applied


def test_viewer_comments_but_does_not_propose(world):
    props, b, code = world["proposals"], world["b"], world["code"]
    with pytest.raises(AccessDenied, match="only editors and strategists propose"):
        props.propose("today", move_change({code: b}), "please", actor=VIEWER)
    p = props.propose("today", move_change({code: b}), "please", actor=EDITOR_A)
    assert props.comment(p.id, "Agreed in principle", actor=VIEWER).who == VIEWER.email


def test_private_scenarios_take_no_proposals(world, today):
    draft = today.copy("Private draft")
    world["store"].save(draft, base_version=None, actor=EDITOR_A)
    with pytest.raises(AccessDenied, match="private"):
        world["proposals"].propose(draft.id, rename_change(world["a"], "X"), "r", actor=EDITOR_B)


def test_stale_proposal_names_its_conflicts_and_is_never_applied(world, base):
    props, a, b, code = world["proposals"], world["a"], world["b"], world["code"]
    first = props.propose("today", move_change({code: b}), "to B", actor=EDITOR_A)
    props.consent(first.id, actor=EDITOR_B)
    # A second proposal moves the same municipality elsewhere, and is applied first.
    third = next(c for c in world["store"].load("today").scenario.names if c not in (a, b))
    other = props.propose("today", move_change({code: third}), "to a third", actor=STRATEGIST)
    props.consent(other.id, [a], actor=EDITOR_A)
    props.apply(other.id, actor=STRATEGIST)
    stale = props.staleness(props.get(first.id))
    assert stale.stale and len(stale.conflicts) == 1 and code in stale.conflicts[0]
    with pytest.raises(ProposalConflict, match=f"municipality {code} was moved") as refused:
        props.apply(first.id, actor=STRATEGIST, allow_stale=True)
    assert "Nothing was applied" in str(refused.value)
    assert world["store"].load("today").scenario.company_of(code) == third


def test_stale_without_conflicts_needs_confirmation(world, base):
    props, a, b, code = world["proposals"], world["a"], world["b"], world["code"]
    p = props.propose("today", move_change({code: b}), "to B", actor=EDITOR_A)
    props.consent(p.id, actor=EDITOR_B)
    plan = world["store"].load("today")
    rename = props.propose("today", rename_change(a, "Nordsjælland <i>Nord</i>"), "shorter",
                           actor=EDITOR_A)
    assert rename.state == ACCEPTED  # touches only the author's own company
    props.apply(rename.id, actor=STRATEGIST)
    with pytest.raises(ProposalConflict, match="None of its moves conflict"):
        props.apply(p.id, actor=STRATEGIST)
    assert props.apply(p.id, actor=STRATEGIST, allow_stale=True) == plan.version + 2
    now = world["store"].load("today").scenario
    assert now.company_of(code) == b and now.names[a] == "Nordsjælland <i>Nord</i>"


def test_rule_breaks_are_said_before_anyone_consents(world, base):
    props, a, b = world["proposals"], world["a"], world["b"]
    with pytest.raises(CollabError, match="unknown municipality '999'"):
        props.propose("today", move_change({"999": b}), "r", actor=EDITOR_A)
    members = world["store"].load("today").scenario.companies()[a]
    with pytest.raises(CollabError, match="would be left with no municipality"):
        props.propose("today", move_change({c: b for c in members}), "r", actor=EDITOR_A)
    with pytest.raises(CollabError, match="already exists"):
        props.propose("today", rename_change(a, world["store"].load("today").scenario.names[b]),
                      "r", actor=EDITOR_A)
    with pytest.raises(CollabError, match="is not in"):
        props.propose("today", split_change(a, [world["code"], next(
            c for c in world["store"].load("today").scenario.companies()[b])], "New"), "r",
            actor=EDITOR_A)


def test_floor_problem_is_stored_and_shown_before_consent(world, base):
    from destinations.scenarios.io import load_context

    ctx = load_context(base)
    props, a = world["proposals"], world["a"]
    members = world["store"].load("today").scenario.companies()[a]
    smallest = min(members, key=lambda c: ctx.overnights[ctx.index[c]])
    p = props.propose("today", split_change(a, [smallest], "Tiny <company>"), "a small start",
                      actor=EDITOR_A, ctx=ctx)
    assert any("critical-mass floor" in problem for problem in p.problems)
    assert "Tiny <company>" in p.summary


def test_merge_touches_both_and_applies(world):
    props, a, b = world["proposals"], world["a"], world["b"]
    p = props.propose("today", merge_change(a, b), "one coast", actor=EDITOR_B)
    assert set(p.companies) == {a, b} and p.waiting_for == (a,)
    props.consent(p.id, actor=EDITOR_A)
    props.apply(p.id, actor=STRATEGIST)
    assert b not in world["store"].load("today").scenario.names


def test_concurrent_apply_applies_once(world):
    props, b, code = world["proposals"], world["b"], world["code"]
    p = props.propose("today", move_change({code: b}), "to B", actor=EDITOR_A)
    props.consent(p.id, actor=EDITOR_B)
    accepted = props.get(p.id)
    props.apply(p.id, actor=STRATEGIST)
    # A second strategist who loaded the proposal before it was applied:
    with pytest.raises(ProposalConflict, match=CHANGED_WHILE_APPLYING):
        props._save_applied(accepted, world["store"].load("today").scenario.to_dict(),
                            "Destination companies today", 2, STRATEGIST)
    assert world["store"].load("today").version == 2


def test_proposal_list_filters_what_the_reader_may_read(world, today):
    props, a, b = world["proposals"], world["a"], world["b"]
    shared = today.copy("Shared draft")
    world["store"].save(shared, base_version=None, actor=EDITOR_A)
    world["store"].set_visibility(shared.id, "shared", actor=EDITOR_A)
    p = props.propose(shared.id, rename_change(b, "B renamed"), "clearer", actor=EDITOR_A)
    assert [x.id for x in props.list(actor=VIEWER)] == [p.id]
    world["store"].set_visibility(shared.id, "private", actor=EDITOR_A)
    assert props.list(actor=VIEWER) == [] and props.list(actor=EDITOR_B) == []
    with pytest.raises(AccessDenied):
        props.get(p.id, actor=EDITOR_B)
