"""``destinations facts summary``: national, regional and municipal overnights of a year."""

from __future__ import annotations

import argparse

from destinations.cli.common import load_base, subcommands, year


def summary(args: argparse.Namespace) -> dict:
    from destinations.facts import facts_summary

    return facts_summary(load_base(), args.year)


def register(groups) -> None:
    commands = subcommands(groups, "facts", "tourism facts: overnights, capacity")
    summary_cmd = commands.add_parser("summary", help="national, regional and municipal overnights")
    summary_cmd.add_argument("--year", type=year, default=2019)
    summary_cmd.add_argument("--json", action="store_true")
    summary_cmd.set_defaults(handler=summary)
