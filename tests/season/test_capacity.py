"""Capacity against demand on hand-made inputs (and one national reference from the data)."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from destinations.season import capacity as ca
from tests.season.conftest import make_curve

DAYS_2019 = ca.days_in_months(2019)


def test_days_per_month_follow_the_calendar():
    assert ca.days_in_months(2016)[1] == 29
    assert DAYS_2019.sum() == 365


def test_net_occupancy_by_hand():
    """100 beds in a 30-day month hold 3,000 bed-nights; 1,500 overnights fill half."""
    occ = ca.net_occupancy([1500.0, 10.0, 10.0], [100.0, np.nan, 0.0], [30, 30, 30])
    assert occ[0] == pytest.approx(50.0)
    assert math.isnan(occ[1])  # unknown capacity: a gap
    assert math.isnan(occ[2])  # closed month: no occupancy, not infinity


def test_peak_shortage_flags_months_above_the_share():
    nights = np.full(12, 1000.0)
    demand = np.full(12, 500.0)
    demand[[6, 7]] = [950.0, 880.0]
    shortage = ca.peak_shortage(demand, nights, share=0.9)
    assert shortage.months == (7,)
    assert shortage.excess[6] == pytest.approx(50.0)
    assert shortage.excess[7] == 0.0
    assert shortage.pressure[6] == pytest.approx(0.95)
    assert ca.peak_shortage(demand, nights, share=0.85).months == (7, 8)


def test_shortage_with_unknown_capacity_is_a_gap():
    shortage = ca.peak_shortage(np.ones(12), np.full(12, np.nan), share=0.9)
    assert shortage.months == ()
    assert math.isnan(shortage.total_excess)


def test_offseason_headroom_by_hand():
    """Target 60 % of 1,000 bed-nights = 600; demand 200 in Oct-Apr leaves 400 x 7 months."""
    nights = np.full(12, 1000.0)
    demand = np.full(12, 200.0)
    demand[0] = 700.0  # January already above the target: no headroom, never negative
    room = ca.offseason_headroom(demand, nights, target=0.6)
    assert room.months == (1, 2, 3, 4, 10, 11, 12)
    assert room.per_month[0] == 0.0
    assert room.per_month[1] == pytest.approx(400.0)
    assert math.isnan(room.per_month[6])  # July is not off-season
    assert room.total == pytest.approx(6 * 400.0)


@pytest.mark.parametrize("bad", [0, 1.5, float("nan")])
def test_shares_must_be_fractions(bad):
    with pytest.raises(ValueError, match="between 0 and 1"):
        ca.peak_shortage(np.ones(12), np.ones(12), share=bad)


def test_capacity_view_covers_only_types_with_bed_places():
    """Hotels: 100 beds all year, 1,550 overnights a month; camping: 200 beds May-Sep only;
    holiday homes: overnights but no bed-place figure."""
    camping_beds = np.where(np.isin(np.arange(1, 13), [5, 6, 7, 8, 9]), 200.0, 0.0)
    curve = make_curve({"hotel": np.full(12, 1550.0), "camping": camping_beds * 15,
                        "holiday_home": np.full(12, 1000.0)},
                       bed_places={"hotel": 100.0, "camping": camping_beds})
    view = ca.capacity_view(curve)
    assert view.covered_types == ("hotel", "camping")
    hotel = view.occupancy_by_type[0]
    assert hotel[0] == pytest.approx(1550 / (100 * 31) * 100)
    assert np.isnan(view.occupancy_by_type[4]).all()  # holiday homes: unknown
    assert math.isnan(view.occupancy_by_type[2][0])  # camping closed in January
    covered = 1550 * 12 + camping_beds.sum() * 15
    assert view.coverage_share == pytest.approx(covered / (covered + 12000))
    assert view.demand[6] == pytest.approx(1550 + 3000)
    assert view.capacity[6] == pytest.approx(300.0)
    assert view.kind.value == "modelled"
    assert any("40+ beds" in note for note in view.notes)
    types = view.type_table().set_index("type")
    assert not types.at["holiday_home", "covered"]
    assert math.isnan(types.at["holiday_home", "occupancy_mean"])


def test_headroom_on_open_beds_or_on_every_bed():
    camping_beds = np.where(np.isin(np.arange(1, 13), [5, 6, 7, 8, 9]), 200.0, 0.0)
    curve = make_curve({"camping": camping_beds * 10}, bed_places={"camping": camping_beds})
    view = ca.capacity_view(curve)
    assert view.headroom(0.5).total == 0.0  # closed all off-season: nothing open to fill
    every = view.headroom(0.5, basis="all")
    assert every.total == pytest.approx(0.5 * 200 * DAYS_2019[[0, 1, 2, 3, 9, 10, 11]].sum())
    with pytest.raises(ValueError, match="basis"):
        view.headroom(0.5, basis="some")


def test_no_bed_places_at_all_gives_gaps():
    view = ca.capacity_view(make_curve({"holiday_home": np.ones(12)}))
    assert view.covered_types == ()
    assert np.isnan(view.occupancy).all()
    assert math.isnan(view.coverage_share)
    assert math.isnan(view.headroom(0.6).total)


def test_national_reference_occupancy_is_compiled(season_base):
    table = ca.national_gross_occupancy(season_base, 2019)
    assert set(table["type"]) == {"hotel", "holiday_centre_hostel", "camping"}
    assert set(table["kind"]) == {"compiled"}
    assert table["occupancy_pct"].between(0, 100).all()


def partial_curve(demand_a, demand_b, beds_a):
    """Two members: A with a hotel bed-place figure, B without (its capacity unknown)."""
    from destinations.facts.constants import ACCOMMODATION_TYPES

    curve = make_curve({"hotel": np.asarray(demand_a) + np.asarray(demand_b)})
    hotel = ACCOMMODATION_TYPES.index("hotel")
    known = np.full((len(ACCOMMODATION_TYPES), 12), np.nan)
    known[hotel] = beds_a
    share = np.zeros((len(ACCOMMODATION_TYPES), 12))
    share[hotel] = np.asarray(demand_a) / (np.asarray(demand_a) + np.asarray(demand_b))
    codes = tuple(("A",) if t == "hotel" else () for t in ACCOMMODATION_TYPES)
    return dataclasses.replace(curve, codes=("A", "B"), known_bed_places=known,
                               known_share=share, capacity_codes=codes,
                               capacity_basis=("A hotel: estimated: 50 rooms x 2",))


def test_a_scope_is_read_on_its_members_with_a_figure():
    """A: 100 beds, 2,790 overnights in July (90 %); B: 5,000 overnights, capacity unknown.
    July is a shortage for A's part; B's demand is never set against A's beds."""
    demand_a = np.full(12, 1000.0)
    demand_a[6] = 2790.0
    view = ca.capacity_view(partial_curve(demand_a, np.full(12, 5000.0), 100.0))
    assert view.covered_types == ("hotel",)
    assert view.demand[6] == pytest.approx(2790.0)
    assert view.capacity[6] == 100.0
    assert view.occupancy[6] == pytest.approx(90.0)
    assert view.shortage(0.85).months == (7,)
    assert view.coverage_share == pytest.approx(demand_a.sum() / (demand_a.sum() + 60000))
    types = view.type_table().set_index("type")
    assert types.at["hotel", "members_known"] == 1
    assert types.at["hotel", "coverage"] == pytest.approx(view.coverage_share)
    assert any("50 rooms" in note for note in view.notes)  # the inputs travel with the figure


def test_more_demand_never_means_more_capacity():
    """A what-if doubles demand: occupancy doubles, the bed places stay exactly the same."""
    from destinations.season.whatif import SeasonExtension, extend_curve

    curve = partial_curve(np.full(12, 1000.0), np.full(12, 1000.0), 100.0)
    grown = extend_curve(curve, SeasonExtension(growth_pct=100.0, shoulder_months=(4, 5)))
    before, after = ca.capacity_view(curve), ca.capacity_view(grown)
    np.testing.assert_array_equal(after.capacity, before.capacity)
    assert after.occupancy[3] == pytest.approx(2 * before.occupancy[3])
