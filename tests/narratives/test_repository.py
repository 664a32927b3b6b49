"""Saved stories on the document store: versions, optimistic concurrency, validation."""

from __future__ import annotations

import pytest

from destinations.narratives import LocalText, NarrativeError
from destinations.narratives.editor import copy_story
from destinations.store.stories import STORY_KIND, StoryConflict, StoryStore


@pytest.fixture
def store(tmp_path, base):
    return StoryStore(f"sqlite:///{tmp_path / 'stories.sqlite'}", base=base)


@pytest.fixture(scope="module")
def user_story(stories):
    return copy_story(stories[2], [])


def test_versions_and_round_trip(store, user_story):
    assert store.save(user_story, base_version=None) == 1
    changed = user_story.__class__(**{**user_story.__dict__, "title": LocalText("B2", "B2")})
    assert store.save(changed, base_version=1, note="retitled") == 2
    assert store.load(user_story.id).story == changed
    assert store.load(user_story.id, 1).story == user_story
    assert [v.version for v in store.versions(user_story.id)] == [2, 1]
    assert [h.key for h in store.list()] == [user_story.id]


def test_stale_save_is_refused(store, user_story):
    store.save(user_story, base_version=None)
    store.save(user_story, base_version=1)
    with pytest.raises(StoryConflict, match="someone saved version 2") as info:
        store.save(user_story, base_version=1)
    assert info.value.current_version == 2
    with pytest.raises(StoryConflict, match="already exists"):
        store.save(user_story, base_version=None)


def test_builtins_and_invalid_stories_are_not_saved(store, stories, user_story):
    with pytest.raises(NarrativeError, match="built-in stories are not saved"):
        store.save(stories[0], base_version=None)
    bad = user_story.__class__(**{**user_story.__dict__, "id": "Bad Id"})
    with pytest.raises(NarrativeError, match="not a valid id"):
        store.save(bad, base_version=None)
    assert store.list() == []


def test_stored_story_that_no_longer_validates_is_reported(store, user_story):
    payload = user_story.to_dict()
    payload["steps"][0]["attractions"] = ["gone-from-the-data"]
    store.documents.save(STORY_KIND, "stale", {**payload, "id": "stale"}, name="stale",
                         base_version=None)
    store.save(user_story, base_version=None)
    loaded, problems = store.load_all()
    assert [s.story.id for s in loaded] == [user_story.id]
    assert len(problems) == 1 and "gone-from-the-data" in problems[0]
