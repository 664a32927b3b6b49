"""Curves from the facts table: sums consistent with the facts layer, tables, source markets."""

from __future__ import annotations

import numpy as np
import pytest

from destinations.season import seasonality as s
from destinations.errors import DataError, ScenarioError
from destinations.facts import facts_summary
from destinations.facts.constants import ACCOMMODATION_TYPES


def test_national_curve_adds_up_to_the_facts_summary(season_base, cube19):
    national = s.national_curve(cube19)
    summary = facts_summary(season_base, 2019)
    assert national.annual == pytest.approx(summary["national_overnights"], abs=1.0)
    for i, t in enumerate(ACCOMMODATION_TYPES):
        assert national.by_type[i].sum() == pytest.approx(summary["by_type"][t], abs=1.0)


def test_every_municipality_curve_matches_the_facts_table(facts19, cube19):
    monthly = facts19.overnights_by_month()
    totals = cube19.overnights.sum(axis=(1, 2))
    np.testing.assert_allclose(totals, monthly.loc[list(cube19.codes)].to_numpy(), rtol=1e-12)


def test_company_curve_is_the_sum_of_its_members(season_base, facts19, cube19, today):
    fyn = today.companies()["destination-fyn"]
    curve = s.company_curve(cube19, today, "destination-fyn")
    assert curve.codes == fyn
    np.testing.assert_allclose(curve.by_type,
                               facts19.overnights_by_type_month(fyn).to_numpy(), rtol=1e-12)
    capacity = facts19.capacity_by_month(fyn).to_numpy()
    np.testing.assert_array_equal(np.isfinite(curve.bed_places), np.isfinite(capacity))
    assert np.isnan(curve.bed_places[ACCOMMODATION_TYPES.index("marina")]).all()  # a gap
    # What is known for some members: Kerteminde's campsites, and the demand it stands against
    camping = ACCOMMODATION_TYPES.index("camping")
    kerteminde = facts19.capacity_by_month(["440"]).loc["camping"].to_numpy()
    np.testing.assert_allclose(curve.known_bed_places[camping], kerteminde, rtol=1e-12)
    assert curve.capacity_codes[camping] == ("440",)
    share = (facts19.overnights_by_type_month(["440"]).loc["camping"].to_numpy()
             / curve.by_type[camping])
    np.testing.assert_allclose(curve.known_share[camping], share, rtol=1e-12)
    assert np.isnan(curve.known_bed_places[ACCOMMODATION_TYPES.index("hotel")]).all()
    assert curve.by_nationality.sum() == pytest.approx(curve.annual)
    assert curve.foreign_share == pytest.approx(
        facts19.overnights[facts19.overnights["code"].isin(fyn)
                           & (facts19.overnights["nationality"] == "foreign")]["value"].sum()
        / curve.annual)
    assert curve.kind.value == "modelled"


def test_curve_arrays_are_read_only(cube19, today):
    curve = s.company_curve(cube19, today, "destination-fyn")
    with pytest.raises(ValueError):
        curve.by_type[0, 0] = 1.0


def test_heatmap_covers_every_company_and_month(cube19, today):
    curves = s.company_curves(cube19, today)
    table = s.heatmap_table(curves.values())
    assert len(table) == 12 * len(curves) == 12 * 19
    shares = table.groupby("key")["share"].sum()
    np.testing.assert_allclose(shares.to_numpy(), 1.0)
    indices = s.indices_table(curves.values())
    assert set(indices["key"]) == set(curves)
    assert indices["gini"].between(0, 11 / 12).all()


def test_2019_against_the_latest_year(season_base, cube19):
    from destinations.facts import available_years, load_facts

    latest = max(available_years(season_base))
    after = s.national_curve(s.FactsCube.from_facts(load_facts(season_base, latest)))
    table = s.year_comparison(s.national_curve(cube19), after).set_index("index")
    assert table.at["overnights", "after"] == pytest.approx(
        facts_summary(season_base, latest)["national_overnights"], abs=1.0)
    assert table.at["gini", "change"] == pytest.approx(table.at["gini", "after"]
                                                       - table.at["gini", "before"])
    shares = s.share_curves([s.national_curve(cube19), after])
    assert shares.groupby("year")["share"].sum().to_numpy() == pytest.approx([1.0, 1.0])


def test_unknown_places_are_refused_with_what_exists(season_base, cube19, today):
    with pytest.raises(DataError, match="101 København"):
        s.municipality_curve(cube19, season_base, "999")
    with pytest.raises(ScenarioError, match="Destination Fyn"):
        s.company_curve(cube19, today, "no-such-company")


def test_unaffiliated_group(cube19, today):
    group = s.unaffiliated_curve(cube19, today, name="Unaffiliated")
    assert set(group.codes) == set(today.unaffiliated())
    assert group.scope == "group"


def test_source_markets_rank_the_latest_year(season_settings):
    table = s.source_markets(season_settings, top=5)
    assert table["country"].nunique() == 5
    latest = table[table["year"] == table["year"].max()].sort_values("rank")
    assert latest["overnights"].is_monotonic_decreasing
    assert latest.iloc[0]["country"] == "Tyskland"
    assert set(table["kind"]) == {"compiled"}
    with pytest.raises(DataError, match="earlier start year"):
        s.source_markets(season_settings, since=3000)


def test_foreign_share_per_company(cube19, today):
    table = s.foreign_share_table(s.company_curves(cube19, today).values())
    assert table["foreign_share"].is_monotonic_decreasing
    assert table["foreign_share"].between(0, 1).all()
