"""Suggested stories: candidate cross-border stories found in the data, for managers to adopt.

A suggestion is a chain of attractions that share a theme tag of the attraction data, lie in at
least two destination companies and follow a travel path (each leg the nearest next place on the
travel graph, within :data:`LEG_LIMIT_MINUTES`). It is a *draft*: places and facts, no prose -
:func:`suggestion_story` turns one into a story for the editor, for a person to write.

How candidates are found and ranked (documented, deterministic):

1. For every theme, every attraction with that theme seeds a chain: a nearest-neighbour walk over
   the theme's other attractions (estimated minutes as in
   :func:`~destinations.narratives.builtin.order_geographically`), taking the nearest next place
   as long as the leg is at most :data:`LEG_LIMIT_MINUTES` and the chain is shorter than
   ``max_places``.
2. A chain is kept when it has at least ``min_places`` places in at least two companies (places in
   municipalities with no company count as places but not as companies).
3. Score = companies joined + 0.5 x company pairs that share no story yet (under ``stories``, by
   default the built-ins) + 2 x the share of legs a guest can drive within an hour
   (:data:`EASY_LEG_MINUTES`). So a chain that brings new partners together and stays reachable
   ranks first.
4. Identical place sets are kept once; at most ``per_theme`` suggestions per theme, best first.

Travel minutes are the travel graph's estimates (straight-line x 1.3 at 70 km/h plus published
crossing times); the suggestion carries them so that a person can judge the route.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import Any, Iterable, Mapping

from destinations.data.graph import road_minutes
from destinations.model import Attraction
from destinations.narratives.builtin import builtin_narratives
from destinations.narratives.coherence import story_coherence, today_assignment
from destinations.narratives.model import LocalText, Step, Story, slug
from destinations.narratives.places import haversine_km
from destinations.narratives.templates import TravelTimes, draft_story_facts

#: Longest leg between two consecutive places of a suggestion (estimated minutes).
LEG_LIMIT_MINUTES = 120.0
#: A leg a guest drives easily between two visits (estimated minutes).
EASY_LEG_MINUTES = 60.0

#: Theme tags of the attraction data in words (en, da); an unknown tag is shown as it is.
THEME_NAMES: dict[str, tuple[str, str]] = {
    "art": ("Art", "Kunst"),
    "cycling": ("Cycling", "Cykling"),
    "design-architecture": ("Design and architecture", "Design og arkitektur"),
    "energy": ("Energy", "Energi"),
    "family": ("Family days out", "Familieudflugter"),
    "food": ("Food", "Mad"),
    "hans-christian-andersen": ("H.C. Andersen", "H.C. Andersen"),
    "maritime": ("The sea and the harbours", "Havet og havnene"),
    "nature": ("Nature", "Natur"),
    "north-sea-coast": ("The North Sea coast", "Vesterhavskysten"),
    "robots-technology": ("Technology", "Teknologi"),
    "royal": ("Royal Denmark", "Det kongelige Danmark"),
    "viking": ("The Viking Age", "Vikingetiden"),
    "wadden-sea": ("The Wadden Sea", "Vadehavet"),
    "ww2-history": ("The Second World War", "Anden Verdenskrig"),
}


@dataclass(frozen=True)
class Suggestion:
    """A candidate story: a theme, places in travel order, the companies they join, and why."""

    theme: str
    title: LocalText
    places: tuple[str, ...]  # attraction ids in travel order
    companies: tuple[str, ...]  # company keys, in order of first appearance on the route
    new_pairs: tuple[tuple[str, str], ...]  # company pairs that share no story yet
    leg_minutes: tuple[float, ...]  # estimated minutes of each leg
    reachable_share: float  # share of legs of at most EASY_LEG_MINUTES
    score: float

    def to_dict(self, labels: Mapping[str, str] | None = None) -> dict[str, Any]:
        """JSON-ready; ``labels`` turns company keys into names."""
        labels = labels or {}
        return {
            "theme": self.theme,
            "title": self.title.en,
            "title_da": self.title.da,
            "places": list(self.places),
            "companies": [labels.get(c, c) for c in self.companies],
            "new_pairs": [[labels.get(a, a), labels.get(b, b)] for a, b in self.new_pairs],
            "leg_minutes": [round(m) for m in self.leg_minutes],
            "reachable_share": round(self.reachable_share, 3),
            "score": round(self.score, 3),
        }


def theme_name(theme: str, lang: str = "en") -> str:
    en, da = THEME_NAMES.get(theme, (theme, theme))
    return da if lang == "da" else en


def shared_pairs(stories: Iterable[Story], base: Any, assignment: Mapping[str, str | None]
                 ) -> set[tuple[str, str]]:
    """Company pairs (sorted) that already share at least one of ``stories``."""
    pairs: set[tuple[str, str]] = set()
    for story in stories:
        companies = sorted(set(story_coherence(story, base, assignment).companies))
        pairs.update(combinations(companies, 2))
    return pairs


def _minutes(a: Attraction, b: Attraction, travel: TravelTimes) -> float:
    if a.kommune_code == b.kommune_code:
        return road_minutes(haversine_km((a.lat, a.lon), (b.lat, b.lon)) * 1000.0)
    minutes = travel.leg(a.kommune_code, b.kommune_code).minutes
    return float("inf") if minutes is None else minutes


def _chain(seed: Attraction, pool: list[Attraction], travel: TravelTimes, *, max_places: int,
           leg_limit: float) -> tuple[list[Attraction], list[float]]:
    chain, legs = [seed], []
    remaining = {a.id: a for a in pool if a.id != seed.id}
    while remaining and len(chain) < max_places:
        here = chain[-1]
        nearest = min(remaining.values(), key=lambda a: (_minutes(here, a, travel), a.id))
        minutes = _minutes(here, nearest, travel)
        if minutes > leg_limit:
            break
        chain.append(remaining.pop(nearest.id))
        legs.append(minutes)
    return chain, legs


def suggest_stories(base: Any, *, assignment: Mapping[str, str | None] | None = None,
                    stories: Iterable[Story] | None = None, themes: Iterable[str] | None = None,
                    min_places: int = 3, max_places: int = 6,
                    leg_limit: float = LEG_LIMIT_MINUTES, per_theme: int = 2,
                    limit: int = 12) -> list[Suggestion]:
    """Candidate cross-border stories, best first (see the module docstring).

    Parameters
    ----------
    base
        Loaded base data.
    assignment
        Scenario (kommune code -> company or None); default today's companies.
    stories
        Stories that exist already (their company pairs are not "new"); default the built-ins.
    themes
        Theme tags to consider; default every tag of the attraction data.
    min_places, max_places
        Size of a suggestion.
    leg_limit
        Longest leg between consecutive places (estimated minutes).
    per_theme, limit
        At most ``per_theme`` suggestions per theme, ``limit`` in all.
    """
    assignment = dict(assignment if assignment is not None else today_assignment(base))
    existing = shared_pairs(builtin_narratives(base) if stories is None else stories, base,
                            assignment)
    travel = TravelTimes(base.graph)
    tags = sorted({t for a in base.attractions for t in a.themes} if themes is None else set(themes))
    found: dict[frozenset[str], Suggestion] = {}
    for tag in tags:
        pool = sorted((a for a in base.attractions if tag in a.themes), key=lambda a: a.id)
        for seed in pool:
            chain, legs = _chain(seed, pool, travel, max_places=max_places, leg_limit=leg_limit)
            if len(chain) < min_places:
                continue
            companies = tuple(dict.fromkeys(c for c in (assignment.get(a.kommune_code)
                                                        for a in chain) if c))
            if len(companies) < 2:
                continue
            key = frozenset(a.id for a in chain)
            pairs = tuple(p for p in combinations(sorted(companies), 2) if p not in existing)
            easy = sum(m <= EASY_LEG_MINUTES for m in legs) / len(legs)
            score = len(companies) + 0.5 * len(pairs) + 2.0 * easy
            first, last = chain[0].name, chain[-1].name
            title = LocalText(f"{theme_name(tag, 'en')}: from {first} to {last}",
                              f"{theme_name(tag, 'da')}: fra {first} til {last}")
            candidate = Suggestion(theme=tag, title=title, places=tuple(a.id for a in chain),
                                   companies=companies, new_pairs=pairs, leg_minutes=tuple(legs),
                                   reachable_share=easy, score=score)
            best = found.get(key)
            if best is None or (candidate.score, best.places) > (best.score, candidate.places):
                found[key] = candidate
    ranked = sorted(found.values(), key=lambda s: (-s.score, s.theme, s.places))
    out: list[Suggestion] = []
    per: dict[str, int] = {}
    for suggestion in ranked:
        if per.get(suggestion.theme, 0) >= per_theme:
            continue
        per[suggestion.theme] = per.get(suggestion.theme, 0) + 1
        out.append(suggestion)
        if len(out) >= limit:
            break
    return out


def suggestion_story(suggestion: Suggestion, base: Any, *, story_id: str | None = None) -> Story:
    """A user draft of the suggestion: one step per place, facts boxes drawn from the data, empty
    prose and introduction (for a person to write)."""

    steps = tuple(Step(id=ident, title=LocalText.same(base.attraction_by_id[ident].name),
                       body=LocalText("", ""), attractions=(ident,)) for ident in suggestion.places)
    story = Story(id=story_id or slug(suggestion.title.en, fallback="suggestion"),
                  theme=slug(suggestion.theme, fallback="custom"), title=suggestion.title,
                  steps=steps, origin="user")
    return draft_story_facts(story, base)
