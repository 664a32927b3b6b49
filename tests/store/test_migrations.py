"""A store written by the release before collaboration upgrades in place on first start, on SQLite
and PostgreSQL: the release's own documents.py (from git) writes it, this code opens it."""

from __future__ import annotations

import os
import uuid

import pytest
import sqlalchemy as sa

from destinations.collab.roles import ANONYMOUS, Identity
from destinations.store import DocumentStore, ScenarioStore
from destinations.store.audit import AuditLog
from destinations.store.members import MemberStore
from destinations.store.migrations import BASELINE, current_revision, head, upgrade
from tests.store.release_store import build, release_documents_module


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_url(request, tmp_path):
    """An empty database: a new SQLite file, or a new database on the test PostgreSQL server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'release.sqlite'}"
        return
    server = os.environ.get("DESTINATIONS_TEST_PG_URL")
    if not server:
        pytest.skip("DESTINATIONS_TEST_PG_URL is not set (CI sets it; see .ci/run)")
    name = f"migrate_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = sa.engine.make_url(server).set(database=name).render_as_string(hide_password=False)
    yield url
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="module")
def release_code():
    if release_documents_module() is None:
        pytest.skip("the release commit is not in this checkout's git history")


def test_release_store_upgrades_in_place(fresh_url, base, release_code):
    written = build(fresh_url, base)
    engine = sa.create_engine(fresh_url)
    assert current_revision(engine) is None  # the release knew no migrations
    engine.dispose()

    store = ScenarioStore(fresh_url, codes=base.codes)  # first start of this release
    assert current_revision(store.documents.engine) == head()
    # Everything written by the release reads back, versions and soft deletes kept.
    saved = store.load(written["plan"])
    code, company = written["moved"]
    assert saved.version == 2 and saved.scenario.company_of(code) == company
    assert [v.version for v in store.versions(written["plan"])] == [2, 1]
    assert [h.key for h in store.list(deleted=True)] == [written["deleted"]]
    # Saved before sign-in: shared with every member, no owner; today's plan is published.
    assert store.access(written["plan"]).to_dict() == {"owner": "", "visibility": "shared"}
    assert store.access("today").visibility == "published"
    assert store.load("today", actor=ANONYMOUS).version == 1
    people = MemberStore(store.documents)
    people.add("sofie@s.dk", "strategist")
    people.add("anna@a.dk", "editor", [company])
    anna = Identity("anna@a.dk")
    assert store.load(written["plan"], actor=anna).version == 2
    with pytest.raises(Exception, match="only strategists \\(it was saved before sign-in"):
        store.save(saved.scenario.renamed("x"), base_version=2, actor=anna)
    assert store.save(saved.scenario.renamed("x"), base_version=2,
                      actor=Identity("sofie@s.dk")) == 3
    trail = AuditLog(store.documents).entries("scenario", written["plan"])
    assert [(e.who, e.action, e.after) for e in trail] == [
        ("migration", "visibility", "shared"), ("sofie@s.dk", "save", "version 3")]
    assert DocumentStore(fresh_url).load("story", "release-story").version == 1
    store.documents.engine.dispose()


def test_upgrade_is_idempotent_and_refuses_an_unknown_revision(fresh_url, release_code, base):
    build(fresh_url, base)
    engine = sa.create_engine(fresh_url)
    assert upgrade(engine) == head()
    assert upgrade(engine) == head()  # nothing to do the second time
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    from destinations.errors import StoreError

    with pytest.raises(StoreError, match="newer release"):
        upgrade(engine)
    engine.dispose()


def test_empty_database_gets_every_table(fresh_url):
    store = DocumentStore(fresh_url)
    tables = set(sa.inspect(store.engine).get_table_names())
    assert {"documents", "document_heads", "document_access", "members", "proposals",
            "proposal_decisions", "proposal_comments", "audit_log", "alembic_version"} <= tables
    assert BASELINE < head()
    store.engine.dispose()
