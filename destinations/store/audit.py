"""The audit trail in the store: one row per save, delete, restore, share/publish, role change and
proposal step, written in the same transaction as the change (so a change without its line, or a
line without its change, cannot happen).

:func:`record` is called by the other store modules; :class:`AuditLog` reads the trail of one
document (checking that the reader may read the document) or, for strategists, all of it.
"""

from __future__ import annotations

from datetime import datetime, timezone

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from destinations.collab.audit import AuditEntry
from destinations.collab.identity import current_identity
from destinations.collab.rights import require_read
from destinations.collab.roles import Identity
from destinations.errors import ScenarioError
from destinations.store.documents import (
    MAX_DOCUMENT_NAME_LENGTH,
    DocumentStore,
    _utc,
    database_boundary,
    document_heads,
)
from destinations.store.tables import MAX_EMAIL, audit_log

#: Longest detail kept (characters); longer texts (a long reason) are cut with an ellipsis.
MAX_DETAIL = 4000


def _cut(text: object, limit: int) -> str:
    text = "" if text is None else str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def record(conn: Connection, who: str, action: str, kind: str, key: str, name: str, detail: str = "",
           *, before: object = "", after: object = "") -> None:
    conn.execute(audit_log.insert().values(
        at=datetime.now(timezone.utc), who=_cut(who, MAX_EMAIL), action=action, kind=kind, key=key,
        name=_cut(name, MAX_DOCUMENT_NAME_LENGTH), detail=_cut(detail, MAX_DETAIL),
        before=_cut(before, MAX_DETAIL), after=_cut(after, MAX_DETAIL)))


def _entry(row) -> AuditEntry:
    return AuditEntry(row.id, _utc(row.at), row.who, row.action, row.kind, row.key, row.name,
                      row.detail, row.before, row.after)


class AuditLog:
    """Reading the trail. ``target``: a :class:`DocumentStore`, a database URL or an engine."""

    def __init__(self, target: DocumentStore | str | Engine) -> None:
        self.documents = target if isinstance(target, DocumentStore) else DocumentStore(target)
        self.engine = self.documents.engine

    def entries(self, kind: str, key: str, *, actor: Identity | None = None) -> list[AuditEntry]:
        """The trail of one document (and its proposals), oldest first; the reader must be
        allowed to read the document."""
        from destinations.store.access import access_of, principal_for

        identity = current_identity(actor)
        with database_boundary("audit", kind, writing=False), self.engine.connect() as conn:
            head = conn.execute(sa.select(document_heads.c.name).where(
                document_heads.c.kind == kind, document_heads.c.key == key)).first()
            rows = conn.execute(sa.select(audit_log).where(
                audit_log.c.kind == kind, audit_log.c.key == key).order_by(audit_log.c.id)).all()
            if head is None and not rows:
                raise ScenarioError(f"No stored {kind} with id {key!r}.")
            require_read(principal_for(conn, identity), access_of(conn, kind, key), kind=kind,
                         name=head.name if head else (rows[-1].name if rows else key))
        return [_entry(r) for r in rows]

    def all_entries(self, *, actor: Identity | None = None, limit: int = 1000) -> list[AuditEntry]:
        """The newest ``limit`` lines of the whole trail (strategists only: it names everyone's
        private drafts), oldest first."""
        from destinations.collab.rights import require_manage_members
        from destinations.store.access import principal_for

        identity = current_identity(actor)
        with database_boundary("audit", None, writing=False), self.engine.connect() as conn:
            require_manage_members(principal_for(conn, identity))
            rows = conn.execute(sa.select(audit_log).order_by(audit_log.c.id.desc())
                                .limit(limit)).all()
        return [_entry(r) for r in reversed(rows)]
