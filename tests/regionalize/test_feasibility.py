"""Infeasible requests are explained before any search, naming the constraint."""

from __future__ import annotations

import numpy as np
import pytest

from destinations.errors import SolverError
from destinations.regionalize.feasibility import check_feasibility, contract
from destinations.regionalize.generate import solve
from tests.regionalize.conftest import grid_problem

#: Long enough that a search that started would be noticed; every case here must fail before it.
NEVER = 600.0


def _solve(problem, **kwargs):
    return solve(problem, rng=np.random.default_rng(0), time_limit=NEVER, **kwargs)


def test_k_too_large_for_the_floor(grid):
    total = grid.weights.sum()  # 390
    with pytest.raises(SolverError, match=r"k = 5 is too large for the floor.*at most 4"):
        _solve(grid, k=5, floor=total / 4.5)


def test_k_larger_than_the_units(grid):
    with pytest.raises(SolverError, match="more than the 20 units"):
        _solve(grid, k=21, floor=0)


def test_more_lighthouse_companies_than_lighthouses(grid):
    with pytest.raises(SolverError, match=r"Every company must hold a lighthouse.*at most 4"):
        _solve(grid, k=5, floor=0, require_lighthouse="all")


def test_where_possible_allows_the_shortfall_and_says_so(grid):
    feasibility = check_feasibility(grid, k=6, floor=0, require_lighthouse="where_possible")
    assert feasibility.lighthouse_allowance == 2
    assert any("At most 4 of the 6" in note for note in feasibility.notes)


def test_a_lighthouse_that_needs_another_to_reach_the_floor_is_counted_once():
    """A small lighthouse town inside a larger one's reach, as Frederiksberg inside København:

        a(10, lighthouse) - b(100, lighthouse) - c(100) - d(100),  floor 100

    a cannot reach the floor without b, so the two lighthouses count as one company's."""
    from destinations.regionalize.problem import RegionalizationProblem

    problem = RegionalizationProblem.from_arrays(
        ["a", "b", "c", "d"], edges=[("a", "b"), ("b", "c"), ("c", "d")],
        weights=np.array([10.0, 100.0, 100.0, 100.0]), flows=np.ones((4, 4)),
        lighthouses={"a": 1, "b": 1})
    feasibility = check_feasibility(problem, k=2, floor=100, require_lighthouse="where_possible")
    assert "a can only reach the floor together with b" in " ".join(feasibility.notes)
    assert feasibility.max_lighthouse_companies == 1 < int(np.sum(problem.lighthouses > 0))


def test_balance_bound_below_what_the_largest_unit_forces(real):
    with pytest.raises(SolverError, match=r"balance bound 2 cannot be met: København alone"):
        _solve(real, k=19, floor=750_000, balance_max_ratio=2.0, require_lighthouse="off")


def test_keep_together_across_two_locked_companies():
    problem = grid_problem(fixed={"west": ["r0c0", "r1c0"], "east": ["r0c4", "r1c4"]},
                           together=[["r0c0", "r0c4"]])
    with pytest.raises(SolverError, match="Contradictory locks.*'west' and 'east'"):
        _solve(problem, k=4, floor=0)


def test_keep_together_with_a_member_of_a_locked_company():
    problem = grid_problem(fixed={"west": ["r0c0", "r1c0"]}, together=[["r1c0", "r2c2"]])
    with pytest.raises(SolverError, match="r2c2 is to be kept together with r1c0.*'west'"):
        _solve(problem, k=4, floor=0)


def test_locked_company_below_the_floor():
    problem = grid_problem(fixed={"west": ["r0c0"]})
    with pytest.raises(SolverError, match="Locked company 'west' has 10 overnight stays, below"):
        _solve(problem, k=3, floor=20)


def test_locked_company_in_two_parts():
    problem = grid_problem(fixed={"split": ["r0c0", "r3c4"]})
    with pytest.raises(SolverError, match="'split' is in several parts"):
        _solve(problem, k=3, floor=0)


def test_more_locked_companies_than_k():
    problem = grid_problem(fixed={"a": ["r0c0"], "b": ["r0c1"], "c": ["r0c2"]})
    with pytest.raises(SolverError, match="3 companies are locked but k = 2"):
        _solve(problem, k=2, floor=0)


def test_locks_that_cut_the_map_into_more_areas_than_free_companies():
    """A locked middle column cuts the grid into a west and an east area."""
    problem = grid_problem(fixed={"wall": [f"r{r}c2" for r in range(4)]})
    with pytest.raises(SolverError, match="cut the map into 2 separate areas.*only 1"):
        _solve(problem, k=2, floor=0)


def test_together_groups_that_are_not_neighbours_are_joined_through_the_fewest_units():
    problem = grid_problem(together=[["r0c0", "r0c2"]])
    blocks = contract(problem)
    block = blocks.block_of[problem.index["r0c0"]]
    members = {problem.ids[i] for i in blocks.members[block]}
    assert members == {"r0c0", "r0c1", "r0c2"}
    assert any("r0c1 join(s) them" in note for note in blocks.notes)
