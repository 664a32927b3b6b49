"""Is the store answering? One cheap check the pages can make before they touch saved documents.

While the database is down the app keeps serving everything that comes from the data (map, season,
profile, built-in stories); only saving, opening and listing saved scenarios and stories wait for
the store. :func:`store_status` never raises: it returns :class:`StoreStatus` with a message fit to
show (no host, port, path or SQL; those go to the ``destinations.store`` log).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from destinations.errors import StoreError
from destinations.store.documents import database_boundary, make_engine

#: Seconds :func:`store_status` waits for a PostgreSQL server it has to connect to.
STATUS_TIMEOUT_S = 3


@dataclass(frozen=True)
class StoreStatus:
    """Outcome of :func:`store_status`.

    Attributes
    ----------
    ok
        The database answered a query.
    message
        ``""`` when ``ok``; otherwise one paragraph for visitors ("... is not reachable: ...").
    checked_in_s
        How long the check took (seconds); a slow answer is worth a look even when ``ok``.
    """

    ok: bool
    message: str = ""
    checked_in_s: float = 0.0

    def __bool__(self) -> bool:
        return self.ok


def store_status(target: Any) -> StoreStatus:
    """Ask the store for ``SELECT 1``; never raises for an unreachable or misconfigured store.

    Parameters
    ----------
    target
        A database URL (a short-lived, unpooled engine is made and disposed, waiting at most
        :data:`STATUS_TIMEOUT_S` for PostgreSQL), an :class:`~sqlalchemy.engine.Engine`, or
        anything with an ``engine`` or ``documents.engine`` (``DocumentStore``, ``ScenarioStore``,
        ``StoryStore``): their own pool is used, so the check is what their next call would meet.
    """
    started = time.perf_counter()
    owned = None
    try:
        if isinstance(target, str):
            owned = engine = make_engine(_with_timeout(target), pool=False)
        else:
            engine = _engine_of(target)
        with database_boundary("status", None, writing=False), engine.connect() as conn:
            conn.execute(sa.text("SELECT 1")).scalar()
    except StoreError as exc:
        return StoreStatus(False, str(exc), time.perf_counter() - started)
    finally:
        if owned is not None:
            owned.dispose()
    return StoreStatus(True, "", time.perf_counter() - started)


def _engine_of(target: Any) -> Engine:
    if isinstance(target, Engine):
        return target
    documents = getattr(target, "documents", target)
    engine = getattr(documents, "engine", None)
    if not isinstance(engine, Engine):
        raise TypeError(f"store_status() takes a database URL, an engine or a store, not "
                        f"{type(target).__name__}")
    return engine


def _with_timeout(url: str) -> str:
    """``url`` with a short PostgreSQL connect timeout, unless it sets its own (or is no URL)."""
    try:
        parsed = sa.engine.make_url(url)
    except sa.exc.ArgumentError:
        return url  # make_engine reports it
    if parsed.drivername.startswith("postgresql") and "connect_timeout" not in parsed.query:
        parsed = parsed.update_query_dict({"connect_timeout": str(STATUS_TIMEOUT_S)})
    return parsed.render_as_string(hide_password=False)
