"""Store schema migrations (Alembic), shipped inside the package and run on the store's first start.

:func:`upgrade` brings a database to the newest revision in place:

* an empty database gets every table;
* a store made before migrations existed (tables ``documents`` and ``document_heads``, no
  ``alembic_version``) is stamped with the baseline revision ``0001`` and upgraded from there;
* a store at an older revision runs the revisions after it, in one transaction (PostgreSQL and
  SQLite both run DDL transactionally: a failed upgrade leaves the store as it was).

Concurrent first starts (several app processes, the load benchmark's workers) are serialised on
PostgreSQL by an advisory lock taken inside that transaction. A database at a revision this code
does not know (made by a newer release) is refused with :class:`~destinations.errors.StoreError`
rather than touched.

Revisions live in ``versions/`` (plain Alembic scripts; each creates its tables with explicit
columns rather than importing today's models, so it stays what it was). To add one: copy the newest
file, give it the next number as ``revision`` and the previous as ``down_revision``, write
``upgrade()``; :data:`HEAD` is found from the scripts.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from destinations.errors import StoreError

logger = logging.getLogger("destinations.store")
LOCATION = Path(__file__).resolve().parent
#: The revision of a store made before migrations existed (documents + document_heads).
BASELINE = "0001"
#: A number of our own for PostgreSQL's advisory lock around upgrades.
_LOCK_ID = 7_204_611_014
_lock = threading.Lock()
_script = None


def _script_directory():
    global _script
    if _script is None:
        from alembic.config import Config
        from alembic.script import ScriptDirectory

        config = Config()
        config.set_main_option("script_location", str(LOCATION))
        _script = ScriptDirectory.from_config(config)
    return _script


def head() -> str:
    return _script_directory().get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The store's revision (``None``: never migrated, or empty)."""
    with engine.connect() as conn:
        if not sa.inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, target: str = "head") -> str:
    """Bring the database of ``engine`` to ``target`` (default: the newest revision); returns the
    revision it is at. Cheap when nothing is to do (one query)."""
    newest = head() if target == "head" else target
    try:
        if current_revision(engine) == newest:
            return newest
    except sa.exc.ProgrammingError:
        pass
    with _lock:
        return _upgrade(engine, newest)


def _upgrade(engine: Engine, target: str) -> str:
    from alembic.runtime.environment import EnvironmentContext
    from alembic.runtime.migration import MigrationContext

    script = _script_directory()
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:id)"), {"id": _LOCK_ID})
        context = MigrationContext.configure(conn)
        current = context.get_current_revision()
        known = {rev.revision for rev in script.walk_revisions()}
        if current is not None and current not in known:
            logger.error("store is at revision %s, unknown to this release", current)
            raise StoreError("The store was upgraded by a newer release of this planner; this "
                             "release cannot use it. Install the newer release (nothing was "
                             "changed).")
        if current is None and sa.inspect(conn).has_table("documents"):
            logger.warning("store made before migrations: stamping revision %s", BASELINE)
            context.stamp(script, BASELINE)
            current = BASELINE
        if current == target:
            return target

        def steps(revision, _context):
            return script._upgrade_revs(target, revision)

        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(LOCATION))
        with EnvironmentContext(config, script, fn=steps, destination_rev=target) as env:
            env.configure(connection=conn, transactional_ddl=True)
            with env.begin_transaction():
                env.run_migrations()
        logger.warning("store upgraded from revision %s to %s", current, target)
    return target
