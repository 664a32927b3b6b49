"""The facts box of a step, in English and Danish, written from the data only.

The facts box sits beside a step's prose and holds what the prose should not: one line per fact.
Each line states one field of the attraction data (name, category, municipality; visitors with year
and the source's own words; open months; whether the position is approximate), a fact the prose uses
with its source (``cited``), or a computed distance from the previous step: the great-circle
distance and the travel graph's estimated minutes between the two municipalities (see
:mod:`destinations.data.graph`; labelled "estimated"). Where a field is empty the line says so
("visitor numbers not published in the sources used", "season not stated"): a gap stays a gap.

Because the lines are drawn from the data when a story is built, the facts follow corrections of the
data; the prose (written by people) does not change with them. :data:`DATA_NOTE_PHRASES` lists the
wordings of data notes, which belong here and never in the prose.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import networkx as nx

from destinations.model import Attraction
from destinations.narratives.model import LocalText, Step, Story
from destinations.narratives.places import haversine_km, step_anchor, step_codes

MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
    "da": ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
           "oktober", "november", "december"),
}

CATEGORY_DA = {
    "amusement park": "forlystelsespark",
    "beach/coast": "strand/kyst",
    "castle/palace": "slot",
    "city district": "bydel",
    "event venue": "spillested/arena",
    "heritage site": "kulturarv",
    "museum": "museum",
    "nature/landscape": "natur/landskab",
    "zoo/aquarium": "zoo/akvarium",
}

PHRASES = {
    "en": {
        "in": "{category} in {municipality} Municipality.",
        "visitors": "Visitors: {count} in {year} (source: {source}).",
        "visitors_no_year": "Visitors: {count}, year not stated (source: {source}).",
        "no_visitors": "Visitors: not published in the sources used.",
        "all_year": "Open all year.",
        "open": "Open {months}.",
        "no_season": "Season not stated.",
        "approx": "Map position approximate.",
        "municipality": "{name} Municipality.",
        "from_prev": "From the previous step: {km} in a straight line",
        "same_muni": ", in the same municipality.",
        "by_road": "; about {minutes} minutes {mode} between the municipalities (estimated from the "
                   "travel graph).",
        "road": "by road",
        "ferry": "by road and ferry",
        "no_route": "; no route in the travel graph.",
        "and": "and",
    },
    "da": {
        "in": "{category} i {municipality} Kommune.",
        "visitors": "Besøgstal: {count} i {year} (kilde: {source}).",
        "visitors_no_year": "Besøgstal: {count}, år ikke oplyst (kilde: {source}).",
        "no_visitors": "Besøgstal: ikke offentliggjort i de anvendte kilder.",
        "all_year": "Åbent hele året.",
        "open": "Åbent {months}.",
        "no_season": "Sæson ikke oplyst.",
        "approx": "Placeringen på kortet er omtrentlig.",
        "municipality": "{name} Kommune.",
        "from_prev": "Fra forrige trin: {km} i luftlinje",
        "same_muni": ", i samme kommune.",
        "by_road": "; ca. {minutes} minutter {mode} mellem kommunerne (anslået ud fra "
                   "rejsegrafen).",
        "road": "i bil",
        "ferry": "i bil og med færge",
        "no_route": "; ingen rute i rejsegrafen.",
        "and": "og",
    },
}


def format_int(value: int, lang: str) -> str:
    """4031000 -> '4,031,000' (en) or '4.031.000' (da)."""
    text = f"{value:,}"
    return text.replace(",", ".") if lang == "da" else text


def format_km(km: float, lang: str) -> str:
    """Whole km from 10 km up, one decimal below (Danish decimal comma)."""
    text = f"{km:.0f}" if km >= 10 else f"{km:.1f}"
    return (text.replace(".", ",") if lang == "da" else text) + " km"


def visitors_source(source: str) -> str | None:
    """The visitor-number part of an attraction's ``source`` text, in the source's own words.

    The attraction data writes e.g. ``"visitors: VisitDenmark attraction list 2019 (...); coords:
    ..."``; the part after ``visitors:`` runs to the first ``;`` outside parentheses.
    """
    start = source.find("visitors:")
    if start < 0:
        return None
    text = source[start + len("visitors:"):]
    depth = 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char == ";" and depth == 0:
            text = text[:index]
            break
    return text.strip() or None


def months_text(months: tuple[int, ...], lang: str) -> str:
    """Open months as sentences: runs of consecutive months (wrapping over the new year)."""
    phrases = PHRASES[lang]
    if not months:
        return phrases["no_season"]
    if len(set(months)) == 12:
        return phrases["all_year"]
    names = MONTHS[lang]
    present = sorted(set(months))
    # Start the walk just after a closed month so a run over the new year stays in one piece.
    start = next(m for m in range(1, 13) if m not in present) % 12 + 1
    order = [(start - 1 + k) % 12 + 1 for k in range(12)]
    runs: list[list[int]] = []
    for month in order:
        if month in present:
            if runs and runs[-1][-1] % 12 + 1 == month:
                runs[-1].append(month)
            else:
                runs.append([month])
    parts = [names[r[0] - 1] if len(r) == 1 else f"{names[r[0] - 1]}–{names[r[-1] - 1]}"
             for r in runs]
    joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + f" {phrases['and']} " + parts[-1]
    return phrases["open"].format(months=joined)


@dataclass(frozen=True)
class Leg:
    """Travel between two municipalities on the travel graph."""

    minutes: float | None  # None: no route
    ferry: bool  # the fastest route uses a ferry edge


class TravelTimes:
    """Shortest travel minutes between municipalities, computed per source on demand and cached."""

    def __init__(self, graph: nx.Graph) -> None:
        self._graph = graph
        self._cache: dict[str, tuple[dict[str, float], dict[str, list[str]]]] = {}

    def leg(self, a: str, b: str) -> Leg:
        if a == b:
            return Leg(0.0, False)
        if a not in self._graph or b not in self._graph:
            return Leg(None, False)
        if a not in self._cache:
            self._cache[a] = nx.single_source_dijkstra(self._graph, a, weight="minutes")
        distances, paths = self._cache[a]
        if b not in distances:
            return Leg(None, False)
        path = paths[b]
        ferry = any(self._graph.edges[u, v]["kind"] == "ferry" for u, v in zip(path, path[1:]))
        return Leg(float(distances[b]), ferry)


def attraction_text(attraction: Attraction, base: Any, lang: str) -> str:
    """Lines stating the attraction's data fields (one per line)."""
    phrases = PHRASES[lang]
    category = CATEGORY_DA.get(attraction.category, attraction.category) if lang == "da" else (
        attraction.category)
    sentences = [f"{attraction.name}: " + phrases["in"].format(
        category=category, municipality=base.municipality_name(attraction.kommune_code))]
    source = visitors_source(attraction.source) or attraction.source
    if attraction.visitors is not None:
        key = "visitors" if attraction.visitors_year is not None else "visitors_no_year"
        sentences.append(phrases[key].format(count=format_int(attraction.visitors, lang),
                                             year=attraction.visitors_year, source=source))
    else:
        sentences.append(phrases["no_visitors"])
    sentences.append(months_text(attraction.open_months, lang))
    if attraction.coords_approx:
        sentences.append(phrases["approx"])
    return "\n".join(sentences)


def leg_text(step: Step, previous: Step, base: Any, travel: TravelTimes, lang: str) -> str | None:
    """Distance and estimated travel time from the previous step (None if either has no place)."""
    here, there = step_anchor(step, base), step_anchor(previous, base)
    if here is None or there is None:
        return None
    phrases = PHRASES[lang]
    text = phrases["from_prev"].format(km=format_km(haversine_km(there, here), lang))
    codes_here, codes_there = step_codes(step, base), step_codes(previous, base)
    if set(codes_here) & set(codes_there) and len(codes_here) == len(codes_there) == 1:
        return text + phrases["same_muni"]
    leg = travel.leg(codes_there[0], codes_here[0])
    if leg.minutes is None:
        return text + phrases["no_route"]
    minutes = max(5, int(round(leg.minutes / 5.0) * 5))
    return text + phrases["by_road"].format(minutes=minutes,
                                            mode=phrases["ferry" if leg.ferry else "road"])


#: Wordings of data notes (gaps, approximations, estimates): they belong in the facts box and never
#: in a step's prose (checked by the tests of the built-in stories).
DATA_NOTE_PHRASES = (
    "not published", "not stated", "not verified", "approximate", "sources used", "travel graph",
    "season unknown", "ikke offentliggjort", "ikke oplyst", "ikke verificeret", "omtrentlig",
    "anvendte kilder", "rejsegrafen", "sæson ukendt",
)


def draft_step_facts(step: Step, base: Any, *, previous: Step | None = None,
                     travel: TravelTimes | None = None,
                     cited: tuple[LocalText, ...] = ()) -> LocalText:
    """The facts box of ``step`` in both languages: one fact per line (see the module docstring).

    Parameters
    ----------
    step
        The step; its attractions and municipalities must exist in ``base``.
    base
        Loaded base data.
    previous
        The step before it, for the distance line (None for the first step).
    travel
        A shared :class:`TravelTimes` to reuse shortest-path results across steps.
    cited
        Facts the step's prose uses, each with its source; listed after the data lines.
    """
    travel = travel or TravelTimes(base.graph)
    texts: dict[str, str] = {}
    for lang in ("en", "da"):
        lines: list[str] = []
        for ident in step.attractions:
            attraction = base.attraction_by_id.get(ident)
            if attraction is not None:
                lines += attraction_lines(attraction, base, lang)
        for code in step.municipalities:
            if code in base.municipalities.index:
                lines.append(PHRASES[lang]["municipality"].format(name=base.municipality_name(code)))
        lines += [fact.get(lang) for fact in cited]
        if previous is not None:
            leg = leg_text(step, previous, base, travel, lang)
            if leg:
                lines.append(leg)
        texts[lang] = "\n".join(lines)
    return LocalText(en=texts["en"], da=texts["da"])


def attraction_lines(attraction: Attraction, base: Any, lang: str) -> list[str]:
    """The data lines of one attraction (identity, visitors, season, approximate position)."""
    return attraction_text(attraction, base, lang).split("\n")


def draft_story_facts(story: Story, base: Any, *, travel: TravelTimes | None = None) -> Story:
    """A copy of ``story`` whose every facts box is drawn afresh from the data (prose untouched)."""
    travel = travel or TravelTimes(base.graph)
    steps: list[Step] = []
    previous: Step | None = None
    for step in story.steps:
        steps.append(replace(step, facts=draft_step_facts(step, base, previous=previous,
                                                          travel=travel)))
        previous = step
    return replace(story, steps=tuple(steps))
