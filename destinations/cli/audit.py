"""``destinations audit "SCENARIO" [--json] [--csv FILE]``: the audit trail of one scenario.

``--json`` prints a list of ``{when, who, action, detail, ...}``, oldest first; ``--csv`` writes the
same as CSV (cells a spreadsheet would run as a formula are neutralised). Acts as ``--as EMAIL`` /
``DESTINATIONS_USER`` (see :mod:`destinations.cli.users`): the reader must be allowed to read the
scenario.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from destinations.cli.common import load_base, subcommands
from destinations.cli.users import add_as


def audit(args: argparse.Namespace):
    from destinations.cli.proposals import scenario_key
    from destinations.collab.audit import audit_csv
    from destinations.store.audit import AuditLog
    from destinations.store.proposals import ProposalStore

    base = load_base()
    store = ProposalStore(base.settings.db_url, base=base)
    key = scenario_key(store, args.scenario)
    if key == "today" and store.documents.head("scenario", "today") is None:
        entries = []  # the built-in plan, never changed: nothing to audit yet
    else:
        entries = AuditLog(store.documents).entries("scenario", key)
    if args.csv:
        path = Path(args.csv)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(audit_csv(entries), encoding="utf-8")
    return [e.to_dict() for e in entries]


def _human(payload) -> dict:
    return {f"{e['when'][:19]} {e['who']}": f"{e['action']}: {e['detail']}"
            + (f" ({e['before']} -> {e['after']})" if e["before"] or e["after"] else "")
            for e in payload}


def register(groups) -> None:
    parser = groups.add_parser("audit", help="who changed a scenario, when, and what")
    parser.add_argument("scenario", help='scenario name, e.g. "Destination companies today"')
    parser.add_argument("--csv", metavar="FILE", help="also write the trail as CSV")
    add_as(parser)
    parser.add_argument("--json", action="store_true")
    parser.set_defaults(handler=audit, human=_human)
