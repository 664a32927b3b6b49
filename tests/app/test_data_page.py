"""AppTest for the Data & sources page."""

from __future__ import annotations

from tests.app.conftest import texts


def test_data_page_lists_datasets_and_caveats(page_test):
    at = page_test("pages/data.py")
    assert not at.exception and not at.error
    body = texts(at)
    assert "Christiansø" in body and "Bornholm" in body
    frames = [d.value for d in at.dataframe]
    table = next(f for f in frames if "licence" in f.columns)
    links = next(f for f in frames if "crossing" in f.columns)
    assert {"Municipal boundaries", "Attractions (reasons-to-go)"} <= set(table["name"])
    assert set(table["kind"]) <= {"official", "compiled", "modelled"}
    assert "estimated" in set(links["crossing"])


def test_data_page_in_danish(page_test):
    at = page_test("pages/data.py", query={"lang": "da"})
    assert "Data og kilder" in texts(at)


def test_data_page_says_which_files_are_in_force(page_test):
    at = page_test("pages/data.py")
    in_force = next(d.value for d in at.dataframe if "origin" in d.value.columns)
    assert "dk_municipalities_dagi500k.geojson" in set(in_force["file"])
    assert set(in_force["origin"]) == {"bundled"} and in_force["checksum"].all()
    body = texts(at)
    assert "/work/" not in body and "geodata/attractions.csv" in set(
        next(d.value for d in at.dataframe if "licence" in d.value.columns)["file"])
