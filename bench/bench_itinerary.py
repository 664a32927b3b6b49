"""Benchmark the itinerary solver on the public OPHS and TOPTW instances.

Usage::

    python bench/bench_itinerary.py [--quick] [--time-limit S] [--toptw-time-limit S] [--seed N]
                                    [--only ophs|toptw] [--json PATH]

For every set (OPHS ``SET1_1-2``, ``SET1_2-3``, ``SET1_3-4``; TOPTW Solomon 100-customer instances
with m = 1, 2, 3, 4 routes) it prints the number of instances, the mean and max gap to the
best-known score (``100 * (best - score) / best``; negative when the solver beats the listed
value, which happens for TOPTW m >= 2 whose listed values are "best of runs" of an older
heuristic), the mean seconds per instance, and the same for a greedy-insertion baseline run in
the same process (:func:`destinations.itinerary.greedy`), as "gap ratio vs greedy" and "time
ratio vs greedy". Every solution is checked with :meth:`Solution.feasibility`; an infeasible one
is counted and reported.

Default time limits: 2 s per OPHS instance (the target: mean gap <= 1 % within 2 s) and 3 s per
TOPTW instance. ``--quick`` runs every fourth instance of each set (about 2 minutes in all); the
full run takes about 10 minutes.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from destinations.itinerary import (  # noqa: E402
    Problem,
    greedy,
    read_best_known,
    read_ophs,
    read_toptw,
    solve,
)

#: Public benchmark instances carried by the repository (see instances/README.md).
INSTANCES = Path(__file__).resolve().parent / "instances"

OPHS_SETS = ("SET1_1-2", "SET1_2-3", "SET1_3-4")
TOPTW_DIR = "c_r_rc_100_100"
TOPTW_ROUTES = (1, 2, 3, 4)
DEFAULT_OPHS_SECONDS = 2.0
DEFAULT_TOPTW_SECONDS = 3.0


@dataclass
class SetResult:
    name: str
    time_limit: float
    instances: list[str] = field(default_factory=list)
    gaps: list[float] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    greedy_gaps: list[float] = field(default_factory=list)
    greedy_seconds: list[float] = field(default_factory=list)
    infeasible: list[str] = field(default_factory=list)

    def summary(self) -> dict[str, float]:
        g_gap = statistics.fmean(self.greedy_gaps)
        gap = statistics.fmean(self.gaps)
        g_time = statistics.fmean(self.greedy_seconds)
        return {
            "instances": len(self.gaps),
            "mean_gap": gap,
            "mean_gap_clipped": statistics.fmean(max(0.0, g) for g in self.gaps),
            "max_gap": max(self.gaps),
            "at_or_above_best": sum(g <= 1e-9 for g in self.gaps),
            "mean_seconds": statistics.fmean(self.seconds),
            "max_seconds": max(self.seconds),
            "greedy_mean_gap": g_gap,
            "greedy_mean_seconds": g_time,
            "gap_ratio_vs_greedy": gap / g_gap if g_gap > 0 else float("nan"),
            "time_ratio_vs_greedy": statistics.fmean(self.seconds) / g_time if g_time > 0 else float("nan"),
            "infeasible": len(self.infeasible),
        }


def gap(best: float, score: float) -> float:
    return 100.0 * (best - score) / best if best > 0 else 0.0


def run_one(result: SetResult, problem: Problem, best: float, seed: int) -> None:
    began = time.perf_counter()
    solution = solve(problem, rng=np.random.default_rng(seed), time_limit=result.time_limit)
    elapsed = time.perf_counter() - began
    began = time.perf_counter()
    base = greedy(problem)
    g_elapsed = time.perf_counter() - began
    for sol, label in ((solution, "solver"), (base, "greedy")):
        issues = sol.feasibility(problem)
        if issues:
            result.infeasible.append(f"{problem.name} ({label}): {issues[0]}")
    result.instances.append(problem.name)
    result.gaps.append(gap(best, solution.score))
    result.seconds.append(elapsed)
    result.greedy_gaps.append(gap(best, base.score))
    result.greedy_seconds.append(g_elapsed)


def print_header() -> None:
    print(
        f"{'set':<16}{'inst':>5}{'mean gap %':>11}{'max gap %':>10}{'>=best':>7}{'s/inst':>8}"
        f"{'greedy gap %':>13}{'greedy s':>10}{'gap ratio':>10}{'time ratio':>11}{'infeas':>7}"
    )
    print(f"{'':<16}{'':>5}{'':>11}{'':>10}{'':>7}{'':>8}{'':>13}{'':>10}{'vs greedy':>10}{'vs greedy':>11}")


def print_row(result: SetResult) -> None:
    s = result.summary()
    print(
        f"{result.name:<16}{s['instances']:>5}{s['mean_gap']:>11.3f}{s['max_gap']:>10.2f}"
        f"{s['at_or_above_best']:>7}{s['mean_seconds']:>8.2f}{s['greedy_mean_gap']:>13.2f}"
        f"{s['greedy_mean_seconds']:>10.4f}{s['gap_ratio_vs_greedy']:>10.3f}{s['time_ratio_vs_greedy']:>11.0f}"
        f"{s['infeasible']:>7}",
        flush=True,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="every fourth instance of each set")
    parser.add_argument("--time-limit", type=float, default=None,
                        help=f"seconds per instance for every set (default {DEFAULT_OPHS_SECONDS:g} OPHS, "
                             f"{DEFAULT_TOPTW_SECONDS:g} TOPTW)")
    parser.add_argument("--toptw-time-limit", type=float, default=None, help="seconds per TOPTW instance")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", choices=("ophs", "toptw"), default=None)
    parser.add_argument("--json", type=Path, default=None, help="also write per-instance results here")
    parser.add_argument("--verbose", action="store_true", help="print every instance")
    args = parser.parse_args(argv)

    bench = INSTANCES
    ophs_limit = args.time_limit if args.time_limit is not None else DEFAULT_OPHS_SECONDS
    toptw_limit = args.toptw_time_limit or (args.time_limit if args.time_limit is not None else DEFAULT_TOPTW_SECONDS)
    step = 4 if args.quick else 1
    results: list[SetResult] = []
    print(f"benchmark data: {bench}; OPHS {ophs_limit:g} s, TOPTW {toptw_limit:g} s per instance"
          f"{' (quick: every 4th instance)' if args.quick else ''}")
    print_header()

    if args.only in (None, "ophs"):
        best = read_best_known(bench / "ophs" / "best_known.csv")
        for set_name in OPHS_SETS:
            result = SetResult(f"OPHS {set_name}", ophs_limit)
            files = sorted((bench / "ophs" / set_name).glob("*.ophs"))[::step]
            for path in files:
                problem = read_ophs(path)
                run_one(result, problem, best[(problem.name, problem.num_days)].score, args.seed)
                if args.verbose:
                    print(f"  {problem.name}: gap {result.gaps[-1]:.2f} % in {result.seconds[-1]:.2f} s", flush=True)
            print_row(result)
            results.append(result)

    if args.only in (None, "toptw"):
        best = read_best_known(bench / "toptw" / "best_known.csv")
        files = sorted((bench / "toptw" / TOPTW_DIR).glob("*.txt"))[::step]
        for m in TOPTW_ROUTES:
            result = SetResult(f"TOPTW m={m}", toptw_limit)
            for path in files:
                problem = read_toptw(path, m)
                run_one(result, problem, best[(problem.name, m)].score, args.seed)
                if args.verbose:
                    print(f"  {problem.name}: gap {result.gaps[-1]:.2f} % in {result.seconds[-1]:.2f} s", flush=True)
            print_row(result)
            results.append(result)

    for family in ("OPHS", "TOPTW"):
        group = [r for r in results if r.name.startswith(family)]
        if not group:
            continue
        gaps = [g for r in group for g in r.gaps]
        secs = [t for r in group for t in r.seconds]
        g_gaps = [g for r in group for g in r.greedy_gaps]
        print(f"{family} overall: {len(gaps)} runs, mean gap {statistics.fmean(gaps):.3f} % "
              f"(negative gaps clipped: {statistics.fmean(max(0.0, g) for g in gaps):.3f} %), "
              f"max gap {max(gaps):.2f} %, {statistics.fmean(secs):.2f} s/instance; "
              f"greedy mean gap {statistics.fmean(g_gaps):.2f} %")
    bad = [x for r in results for x in r.infeasible]
    for line in bad:
        print(f"INFEASIBLE {line}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps([{**asdict(r), "summary": r.summary()} for r in results], indent=1))
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
