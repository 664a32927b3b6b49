"""Benchmark the itinerary solver on the public OPHS (and TOPTW) instances.

Usage::

    python bench/bench_itinerary.py [--time-limits 2,10] [--quick] [--sets SET1,SET2,SET3]
                                    [--toptw] [--clock wall|cpu] [--jobs N] [--seed N] [--json PATH]

For every OPHS set (SET1: ``SET1_1-2``, ``SET1_2-3``, ``SET1_3-4``; SET2: ``SET2_5-3``,
``SET2_6-4``; SET3: ``SET3_10-4``, ``SET3_12-5``; 219 instances whose best-known values are
proven optima) and every time limit it prints, per set and per folder: the number of instances,
the mean and max gap to the optimum (``100 * (best - score) / best``), how many instances reach
the optimum, the mean seconds per instance, and the same for a greedy-insertion baseline
(:func:`destinations.itinerary.greedy`, run in the same process). ``--toptw`` adds the Solomon
100-customer TOPTW instances with m = 1..4 routes (their listed values for m >= 2 are "best of
runs" of older heuristics, so gaps can be negative). Every solution is checked with
:meth:`Solution.feasibility`; an infeasible one is counted and reported, and the exit status is 1.

``--clock cpu`` measures the time limit in CPU seconds of the solving process
(``time.process_time``) instead of wall-clock seconds: use it on a shared machine, where other
processes would otherwise eat the solver's time; the report says which clock was used.
``--jobs 2`` solves two instances at a time in separate processes (one per core). ``--quick`` runs
every fourth instance of each folder. A full run at 2 s and 10 s takes 44 minutes of solver time
(22 with ``--jobs 2``).

``--plans`` instead times the trip planner (``plan_trip``: the best trip and two alternatives at
the default iteration budget and 5 s limit) on five 5-day requests, wall-clock and CPU seconds.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from destinations.itinerary import (  # noqa: E402
    greedy,
    read_best_known,
    read_ophs,
    read_toptw,
    solve,
)

#: Public benchmark instances carried by the repository (see instances/README.md).
INSTANCES = Path(__file__).resolve().parent / "instances"

OPHS_SETS = {
    "SET1": ("SET1_1-2", "SET1_2-3", "SET1_3-4"),
    "SET2": ("SET2_5-3", "SET2_6-4"),
    "SET3": ("SET3_10-4", "SET3_12-5"),
}
TOPTW_DIR = "c_r_rc_100_100"
TOPTW_ROUTES = (1, 2, 3, 4)


@dataclass
class Run:
    """One instance solved at one time limit."""

    group: str  # e.g. "SET3"
    folder: str  # e.g. "SET3_12-5"
    instance: str
    days: int
    time_limit: float
    best: float
    optimal: bool
    score: float
    seconds: float
    iterations: int
    greedy_score: float
    greedy_seconds: float
    infeasible: str = ""

    @property
    def gap(self) -> float:
        return gap(self.best, self.score)

    @property
    def greedy_gap(self) -> float:
        return gap(self.best, self.greedy_score)


@dataclass
class Summary:
    name: str
    time_limit: float
    runs: list[Run] = field(default_factory=list)

    def row(self) -> dict:
        gaps = [r.gap for r in self.runs]
        return {
            "name": self.name,
            "time_limit": self.time_limit,
            "instances": len(gaps),
            "mean_gap": statistics.fmean(gaps),
            "max_gap": max(gaps),
            "at_optimum": sum(r.optimal and r.gap <= 1e-9 for r in self.runs),
            "at_or_above_best": sum(r.gap <= 1e-9 for r in self.runs),
            "mean_seconds": statistics.fmean(r.seconds for r in self.runs),
            "mean_iterations": statistics.fmean(r.iterations for r in self.runs),
            "greedy_mean_gap": statistics.fmean(r.greedy_gap for r in self.runs),
            "greedy_max_gap": max(r.greedy_gap for r in self.runs),
            "greedy_mean_seconds": statistics.fmean(r.greedy_seconds for r in self.runs),
            "infeasible": sum(bool(r.infeasible) for r in self.runs),
        }


def gap(best: float, score: float) -> float:
    return 100.0 * (best - score) / best if best > 0 else 0.0


def _solve_one(task: tuple) -> Run:
    group, folder, path, kind, m, time_limit, best, optimal, seed, clock = task
    problem = read_ophs(Path(path)) if kind == "ophs" else read_toptw(Path(path), m)
    timer = time.process_time if clock == "cpu" else time.perf_counter
    began = timer()
    solution = solve(problem, rng=np.random.default_rng(seed), time_limit=time_limit, timer=timer)
    elapsed = timer() - began
    began = timer()
    base = greedy(problem)
    g_elapsed = timer() - began
    issues = [f"solver: {i}" for i in solution.feasibility(problem)]
    issues += [f"greedy: {i}" for i in base.feasibility(problem)]
    return Run(group=group, folder=folder, instance=problem.name, days=problem.num_days,
               time_limit=time_limit, best=best, optimal=optimal, score=float(solution.score),
               seconds=elapsed, iterations=solution.iterations, greedy_score=float(base.score),
               greedy_seconds=g_elapsed, infeasible=issues[0] if issues else "")


HEADER = (f"{'set':<12}{'limit':>6}{'inst':>5}{'mean gap %':>11}{'max gap %':>10}{'at opt':>7}"
          f"{'s/inst':>8}{'iters':>8}{'greedy mean %':>14}{'greedy max %':>13}{'infeas':>7}")


def print_row(row: dict) -> None:
    print(f"{row['name']:<12}{row['time_limit']:>5g}s{row['instances']:>5}{row['mean_gap']:>11.3f}"
          f"{row['max_gap']:>10.2f}{row['at_optimum']:>7}{row['mean_seconds']:>8.2f}"
          f"{row['mean_iterations']:>8.0f}{row['greedy_mean_gap']:>14.2f}{row['greedy_max_gap']:>13.2f}"
          f"{row['infeasible']:>7}", flush=True)


PLAN_REQUESTS = (
    dict(start="Copenhagen Airport", days=5, month=7),
    dict(start="Billund Airport", days=5, month=8, themes=("family",)),
    dict(start="Aalborg Airport", end="Copenhagen Airport", days=5, month=6, bases="road"),
    dict(start="Esbjerg", end="Rønne", days=5, month=6, themes=("viking",)),
    dict(start="Aarhus Central", days=5, month=10, bases="one", themes=("art",)),
)


def time_plans() -> int:
    """Wall-clock and CPU seconds of planning five 5-day trips (data loading excluded)."""
    from destinations.data.base import load_base
    from destinations.itinerary import TripRequest, plan_trip
    from destinations.itinerary.planner import load_default_facts
    from destinations.settings import load_settings

    base = load_base(load_settings())
    print(f"{'request':<58}{'wall s':>8}{'cpu s':>7}{'iters':>7}{'stopped':>9}{'bases':>7}")
    worst = 0.0
    for spec in PLAN_REQUESTS:
        request = TripRequest(**spec)
        facts = load_default_facts(base, request)
        wall, cpu = time.perf_counter(), time.process_time()
        result = plan_trip(base, request, facts=facts, rng=np.random.default_rng(1), seed=1)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        worst = max(worst, wall)
        label = " ".join(f"{k}={v}" for k, v in spec.items())
        print(f"{label[:57]:<58}{wall:>8.2f}{cpu:>7.2f}{result.iterations:>7}{result.stopped_by:>9}"
              f"{len(result.best.bases):>7}", flush=True)
    print(f"slowest: {worst:.2f} s wall")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--time-limits", default="2,10", help="comma-separated seconds per instance")
    parser.add_argument("--sets", default="SET1,SET2,SET3", help="OPHS sets to run (or none)")
    parser.add_argument("--toptw", action="store_true", help="also the TOPTW Solomon instances")
    parser.add_argument("--quick", action="store_true", help="every fourth instance of each folder")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, default=None, help="also write per-instance results here")
    parser.add_argument("--plans", action="store_true", help="time the trip planner instead")
    args = parser.parse_args(argv)
    if args.plans:
        return time_plans()

    limits = [float(x) for x in args.time_limits.split(",") if x.strip()]
    step = 4 if args.quick else 1
    sets = [s for s in args.sets.split(",") if s in OPHS_SETS]
    tasks: list[tuple] = []
    ophs_best = read_best_known(INSTANCES / "ophs" / "best_known.csv")
    for limit in limits:
        for group in sets:
            for folder in OPHS_SETS[group]:
                for path in sorted((INSTANCES / "ophs" / folder).glob("*.ophs"))[::step]:
                    days = int(path.stem.rsplit("-", 1)[1])
                    known = ophs_best[(path.stem, days)]
                    tasks.append((group, folder, str(path), "ophs", None, limit, known.score,
                                  known.value_kind == "optimal", args.seed, args.clock))
        if args.toptw:
            toptw_best = read_best_known(INSTANCES / "toptw" / "best_known.csv")
            for m in TOPTW_ROUTES:
                for path in sorted((INSTANCES / "toptw" / TOPTW_DIR).glob("*.txt"))[::step]:
                    known = toptw_best[(path.stem, m)]
                    tasks.append(("TOPTW", f"TOPTW m={m}", str(path), "toptw", m, limit, known.score,
                                  known.value_kind == "optimal", args.seed, args.clock))
    print(f"instances: {INSTANCES}; limits {', '.join(f'{x:g} s' for x in limits)} ({args.clock} clock); "
          f"{len(tasks)} runs{' (quick: every 4th instance)' if args.quick else ''}; seed {args.seed}")
    if args.jobs > 1:
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            runs = list(pool.map(_solve_one, tasks))
    else:
        runs = [_solve_one(t) for t in tasks]

    print(HEADER)
    rows = []
    for limit in limits:
        groups = list(dict.fromkeys(r.group for r in runs))
        for group in groups:
            mine = [r for r in runs if r.group == group and r.time_limit == limit]
            summary = Summary(group, limit, mine)
            rows.append(summary.row())
            print_row(rows[-1])
            for folder in dict.fromkeys(r.folder for r in mine):
                sub = Summary(f"  {folder}", limit, [r for r in mine if r.folder == folder])
                rows.append(sub.row())
                print_row(rows[-1])
    bad = [f"{r.folder}/{r.instance} at {r.time_limit:g} s: {r.infeasible}" for r in runs if r.infeasible]
    for line in bad:
        print(f"INFEASIBLE {line}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"clock": args.clock, "seed": args.seed, "summary": rows,
                                         "runs": [{**asdict(r), "gap": r.gap} for r in runs]}, indent=1))
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
