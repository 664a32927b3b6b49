"""Season-extension what-if: the rule on hand-made arrays; the baseline stays untouched."""

from __future__ import annotations

import copy

import numpy as np
import pytest

from destinations.season import seasonality as s
from destinations.errors import ScenarioError
from destinations.season.whatif import Assumptions, SeasonExtension, extend, season_whatif
from tests.season.conftest import make_curve


def test_moving_peak_demand_keeps_the_year_and_fills_shoulders_in_proportion():
    curve = np.zeros(12)
    curve[6], curve[7] = 1000.0, 600.0  # July, August
    curve[3], curve[8] = 100.0, 300.0   # April, September
    out = extend(curve, SeasonExtension(shift_share=0.25))
    assert out.sum() == pytest.approx(curve.sum())
    assert out[6] == pytest.approx(750.0) and out[7] == pytest.approx(450.0)
    moved = 400.0
    assert out[3] == pytest.approx(100 + moved * 100 / 400)
    assert out[8] == pytest.approx(300 + moved * 300 / 400)
    assert out[4] == 0.0  # May had nothing: proportional spreading gives it nothing
    assert curve[6] == 1000.0  # the input array is unchanged


def test_growing_shoulders_adds_exactly_the_growth():
    curve = np.arange(1.0, 13.0)
    ext = SeasonExtension(growth_pct=10)
    out = extend(curve, ext)
    shoulder = [m - 1 for m in ext.shoulder_months]
    assert out.sum() - curve.sum() == pytest.approx(0.1 * curve[shoulder].sum())
    assert out[6] == curve[6]


def test_empty_shoulders_share_moved_demand_evenly():
    curve = np.zeros(12)
    curve[6] = 500.0
    out = extend(curve, SeasonExtension(shift_share=1.0, shoulder_months=(5, 9)))
    assert out[4] == pytest.approx(250.0) and out[8] == pytest.approx(250.0)


def test_rows_are_extended_independently():
    rows = np.vstack([np.ones(12), np.zeros(12)])
    out = extend(rows, SeasonExtension(growth_pct=50))
    assert out[1].sum() == 0.0
    assert out[0][3] == pytest.approx(1.5)


@pytest.mark.parametrize("kwargs, message", [
    ({"shoulder_months": (6, 7), "peak_months": (7, 8)}, "both shoulder and peak"),
    ({"shift_share": 1.5}, "0-1"),
    ({"growth_pct": -100}, "between"),
    ({"shoulder_months": ()}, "at least one"),
    ({"shoulder_months": (13,)}, "1-12"),
])
def test_bad_parameters_are_refused(kwargs, message):
    with pytest.raises(ScenarioError, match=message):
        SeasonExtension(**kwargs)


def test_whatif_leaves_the_baseline_untouched(cube19, today):
    baseline = {**s.company_curves(cube19, today), "DK": s.national_curve(cube19)}
    before = {key: (curve, curve.by_type.copy(), curve.by_nationality.copy(),
                    curve.bed_places.copy()) for key, curve in baseline.items()}
    keys_before = copy.copy(list(baseline))
    result = season_whatif(baseline, SeasonExtension(growth_pct=10, shift_share=0.2))
    result.comparison()
    assert list(baseline) == keys_before
    for key, (obj, by_type, by_nat, beds) in before.items():
        assert baseline[key] is obj and result.baseline[key] is obj
        np.testing.assert_array_equal(obj.by_type, by_type)
        np.testing.assert_array_equal(obj.by_nationality, by_nat)
        np.testing.assert_array_equal(obj.bed_places, beds, strict=True)
        assert result.extended[key] is not obj
    with pytest.raises(TypeError):
        result.baseline["DK"] = None  # a read-only mapping


def test_extension_flattens_the_national_curve_and_fills_the_off_season(cube19):
    national = s.national_curve(cube19)
    result = season_whatif({"DK": national}, SeasonExtension(shift_share=0.2),
                           assumptions=Assumptions(shortage_share=0.9, target_occupancy=0.6))
    table = result.comparison().set_index("figure")
    assert table.at["overnights", "change"] == pytest.approx(0.0, abs=1e-3)
    assert table.at["gini", "change"] < 0
    assert table.at["peak_quarter_share", "change"] < 0
    extended = result.extended["DK"]
    assert extended.kind.value == "modelled" and "what-if" in extended.note
    np.testing.assert_array_equal(extended.bed_places, national.bed_places)


def test_a_neutral_extension_changes_nothing():
    curve = make_curve({"hotel": np.arange(1.0, 13.0) * 100}, bed_places={"hotel": 50.0})
    result = season_whatif({"x": curve}, SeasonExtension())
    changes = result.comparison()["change"].dropna()
    assert np.allclose(changes.to_numpy(), 0.0)
    wide = result.summary(("overnights", "occupancy_offseason_pct"))
    assert wide.at[0, "overnights"] == wide.at[0, "overnights_whatif"]


def test_growth_raises_off_season_occupancy_and_uses_headroom():
    curve = make_curve({"hotel": np.full(12, 600.0)}, bed_places={"hotel": 100.0})
    result = season_whatif({"x": curve}, SeasonExtension(growth_pct=50, shoulder_months=(4, 10)))
    figures = result.comparison().set_index("figure")
    assert figures.at["occupancy_offseason_pct", "change"] > 0
    assert figures.at["offseason_headroom", "change"] == pytest.approx(-2 * 300.0)
