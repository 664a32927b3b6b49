"""The ``destinations`` command line: the same domain functions as the app, with ``--json`` output.

Exit codes: 0 success, 2 bad input or data (one line on stderr naming the problem), 1 unexpected.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Callable, Sequence

from destinations.errors import DestinationsError
from destinations.settings import load_settings

Handler = Callable[[argparse.Namespace], dict]


class _Parser(argparse.ArgumentParser):
    """argparse that exits 2 with one clear line (argparse's own default is also 2)."""

    def error(self, message: str) -> None:  # pragma: no cover - exercised through main
        self.exit(2, f"destinations: error: {message}\n")


def _base():
    from destinations.data.base import load_base

    return load_base(load_settings())


def cmd_data_status(args: argparse.Namespace) -> dict:
    from destinations.catalog import data_status

    base = _base()
    return data_status(base, extra=_facts_datasets(base))


def _facts_datasets(base) -> list:
    try:
        from destinations.facts import datasets_info
    except ImportError:  # facts layer not installed in this build
        return []
    return list(datasets_info(base.settings))


def _print_human(payload: dict, indent: int = 0) -> None:
    pad = "  " * indent
    for key, value in payload.items():
        if isinstance(value, dict):
            print(f"{pad}{key}:")
            _print_human(value, indent + 1)
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            print(f"{pad}{key}: {len(value)} entries")
            for item in value:
                print(f"{pad}  - " + ", ".join(f"{k}={v}" for k, v in item.items()))
        else:
            print(f"{pad}{key}: {value}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="destinations", description=__doc__.splitlines()[0])
    groups = parser.add_subparsers(dest="group", required=True, parser_class=_Parser)

    data = groups.add_parser("data", help="datasets: status, official downloads")
    data_cmds = data.add_subparsers(dest="command", required=True, parser_class=_Parser)
    status = data_cmds.add_parser("status", help="what is loaded, from where")
    status.add_argument("--json", action="store_true", help="print one JSON object")
    status.set_defaults(handler=cmd_data_status)
    fetch = data_cmds.add_parser("fetch", help="download official data into the data directory")
    fetch.add_argument("source", choices=["statbank", "dagi"])
    fetch.add_argument("--json", action="store_true")
    fetch.set_defaults(handler=cmd_data_fetch)
    return parser


def cmd_data_fetch(args: argparse.Namespace) -> dict:
    settings = load_settings()
    if args.source == "dagi":
        from destinations.data.fetch import fetch_dagi_municipalities

        path = fetch_dagi_municipalities(settings)
        return {"source": "dagi", "written": [str(path)]}
    from destinations.facts.statbank import fetch_statbank

    written = fetch_statbank(settings)
    return {"source": "statbank", "written": [str(p) for p in written]}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        payload = args.handler(args)
    except DestinationsError as exc:
        print(f"destinations: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # pragma: no cover
        return 130
    if getattr(args, "json", False):
        json.dump(payload, sys.stdout, ensure_ascii=False, default=str)
        sys.stdout.write("\n")
    else:
        _print_human(payload)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
