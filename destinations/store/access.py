"""Rights on stored documents: owner and visibility per document, checked inside the transaction
of every read and write of :class:`~destinations.store.documents.DocumentStore`.

The rules are :mod:`destinations.collab.rights`; this module looks up who the caller is *now*
(the members table) and what the document is (table ``document_access``), and writes the audit
line of each change. A document without an access row (saved by a release before sign-in, and not
backfilled) counts as shared without an owner.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from destinations.collab import rights
from destinations.collab.identity import current_identity
from destinations.collab.roles import Identity, Member, Principal
from destinations.store.audit import record
from destinations.store.tables import document_access, members

#: Actions of the document store that are not plain saves.
CREATE, SAVE, RESTORE, APPLY, SEED = "create", "save", "restore", "proposal.apply", "seed"


def member_row(conn: Connection, email: str) -> Member | None:
    if not email:
        return None
    row = conn.execute(sa.select(members).where(members.c.email == email)).first()
    return None if row is None else member_from_row(row)


def member_from_row(row) -> Member:
    from destinations.store.documents import _utc

    return Member(row.email, row.role, tuple(json.loads(row.companies or "[]")), bool(row.active),
                  _utc(row.updated_at), row.updated_by)


def principal_for(conn: Connection, identity: Identity) -> Principal:
    """The identity with the role it holds now (local mode: a strategist)."""
    if identity.local:
        return Principal.local()
    return Principal.of(identity, member_row(conn, identity.email))


def access_of(conn: Connection, kind: str, key: str) -> rights.Access:
    row = conn.execute(sa.select(document_access.c.owner, document_access.c.visibility).where(
        document_access.c.kind == kind, document_access.c.key == key)).first()
    return rights.Access("", rights.SHARED) if row is None else rights.Access(row.owner,
                                                                               row.visibility)


def access_map(conn: Connection, kind: str) -> dict[str, rights.Access]:
    rows = conn.execute(sa.select(document_access.c.key, document_access.c.owner,
                                  document_access.c.visibility)
                        .where(document_access.c.kind == kind)).all()
    return {r.key: rights.Access(r.owner, r.visibility) for r in rows}


def put_access(conn: Connection, kind: str, key: str, owner: str, visibility: str) -> None:
    now = datetime.now(timezone.utc)
    done = conn.execute(document_access.update().where(
        document_access.c.kind == kind, document_access.c.key == key).values(
        owner=owner, visibility=visibility, updated_at=now))
    if done.rowcount == 0:
        conn.execute(document_access.insert().values(kind=kind, key=key, owner=owner,
                                                     visibility=visibility, updated_at=now))


def authorize_write(conn: Connection, action: str, kind: str, key: str, name: str,
                    actor: Identity | None, *, new: bool) -> Principal:
    """Raise :class:`~destinations.collab.roles.AccessDenied` unless the caller may do ``action``
    (``create``/``save``/``restore``/``delete``/``undelete``/``proposal.apply``/``seed``)."""
    principal = principal_for(conn, current_identity(actor))
    if action == SEED:
        return principal
    if action == APPLY:
        rights.require_apply(principal)
        return principal
    if new:
        rights.require_create(principal, kind=kind)
        return principal
    access = access_of(conn, kind, key)
    if action in ("delete", "undelete"):
        rights.require_delete(principal, access, kind=kind, name=name)
    else:
        rights.require_save(principal, access, kind=kind, name=name)
    return principal


def written(conn: Connection, principal: Principal, action: str, kind: str, key: str, name: str, *,
            before: object = "", after: object = "", detail: str = "",
            visibility: str | None = None) -> None:
    """After a write: the access row of a new document, and the audit line."""
    if action in (CREATE, SEED):
        owner = "" if action == SEED else principal.who
        put_access(conn, kind, key, owner, visibility or rights.default_visibility(kind))
    who = "system" if action == SEED else principal.who
    record(conn, who, action, kind, key, name, detail, before=before, after=after)


def authorize_read(conn: Connection, kind: str, key: str, name: str,
                   actor: Identity | None) -> Principal:
    principal = principal_for(conn, current_identity(actor))
    rights.require_read(principal, access_of(conn, kind, key), kind=kind, name=name)
    return principal
