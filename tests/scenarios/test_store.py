"""The scenario store on SQLite and (when configured) PostgreSQL: versions, conflicts, restore."""

from __future__ import annotations

import pytest

from destinations.errors import ScenarioError, StoreUnavailable
from destinations.store import ConflictError, DocumentStore, ScenarioStore, StoreError
from tests.scenarios.tinyworld import CODES, A, E


@pytest.fixture
def store(db_url):
    store = ScenarioStore(db_url, codes=CODES)
    yield store
    store.documents.engine.dispose()


def test_every_save_is_a_new_version(store, xy_plan):
    assert store.save(xy_plan, base_version=None) == 1
    assert store.save(xy_plan.move(E, "y"), base_version=1) == 2
    assert [v.version for v in store.versions(xy_plan.id)] == [2, 1]
    latest = store.load(xy_plan.id)
    assert latest.version == 2 and latest.scenario.company_of(E) == "y"
    assert store.load(xy_plan.id, 1).scenario == xy_plan


def test_round_trip_keeps_names_and_locks(store, xy_plan):
    plan = xy_plan.rename("x", "<b>Vest</b> & co").lock("y")
    store.save(plan, base_version=None)
    assert store.load(plan.id).scenario == plan


def test_later_save_from_the_same_version_is_refused_and_kept(store, xy_plan):
    store.save(xy_plan, base_version=None)
    alice = xy_plan.move(E, "y")
    bob = xy_plan.move(A, None)
    assert store.save(alice, base_version=1) == 2
    with pytest.raises(ConflictError) as caught:
        store.save(bob, base_version=1)
    conflict = caught.value
    assert "someone saved version 2" in str(conflict) and conflict.current_version == 2
    # Alice's edit is the stored one ...
    assert store.load(xy_plan.id).scenario == alice
    # ... and Bob's edit is kept as a draft copy, nothing lost
    draft = store.load(conflict.draft_key).scenario
    assert draft.assignment == bob.assignment and "unsaved edit" in draft.name
    assert conflict.refused == bob.to_dict()


def test_new_document_with_a_taken_id_conflicts(store, xy_plan):
    store.save(xy_plan, base_version=None)
    with pytest.raises(ConflictError, match="already exists"):
        store.save(xy_plan, base_version=None)


def test_restore_an_older_version(store, xy_plan):
    store.save(xy_plan, base_version=None)
    store.save(xy_plan.move(E, "y"), base_version=1)
    assert store.restore_version(xy_plan.id, 1, base_version=2) == 3
    assert store.load(xy_plan.id).scenario == xy_plan
    assert store.versions(xy_plan.id)[0].note == "restored version 1"


def test_soft_delete_and_restore(store, xy_plan):
    store.save(xy_plan, base_version=None)
    store.delete(xy_plan.id)
    assert [h.key for h in store.list()] == []
    assert [h.key for h in store.list(deleted=True)] == [xy_plan.id]
    with pytest.raises(ScenarioError, match="deleted"):
        store.load(xy_plan.id)
    with pytest.raises(ConflictError, match="deleted"):
        store.save(xy_plan.move(E, "y"), base_version=1)
    store.undelete(xy_plan.id)
    assert store.load(xy_plan.id).scenario == xy_plan


def test_find_by_name(store, xy_plan):
    store.save(xy_plan.renamed("Vest først"), base_version=None)
    assert store.find("VEST  først").scenario.name == "Vest først"
    with pytest.raises(ScenarioError, match="No saved scenario"):
        store.find("nowhere")


def test_a_scenario_of_other_municipalities_is_not_written(store):
    from destinations.scenarios.scenario import Scenario

    with pytest.raises(ScenarioError, match="nothing was saved"):
        store.save(Scenario.empty(["101", "999"]), base_version=None)
    assert store.list() == []


def test_generic_documents_share_the_pattern(db_url):
    documents = DocumentStore(db_url)
    assert documents.save("test-doc", "k", {"title": "Vadehavet"}, name="Story",
                          base_version=None) == 1
    assert documents.load("test-doc", "k").payload == {"title": "Vadehavet"}
    assert [h.key for h in documents.heads("scenario")] == []
    documents.engine.dispose()


def test_bad_url_is_a_clear_error():
    with pytest.raises(StoreError, match="DESTINATIONS_DB_URL"):
        DocumentStore("not a url")


def test_unreachable_server_is_a_clear_error():
    with pytest.raises(StoreUnavailable, match="not reachable") as caught:
        DocumentStore("postgresql+psycopg://nobody@127.0.0.1:1/nothing")
    assert "127.0.0.1" not in str(caught.value) and ":1" not in str(caught.value)


def test_racing_saves_from_one_version_let_exactly_one_win(db_url, xy_plan):
    from concurrent.futures import ThreadPoolExecutor

    ScenarioStore(db_url, codes=CODES).save(xy_plan, base_version=None)
    edits = [xy_plan.move(E, "y"), xy_plan.move(A, None), xy_plan.move(E, "x"),
             xy_plan.rename("x", "Racer")]

    def attempt(edit):
        store = ScenarioStore(db_url, codes=CODES)  # one engine per person
        try:
            return store.save(edit, base_version=1)
        except ConflictError:
            return "conflict"
        finally:
            store.documents.engine.dispose()

    with ThreadPoolExecutor(max_workers=len(edits)) as pool:
        outcomes = list(pool.map(attempt, edits))
    assert sorted(outcomes, key=str) == [2, "conflict", "conflict", "conflict"]
    store = ScenarioStore(db_url, codes=CODES)
    assert len(store.list()) == 1 + 3  # the winner plus three kept drafts
    store.documents.engine.dispose()
