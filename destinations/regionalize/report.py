"""CLI helpers of the plan generator (JSON-ready dicts; :mod:`destinations.cli` wires them).

* ``destinations scenario generate --k 19 --seed 1 --iterations 20000 --out plan.csv --json`` ->
  :func:`generate_plan`: the same document as ``scenario evaluate`` (its ``plan`` object, companies,
  provenance ...) plus ``iterations``, ``stopped_by`` (``budget`` | ``time``), ``binding`` (names of
  the constraints that keep the plan from cutting fewer day trips) and a ``generator`` object; the
  plan CSV is written to ``out`` in the import format. The balance and size bounds default to the
  ones derived from today's map (:mod:`destinations.regionalize.defaults`).
* ``destinations scenario repair PLAN.csv --json`` -> :func:`repair_plan`: the suggested ``moves``.
* :func:`ensemble_report`: where a plan sits among sampled valid plans (percentiles per metric).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from destinations.errors import ScenarioError, SolverError
from destinations.scenarios.metrics import OVERNIGHTS_FLOOR

#: Largest time limit accepted (seconds): a runaway value should not tie up a server.
MAX_TIME_LIMIT = 3600.0
#: Default time limit (seconds) of generate: a safety cap, not what ends the search. The default
#: budget takes ~5 s on an idle 2-core machine and ~21 s at load 11; a 30 s cap would let the
#: clock decide under load and make the plan depend on it.
DEFAULT_TIME_LIMIT = 300.0
#: Largest iteration budget accepted (about an hour on the development machine).
MAX_ITERATIONS = 20_000_000
#: Bound values meaning "derive it from today's map" and "no bound".
TODAY, OFF = "today", "off"


def _context(base, *, year: int | None, facts, floor: float):
    from destinations.scenarios.flows import FlowParams
    from destinations.scenarios.metrics import EvaluationContext

    if facts is None:
        from destinations.facts import AVAILABLE_YEARS, load_facts

        if year is not None and year not in AVAILABLE_YEARS:
            raise ScenarioError(f"No tourism facts for {year}; available years: "
                                f"{list(AVAILABLE_YEARS)}.")
        facts = load_facts(base, year if year is not None else max(AVAILABLE_YEARS))
    return EvaluationContext.from_base(base, facts, flow_params=FlowParams(), floor=float(floor))


def _read_plan(base, path: str | Path):
    from destinations.scenarios.io import read_plan_file

    return read_plan_file(base, path)


def _resolve_companies(scenario, wanted: Iterable[str]) -> list[str]:
    ids = []
    for item in wanted:
        if item in scenario.names:
            ids.append(item)
            continue
        found = scenario.company_id_by_name(item)
        if found is None:
            raise ScenarioError(f"No company {item!r} in {scenario.name!r} to lock; use a company "
                                f"id or name from that plan (e.g. {next(iter(scenario.names), '')!r}).")
        ids.append(found)
    return ids


def _check_common(k: int, time_limit: float) -> None:
    if not isinstance(k, int) or isinstance(k, bool):
        raise SolverError(f"--k must be a whole number, got {k!r}.")
    if not (isinstance(time_limit, (int, float)) and math.isfinite(time_limit)
            and 0 < time_limit <= MAX_TIME_LIMIT):
        raise SolverError(f"--time-limit must be between 0 and {MAX_TIME_LIMIT:.0f} seconds, got "
                          f"{time_limit!r}.")


def _bound(value, derived, *, what: str, cast):
    """A bound given as a number, ``"today"`` (the derived default) or ``"off"``/None."""
    if value is None or (isinstance(value, str) and value.strip().lower() == OFF):
        return None
    if isinstance(value, str) and value.strip().lower() == TODAY:
        return derived
    try:
        number = cast(value)
    except (TypeError, ValueError):
        raise SolverError(f"{what} must be a number, 'today' or 'off', got {value!r}.") from None
    return number


def generate_plan(base, *, k: int, seed: int, time_limit: float = DEFAULT_TIME_LIMIT,
                  out: str | Path | None = None, year: int | None = None,
                  floor: float = OVERNIGHTS_FLOOR, balance_max_ratio: float | str | None = TODAY,
                  max_units: int | str | None = TODAY,
                  require_lighthouse: bool | str = "where_possible",
                  start: str | Path | None = None, lock_companies: Sequence[str] = (),
                  together: Sequence[Sequence[str]] = (), iterations: int | None = None,
                  max_iterations: int | None = None, name: str | None = None,
                  facts=None) -> dict:
    """Generate a plan and return ``scenario evaluate``'s document plus the generator's report.

    Parameters
    ----------
    base
        :class:`~destinations.data.base.BaseData`.
    k, seed
        Companies and random seed.
    iterations
        Iteration budget (default :data:`~destinations.regionalize.generate.DEFAULT_BUDGET`):
        same seed, settings and budget give the same plan on any machine.
    time_limit
        Wall seconds (default :data:`DEFAULT_TIME_LIMIT`, a safety cap); may stop the search
        before the budget is used (``stopped_by: "time"``).
    out
        Where to write the plan CSV (import format; the folder is created).
    year, floor, require_lighthouse
        Facts year (latest when None) and constraints (see
        :func:`destinations.regionalize.generate.solve`).
    balance_max_ratio, max_units
        Largest / smallest company overnights and municipalities per company: a number,
        ``"today"`` (default: derived from today's map, see
        :mod:`destinations.regionalize.defaults`) or ``"off"`` / None (no bound).
    start
        A plan CSV to start from.
    lock_companies
        Companies (ids or names) of the start plan - today's companies without one - kept exactly
        as they are.
    together
        Groups of kommune codes to keep in one company.
    max_iterations
        Former name of ``iterations``.

    Returns
    -------
    dict
        ``scenario``, ``plan``, ``companies``, ... (see
        :func:`destinations.scenarios.io.evaluation_to_dict`); ``iterations`` (done),
        ``stopped_by`` (``budget``: reproducible; ``time``: the time limit came first) and
        ``binding`` (constraint names: ``floor``, ``balance``, ``lighthouse``, ``contiguity``,
        ``size``, ``companies``, ``locks``); and ``generator``: ``k``, ``seed``, ``budget``,
        ``time_limit``, ``iterations``, ``elapsed_s``, ``stopped``, ``stopped_by``, ``valid``,
        ``violations``, ``objective`` (border cut share), ``constraints`` (the bounds used),
        ``defaults`` (the bounds derived from today's map and how), ``binding``,
        ``binding_detail`` (per constraint: moves it blocks, the largest saving, an example and
        a sentence), ``notes``, ``out``, ``trace`` (``[seconds, iteration, cut]`` at each
        improvement; the seconds vary by machine, the rest does not).

    Raises
    ------
    SolverError
        An infeasible request, with the constraint named.
    """
    from destinations.scenarios.metrics import evaluate
    from destinations.regionalize.defaults import default_bounds
    from destinations.regionalize.generate import DEFAULT_BUDGET, solve
    from destinations.regionalize.problem import RegionalizationProblem
    from destinations.scenarios.scenario import Scenario
    from destinations.scenarios.io import MunicipalityIndex, evaluation_to_dict, plan_csv

    _check_common(k, time_limit)
    budget = iterations if iterations is not None else max_iterations
    budget = DEFAULT_BUDGET if budget is None else budget
    if isinstance(budget, bool) or not isinstance(budget, int) or not 0 <= budget <= MAX_ITERATIONS:
        raise SolverError(f"--iterations must be a whole number between 0 and {MAX_ITERATIONS:,}, "
                          f"got {budget!r}.")
    ctx = _context(base, year=year, facts=facts, floor=floor)
    today = Scenario.from_base(base)
    start_plan = _read_plan(base, start) if start is not None else None
    lock_source = start_plan or today
    locked_ids = _resolve_companies(lock_source, lock_companies)
    members = lock_source.companies()
    locked = {cid: members[cid] for cid in locked_ids}
    problem = RegionalizationProblem.from_context(
        ctx, together=together, locked=locked,
        locked_names={cid: lock_source.names[cid] for cid in locked_ids})
    defaults = default_bounds(problem, today, k=k)
    ratio = _bound(balance_max_ratio, defaults.balance_max_ratio, what="--balance", cast=float)
    size = _bound(max_units, defaults.max_units, what="--max-municipalities", cast=int)
    plan = solve(problem, rng=np.random.default_rng(seed), budget=budget,
                 time_limit=float(time_limit), k=k, floor=floor, balance_max_ratio=ratio,
                 max_units=size, require_lighthouse=require_lighthouse, start=start_plan)
    scenario = plan.to_scenario(problem, name=(name or f"Generated k={k} seed={seed}")[:80],
                                reference=today)
    document = evaluation_to_dict(evaluate(scenario, ctx))
    written = None
    if out is not None:
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(plan_csv(scenario, MunicipalityIndex.from_base(base)))
        written = str(path)
    document["iterations"] = plan.iterations
    document["stopped_by"] = plan.stopped_by
    document["binding"] = list(plan.binding)
    document["generator"] = {
        "k": k, "seed": seed, "budget": budget, "time_limit": float(time_limit),
        "iterations": plan.iterations, "elapsed_s": round(plan.elapsed_s, 3),
        "stopped": plan.stopped, "stopped_by": plan.stopped_by, "valid": plan.valid,
        "violations": _plain(plan.violations), "objective": plan.value,
        "constraints": _plain(dict(plan.settings)), "defaults": _plain(defaults.to_dict()),
        "binding": list(plan.binding), "binding_detail": _plain(list(plan.binding_detail)),
        "locked_companies": locked_ids, "together": [list(g) for g in together],
        "notes": list(plan.notes), "out": written,
        "trace": [[round(t, 3), i, v] for t, i, v in plan.trace],
    }
    return document


def repair_plan(base, path: str | Path, *, year: int | None = None,
                floor: float = OVERNIGHTS_FLOOR, time_limit: float = 10.0, facts=None) -> dict:
    """``destinations scenario repair PLAN.csv --json``: the fewest moves making it valid.

    Returns
    -------
    dict
        ``scenario``; ``moves`` (``code``, ``municipality``, ``from``/``from_name``,
        ``to``/``to_name``, ``reason``, in the order to accept them); ``count``; ``lower_bound``;
        ``optimal``; ``valid_after``; ``before`` / ``after`` (company names per violation);
        ``plan_after`` (the ``plan`` object of ``scenario evaluate`` after every move);
        ``new_companies`` (``{id: name}`` of companies a move splits off, e.g. Bornholm on its
        own again); ``notes``.
    """
    from destinations.scenarios.metrics import evaluate
    from destinations.regionalize.problem import RegionalizationProblem
    from destinations.regionalize.repair import apply_moves, repair_scenario
    from destinations.scenarios.io import evaluation_to_dict

    _check_common(1, time_limit)
    scenario = _read_plan(base, path)
    ctx = _context(base, year=year, facts=facts, floor=floor)
    problem = RegionalizationProblem.from_context(ctx)
    result = repair_scenario(scenario, problem, floor=floor, time_limit=time_limit)
    names = {**scenario.names, **result.new_companies}
    unit_names = dict(zip(problem.ids, problem.names))
    repaired = apply_moves(scenario, result.moves)

    def named(violations) -> dict:
        return {key: [names.get(cid, cid) for cid in ids] for key, ids in violations.items()}

    return {
        "scenario": scenario.name,
        "moves": [m.to_dict(names, unit_names) for m in result.moves],
        "count": len(result.moves),
        "lower_bound": result.lower_bound,
        "optimal": result.optimal,
        "valid_after": result.valid_after,
        "before": named(result.before),
        "after": named(result.after),
        "plan_after": evaluation_to_dict(evaluate(repaired, ctx))["plan"],
        "new_companies": dict(result.new_companies),
        "notes": list(result.notes),
        "floor": float(floor),
    }


def ensemble_report(base, *, path: str | Path | None = None, steps: int = 500, seed: int = 1,
                    time_limit: float = 60.0, year: int | None = None,
                    floor: float = OVERNIGHTS_FLOOR, balance_max_ratio: float | None = None,
                    require_lighthouse: bool | str = "off", facts=None) -> dict:
    """Where a plan (today's when ``path`` is None) sits among ``steps`` sampled valid plans with
    as many companies.

    Returns
    -------
    dict
        ``scenario``, ``k``, ``steps``, ``accepted``, ``elapsed_s``, ``stopped``, ``positions``
        (per metric: ``value``, ``percentile``, ``median``, ``low``, ``high``, ``outlier``, ``n``)
        and ``notes``.
    """
    from destinations.scenarios.metrics import evaluate
    from destinations.regionalize.ensemble import sample_ensemble
    from destinations.regionalize.problem import RegionalizationProblem
    from destinations.scenarios.scenario import Scenario

    scenario = _read_plan(base, path) if path is not None else Scenario.from_base(base)
    k = sum(1 for members in scenario.companies().values() if members)
    _check_common(k, time_limit)
    ctx = _context(base, year=year, facts=facts, floor=floor)
    problem = RegionalizationProblem.from_context(ctx)
    ensemble = sample_ensemble(problem, rng=np.random.default_rng(seed), steps=steps, k=k,
                               floor=floor, balance_max_ratio=balance_max_ratio,
                               require_lighthouse=require_lighthouse, ctx=ctx,
                               time_limit=time_limit)
    evaluation = evaluate(scenario, ctx)
    return {"scenario": scenario.name, "k": k, "steps": ensemble.steps,
            "accepted": ensemble.accepted, "elapsed_s": round(ensemble.elapsed_s, 3),
            "stopped": ensemble.stopped, "positions": _plain(ensemble.position(evaluation.plan)),
            "notes": list(ensemble.notes)}


def _plain(value):
    """JSON-ready: numpy scalars to Python, NaN/inf to None, containers recursively."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value) if math.isfinite(value) else None
    return value
