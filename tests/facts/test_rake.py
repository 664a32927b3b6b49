"""Raking (IPF) on tiny hand-drawn tables."""

from __future__ import annotations

import numpy as np
import pytest

from destinations.errors import SolverError
from destinations.facts.model import Margin, rake


def margins_2x2(rows: tuple[float, float], cols: tuple[float, float]) -> list[Margin]:
    """A 2 x 2 table, cells numbered::

        0 1   -> row sums rows[0], rows[1]
        2 3      column sums cols[0], cols[1]
    """
    cells = np.arange(4)
    return [Margin("rows", cells, np.array([0, 0, 1, 1]), np.array(rows, dtype=float)),
            Margin("cols", cells, np.array([0, 1, 0, 1]), np.array(cols, dtype=float))]


def test_uniform_seed_gives_the_independence_table():
    result = rake(np.ones(4), margins_2x2((30, 70), (40, 60)))
    assert np.allclose(result.values, [12, 18, 28, 42])
    assert result.max_relative_error < 1e-10


def test_raking_keeps_the_seed_odds_ratio():
    seed = np.array([1.0, 2.0, 3.0, 4.0])
    result = rake(seed, margins_2x2((50, 50), (50, 50))).values
    # IPF preserves cross-product ratios: (x0 x3)/(x1 x2) is the seed's 4/6.
    assert result[0] * result[3] / (result[1] * result[2]) == pytest.approx(4 / 6)


def test_a_subset_constraint_is_met_and_the_rest_adjusts():
    cells = np.arange(4)
    margins = margins_2x2((50, 50), (50, 50)) + [
        Margin("published cell 0", np.array([0]), np.array([0]), np.array([10.0]))]
    values = rake(np.ones(4), margins).values
    assert values[0] == pytest.approx(10.0)
    assert values.sum() == pytest.approx(100.0)
    assert values[:2].sum() == pytest.approx(50.0)
    assert cells.size == 4


def test_positive_target_on_zero_seed_is_a_solver_error():
    seed = np.array([0.0, 0.0, 1.0, 1.0])
    with pytest.raises(SolverError, match="rows"):
        rake(seed, margins_2x2((30, 70), (50, 50)))


def test_inconsistent_margins_do_not_converge():
    with pytest.raises(SolverError, match="did not converge"):
        rake(np.ones(4), margins_2x2((30, 70), (50, 60)), max_iterations=50)
