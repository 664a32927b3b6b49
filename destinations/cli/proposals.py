"""``destinations proposals list|show|propose|consent|reject|withdraw|comment|apply``.

Acts as ``--as EMAIL`` / ``DESTINATIONS_USER`` (see :mod:`destinations.cli.users`). ``list --json``
prints ``{"proposals": [{id, scenario, state, author, companies, consents, ...}]}``.
"""

from __future__ import annotations

import argparse

from destinations.cli.common import load_base, subcommands
from destinations.cli.users import add_as


def _store():
    from destinations.store.proposals import ProposalStore

    base = load_base()
    return ProposalStore(base.settings.db_url, base=base), base


def scenario_key(store, name: str) -> str:
    """The stored id of a scenario named on the command line ("Destination companies today" is
    ``today``, stored the first time a proposal is made on it)."""
    from destinations.scenarios.io import _fold
    from destinations.scenarios.scenario import TODAY_NAME

    if _fold(name) in (_fold(TODAY_NAME), "today"):
        return "today"
    return store.scenarios.find(name).scenario.id


def _row(p) -> dict:
    return {"id": p.id, "scenario": p.target_name, "state": p.state, "author": p.author,
            "companies": [p.company_names.get(c, c) for c in p.companies],
            "company_ids": list(p.companies),
            "consents": [{"company": p.company_names.get(d.company, d.company), "who": d.who,
                          "decision": d.decision, "at": d.at.isoformat()} for d in p.decisions],
            "waiting_for": [p.company_names.get(c, c) for c in p.waiting_for],
            "summary": p.summary, "reason": p.reason, "problems": list(p.problems),
            "base_version": p.base_version, "applied_version": p.applied_version}


def list_proposals(args: argparse.Namespace) -> dict:
    store, _ = _store()
    if args.inbox:
        found = store.inbox()
    else:
        key = scenario_key(store, args.scenario) if args.scenario else None
        found = store.list(state=args.state, key=key)
    return {"proposals": [_row(p) for p in found]}


def show(args: argparse.Namespace) -> dict:
    store, _ = _store()
    proposal = store.get(args.id)
    stale = store.staleness(proposal)
    return {**_row(proposal), "stale": stale.stale, "current_version": stale.current_version,
            "conflicts": list(stale.conflicts),
            "comments": [c.to_dict() for c in proposal.comments]}


def propose(args: argparse.Namespace) -> dict:
    from destinations.collab import proposals as rules
    from destinations.errors import DestinationsError

    chosen = [x for x in (args.move, args.merge, args.rename) if x]
    if len(chosen) != 1:
        raise DestinationsError("Give one kind of change: --move CODE=COMPANY (repeatable), "
                                "--merge KEEP,ABSORB or --rename COMPANY=NAME.")
    if args.move:
        moves = {}
        for item in args.move:
            code, _, company = item.partition("=")
            if not code or not _:
                raise DestinationsError(f"--move takes CODE=COMPANY_ID, got {item!r}.")
            moves[code.strip()] = company.strip() or None
        change = rules.move_change(moves)
    elif args.merge:
        keep, _, absorb = args.merge.partition(",")
        change = rules.merge_change(keep.strip(), absorb.strip())
    else:
        company, _, name = args.rename.partition("=")
        change = rules.rename_change(company.strip(), name)
    store, _ = _store()
    return _row(store.propose(scenario_key(store, args.scenario), change, args.reason))


def consent(args: argparse.Namespace) -> dict:
    store, _ = _store()
    return _row(store.consent(args.id, args.company or None))


def reject(args: argparse.Namespace) -> dict:
    store, _ = _store()
    return _row(store.reject(args.id, args.reason or ""))


def withdraw(args: argparse.Namespace) -> dict:
    store, _ = _store()
    return _row(store.withdraw(args.id))


def comment(args: argparse.Namespace) -> dict:
    store, _ = _store()
    return store.comment(args.id, args.text).to_dict()


def apply(args: argparse.Namespace) -> dict:
    store, _ = _store()
    version = store.apply(args.id, allow_stale=args.allow_stale)
    return {**_row(store.get(args.id)), "version": version}


def _human(payload: dict) -> dict:
    if "proposals" not in payload:
        return payload
    return {f"#{p['id']}": f"{p['state']} - {p['scenario']} - {p['summary']} (by {p['author']}; "
            f"waiting for: {', '.join(p['waiting_for']) or 'nobody'})" for p in payload["proposals"]}


def register(groups) -> None:
    commands = subcommands(groups, "proposals", "proposed changes to shared and published plans")
    list_cmd = commands.add_parser("list", help="proposals on plans you may read")
    list_cmd.add_argument("--state", choices=("open", "accepted", "rejected", "applied", "withdrawn"))
    list_cmd.add_argument("--scenario", metavar="NAME")
    list_cmd.add_argument("--inbox", action="store_true", help="only those waiting for you")
    list_cmd.set_defaults(handler=list_proposals)
    show_cmd = commands.add_parser("show", help="one proposal with its staleness and comments")
    show_cmd.add_argument("id", type=int)
    show_cmd.set_defaults(handler=show)
    propose_cmd = commands.add_parser("propose", help="propose a change with a reason")
    propose_cmd.add_argument("scenario", help='scenario name, e.g. "Destination companies today"')
    propose_cmd.add_argument("--move", action="append", metavar="CODE=COMPANY_ID")
    propose_cmd.add_argument("--merge", metavar="KEEP_ID,ABSORB_ID")
    propose_cmd.add_argument("--rename", metavar="COMPANY_ID=NAME")
    propose_cmd.add_argument("--reason", required=True)
    propose_cmd.set_defaults(handler=propose)
    consent_cmd = commands.add_parser("consent", help="consent for your companies")
    consent_cmd.add_argument("id", type=int)
    consent_cmd.add_argument("--company", action="append", metavar="ID")
    consent_cmd.set_defaults(handler=consent)
    reject_cmd = commands.add_parser("reject", help="object for your company")
    reject_cmd.add_argument("id", type=int)
    reject_cmd.add_argument("--reason", default="")
    reject_cmd.set_defaults(handler=reject)
    withdraw_cmd = commands.add_parser("withdraw", help="withdraw your proposal")
    withdraw_cmd.add_argument("id", type=int)
    withdraw_cmd.set_defaults(handler=withdraw)
    comment_cmd = commands.add_parser("comment", help="add to a proposal's thread")
    comment_cmd.add_argument("id", type=int)
    comment_cmd.add_argument("text")
    comment_cmd.set_defaults(handler=comment)
    apply_cmd = commands.add_parser("apply", help="apply an accepted proposal (strategists)")
    apply_cmd.add_argument("id", type=int)
    apply_cmd.add_argument("--allow-stale", action="store_true",
                           help="apply to a newer version when none of its moves conflict")
    apply_cmd.set_defaults(handler=apply)
    for command in (list_cmd, show_cmd, propose_cmd, consent_cmd, reject_cmd, withdraw_cmd,
                    comment_cmd, apply_cmd):
        add_as(command)
        command.add_argument("--json", action="store_true")
        command.set_defaults(human=_human)
