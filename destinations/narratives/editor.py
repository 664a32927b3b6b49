"""Editing stories as pure functions: every edit returns a new :class:`Story`.

The story page keeps a draft ``Story`` in session state and replaces it with the result of these
functions, so undo is a matter of keeping the previous value and the functions are tested without
Streamlit.

A new step starts with an empty prose text (people write it) and a facts box drawn from the data
(:func:`~destinations.narratives.templates.draft_step_facts`); :func:`redraft_step` refreshes the
facts box and never touches the prose.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Iterable

from destinations.narratives.builtin import order_geographically
from destinations.narratives.model import LocalText, NarrativeError, Step, Story, slug
from destinations.narratives.templates import draft_step_facts, draft_story_facts

__all__ = ["copy_story", "insert_step", "move_step", "new_step", "new_story", "redraft_step",
           "remove_step", "replace_step", "slug", "unique_id"]


def unique_id(text: str, existing: Iterable[str], *, fallback: str = "item") -> str:
    """:func:`slug` of ``text``, suffixed ``-2``, ``-3``… until it is not in ``existing``."""
    taken = set(existing)
    base_id = slug(text, fallback=fallback)
    candidate, number = base_id, 2
    while candidate in taken:
        candidate = f"{base_id}-{number}"
        number += 1
    return candidate


def new_step(base: Any, attractions: Iterable[str] = (), municipalities: Iterable[str] = (), *,
             previous: Step | None = None, existing_ids: Iterable[str] = ()) -> Step:
    """A step for the given places, titled after its first place: empty prose, facts from the data."""
    attraction_ids = tuple(attractions)
    codes = tuple(municipalities)
    unknown = [a for a in attraction_ids if a not in base.attraction_by_id]
    if unknown:
        raise NarrativeError("new step", [f"unknown attraction id(s) {unknown}"],
                             "pick attractions from the list")
    if attraction_ids:
        title = base.attraction_by_id[attraction_ids[0]].name
    elif codes:
        title = base.municipality_name(codes[0])
    else:
        raise NarrativeError("new step", ["no place given"], "pick at least one attraction or "
                                                             "municipality")
    step = Step(id=unique_id(title, existing_ids, fallback="step"), title=LocalText.same(title),
                body=LocalText("", ""), attractions=attraction_ids, municipalities=codes)
    return replace(step, facts=draft_step_facts(step, base, previous=previous))


def new_story(base: Any, title: LocalText, attractions: Iterable[str], *, theme: str = "custom",
              existing_ids: Iterable[str] = (), order: bool = True) -> Story:
    """A user story with one step per attraction (optionally ordered geographically): empty prose
    and introduction for people to write, facts boxes drawn from the data."""
    ids = list(dict.fromkeys(attractions))
    unknown = [a for a in ids if a not in base.attraction_by_id]
    if unknown:
        raise NarrativeError("new story", [f"unknown attraction id(s) {unknown}"],
                             "pick attractions from the list")
    if not ids:
        raise NarrativeError("new story", ["no attraction picked"], "pick at least one attraction")
    chosen = [base.attraction_by_id[a] for a in ids]
    if order:
        chosen = order_geographically(chosen, base, start=chosen[0].id)
    steps = tuple(Step(id=a.id, title=LocalText.same(a.name), body=LocalText("", ""),
                       attractions=(a.id,)) for a in chosen)
    story = Story(id=unique_id(title.en or title.da, existing_ids, fallback="story"),
                  theme=slug(theme, fallback="custom"), title=title, steps=steps, origin="user")
    return draft_story_facts(story, base)


def copy_story(story: Story, existing_ids: Iterable[str]) -> Story:
    """An editable user copy of ``story`` under a new id (built-ins are never overwritten)."""
    return replace(story, id=unique_id(f"{story.id}-copy", existing_ids, fallback="story"),
                   origin="user")


def _check_index(story: Story, index: int) -> None:
    if not 0 <= index < len(story.steps):
        raise NarrativeError(f"story {story.id!r}", [f"no step at position {index + 1}"],
                             f"use 1..{len(story.steps)}")


def move_step(story: Story, index: int, delta: int) -> Story:
    """Move the step at ``index`` by ``delta`` places (clamped to the ends)."""
    _check_index(story, index)
    steps = list(story.steps)
    target = min(max(index + delta, 0), len(steps) - 1)
    steps.insert(target, steps.pop(index))
    return replace(story, steps=tuple(steps))


def remove_step(story: Story, index: int) -> Story:
    """Remove the step at ``index``; the last step cannot be removed (a story needs one)."""
    _check_index(story, index)
    if len(story.steps) == 1:
        raise NarrativeError(f"story {story.id!r}", ["a story needs at least one step"],
                             "add another step before removing this one")
    return replace(story, steps=story.steps[:index] + story.steps[index + 1:])


def insert_step(story: Story, step: Step, *, index: int | None = None) -> Story:
    """Insert ``step`` at ``index`` (default: at the end). Its id must be new in the story."""
    if step.id in {s.id for s in story.steps}:
        raise NarrativeError(f"story {story.id!r}", [f"step id {step.id!r} is used already"],
                             "give the new step another id")
    position = len(story.steps) if index is None else min(max(index, 0), len(story.steps))
    return replace(story, steps=story.steps[:position] + (step,) + story.steps[position:])


def replace_step(story: Story, index: int, step: Step) -> Story:
    """Replace the step at ``index`` with ``step``."""
    _check_index(story, index)
    return replace(story, steps=story.steps[:index] + (step,) + story.steps[index + 1:])


def redraft_step(story: Story, index: int, base: Any) -> Story:
    """Refresh the step's facts box from the data (its places and the previous step); the prose
    stays as written. Facts a person added to the box are replaced too."""
    _check_index(story, index)
    step = story.steps[index]
    previous = story.steps[index - 1] if index > 0 else None
    return replace_step(story, index, replace(step, facts=draft_step_facts(step, base,
                                                                           previous=previous)))
