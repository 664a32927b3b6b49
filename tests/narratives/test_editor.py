"""Pure edit functions: every edit returns a new story; bad edits raise clear errors."""

from __future__ import annotations

import pytest

from destinations.narratives import LocalText, NarrativeError
from destinations.narratives.editor import (
    copy_story,
    insert_step,
    move_step,
    new_step,
    new_story,
    redraft_step,
    remove_step,
    replace_step,
    slug,
    unique_id,
)


@pytest.fixture(scope="module")
def limfjord(stories):
    return next(s for s in stories if s.id == "limfjord")


def test_slug_and_unique_id():
    assert slug("Kongelige Slotte på Sjælland!") == "kongelige-slotte-paa-sjaelland"
    assert slug("<>") == "item"
    assert unique_id("Story", ["story", "story-2"]) == "story-3"


def test_move_step_clamps_and_keeps_the_original(limfjord):
    ids = [s.id for s in limfjord.steps]
    moved = move_step(limfjord, 0, 1)
    assert [s.id for s in moved.steps][:2] == [ids[1], ids[0]]
    assert [s.id for s in move_step(limfjord, 0, -5).steps] == ids
    assert [s.id for s in limfjord.steps] == ids


def test_remove_insert_replace(limfjord, base):
    shorter = remove_step(limfjord, 1)
    assert len(shorter.steps) == len(limfjord.steps) - 1
    step = new_step(base, ["hammershus"], previous=limfjord.steps[0],
                    existing_ids=[s.id for s in limfjord.steps])
    longer = insert_step(limfjord, step, index=1)
    assert longer.steps[1].id == "hammershus"
    assert longer.steps[1].body == LocalText("", "")  # prose is for people to write
    assert any("by road and ferry" in line for line in longer.steps[1].fact_lines("en"))
    with pytest.raises(NarrativeError, match="used already"):
        insert_step(longer, step)
    renamed = replace_step(limfjord, 0, longer.steps[1])
    assert renamed.steps[0].id == "hammershus"


def test_last_step_cannot_be_removed(limfjord):
    one = limfjord
    while len(one.steps) > 1:
        one = remove_step(one, 0)
    with pytest.raises(NarrativeError, match="at least one step"):
        remove_step(one, 0)
    with pytest.raises(NarrativeError, match="no step at position 5"):
        move_step(one, 4, 1)


def test_new_step_needs_a_known_place(base):
    with pytest.raises(NarrativeError, match="unknown attraction"):
        new_step(base, ["atlantis"])
    with pytest.raises(NarrativeError, match="no place given"):
        new_step(base)
    assert new_step(base, municipalities=["400"]).title.en == "Bornholm"


def test_new_story_is_ordered_from_the_first_pick_and_drafted(base):
    story = new_story(base, LocalText("Castles", "Slotte"),
                      ["kronborg-slot", "koldinghus", "frederiksborg-slot-det-nationalhistoriske-museum"],
                      existing_ids=["castles"])
    assert story.id == "castles-2" and story.origin == "user"
    assert [s.id for s in story.steps] == ["kronborg-slot",
                                           "frederiksborg-slot-det-nationalhistoriske-museum",
                                           "koldinghus"]
    assert all(s.fact_lines("en") and s.fact_lines("da") for s in story.steps)
    assert all(not s.body.en and not s.body.da for s in story.steps)
    assert story.intro == LocalText("", "")


def test_copy_and_redraft_refreshes_the_facts_not_the_prose(limfjord, base):
    copy = copy_story(limfjord, ["limfjord"])
    assert copy.id == "limfjord-copy" and copy.origin == "user"
    assert copy.intro == limfjord.intro
    edited = replace_step(copy, 1, copy.steps[1].__class__(**{
        **copy.steps[1].__dict__, "body": LocalText("mine", "min"),
        "facts": LocalText("stale", "forældet")}))
    redrafted = redraft_step(edited, 1, base).steps[1]
    assert redrafted.body == LocalText("mine", "min")
    assert redrafted.fact_lines("en")[0].startswith("Lindholm Høje: heritage site")
    assert "stale" not in redrafted.facts.en
