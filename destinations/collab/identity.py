"""Who the current call acts as.

Every store call that reads or writes documents, proposals or members checks the rights of the
*current identity*, found in this order:

1. an explicit ``actor=`` argument of the store call;
2. :func:`acting_as` (the CLI wraps each command in it: ``--as EMAIL`` or ``DESTINATIONS_USER``);
3. the resolver the app installs (:func:`set_resolver`): inside a Streamlit script run it answers
   the signed-in user, :data:`~destinations.collab.roles.ANONYMOUS`, or local mode;
4. :data:`~destinations.collab.roles.LOCAL` — local mode: one user with every right. This is what
   scripts, notebooks and the CLI without ``--as`` get: they hold the database URL anyway.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Callable, Iterator

from destinations.collab.roles import LOCAL, Identity

_current: ContextVar[Identity | None] = ContextVar("destinations_identity", default=None)
_resolver: Callable[[], Identity | None] | None = None

#: The environment variable the CLI reads when ``--as`` is not given.
USER_ENV = "DESTINATIONS_USER"


def set_resolver(resolver: Callable[[], Identity | None] | None) -> None:
    """Install the function that names the current identity when no :func:`acting_as` is active
    (the app's page frame installs one reading ``st.user``); it returns None to fall through."""
    global _resolver
    _resolver = resolver


@contextmanager
def acting_as(identity: Identity) -> Iterator[Identity]:
    token = _current.set(identity)
    try:
        yield identity
    finally:
        _current.reset(token)


def current_identity(explicit: Identity | None = None) -> Identity:
    if explicit is not None:
        return explicit
    bound = _current.get()
    if bound is not None:
        return bound
    if _resolver is not None:
        resolved = _resolver()
        if resolved is not None:
            return resolved
    return LOCAL
