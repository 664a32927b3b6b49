"""The ``destinations`` command line: the same domain functions as the app, with ``--json`` output.

One module per command group (:mod:`.data`, :mod:`.facts`, :mod:`.scenario`, :mod:`.season`,
:mod:`.itinerary`, :mod:`.narratives`, :mod:`.users`, :mod:`.proposals`, :mod:`.audit`); each adds
its sub-commands with ``register(groups)``. Every command acts as ``--as EMAIL`` (where offered)
or ``$DESTINATIONS_USER``, else in local mode with every right (:mod:`.users`).

Exit codes: 0 success, 2 bad input or data (one line on stderr naming the problem), 1 unexpected.
"""

from __future__ import annotations

import json
import sys
from typing import Sequence

from destinations.cli import audit, data, facts, itinerary, narratives, proposals, scenario, season, users
from destinations.cli.common import CommandFailed, Parser, print_human
from destinations.errors import DestinationsError

GROUPS = (data, facts, scenario, season, itinerary, narratives, users, proposals, audit)


def build_parser() -> Parser:
    parser = Parser(prog="destinations", description=__doc__.splitlines()[0])
    groups = parser.add_subparsers(dest="group", required=True, parser_class=Parser)
    for group in GROUPS:
        group.register(groups)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        with users.acting(args):
            payload = args.handler(args)
    except DestinationsError as exc:
        if getattr(args, "json", False) and isinstance(exc, CommandFailed):
            json.dump(exc.payload, sys.stdout, ensure_ascii=False, default=str)
            sys.stdout.write("\n")
        for line in str(exc).splitlines():
            print(f"destinations: error: {line}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # pragma: no cover
        return 130
    try:
        if getattr(args, "json", False):
            json.dump(payload, sys.stdout, ensure_ascii=False, default=str)
            sys.stdout.write("\n")
        else:
            print_human(getattr(args, "human", None)(payload) if getattr(args, "human", None) else payload)
        sys.stdout.flush()
    except BrokenPipeError:  # output piped into e.g. `head`, which stopped reading
        sys.stderr.close()
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
