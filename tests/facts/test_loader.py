"""load_facts: table shape and methods, copy safety, unknown years, official files replacing the model."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from destinations.errors import DataError
from destinations.facts import (
    ACCOMMODATION_TYPES,
    AVAILABLE_YEARS,
    MODEL_VERSION,
    available_years,
    load_facts,
)
from tests.conftest import settings_for
from tests.facts.statbank_files import holiday_home_rows, municipality_rows, write_statbank


def test_available_years_include_2019_and_2023():
    assert {2019, 2023} <= set(AVAILABLE_YEARS)


def test_unknown_year_is_a_data_error_listing_the_years(facts_base):
    with pytest.raises(DataError) as error:
        load_facts(facts_base, 2005)
    for year in AVAILABLE_YEARS:
        assert str(year) in str(error.value)


def test_each_call_returns_an_independent_copy(facts_base):
    first = load_facts(facts_base, 2019)
    first.overnights["value"] = -1.0
    first.sources.clear()
    second = load_facts(facts_base, 2019)
    assert (second.overnights["value"] >= 0).all()
    assert second.sources
    assert second.model_version == MODEL_VERSION


def test_methods_have_the_documented_shapes(facts_2019):
    by_month = facts_2019.overnights_by_month()
    assert by_month.shape == (98, 12) and list(by_month.columns) == list(range(1, 13))
    assert by_month.loc[["101", "573"]].equals(facts_2019.overnights_by_month(["101", "573"]))
    by_type = facts_2019.overnights_by_type_month()
    assert list(by_type.index) == list(ACCOMMODATION_TYPES)
    assert by_type.to_numpy().sum() == pytest.approx(facts_2019.annual().sum())
    assert facts_2019.annual().index.tolist() == facts_2019.codes
    share = facts_2019.foreign_share()
    assert share.between(0, 1).all()
    capacity = facts_2019.capacity_by_type()
    assert capacity.shape == (98, 5)
    assert capacity["marina"].isna().all() and capacity["holiday_home"].isna().all()
    # Hotel bed places only where a room count is published (København, Aarhus): a gap elsewhere.
    assert capacity["hotel"].dropna().index.tolist() == ["101", "751"]
    by_month_capacity = facts_2019.capacity_by_month()  # the whole country: Eurostat
    assert by_month_capacity.loc["hotel"].nunique() == 1  # hotels open all year
    assert by_month_capacity.loc["camping", 7] > by_month_capacity.loc["camping", 1]
    # A scope's capacity is NaN unless every member has a figure (no partial sums).
    assert facts_2019.capacity_by_month(["101", "751"]).loc["hotel"].notna().all()
    assert facts_2019.capacity_by_month(["101", "147"]).loc["hotel"].isna().all()
    assert facts_2019.kind_of("101") == "modelled"
    with pytest.raises(KeyError):
        facts_2019.kind_of("999")
    with pytest.raises(KeyError):
        facts_2019.overnights_by_month(["999"])


def test_tables_carry_sources_notes_and_fit(facts_2019):
    assert "national monthly overnights" in facts_2019.sources
    assert any("holiday-home monthly profile" in note for note in facts_2019.notes)
    assert facts_2019.fit["max_relative_error"] < 1e-9
    assert set(facts_2019.overnights["kind"]) == {"modelled"}


# ------------------------------------------------------------------ official files
OFFICIAL = {"101": "København", "147": "Frederiksberg"}


def hotel_value(code, type_code, nat, month):
    return 1000 * int(code) + 10 * int(type_code[:2]) + month + (5 if nat == "Danmark" else 0)


@pytest.fixture
def official_base(facts_base, facts_settings, official_user_dir):
    """The real base data pointed at a data directory that also holds official files for 2019:
    every type and nationality for København and Frederiksberg (FERIEH6 with one suppressed cell
    for Frederiksberg)."""
    header = ["OMRÅDE", "OVERNATF", "NATION1", "PERIODE", "TID", "INDHOLD"]
    write_statbank(official_user_dir / "destinations" / "official" / "VDK.csv", header,
                   municipality_rows(OFFICIAL, 2019, hotel_value), encoding="latin-1")

    def holiday(code, nat, month):
        if code == "147" and month == 2 and nat == "I alt":
            return ".."
        return 50 + month if nat == "I alt" else 20 + month

    write_statbank(official_user_dir / "destinations" / "official" / "FERIEH6.csv",
                   ["OMRÅDE", "NATION1", "TAL", "PERIODE", "TID", "INDHOLD"],
                   holiday_home_rows(OFFICIAL, 2019, holiday))
    settings = settings_for(facts_settings.data_dir, user_dir=official_user_dir)
    return dataclasses.replace(facts_base, settings=settings)


def test_official_files_replace_the_model(official_base):
    table = load_facts(official_base, 2019)
    frame = table.overnights.set_index(["code", "month", "type", "nationality"])
    assert table.kind_of("101") == "official"
    # hotels (120) in København, July, Danish guests: exactly the file's value
    assert frame.loc[("101", 7, "hotel", "danish"), "value"] == hotel_value("101", "120", "Danmark", 7)
    # holiday centres (130) + hostels (150) are one type
    assert frame.loc[("101", 1, "holiday_centre_hostel", "foreign"), "value"] == (
        hotel_value("101", "130", "x", 1) + hotel_value("101", "150", "x", 1))
    assert frame.loc[("101", 3, "holiday_home", "foreign"), "value"] == (50 + 3) - (20 + 3)
    # Frederiksberg's suppressed holiday-home cell keeps the model, so the code is not official
    assert frame.loc[("147", 2, "holiday_home", "foreign"), "kind"] == "modelled"
    assert table.kind_of("147") == "modelled"
    assert table.kind_of("751") == "modelled"
    assert "official municipality figures" in table.sources
    assert 0 < table.share_by_kind()["official"] < 1


def test_official_summary_reports_the_kind(official_base):
    from destinations.facts import facts_summary

    summary = facts_summary(official_base, 2019)
    assert summary["municipalities"]["101"]["kind"] == "official"
    assert summary["by_kind"]["official"] > 0


def test_a_bad_official_file_fails_the_whole_load(official_base):
    path = official_base.settings.official_dir / "VDK.csv"
    text = path.read_bytes().decode("latin-1").splitlines()
    text[10] = text[10].rsplit(";", 1)[0] + ";-7"
    path.write_bytes("\r\n".join(text).encode("latin-1"))
    with pytest.raises(DataError, match="line 11, column 'INDHOLD': negative value"):
        load_facts(official_base, 2019)


def test_official_years_are_listed(official_base):
    assert 2019 in available_years(official_base)
    assert np.isin([2019, 2023], available_years(official_base)).all()
    assert isinstance(load_facts(official_base, 2023).overnights, pd.DataFrame)


def test_capacity_does_not_move_when_demand_does(official_base, facts_2019):
    """Official files replace København's overnights (hotel demand changes by orders of
    magnitude); every capacity figure stays what it was: capacity is never derived from the
    demand it is compared with."""
    changed = load_facts(official_base, 2019)
    before = facts_2019.overnights.query("code == '101' and type == 'hotel'")["value"].sum()
    after = changed.overnights.query("code == '101' and type == 'hotel'")["value"].sum()
    assert abs(after - before) / before > 0.5  # demand really changed
    columns = ["code", "month", "type", "bed_places", "units", "dwellings", "basis"]
    pd.testing.assert_frame_equal(changed.capacity[columns], facts_2019.capacity[columns])
    pd.testing.assert_frame_equal(changed.national_capacity, facts_2019.national_capacity)
