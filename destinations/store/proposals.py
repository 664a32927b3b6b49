"""Proposals in the store: drafting, consenting, rejecting, withdrawing, commenting, applying.

The rules are :mod:`destinations.collab.proposals` and :mod:`destinations.collab.rights`; this
module keeps the records (tables ``proposals``, ``proposal_decisions``, ``proposal_comments``) and
checks the rights of the current identity in the transaction of every step, which also writes the
step's audit line.

Concurrency: each step locks the proposal's row (``SELECT ... FOR UPDATE`` on PostgreSQL; SQLite
serialises writers), so two editors consenting at once both count and the last one makes the
proposal ``accepted``. Applying saves the new version of the plan with the optimistic check of the
document store *and* marks the proposal applied in the same transaction: of two strategists
applying at once exactly one succeeds; the other gets :class:`ProposalConflict` with
:data:`CHANGED_WHILE_APPLYING` in its message, and nothing is written twice.

A change that cannot be made (unknown municipality or company, nothing moves, a locked company, a
taken name, a company left empty) is refused when it is drafted, with the reason; a change that is
possible but breaks the critical-mass floor is stored with that problem listed, so everyone sees it
before consenting. A stale proposal (the plan changed since it was drafted) is never applied
blindly: conflicting moves are named and refused; without conflicts it is applied only when the
strategist says so (``allow_stale=True``) after reviewing its effect on the current version.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Iterable

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from destinations.collab import proposals as rules
from destinations.collab import rights
from destinations.collab.identity import current_identity
from destinations.collab.proposals import Change, Comment, Decision, Proposal
from destinations.collab.roles import EDITOR, AccessDenied, CollabError, Identity
from destinations.errors import ScenarioError
from destinations.scenarios.scenario import Scenario
from destinations.store.access import APPLY, access_of, member_from_row, principal_for
from destinations.store.audit import record
from destinations.store.documents import (
    SCENARIO_KIND,
    ConflictError,
    DocumentStore,
    ScenarioStore,
    _utc,
    database_boundary,
)
from destinations.store.tables import members, proposal_comments, proposal_decisions, proposals

STORY_KIND = "story"
#: The message (start) of an apply refused because someone saved or applied at the same moment.
CHANGED_WHILE_APPLYING = "changed while the proposal was being applied"


class ProposalConflict(CollabError):
    """A proposal step refused because the plan or the proposal changed: a stale proposal, a
    proposal applied, rejected or withdrawn meanwhile. ``conflicts`` names what no longer fits."""

    def __init__(self, message: str, conflicts: Iterable[str] = ()) -> None:
        super().__init__(message)
        self.conflicts = tuple(conflicts)


@dataclass(frozen=True)
class Staleness:
    """Where a proposal stands against the plan now."""

    base_version: int
    current_version: int
    conflicts: tuple[str, ...]

    @property
    def stale(self) -> bool:
        return self.current_version != self.base_version


def _clean_text(text: object, limit: int, what: str) -> str:
    value = str(text or "").replace("\r\n", "\n").strip()
    value = "".join(ch for ch in value if ch in "\n\t" or not (ord(ch) < 32 or ord(ch) == 127))
    if not value:
        raise CollabError(f"The {what} is empty. Say why in a sentence or two.")
    if len(value) > limit:
        raise CollabError(f"The {what} is {len(value)} characters long; at most {limit} are "
                          "allowed.")
    return value


class ProposalStore:
    """Proposals on the store at ``target`` (a :class:`DocumentStore`, database URL or engine).

    ``base`` (the loaded base data) lets proposals be made on "Destination companies today"
    (stored and published from the built-in plan the first time) and on stories, and names
    municipalities in summaries; ``codes`` validates loaded plans (default: ``base.codes``).
    """

    def __init__(self, target: DocumentStore | str | Engine, *, base: Any | None = None,
                 codes: Iterable[str] | None = None) -> None:
        self.documents = target if isinstance(target, DocumentStore) else DocumentStore(target)
        self.engine = self.documents.engine
        self.base = base
        if codes is None and base is not None:
            codes = base.codes
        self.scenarios = ScenarioStore(self.documents, codes=codes)

    # ------------------------------------------------------------------ reading
    def get(self, proposal_id: int, *, actor: Identity | None = None) -> Proposal:
        identity = current_identity(actor)
        with database_boundary("proposal", None, writing=False), self.engine.connect() as conn:
            row = self._row(conn, proposal_id)
            principal = principal_for(conn, identity)
            rights.require_read(principal, access_of(conn, row.kind, row.key), kind=row.kind,
                                name=row.target_name)
            return self._proposal(conn, row, comments=True)

    def list(self, *, state: str | None = None, kind: str | None = None, key: str | None = None,
             actor: Identity | None = None) -> list[Proposal]:
        """Proposals on plans the caller may read, newest first."""
        identity = current_identity(actor)
        query = sa.select(proposals).order_by(proposals.c.id.desc())
        if state is not None:
            query = query.where(proposals.c.state == state)
        if kind is not None:
            query = query.where(proposals.c.kind == kind)
        if key is not None:
            query = query.where(proposals.c.key == key)
        with database_boundary("proposals", None, writing=False), self.engine.connect() as conn:
            principal = principal_for(conn, identity)
            rows = conn.execute(query).all()
            readable = {}
            kept = []
            for row in rows:
                target = (row.kind, row.key)
                if target not in readable:
                    readable[target] = rights.can_read(principal, access_of(conn, *target))
                if readable[target]:
                    kept.append(row)
            decided: dict[int, list] = {}
            if kept:  # one query for every proposal's decisions (not one per proposal)
                for d in conn.execute(sa.select(proposal_decisions).order_by(
                        proposal_decisions.c.at, proposal_decisions.c.company)).all():
                    decided.setdefault(d.proposal_id, []).append(d)
            return [self._proposal(conn, row, decisions=decided.get(row.id, [])) for row in kept]

    def inbox(self, *, actor: Identity | None = None) -> list[Proposal]:
        """Proposals waiting for the caller: open ones needing their company's consent, and, for
        strategists, accepted ones to apply (and open ones for companies nobody edits)."""
        identity = current_identity(actor)
        with database_boundary("inbox", None, writing=False), self.engine.connect() as conn:
            principal = principal_for(conn, identity)
            if not principal.is_member:
                return []
            edited = self._edited_companies(conn)
        waiting = []
        for proposal in self.list(actor=identity):
            if proposal.state == rules.ACCEPTED and principal.is_strategist:
                waiting.append(proposal)
            elif proposal.state == rules.OPEN and any(
                    rights.can_decide(principal, c, c in edited) for c in proposal.waiting_for):
                waiting.append(proposal)
        return waiting

    def comments(self, proposal_id: int, *, actor: Identity | None = None) -> list[Comment]:
        return list(self.get(proposal_id, actor=actor).comments)

    def staleness(self, proposal: Proposal, *, actor: Identity | None = None) -> Staleness:
        """The version the plan is at now and the moves of ``proposal`` that conflict with it."""
        if proposal.kind == STORY_KIND:
            head = self.documents.head(STORY_KIND, proposal.key)
            current = head.version if head else proposal.base_version
            return Staleness(proposal.base_version, current, ())
        current = self.scenarios.load(proposal.key, include_deleted=True, actor=actor)
        if current.version == proposal.base_version:
            return Staleness(proposal.base_version, current.version, ())
        drafted = self.scenarios.load(proposal.key, proposal.base_version, include_deleted=True,
                                      actor=actor)
        return Staleness(proposal.base_version, current.version,
                         tuple(rules.conflicts(drafted.scenario, current.scenario, proposal.change)))

    def published_today(self) -> Scenario | None:
        """The stored, published "Destination companies today", else the built-in one."""
        try:
            return self.scenarios.load("today", include_deleted=True).scenario
        except ScenarioError:
            return Scenario.from_base(self.base) if self.base is not None else None

    # ------------------------------------------------------------------ drafting
    def propose(self, key: str, change: Change, reason: str, *, kind: str = SCENARIO_KIND,
                base_version: int | None = None, actor: Identity | None = None,
                ctx: Any | None = None) -> Proposal:
        """Draft a proposal on the plan ``key`` (or story, ``kind="story"``) with a reason.

        ``base_version`` is the version the author looked at (refused if the plan moved on
        since); ``ctx`` (an evaluation context) adds the floor check. The author's consent is
        recorded for the touched companies they edit.
        """
        identity = current_identity(actor)
        reason = _clean_text(reason, rules.MAX_REASON_LENGTH, "reason")
        if kind == STORY_KIND:
            return self._propose_story(key, change, reason, base_version, identity)
        if key == "today" and self.base is not None:
            self.scenarios.ensure_today(Scenario.from_base(self.base))
        saved = self.scenarios.load(key, actor=identity)
        if base_version is not None and base_version != saved.version:
            raise ProposalConflict(f"{saved.scenario.name!r} changed since you opened it (version "
                                   f"{base_version} -> {saved.version}); nothing was proposed. "
                                   "Look at the current version and propose again.")
        scenario = saved.scenario
        if change.kind == rules.STORY_STEP:
            raise CollabError("A story step is proposed on a story, not on a plan.")
        change = rules.with_new_company_id(scenario, change)
        blocking = rules.structural_problems(scenario, change)
        if blocking:
            raise CollabError(f"Not proposed: {'; '.join(blocking)}.")
        problems: list[str] = []
        if ctx is not None:
            from destinations.scenarios.metrics import evaluate

            after = rules.apply_change(scenario, change)
            old, new = evaluate(scenario, ctx), evaluate(after, ctx)
            problems = rules.floor_problems(old.companies, new.companies,
                                            {**scenario.names, **after.names}, ctx.floor)
        touched = rules.touched_companies(scenario, change)
        names = {c: scenario.names[c] for c in touched}
        summary = rules.summary(change, {**scenario.names, change.new_company: change.name}
                                if change.kind == rules.SPLIT else scenario.names,
                                self._municipality_names())
        return self._insert(SCENARIO_KIND, key, scenario.name, saved.version, identity, reason,
                            change, touched, names, problems, summary)

    def _propose_story(self, key: str, change: Change, reason: str, base_version: int | None,
                       identity: Identity) -> Proposal:
        if change.kind != rules.STORY_STEP:
            raise CollabError("A story takes a proposed step; plans take moves, merges, splits "
                              "and renames.")
        document = self.documents.load(STORY_KIND, key, actor=identity)
        if base_version is not None and base_version != document.version:
            raise ProposalConflict(f"The story {document.name!r} changed since you opened it; "
                                   "nothing was proposed.")
        self._extended_story(document.payload, change)  # validates the step now
        codes = self._step_codes(change.step or {})
        plan = self.published_today()
        touched = rules.story_companies(plan.assignment, codes) if plan is not None else ()
        names = {c: plan.names.get(c, c) for c in touched} if plan is not None else {}
        summary = f"{rules.summary(change, {})} to {document.name}"
        return self._insert(STORY_KIND, key, document.name, document.version, identity, reason,
                            change, touched, names, [], summary)

    def _insert(self, kind, key, target_name, version, identity, reason, change, touched, names,
                problems, summary) -> Proposal:
        now = datetime.now(timezone.utc)
        with database_boundary("propose", kind, writing=True), self.engine.begin() as conn:
            principal = principal_for(conn, identity)
            rights.require_propose(principal, access_of(conn, kind, key), kind=kind,
                                   name=target_name)
            edited = self._edited_companies(conn)
            mine = [c for c in touched if rights.can_decide(principal, c, c in edited)]
            state = rules.ACCEPTED if set(touched) <= set(mine) else rules.OPEN
            pid = conn.execute(proposals.insert().values(
                kind=kind, key=key, target_name=target_name, base_version=version,
                author=principal.who, reason=reason, change=json.dumps(change.to_dict()),
                companies=json.dumps(list(touched)), company_names=json.dumps(names),
                problems=json.dumps(list(problems)), summary=summary, state=state,
                applied_version=None, created_at=now, updated_at=now)
            ).inserted_primary_key[0]
            for company in mine:
                conn.execute(proposal_decisions.insert().values(
                    proposal_id=pid, company=company, who=principal.who, decision=rules.CONSENT,
                    at=now))
            record(conn, principal.who, "proposal.create", kind, key, target_name,
                   f"#{pid} {summary} - reason: {reason}"
                   + (f" - problems: {'; '.join(problems)}" if problems else ""),
                   before="", after=state)
            return self._proposal(conn, self._row(conn, pid), comments=True)

    # ------------------------------------------------------------------ deciding
    def consent(self, proposal_id: int, companies: Iterable[str] | None = None, *,
                actor: Identity | None = None) -> Proposal:
        """Consent for the caller's companies among those still waiting (or for ``companies``)."""
        identity = current_identity(actor)
        now = datetime.now(timezone.utc)
        with database_boundary("consent", None, writing=True), self.engine.begin() as conn:
            row = self._row(conn, proposal_id, lock=True)
            principal = principal_for(conn, identity)
            proposal = self._proposal(conn, row)
            rules.transition(proposal.id, proposal.state, "consent")
            edited = self._edited_companies(conn)
            wanted = list(companies) if companies is not None else list(proposal.waiting_for)
            unknown = [c for c in wanted if c not in proposal.companies]
            if unknown:
                raise CollabError(f"Proposal #{proposal.id} does not touch {', '.join(unknown)}; "
                                  f"it touches {', '.join(proposal.companies)}.")
            mine = [c for c in wanted if c in proposal.waiting_for
                    and rights.can_decide(principal, c, c in edited)]
            if not mine:
                first = next((c for c in wanted if c in proposal.waiting_for), None)
                if first is None:
                    raise CollabError(f"Proposal #{proposal.id}: those companies have consented "
                                      "already.")
                rights.require_decide(principal, first, proposal.company_names.get(first, first),
                                      first in edited)
            for company in mine:
                conn.execute(proposal_decisions.insert().values(
                    proposal_id=proposal.id, company=company, who=principal.who,
                    decision=rules.CONSENT, at=now))
            state = rules.transition(proposal.id, proposal.state, "consent",
                                     companies=proposal.companies,
                                     consented=[*proposal.consented, *mine])
            self._set_state(conn, proposal.id, proposal.state, state, now)
            names = ", ".join(proposal.company_names.get(c, c) for c in mine)
            record(conn, principal.who, "proposal.consent", proposal.kind, proposal.key,
                   proposal.target_name, f"#{proposal.id} consent for {names}",
                   before=proposal.state, after=state)
            return self._proposal(conn, self._row(conn, proposal.id), comments=True)

    def reject(self, proposal_id: int, reason: str = "", *,
               actor: Identity | None = None) -> Proposal:
        """Object for a touched company the caller speaks for (strategists may always reject)."""
        identity = current_identity(actor)
        now = datetime.now(timezone.utc)
        with database_boundary("reject", None, writing=True), self.engine.begin() as conn:
            row = self._row(conn, proposal_id, lock=True)
            principal = principal_for(conn, identity)
            proposal = self._proposal(conn, row)
            rules.transition(proposal.id, proposal.state, "reject")
            edited = self._edited_companies(conn)
            mine = [c for c in proposal.companies if rights.can_decide(principal, c, c in edited)]
            if not mine and not principal.is_strategist:
                first = proposal.companies[0] if proposal.companies else ""
                rights.require_decide(principal, first, proposal.company_names.get(first, first),
                                      first in edited)
            company = mine[0] if mine else "national"
            conn.execute(proposal_decisions.delete().where(
                proposal_decisions.c.proposal_id == proposal.id,
                proposal_decisions.c.company == company))
            conn.execute(proposal_decisions.insert().values(
                proposal_id=proposal.id, company=company, who=principal.who,
                decision=rules.REJECT, at=now))
            self._set_state(conn, proposal.id, proposal.state, rules.REJECTED, now)
            text = str(reason or "").strip()
            if text:
                self._add_comment(conn, proposal.id, principal.who, now,
                                  _clean_text(text, rules.MAX_COMMENT_LENGTH, "reason"))
            record(conn, principal.who, "proposal.reject", proposal.kind, proposal.key,
                   proposal.target_name,
                   f"#{proposal.id} rejected for {proposal.company_names.get(company, company)}"
                   + (f": {text}" if text else ""), before=proposal.state, after=rules.REJECTED)
            return self._proposal(conn, self._row(conn, proposal.id), comments=True)

    def withdraw(self, proposal_id: int, *, actor: Identity | None = None) -> Proposal:
        identity = current_identity(actor)
        now = datetime.now(timezone.utc)
        with database_boundary("withdraw", None, writing=True), self.engine.begin() as conn:
            row = self._row(conn, proposal_id, lock=True)
            principal = principal_for(conn, identity)
            proposal = self._proposal(conn, row)
            rules.transition(proposal.id, proposal.state, "withdraw")
            if principal.who != proposal.author and not principal.is_strategist:
                raise AccessDenied(f"Only the author ({proposal.author}) and strategists withdraw "
                                   f"proposal #{proposal.id}.")
            self._set_state(conn, proposal.id, proposal.state, rules.WITHDRAWN, now)
            record(conn, principal.who, "proposal.withdraw", proposal.kind, proposal.key,
                   proposal.target_name, f"#{proposal.id} withdrawn", before=proposal.state,
                   after=rules.WITHDRAWN)
            return self._proposal(conn, self._row(conn, proposal.id), comments=True)

    def comment(self, proposal_id: int, text: str, *, actor: Identity | None = None) -> Comment:
        identity = current_identity(actor)
        text = _clean_text(text, rules.MAX_COMMENT_LENGTH, "comment")
        now = datetime.now(timezone.utc)
        with database_boundary("comment", None, writing=True), self.engine.begin() as conn:
            row = self._row(conn, proposal_id)
            principal = principal_for(conn, identity)
            rights.require_comment(principal, access_of(conn, row.kind, row.key), kind=row.kind,
                                   name=row.target_name)
            comment_id = self._add_comment(conn, row.id, principal.who, now, text)
            record(conn, principal.who, "proposal.comment", row.kind, row.key, row.target_name,
                   f"#{row.id}: {text}")
        return Comment(comment_id, principal.who, now, text)

    # ------------------------------------------------------------------ applying
    def apply(self, proposal_id: int, *, actor: Identity | None = None,
              allow_stale: bool = False) -> int:
        """Apply an accepted proposal (strategists): save the changed plan (or story) as a new
        version and mark the proposal applied, in one transaction; returns the new version.

        Raises :class:`ProposalConflict` for a stale proposal whose moves conflict (always), a
        stale one without conflicts unless ``allow_stale``, a change no longer possible, and
        when the plan or the proposal changed while applying (:data:`CHANGED_WHILE_APPLYING`).
        """
        identity = current_identity(actor)
        with database_boundary("apply", None, writing=False), self.engine.connect() as conn:
            rights.require_apply(principal_for(conn, identity))
        proposal = self.get(proposal_id, actor=identity)
        rules.transition(proposal.id, proposal.state, "apply")
        if proposal.kind == STORY_KIND:
            return self._apply_story(proposal, identity, allow_stale)
        staleness = self.staleness(proposal, actor=identity)
        if staleness.conflicts:
            raise ProposalConflict(
                f"Proposal #{proposal.id} is stale: {proposal.target_name!r} is at version "
                f"{staleness.current_version}, the proposal was drafted on version "
                f"{staleness.base_version}, and {'; '.join(staleness.conflicts)}. Nothing was "
                "applied: withdraw it and propose again on the current version.",
                staleness.conflicts)
        if staleness.stale and not allow_stale:
            raise ProposalConflict(
                f"Proposal #{proposal.id} was drafted on version {staleness.base_version} of "
                f"{proposal.target_name!r}, which is now at version {staleness.current_version}. "
                "None of its moves conflict; review its effect on the current version and apply "
                "it again, confirming the newer version. Nothing was applied.")
        current = self.scenarios.load(proposal.key, include_deleted=True, actor=identity)
        blocking = rules.structural_problems(current.scenario, proposal.change)
        if blocking:
            raise ProposalConflict(f"Proposal #{proposal.id} cannot be applied to version "
                                   f"{current.version}: {'; '.join(blocking)}. Nothing was "
                                   "applied.", blocking)
        after = rules.apply_change(current.scenario, proposal.change)
        return self._save_applied(proposal, after.to_dict(), after.name, current.version, identity)

    def _apply_story(self, proposal: Proposal, identity: Identity, allow_stale: bool) -> int:
        document = self.documents.load(STORY_KIND, proposal.key, actor=identity)
        if document.version != proposal.base_version and not allow_stale:
            raise ProposalConflict(f"Proposal #{proposal.id}: the story {document.name!r} changed "
                                   f"since it was drafted (version {proposal.base_version} -> "
                                   f"{document.version}); review and apply again confirming the "
                                   "newer version. Nothing was applied.")
        payload = self._extended_story(document.payload, proposal.change)
        return self._save_applied(proposal, payload, document.name, document.version, identity,
                                  kind=STORY_KIND)

    def _save_applied(self, proposal: Proposal, payload: dict, name: str, version: int,
                      identity: Identity, *, kind: str = SCENARIO_KIND) -> int:
        def mark(conn: Connection, new_version: int) -> None:
            now = datetime.now(timezone.utc)
            done = conn.execute(proposals.update().where(
                proposals.c.id == proposal.id, proposals.c.state == rules.ACCEPTED).values(
                state=rules.APPLIED, applied_version=new_version, updated_at=now))
            if done.rowcount != 1:
                raise ProposalConflict(f"Proposal #{proposal.id} {CHANGED_WHILE_APPLYING}: it was "
                                       "applied, rejected or withdrawn by someone else. Nothing "
                                       "was applied twice; reload it.")
            # The document store writes the audit line (action proposal.apply, version before ->
            # after, the proposal in the note) in this same transaction.

        try:
            return self.documents.save(kind, proposal.key, payload, name=name,
                                       base_version=version, actor=identity, action=APPLY,
                                       note=f"proposal #{proposal.id}: {proposal.summary}"[:300],
                                       also=mark)
        except ConflictError:
            raise ProposalConflict(f"{name!r} {CHANGED_WHILE_APPLYING} (someone saved a new "
                                   f"version); proposal #{proposal.id} was not applied. Reload "
                                   "it: it is now stale, and its conflicts are named.") from None

    # ------------------------------------------------------------------ helpers
    def _row(self, conn: Connection, proposal_id: int, *, lock: bool = False):
        try:
            pid = int(proposal_id)
        except (TypeError, ValueError):
            raise CollabError(f"{proposal_id!r} is not a proposal number.") from None
        query = sa.select(proposals).where(proposals.c.id == pid)
        if lock:
            query = query.with_for_update()
        row = conn.execute(query).first()
        if row is None:
            raise CollabError(f"No proposal #{pid}. List them with `destinations proposals list`.")
        return row

    def _proposal(self, conn: Connection, row, *, comments: bool = False,
                  decisions: list | None = None) -> Proposal:
        if decisions is None:
            decisions = conn.execute(
                sa.select(proposal_decisions).where(proposal_decisions.c.proposal_id == row.id)
                .order_by(proposal_decisions.c.at, proposal_decisions.c.company)).all()
        decisions = tuple(Decision(d.company, d.who, d.decision, _utc(d.at)) for d in decisions)
        thread = ()
        if comments:
            thread = tuple(Comment(c.id, c.who, _utc(c.at), c.text) for c in conn.execute(
                sa.select(proposal_comments).where(proposal_comments.c.proposal_id == row.id)
                .order_by(proposal_comments.c.id)).all())
        return Proposal(
            id=row.id, kind=row.kind, key=row.key, target_name=row.target_name,
            base_version=row.base_version, author=row.author, reason=row.reason,
            change=Change.from_dict(json.loads(row.change)),
            companies=tuple(json.loads(row.companies)),
            company_names=json.loads(row.company_names), state=row.state,
            created_at=_utc(row.created_at), updated_at=_utc(row.updated_at),
            decisions=decisions, applied_version=row.applied_version,
            problems=tuple(json.loads(row.problems)), summary=row.summary, comments=thread)

    @staticmethod
    def _set_state(conn: Connection, pid: int, old: str, new: str, now: datetime) -> None:
        done = conn.execute(proposals.update().where(
            proposals.c.id == pid, proposals.c.state == old).values(state=new, updated_at=now))
        if done.rowcount != 1:
            raise ProposalConflict(f"Proposal #{pid} changed meanwhile; reload it. Nothing was "
                                   "changed.")

    @staticmethod
    def _add_comment(conn: Connection, pid: int, who: str, at: datetime, text: str) -> int:
        return conn.execute(proposal_comments.insert().values(
            proposal_id=pid, who=who, at=at, text=text)).inserted_primary_key[0]

    @staticmethod
    def _edited_companies(conn: Connection) -> set[str]:
        """Companies that have at least one active editor."""
        edited: set[str] = set()
        for row in conn.execute(sa.select(members).where(members.c.active.is_(True),
                                                         members.c.role == EDITOR)).all():
            edited.update(member_from_row(row).companies)
        return edited

    def _municipality_names(self) -> dict[str, str]:
        if self.base is None:
            return {}
        try:
            return {str(code): str(name) for code, name in
                    self.base.municipalities["name"].items()}
        except (AttributeError, KeyError):
            return {}

    def _step_codes(self, step: dict) -> list[str]:
        codes = [str(c) for c in step.get("municipalities", ())]
        if self.base is not None:
            by_id = getattr(self.base, "attraction_by_id", {})
            for attraction_id in step.get("attractions", ()):
                attraction = by_id.get(attraction_id)
                if attraction is not None:
                    codes.append(attraction.kommune_code)
        return list(dict.fromkeys(codes))

    def _extended_story(self, payload: dict, change: Change) -> dict:
        from destinations.narratives.model import NarrativeError, parse_story

        step = dict(change.step or {})
        if any(s.get("id") == step.get("id") for s in payload.get("steps", ())):
            raise CollabError(f"The story already has a step with id {step.get('id')!r}; give "
                              "the new step another id.")
        extended = {**payload, "steps": [*payload.get("steps", ()), step]}
        try:
            parse_story(extended, base=self.base, where="proposed step")
        except NarrativeError as exc:
            raise CollabError(f"Not proposed: {exc}") from None
        return extended
