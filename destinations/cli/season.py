"""``destinations season summary``: a 12-month curve and its indices."""

from __future__ import annotations

import argparse

from destinations.cli.common import load_base, subcommands, year


def summary(args: argparse.Namespace) -> dict:
    from destinations.season.summary import season_summary

    return season_summary(load_base(), year=args.year, company=args.company,
                          municipality=args.municipality, national=args.national)


def register(groups) -> None:
    commands = subcommands(groups, "season", "seasonality and capacity")
    summary_cmd = commands.add_parser("summary", help="12-month curve and indices")
    scope = summary_cmd.add_mutually_exclusive_group(required=True)
    scope.add_argument("--company")
    scope.add_argument("--municipality")
    scope.add_argument("--national", action="store_true")
    summary_cmd.add_argument("--year", type=year, default=2019)
    summary_cmd.add_argument("--json", action="store_true")
    summary_cmd.set_defaults(handler=summary)
