"""Members and their roles, kept in the store (table ``members``) and managed by strategists.

``destinations users add EMAIL --role strategist`` creates the first strategist (the CLI runs in
local mode, with every right, unless ``--as`` or ``DESTINATIONS_USER`` names someone). Removing a
member never deletes the row: it is marked inactive, so the audit trail keeps naming them and they
keep only what everybody has (reading published plans). Every change is an audit line
(``member.add``, ``member.change``, ``member.remove``: before -> after).
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Iterable

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from destinations.collab import rights
from destinations.collab.identity import current_identity
from destinations.collab.roles import (
    EDITOR,
    ROLES,
    STRATEGIST,
    AccessDenied,
    CollabError,
    Identity,
    Member,
    Principal,
    normalize_email,
)
from destinations.store.access import member_from_row, member_row, principal_for
from destinations.store.audit import record
from destinations.store.documents import DocumentStore, database_boundary
from destinations.store.tables import members

#: The audit trail files member changes under this kind and key.
MEMBERS_KIND, MEMBERS_KEY = "members", "members"
MAX_COMPANIES = 25


def _describe(member: Member | None) -> str:
    if member is None or not member.active:
        return "not a member"
    if member.role == EDITOR:
        return f"editor of {', '.join(member.companies)}"
    return member.role


class MemberStore:
    """Members on the store at ``target`` (a :class:`DocumentStore`, database URL or engine)."""

    def __init__(self, target: DocumentStore | str | Engine) -> None:
        self.documents = target if isinstance(target, DocumentStore) else DocumentStore(target)
        self.engine = self.documents.engine

    def principal(self, actor: Identity | None = None) -> Principal:
        """Who ``actor`` (default: the current identity) is now, with role and companies."""
        identity = current_identity(actor)
        with database_boundary("member", None, writing=False), self.engine.connect() as conn:
            return principal_for(conn, identity)

    def get(self, email: str) -> Member | None:
        with database_boundary("member", None, writing=False), self.engine.connect() as conn:
            return member_row(conn, normalize_email(email))

    def list(self, *, include_removed: bool = False, actor: Identity | None = None) -> list[Member]:
        """Members by e-mail address (members only; removed ones for strategists)."""
        identity = current_identity(actor)
        with database_boundary("members", None, writing=False), self.engine.connect() as conn:
            principal = principal_for(conn, identity)
            if not principal.is_member:
                raise AccessDenied(f"{principal.who if identity.signed_in else 'You'}: only members "
                                   "see the member list. Ask a strategist to add you.")
            query = sa.select(members).order_by(members.c.email)
            if not (include_removed and principal.is_strategist):
                query = query.where(members.c.active.is_(True))
            return [member_from_row(r) for r in conn.execute(query).all()]

    def editors_of(self, company_id: str) -> list[str]:
        """Active editors of a company (e-mail addresses)."""
        return [m.email for m in self._active() if m.role == EDITOR and company_id in m.companies]

    def _active(self) -> list[Member]:
        with database_boundary("members", None, writing=False), self.engine.connect() as conn:
            rows = conn.execute(sa.select(members).where(members.c.active.is_(True))).all()
        return [member_from_row(r) for r in rows]

    def add(self, email: str, role: str, companies: Iterable[str] = (), *,
            actor: Identity | None = None) -> Member:
        """Add a member or change their role (strategists only); returns the stored member.

        Editors need at least one company; viewers and strategists have none (a strategist holds
        every company). Demoting the last strategist is refused, so someone can always manage.
        """
        email = normalize_email(email)
        if role not in ROLES:
            raise CollabError(f"Unknown role {role!r}; use one of {', '.join(ROLES)}.")
        chosen = tuple(dict.fromkeys(str(c).strip() for c in companies if str(c).strip()))
        if role == EDITOR and not chosen:
            raise CollabError("An editor edits at least one destination company: give --company "
                              "ID (one or more).")
        if role != EDITOR and chosen:
            raise CollabError(f"A {role} is not tied to companies; give --company only for "
                              "editors.")
        if len(chosen) > MAX_COMPANIES:
            raise CollabError(f"At most {MAX_COMPANIES} companies per editor.")
        identity = current_identity(actor)
        now = datetime.now(timezone.utc)
        with database_boundary("member add", None, writing=True), self.engine.begin() as conn:
            principal = principal_for(conn, identity)
            rights.require_manage_members(principal)
            before = member_row(conn, email)
            if before is not None and before.active and before.role == STRATEGIST \
                    and role != STRATEGIST:
                self._keep_a_strategist(conn, email)
            values = dict(role=role, companies=json.dumps(list(chosen)), active=True,
                          updated_at=now, updated_by=principal.who)
            if before is None:
                conn.execute(members.insert().values(email=email, **values))
            else:
                conn.execute(members.update().where(members.c.email == email).values(**values))
            after = Member(email, role, chosen, True, now, principal.who)
            action = "member.add" if before is None or not before.active else "member.change"
            record(conn, principal.who, action, MEMBERS_KIND, MEMBERS_KEY, email,
                   f"{email}: {_describe(after)}", before=_describe(before), after=_describe(after))
        return after

    def remove(self, email: str, *, actor: Identity | None = None) -> Member:
        """Mark a member removed (strategists only): they keep read access to published plans."""
        email = normalize_email(email)
        identity = current_identity(actor)
        with database_boundary("member remove", None, writing=True), self.engine.begin() as conn:
            principal = principal_for(conn, identity)
            rights.require_manage_members(principal)
            before = member_row(conn, email)
            if before is None or not before.active:
                raise CollabError(f"{email} is not a member; nothing was changed.")
            if before.role == STRATEGIST:
                self._keep_a_strategist(conn, email)
            now = datetime.now(timezone.utc)
            conn.execute(members.update().where(members.c.email == email).values(
                active=False, updated_at=now, updated_by=principal.who))
            record(conn, principal.who, "member.remove", MEMBERS_KIND, MEMBERS_KEY, email,
                   f"{email} removed: keeps read access to published plans only",
                   before=_describe(before), after=_describe(None))
        return Member(email, before.role, before.companies, False, now, principal.who)

    @staticmethod
    def _keep_a_strategist(conn, email: str) -> None:
        others = conn.execute(sa.select(sa.func.count()).select_from(members).where(
            members.c.role == STRATEGIST, members.c.active.is_(True),
            members.c.email != email)).scalar()
        if not others:
            raise CollabError(f"{email} is the last strategist: add another strategist first, so "
                              "that someone can still manage members and apply proposals.")
