"""Built-in narratives: the strengths the workshops named, built from the attraction data.

Each built-in is a :class:`BuiltinSpec`: a title, a theme and a :class:`Selection` rule over
``base.attractions`` (theme tags, categories, municipalities and/or explicit attraction ids). The
selected attractions become one step each, ordered geographically by a nearest-neighbour walk from
the spec's start (cost: the travel graph's estimated minutes between municipalities, or the
straight-line driving estimate inside one municipality), and every step text is a data-only draft
from :mod:`destinations.narratives.templates`.

Because steps are selected from the data, a built-in follows the data when it is corrected; an id
that disappears from the data raises :class:`~destinations.narratives.model.NarrativeError` rather
than silently shrinking the story.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from destinations.data.graph import road_minutes
from destinations.model import Attraction
from destinations.narratives.model import LocalText, NarrativeError, Step, Story, validate_story
from destinations.narratives.places import haversine_km
from destinations.narratives.templates import TravelTimes, draft_story_bodies

FUNEN_CODES = ("410", "420", "430", "440", "450", "461", "479", "480", "482", "492")


@dataclass(frozen=True)
class Selection:
    """Which attractions a built-in story uses.

    An attraction is selected when it carries any of ``themes`` (or ``themes`` is empty), lies in one
    of ``codes`` (or ``codes`` is empty) and has one of ``categories`` (or that is empty) — but only if
    at least one of these three filters is given. ``ids`` are always added; ``exclude`` always
    removed. ``per_municipality`` keeps at most that many per municipality: ``ids`` first, then the
    most visited (known numbers before unknown), then by name.
    """

    themes: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    per_municipality: int | None = None

    def select(self, base: Any) -> list[Attraction]:
        by_id = base.attraction_by_id
        missing = [i for i in (*self.ids, *self.exclude) if i not in by_id]
        if missing:
            raise NarrativeError("built-in story selection", [f"attraction id(s) {missing} are not "
                                                              "in the attraction data"],
                                 "update the built-in spec in destinations/narratives/builtin.py")
        filtered = bool(self.themes or self.codes or self.categories)
        chosen: dict[str, Attraction] = {i: by_id[i] for i in self.ids}
        if filtered:
            for attraction in base.attractions:
                if self.themes and not set(self.themes) & set(attraction.themes):
                    continue
                if self.codes and attraction.kommune_code not in self.codes:
                    continue
                if self.categories and attraction.category not in self.categories:
                    continue
                chosen.setdefault(attraction.id, attraction)
        for ident in self.exclude:
            chosen.pop(ident, None)
        if self.per_municipality is None:
            return list(chosen.values())
        ranked = sorted(chosen.values(), key=lambda a: (a.id not in self.ids, -(a.visitors or -1),
                                                        a.name))
        kept: list[Attraction] = []
        per_code: dict[str, int] = {}
        for attraction in ranked:
            if per_code.get(attraction.kommune_code, 0) < self.per_municipality:
                kept.append(attraction)
                per_code[attraction.kommune_code] = per_code.get(attraction.kommune_code, 0) + 1
        return kept


@dataclass(frozen=True)
class BuiltinSpec:
    """A built-in narrative: id, theme tag, bilingual title, selection and first attraction."""

    id: str
    theme: str
    title: LocalText
    selection: Selection
    start: str | None = None  # attraction id; None: the northernmost selected attraction


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
        raise NarrativeError("built-in story order", [f"start {start!r} is not among the selected "
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


BUILTIN_SPECS: tuple[BuiltinSpec, ...] = (
    BuiltinSpec(
        "wadden-sea", "wadden-sea", LocalText("The Wadden Sea", "Vadehavet"),
        Selection(themes=("wadden-sea",)), start="blaavandshuk-fyr"),
    BuiltinSpec(
        "north-sea-coast", "north-sea-coast",
        LocalText("The North Sea coast", "Vesterhavskysten"),
        Selection(themes=("north-sea-coast",), per_municipality=1,
                  ids=("rubjerg-knude-fyr", "nationalpark-thy", "lyngvig-fyr",
                       "tirpitz-blaavand-bunker-museum")),
        start="rubjerg-knude-fyr"),
    BuiltinSpec(
        "bornholm", "bornholm", LocalText("Bornholm", "Bornholm"),
        Selection(codes=("400",)), start="hammershus"),
    BuiltinSpec(
        "viking-denmark", "viking", LocalText("Viking Denmark", "Vikingernes Danmark"),
        Selection(themes=("viking",), per_municipality=1,
                  ids=("sagnlandet-lejre", "ribe-vikingecenter")),
        start="lindholm-hoeje"),
    BuiltinSpec(
        "royal-castles", "royal", LocalText("Royal castles", "Kongelige slotte"),
        Selection(themes=("royal",), categories=("castle/palace",), per_municipality=2),
        start="kronborg-slot"),
    BuiltinSpec(
        "hc-andersens-funen", "hans-christian-andersen",
        LocalText("H.C. Andersen's Funen", "H.C. Andersens Fyn"),
        Selection(codes=FUNEN_CODES, per_municipality=1, ids=("h-c-andersens-hus",)),
        start="h-c-andersens-hus"),
    BuiltinSpec(
        "copenhagen-design-conferences", "design-architecture",
        LocalText("Copenhagen: design and conferences", "København: design og kongresser"),
        Selection(ids=("designmuseum-danmark", "blox-dansk-arkitektur-center",
                       "operaen-copenhagen-opera-house", "dr-koncerthuset", "royal-arena",
                       "parken-stadium", "copenhill-amager-bakke", "cykelslangen-harbour-bridges",
                       "den-blaa-planet-national-aquarium-denmark")),
        start="designmuseum-danmark"),
    BuiltinSpec(
        "energy-esbjerg", "energy", LocalText("Energy: from Esbjerg", "Energi: fra Esbjerg"),
        # The attraction data tags no attraction in Esbjerg with "energy"; the story starts at the
        # harbour museum there and continues to the energy-tagged attractions of Jutland and Samsø.
        Selection(ids=("fiskeri-og-soefartsmuseet-esbjerg", "universe-science-park",
                       "energimuseet-tange", "samsoe-energiakademi-renewable-energy-island")),
        start="fiskeri-og-soefartsmuseet-esbjerg"),
    BuiltinSpec(
        "robots-odense", "robots-technology",
        LocalText("Technology and robots: from Odense", "Teknologi og robotter: fra Odense"),
        Selection(themes=("robots-technology",)), start="danmarks-jernbanemuseum"),
    BuiltinSpec(
        "limfjord", "limfjord", LocalText("The Limfjord", "Limfjorden"),
        Selection(ids=("utzon-center", "lindholm-hoeje", "aggersborg-viking-ring-fortress-unesco",
                       "hanklit", "jesperhus-feriepark", "spoettrup-borg",
                       "jyllandsakvariet-thyboroen")),
        start="utzon-center"),
    BuiltinSpec(
        "aarhus-knowledge-culture", "aarhus",
        LocalText("Knowledge and culture in Aarhus", "Viden og kultur i Aarhus"),
        Selection(codes=("751",)), start="aarhus-oe-dokk1"),
)


def build_story(spec: BuiltinSpec, base: Any, *, travel: TravelTimes | None = None) -> Story:
    """The story of one spec: selected, ordered, drafted and validated against ``base``."""
    travel = travel or TravelTimes(base.graph)
    attractions = order_geographically(spec.selection.select(base), base, start=spec.start,
                                       travel=travel)
    if len(attractions) < 2:
        raise NarrativeError(f"built-in story {spec.id!r}", [f"selects {len(attractions)} "
                                                             "attraction(s); a story needs two"],
                             "widen the selection")
    steps = tuple(Step(id=a.id, title=LocalText.same(a.name), body=LocalText("", ""),
                       attractions=(a.id,)) for a in attractions)
    story = Story(id=spec.id, theme=spec.theme, title=spec.title, steps=steps, origin="builtin")
    return validate_story(draft_story_bodies(story, base, travel=travel), base)


def builtin_narratives(base: Any) -> tuple[Story, ...]:
    """All built-in stories, in :data:`BUILTIN_SPECS` order (about 0.1 s; cache it in the UI)."""
    travel = TravelTimes(base.graph)
    return tuple(build_story(spec, base, travel=travel) for spec in BUILTIN_SPECS)
