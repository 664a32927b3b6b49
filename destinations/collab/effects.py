"""What a proposal would do, in the figures everyone already reads: the metrics table before and
after (:mod:`destinations.scenarios.metrics`) and how stories split
(:mod:`destinations.narratives.coherence`).

:func:`proposal_effect` is pure: give it the plan before and after, the evaluation context and the
stories (built-in and saved) with the base data they need.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from destinations.collab.proposals import Change, floor_problems, structural_problems
from destinations.errors import ScenarioError
from destinations.scenarios.metrics import Evaluation, evaluate
from destinations.scenarios.scenario import Scenario

#: Company figures shown for the touched companies (keys of the metrics table).
COMPANY_KEYS = ("members", "overnights", "below_floor", "contiguity_components",
                "border_flow_share", "has_lighthouse", "seasonality_gini")
#: Plan figures shown for the whole plan.
PLAN_KEYS = ("flow_cut_share", "balance_gini", "floor_violation_count", "noncontiguous_count",
             "narrative_es_mean", "narrative_split_themes", "companies", "unaffiliated")


@dataclass(frozen=True)
class Row:
    """One figure before and after (``None``: the company does not exist on that side)."""

    key: str
    company: str | None  # None: a plan figure
    before: object
    after: object

    @property
    def delta(self) -> float | None:
        if isinstance(self.before, bool) or isinstance(self.after, bool):
            return None
        try:
            value = float(self.after) - float(self.before)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return None
        return value if math.isfinite(value) else None

    @property
    def changed(self) -> bool:
        return _plain(self.before) != _plain(self.after)

    def to_dict(self) -> dict:
        return {"key": self.key, "company": self.company, "before": _plain(self.before),
                "after": _plain(self.after), "delta": self.delta}


@dataclass(frozen=True)
class StorySplit:
    story_id: str
    title: str
    before: float
    after: float

    def to_dict(self) -> dict:
        return {"story": self.story_id, "title": self.title, "before": _plain(self.before),
                "after": _plain(self.after)}


@dataclass(frozen=True)
class Effect:
    """A proposal's effect: rows for the touched companies and the plan, story splits that change,
    the municipalities that move (``moved``: code -> (from, to) company ids) and the rules broken."""

    before: Scenario
    after: Scenario | None
    companies: tuple[Row, ...]
    plan: tuple[Row, ...]
    stories: tuple[StorySplit, ...]
    moved: Mapping[str, tuple[str | None, str | None]]
    problems: tuple[str, ...]
    after_evaluation: Evaluation | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict:
        return {"companies": [r.to_dict() for r in self.companies],
                "plan": [r.to_dict() for r in self.plan],
                "stories": [s.to_dict() for s in self.stories],
                "moved": {c: list(pair) for c, pair in self.moved.items()},
                "problems": list(self.problems)}


def _plain(value: object) -> object:
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        return value.item()  # numpy scalars
    return value


def moved_codes(before: Scenario, after: Scenario) -> dict[str, tuple[str | None, str | None]]:
    old, new = before.assignment, after.assignment
    return {code: (old[code], new.get(code)) for code in before.codes if old[code] != new.get(code)}


def proposal_effect(before: Scenario, change: Change, ctx: Any, *, stories: Iterable[Any] = (),
                    base: Any = None, before_evaluation: Evaluation | None = None) -> Effect:
    """Evaluate ``before`` and ``before`` + ``change`` with the metrics of ``ctx``.

    ``stories`` (with ``base``) are scored with narrative coherence; only those whose effective
    splits change are listed. A change that cannot be made returns an effect without ``after``
    whose ``problems`` say why.
    """
    from destinations.collab.proposals import apply_change, touched_companies

    problems = structural_problems(before, change)
    try:
        after = apply_change(before, change)
    except ScenarioError as exc:
        return Effect(before, None, (), (), (), {}, tuple(problems or [str(exc)]))
    old = before_evaluation if before_evaluation is not None else evaluate(before, ctx)
    new = evaluate(after, ctx)
    names = {**before.names, **after.names}
    problems += floor_problems(old.companies, new.companies, names, ctx.floor)
    touched = list(touched_companies(before, change))
    touched += [cid for cid in after.names if cid not in before.names]  # a split's new company
    company_rows = tuple(
        Row(key, cid, (old.companies.get(cid) or {}).get(key) if cid in old.companies else None,
            (new.companies.get(cid) or {}).get(key) if cid in new.companies else None)
        for cid in touched for key in COMPANY_KEYS)
    plan_rows = tuple(Row(key, None, old.plan.get(key), new.plan.get(key)) for key in PLAN_KEYS)
    return Effect(before, after, company_rows, plan_rows,
                  story_splits(stories, base, before.assignment, after.assignment),
                  moved_codes(before, after), tuple(dict.fromkeys(problems)), new)


def story_splits(stories: Iterable[Any], base: Any, before: Mapping[str, str | None],
                 after: Mapping[str, str | None]) -> tuple[StorySplit, ...]:
    """Stories whose effective splits differ between two plans (largest change first)."""
    if base is None:
        return ()
    from destinations.narratives.coherence import story_coherence

    out = []
    for story in stories:
        try:
            was = story_coherence(story, base, before).effective_splits
            now = story_coherence(story, base, after).effective_splits
        except Exception:  # a story whose places left the data is reported by the story pages
            continue
        if _plain(was) != _plain(now) and not (math.isnan(was) and math.isnan(now)):
            out.append(StorySplit(story.id, story.title.en, was, now))
    return tuple(sorted(out, key=lambda s: -abs((s.after or 0) - (s.before or 0))))


def story_step_splits(story: Any, step: Any, base: Any,
                      assignment: Mapping[str, str | None]) -> StorySplit | None:
    """How adding ``step`` changes the effective splits of ``story`` under a plan."""
    from dataclasses import replace

    from destinations.narratives.coherence import story_coherence

    extended = replace(story, steps=(*story.steps, step))
    try:
        was = story_coherence(story, base, assignment).effective_splits
        now = story_coherence(extended, base, assignment).effective_splits
    except Exception:
        return None
    return StorySplit(story.id, story.title.en, was, now)
