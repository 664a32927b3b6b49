"""The itinerary solver: tiny problems with obvious optima, feasibility, determinism, benchmarks.

Every ``solve`` call here is bounded by ``max_iterations`` (with a generous ``time_limit``), so
results depend on the seed only, not on the machine's speed. Nothing here asserts timings.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from destinations.errors import SolverError
from destinations.itinerary import (
    Problem,
    Solution,
    greedy,
    read_best_known,
    read_ophs,
    read_toptw,
    solve,
    solve_instance_file,
)
from tests.conftest import BENCH_INSTANCES

BENCH = BENCH_INSTANCES
GENEROUS = 120.0  # seconds; never reached with the iteration bounds used here


def euclid(points: list[tuple[float, float]]) -> np.ndarray:
    xy = np.array(points, dtype=float)
    return np.sqrt(((xy[:, None, :] - xy[None, :, :]) ** 2).sum(axis=2))


def run(problem: Problem, seed: int = 0, iterations: int = 60, **kw) -> Solution:
    return solve(problem, rng=np.random.default_rng(seed), time_limit=GENEROUS, max_iterations=iterations, **kw)


def visited(solution: Solution) -> set[int]:
    return set(solution.visited)


# ------------------------------------------------------------------------ tiny problems
def line_problem(budget: float, required: tuple[int, ...] = ()) -> Problem:
    """A depot and three places on a line, plus one place off the line::

                      (4) score 1, at (0, 3)
                       |
        score:  [0]---(1)---(2)---(3)
                 0     5     4     9
        x:       0     1     2     3

    Node 0 is the only hotel (start = end). A round trip to x costs 2x, to node 4 it costs 6.
    """
    travel = euclid([(0, 0), (1, 0), (2, 0), (3, 0), (0, 3)])
    return Problem.from_cost_matrix(
        travel, score=[0, 5, 4, 9, 1], budgets=[budget], hotels=[0], start=0, required=required, name="line"
    )


def test_line_budget_4_takes_the_two_nearest():
    solution = run(line_problem(4.0))
    assert solution.days == ((0, 1, 2, 0),) or solution.days == ((0, 2, 1, 0),)
    assert solution.score == 9
    assert solution.feasibility(line_problem(4.0)) == []


def test_line_budget_6_takes_the_whole_line():
    solution = run(line_problem(6.0))
    assert visited(solution) == {1, 2, 3} and solution.score == 18


def test_required_node_is_included_at_the_expense_of_score():
    """With budget 6 the off-line node 4 (score 1) fills the whole day; it is required, so it wins."""
    problem = line_problem(6.0, required=(4,))
    solution = run(problem)
    assert solution.days == ((0, 4, 0),)
    assert solution.missing_required == frozenset()
    assert solution.feasibility(problem) == []


def test_impossible_required_node_is_reported():
    """Budget 4 cannot reach node 3 (round trip 6): reported, and the rest is still optimised."""
    problem = line_problem(4.0, required=(3,))
    solution = run(problem)
    assert solution.missing_required == frozenset({3})
    assert solution.score == 9
    assert solution.feasibility(problem) == ["required nodes [3] are not visited"]


def hotel_problem() -> Problem:
    """Two days; the intermediate hotel decides everything (budgets 10 per day)::

            a(10)   H2   b(10)            a = (4, 8), H2 = (5, 8), b = (6, 8)
              o-----[ ]-----o
             /               \\
            /                 \\
          [S]--c(1)--[H1]--d(1)--[E]     S = (0, 0), c = (2.5, 0), H1 = (5, 0), d = (7.5, 0), E = (10, 0)

    S -> a -> H2 and H2 -> b -> E are 9.94 each, so the optimum is S a H2 | H2 b E with score 20;
    through H1 (or S/E) only c and d (score 2) fit.
    """
    points = [(0, 0), (10, 0), (5, 0), (5, 8), (4, 8), (6, 8), (2.5, 0), (7.5, 0)]
    return Problem.from_cost_matrix(
        euclid(points),
        score=[0, 0, 0, 0, 10, 10, 1, 1],
        budgets=[10, 10],
        hotels=[0, 1, 2, 3],
        start=0,
        end=1,
        total_budget=20,
        name="hotels",
    )


def test_intermediate_hotel_is_chosen():
    problem = hotel_problem()
    solution = run(problem)
    assert solution.days == ((0, 4, 3), (3, 5, 1))
    assert solution.score == 20
    assert solution.hotel_sequence == (0, 3, 1)
    assert solution.feasibility(problem) == []


def window_problem(budget: float) -> Problem:
    """One route from depot 0 with time windows (travel = |x difference|, no service)::

        x:        -1     0      1      2
                 (3)    [0]    (1)    (2)
        score:    3             5      5
        window: [13,100]      [0,2]  [10,12]

    Node 1 must be served by time 2, so it comes first; node 2 opens at 10 (wait) and is left at
    10; node 3 opens at 13, so it only fits after node 2 (reached at 13, home at 14).
    Budget 13.5: {1, 2}, score 10, home at 12. Budget 16: 1, 2, 3, score 13.
    """
    travel = euclid([(0, 0), (1, 0), (2, 0), (-1, 0)])
    return Problem.from_cost_matrix(
        travel,
        score=[0, 5, 5, 3],
        budgets=[budget],
        hotels=[0],
        start=0,
        time_windows=[None, (0, 2), (10, 12), (13, 100)],
        name="windows",
    )


def test_time_windows_force_the_order_and_waiting():
    problem = window_problem(13.5)
    solution = run(problem)
    assert solution.days == ((0, 1, 2, 0),) and solution.score == 10
    assert solution.lengths(problem) == (pytest.approx(12.0),)  # includes 8 of waiting
    assert solution.feasibility(problem) == []


def test_time_windows_with_room_for_the_last_node():
    problem = window_problem(16.0)
    solution = run(problem)
    assert solution.days == ((0, 1, 2, 3, 0),) and solution.score == 13


def test_routes_of_a_team_do_not_share_nodes():
    """Two routes of budget 4 from the depot, one each way (every node once, score 18)::

        score:   3     6    [ ]    5     4
        node:   (4)---(3)---[0]---(1)---(2)
        x:      -2    -1     0     1     2
    """
    travel = euclid([(0, 0), (1, 0), (2, 0), (-1, 0), (-2, 0)])
    problem = Problem.from_cost_matrix(travel, score=[0, 5, 4, 6, 3], budgets=[4, 4], hotels=[0], start=0)
    solution = run(problem)
    assert solution.score == 18 and sorted(len(d) for d in solution.days) == [4, 4]
    assert solution.feasibility(problem) == []


def test_no_candidate_gives_hotel_only_days():
    problem = Problem.from_cost_matrix(euclid([(0, 0), (5, 0)]), score=[0, 3], budgets=[2, 2], hotels=[0], start=0)
    solution = run(problem)
    assert solution.days == ((0, 0), (0, 0)) and solution.score == 0
    assert solution.feasibility(problem) == []


def test_unchainable_hotels_raise():
    problem = Problem.from_cost_matrix(euclid([(0, 0), (50, 0), (1, 0)]), score=[0, 0, 2], budgets=[10, 10],
                                       hotels=[0, 1], start=0, end=1)
    with pytest.raises(SolverError, match="no sequence of hotels"):
        run(problem)


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"travel": [[0, 1], [1, 0], [2, 2]]}, "square"),
        ({"score": [0, 1, 2]}, "score needs 2"),
        ({"travel": [[0, -1], [1, 0]]}, "non-negative"),
        ({"budgets": []}, "at least one"),
        ({"required": [0]}, "hotel"),
        ({"required": [7]}, "not a node"),
        ({"hotels": [3]}, "not a node"),
        ({"time_windows": [None, (5, 1)]}, "time window"),
        ({"day_start": [0, 0, 0]}, "day_start"),
        ({"service": [0, -1]}, "non-negative"),
    ],
)
def test_problem_validation(kwargs, words):
    args = {"travel": [[0, 1], [1, 0]], "score": [0, 1], "budgets": [3], "hotels": [0], "start": 0}
    args.update(kwargs)
    travel = args.pop("travel")
    with pytest.raises(SolverError, match=words):
        Problem.from_cost_matrix(travel, **args)


# ------------------------------------------------------------------ random problems: feasible
def random_problem(seed: int) -> Problem:
    rng = np.random.default_rng(seed)
    n_hotels, n_places, days = int(rng.integers(1, 4)), int(rng.integers(5, 30)), int(rng.integers(1, 4))
    n = n_hotels + n_places
    xy = rng.random((n, 2)) * 100
    travel = euclid([tuple(p) for p in xy])
    if seed % 2:  # asymmetric travel times
        travel = travel * (1 + 0.3 * rng.random((n, n)))
        np.fill_diagonal(travel, 0)
    score = np.r_[np.zeros(n_hotels), rng.integers(1, 20, n_places)]
    service = np.r_[np.zeros(n_hotels), rng.integers(0, 30, n_places)] if seed % 3 else None
    windows = None
    if seed % 4 == 0:
        windows = [None] * n_hotels + [
            (float(lo), float(lo + rng.integers(20, 200))) if rng.random() < 0.6 else None
            for lo in rng.integers(0, 200, n_places)
        ]
    required = [int(n_hotels + rng.integers(n_places))] if seed % 5 == 0 else []
    budgets = [float(rng.integers(150, 300)) for _ in range(days)]
    return Problem.from_cost_matrix(
        travel, score=score, service=service, time_windows=windows, budgets=budgets,
        hotels=range(n_hotels), start=0, end=n_hotels - 1, required=required,
        total_budget=0.9 * sum(budgets) if seed % 7 == 0 else None, name=f"random{seed}",
    )


@pytest.mark.parametrize("seed", range(16))
def test_solutions_are_always_feasible(seed: int):
    problem = random_problem(seed)
    try:
        solution = run(problem, seed=seed, iterations=40)
    except SolverError:
        pytest.skip("hotels cannot be chained in this random draw")
    issues = [i for i in solution.feasibility(problem) if not i.startswith("required nodes")]
    assert issues == []
    assert solution.score == pytest.approx(Solution.from_days(problem, solution.days).score)
    base = greedy(problem)
    assert [i for i in base.feasibility(problem) if not i.startswith("required nodes")] == []
    assert solution.score >= base.score - 1e-9 or solution.missing_required < base.missing_required


# --------------------------------------------------------------------------- determinism
def test_same_seed_same_solution_on_random_problems():
    problem = random_problem(4)
    a, b = run(problem, seed=11, iterations=80), run(problem, seed=11, iterations=80)
    assert a == b


def _bench_or_skip():
    return BENCH


def test_same_seed_same_solution_on_benchmarks():
    bench = _bench_or_skip()
    ophs = read_ophs(bench / "ophs" / "SET1_2-3" / "T3-80-2-3.ophs")
    assert run(ophs, seed=3, iterations=60) == run(ophs, seed=3, iterations=60)
    toptw = read_toptw(bench / "toptw" / "c_r_rc_100_100" / "rc101.txt", 2)
    assert run(toptw, seed=3, iterations=30) == run(toptw, seed=3, iterations=30)


def test_same_seed_same_solution_on_a_many_hotel_instance():
    """SET3 (12 extra hotels, 5 trips) exercises every phase: relaxed cuts, the hotel-sequence
    descent, the tournament and the search; an iteration budget makes the result the seed's."""
    problem = read_ophs(_bench_or_skip() / "ophs" / "SET3_12-5" / "100-50-12-5.ophs")
    a, b = run(problem, seed=7, iterations=120), run(problem, seed=7, iterations=120)
    assert a == b and a.stopped_by == "budget"
    assert a.feasibility(problem) == []


def test_budget_bounds_the_search_and_says_so():
    problem = read_ophs(_bench_or_skip() / "ophs" / "SET2_6-4" / "T3-80-6-4.ophs")
    solution = run(problem, seed=1, iterations=80)
    assert solution.stopped_by == "budget" and solution.iterations == 80


def test_time_limit_stops_a_generous_budget_and_says_so():
    """A small time limit with a budget that could never be spent in it: stopped by time, still feasible."""
    problem = read_ophs(_bench_or_skip() / "ophs" / "SET3_10-4" / "100-200-10-4.ophs")
    solution = solve(problem, rng=np.random.default_rng(0), budget=10_000_000, time_limit=0.3)
    assert solution.stopped_by == "time"
    assert 0 < solution.iterations < 10_000_000
    assert solution.feasibility(problem) == []
    assert solution.score >= greedy(problem).score


@pytest.mark.parametrize(
    "name",
    ["SET2_5-3/66-45-5-3", "SET2_6-4/102-50-6-4", "SET2_6-4/T1-85-6-4", "SET3_10-4/100-90-10-4",
     "SET3_12-5/66-130-12-5", "SET3_12-5/100-240-12-5"],
)
def test_many_hotel_instances_are_feasible(name: str):
    problem = read_ophs(_bench_or_skip() / "ophs" / f"{name}.ophs")
    solution = run(problem, seed=2, iterations=40)
    assert solution.feasibility(problem) == []
    assert solution.score >= greedy(problem).score


@pytest.mark.parametrize(
    "name",
    ["SET2_5-3/T1-65-5-3", "SET2_5-3/66-40-5-3", "SET2_6-4/T3-65-6-4", "SET3_10-4/100-50-10-4",
     "SET3_12-5/100-60-12-5"],
)
def test_small_many_hotel_instances_reach_the_optimum(name: str):
    bench = _bench_or_skip()
    problem = read_ophs(bench / "ophs" / f"{name}.ophs")
    best = read_best_known(bench / "ophs" / "best_known.csv")[(problem.name, problem.num_days)]
    assert best.value_kind == "optimal"
    solution = run(problem, seed=0, iterations=150)
    assert solution.feasibility(problem) == []
    assert solution.score == pytest.approx(best.score)


def test_progress_is_reported_and_ends_at_one():
    bench = _bench_or_skip()
    problem = read_ophs(bench / "ophs" / "SET1_1-2" / "T1-65-1-2.ophs")
    calls: list[tuple[float, Solution]] = []
    solution = run(problem, iterations=100, on_progress=lambda f, best: calls.append((f, best)))
    fractions = [f for f, _ in calls]
    assert len(calls) >= 3
    assert fractions == sorted(fractions) and 0 <= fractions[0] and fractions[-1] == 1.0
    assert calls[-1][1] == solution
    assert all(best.feasibility(problem) == [] for _, best in calls)


def test_zero_time_still_returns_a_feasible_tour():
    bench = _bench_or_skip()
    problem = read_toptw(bench / "toptw" / "c_r_rc_100_100" / "r101.txt", 3)
    solution = solve(problem, rng=np.random.default_rng(0), time_limit=0.0)
    assert solution.feasibility(problem) == [] and solution.score > 0


# --------------------------------------------------------------------- real instances
@pytest.mark.parametrize(
    "name",
    ["SET1_1-2/64-65-1-2", "SET1_1-2/T3-105-1-2", "SET1_2-3/102-60-2-3", "SET1_2-3/T1-80-2-3",
     "SET1_3-4/100-40-3-4", "SET1_3-4/64-55-3-4", "SET1_3-4/66-60-3-4"],
)
def test_set1_instances_reach_the_best_known(name: str):
    bench = _bench_or_skip()
    problem = read_ophs(bench / "ophs" / f"{name}.ophs")
    best = read_best_known(bench / "ophs" / "best_known.csv")[(problem.name, problem.num_days)]
    solution = run(problem, seed=0, iterations=150)
    assert solution.feasibility(problem) == []
    assert solution.score == pytest.approx(best.score)


def test_toptw_single_route_optimum():
    bench = _bench_or_skip()
    problem = read_toptw(bench / "toptw" / "c_r_rc_100_100" / "c101.txt", 1)
    solution = run(problem, seed=0, iterations=100)
    assert solution.feasibility(problem) == [] and solution.score == 320


def test_solve_instance_file_both_formats():
    bench = _bench_or_skip()
    out = solve_instance_file(bench / "ophs" / "SET1_1-2" / "T1-65-1-2.ophs", m=None, time_limit=0.2, seed=1)
    assert set(out) == {"instance", "format", "days", "score", "feasible", "time_seconds"}
    assert out["format"] == "ophs" and out["instance"] == "T1-65-1-2" and out["feasible"]
    assert out["days"][0][0] == 0 and out["days"][-1][-1] == 1 and len(out["days"]) == 2
    out = solve_instance_file(bench / "toptw" / "c_r_rc_100_100" / "c101.txt", m=2, time_limit=0.2, seed=1)
    assert out["format"] == "toptw" and len(out["days"]) == 2 and out["feasible"]
    assert all(day[0] == day[-1] == 0 for day in out["days"])
    assert math.isfinite(out["score"]) and out["score"] > 0
    single = solve_instance_file(bench / "toptw" / "c_r_rc_100_100" / "c101.txt", m=None, time_limit=0.1, seed=1)
    assert len(single["days"]) == 1
