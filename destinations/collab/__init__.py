"""Collaboration rules, pure and without a database: who may do what, proposals and their effect.

* :mod:`.roles` — identities, roles (viewer, editor of companies, strategist), members, the
  principal a request acts as; :class:`AccessDenied`.
* :mod:`.rights` — the rights table: reading and writing scenarios by visibility (private,
  shared, published), proposing, consenting, applying, managing members.
* :mod:`.identity` — who the current call acts as (the CLI's ``--as``, the app's signed-in user,
  local mode when nothing is configured).
* :mod:`.proposals` — changes (move, merge, split, rename, story step), the companies they
  touch, the rules they may break, staleness, the state machine.
* :mod:`.effects` — a proposal's effect with the scenario metrics and narrative coherence.
* :mod:`.audit` — audit records and their CSV export.

The store (:mod:`destinations.store`) enforces these rules on every call; the ui only shows them.
"""

from destinations.collab.roles import (
    ANONYMOUS,
    EDITOR,
    LOCAL,
    ROLES,
    STRATEGIST,
    VIEWER,
    AccessDenied,
    Identity,
    Member,
    Principal,
    normalize_email,
)
from destinations.collab.rights import PRIVATE, PUBLISHED, SHARED, VISIBILITIES, Access

__all__ = [
    "ANONYMOUS", "EDITOR", "LOCAL", "PRIVATE", "PUBLISHED", "ROLES", "SHARED", "STRATEGIST",
    "VIEWER", "VISIBILITIES", "Access", "AccessDenied", "Identity", "Member", "Principal",
    "normalize_email",
]
