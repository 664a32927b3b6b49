"""``destinations itinerary plan|open|solve``: multi-day trips, trip links, the solver's benchmarks."""

from __future__ import annotations

import argparse

from destinations.cli.common import load_base, split_list, subcommands


def plan(args: argparse.Namespace) -> dict:
    from destinations.itinerary import plan_trip_cli

    return plan_trip_cli(load_base(), start=args.start, end=args.end, days=args.days, month=args.month,
                         themes=split_list(args.themes), must_see=split_list(args.must_see),
                         exclude=split_list(args.exclude), bases=args.bases,
                         hours_per_day=args.hours, max_drive_minutes=args.max_drive, seed=args.seed,
                         time_limit=args.time_limit, budget=args.budget,
                         alternatives=args.alternatives)


def open_link(args: argparse.Namespace) -> dict:
    from destinations.itinerary import open_trip_cli

    return open_trip_cli(load_base(), link=args.link)


def solve(args: argparse.Namespace) -> dict:
    from destinations.itinerary import solve_instance_file

    return solve_instance_file(args.instance, m=args.m, time_limit=args.time_limit, seed=args.seed)


def register(groups) -> None:
    commands = subcommands(groups, "itinerary", "multi-day trips and solver benchmarks")
    plan_cmd = commands.add_parser("plan", help="plan a multi-day trip across destinations")
    plan_cmd.add_argument("--from", dest="start", required=True, help="start hub, e.g. 'Copenhagen Airport'")
    plan_cmd.add_argument("--to", dest="end", default=None, help="end hub (default: the start hub)")
    # Numbers of the request are checked by the planner (one line: what came, what is allowed).
    plan_cmd.add_argument("--days", required=True, help="1 to 14")
    plan_cmd.add_argument("--month", required=True, help="1 to 12 (7 = July)")
    plan_cmd.add_argument("--themes", default="", help="comma-separated theme tags ('events' for venues)")
    plan_cmd.add_argument("--must-see", dest="must_see", default="", help="comma-separated attraction ids")
    plan_cmd.add_argument("--exclude", default="", help="comma-separated attraction ids to leave out")
    plan_cmd.add_argument("--bases", default="auto",
                          help="auto (2-3 bases in 5 days), one (a star trip) or road (a road trip)")
    plan_cmd.add_argument("--hours-per-day", dest="hours", default=8.0)
    plan_cmd.add_argument("--max-drive", dest="max_drive", default=240.0,
                          help="maximum driving minutes per day")
    plan_cmd.add_argument("--alternatives", default=3, help="itineraries to plan (1-3)")
    plan_cmd.add_argument("--seed", type=int, default=1)
    plan_cmd.add_argument("--budget", type=int, default=None,
                          help="search iterations for the best trip (same seed and budget: same trip)")
    plan_cmd.add_argument("--time-limit", type=float, default=5.0, dest="time_limit",
                          help="seconds; may stop the search before its budget (stopped_by: time)")
    plan_cmd.add_argument("--json", action="store_true")
    plan_cmd.set_defaults(handler=plan)
    open_cmd = commands.add_parser("open", help="reopen a planned trip from its trip link, exactly")
    open_cmd.add_argument("link", help="the trip_link of a plan (or a whole share link)")
    open_cmd.add_argument("--json", action="store_true")
    open_cmd.set_defaults(handler=open_link)
    solve_cmd = commands.add_parser("solve", help="solve an OPHS or TOPTW benchmark instance")
    solve_cmd.add_argument("instance")
    solve_cmd.add_argument("--m", type=int, default=None, help="number of routes (TOPTW)")
    solve_cmd.add_argument("--time-limit", type=float, default=2.0, dest="time_limit")
    solve_cmd.add_argument("--seed", type=int, default=1)
    solve_cmd.add_argument("--json", action="store_true")
    solve_cmd.set_defaults(handler=solve)
