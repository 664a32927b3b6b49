"""Loaders of the tourism files (good and corrupted), indicators and capacity rules."""

from __future__ import annotations

import numpy as np
import pytest

from destinations.errors import DataError
from destinations.facts import national_occupancy, summer_houses_known
from destinations.facts import sources as src
from destinations.facts.capacity import OPEN_THRESHOLD, opening_share
from tests.conftest import settings_for
from tests.facts.statbank_files import relink_with


def test_national_monthly_is_tidy(facts_settings):
    frame = src.load_national_monthly(facts_settings)
    assert set(frame["type"]) == {"hotel", "holiday_centre_hostel", "camping"}
    assert set(frame["nationality"]) == {"danish", "foreign"}
    assert frame["source"].str.contains("Eurostat").all()
    assert len(frame[frame["year"] == 2019]) == 72


def test_regional_split_adds_up(facts_settings):
    frame = src.load_regional_annual(facts_settings)
    split = frame[(frame["year"] == 2023) & (frame["nationality"] != "total")]
    total = frame[(frame["year"] == 2023) & (frame["nationality"] == "total")]
    assert split["value"].sum() == total["value"].sum()


def test_published_figures_scope_and_usability(facts_settings, facts_base):
    figures = {f.id: f for f in src.published_figures(facts_settings, facts_base.codes)}
    aarhus_hotels = next(f for f in figures.values() if f.codes == ("751",) and f.year == 2019)
    assert aarhus_hotels.types == ("hotel",)
    dutch = next(f for f in figures.values() if f.label.startswith("Hjørring 2018") and "Neder" in f.label)
    assert not dutch.usable and "nationality" in dutch.reason
    share = next(f for f in figures.values() if "share" in f.label)
    assert share.value == round(0.433 * 1_580_508) and share.derived
    copenhagen_2019 = next(f for f in figures.values() if f.codes == ("101",) and f.year == 2019)
    assert copenhagen_2019.value == round(5.7e6 / 0.65)
    assert "holiday_home" not in copenhagen_2019.types
    assert all(f.year != 2020 for f in figures.values() if f.usable)


def data_copy_with(facts_settings, tmp_path, name, edit):
    """The real data directory (symlinked) with file ``name`` edited line by line."""
    lines = (facts_settings.data_dir / name).read_text(encoding="utf-8").splitlines()
    edit(lines)
    root = tmp_path / "shared"
    relink_with(facts_settings.data_dir, root, name, "\n".join(lines) + "\n")
    return settings_for(root)


def test_negative_overnights_name_row_and_column(facts_settings, tmp_path):
    def edit(lines):
        fields = lines[4].split(",")
        fields[8] = "-5"
        lines[4] = ",".join(fields)
    settings = data_copy_with(facts_settings, tmp_path, src.NATIONAL_MONTHLY_FILE, edit)
    with pytest.raises(DataError, match=r"row 5, column 'value': negative value"):
        src.load_national_monthly(settings)


def test_non_numeric_region_value_names_row_and_column(facts_settings, tmp_path):
    import csv
    import io

    def edit(lines):
        record = next(csv.reader(io.StringIO(lines[3])))
        record[7] = "many"
        out = io.StringIO()
        csv.writer(out, lineterminator="").writerow(record)
        lines[3] = out.getvalue()
    settings = data_copy_with(facts_settings, tmp_path, src.REGIONAL_ANNUAL_FILE, edit)
    with pytest.raises(DataError, match=r"row 4, column 'overnights': expected a number"):
        src.load_regional_annual(settings)


def test_missing_file_is_a_data_error(facts_settings, tmp_path):
    root = tmp_path / "empty"
    root.mkdir()
    settings = settings_for(root)
    with pytest.raises(DataError, match="file not found"):
        src.load_capacity(settings)


def test_indicators_are_complete(facts_model):
    indicators = facts_model.indicators
    assert len(indicators) == 98
    assert indicators[["population", "area_km2", "coast_km", "summer_houses", "let_houses"]].notna().all().all()
    assert indicators.loc["306", "summer_houses"] == 24200  # Odsherred, published
    assert indicators.loc["760", "let_houses"] == pytest.approx(4851)  # RKS, published peak day
    assert indicators["city"].sum() == 4 and indicators.loc["101", "city"]
    assert indicators["summer_houses"].sum() == pytest.approx(220_000)
    assert indicators["north_sea"].sum() >= 8


def test_opening_rule():
    series = np.array([1, 1, 2, 10, 20, 30, 40, 35, 15, 5, 1, 1], dtype=float)
    share = opening_share(series)
    assert share.max() == 1.0
    assert share[0] == pytest.approx(1 / (OPEN_THRESHOLD * 40))
    assert (share[4:8] == 1.0).all()


def test_national_capacity_is_eurostat(facts_2019, facts_settings):
    capacity = src.load_capacity(facts_settings)
    beds = capacity[(capacity["year"] == 2019) & (capacity["metric"] == "bed_places")]
    beds = beds.set_index("type")["value"]
    national = facts_2019.capacity_by_month().max(axis=1)
    for type_name in ("hotel", "holiday_centre_hostel", "camping"):
        assert national[type_name] == pytest.approx(beds[type_name])
    assert set(facts_2019.national_capacity["kind"]) == {"compiled"}


def test_holiday_homes_get_the_official_dwelling_count_and_nothing_invented(facts_base):
    from destinations.facts import load_facts

    table = load_facts(facts_base, 2017)
    homes = table.capacity.loc[(table.capacity["type"] == "holiday_home")
                               & (table.capacity["month"] == 7)].set_index("code")
    assert homes["dwellings"].sum() == 224_795  # BOL101 1 January 2025, all 98
    assert homes.at["760", "dwellings"] == 10_557  # Ringkøbing-Skjern, as published
    # Houses for rent and bed places are unknown locally: a share-out of the national count
    # by dwellings misses the published let counts by 2.6-7.8 times, so none is made.
    assert homes["units"].isna().all() and homes["bed_places"].isna().all()
    assert "BOL101" in homes.at["760", "basis"] and homes.at["760", "figure_year"] == 2025


def test_local_bed_places_come_from_published_counts(facts_2019, facts_settings):
    """København and Aarhus hotel rooms, Kerteminde campsites, each x a national Eurostat ratio."""
    capacity = src.load_capacity(facts_settings)
    july = facts_2019.capacity[facts_2019.capacity["month"] == 7].set_index(["code", "type"])
    known = july["bed_places"].dropna()
    assert sorted(known.index) == [("101", "hotel"), ("440", "camping"), ("751", "hotel")]

    def national(type_name, metric, year):
        row = capacity[(capacity["type"] == type_name) & (capacity["metric"] == metric)
                       & (capacity["year"] == year) & (capacity["period"] == "annual")]
        return float(row["value"].item())

    per_room_2018 = national("hotel", "bed_places", 2018) / national("hotel", "bedrooms", 2018)
    assert known[("101", "hotel")] == pytest.approx(20_600 * per_room_2018)  # the lower rival
    per_site = national("camping", "bed_places", 2019) / national("camping", "establishments", 2019)
    assert known[("440", "camping")] == pytest.approx(3 * per_site)
    assert july.loc[("101", "hotel"), "basis"].startswith("estimated: 20,600 rooms (2018")
    assert "area not defined" in july.loc[("101", "hotel"), "basis"]  # the qualifier travels
    assert set(july["kind"]) == {"modelled"}
    assert july.loc[("101", "hotel"), "figure_year"] == 2018


def test_every_local_count_looked_at_says_why(facts_2019):
    figures = {(f.name, f.metric, f.value): f for f in facts_2019.capacity_figures}
    assert figures[("København", "hotel_rooms", 21000.0)].used is False  # rival, not averaged
    assert figures[("København", "hotel_rooms", 20600.0)].rivals == (21000.0,)
    assert "forecast" in figures[("København", "hotel_rooms_forecast", 27000.0)].reason
    assert "Møn" in figures[("Vordingborg", "campsites", 7.0)].reason  # part of the municipality
    assert "group" in figures[("Frederikshavn+Læsø+Brønderslev+Aalborg", "campsites", 22.0)].reason


def test_local_counts_far_from_the_year_are_not_used(facts_base):
    from destinations.facts import load_facts

    table = load_facts(facts_base, 2016)
    july = table.capacity[(table.capacity["month"] == 7) & table.capacity["bed_places"].notna()]
    assert ("751", "hotel") not in set(zip(july["code"], july["type"]))  # Aarhus counted 2024
    aarhus = [f for f in table.capacity_figures if f.name == "Aarhus"]
    assert aarhus and "more than 5 years" in aarhus[0].reason


def test_capacity_never_reads_demand():
    """The capacity function has no overnights parameter: nothing compared with demand can be
    derived from it (the loader test changes demand and sees capacity unchanged)."""
    import inspect

    from destinations.facts.capacity import local_capacity

    assert "overnights" not in inspect.signature(local_capacity).parameters


def test_national_occupancy(facts_settings):
    occupancy = national_occupancy(src.load_national_monthly(facts_settings),
                                   src.load_capacity(facts_settings), 2019)
    july_hotels = occupancy[(occupancy["type"] == "hotel") & (occupancy["month"] == 7)]
    assert 50 < july_hotels["occupancy_pct"].item() < 80


def test_summer_houses_known(facts_base):
    series = summer_houses_known(facts_base)
    assert series["306"] == 24200 and series["147"] == 0 and np.isnan(series["751"])


def test_unknown_region_names_the_file_column(facts_settings, tmp_path):
    def edit(lines):
        lines[2] = lines[2].replace("region,084,DK-84", "region,099,DK-99", 1)
    settings = data_copy_with(facts_settings, tmp_path, src.REGIONAL_ANNUAL_FILE, edit)
    with pytest.raises(DataError, match=r"row 3, column 'area_code': unexpected value '099'"):
        src.load_regional_annual(settings)
