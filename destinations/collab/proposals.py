"""Proposals, the unit of cooperation: a change to a shared or published plan, with a reason.

A :class:`Change` is one of

* ``move`` — municipalities into other companies (``moves``: code -> company id, None = none);
* ``merge`` — ``absorb`` joins ``keep`` (``keep``'s name stays);
* ``split`` — ``codes`` leave ``company`` for a new company ``name`` (id ``new_company``);
* ``rename`` — ``company`` gets the display name ``name``;
* ``story_step`` — a step (``step``, the story format's step object) added to a saved story.

It touches the companies whose members or name it changes (for a story step: the companies its
places lie in), and it needs the consent of an editor of **every** company it touches; then a
strategist applies it, which saves a new version of the plan (or story).

States (:func:`transition`)::

    open --consent by the last company--> accepted --apply (strategist)--> applied
    open|accepted --reject (any touched company, or a strategist)--> rejected
    open|accepted --withdraw (author, or a strategist)--> withdrawn

A proposal remembers the version it was drafted on. When the plan changed since, it is *stale*:
:func:`conflicts` names the moves that no longer fit (a municipality moved elsewhere, a company
gone or renamed); a stale proposal is never applied blindly (see
:meth:`destinations.store.proposals.ProposalStore.apply`). :func:`rule_problems` says before
anyone consents what the change would break: an unknown municipality or company, a company left
empty, a company pushed below the critical-mass floor, a locked company.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Iterable, Mapping

from destinations.collab.roles import CollabError
from destinations.errors import ScenarioError
from destinations.scenarios.scenario import Scenario, validate_name

MOVE, MERGE, SPLIT, RENAME, STORY_STEP = "move", "merge", "split", "rename", "story_step"
CHANGE_KINDS = (MOVE, MERGE, SPLIT, RENAME, STORY_STEP)
OPEN, ACCEPTED, REJECTED, APPLIED, WITHDRAWN = "open", "accepted", "rejected", "applied", "withdrawn"
STATES = (OPEN, ACCEPTED, REJECTED, APPLIED, WITHDRAWN)
#: States in which a proposal still waits for someone.
ACTIVE_STATES = (OPEN, ACCEPTED)
CONSENT, REJECT = "consent", "reject"
#: Longest reason and comment (characters).
MAX_REASON_LENGTH = 2000
MAX_COMMENT_LENGTH = 2000

#: event -> (states it may start from, state it leads to; None: decided by the consents)
_TRANSITIONS = {
    "consent": ((OPEN,), None),
    "reject": ((OPEN, ACCEPTED), REJECTED),
    "withdraw": ((OPEN, ACCEPTED), WITHDRAWN),
    "apply": ((ACCEPTED,), APPLIED),
}
_EVENT_WORDS = {"consent": "consented to", "reject": "rejected", "withdraw": "withdrawn",
                "apply": "applied"}


@dataclass(frozen=True)
class Change:
    """What a proposal changes (see the module docstring); build with the ``*_change`` helpers."""

    kind: str
    moves: tuple[tuple[str, str | None], ...] = ()
    keep: str = ""
    absorb: str = ""
    company: str = ""
    name: str = ""
    codes: tuple[str, ...] = ()
    new_company: str = ""
    step: Mapping[str, Any] | None = None

    def to_dict(self) -> dict:
        out: dict[str, Any] = {"kind": self.kind}
        if self.kind == MOVE:
            out["moves"] = {code: company for code, company in self.moves}
        elif self.kind == MERGE:
            out.update(keep=self.keep, absorb=self.absorb)
        elif self.kind == SPLIT:
            out.update(company=self.company, codes=list(self.codes), name=self.name,
                       new_company=self.new_company)
        elif self.kind == RENAME:
            out.update(company=self.company, name=self.name)
        else:
            out["step"] = dict(self.step or {})
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Change":
        try:
            kind = data["kind"]
            if kind == MOVE:
                return move_change({str(k): (None if v is None else str(v))
                                    for k, v in dict(data["moves"]).items()})
            if kind == MERGE:
                return merge_change(str(data["keep"]), str(data["absorb"]))
            if kind == SPLIT:
                return split_change(str(data["company"]), [str(c) for c in data["codes"]],
                                    str(data["name"]), new_company=str(data["new_company"]))
            if kind == RENAME:
                return rename_change(str(data["company"]), str(data["name"]))
            if kind == STORY_STEP:
                return story_step_change(dict(data["step"]))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise CollabError(f"The proposed change is incomplete ({exc!r}).") from None
        raise CollabError(f"Unknown kind of change {kind!r}; use one of {list(CHANGE_KINDS)}.")

    @property
    def moved_codes(self) -> tuple[str, ...]:
        if self.kind == MOVE:
            return tuple(code for code, _ in self.moves)
        return self.codes if self.kind == SPLIT else ()


def move_change(moves: Mapping[str, str | None]) -> Change:
    if not moves:
        raise CollabError("Name at least one municipality to move.")
    return Change(MOVE, moves=tuple(sorted(((str(c), t) for c, t in moves.items()),
                                           key=lambda m: _code_key(m[0]))))


def merge_change(keep: str, absorb: str) -> Change:
    if keep == absorb:
        raise CollabError("Pick two different companies to merge.")
    return Change(MERGE, keep=keep, absorb=absorb)


def split_change(company: str, codes: Iterable[str], name: str, *, new_company: str = "") -> Change:
    codes = tuple(sorted({str(c) for c in codes}, key=_code_key))
    if not codes:
        raise CollabError("Name the municipalities that form the new company.")
    try:
        name = validate_name(name)
    except ScenarioError as exc:
        raise CollabError(str(exc)) from None
    return Change(SPLIT, company=company, codes=codes, name=name, new_company=new_company)


def rename_change(company: str, name: str) -> Change:
    try:
        return Change(RENAME, company=company, name=validate_name(name))
    except ScenarioError as exc:
        raise CollabError(str(exc)) from None


def story_step_change(step: Mapping[str, Any]) -> Change:
    if not isinstance(step, Mapping) or not step.get("id"):
        raise CollabError("A story step needs at least an id and a title.")
    return Change(STORY_STEP, step=dict(step))


def _code_key(code: str) -> tuple[int, str]:
    return (int(code), code) if str(code).isdigit() else (10**9, str(code))


# ---------------------------------------------------------------------------------------------
# Scenario changes: applying, the companies touched, the rules broken, staleness
# ---------------------------------------------------------------------------------------------
def with_new_company_id(scenario: Scenario, change: Change) -> Change:
    """A split's new company gets its id when it is drafted (so consents name a stable company)."""
    if change.kind != SPLIT or change.new_company:
        return change
    _, company_id = scenario.new_company(change.name)
    return Change(SPLIT, company=change.company, codes=change.codes, name=change.name,
                  new_company=company_id)


def apply_change(scenario: Scenario, change: Change) -> Scenario:
    """The scenario after ``change`` (same id and name); :class:`ScenarioError` when it cannot be
    made (unknown municipality or company, locked company, taken name)."""
    if change.kind == MOVE:
        return scenario.move_many(dict(change.moves))
    if change.kind == MERGE:
        return scenario.merge(change.keep, change.absorb)
    if change.kind == SPLIT:
        scenario._require_company(change.company)
        for code in change.codes:
            if scenario.company_of(code) != change.company:
                raise ScenarioError(f"Municipality {code} is not a member of "
                                    f"{scenario.company_name(change.company)!r}; a split takes "
                                    "members of the company it splits.")
        split, company_id = scenario.new_company(change.name,
                                                 company_id=change.new_company or None)
        return split.move_many({code: company_id for code in change.codes})
    if change.kind == RENAME:
        return scenario.rename(change.company, change.name)
    raise ScenarioError("A story step is applied to a story, not to a plan.")


def touched_companies(scenario: Scenario, change: Change) -> tuple[str, ...]:
    """Existing companies whose members or name ``change`` changes (a split's new company does not
    exist yet and has nobody to ask). Unknown ids are left out (:func:`rule_problems` names them)."""
    names = scenario.names
    touched: list[str | None] = []
    if change.kind == MOVE:
        for code, target in change.moves:
            touched.append(scenario.company_of(code) if code in scenario.codes else None)
            touched.append(target)
    elif change.kind == MERGE:
        touched += [change.keep, change.absorb]
    elif change.kind in (SPLIT, RENAME):
        touched.append(change.company)
    seen: list[str] = []
    for company in touched:
        if company is not None and company in names and company not in seen:
            seen.append(company)
    return tuple(seen)


def story_companies(assignment: Mapping[str, str | None], codes: Iterable[str]) -> tuple[str, ...]:
    """The companies of ``codes`` (a story step's municipalities) under a plan, in order."""
    seen: list[str] = []
    for code in codes:
        company = assignment.get(code)
        if company is not None and company not in seen:
            seen.append(company)
    return tuple(seen)


def structural_problems(scenario: Scenario, change: Change) -> list[str]:
    """What makes ``change`` impossible or breaks a rule on ``scenario``, without any figures:
    unknown municipalities or companies, a company left empty, locks, names."""
    problems: list[str] = []
    names = scenario.names
    codes = set(scenario.codes)

    def company(cid: str | None, what: str) -> bool:
        if cid is not None and cid not in names:
            problems.append(f"{what} {cid!r} is not a company of {scenario.name!r}")
            return False
        return True

    if change.kind == MOVE:
        for code, target in change.moves:
            if code not in codes:
                problems.append(f"unknown municipality {code!r} (use the official kommune codes)")
            company(target, "target")
        if not problems and all(scenario.company_of(c) == t for c, t in change.moves):
            problems.append("nothing moves: every municipality is already in that company")
    elif change.kind == MERGE:
        company(change.keep, "company")
        company(change.absorb, "company")
    elif change.kind == SPLIT:
        if company(change.company, "company"):
            unknown = [c for c in change.codes if c not in codes]
            for code in unknown:
                problems.append(f"unknown municipality {code!r} (use the official kommune codes)")
            members = scenario.companies()[change.company]
            strangers = [c for c in change.codes if c in codes and c not in members]
            if strangers:
                problems.append(f"{', '.join(strangers)} "
                                f"{'is' if len(strangers) == 1 else 'are'} not in "
                                f"{names[change.company]!r}")
        if scenario.company_id_by_name(change.name) is not None:
            problems.append(f"a company called {change.name!r} already exists")
    elif change.kind == RENAME:
        if company(change.company, "company"):
            holder = scenario.company_id_by_name(change.name)
            if holder is not None and holder != change.company:
                problems.append(f"a company called {change.name!r} already exists")
            elif names[change.company] == change.name:
                problems.append("the company already has that name")
    if problems:
        return problems
    try:
        after = apply_change(scenario, change)
    except ScenarioError as exc:
        return [str(exc).rstrip(".")]
    before_members, after_members = scenario.companies(), after.companies()
    gone = {change.absorb} if change.kind == MERGE else set()
    for cid in touched_companies(scenario, change):
        if cid in gone:
            continue
        if before_members.get(cid) and not after_members.get(cid):
            problems.append(f"{names[cid]!r} would be left with no municipality (propose a merge "
                            "instead)")
    if change.kind == SPLIT and not after_members.get(change.company):
        problems.append(f"{names[change.company]!r} would be left with no municipality (rename it "
                        "instead)")
    return list(dict.fromkeys(problems))


def floor_problems(before: Mapping[str, Mapping[str, object]],
                   after: Mapping[str, Mapping[str, object]], names: Mapping[str, str],
                   floor: float) -> list[str]:
    """Companies the change pushes below the critical-mass floor (evaluations' company values)."""
    problems = []
    for cid, values in after.items():
        if values.get("below_floor") is True and (before.get(cid) or {}).get("below_floor") is not True:
            stays = values.get("overnights")
            shown = f"{stays:,.0f}" if isinstance(stays, float) and math.isfinite(stays) else "?"
            problems.append(f"{names.get(cid, cid)!r} would fall below the critical-mass floor "
                            f"({shown} overnight stays a year; the floor is {floor:,.0f})")
    return problems


def conflicts(drafted: Scenario, current: Scenario, change: Change) -> list[str]:
    """Why ``change``, drafted on ``drafted``, no longer fits ``current`` ([] when it still does).

    Moves conflict when a municipality it moves has changed company since, or a company it moves
    into or out of is gone or merged; a merge, split or rename conflicts when a company it names
    changed members or name.
    """
    if change.kind == STORY_STEP:
        return []
    out: list[str] = []
    before_names, now_names = drafted.names, current.names
    before_members, now_members = drafted.companies(), current.companies()

    def label(names: Mapping[str, str], cid: str | None) -> str:
        return "no company" if cid is None else repr(names.get(cid, cid))

    for code in change.moved_codes:
        if code not in drafted.codes or code not in current.codes:
            continue
        was, now = drafted.company_of(code), current.company_of(code)
        if was != now:
            out.append(f"municipality {code} was moved from {label(before_names, was)} to "
                       f"{label(now_names, now)} since the proposal was drafted")
    named = {change.keep, change.absorb, change.company} - {""}
    named |= {t for _, t in change.moves if t is not None}
    for cid in sorted(named):
        if cid in before_names and cid not in now_names:
            out.append(f"company {before_names[cid]!r} no longer exists")
        elif change.kind in (MERGE, SPLIT, RENAME) and cid in before_names:
            if before_names[cid] != now_names[cid]:
                out.append(f"company {before_names[cid]!r} was renamed {now_names[cid]!r}")
            if set(before_members[cid]) != set(now_members[cid]) and change.kind != RENAME:
                out.append(f"company {before_names[cid]!r} changed members since the proposal "
                           "was drafted")
    return list(dict.fromkeys(out))


def summary(change: Change, names: Mapping[str, str], municipality_names: Mapping[str, str]
            | None = None) -> str:
    """One line saying what ``change`` does, with names (plain text; renderers escape it)."""
    municipality_names = municipality_names or {}

    def company(cid: str | None) -> str:
        return "no company" if cid is None else names.get(cid, cid)

    def place(code: str) -> str:
        return municipality_names.get(code, code)

    if change.kind == MOVE:
        return "; ".join(f"move {place(code)} to {company(target)}" for code, target in change.moves)
    if change.kind == MERGE:
        return f"merge {company(change.absorb)} into {company(change.keep)}"
    if change.kind == SPLIT:
        return (f"split {', '.join(place(c) for c in change.codes)} off {company(change.company)} "
                f"as {change.name}")
    if change.kind == RENAME:
        return f"rename {company(change.company)} to {change.name}"
    step = change.step or {}
    title = step.get("title", {})
    return f"add the step {title.get('en', step.get('id', '')) if isinstance(title, Mapping) else title}"


# ---------------------------------------------------------------------------------------------
# Records and the state machine
# ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Decision:
    """One company's answer: ``consent`` or ``reject``, who gave it and when."""

    company: str
    who: str
    decision: str
    at: datetime

    def to_dict(self) -> dict:
        return {"company": self.company, "who": self.who, "decision": self.decision,
                "at": self.at.isoformat()}


@dataclass(frozen=True)
class Comment:
    id: int
    who: str
    at: datetime
    text: str

    def to_dict(self) -> dict:
        return {"id": self.id, "who": self.who, "at": self.at.isoformat(), "text": self.text}


@dataclass(frozen=True)
class Proposal:
    """A stored proposal (see :class:`destinations.store.proposals.ProposalStore`).

    ``kind``/``key`` name the plan (or story) and ``base_version`` the version it was drafted on;
    ``companies`` are the touched companies (ids) with their names at drafting in
    ``company_names``; ``problems`` are the rules the change breaks, found when it was drafted.
    """

    id: int
    kind: str
    key: str
    target_name: str
    base_version: int
    author: str
    reason: str
    change: Change
    companies: tuple[str, ...]
    company_names: Mapping[str, str]
    state: str
    created_at: datetime
    updated_at: datetime
    decisions: tuple[Decision, ...] = ()
    applied_version: int | None = None
    problems: tuple[str, ...] = ()
    summary: str = ""
    comments: tuple[Comment, ...] = field(default=(), compare=False)

    @property
    def consented(self) -> tuple[str, ...]:
        return tuple(d.company for d in self.decisions if d.decision == CONSENT)

    @property
    def waiting_for(self) -> tuple[str, ...]:
        """Touched companies that have not consented yet (empty once accepted)."""
        if self.state not in ACTIVE_STATES:
            return ()
        done = set(self.consented)
        return tuple(c for c in self.companies if c not in done)

    @property
    def title(self) -> str:
        return f"#{self.id} {self.summary}" if self.summary else f"#{self.id}"

    def to_dict(self) -> dict:
        return {
            "id": self.id, "scenario": self.target_name, "kind": self.kind, "key": self.key,
            "base_version": self.base_version, "state": self.state, "author": self.author,
            "reason": self.reason, "summary": self.summary, "change": self.change.to_dict(),
            "companies": [{"id": c, "name": self.company_names.get(c, c)} for c in self.companies],
            "consents": [d.to_dict() for d in self.decisions],
            "waiting_for": list(self.waiting_for), "problems": list(self.problems),
            "applied_version": self.applied_version,
            "created_at": self.created_at.isoformat(), "updated_at": self.updated_at.isoformat(),
        }


def transition(proposal_id: int, state: str, event: str, *, companies: Iterable[str] = (),
               consented: Iterable[str] = ()) -> str:
    """The state after ``event`` (``consent``, ``reject``, ``withdraw``, ``apply``); raises
    :class:`CollabError` naming the state when the event is not allowed in it.

    After a consent the proposal is ``accepted`` once every touched company in ``companies`` is in
    ``consented`` (which includes the new consent), else it stays ``open``.
    """
    starts, target = _TRANSITIONS[event]
    if state not in starts:
        why = {APPLIED: "it was applied", REJECTED: "it was rejected",
               WITHDRAWN: "it was withdrawn", ACCEPTED: "every company has already consented",
               OPEN: "it still waits for consent"}[state]
        raise CollabError(f"Proposal #{proposal_id} cannot be {_EVENT_WORDS[event]}: {why}.")
    if target is not None:
        return target
    return ACCEPTED if set(companies) <= set(consented) else OPEN
