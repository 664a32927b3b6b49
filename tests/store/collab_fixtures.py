"""Fixtures of the collaboration store tests: a store on each database with the collaboration
tables emptied, and the people of the tests (a strategist, editors of two companies, a viewer)."""

from __future__ import annotations

import pytest

from destinations.collab.roles import Identity
from destinations.store import DocumentStore
from destinations.store.members import MemberStore
from destinations.store.proposals import ProposalStore
from destinations.store.tables import (
    audit_log,
    document_access,
    members,
    proposal_comments,
    proposal_decisions,
    proposals,
)

STRATEGIST = Identity("sofie@strategy.dk")
EDITOR_A = Identity("anna@visitnordsjaelland.dk")
EDITOR_B = Identity("bo@visitkobenhavn.dk")
VIEWER = Identity("vera@kommune.dk")
OUTSIDER = Identity("otto@example.com")
COLLAB_TABLES = (audit_log, proposal_comments, proposal_decisions, proposals, members,
                 document_access)


@pytest.fixture
def collab_url(db_url):
    """``db_url`` with every collaboration table empty (the shared PostgreSQL keeps rows)."""
    store = DocumentStore(db_url)
    with store.engine.begin() as conn:
        for table in COLLAB_TABLES:
            conn.execute(table.delete())
    store.engine.dispose()
    return db_url


@pytest.fixture
def team(collab_url, base):
    """Members: a strategist, an editor of each of two neighbouring companies, a viewer."""
    a, b = company_pair(base)
    people = MemberStore(collab_url)
    people.add(STRATEGIST.email, "strategist")
    people.add(EDITOR_A.email, "editor", [a])
    people.add(EDITOR_B.email, "editor", [b])
    people.add(VIEWER.email, "viewer")
    return {"url": collab_url, "a": a, "b": b, "members": people,
            "proposals": ProposalStore(people.documents, base=base)}


def company_pair(base) -> tuple[str, str]:
    """Two companies of today's plan that share a border (a municipality of the first borders the
    second), for moving a municipality across."""
    assignment = base.today_assignment
    for a, b in base.graph.edges():
        ca, cb = assignment.get(a), assignment.get(b)
        if ca and cb and ca != cb and sum(1 for v in assignment.values() if v == ca) > 1:
            return ca, cb
    raise AssertionError("no two neighbouring companies")


def border_municipality(base, a: str, b: str) -> str:
    """A municipality of company ``a`` that borders company ``b``."""
    assignment = base.today_assignment
    for x, y in base.graph.edges():
        for code, other in ((x, y), (y, x)):
            if assignment.get(code) == a and assignment.get(other) == b:
                return code
    raise AssertionError("no border")
