"""Fixtures of the scenario tests: the tiny world of tinyworld.py, facts and the store URL.

The real base data comes from the session fixture ``base`` of tests/conftest.py.
"""

from __future__ import annotations

import os

import pytest

from destinations.scenarios.metrics import EvaluationContext
from destinations.scenarios.scenario import Scenario
from tests.scenarios.tinyworld import CODES, A, B, C, D, E, StandInFacts, tiny_context


@pytest.fixture
def tiny_ctx() -> EvaluationContext:
    return tiny_context()


@pytest.fixture
def xy_plan() -> Scenario:
    return Scenario.from_assignment({A: "x", B: "x", C: "y", D: "y", E: None},
                                    {"x": "X", "y": "Y"}, codes=CODES, name="xy")


# ---------------------------------------------------------------------------------- real data
@pytest.fixture(scope="session")
def facts(base):
    """Real facts when :mod:`destinations.facts` is available, else a stand-in."""
    try:
        from destinations.facts import AVAILABLE_YEARS, load_facts
    except ImportError:
        return StandInFacts(base.codes)
    return load_facts(base, max(AVAILABLE_YEARS))


@pytest.fixture(scope="session")
def real_ctx(base, facts):
    return EvaluationContext.from_base(base, facts)


@pytest.fixture(scope="session")
def today(base):
    return Scenario.from_base(base)


def pg_url() -> str | None:
    return os.environ.get("DESTINATIONS_TEST_PG_URL") or None



@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A store URL: a fresh SQLite file, and PostgreSQL when DESTINATIONS_TEST_PG_URL is set."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite'}"
    url = pg_url()
    if url is None:
        pytest.skip("DESTINATIONS_TEST_PG_URL is not set (CI sets it; see the store tests)")
    from destinations.store import DocumentStore, document_heads, documents

    store = DocumentStore(url)  # creates the tables
    with store.engine.begin() as conn:  # only the kinds these tests write
        for table in (documents, document_heads):
            conn.execute(table.delete().where(table.c.kind.in_(["scenario", "test-doc"])))
    store.engine.dispose()
    return url
