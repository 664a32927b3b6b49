"""Who acts: identities, roles and the principal a request is checked as.

* :class:`Identity` — who a call says it is: an e-mail address from the sign-in (or the CLI's
  ``--as``), :data:`LOCAL` in local mode, :data:`ANONYMOUS` when nobody is signed in.
* :class:`Member` — a row of the members table: an e-mail address, a role and, for editors, the
  destination companies they edit. Removing a member keeps the row (``active=False``): the audit
  trail still names them, and they keep only what everybody has (reading published plans).
* :class:`Principal` — an identity with the role it holds *now* (looked up by the store inside the
  transaction that checks the right, so a role change takes effect on the next call).

Roles: ``viewer`` (reads shared and published plans, comments), ``editor`` of one or more
companies (drafts scenarios, proposes, consents for their companies), ``strategist`` (national:
every right, publishes, applies proposals, manages members).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from destinations.errors import DestinationsError

VIEWER = "viewer"
EDITOR = "editor"
STRATEGIST = "strategist"
ROLES = (VIEWER, EDITOR, STRATEGIST)
#: Longest e-mail address accepted (RFC 5321's path limit).
MAX_EMAIL_LENGTH = 254
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")


class AccessDenied(DestinationsError):
    """The acting user may not do this. The message names the right that is missing and who has
    it; nothing was changed."""


class CollabError(DestinationsError):
    """A collaboration request that breaks a rule (a proposal in the wrong state, a bad e-mail
    address, an unknown member); nothing was changed."""


def normalize_email(text: object) -> str:
    """``" Anna@Example.DK "`` -> ``"anna@example.dk"``; raises :class:`CollabError` for text that
    is not an e-mail address."""
    email = str(text or "").strip().lower()
    if not email or len(email) > MAX_EMAIL_LENGTH or not _EMAIL.match(email) \
            or any(ord(ch) < 32 or ord(ch) == 127 for ch in email):
        shown = str(text)[:80]
        raise CollabError(f"{shown!r} is not an e-mail address. Give the address the person signs "
                          "in with, e.g. anna@visitfyn.dk.")
    return email


@dataclass(frozen=True)
class Identity:
    """Who a call says it is. ``email`` is normalised; ``""`` means nobody is signed in."""

    email: str
    name: str = ""
    local: bool = False

    @property
    def signed_in(self) -> bool:
        return self.local or bool(self.email)

    @property
    def label(self) -> str:
        """How the audit trail and the pages name this identity."""
        if self.local:
            return LOCAL_EMAIL
        return self.email or "anonymous"


#: The one user of local mode (no sign-in configured): every right.
LOCAL_EMAIL = "local"
LOCAL = Identity(LOCAL_EMAIL, "Local user", local=True)
#: Nobody signed in (sign-in configured): reads what is published, nothing else.
ANONYMOUS = Identity("")


@dataclass(frozen=True)
class Member:
    """A row of the members table."""

    email: str
    role: str
    companies: tuple[str, ...] = ()
    active: bool = True
    updated_at: datetime | None = None
    updated_by: str = ""

    def to_dict(self) -> dict:
        return {"email": self.email, "role": self.role, "companies": list(self.companies),
                "active": self.active,
                "updated_at": self.updated_at.isoformat() if self.updated_at else None,
                "updated_by": self.updated_by}


@dataclass(frozen=True)
class Principal:
    """An identity with the role it holds now (``role=None``: not a member, or removed)."""

    identity: Identity
    role: str | None = None
    companies: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def local(cls) -> "Principal":
        return cls(LOCAL, STRATEGIST)

    @classmethod
    def of(cls, identity: Identity, member: Member | None) -> "Principal":
        if identity.local:
            return cls.local()
        if member is None or not member.active or not identity.email:
            return cls(identity)
        companies = frozenset(member.companies) if member.role == EDITOR else frozenset()
        return cls(identity, member.role, companies)

    @property
    def who(self) -> str:
        return self.identity.label

    @property
    def is_member(self) -> bool:
        return self.role in ROLES

    @property
    def is_strategist(self) -> bool:
        return self.role == STRATEGIST

    @property
    def can_draft(self) -> bool:
        """Editors and strategists draft scenarios and propose changes; viewers read and comment."""
        return self.role in (EDITOR, STRATEGIST)

    def edits(self, company_id: str | None) -> bool:
        """Is this principal an editor of ``company_id``?"""
        return self.role == EDITOR and company_id is not None and company_id in self.companies
