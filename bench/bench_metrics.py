"""Benchmark: re-evaluating a plan after one municipality moves, incremental vs full rebuild.

Run from the repository root::

    python bench/bench_metrics.py [--moves 300] [--seed 7] [--year 2019]

Both timings are measured in this process on the same random moves of "Destination companies
today" (a seeded numpy Generator picks a municipality and a different company). The budget of
issue 4 is 20 ms per move; the script prints the numbers and the ratio and asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--moves", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--year", type=int, default=None)
    args = parser.parse_args()

    from destinations.data.base import load_base
    from destinations.scenarios.metrics import evaluate, evaluate_after_move
    from destinations.scenarios.scenario import Scenario
    from destinations.scenarios.io import load_context
    from destinations.settings import load_settings

    base = load_base(load_settings())
    started = time.perf_counter()
    ctx = load_context(base, year=args.year)
    context_ms = (time.perf_counter() - started) * 1000

    rng = np.random.default_rng(args.seed)
    scenario = Scenario.from_base(base)
    company_ids = [cid for cid, _ in scenario.company_names]
    evaluation = evaluate(scenario, ctx)
    full_ms, incremental_ms, worst_difference = [], [], 0.0
    for _ in range(args.moves):
        code = str(rng.choice(scenario.codes))
        choices = [c for c in company_ids + [None] if c != scenario.company_of(code)]
        target = choices[int(rng.integers(len(choices)))]
        moved = scenario.move(code, target)

        t0 = time.perf_counter()
        incremental = evaluate_after_move(evaluation, moved, code, target, ctx)
        t1 = time.perf_counter()
        full = evaluate(moved, ctx)
        t2 = time.perf_counter()
        incremental_ms.append((t1 - t0) * 1000)
        full_ms.append((t2 - t1) * 1000)
        for key, value in full.plan.items():
            other = incremental.plan[key]
            if isinstance(value, float) and np.isfinite(value):
                worst_difference = max(worst_difference, abs(value - float(other)))
        scenario, evaluation = moved, incremental

    def describe(values: list[float]) -> str:
        ordered = sorted(values)
        p95 = ordered[int(0.95 * (len(ordered) - 1))]
        return f"median {statistics.median(values):6.2f} ms, p95 {p95:6.2f} ms, max {max(values):6.2f} ms"

    print(f"metrics benchmark: {args.moves} random moves, {len(ctx.codes)} municipalities, "
          f"facts year {ctx.year}, {len(company_ids)} companies")
    print(f"context build (once)      : {context_ms:8.1f} ms")
    print(f"full rebuild per move     : {describe(full_ms)}")
    print(f"incremental per move      : {describe(incremental_ms)}")
    print(f"ratio incremental / full  : {statistics.median(incremental_ms) / statistics.median(full_ms):.2f} "
          f"(full / incremental = {statistics.median(full_ms) / statistics.median(incremental_ms):.1f}x)")
    print("budget per move           : 20 ms")
    print(f"largest plan-metric difference incremental vs full: {worst_difference:.2e}")


if __name__ == "__main__":
    main()
