"""Narrative coherence: how a scenario's company borders split each story.

A *scenario* here is a plain mapping ``kommune code -> company`` (a company id or name; ``None`` for a
municipality in no company). A story's *places* are its attractions (each once) plus the extra
municipalities its steps name that none of its attractions already covers.

Weights (documented choice): visitor numbers are published for few attractions (2 of the 12 Viking
places), and a place without a number is not a place without guests. Weighting by visitors where
most numbers are missing would give a company whose places are all unpublished a share of almost 0 %
(Destination Fjordlandet, home of the Viking Ship Museum, got 0.0 %). So:

* **visitor weighting** only when published counts cover at least :data:`VISITOR_COVERAGE_MIN` of
  the story's places (municipality-only places count as places without a number); a place without
  a number then weighs the *median* of the published ones (neither 0 nor a guess above the rest);
* otherwise **equal weights**: every place weighs 1.

:class:`StoryCoherence` says which was used (``weighting``, ``visitor_coverage``) and
:func:`weighting_note` says it in words; :func:`company_parts` names each company's part in plain
words ("Destination Fjordlandet holds 3 of 12 steps, including Vikingeskibsmuseet"). Companies are
counted by presence, not by weight: a company with one small place still has to cooperate.

Effective splits (Wang et al., rdapy ``effective_splits``; field notes §3a): ``ES = 1/Σ_d s_d² − 1``
where ``s_d`` is the share of the story's weight in bucket ``d``; 0 means the story lies in one
company, a 90/10 split gives ≈ 0.22, an even split over *k* buckets gives *k − 1*. Unaffiliated
municipalities form one bucket of their own ("unaffiliated"); it counts as a split (a tourist
crosses a border into no company's care), but it is never listed as a company that must cooperate.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any, Iterable, Mapping

import pandas as pd

from destinations.errors import ScenarioError
from destinations.i18n import N_, gettext
from destinations.narratives.model import Story

#: Key of the bucket for municipalities in no company (never a company name).
UNAFFILIATED = None
#: Share of a story's places that need a published visitor count before shares weigh visitors.
VISITOR_COVERAGE_MIN = 0.75
WEIGHTING_VISITORS = "visitors"
WEIGHTING_EQUAL = "equal"


def effective_splits(weights: Iterable[float]) -> float:
    """``1/Σ s² − 1`` over the shares of the (non-negative) ``weights``; NaN when they sum to 0."""
    values = [float(w) for w in weights]
    if any(w < 0 for w in values):
        raise ValueError("weights must be non-negative")
    total = sum(values)
    if total <= 0:
        return float("nan")
    return 1.0 / sum((w / total) ** 2 for w in values) - 1.0


@dataclass(frozen=True)
class StoryPlace:
    """A place of a story with its weight and the bucket (company) it falls in."""

    kind: str  # "attraction" | "municipality"
    id: str
    code: str
    weight: float  # under the story's weighting (see the module docstring)
    visitors_known: bool
    company: str | None  # None: unaffiliated
    steps: tuple[str, ...]  # step ids naming the place
    visitors: int | None = None  # published annual visitors, None where not published
    name: str = ""


@dataclass(frozen=True)
class StoryCoherence:
    """How one scenario splits one story.

    Attributes
    ----------
    shares
        ``(company or None, share)`` under ``weighting``, largest first, then name.
    effective_splits
        ES over ``shares`` (i.e. under ``weighting``).
    effective_splits_equal
        ES with every place weighing 1.
    weighting
        :data:`WEIGHTING_VISITORS` or :data:`WEIGHTING_EQUAL` (see the module docstring).
    visitor_coverage
        Share of the places with a published visitor count (0..1).
    effective_splits_visitors
        ES under visitor weighting (median for the places without a count) whatever ``weighting``
        is, for comparison; NaN when no place has a count.
    companies
        Companies the story spans (presence, any weight), in ``shares`` order; no unaffiliated.
    must_cooperate
        The same companies when there are two or more, else empty.
    unaffiliated_codes
        Municipalities of the story in no company.
    step_companies
        ``(step id, companies of its places)``; None stands for unaffiliated.
    """

    story_id: str
    places: tuple[StoryPlace, ...]
    shares: tuple[tuple[str | None, float], ...]
    effective_splits: float
    effective_splits_equal: float
    companies: tuple[str, ...]
    must_cooperate: tuple[str, ...]
    unaffiliated_codes: tuple[str, ...]
    step_companies: tuple[tuple[str, tuple[str | None, ...]], ...]
    weighting: str = WEIGHTING_EQUAL
    visitor_coverage: float = 0.0
    effective_splits_visitors: float = float("nan")

    @property
    def places_with_visitors(self) -> int:
        return sum(p.visitors_known for p in self.places)

    @property
    def unaffiliated_share(self) -> float:
        return dict(self.shares).get(UNAFFILIATED, 0.0)

    def to_dict(self, labels: Mapping[str, str] | None = None) -> dict[str, Any]:
        """JSON-ready; ``labels`` maps company keys to display names (e.g. id -> name)."""
        labels = labels or {}

        def name(key: str | None) -> str | None:
            return None if key is None else labels.get(key, key)

        return {
            "story_id": self.story_id,
            "places": len(self.places),
            "places_with_visitors": self.places_with_visitors,
            "weighting": self.weighting,
            "visitor_coverage": round(self.visitor_coverage, 6),
            "effective_splits": _finite(self.effective_splits),
            "effective_splits_equal": _finite(self.effective_splits_equal),
            "effective_splits_visitors": _finite(self.effective_splits_visitors),
            "companies": [name(c) for c in self.companies],
            "must_cooperate": [name(c) for c in self.must_cooperate],
            "shares": [{"company": name(c), "unaffiliated": c is None, "share": round(s, 6)}
                       for c, s in self.shares],
            "unaffiliated_codes": list(self.unaffiliated_codes),
        }


def _finite(value: float) -> float | None:
    return None if math.isnan(value) else round(value, 6)


def _company_of(assignment: Mapping[str, str | None], code: str, story_id: str) -> str | None:
    if code not in assignment:
        raise ScenarioError(f"story {story_id!r}: municipality {code} is not in the scenario; a "
                            "scenario must assign every municipality (None for no company). Fix: "
                            "pass a complete assignment, e.g. destinations.narratives."
                            "today_assignment(base)")
    company = assignment[code]
    if company is None or (isinstance(company, float) and math.isnan(company)) or company == "":
        return UNAFFILIATED
    return str(company)


def story_places(story: Story, base: Any, assignment: Mapping[str, str | None]) -> tuple[
        StoryPlace, ...]:
    """The story's places under ``assignment``, weighted as the module docstring says."""
    places = _raw_places(story, base, assignment)
    weighting, _coverage = choose_weighting(places)
    return _weighted(places, weighting)


def _raw_places(story: Story, base: Any, assignment: Mapping[str, str | None]
                ) -> tuple[StoryPlace, ...]:
    """Every place once (weight 1), attractions first, in step order."""
    by_id = base.attraction_by_id
    attractions: dict[str, list[str]] = {}
    municipalities: dict[str, list[str]] = {}
    for step in story.steps:
        for ident in step.attractions:
            if ident in by_id:
                attractions.setdefault(ident, []).append(step.id)
        for code in step.municipalities:
            municipalities.setdefault(code, []).append(step.id)
    places: list[StoryPlace] = []
    covered: set[str] = set()
    for ident, steps in attractions.items():
        attraction = by_id[ident]
        known = attraction.visitors is not None and attraction.visitors > 0
        covered.add(attraction.kommune_code)
        places.append(StoryPlace("attraction", ident, attraction.kommune_code, 1.0, known,
                                 _company_of(assignment, attraction.kommune_code, story.id),
                                 tuple(steps), attraction.visitors if known else None,
                                 attraction.name))
    names = getattr(base, "municipality_name", None)
    for code, steps in municipalities.items():
        if code in covered:
            continue
        places.append(StoryPlace("municipality", code, code, 1.0, False,
                                 _company_of(assignment, code, story.id), tuple(steps), None,
                                 names(code) if callable(names) else code))
    return tuple(places)


def choose_weighting(places: Iterable[StoryPlace]) -> tuple[str, float]:
    """``(weighting, visitor coverage)`` for the places (see the module docstring)."""
    items = list(places)
    if not items:
        return WEIGHTING_EQUAL, 0.0
    coverage = sum(p.visitors_known for p in items) / len(items)
    weighting = WEIGHTING_VISITORS if coverage >= VISITOR_COVERAGE_MIN else WEIGHTING_EQUAL
    return weighting, coverage


def median_visitors(places: Iterable[StoryPlace]) -> float | None:
    """Median of the published visitor counts among ``places`` (None when there is none)."""
    counts = sorted(float(p.visitors) for p in places if p.visitors_known and p.visitors)
    if not counts:
        return None
    middle = len(counts) // 2
    return counts[middle] if len(counts) % 2 else (counts[middle - 1] + counts[middle]) / 2


def _weighted(places: tuple[StoryPlace, ...], weighting: str) -> tuple[StoryPlace, ...]:
    if weighting == WEIGHTING_EQUAL:
        return tuple(replace(p, weight=1.0) for p in places)
    median = median_visitors(places)
    if median is None:
        return tuple(replace(p, weight=1.0) for p in places)
    return tuple(replace(p, weight=float(p.visitors) if p.visitors_known and p.visitors else median)
                 for p in places)


def _bucket_weights(places: Iterable[StoryPlace]) -> dict[str | None, float]:
    weights: dict[str | None, float] = {}
    for place in places:
        weights[place.company] = weights.get(place.company, 0.0) + place.weight
    return weights


def _sort_key(item: tuple[str | None, float]) -> tuple[float, int, str]:
    company, share = item
    return (-share, company is None, company or "")


def story_coherence(story: Story, base: Any, assignment: Mapping[str, str | None]
                    ) -> StoryCoherence:
    """Effective splits, companies spanned and who must cooperate, for one story and scenario."""
    raw = _raw_places(story, base, as_assignment(assignment))
    weighting, coverage = choose_weighting(raw)
    places = _weighted(raw, weighting)
    weights = _bucket_weights(places)
    counts = _bucket_weights(_weighted(raw, WEIGHTING_EQUAL))
    visitor_weights = _bucket_weights(_weighted(raw, WEIGHTING_VISITORS))
    total = sum(weights.values())
    shares = tuple(sorted(((c, w / total) for c, w in weights.items()), key=_sort_key)) if total else ()
    companies = tuple(c for c, _ in shares if c is not None)
    step_companies = []
    for step in story.steps:
        buckets: dict[str | None, None] = {}
        for place in places:
            if step.id in place.steps:
                buckets.setdefault(place.company, None)
        step_companies.append((step.id, tuple(buckets)))
    unaffiliated = tuple(sorted({p.code for p in places if p.company is None}))
    return StoryCoherence(
        story_id=story.id,
        places=places,
        shares=shares,
        effective_splits=effective_splits(weights.values()),
        effective_splits_equal=effective_splits(counts.values()),
        companies=companies,
        must_cooperate=companies if len(companies) >= 2 else (),
        unaffiliated_codes=unaffiliated,
        step_companies=tuple(step_companies),
        weighting=weighting,
        visitor_coverage=coverage,
        effective_splits_visitors=(effective_splits(visitor_weights.values())
                                   if median_visitors(raw) is not None else float("nan")),
    )


_WORDS = {
    "equal": N_("Shares give every place the same weight: only {known} of {total} places have a published "
                "visitor count, and weighting by visitors needs at least {need} %."),
    "visitors": N_("Shares are weighted by published annual visitors: {known} of {total} places have a "
                   "count{rest}."),
    "rest": N_("; the others weigh the median count, {median}"),
    "part": N_("{company} holds {n} of {total} steps, including {place}."),
    "part_one": N_("{company} holds {n} of {total} steps: {place}."),
    "none": N_("{n} of {total} steps lie in no destination company, including {place}."),
    "none_one": N_("{n} of {total} steps lie in no destination company: {place}."),
}


def _int_text(value: float, lang: str) -> str:
    text = f"{round(value):,}"
    return text.replace(",", ".") if lang == "da" else text


def weighting_note(coherence: StoryCoherence, lang: str = "en") -> str:
    """Which weighting the shares use and why, in one sentence (``lang`` "en" or "da")."""
    words = {key: gettext(text, lang) for key, text in _WORDS.items()}
    known = sum(p.visitors_known for p in coherence.places)
    total = len(coherence.places)
    if coherence.weighting == WEIGHTING_EQUAL:
        return words["equal"].format(known=known, total=total,
                                     need=round(VISITOR_COVERAGE_MIN * 100))
    median = median_visitors(coherence.places)
    rest = words["rest"].format(median=_int_text(median, lang)) if known < total and median else ""
    return words["visitors"].format(known=known, total=total, rest=rest)


def company_parts(coherence: StoryCoherence, story: Story, labels: Mapping[str, str] | None = None,
                  *, lang: str = "en") -> list[tuple[str | None, str]]:
    """``(company key, sentence)`` per company (and the unaffiliated group), in ``shares`` order:
    "Destination Fjordlandet holds 3 of 12 steps, including Vikingeskibsmuseet." The place named is
    the company's most visited one with a published count, else its first in step order."""
    words = {key: gettext(text, lang) for key, text in _WORDS.items()}
    labels = labels or {}
    order = {step.id: n for n, step in enumerate(story.steps)}
    total = len(story.steps)
    out = []
    for company, _share in coherence.shares:
        places = [p for p in coherence.places if p.company == company]
        steps = {s for p in places for s in p.steps}
        name = "" if company is None else labels.get(company, company)
        # Name the company's most visited place with a published count, else its first one.
        first = min(places, key=lambda p: (-(p.visitors or 0),
                                           min(order.get(s, total) for s in p.steps)))
        key = ("none" if company is None else "part") + ("_one" if len(places) == 1 else "")
        out.append((company, words[key].format(company=name, n=len(steps), total=total,
                                               place=first.name or first.id)))
    return out


@dataclass(frozen=True)
class CooperationMatrix:
    """Company × company: how many stories both take part in (diagonal: stories per company).

    Unaffiliated municipalities are not a company and have no row.
    """

    companies: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]
    stories: Mapping[tuple[str, str], tuple[str, ...]]  # (a, b) with a <= b -> story ids

    def count(self, a: str, b: str) -> int:
        i, j = self.companies.index(a), self.companies.index(b)
        return self.counts[i][j]

    def shared_stories(self, a: str, b: str) -> tuple[str, ...]:
        return self.stories.get((min(a, b), max(a, b)), ())

    def to_frame(self, labels: Mapping[str, str] | None = None) -> pd.DataFrame:
        labels = labels or {}
        names = [labels.get(c, c) for c in self.companies]
        return pd.DataFrame(list(self.counts), index=names, columns=names)

    def to_records(self, labels: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
        """Long form for charts: one row per ordered pair."""
        labels = labels or {}
        return [{"company_a": labels.get(a, a), "company_b": labels.get(b, b),
                 "stories": self.counts[i][j],
                 "story_ids": list(self.shared_stories(a, b))}
                for i, a in enumerate(self.companies) for j, b in enumerate(self.companies)]

    def to_dict(self, labels: Mapping[str, str] | None = None) -> dict[str, Any]:
        labels = labels or {}
        return {"companies": [labels.get(c, c) for c in self.companies],
                "counts": [list(row) for row in self.counts]}


def cooperation_matrix(coherences: Iterable[StoryCoherence]) -> CooperationMatrix:
    """Count, for every pair of companies, the stories that span both."""
    items = list(coherences)
    companies = tuple(sorted({c for item in items for c in item.companies}))
    index = {c: i for i, c in enumerate(companies)}
    counts = [[0] * len(companies) for _ in companies]
    stories: dict[tuple[str, str], list[str]] = {}
    for item in items:
        spanned = sorted(set(item.companies))
        for k, a in enumerate(spanned):
            for b in spanned[k:]:
                counts[index[a]][index[b]] += 1
                if a != b:
                    counts[index[b]][index[a]] += 1
                stories.setdefault((a, b), []).append(item.story_id)
    return CooperationMatrix(companies=companies, counts=tuple(tuple(r) for r in counts),
                             stories={k: tuple(v) for k, v in stories.items()})


def today_assignment(base: Any) -> dict[str, str | None]:
    """Today's scenario: kommune code -> company id (None: no company).

    Uses ``base.today_assignment`` when the base provides it, else ``base.memberships``.
    """
    provided = getattr(base, "today_assignment", None)
    if isinstance(provided, Mapping):
        return dict(provided)
    by_name = {c.name: c.id for c in base.companies}
    out: dict[str, str | None] = {}
    for code, company in zip(base.memberships["code"], base.memberships["company"]):
        missing = company is None or (isinstance(company, float) and math.isnan(company))
        out[str(code)] = None if missing else by_name.get(str(company), str(company))
    return out


def company_labels(base: Any) -> dict[str, str]:
    """Company id -> display name (today's companies), for turning assignment keys into names."""
    return {c.id: c.name for c in base.companies}


def as_assignment(scenario: Any) -> Mapping[str, str | None]:
    """A plain mapping from a mapping or from an object with an ``assignment`` mapping
    (e.g. :class:`destinations.scenarios.scenario.Scenario`)."""
    if isinstance(scenario, Mapping):
        return scenario
    assignment = getattr(scenario, "assignment", None)
    if isinstance(assignment, Mapping):
        return assignment
    raise ScenarioError(f"expected a mapping code -> company or a Scenario, got "
                        f"{type(scenario).__name__}. Fix: pass scenario.assignment")
