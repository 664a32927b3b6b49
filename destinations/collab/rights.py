"""The rights table, as pure functions that raise :class:`~destinations.collab.roles.AccessDenied`.

Visibility of a scenario (or story):

* ``private`` — its owner reads and saves it (strategists, who hold every right, may too);
* ``shared`` — every member reads it and comments on its proposals; its owner and strategists
  save new versions; everybody else with an editor role proposes changes;
* ``published`` — a reference plan ("Destination companies today" is one): everybody reads it,
  even without signing in; nobody saves over it, it changes only by applied proposals; only
  strategists publish or unpublish.

Roles (see :mod:`destinations.collab.roles`):

=================  ==========  ================  ===========
right              viewer      editor            strategist
=================  ==========  ================  ===========
read published     yes         yes               yes
read shared        yes         yes               yes
read private       —           own               yes
create / save      —           own               yes
delete / restore   —           own               yes (published: unpublish first)
share / unshare    —           own               yes
publish            —           —                 yes
propose            —           yes               yes
comment            yes         yes               yes
consent / reject   —           for own companies for companies nobody edits (and reject any)
apply              —           —                 yes
manage members     —           —                 yes
=================  ==========  ================  ===========

A signed-in person who is not a member (never added, or removed) and a visitor who is not signed
in hold only the first row. In local mode the one local user is a strategist.
"""

from __future__ import annotations

from dataclasses import dataclass

from destinations.collab.roles import AccessDenied, Principal

PRIVATE = "private"
SHARED = "shared"
PUBLISHED = "published"
VISIBILITIES = (PRIVATE, SHARED, PUBLISHED)
#: Visibility of a new document, by kind: drafts start private; stories are written to be shared.
DEFAULT_VISIBILITY = {"scenario": PRIVATE, "story": SHARED}
#: Kinds whose documents carry a visibility; other kinds (test documents) follow the scenario rules.
_NOUN = {"scenario": "scenario", "story": "story"}


@dataclass(frozen=True)
class Access:
    """Who owns a document and who sees it. ``owner`` is ``""`` for a document saved before
    sign-in existed (and for built-in plans): only strategists save those directly."""

    owner: str
    visibility: str

    def to_dict(self) -> dict:
        return {"owner": self.owner, "visibility": self.visibility}


def default_visibility(kind: str) -> str:
    return DEFAULT_VISIBILITY.get(kind, PRIVATE)


def _noun(kind: str) -> str:
    return _NOUN.get(kind, "document")


def _who(principal: Principal) -> str:
    if not principal.identity.signed_in:
        return "You are not signed in"
    if not principal.is_member:
        return f"{principal.who} is not a member of this planner (or was removed)"
    article = "an" if principal.role == "editor" else "a"
    return f"{principal.who} is {article} {principal.role}"


def _ask(principal: Principal) -> str:
    if not principal.identity.signed_in:
        return "Sign in first."
    if not principal.is_member:
        return "Ask a strategist to add you on the Members page."
    return "Ask a strategist if you need more rights."


def can_read(principal: Principal, access: Access) -> bool:
    if access.visibility == PUBLISHED:
        return True
    if not principal.is_member:
        return False
    if access.visibility == SHARED or principal.is_strategist:
        return True
    return access.owner == principal.who


def require_read(principal: Principal, access: Access, *, kind: str, name: str) -> None:
    if can_read(principal, access):
        return
    noun = _noun(kind)
    if access.visibility == SHARED:
        raise AccessDenied(f"{_who(principal)}: the shared {noun} {name!r} is open to members "
                           f"only. {_ask(principal)}")
    raise AccessDenied(f"The {noun} {name!r} is private to its owner; {_who(principal)}. "
                       "Ask the owner to share it.")


def require_create(principal: Principal, *, kind: str) -> None:
    if principal.can_draft:
        return
    raise AccessDenied(f"{_who(principal)}: only editors and strategists save a new "
                       f"{_noun(kind)}; viewers read and comment. {_ask(principal)}")


def can_save(principal: Principal, access: Access) -> bool:
    if access.visibility == PUBLISHED or not principal.can_draft:
        return False
    return principal.is_strategist or (bool(access.owner) and access.owner == principal.who)


def require_save(principal: Principal, access: Access, *, kind: str, name: str) -> None:
    """A new version of an existing document (save, restore of an older version)."""
    noun = _noun(kind)
    if access.visibility == PUBLISHED:
        raise AccessDenied(f"{name!r} is a published {noun}: it is read-only and changes only by "
                           "a proposal that every company it touches consents to and a "
                           "strategist applies. Propose the change, or save a copy.")
    require_read(principal, access, kind=kind, name=name)
    if can_save(principal, access):
        return
    who = f"its owner ({access.owner}) and strategists" if access.owner else \
        "strategists (it was saved before sign-in and has no owner)"
    raise AccessDenied(f"{_who(principal)}: only {who} save new versions of the {noun} {name!r}. "
                       "Propose the change instead, or save a copy.")


def require_delete(principal: Principal, access: Access, *, kind: str, name: str) -> None:
    """Soft delete and its undo (restore)."""
    if access.visibility == PUBLISHED:
        raise AccessDenied(f"{name!r} is published and cannot be deleted; a strategist unpublishes "
                           "it first.")
    require_read(principal, access, kind=kind, name=name)
    if can_save(principal, access):
        return
    raise AccessDenied(f"{_who(principal)}: only the owner and strategists delete or restore the "
                       f"{_noun(kind)} {name!r}.")


def require_visibility(principal: Principal, access: Access, new: str, *, kind: str,
                       name: str) -> None:
    if new not in VISIBILITIES:
        raise AccessDenied(f"Unknown visibility {new!r}; use one of {list(VISIBILITIES)}.")
    require_read(principal, access, kind=kind, name=name)
    if PUBLISHED in (new, access.visibility):
        if principal.is_strategist:
            return
        raise AccessDenied(f"{_who(principal)}: only strategists publish or unpublish a "
                           f"{_noun(kind)}. {_ask(principal)}")
    if principal.is_strategist or (principal.can_draft and access.owner == principal.who):
        return
    raise AccessDenied(f"{_who(principal)}: only the owner and strategists share or unshare "
                       f"{name!r}.")


def require_propose(principal: Principal, access: Access, *, kind: str, name: str) -> None:
    require_read(principal, access, kind=kind, name=name)
    if access.visibility == PRIVATE:
        raise AccessDenied(f"{name!r} is private: proposals are made on shared or published "
                           f"{_noun(kind)}s. Share it first.")
    if not principal.can_draft:
        raise AccessDenied(f"{_who(principal)}: only editors and strategists propose changes; "
                           f"viewers read and comment. {_ask(principal)}")


def require_comment(principal: Principal, access: Access, *, kind: str, name: str) -> None:
    require_read(principal, access, kind=kind, name=name)
    if not principal.is_member:
        raise AccessDenied(f"{_who(principal)}: only members comment. {_ask(principal)}")


def can_decide(principal: Principal, company_id: str, company_has_editor: bool) -> bool:
    """May ``principal`` consent (or object) for ``company_id``? Its editors may; strategists only
    for a company that has no editor among the members (someone has to speak for it)."""
    return principal.edits(company_id) or (principal.is_strategist and not company_has_editor)


def require_decide(principal: Principal, company_id: str, company_name: str,
                   company_has_editor: bool) -> None:
    if can_decide(principal, company_id, company_has_editor):
        return
    raise AccessDenied(f"{_who(principal)}: only an editor of {company_name!r} consents or objects "
                       "for it" + (" (strategists speak for a company only while it has no "
                                   "editor)" if principal.is_strategist else "") + ".")


def require_apply(principal: Principal) -> None:
    if principal.is_strategist:
        return
    raise AccessDenied(f"{_who(principal)}: only strategists apply proposals. "
                       f"{_ask(principal)}")


def require_manage_members(principal: Principal) -> None:
    if principal.is_strategist:
        return
    raise AccessDenied(f"{_who(principal)}: only strategists add, change or remove members. "
                       f"{_ask(principal)}")
