"""The ``destinations`` command line: the same domain functions as the app, with ``--json`` output.

Exit codes: 0 success, 2 bad input or data (one line on stderr naming the problem), 1 unexpected.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Callable, Sequence

from destinations.errors import DataError, DestinationsError
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

    return data_status(_base())


def cmd_data_verify(args: argparse.Namespace) -> dict:
    from destinations.data.manifest import check_files, read_manifest, rehash

    settings = load_settings()
    if read_manifest(settings.data_dir) is None:
        raise DataError(settings.manifest_path, "file not found: nothing to verify against",
                        "point DESTINATIONS_DATA_DIR at a folder with a manifest, or restore geodata/")
    if args.rehash:
        return {"data_dir": str(settings.data_dir), "rehashed": rehash(settings.data_dir)}
    checks = check_files(settings.data_dir)
    payload = {"data_dir": str(settings.data_dir), "ok": all(c.ok for c in checks),
               "files": [{"path": c.path, "sha256": c.sha256, "ok": c.ok, "problem": c.problem}
                         for c in checks]}
    problems = [f"{settings.data_dir / c.path}: {c.problem}" for c in checks if not c.ok]
    if problems:
        raise CommandFailed("\n".join(problems) + "\nFix: `git checkout geodata/` in a clone, or "
                            "reinstall the package", payload)
    return payload


class CommandFailed(DestinationsError):
    """A command that ran but found problems: one line each on stderr, exit 2 (JSON still printed)."""

    def __init__(self, message: str, payload: dict) -> None:
        super().__init__(message)
        self.payload = payload


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


def _bounded_int(low: int, high: int, *, noun: str, outside: str):
    """An argparse type: a whole number within [low, high], with a one-line error otherwise."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected {noun}, got {text!r}") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(outside.format(value=value))
        return value

    return parse


_year = _bounded_int(1990, 2100, noun="a year such as 2019", outside="year {value} is outside 1990-2100")
_company_count = _bounded_int(15, 25, noun="a whole number of companies",
                              outside="k = {value} is outside the 15-25 band of the reform")


def cmd_facts_summary(args: argparse.Namespace) -> dict:
    from destinations.facts import facts_summary

    return facts_summary(_base(), args.year)


def cmd_scenario_evaluate(args: argparse.Namespace) -> dict:
    from destinations.scenario_io import evaluate_plan_file

    return evaluate_plan_file(_base(), args.plan, year=args.year)


def cmd_scenario_export(args: argparse.Namespace) -> dict:
    from destinations.scenario_io import export_scenario

    base = _base()
    path = export_scenario(base, base.settings.db_url, args.name, args.format, args.out, year=args.year)
    return {"scenario": args.name, "format": args.format, "path": str(path)}


def _stories(base):
    from destinations.narratives import load_stories
    from destinations.narratives.repository import StoryStore

    try:
        store = StoryStore(base.settings.db_url, base=base)
    except DestinationsError:
        store = None
    stories, _problems = load_stories(base, store=store)
    return stories


def cmd_narratives_list(args: argparse.Namespace) -> dict:
    from destinations.narratives import list_narratives

    base = _base()
    return {"narratives": list_narratives(base, stories=_stories(base))}


def cmd_narratives_export(args: argparse.Namespace) -> dict:
    from destinations.narratives import export_narrative

    base = _base()
    fmt = args.format or ("json" if str(args.out).lower().endswith(".json") else "html")
    return export_narrative(base, args.id, args.out, fmt=fmt, lang=args.lang, stories=_stories(base))


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="destinations", description=__doc__.splitlines()[0])
    groups = parser.add_subparsers(dest="group", required=True, parser_class=_Parser)

    data = groups.add_parser("data", help="datasets: status, official downloads")
    data_cmds = data.add_subparsers(dest="command", required=True, parser_class=_Parser)
    status = data_cmds.add_parser("status", help="what is loaded, from where")
    status.add_argument("--json", action="store_true", help="print one JSON object")
    status.set_defaults(handler=cmd_data_status)
    verify = data_cmds.add_parser("verify", help="check every data file against the manifest")
    verify.add_argument("--json", action="store_true", help="print one JSON object")
    verify.add_argument("--rehash", action="store_true",
                        help="maintainers: record the current size, SHA-256 and rows in manifest.json")
    verify.set_defaults(handler=cmd_data_verify)
    fetch = data_cmds.add_parser("fetch", help="download official data into the user data folder")
    fetch.add_argument("source", choices=["statbank", "dagi"])
    fetch.add_argument("--json", action="store_true")
    fetch.set_defaults(handler=cmd_data_fetch)

    facts = groups.add_parser("facts", help="tourism facts: overnights, capacity")
    facts_cmds = facts.add_subparsers(dest="command", required=True, parser_class=_Parser)
    summary = facts_cmds.add_parser("summary", help="national, regional and municipal overnights")
    summary.add_argument("--year", type=_year, default=2019)
    summary.add_argument("--json", action="store_true")
    summary.set_defaults(handler=cmd_facts_summary)

    scenario = groups.add_parser("scenario", help="consolidation scenarios")
    scenario_cmds = scenario.add_subparsers(dest="command", required=True, parser_class=_Parser)
    evaluate = scenario_cmds.add_parser("evaluate", help="metrics of a plan CSV (kommune_code, company)")
    evaluate.add_argument("plan")
    evaluate.add_argument("--year", type=_year, default=None)
    evaluate.add_argument("--json", action="store_true")
    evaluate.set_defaults(handler=cmd_scenario_evaluate)
    export = scenario_cmds.add_parser("export", help="export a saved scenario")
    export.add_argument("name", help="scenario name ('Destination companies today' is built in)")
    export.add_argument("--format", choices=["csv", "geojson", "gpkg"], required=True)
    export.add_argument("--out", required=True)
    export.add_argument("--year", type=_year, default=None)
    export.add_argument("--json", action="store_true")
    export.set_defaults(handler=cmd_scenario_export)
    _add_optional_commands(groups, scenario_cmds)

    narratives = groups.add_parser("narratives", help="shared story maps")
    narrative_cmds = narratives.add_subparsers(dest="command", required=True, parser_class=_Parser)
    listing = narrative_cmds.add_parser("list", help="stories and the companies they span today")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_narratives_list)
    story_export = narrative_cmds.add_parser("export", help="write a self-contained HTML story map")
    story_export.add_argument("id")
    story_export.add_argument("--out", required=True)
    story_export.add_argument("--format", choices=["html", "json"], default=None)
    story_export.add_argument("--lang", choices=["en", "da"], default="en")
    story_export.add_argument("--json", action="store_true")
    story_export.set_defaults(handler=cmd_narratives_export)
    return parser


def _add_optional_commands(groups, scenario_cmds) -> None:
    """Generator, seasonality and itinerary commands (their modules import lazily)."""
    generate = scenario_cmds.add_parser("generate", help="optimised contiguous plan for k companies")
    generate.add_argument("--k", type=_company_count, required=True, help="number of companies (15-25)")
    generate.add_argument("--seed", type=int, default=1)
    generate.add_argument("--time-limit", type=float, default=30.0, dest="time_limit")
    generate.add_argument("--floor", type=float, default=None, help="critical-mass floor (overnights)")
    generate.add_argument("--year", type=_year, default=None)
    generate.add_argument("--balance", type=float, default=None, dest="balance",
                          help="largest/smallest company overnights at most this ratio")
    generate.add_argument("--lighthouse", choices=["where_possible", "all", "off"],
                          default="where_possible", help="lighthouse attraction in every company")
    generate.add_argument("--out", default=None, help="write the plan CSV here")
    generate.add_argument("--json", action="store_true")
    generate.set_defaults(handler=cmd_scenario_generate)
    repair = scenario_cmds.add_parser("repair", help="fewest moves that make a plan valid")
    repair.add_argument("plan")
    repair.add_argument("--year", type=_year, default=None)
    repair.add_argument("--json", action="store_true")
    repair.set_defaults(handler=cmd_scenario_repair)
    ensemble = scenario_cmds.add_parser("ensemble", help="where a plan sits among sampled valid plans")
    ensemble.add_argument("plan", nargs="?", default=None, help="plan CSV (default: today's companies)")
    ensemble.add_argument("--steps", type=int, default=500)
    ensemble.add_argument("--seed", type=int, default=1)
    ensemble.add_argument("--time-limit", type=float, default=60.0, dest="time_limit")
    ensemble.add_argument("--year", type=_year, default=None)
    ensemble.add_argument("--json", action="store_true")
    ensemble.set_defaults(handler=cmd_scenario_ensemble)

    season = groups.add_parser("season", help="seasonality and capacity")
    season_cmds = season.add_subparsers(dest="command", required=True, parser_class=_Parser)
    season_summary = season_cmds.add_parser("summary", help="12-month curve and indices")
    scope = season_summary.add_mutually_exclusive_group(required=True)
    scope.add_argument("--company")
    scope.add_argument("--municipality")
    scope.add_argument("--national", action="store_true")
    season_summary.add_argument("--year", type=_year, default=2019)
    season_summary.add_argument("--json", action="store_true")
    season_summary.set_defaults(handler=cmd_season_summary)

    itinerary = groups.add_parser("itinerary", help="multi-day trips and solver benchmarks")
    itinerary_cmds = itinerary.add_subparsers(dest="command", required=True, parser_class=_Parser)
    plan = itinerary_cmds.add_parser("plan", help="plan a multi-day trip across destinations")
    plan.add_argument("--from", dest="start", required=True, help="start hub, e.g. 'Copenhagen Airport'")
    plan.add_argument("--to", dest="end", default=None, help="end hub (default: the start hub)")
    plan.add_argument("--days", type=int, required=True)
    plan.add_argument("--month", type=int, required=True)
    plan.add_argument("--themes", default="", help="comma-separated theme tags")
    plan.add_argument("--must-see", dest="must_see", default="", help="comma-separated attraction ids")
    plan.add_argument("--hours-per-day", dest="hours", type=float, default=8.0)
    plan.add_argument("--max-drive", dest="max_drive", type=float, default=240.0,
                      help="maximum driving minutes per day")
    plan.add_argument("--seed", type=int, default=1)
    plan.add_argument("--time-limit", type=float, default=5.0, dest="time_limit")
    plan.add_argument("--json", action="store_true")
    plan.set_defaults(handler=cmd_itinerary_plan)
    solve = itinerary_cmds.add_parser("solve", help="solve an OPHS or TOPTW benchmark instance")
    solve.add_argument("instance")
    solve.add_argument("--m", type=int, default=None, help="number of routes (TOPTW)")
    solve.add_argument("--time-limit", type=float, default=2.0, dest="time_limit")
    solve.add_argument("--seed", type=int, default=1)
    solve.add_argument("--json", action="store_true")
    solve.set_defaults(handler=cmd_itinerary_solve)


def cmd_scenario_generate(args: argparse.Namespace) -> dict:
    from destinations.generator_cli import generate_plan

    kwargs = {"floor": args.floor} if args.floor is not None else {}
    return generate_plan(_base(), k=args.k, seed=args.seed, time_limit=args.time_limit, out=args.out,
                         year=args.year, balance_max_ratio=args.balance,
                         require_lighthouse=args.lighthouse, **kwargs)


def cmd_scenario_ensemble(args: argparse.Namespace) -> dict:
    from destinations.generator_cli import ensemble_report

    return ensemble_report(_base(), path=args.plan, steps=args.steps, seed=args.seed,
                           time_limit=args.time_limit, year=args.year)


def cmd_scenario_repair(args: argparse.Namespace) -> dict:
    from destinations.generator_cli import repair_plan

    return repair_plan(_base(), args.plan, year=args.year)


def cmd_season_summary(args: argparse.Namespace) -> dict:
    from destinations.season_cli import season_summary

    return season_summary(_base(), year=args.year, company=args.company,
                          municipality=args.municipality, national=args.national)


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def cmd_itinerary_plan(args: argparse.Namespace) -> dict:
    from destinations.itinerary.plan import plan_trip_cli

    return plan_trip_cli(_base(), start=args.start, end=args.end, days=args.days, month=args.month,
                         themes=_split(args.themes), must_see=_split(args.must_see),
                         hours_per_day=args.hours, max_drive_minutes=args.max_drive, seed=args.seed,
                         time_limit=args.time_limit)


def cmd_itinerary_solve(args: argparse.Namespace) -> dict:
    from destinations.itinerary import solve_instance_file

    return solve_instance_file(args.instance, m=args.m, time_limit=args.time_limit, seed=args.seed)


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
            _print_human(payload)
        sys.stdout.flush()
    except BrokenPipeError:  # output piped into e.g. `head`, which stopped reading
        sys.stderr.close()
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
