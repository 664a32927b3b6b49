"""Loaders of the base data: boundaries, companies, attractions, population, fixed links."""

from __future__ import annotations

import pytest
import shapely

from destinations.data.attractions import load_attractions, parse_months
from destinations.data.base import load_base
from destinations.data.geography import load_municipalities
from destinations.errors import DataError
from destinations.settings import load_settings
from tests.conftest import replace_file, settings_for


def test_98_municipalities_in_analysis_crs(base):
    m = base.municipalities
    assert len(m) == 98
    assert m.crs.to_epsg() == 25832
    assert m["code"].is_unique and set(m.index) == set(m["code"])
    assert not shapely.has_z(m.geometry.values).any()
    assert shapely.is_valid(m.geometry.values).all()


def test_christianso_folded_into_bornholm(base):
    assert "411" not in base.municipalities.index
    bornholm = base.municipalities.loc["400"]
    # Christiansø lies ~18 km north-east of Bornholm: the folded geometry reaches out to it.
    christianso = shapely.Point(15.187, 55.320)
    import geopandas as gpd

    point = gpd.GeoSeries([christianso], crs=4326).to_crs(25832).iloc[0]
    assert bornholm.geometry.distance(point) < 1_000


def test_names_and_regions(base):
    m = base.municipalities
    assert m.loc["751", "name"] == "Aarhus"
    assert m.loc["101", "region_code"] == "DK-84"
    assert set(m["region_code"]) == {"DK-81", "DK-82", "DK-83", "DK-84", "DK-85"}
    assert m.loc["400", "region_name"] == "Region Hovedstaden"


def test_dissolved_area_close_to_denmark(base):
    # Denmark's land area is about 42,900 km²; at 1:500 000 the sum should be within 1 %.
    assert 42_500 < base.municipalities["area_km2"].sum() < 43_400


def test_regions_loaded(base):
    assert sorted(base.regions["region_code"]) == ["DK-81", "DK-82", "DK-83", "DK-84", "DK-85"]


def test_companies_today(base):
    assert len(base.companies) == 19
    assert "Ingen" not in {c.name for c in base.companies}
    assert len(base.unaffiliated) == 9
    members = [code for c in base.companies for code in c.members]
    assert len(members) == len(set(members)) == 98 - 9
    assert base.today_assignment["101"] == "wonderful-copenhagen"
    assert base.today_assignment["741"] is None  # Samsø


def test_uncertain_memberships_flagged(base):
    flagged = base.memberships.loc[base.memberships["uncertain"], "code"].tolist()
    assert "151" in flagged and "101" not in flagged


def test_population_all_98(base):
    assert len(base.population) == 98
    assert base.population["101"] == 623404
    assert 5_790_000 < base.population.sum() < 5_820_000


def test_attractions_validated_and_joined(base):
    result = base.attractions_result
    assert len(base.attractions) + len(result.rejected) == 193
    tivoli = next(a for a in base.attractions if a.name == "Tivoli Gardens")
    assert tivoli.kommune_code == "101" and tivoli.visitors == 4_031_000 and tivoli.visitors_year == 2023
    assert tivoli.open_months == tuple(range(3, 13))
    assert sum(a.visitors is not None for a in base.attractions) == 33
    assert not result.mismatches.empty
    assert set(result.mismatches.columns) >= {"name", "stated", "located"}


def test_attraction_without_season_is_a_gap_not_a_reject(base):
    trelleborg = next(a for a in base.attractions if a.name.startswith("Trelleborg"))
    assert trelleborg.open_months == () and trelleborg.is_open(7) is None


@pytest.mark.parametrize("text,expected", [
    ("4-10", (4, 5, 6, 7, 8, 9, 10)), ("1-12", tuple(range(1, 13))), ("8", (8,)),
    ("3-4;9-10", (3, 4, 9, 10)), ("11-2", (1, 2, 11, 12)),
])
def test_parse_months(text, expected):
    assert parse_months(text) == expected


@pytest.mark.parametrize("text", ["0-3", "13", "", "a-b"])
def test_parse_months_rejects(text):
    with pytest.raises(ValueError):
        parse_months(text)


def test_bad_attraction_rows_are_listed_with_reasons(data_copy, base):
    header = "name,category,lat,lon,kommune_name,visitors,visitors_year,season_open_months,themes,source\n"
    rows = [
        "Good,museum,55.68,12.57,København,,,1-12,art,x\n",
        "Abroad,museum,52.5,13.4,København,,,1-12,art,x\n",
        "Odd,spaceport,55.68,12.57,København,,,1-12,art,x\n",
        "Nowhere,museum,55.68,12.57,Atlantis,,,1-12,art,x\n",
        "Months,museum,55.68,12.57,København,,,5-13,art,x\n",
        "Negative,museum,55.68,12.57,København,-5,2019,1-12,art,x\n",
        "<script>alert(1)</script>,museum,55.68,12.57,København,,,1-12,art,x\n",
    ]
    replace_file(data_copy, "attractions.csv", header + "".join(rows))
    settings = settings_for(data_copy)
    result = load_attractions(settings, base.municipalities)
    assert [a.name for a in result.attractions] == ["Good", "<script>alert(1)</script>"]
    reasons = dict(zip(result.rejected["name"], result.rejected["reason"]))
    assert "outside Denmark" in reasons["Abroad"]
    assert "unknown category" in reasons["Odd"]
    assert "unknown municipality" in reasons["Nowhere"]
    assert "month" in reasons["Months"]
    assert "negative" in reasons["Negative"]


@pytest.mark.parametrize("relative,content,expect", [
    ("dk_municipalities_dagi500k.geojson", "", "empty"),
    ("dk_municipalities_dagi500k.geojson", "{not json", "cannot be read"),
    ("municipality_codes.csv", "kommune_code,kommune_name\n101,København\n", "missing"),
    ("destination_companies_2021.csv", "kommune_code,destination_company,source\n", "no rows"),
    ("attractions.csv", "name,lat\n\"unclosed,1\n", "cannot be parsed"),
    ("attractions.csv", "name,lat\nx,1\n", "missing"),
])
def test_corrupt_files_give_one_clear_message(data_copy, relative, content, expect):
    replace_file(data_copy, relative, content)
    settings = settings_for(data_copy)
    with pytest.raises(DataError) as info:
        load_base(settings)
    message = str(info.value)
    assert relative.split("/")[-1] in message and expect in message
    assert "Fix" in message


def test_missing_file_names_it(data_copy):
    (data_copy / "fixed_links.csv").unlink()
    settings = settings_for(data_copy)
    with pytest.raises(DataError, match="fixed_links.csv: file not found"):
        load_base(settings)


def test_data_dir_setting(tmp_path):
    assert load_settings({"DESTINATIONS_DATA_DIR": str(tmp_path)}).data_dir == tmp_path.resolve()
    with pytest.raises(DataError, match="file not found"):
        load_municipalities(load_settings({"DESTINATIONS_DATA_DIR": str(tmp_path)}))
