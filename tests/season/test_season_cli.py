"""``season_summary``: the payload of ``destinations season summary``."""

from __future__ import annotations

import json

import pytest

from destinations.errors import DataError, ScenarioError
from destinations.facts import facts_summary
from destinations.season.summary import apportion, season_summary

REQUIRED = ("months", "gini", "peak_mean_ratio", "peak_quarter_share", "offseason_share",
            "capacity_by_month", "occupancy_by_month", "kind", "year", "scope", "name", "entropy",
            "sources")


@pytest.fixture(scope="module")
def summary19(season_base):
    return facts_summary(season_base, 2019)


def _check(payload):
    for key in REQUIRED:
        assert key in payload, key
    assert len(payload["months"]) == 12
    assert len(payload["capacity_by_month"]) == 12 and len(payload["occupancy_by_month"]) == 12
    assert 0 <= payload["gini"] <= 11 / 12
    json.dumps(payload, allow_nan=False)  # JSON-ready: gaps are null, never NaN


def test_company_months_add_up_to_the_facts_summary(season_base, summary19):
    payload = season_summary(season_base, year=2019, company="Destination Fyn")
    _check(payload)
    expected = sum(summary19["municipalities"][c]["overnights"] for c in payload["members"])
    assert sum(payload["months"]) == payload["annual"] == expected
    assert payload["scope"] == "company" and payload["key"] == "destination-fyn"
    assert payload["kind"] == "modelled"
    # Bed places are published for one member only (Kerteminde's campsites): the view covers
    # that part, says how much of the demand it is, and leaves the rest unknown.
    assert payload["capacity_types"] == ["camping"]
    assert payload["capacity_members"] == {"camping": ["440"]}
    assert 0 < payload["capacity_coverage"] < 0.1
    assert any("campsites" in line for line in payload["capacity_basis"])
    assert all(v is None for v in payload["occupancy_by_type"]["hotel"])  # unknown, not zero
    assert all(v is None for v in payload["occupancy_by_type"]["holiday_home"])
    assert payload["complementarity"] is not None


def test_municipality_and_national(season_base, summary19):
    town = season_summary(season_base, year=2019, municipality="101")
    _check(town)
    assert sum(town["months"]) == summary19["municipalities"]["101"]["overnights"]
    assert town["name"] == "København"
    nation = season_summary(season_base, year=2019, national=True)
    _check(nation)
    assert sum(nation["months"]) == summary19["national_overnights"]
    assert nation["peak_month"] == 7
    # The whole country: Eurostat's national bed places against the national overnights
    assert nation["capacity_types"] == ["hotel", "holiday_centre_hostel", "camping"]
    assert nation["capacity_kind"] == "compiled"
    assert 40 < nation["occupancy_by_type"]["hotel"][6] < 80  # July hotels


def test_company_by_id_gives_the_same(season_base):
    by_id = season_summary(season_base, year=2019, company="destination-fyn")
    by_name = season_summary(season_base, year=2019, company="DESTINATION FYN")
    assert by_id["months"] == by_name["months"]


@pytest.mark.parametrize("kwargs, error, listed", [
    ({"year": 2019, "company": "Atlantis"}, ScenarioError, "Destination Fyn"),
    ({"year": 2019, "municipality": "999"}, DataError, "101 København"),
    ({"year": 2020, "national": True}, DataError, "2019"),
    ({"year": "soon", "national": True}, DataError, "2023"),
    ({"year": 2019}, ScenarioError, "exactly one"),
    ({"year": 2019, "national": True, "municipality": "101"}, ScenarioError, "exactly one"),
])
def test_bad_input_says_what_is_available(season_base, kwargs, error, listed):
    with pytest.raises(error, match=listed):
        season_summary(season_base, **kwargs)


def test_apportion_keeps_the_total_exactly():
    assert apportion([1.4, 1.4, 1.2], 4) == [2.0, 1.0, 1.0]
    values = [10.3, 0.0, 5.5, 7.7]
    out = apportion(values, 24)
    assert sum(out) == 24 and out[1] == 0.0
