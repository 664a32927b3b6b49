"""``destinations scenario evaluate|export|import|generate|repair|ensemble``: consolidation scenarios."""

from __future__ import annotations

import argparse

from destinations.cli.common import company_count, load_base, subcommands, year


def evaluate(args: argparse.Namespace) -> dict:
    """The evaluation document plus, per company, ``lighthouse_status`` (``yes``|``no``|
    ``unknown``) with its evidence; in the plan block ``lighthouse_unknown_companies`` and the
    flow cut's range over the flow model's sensitivity (``flow_cut_share_range``,
    ``flow_cut_share_by_setting``); leaky-border flows to 3 significant figures with their unit."""
    from destinations.model import Kind
    from destinations.scenarios.flows import flow_range, round_flow
    from destinations.scenarios.io import evaluation_to_dict, load_context, read_plan_file
    from destinations.scenarios.metrics import evaluate as evaluate_plan
    from destinations.scenarios.metrics import flow_cut_range

    base = load_base()
    scenario = read_plan_file(base, args.plan)
    facts = _facts(base, args.year)
    evaluation = evaluate_plan(scenario, load_context(base, facts=facts))
    payload = evaluation_to_dict(evaluation)
    # The modelled border cut with the range it spans over the flow model's settings.
    spread = flow_range(base, facts.annual())
    cuts = flow_cut_range(evaluation, spread.variants, spread.codes)
    payload["plan"]["flow_cut_share_range"] = [min(cuts.values()), max(cuts.values())]
    payload["plan"]["flow_cut_share_by_setting"] = cuts
    names = scenario.names
    for cid in evaluation.companies:
        status = evaluation.lighthouse_status(cid)
        payload["companies"][names[cid]].update({
            "lighthouse_status": status.status,
            "lighthouse_reason": status.reason,
            # (attraction, chosen count with its year) - the evidence behind the status
            "lighthouse_attractions": [list(pair) for pair in status.lighthouses],
            "attractions_without_count": [name for name, _ in status.uncounted],
        })
    payload["plan"]["lighthouse_unknown_companies"] = [
        names[c] for c in evaluation.violations()["lighthouse_unknown"]]
    if evaluation._ctx.flow_kind is Kind.MODELLED:
        # Modelled flows at the precision they have: 3 significant figures, with the unit.
        for border, record in zip(evaluation.leaky_borders, payload["leaky_borders"]):
            record["flow"] = round_flow(border.flow)
            record["flow_text"] = border.flow_text
    payload["provenance"]["visitors"] = evaluation._ctx.visitors_source
    return payload


def _facts(base, year: int | None):
    from destinations.errors import ScenarioError
    from destinations.facts import AVAILABLE_YEARS, load_facts

    if year is not None and year not in AVAILABLE_YEARS:
        raise ScenarioError(f"No tourism facts for {year}; available years: "
                            f"{list(AVAILABLE_YEARS)}.")
    return load_facts(base, year if year is not None else max(AVAILABLE_YEARS))


def export(args: argparse.Namespace) -> dict:
    from destinations.store.exports import export_scenario

    base = load_base()
    path = export_scenario(base, base.settings.db_url, args.name, args.format, args.out, year=args.year)
    return {"scenario": args.name, "format": args.format, "path": str(path)}


def import_plan(args: argparse.Namespace) -> dict:
    """``scenario import PLAN.csv --name NAME``: the editor page's importer, saved into the store."""
    from destinations.store.imports import import_plan_file

    base = load_base()
    return import_plan_file(base, base.settings.db_url, args.plan, name=args.name)


def register_import(commands) -> None:
    import_cmd = commands.add_parser("import", help="save a plan CSV into the store as a new scenario")
    import_cmd.add_argument("plan", help="plan CSV (kommune_code or municipality, company)")
    import_cmd.add_argument("--name", required=True, help="name of the saved scenario (unique)")
    import_cmd.add_argument("--json", action="store_true")
    import_cmd.set_defaults(handler=import_plan)


def generate(args: argparse.Namespace) -> dict:
    from destinations.regionalize.report import generate_plan

    kwargs = {"floor": args.floor} if args.floor is not None else {}
    return generate_plan(load_base(), k=args.k, seed=args.seed, iterations=args.iterations,
                         time_limit=args.time_limit, out=args.out, year=args.year,
                         balance_max_ratio=args.balance, max_units=args.max_units,
                         require_lighthouse=args.lighthouse, **kwargs)


def _bound_arg(cast, noun: str):
    """An argparse type: a number, 'today' (derived from today's map) or 'off' (no bound)."""

    def parse(text: str):
        word = text.strip().lower()
        if word in ("today", "off"):
            return word
        try:
            value = cast(word)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected {noun}, 'today' or 'off', got {text!r}") from None
        if value < 1:
            raise argparse.ArgumentTypeError(f"expected {noun} >= 1, got {text!r}")
        return value

    return parse


def _iterations(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of iterations, got {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"expected iterations >= 0, got {text!r}")
    return value


def ensemble(args: argparse.Namespace) -> dict:
    from destinations.regionalize.report import ensemble_report

    return ensemble_report(load_base(), path=args.plan, steps=args.steps, seed=args.seed,
                           time_limit=args.time_limit, year=args.year)


def repair(args: argparse.Namespace) -> dict:
    from destinations.regionalize.report import repair_plan

    return repair_plan(load_base(), args.plan, year=args.year)


def register(groups) -> None:
    commands = subcommands(groups, "scenario", "consolidation scenarios")
    evaluate_cmd = commands.add_parser("evaluate", help="metrics of a plan CSV (kommune_code, company)")
    evaluate_cmd.add_argument("plan")
    evaluate_cmd.add_argument("--year", type=year, default=None)
    evaluate_cmd.add_argument("--json", action="store_true")
    evaluate_cmd.set_defaults(handler=evaluate)
    export_cmd = commands.add_parser("export", help="export a saved scenario")
    export_cmd.add_argument("name", help="scenario name ('Destination companies today' is built in)")
    export_cmd.add_argument("--format", choices=["csv", "geojson", "gpkg"], required=True)
    export_cmd.add_argument("--out", required=True)
    export_cmd.add_argument("--year", type=year, default=None)
    export_cmd.add_argument("--json", action="store_true")
    export_cmd.set_defaults(handler=export)
    register_import(commands)

    generate_cmd = commands.add_parser("generate", help="optimised contiguous plan for k companies")
    generate_cmd.add_argument("--k", type=company_count, required=True, help="number of companies (15-25)")
    generate_cmd.add_argument("--seed", type=int, default=1)
    generate_cmd.add_argument("--iterations", type=_iterations, default=None,
                              help="iteration budget (default 20000): the same seed and settings "
                                   "give the same plan on any machine")
    generate_cmd.add_argument("--time-limit", type=float, default=300.0, dest="time_limit",
                              help="seconds (default 300, a safety cap: the budget normally ends "
                                   "the search); may stop it earlier (then stopped_by is 'time')")
    generate_cmd.add_argument("--floor", type=float, default=None, help="critical-mass floor (overnights)")
    generate_cmd.add_argument("--year", type=year, default=None)
    generate_cmd.add_argument("--balance", type=_bound_arg(float, "a ratio"), default="today",
                              dest="balance",
                              help="largest/smallest company overnights at most this ratio; "
                                   "'today' (default: derived from today's map) or 'off'")
    generate_cmd.add_argument("--max-municipalities", type=_bound_arg(int, "a whole number"),
                              default="today", dest="max_units",
                              help="at most this many municipalities per company; 'today' "
                                   "(default: today's largest company) or 'off'")
    generate_cmd.add_argument("--lighthouse", choices=["where_possible", "all", "off"],
                              default="where_possible", help="lighthouse attraction in every company")
    generate_cmd.add_argument("--out", default=None, help="write the plan CSV here")
    generate_cmd.add_argument("--json", action="store_true")
    generate_cmd.set_defaults(handler=generate)
    repair_cmd = commands.add_parser("repair", help="fewest moves that make a plan valid")
    repair_cmd.add_argument("plan")
    repair_cmd.add_argument("--year", type=year, default=None)
    repair_cmd.add_argument("--json", action="store_true")
    repair_cmd.set_defaults(handler=repair)
    ensemble_cmd = commands.add_parser("ensemble", help="where a plan sits among sampled valid plans")
    ensemble_cmd.add_argument("plan", nargs="?", default=None, help="plan CSV (default: today's companies)")
    ensemble_cmd.add_argument("--steps", type=int, default=500)
    ensemble_cmd.add_argument("--seed", type=int, default=1)
    ensemble_cmd.add_argument("--time-limit", type=float, default=60.0, dest="time_limit")
    ensemble_cmd.add_argument("--year", type=year, default=None)
    ensemble_cmd.add_argument("--json", action="store_true")
    ensemble_cmd.set_defaults(handler=ensemble)
