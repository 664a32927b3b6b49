"""The saved stories and scenarios the story, profile, season and itinerary pages read.

One document store at ``DESTINATIONS_DB_URL`` holds both; when it cannot be opened the pages work
on the built-in stories and today's companies and say why.
"""

from __future__ import annotations

from typing import Any

from destinations.errors import DestinationsError
from destinations.narratives import Story
from destinations.scenarios.scenario import Scenario
from destinations.settings import load_settings
from destinations.store.stories import StoryStore
from destinations.ui import data

#: The option that stands for today's destination companies.
TODAY = "today"


def stores() -> tuple[StoryStore | None, Any, str]:
    """The story store, the scenario store and an error text ('' when both are available)."""
    # Read the URL now (not from the cached base data) so DESTINATIONS_DB_URL always wins.
    return data.document_stores(load_settings().db_url)


def saved_stories() -> tuple[list[Story], dict[str, int], list[str]]:
    """Saved user stories (latest versions), their version numbers and load problems."""
    story_store, _, error = stores()
    if story_store is None:
        return [], {}, []
    try:
        saved, problems = story_store.load_all()
    except DestinationsError as exc:
        return [], {}, [str(exc)]
    return [s.story for s in saved], {s.story.id: s.version for s in saved}, problems


def all_stories() -> list[Story]:
    """Built-in stories plus the saved ones (a saved story never shadows a built-in id)."""
    builtins = list(data.builtin_stories())
    ids = {s.id for s in builtins}
    return builtins + [s for s in saved_stories()[0] if s.id not in ids]


def saved_scenarios() -> dict[str, str]:
    """Saved scenario id -> name (empty when the store is unavailable)."""
    _, scenario_store, _ = stores()
    if scenario_store is None:
        return {}
    try:
        return {head.key: head.name for head in scenario_store.list()}
    except DestinationsError:
        return {}


def scenario_options(saved: dict[str, str]) -> list[str]:
    """Today first, then the saved scenarios."""
    return [TODAY] + [k for k in saved if k != TODAY]


def scenario_choices() -> tuple[dict[str, str], str]:
    """({scenario id: name} with today's first (its name left to the page), problem text ('' when
    the store answered))."""
    _, _, problem = stores()
    saved = saved_scenarios()
    return {TODAY: "", **{k: v for k, v in saved.items() if k != TODAY}}, problem


def load_scenario(scenario_id: str) -> Scenario:
    """Today's scenario or a saved one (latest version)."""
    if scenario_id == TODAY:
        return data.today_scenario()
    _, scenario_store, problem = stores()
    if scenario_store is None:
        raise DestinationsError(problem or "The scenario store is unavailable.")
    return scenario_store.load(scenario_id).scenario


def scenario_plan(scenario_id: str) -> tuple[dict[str, str | None], dict[str, str]]:
    """(assignment code -> company id, company id -> name) of ``today`` or a saved scenario."""
    base = data.base()
    if scenario_id == TODAY:
        return dict(base.today_assignment), dict(base.today_company_names)
    _, scenario_store, _ = stores()
    saved = scenario_store.load(scenario_id)
    return saved.scenario.assignment, saved.scenario.names
