"""Versioned document store (SQLAlchemy Core): scenarios now, any JSON document kind later.

One SQLite file by default (``Settings.db_url``), PostgreSQL when ``DESTINATIONS_DB_URL`` says so
(``postgresql+psycopg://user@host:port/db``). Two tables:

* ``documents`` - every saved version, never updated: ``(kind, key, version)`` -> name, JSON body,
  time, note. A save always adds a row, so older versions stay restorable;
* ``document_heads`` - one row per document: its current version and a soft-delete flag.

Optimistic concurrency: a save names the version it started from. The head is advanced with
``UPDATE ... WHERE version = <that version>`` inside the transaction that inserts the new version, so
of two people saving from the same version exactly one wins, on SQLite and PostgreSQL alike. The
loser gets :class:`ConflictError`; :class:`ScenarioStore` first keeps the refused edit as a draft
copy (a new scenario), so neither edit is lost.

Other document kinds (narratives, stories) reuse :class:`DocumentStore` with their own ``kind``.

Rights and audit (collaboration): every read and write is checked against the rights of the
current identity (:func:`destinations.collab.identity.current_identity`, or an explicit
``actor=``) inside its transaction, and every write adds its line to the audit trail in the same
transaction (:mod:`destinations.store.access`). A refused call raises
:class:`~destinations.collab.roles.AccessDenied` and changes nothing. The schema is created and
upgraded by :func:`destinations.store.migrations.upgrade` on the first start.

Error boundary: every public call raises only the project's own errors. A database that does not
answer (server stopped, network down, SQLite file unreachable) is :class:`StoreUnavailable`; any
other database failure is :class:`StoreError`. Their messages are shown to visitors, so they never
name a host, port, file path or SQL; the details go to the ``destinations.store`` logger. Lengths
are checked before any SQL (:data:`MAX_KEY_LENGTH` ...): SQLite ignores ``VARCHAR`` lengths while
PostgreSQL refuses longer values, and both must behave the same.
"""

from __future__ import annotations

import json
import logging
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from destinations.errors import ScenarioError, StoreError, StoreLimitError, StoreUnavailable
from destinations.scenarios.scenario import MAX_ID_LENGTH, MAX_NAME_LENGTH, Scenario, validate_name

SCENARIO_KIND = "scenario"
#: Column limits, checked in :meth:`DocumentStore.save` before any SQL (see the module notes).
MAX_KIND_LENGTH = 40
MAX_KEY_LENGTH = MAX_ID_LENGTH
MAX_DOCUMENT_NAME_LENGTH = 200
MAX_NOTE_LENGTH = 300
#: Largest JSON body stored (bytes). A 98-municipality plan is ~5 kB, the largest valid story
#: (40 steps of 2 x 6000 characters plus media) ~1.7 MB; anything bigger is not a document of ours.
MAX_BODY_BYTES = 4 * 2**20
#: Seconds to wait for a PostgreSQL server before calling it unreachable (psycopg waits for the
#: operating system's TCP timeout otherwise, minutes on a dropped network).
CONNECT_TIMEOUT_S = 5

logger = logging.getLogger("destinations.store")
# A library does not print on its own: without this, Python's last-resort handler would write
# the details (host, port, SQL) to stderr of the CLI, around its one-line error. The entry points
# (app.py, an operator's logging config) attach real handlers to "destinations".
logger.addHandler(logging.NullHandler())
_metadata = sa.MetaData()

documents = sa.Table(
    "documents", _metadata,
    sa.Column("kind", sa.String(MAX_KIND_LENGTH), primary_key=True),
    sa.Column("key", sa.String(MAX_KEY_LENGTH), primary_key=True),
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(MAX_DOCUMENT_NAME_LENGTH), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("note", sa.String(MAX_NOTE_LENGTH), nullable=False, default=""),
)

document_heads = sa.Table(
    "document_heads", _metadata,
    sa.Column("kind", sa.String(MAX_KIND_LENGTH), primary_key=True),
    sa.Column("key", sa.String(MAX_KEY_LENGTH), primary_key=True),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("name", sa.String(MAX_DOCUMENT_NAME_LENGTH), nullable=False),
    sa.Column("deleted", sa.Boolean, nullable=False, default=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

_RETRY = ("Try again in a moment; if it keeps failing, ask the administrator to check the "
          "database server and DESTINATIONS_DB_URL.")
_PLURAL = {"scenario": "scenarios", "story": "stories"}


def _store_name(kind: str | None) -> str:
    return f"The {kind} store" if kind in _PLURAL else "The store of saved scenarios and stories"


@contextmanager
def database_boundary(action: str, kind: str | None, *, writing: bool) -> Iterator[None]:
    """Turn every database failure inside the block into :class:`StoreUnavailable`/:class:`StoreError`.

    ``action`` names the call in the server log; visitors get a message without host, port, path
    or SQL (raised ``from None`` so not even a shown traceback carries them).
    """
    done = "nothing was changed" if writing or kind not in _PLURAL else (
        f"saved {_PLURAL[kind]} cannot be read right now; nothing was changed")
    try:
        yield
    except (sa.exc.OperationalError, sa.exc.InterfaceError, sa.exc.DisconnectionError,
            sa.exc.TimeoutError, OSError) as exc:
        logger.warning("store %s (%s) failed, database unreachable: %s", action, kind, _one_line(exc))
        raise StoreUnavailable(f"{_store_name(kind)} is not reachable: {done}. {_RETRY}") from None
    except SQLAlchemyError as exc:
        logger.error("store %s (%s) failed: %s", action, kind, _one_line(exc))
        raise StoreError(f"{_store_name(kind)} could not complete the request: {done}. "
                         f"{_RETRY}") from None


def _one_line(exc: BaseException) -> str:
    return " | ".join(line.strip() for line in str(exc).splitlines() if line.strip())


def check_document(kind: str, key: str, name: str, body: str) -> None:
    """Refuse, before any SQL, what a column cannot hold (:class:`StoreLimitError`, nothing saved).

    The domain checks its own limits first with friendlier messages (scenario and company names,
    story ids and titles); this is the last line, identical on SQLite and PostgreSQL.
    """
    problems = []
    for what, value, limit in (("kind", kind, MAX_KIND_LENGTH), ("id", key, MAX_KEY_LENGTH),
                               ("name", name, MAX_DOCUMENT_NAME_LENGTH)):
        if not isinstance(value, str) or not value.strip():
            problems.append(f"the {what} is empty")
        elif len(value) > limit:
            problems.append(f"the {what} is {len(value)} characters long, at most {limit} are "
                            "allowed")
    size = len(body.encode("utf-8"))
    if size > MAX_BODY_BYTES:
        problems.append(f"the document is {size / 2**20:.1f} MB, at most "
                        f"{MAX_BODY_BYTES // 2**20} MB are allowed")
    if problems:
        raise StoreLimitError(f"Not saved: {'; '.join(problems)}. Shorten it and save again.")


class ConflictError(ScenarioError):
    """Someone saved (or deleted) the document since the version this edit started from.

    Attributes
    ----------
    key, base_version, current_version
        The document, the version the refused edit started from, the version now stored
        (``None`` if the document was deleted).
    refused
        The refused payload (never lost).
    draft_key
        Where :class:`ScenarioStore` kept the refused edit (a new scenario id), if it did.
    """

    def __init__(self, message: str, *, key: str, base_version: int | None,
                 current_version: int | None, refused: dict, draft_key: str | None = None) -> None:
        super().__init__(message)
        self.key = key
        self.base_version = base_version
        self.current_version = current_version
        self.refused = refused
        self.draft_key = draft_key


@dataclass(frozen=True)
class StoredVersion:
    kind: str
    key: str
    version: int
    name: str
    created_at: datetime
    note: str = ""


@dataclass(frozen=True)
class StoredDocument:
    kind: str
    key: str
    version: int
    name: str
    payload: dict
    created_at: datetime
    deleted: bool = False


@dataclass(frozen=True)
class DocumentHead:
    kind: str
    key: str
    version: int
    name: str
    deleted: bool
    updated_at: datetime


class _Lost(Exception):
    """Internal: the conditional head update matched no row."""


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _utc(value: datetime) -> datetime:
    # SQLite hands back naive datetimes; everything we write is UTC.
    return value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)


def make_engine(url: str, *, pool: bool = True) -> Engine:
    """An engine for ``url``; a SQLite file's folder is created when missing.

    ``pool=False`` opens a connection per use (health checks). The URL is never put in a message
    (it may hold a password, host and path); it goes to the server log.
    """
    try:
        parsed = sa.engine.make_url(url)
    except sa.exc.ArgumentError as exc:
        logger.error("store URL is not a database URL: %s", exc)
        raise StoreError("DESTINATIONS_DB_URL is not a database URL. Set it to e.g. "
                         "sqlite:///scenarios.sqlite or postgresql+psycopg://user@host/db."
                         ) from None
    connect_args = {}
    if parsed.drivername.startswith("postgresql") and "connect_timeout" not in parsed.query:
        connect_args["connect_timeout"] = CONNECT_TIMEOUT_S
    with database_boundary("open", None, writing=False):
        if parsed.drivername.startswith("sqlite") and parsed.database not in (None, "", ":memory:"):
            Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    try:
        return sa.create_engine(url, future=True, pool_pre_ping=True, connect_args=connect_args,
                                **({} if pool else {"poolclass": sa.pool.NullPool}))
    except (ImportError, SQLAlchemyError) as exc:
        logger.error("cannot create a store engine for %s: %s", parsed.render_as_string(), exc)
        raise StoreError("Cannot open the store of saved scenarios and stories: the database URL "
                         "or its driver is wrong. Check DESTINATIONS_DB_URL and that the driver "
                         "(psycopg, pip install \".[postgres]\") is installed.") from None


class DocumentStore:
    """Versioned JSON documents with optimistic concurrency and soft delete.

    Parameters
    ----------
    target
        A database URL or an existing :class:`~sqlalchemy.engine.Engine`. Tables are created
        when missing, and a store made by an older release is upgraded in place (migrations).
    """

    def __init__(self, target: str | Engine) -> None:
        from destinations.store.migrations import upgrade

        self.engine = make_engine(target) if isinstance(target, str) else target
        with database_boundary("create tables", None, writing=False):
            upgrade(self.engine)

    @classmethod
    def from_settings(cls, settings) -> "DocumentStore":
        return cls(settings.db_url)

    # ------------------------------------------------------------------ writing
    def save(self, kind: str, key: str, payload: dict, *, name: str,
             base_version: int | None, note: str = "", actor=None, action: str | None = None,
             visibility: str | None = None, also=None) -> int:
        """Save ``payload`` as the next version of ``(kind, key)``; returns the new version.

        ``base_version`` is the version the edit started from (``None`` for a new document).
        Raises :class:`ConflictError` if the stored version differs (or the key is taken, or the
        document was deleted), :class:`~destinations.collab.roles.AccessDenied` if ``actor`` (by
        default the current identity) may not save it; nothing is written then. ``action`` names
        the write in the audit trail (``create``/``save`` by default; ``restore``; the store's
        own ``proposal.apply`` and ``seed``); ``visibility`` that of a new document. ``also``
        (``fn(connection, new_version)``) runs inside the same transaction (a proposal marked
        applied together with the version it made).
        """
        from destinations.store import access

        body = json.dumps(payload, ensure_ascii=False, sort_keys=True)
        check_document(kind, key, name, body)
        now = _now()
        new_version = 1 if base_version is None else base_version + 1
        action = action or (access.CREATE if base_version is None else access.SAVE)
        with database_boundary("save", kind, writing=True):
            try:
                with self.engine.begin() as conn:
                    principal = access.authorize_write(conn, action, kind, key, name, actor,
                                                       new=base_version is None)
                    if base_version is None:
                        conn.execute(document_heads.insert().values(
                            kind=kind, key=key, version=1, name=name, deleted=False, updated_at=now))
                    else:
                        result = conn.execute(
                            document_heads.update()
                            .where(document_heads.c.kind == kind, document_heads.c.key == key,
                                   document_heads.c.version == base_version,
                                   document_heads.c.deleted.is_(False))
                            .values(version=new_version, name=name, updated_at=now))
                        if result.rowcount != 1:
                            raise _Lost()
                    conn.execute(documents.insert().values(
                        kind=kind, key=key, version=new_version, name=name, body=body, created_at=now,
                        note=note[:MAX_NOTE_LENGTH]))
                    access.written(conn, principal, action, kind, key, name,
                                   before="" if base_version is None else f"version {base_version}",
                                   after=f"version {new_version}", detail=note,
                                   visibility=visibility)
                    if also is not None:
                        also(conn, new_version)
            except (_Lost, IntegrityError):
                head = self.head(kind, key)
                current = None if head is None or head.deleted else head.version
                if head is not None and head.deleted:
                    why = "it was deleted since you opened it"
                elif base_version is None:
                    why = f"a document with this id already exists (version {current})"
                else:
                    why = f"someone saved version {current} since you opened version {base_version}"
                raise ConflictError(
                    f"Not saved: {name!r} changed in the store - {why}.",
                    key=key, base_version=base_version, current_version=current, refused=payload,
                ) from None
        return new_version

    def delete(self, kind: str, key: str, *, actor=None) -> None:
        """Soft delete: hidden from :meth:`heads` but restorable with :meth:`undelete`."""
        self._set_deleted(kind, key, True, actor)

    def undelete(self, kind: str, key: str, *, actor=None) -> None:
        self._set_deleted(kind, key, False, actor)

    def _set_deleted(self, kind: str, key: str, deleted: bool, actor=None) -> None:
        from destinations.store import access

        action = "delete" if deleted else "undelete"
        with (database_boundary(action, kind, writing=True),
              self.engine.begin() as conn):
            head = conn.execute(sa.select(document_heads.c.name, document_heads.c.deleted).where(
                document_heads.c.kind == kind, document_heads.c.key == key)).first()
            if head is None:
                raise ScenarioError(f"No stored {kind} with id {key!r}. Refresh the list.")
            principal = access.authorize_write(conn, action, kind, key, head.name, actor, new=False)
            result = conn.execute(document_heads.update()
                                  .where(document_heads.c.kind == kind, document_heads.c.key == key)
                                  .values(deleted=deleted, updated_at=_now()))
            access.written(conn, principal, action, kind, key, head.name,
                           before="deleted" if head.deleted else "current",
                           after="deleted" if deleted else "current")
        if result.rowcount != 1:
            raise ScenarioError(f"No stored {kind} with id {key!r}. Refresh the list.")

    def restore_version(self, kind: str, key: str, version: int, *, base_version: int,
                        note: str = "", actor=None) -> int:
        """Make an older version current again by saving it as a new version."""
        old = self.load(kind, key, version, include_deleted=True, actor=actor)
        return self.save(kind, key, old.payload, name=old.name, base_version=base_version,
                         note=note or f"restored version {version}", actor=actor, action="restore")

    def set_visibility(self, kind: str, key: str, visibility: str, *, actor=None) -> None:
        """Make a document private, shared or published (publishing: strategists only)."""
        from destinations.collab import rights
        from destinations.store import access

        with database_boundary("visibility", kind, writing=True), self.engine.begin() as conn:
            head = conn.execute(sa.select(document_heads.c.name).where(
                document_heads.c.kind == kind, document_heads.c.key == key)).first()
            if head is None:
                raise ScenarioError(f"No stored {kind} with id {key!r}. Refresh the list.")
            principal = access.principal_for(conn, access.current_identity(actor))
            current = access.access_of(conn, kind, key)
            rights.require_visibility(principal, current, visibility, kind=kind, name=head.name)
            if kind == SCENARIO_KIND and key == "today" and visibility != rights.PUBLISHED:
                raise ScenarioError("'Destination companies today' is the published reference "
                                    "plan; it stays published.")
            if current.visibility == visibility:
                return
            access.put_access(conn, kind, key, current.owner, visibility)
            access.written(conn, principal, "visibility", kind, key, head.name,
                           before=current.visibility, after=visibility)

    def access(self, kind: str, key: str, *, actor=None):
        """The owner and visibility of a document (:class:`~destinations.collab.rights.Access`)
        the caller may read."""
        from destinations.store import access

        with database_boundary("access", kind, writing=False), self.engine.connect() as conn:
            head = conn.execute(sa.select(document_heads.c.name).where(
                document_heads.c.kind == kind, document_heads.c.key == key)).first()
            if head is None:
                raise ScenarioError(f"No stored {kind} with id {key!r}.")
            access.authorize_read(conn, kind, key, head.name, actor)
            return access.access_of(conn, kind, key)

    # ------------------------------------------------------------------ reading
    def head(self, kind: str, key: str) -> DocumentHead | None:
        with database_boundary("head", kind, writing=False), self.engine.connect() as conn:
            row = conn.execute(sa.select(document_heads).where(
                document_heads.c.kind == kind, document_heads.c.key == key)).first()
        return None if row is None else DocumentHead(row.kind, row.key, row.version, row.name,
                                                     bool(row.deleted), _utc(row.updated_at))

    def heads(self, kind: str, *, deleted: bool = False, actor=None) -> list[DocumentHead]:
        """Current documents of ``kind`` (or the deleted ones) the caller may read, newest first."""
        from destinations.collab.rights import can_read
        from destinations.store import access

        with database_boundary("list", kind, writing=False), self.engine.connect() as conn:
            rows = conn.execute(sa.select(document_heads)
                                .where(document_heads.c.kind == kind,
                                       document_heads.c.deleted.is_(deleted))
                                .order_by(document_heads.c.updated_at.desc(),
                                          document_heads.c.key)).all()
            principal = access.principal_for(conn, access.current_identity(actor))
            if not principal.is_strategist:
                rules = access.access_map(conn, kind)
                legacy = access.access_of(conn, kind, "")  # the rule for documents without a row
                rows = [r for r in rows if can_read(principal, rules.get(r.key, legacy))]
        return [DocumentHead(r.kind, r.key, r.version, r.name, bool(r.deleted), _utc(r.updated_at))
                for r in rows]

    def load(self, kind: str, key: str, version: int | None = None, *,
             include_deleted: bool = False, actor=None) -> StoredDocument:
        """The current (or a given) version; raises :class:`ScenarioError` if absent/deleted,
        :class:`~destinations.collab.roles.AccessDenied` if the caller may not read it."""
        from destinations.store import access

        head = self.head(kind, key)
        if head is None or (head.deleted and not include_deleted):
            raise ScenarioError(f"No stored {kind} with id {key!r}"
                                f"{' (it is deleted; restore it first)' if head else ''}.")
        wanted = head.version if version is None else int(version)
        with database_boundary("load", kind, writing=False), self.engine.connect() as conn:
            access.authorize_read(conn, kind, key, head.name, actor)
            row = conn.execute(sa.select(documents).where(
                documents.c.kind == kind, documents.c.key == key,
                documents.c.version == wanted)).first()
        if row is None:
            raise ScenarioError(f"{kind} {key!r} has no version {wanted} "
                                f"(versions 1-{head.version}).")
        try:
            payload = json.loads(row.body)
        except json.JSONDecodeError as exc:
            logger.error("stored %s %r version %s is not JSON: %s", kind, key, wanted, exc)
            raise StoreError(f"Stored {kind} {key!r} version {wanted} is damaged and cannot be "
                             "read. Open another version (the older ones are kept).") from None
        return StoredDocument(row.kind, row.key, row.version, row.name, payload,
                              _utc(row.created_at), head.deleted)

    def versions(self, kind: str, key: str, *, actor=None) -> list[StoredVersion]:
        """Every saved version, newest first (for a caller who may read the document)."""
        from destinations.store import access

        head = self.head(kind, key)
        with database_boundary("versions", kind, writing=False), self.engine.connect() as conn:
            if head is not None:
                access.authorize_read(conn, kind, key, head.name, actor)
            rows = conn.execute(sa.select(documents.c.kind, documents.c.key, documents.c.version,
                                          documents.c.name, documents.c.created_at,
                                          documents.c.note)
                                .where(documents.c.kind == kind, documents.c.key == key)
                                .order_by(documents.c.version.desc())).all()
        return [StoredVersion(r.kind, r.key, r.version, r.name, _utc(r.created_at), r.note or "")
                for r in rows]


@dataclass(frozen=True)
class SavedScenario:
    """A scenario as stored: the plan and the version it is at."""

    scenario: Scenario
    version: int


class ScenarioStore:
    """Scenarios on top of :class:`DocumentStore` (kind ``"scenario"``, key = scenario id).

    ``codes`` (the 98 municipality codes) validates every loaded document, so a stale or edited
    database row can never put an unknown municipality into a plan.
    """

    def __init__(self, store: DocumentStore | str | Engine, *, codes: Iterable[str] | None = None):
        self.documents = store if isinstance(store, DocumentStore) else DocumentStore(store)
        self.codes = tuple(codes) if codes is not None else None

    def save(self, scenario: Scenario, *, base_version: int | None, note: str = "",
             actor=None, visibility: str | None = None) -> int:
        """Save a new version; on conflict keep the edit as a draft copy and raise.

        The raised :class:`ConflictError` names the draft (``draft_key``); the stored scenario
        is untouched. A caller without the right to save raises
        :class:`~destinations.collab.roles.AccessDenied` (no draft is kept then). ``visibility``
        is that of a new scenario (default private).
        """
        self._check(scenario)
        try:
            return self.documents.save(SCENARIO_KIND, scenario.id, scenario.to_dict(),
                                       name=scenario.name, base_version=base_version, note=note,
                                       actor=actor, visibility=visibility)
        except ConflictError as conflict:
            draft = scenario.copy(_draft_name(scenario.name))
            self.documents.save(SCENARIO_KIND, draft.id, draft.to_dict(), name=draft.name,
                                base_version=None, note=f"kept from a refused save of {scenario.id}",
                                actor=actor)
            raise ConflictError(
                f"{conflict} Your edit was kept as a new scenario {draft.name!r}; compare the "
                "two and carry your changes over.",
                key=scenario.id, base_version=base_version,
                current_version=conflict.current_version, refused=scenario.to_dict(),
                draft_key=draft.id,
            ) from None

    def load(self, scenario_id: str, version: int | None = None, *,
             include_deleted: bool = False, actor=None) -> SavedScenario:
        document = self.documents.load(SCENARIO_KIND, scenario_id, version,
                                       include_deleted=include_deleted, actor=actor)
        scenario = Scenario.from_dict(document.payload, codes=self.codes)
        return SavedScenario(scenario, document.version)

    def list(self, *, deleted: bool = False, actor=None) -> list[DocumentHead]:
        return self.documents.heads(SCENARIO_KIND, deleted=deleted, actor=actor)

    def find(self, name: str, *, actor=None) -> SavedScenario:
        """The stored scenario called ``name`` (case-insensitive); errors if none or several."""
        wanted = " ".join(name.split()).casefold()
        matches = [h for h in self.list(actor=actor) if h.name.casefold() == wanted]
        if not matches:
            raise ScenarioError(f"No saved scenario called {name!r}. List them with the app's "
                                "scenario menu.")
        if len(matches) > 1:
            raise ScenarioError(f"{len(matches)} saved scenarios are called {name!r}; rename one.")
        return self.load(matches[0].key, actor=actor)

    def versions(self, scenario_id: str, *, actor=None) -> list[StoredVersion]:
        return self.documents.versions(SCENARIO_KIND, scenario_id, actor=actor)

    def restore_version(self, scenario_id: str, version: int, *, base_version: int,
                        actor=None) -> int:
        self.load(scenario_id, version, include_deleted=True, actor=actor)  # validates first
        return self.documents.restore_version(SCENARIO_KIND, scenario_id, version,
                                              base_version=base_version, actor=actor)

    def delete(self, scenario_id: str, *, actor=None) -> None:
        self.documents.delete(SCENARIO_KIND, scenario_id, actor=actor)

    def undelete(self, scenario_id: str, *, actor=None) -> None:
        self.documents.undelete(SCENARIO_KIND, scenario_id, actor=actor)

    def set_visibility(self, scenario_id: str, visibility: str, *, actor=None) -> None:
        """private / shared / published (see :mod:`destinations.collab.rights`)."""
        self.documents.set_visibility(SCENARIO_KIND, scenario_id, visibility, actor=actor)

    def access(self, scenario_id: str, *, actor=None):
        return self.documents.access(SCENARIO_KIND, scenario_id, actor=actor)

    def ensure_today(self, today: Scenario) -> SavedScenario:
        """The stored, published "Destination companies today" (id ``today``), stored from the
        built-in plan ``today`` the first time it is needed (proposals change it by versions)."""
        from destinations.collab.rights import PUBLISHED

        head = self.documents.head(SCENARIO_KIND, "today")
        if head is None:
            try:
                self.documents.save(SCENARIO_KIND, "today", today.to_dict(), name=today.name,
                                    base_version=None, note="the built-in plan of today's companies",
                                    action="seed", visibility=PUBLISHED)
            except ConflictError:
                pass  # someone stored it at the same moment
        return self.load("today", include_deleted=True)

    def _check(self, scenario: Scenario) -> None:
        # Names are validated when a scenario is built through its constructors, but a plan made
        # with dataclasses.replace (or by a future code path) must not reach the database unchecked.
        try:
            validate_name(scenario.name, what="scenario name")
            for _, company in scenario.company_names:
                validate_name(company)
        except ScenarioError as exc:
            raise ScenarioError(f"Not saved: {exc}") from None
        if self.codes is not None and set(scenario.codes) != set(self.codes):
            raise ScenarioError(f"Scenario {scenario.name!r} covers other municipalities than "
                                "this store's data set; nothing was saved.")


def _draft_name(name: str) -> str:
    stamp = _now().strftime("%Y-%m-%d %H:%M")
    suffix = f" (unsaved edit {stamp})"
    return name[: MAX_NAME_LENGTH - len(suffix)].rstrip() + suffix
