"""Fixtures of the regionalization tests: tiny hand-drawn graphs and the real problem.

The grid world (``grid_problem``), 4 rows x 5 columns, unit ``r{row}c{col}``::

    r0c0 - r0c1 - r0c2 - r0c3 - r0c4
      |      |      |      |      |
    r1c0 - r1c1 - r1c2 - r1c3 - r1c4
      |      |      |      |      |
    r2c0 - r2c1 - r2c2 - r2c3 - r2c4
      |      |      |      |      |
    r3c0 - r3c1 - r3c2 - r3c3 - r3c4

    weights 10 + 3*row + col (overnights), lighthouses in r0c0, r1c4, r3c2 and r2c1;
    flows f_ij = w_i w_j / (1 + d_ij^2) for grid distance d (f_ii = w_i^2).

The real problem (98 municipalities, the latest facts year, modelled flows) comes from the
session ``base`` fixture of tests/conftest.py.
"""

from __future__ import annotations

import numpy as np
import pytest

from destinations.regionalize.problem import RegionalizationProblem

ROWS, COLS = 4, 5
LIGHTHOUSES = ("r0c0", "r1c4", "r3c2", "r2c1")


def unit(r: int, c: int) -> str:
    return f"r{r}c{c}"


def grid_problem(**locks) -> RegionalizationProblem:
    ids = [unit(r, c) for r in range(ROWS) for c in range(COLS)]
    edges = [(unit(r, c), unit(r, c + 1)) for r in range(ROWS) for c in range(COLS - 1)]
    edges += [(unit(r, c), unit(r + 1, c)) for r in range(ROWS - 1) for c in range(COLS)]
    weights = np.array([10.0 + 3 * r + c for r in range(ROWS) for c in range(COLS)])
    coords = np.array([(r, c) for r in range(ROWS) for c in range(COLS)])
    distance = np.abs(coords[:, None, :] - coords[None, :, :]).sum(axis=2)
    flows = np.outer(weights, weights) / (1.0 + distance ** 2)
    lighthouses = {u: 1 for u in LIGHTHOUSES}
    return RegionalizationProblem.from_arrays(ids, edges=edges, weights=weights, flows=flows,
                                              lighthouses=lighthouses, **locks)


@pytest.fixture
def grid() -> RegionalizationProblem:
    return grid_problem()


@pytest.fixture(scope="session")
def ctx(base):
    from destinations.scenarios.io import load_context

    return load_context(base)


@pytest.fixture(scope="session")
def real(ctx) -> RegionalizationProblem:
    return RegionalizationProblem.from_context(ctx)


@pytest.fixture(scope="session")
def parish(base, ctx) -> RegionalizationProblem:
    from destinations.regionalize.parish import parish_problem

    return parish_problem(base, ctx)
