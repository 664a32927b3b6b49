"""Name and id limits are enforced before the database, identically on SQLite and PostgreSQL:
a clear message and nothing saved (PostgreSQL used to raise its SQL for a 300-character id)."""

from __future__ import annotations

import base64
import json
import zlib
from dataclasses import replace

import pytest

from destinations.errors import ScenarioError, StoreLimitError
from destinations.scenarios.io import _checksum, decode_share_link, encode_share_link
from destinations.scenarios.scenario import MAX_ID_LENGTH, MAX_NAME_LENGTH, Scenario
from destinations.store import DocumentStore, ScenarioStore
from tests.scenarios.tinyworld import CODES, A, B, C, D, E

LONG = "L" * 300


@pytest.fixture
def plan() -> Scenario:
    return Scenario.from_assignment({A: "x", B: "x", C: "y", D: "y", E: None}, {"x": "X", "y": "Y"},
                                    codes=CODES, name="xy")


@pytest.fixture
def store(db_url):
    store = ScenarioStore(db_url, codes=CODES)
    yield store
    store.documents.engine.dispose()


def test_share_link_with_a_300_character_scenario_name_is_refused(plan):
    with pytest.raises(ScenarioError, match=f"at most {MAX_NAME_LENGTH}"):
        decode_share_link(encode_share_link(replace(plan, name=LONG)), CODES)


def test_share_link_with_a_300_character_scenario_id_is_refused(plan):
    # replace() itself refuses the id, so pack the forged metadata by hand as an attacker would.
    link = encode_share_link(plan)
    prefix, digits, _, _ = link.split(".")
    meta = [plan.name, LONG, len(CODES), [["x", "X", 0], ["y", "Y", 0]]]
    packed = base64.urlsafe_b64encode(zlib.compress(json.dumps(meta).encode())).decode().rstrip("=")
    body = f"{prefix}.{digits}.{packed}"
    with pytest.raises(ScenarioError, match=f"at most {MAX_ID_LENGTH}"):
        decode_share_link(f"{body}.{_checksum(body)}", CODES)


def test_a_300_character_scenario_id_cannot_be_built(plan):
    with pytest.raises(ScenarioError, match="scenario id is 300 characters"):
        replace(plan, id=LONG)


def test_a_300_character_company_id_cannot_be_built(plan):
    with pytest.raises(ScenarioError, match="company id is 300 characters"):
        plan.new_company("Z", company_id=LONG)


def test_a_300_character_scenario_name_is_not_saved(store, plan):
    with pytest.raises(ScenarioError, match=f"Not saved.*at most {MAX_NAME_LENGTH}"):
        store.save(replace(plan, name=LONG), base_version=None)
    assert store.list() == []


def test_a_300_character_company_name_is_not_saved(store, plan):
    with pytest.raises(ScenarioError, match=f"Not saved.*at most {MAX_NAME_LENGTH}"):
        store.save(replace(plan, company_names=(("x", LONG), ("y", "Y"))), base_version=None)
    assert store.list() == []


@pytest.mark.parametrize("field", ["key", "name", "kind"])
def test_the_document_store_refuses_over_long_fields_before_sql(db_url, field):
    documents = DocumentStore(db_url)
    args = {"kind": "test-doc", "key": "k", "name": "n", **{field: LONG}}
    with pytest.raises(StoreLimitError, match="300 characters"):
        documents.save(args["kind"], args["key"], {"a": 1}, name=args["name"], base_version=None)
    assert documents.heads(args["kind"]) == []
    documents.engine.dispose()


def test_the_document_store_refuses_an_oversized_body(db_url):
    from destinations.store.documents import MAX_BODY_BYTES

    documents = DocumentStore(db_url)
    with pytest.raises(StoreLimitError, match="MB"):
        documents.save("test-doc", "k", {"a": "x" * MAX_BODY_BYTES}, name="n", base_version=None)
    assert documents.heads("test-doc") == []
    documents.engine.dispose()


def test_a_scenario_at_the_limits_saves_on_both_databases(store, plan):
    edge = replace(plan.renamed("N" * MAX_NAME_LENGTH), id="i" * MAX_ID_LENGTH)
    assert store.save(edge, base_version=None) == 1
    assert store.load(edge.id).scenario == edge


@pytest.mark.parametrize("field", ["title", "id"])
def test_a_story_with_a_300_character_title_or_id_is_not_saved(db_url, base, field):
    from destinations.narratives import NarrativeError
    from destinations.store.stories import StoryStore
    from tests.store.stories import user_story

    from destinations.narratives.model import LocalText

    # Built valid, then edited the way a buggy editor or a hand-made document could.
    story = user_story()
    story = replace(story, **({"title": LocalText(LONG, LONG)} if field == "title"
                              else {"id": LONG.lower()}))
    store = StoryStore(db_url, base=base)
    with pytest.raises(NarrativeError):
        store.save(story, base_version=None)
    assert store.list() == []
    store.documents.engine.dispose()
