"""Seasonality indices on hand-made 12-month curves."""

from __future__ import annotations

import math

import numpy as np
import pytest

from destinations.season import seasonality as s

FLAT = np.full(12, 100.0)
JULY_ONLY = np.array([0.0] * 6 + [500.0] + [0.0] * 5)
JANUARY_ONLY = np.array([80.0] + [0.0] * 11)


def test_flat_curve_has_no_seasonality():
    idx = s.seasonality_indices(FLAT)
    assert idx.gini == pytest.approx(0.0, abs=1e-12)
    assert idx.peak_mean_ratio == pytest.approx(1.0)
    assert idx.peak_quarter_share == pytest.approx(3 / 12)
    assert idx.offseason_share == pytest.approx(7 / 12)
    assert idx.entropy == pytest.approx(math.log(12))
    assert idx.relative_redundancy == pytest.approx(0.0, abs=1e-12)
    assert idx.total == 1200.0


def test_single_month_is_maximal():
    idx = s.seasonality_indices(JULY_ONLY)
    assert idx.gini == pytest.approx(11 / 12)
    assert idx.peak_mean_ratio == pytest.approx(12.0)
    assert idx.peak_quarter_share == pytest.approx(1.0)
    assert idx.offseason_share == pytest.approx(0.0)
    assert idx.entropy == pytest.approx(0.0)
    assert idx.relative_redundancy == pytest.approx(1.0)
    assert idx.peak_month == 7


def test_a_winter_month_counts_as_off_season():
    assert s.offseason_share(JANUARY_ONLY) == pytest.approx(1.0)
    assert s.peak_quarter_share(JANUARY_ONLY) == pytest.approx(0.0)


def test_two_equal_months_by_hand():
    """July = August = 1, else 0: G = (2/12)(11 x 0.5 + 12 x 0.5) - 13/12 = 10/12; peak/mean = 6;
    H = ln 2."""
    curve = np.zeros(12)
    curve[[6, 7]] = 1.0
    assert s.gini(curve) == pytest.approx(10 / 12)
    assert s.peak_mean_ratio(curve) == pytest.approx(6.0)
    assert s.entropy(curve) == pytest.approx(math.log(2))
    assert s.relative_redundancy(curve) == pytest.approx(1 - math.log(2) / math.log(12))


def test_indices_do_not_depend_on_scale():
    rng = np.random.default_rng(7)
    curve = rng.uniform(1, 10, 12)
    a, b = s.seasonality_indices(curve), s.seasonality_indices(curve * 1000)
    for key in s.INDEX_KEYS:
        assert getattr(a, key) == pytest.approx(getattr(b, key))


def test_gini_grows_as_the_curve_concentrates():
    base = np.ones(12)
    peaked = base.copy()
    peaked[6] += 10
    assert 0 < s.gini(peaked) < 11 / 12
    assert s.gini(peaked) > s.gini(base)


@pytest.mark.parametrize("curve", [np.zeros(12), np.r_[np.ones(11), np.nan]])
def test_a_gap_or_an_empty_year_gives_nan_not_zero(curve):
    idx = s.seasonality_indices(curve)
    for key in ("gini", "peak_mean_ratio", "peak_quarter_share", "offseason_share", "entropy",
                "relative_redundancy"):
        assert math.isnan(getattr(idx, key)), key
    assert idx.peak_month is None
    assert idx.to_dict()["gini"] is None


def test_a_curve_needs_twelve_months():
    with pytest.raises(ValueError, match="12 monthly values"):
        s.gini([1, 2, 3])


def test_complementary_members_flatten_the_merged_curve():
    """A summer-only and a winter-only member of equal size: each is maximally seasonal, together
    they are less so, so dG = weighted member Gini - merged Gini > 0."""
    summer = np.zeros(12)
    summer[[5, 6, 7]] = 100.0
    winter = np.zeros(12)
    winter[[11, 0, 1]] = 100.0
    d_g = s.complementarity(np.vstack([summer, winter]))
    expected = s.gini(summer) - s.gini(summer + winter)
    assert d_g == pytest.approx(expected)
    assert d_g > 0
    assert s.complementarity(np.vstack([summer, summer])) == pytest.approx(0.0, abs=1e-12)
