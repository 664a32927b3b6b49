"""``destinations users add|list|remove``: members and their roles (strategists manage them).

Every command of the ``destinations`` CLI acts as a user: ``--as EMAIL`` (on these commands) or
the environment variable ``DESTINATIONS_USER``; with neither, it runs in local mode with every
right (it holds the database URL anyway), which is how the first strategist is created::

    destinations users add sofie@strategy.dk --role strategist
    DESTINATIONS_USER=sofie@strategy.dk destinations users add anna@visitfyn.dk --role editor \\
        --company destination-fyn
"""

from __future__ import annotations

import argparse
import os
from contextlib import contextmanager
from typing import Iterator

from destinations.cli.common import load_base, subcommands

USER_ENV = "DESTINATIONS_USER"


def identity_of(args: argparse.Namespace):
    """The identity a command acts as: ``--as``, else ``DESTINATIONS_USER``, else local mode."""
    from destinations.collab.roles import LOCAL, Identity, normalize_email

    chosen = getattr(args, "as_user", None) or os.environ.get(USER_ENV, "").strip()
    return Identity(normalize_email(chosen)) if chosen else LOCAL


@contextmanager
def acting(args: argparse.Namespace) -> Iterator[None]:
    """Run a command as :func:`identity_of` ``args`` (every store call checks its rights)."""
    from destinations.collab.identity import acting_as

    with acting_as(identity_of(args)):
        yield


def add_as(parser) -> None:
    parser.add_argument("--as", dest="as_user", metavar="EMAIL",
                        help=f"act as this member (default: ${USER_ENV}, else local mode)")


def _store():
    from destinations.settings import load_settings
    from destinations.store.members import MemberStore

    return MemberStore(load_settings().db_url)


def add(args: argparse.Namespace) -> dict:
    from destinations.errors import DestinationsError

    companies = list(args.company or [])
    if companies:
        known = {c.id: c.name for c in load_base().companies}
        unknown = [c for c in companies if c not in known]
        if unknown:
            raise DestinationsError(f"Unknown company id {unknown[0]!r}; use one of: "
                                    f"{', '.join(sorted(known))}.")
    member = _store().add(args.email, args.role, companies)
    return {"member": member.to_dict()}


def list_members(args: argparse.Namespace) -> dict:
    return {"members": [m.to_dict() for m in _store().list(include_removed=args.all)]}


def remove(args: argparse.Namespace) -> dict:
    return {"member": _store().remove(args.email).to_dict()}


def _human_members(payload: dict) -> dict:
    rows = payload.get("members") or [payload["member"]]
    return {m["email"]: (m["role"] + (f" of {', '.join(m['companies'])}" if m["companies"] else "")
                         + ("" if m["active"] else " (removed)")) for m in rows}


def register(groups) -> None:
    from destinations.collab.roles import ROLES

    commands = subcommands(groups, "users", "members and roles (strategists manage them)")
    add_cmd = commands.add_parser("add", help="add a member or change their role")
    add_cmd.add_argument("email")
    add_cmd.add_argument("--role", required=True, choices=ROLES)
    add_cmd.add_argument("--company", action="append", metavar="ID",
                         help="a destination company the editor edits (repeat for several)")
    list_cmd = commands.add_parser("list", help="members and their roles")
    list_cmd.add_argument("--all", action="store_true", help="include removed members")
    remove_cmd = commands.add_parser("remove", help="remove a member (they keep read access to "
                                                    "published plans)")
    remove_cmd.add_argument("email")
    for command, handler in ((add_cmd, add), (list_cmd, list_members), (remove_cmd, remove)):
        add_as(command)
        command.add_argument("--json", action="store_true")
        command.set_defaults(handler=handler, human=_human_members)
