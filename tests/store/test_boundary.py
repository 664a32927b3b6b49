"""The store's error boundary: a database that does not answer is StoreUnavailable, never a raw
SQLAlchemy error, and no message names the host, port or file.

PostgreSQL: a throwaway server of these tests (conftest ``pg_server``) is stopped under live stores.
SQLite: the store's file becomes unreachable (its folder replaced by a plain file).
"""

from __future__ import annotations

import shutil

import pytest
from sqlalchemy.exc import SQLAlchemyError

from destinations.errors import DestinationsError, StoreUnavailable
from destinations.store import DocumentStore, ScenarioStore, store_status
from tests.scenarios.tinyworld import CODES, A, B, C, D, E

# Every public call of ScenarioStore, with what it needs (the plan saved before the outage).
SCENARIO_CALLS = {
    "list": lambda store, plan: store.list(),
    "list deleted": lambda store, plan: store.list(deleted=True),
    "load": lambda store, plan: store.load(plan.id),
    "load version": lambda store, plan: store.load(plan.id, 1),
    "find": lambda store, plan: store.find(plan.name),
    "versions": lambda store, plan: store.versions(plan.id),
    "save new": lambda store, plan: store.save(plan.copy("Ny plan"), base_version=None),
    "save next": lambda store, plan: store.save(plan.move(E, "y"), base_version=1),
    "restore version": lambda store, plan: store.restore_version(plan.id, 1, base_version=1),
    "delete": lambda store, plan: store.delete(plan.id),
    "undelete": lambda store, plan: store.undelete(plan.id),
    "head": lambda store, plan: store.documents.head("scenario", plan.id),
}

STORY_CALLS = {
    "list": lambda store, story: store.list(),
    "load": lambda store, story: store.load(story.id),
    "load all": lambda store, story: store.load_all(),
    "versions": lambda store, story: store.versions(story.id),
    "save": lambda store, story: store.save(story, base_version=1),
    "delete": lambda store, story: store.delete(story.id),
}


def _plan():
    from destinations.scenarios.scenario import Scenario

    return Scenario.from_assignment({A: "x", B: "x", C: "y", D: "y", E: None}, {"x": "X", "y": "Y"},
                                    codes=CODES, name="Vest og øst")


def assert_clean_outage(error: BaseException, *secrets: str) -> None:
    """The project's error, saying the store is unreachable, without address, path or SQL."""
    assert isinstance(error, StoreUnavailable) and isinstance(error, DestinationsError)
    assert not isinstance(error, SQLAlchemyError)
    assert error.__suppress_context__  # a shown traceback does not carry the driver's message
    text = str(error)
    assert "not reachable" in text and "try again" in text.lower()
    for secret in ("SELECT", "INSERT", "UPDATE", "psycopg", "sqlite3", *secrets):
        assert secret not in text


# ---------------------------------------------------------------------------------- PostgreSQL
@pytest.fixture(scope="module")
def stopped_pg(pg_server):
    """Stores that saved a plan (and a story) while the server ran; then the server is stopped."""
    pg_server.start()
    scenarios = ScenarioStore(pg_server.url, codes=CODES)
    plan = _plan()
    scenarios.save(plan, base_version=None)
    pg_server.stop()
    yield scenarios, plan
    scenarios.documents.engine.dispose()
    pg_server.start()


@pytest.mark.parametrize("call", SCENARIO_CALLS.values(), ids=SCENARIO_CALLS.keys())
def test_every_scenario_store_call_against_a_stopped_postgresql_is_store_unavailable(stopped_pg, call,
                                                                                    pg_server):
    store, plan = stopped_pg
    with pytest.raises(StoreUnavailable) as caught:
        call(store, plan)
    assert_clean_outage(caught.value, "127.0.0.1", str(pg_server.port), str(pg_server.data_dir))


def test_opening_a_store_on_a_stopped_postgresql_is_store_unavailable(stopped_pg, pg_server):
    with pytest.raises(StoreUnavailable) as caught:
        ScenarioStore(pg_server.url, codes=CODES)
    assert_clean_outage(caught.value, "127.0.0.1", str(pg_server.port))


def test_status_of_a_stopped_postgresql(stopped_pg, pg_server):
    status = store_status(pg_server.url)
    assert not status.ok and not status
    assert "not reachable" in status.message and str(pg_server.port) not in status.message
    assert not store_status(stopped_pg[0]).ok  # the store's own pool meets the same outage


def test_status_of_a_running_postgresql(running_pg):
    status = store_status(running_pg.url)
    assert status.ok and status.message == ""


def test_a_store_works_again_when_the_server_is_back(running_pg):
    store = ScenarioStore(running_pg.url, codes=CODES)
    plan = _plan()
    store.save(plan, base_version=None)
    running_pg.stop()
    with pytest.raises(StoreUnavailable):
        store.load(plan.id)
    running_pg.start()
    assert store.load(plan.id).scenario == plan  # same store object: the pool reconnects
    store.documents.engine.dispose()


def test_every_story_store_call_against_a_stopped_postgresql_is_store_unavailable(running_pg, base):
    from destinations.store.stories import StoryStore
    from tests.store.stories import user_story

    store = StoryStore(running_pg.url, base=base)
    story = user_story(f"story-{id(store)}")
    store.save(story, base_version=None)
    running_pg.stop()
    try:
        for name, call in STORY_CALLS.items():
            with pytest.raises(StoreUnavailable) as caught:
                call(store, story)
            assert_clean_outage(caught.value, "127.0.0.1", str(running_pg.port))
    finally:
        store.documents.engine.dispose()


# ---------------------------------------------------------------------------------- SQLite
@pytest.fixture
def unreachable_sqlite(tmp_path):
    """A scenario store whose SQLite file became unreachable after a save (folder -> plain file)."""
    folder = tmp_path / "stores"
    store = ScenarioStore(f"sqlite:///{folder / 'scenarios.sqlite'}", codes=CODES)
    plan = _plan()
    store.save(plan, base_version=None)
    store.documents.engine.dispose()  # the next call opens the file again
    shutil.rmtree(folder)
    folder.write_text("not a folder")
    yield store, plan
    store.documents.engine.dispose()


@pytest.mark.parametrize("call", SCENARIO_CALLS.values(), ids=SCENARIO_CALLS.keys())
def test_every_scenario_store_call_on_an_unreachable_sqlite_file_is_store_unavailable(
        unreachable_sqlite, call, tmp_path):
    store, plan = unreachable_sqlite
    with pytest.raises(StoreUnavailable) as caught:
        call(store, plan)
    assert_clean_outage(caught.value, str(tmp_path), "scenarios.sqlite")


def test_a_sqlite_path_that_cannot_be_created_is_store_unavailable(tmp_path):
    (tmp_path / "file").write_text("a file, not a folder")
    with pytest.raises(StoreUnavailable) as caught:
        DocumentStore(f"sqlite:///{tmp_path / 'file' / 'store.sqlite'}")
    assert_clean_outage(caught.value, str(tmp_path), "store.sqlite")


def test_status_of_an_unreachable_sqlite_path(tmp_path):
    (tmp_path / "file").write_text("a file, not a folder")
    status = store_status(f"sqlite:///{tmp_path / 'file' / 'store.sqlite'}")
    assert not status.ok and str(tmp_path) not in status.message


def test_status_of_a_working_sqlite_store(tmp_path):
    store = DocumentStore(f"sqlite:///{tmp_path / 'store.sqlite'}")
    assert store_status(store).ok


def test_a_bad_url_gives_a_status_without_the_url():
    status = store_status("postgresql+psycopg://planner:secret@db.internal:5432/x?bad")
    status_bad = store_status("this is no url")
    assert not status_bad.ok and "DESTINATIONS_DB_URL" in status_bad.message
    assert "secret" not in status.message and "db.internal" not in status.message


def test_outage_details_go_to_the_server_log(tmp_path, caplog):
    (tmp_path / "file").write_text("a file, not a folder")
    with caplog.at_level("WARNING", logger="destinations.store"), pytest.raises(StoreUnavailable):
        DocumentStore(f"sqlite:///{tmp_path / 'file' / 'store.sqlite'}")
    assert any(str(tmp_path) in record.getMessage() for record in caplog.records)
