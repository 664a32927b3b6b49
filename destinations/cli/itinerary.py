"""``destinations itinerary plan|solve``: multi-day trips and the solver's benchmarks."""

from __future__ import annotations

import argparse

from destinations.cli.common import load_base, split_list, subcommands


def plan(args: argparse.Namespace) -> dict:
    from destinations.itinerary import plan_trip_cli

    return plan_trip_cli(load_base(), start=args.start, end=args.end, days=args.days, month=args.month,
                         themes=split_list(args.themes), must_see=split_list(args.must_see),
                         hours_per_day=args.hours, max_drive_minutes=args.max_drive, seed=args.seed,
                         time_limit=args.time_limit)


def solve(args: argparse.Namespace) -> dict:
    from destinations.itinerary import solve_instance_file

    return solve_instance_file(args.instance, m=args.m, time_limit=args.time_limit, seed=args.seed)


def register(groups) -> None:
    commands = subcommands(groups, "itinerary", "multi-day trips and solver benchmarks")
    plan_cmd = commands.add_parser("plan", help="plan a multi-day trip across destinations")
    plan_cmd.add_argument("--from", dest="start", required=True, help="start hub, e.g. 'Copenhagen Airport'")
    plan_cmd.add_argument("--to", dest="end", default=None, help="end hub (default: the start hub)")
    plan_cmd.add_argument("--days", type=int, required=True)
    plan_cmd.add_argument("--month", type=int, required=True)
    plan_cmd.add_argument("--themes", default="", help="comma-separated theme tags")
    plan_cmd.add_argument("--must-see", dest="must_see", default="", help="comma-separated attraction ids")
    plan_cmd.add_argument("--hours-per-day", dest="hours", type=float, default=8.0)
    plan_cmd.add_argument("--max-drive", dest="max_drive", type=float, default=240.0,
                          help="maximum driving minutes per day")
    plan_cmd.add_argument("--seed", type=int, default=1)
    plan_cmd.add_argument("--time-limit", type=float, default=5.0, dest="time_limit")
    plan_cmd.add_argument("--json", action="store_true")
    plan_cmd.set_defaults(handler=plan)
    solve_cmd = commands.add_parser("solve", help="solve an OPHS or TOPTW benchmark instance")
    solve_cmd.add_argument("instance")
    solve_cmd.add_argument("--m", type=int, default=None, help="number of routes (TOPTW)")
    solve_cmd.add_argument("--time-limit", type=float, default=2.0, dest="time_limit")
    solve_cmd.add_argument("--seed", type=int, default=1)
    solve_cmd.add_argument("--json", action="store_true")
    solve_cmd.set_defaults(handler=solve)
