"""Company profiles on the real data, and the character rule on hand-made numbers."""

from __future__ import annotations

import math

import numpy as np
import pytest

from destinations.errors import ScenarioError
from destinations.facts import facts_summary
from destinations.season.profile import (
    attraction_markers,
    classify_character,
    company_profile,
    resolve_company,
)


@pytest.fixture(scope="module")
def copenhagen(season_base, facts19, cube19, today):
    return company_profile(season_base, facts19, today, "wonderful-copenhagen", cube=cube19)


@pytest.fixture(scope="module")
def vesterhavet(season_base, facts19, cube19, today):
    return company_profile(season_base, facts19, today, "Destination Vesterhavet", cube=cube19)


def test_members_and_map_extent(copenhagen, today):
    assert copenhagen.codes == today.companies()["wonderful-copenhagen"]
    (south, west), (north, east) = copenhagen.bounds
    assert 55.0 < south < north < 56.5 and 11.5 < west < east < 13.0


def test_reasons_to_go_are_ranked_by_known_visitors(copenhagen):
    reasons = copenhagen.reasons
    # the largest chosen count first: Jægersborg Dyrehave's undated 7 million estimate, then Tivoli
    assert reasons.iloc[0]["visitors_label"] == "7,000,000 (undated, estimate)"
    assert reasons.iloc[1]["name"] == "Tivoli Gardens"
    assert reasons.iloc[1]["visitors_year"] == 2023
    known = reasons["visitors"].dropna()
    assert known.is_monotonic_decreasing
    assert reasons["visitors"].notna().cummin().is_monotonic_decreasing  # unknown ones last
    assert set(reasons["code"]) <= set(copenhagen.codes)
    assert reasons.iloc[0]["open_months"]  # season comes along


def test_capacity_and_months_match_the_curve(copenhagen):
    capacity = copenhagen.capacity.set_index("type")
    assert capacity["overnights"].sum() == pytest.approx(copenhagen.curve.annual)
    assert math.isnan(capacity.at["marina", "bed_places_peak"])  # no figure: a gap
    # Hotel rooms are published for København only: the company's own bed places stay unknown
    # (a partial sum would pass for the company's), the known part is shown with its coverage.
    assert math.isnan(capacity.at["hotel", "bed_places_peak"])
    assert math.isnan(copenhagen.peak_bed_places)
    assert capacity.at["hotel", "known_bed_places_peak"] > 0
    assert capacity.at["hotel", "members_known"] == 1
    assert capacity.at["hotel", "members"] == len(copenhagen.codes)
    assert 0.5 < capacity.at["hotel", "coverage"] < 1
    assert "20,600 rooms" in capacity.at["hotel", "basis"]
    assert capacity.at["holiday_home", "holiday_dwellings"] > 0  # BOL101, every member
    assert "BOL101" in capacity.at["holiday_home", "basis"]
    assert "never derived from the overnights" in copenhagen.provenance["capacity"].source
    months = copenhagen.months
    assert len(months) == 12
    np.testing.assert_allclose(months["danish"] + months["foreign"], months["total"])


def test_comparison_with_neighbours_average_and_country(season_base, copenhagen):
    table = copenhagen.comparison
    assert table.iloc[0]["role"] == "company" and table.iloc[-1]["role"] == "national"
    neighbours = table[table["role"] == "neighbour"]["key"].tolist()
    assert neighbours == [cid for cid, _ in copenhagen.neighbours]
    assert "visitnordsjaelland" in neighbours
    national = table.iloc[-1]
    assert national["overnights"] == pytest.approx(
        facts_summary(season_base, 2019)["national_overnights"], abs=1.0)
    assert national["members"] == 98
    assert "average" in set(table["role"])


def test_busiest_cross_border_flows_and_the_companies_they_reach(copenhagen):
    flows = copenhagen.flows
    assert len(flows) == 10
    assert flows["total"].is_monotonic_decreasing
    assert set(flows["from_code"]) <= set(copenhagen.codes)
    assert not set(flows["to_code"]) & set(copenhagen.codes)
    assert set(flows["kind"]) == {"modelled"}
    reached = copenhagen.flow_companies
    assert reached["share"].sum() == pytest.approx(1.0)
    top = reached.iloc[0]
    assert top["neighbour"] and top["company"] == "VisitNordsjælland"
    # modelled flows read as people read them: 3 significant figures, the unit, the range
    for value in flows["total"]:
        assert value == float(f"{value:.3g}")
    assert flows["total_text"].str.endswith("day trips a year").all()
    assert (flows["total_low"] <= flows["total"]).all() and (flows["total"] <= flows["total_high"]).all()
    assert flows["range_text"].str.contains("–").all()


def test_funens_cross_border_flows_go_over_the_little_belt(season_base, facts19, cube19, today):
    """Before: Ærø -> Sønderborg (a 70-minute ferry) was Fyn's busiest cross-border flow."""
    fyn = company_profile(season_base, facts19, today, "destination-fyn", cube=cube19)
    assert fyn.flow_companies.iloc[0]["company"] == "Destination Trekantområdet"
    assert fyn.flow_companies.iloc[0]["share"] > 0.8
    assert fyn.flows.iloc[0][["from_name", "to_name"]].tolist() == ["Middelfart", "Billund"]
    assert not ((fyn.flows["from_code"] == "492") & (fyn.flows["to_code"] == "540")).any()


def test_character_on_real_companies(copenhagen, vesterhavet):
    assert copenhagen.character.label == "city_business"
    assert vesterhavet.character.label == "coast_nature"
    assert vesterhavet.character.leisure_share > vesterhavet.character.national_leisure_share


def test_stories_it_takes_part_in(season_base, facts19, cube19, today):
    fyn = company_profile(season_base, facts19, today, "destination-fyn", cube=cube19)
    assert "hc-andersen" in [s["id"] for s in fyn.stories]  # built-in story id (renamed in ffc8bb8)
    assert fyn.provenance["flows"].kind.value == "modelled"


def test_profile_of_a_company_in_another_scenario(season_base, facts19, cube19, today):
    merged = today.merge("destination-vesterhavet", "destination-vadehavskysten")
    profile = company_profile(season_base, facts19, merged, "destination-vesterhavet", cube=cube19)
    expected = set(today.companies()["destination-vesterhavet"]) | set(
        today.companies()["destination-vadehavskysten"])
    assert set(profile.codes) == expected
    assert profile.scenario_id == merged.id
    assert "destination-vadehavskysten" not in [cid for cid, _ in profile.neighbours]


def test_unknown_company_lists_the_companies(today):
    with pytest.raises(ScenarioError, match="Destination Fyn"):
        resolve_company(today, "Atlantis")
    assert resolve_company(today, "destination fyn") == "destination-fyn"


def test_character_rule_by_hand():
    city = classify_character(0.3, 0.7, nature_count=2, city_count=8, national_nature_share=0.5)
    assert city.label == "city_business"
    assert city.score == pytest.approx(((0.3 - 0.7) + (0.2 - 0.5)) / 2)
    coast = classify_character(0.9, 0.7, 6, 2, 0.5)
    assert coast.label == "coast_nature"
    near = classify_character(0.72, 0.7, 5, 5, 0.5)
    assert near.label == "mixed"
    few = classify_character(0.9, 0.7, 1, 0, 0.5)  # too few marked attractions: accommodation only
    assert math.isnan(few.nature_share) and few.score == pytest.approx(0.2)
    nothing = classify_character(float("nan"), 0.7, 0, 0, 0.5)
    assert nothing.label is None


def test_attraction_markers():
    assert attraction_markers("beach/coast", ()) == (True, False)
    assert attraction_markers("museum", ("maritime",)) == (True, True)
    assert attraction_markers("castle/palace", ("royal",)) == (False, False)


def test_lighthouse_status_comes_with_its_evidence(season_base, facts19, cube19, today):
    bornholm = company_profile(season_base, facts19, today, "Destination Bornholm", cube=cube19)
    assert bornholm.lighthouse.status == "yes"
    assert bornholm.lighthouse.lighthouses == (("Hammershus", "500,000 (undated, estimate)"),)
    row = bornholm.reasons.set_index("name").loc["Hammershus"]
    assert row["visitors"] == 500_000 and row["lighthouse"] is True
    assert row["visitors_label"] == "500,000 (undated, estimate)" and row["rival_figures"] == 1
    himmerland = company_profile(season_base, facts19, today, "Destination Himmerland",
                                 cube=cube19)
    assert himmerland.lighthouse.status == "unknown"  # no count published for Fyrkat, Aggersborg
    assert len(himmerland.lighthouse.uncounted) == 2
    assert "threshold 250,000" in bornholm.provenance["lighthouse"].source
