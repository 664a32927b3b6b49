"""Built-in narratives: hand-written stories over the places of the attraction data.

Each built-in is a :class:`~destinations.narratives.builtin_texts.BuiltinSpec` in
:mod:`.builtin_texts`: a title, an introduction (why this story, for whom, in which season) and
steps in a fixed order, each naming attractions (ids of ``base.attractions``) and/or municipalities,
with prose in English and Danish and the facts that prose uses, each with its source. The prose is
written by people and does not change with the data; the *facts box* of every step is drawn from the
data when the story is built (:func:`~destinations.narratives.templates.draft_step_facts`): visitors
with source and year, season, approximate positions, the estimated travel from the previous step,
then the cited facts. A gap in the data shows as a gap there, never in the prose.

An id that disappears from the data raises :class:`~destinations.narratives.model.NarrativeError`
naming the story and the step, rather than silently shrinking the story.

:func:`order_geographically` (a nearest-neighbour walk over estimated travel minutes) orders the
editor's new stories and the suggested ones (:mod:`.suggest`).
"""

from __future__ import annotations

from typing import Any

from destinations.data.graph import road_minutes
from destinations.model import Attraction
from destinations.narratives.builtin_texts import BUILTIN_SPECS, BuiltinSpec, StepSpec
from destinations.narratives.model import NarrativeError, Step, Story, slug, validate_story
from destinations.narratives.places import haversine_km
from destinations.narratives.templates import TravelTimes, draft_step_facts

__all__ = ["BUILTIN_SPECS", "BuiltinSpec", "StepSpec", "build_story", "builtin_narratives",
           "order_geographically"]


def order_geographically(attractions: list[Attraction], base: Any, *, start: str | None = None,
                         travel: TravelTimes | None = None) -> list[Attraction]:
    """Nearest-neighbour walk from ``start`` over estimated travel minutes.

    Between municipalities the cost is the travel graph's shortest minutes; inside one municipality
    it is the straight-line driving estimate (:func:`destinations.data.graph.road_minutes`), so places in
    the same town stay together. Ties break on the attraction id, so the order is deterministic.
    """
    if not attractions:
        return []
    travel = travel or TravelTimes(base.graph)
    remaining = {a.id: a for a in attractions}
    if start is None:
        start = max(attractions, key=lambda a: (a.lat, a.id)).id
    if start not in remaining:
        raise NarrativeError("story order", [f"start {start!r} is not among the selected "
                                             "attractions"], "pick a selected attraction")

    def cost(a: Attraction, b: Attraction) -> float:
        if a.kommune_code == b.kommune_code:
            return road_minutes(haversine_km((a.lat, a.lon), (b.lat, b.lon)) * 1000.0)
        minutes = travel.leg(a.kommune_code, b.kommune_code).minutes
        return float("inf") if minutes is None else minutes

    order = [remaining.pop(start)]
    while remaining:
        here = order[-1]
        nearest = min(remaining.values(), key=lambda a: (cost(here, a), a.id))
        order.append(remaining.pop(nearest.id))
    return order


def step_id(spec: StepSpec, base: Any) -> str:
    """The step's id: given, else its first attraction's id, else its first municipality's name."""
    if spec.id:
        return spec.id
    if spec.attractions:
        return spec.attractions[0]
    return slug(base.municipality_name(spec.municipalities[0]), fallback="step")


def build_story(spec: BuiltinSpec, base: Any, *, travel: TravelTimes | None = None) -> Story:
    """The story of one spec, its facts boxes drawn from ``base``, validated against it.

    Raises
    ------
    NarrativeError
        A step names an attraction or municipality that is not in the data (the message names the
        story and the step), or the story is otherwise invalid.
    """
    problems = []
    for number, item in enumerate(spec.steps, start=1):
        missing = [a for a in item.attractions if a not in base.attraction_by_id]
        missing += [c for c in item.municipalities if c not in base.municipalities.index]
        if missing:
            problems.append(f"step {number} ({item.title.en!r}) names {missing}, which the data "
                            "does not have")
    if problems:
        raise NarrativeError(f"built-in story {spec.id!r}", problems,
                             "correct the step in destinations/narratives/builtin_texts.py (or "
                             "restore the attraction in geodata/attractions.csv)")
    travel = travel or TravelTimes(base.graph)
    steps: list[Step] = []
    for item in spec.steps:
        step = Step(id=step_id(item, base), title=item.title, body=item.body,
                    attractions=item.attractions, municipalities=item.municipalities,
                    layers=item.layers)
        facts = draft_step_facts(step, base, previous=steps[-1] if steps else None, travel=travel,
                                 cited=item.cites)
        steps.append(Step(**{**step.__dict__, "facts": facts}))
    story = Story(id=spec.id, theme=spec.theme, title=spec.title, intro=spec.intro,
                  steps=tuple(steps), origin="builtin")
    return validate_story(story, base)


def builtin_narratives(base: Any) -> tuple[Story, ...]:
    """All built-in stories, in :data:`BUILTIN_SPECS` order (well under a second; cache it in the UI)."""
    travel = TravelTimes(base.graph)
    return tuple(build_story(spec, base, travel=travel) for spec in BUILTIN_SPECS)
