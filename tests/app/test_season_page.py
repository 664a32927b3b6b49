"""AppTest for the season & capacity page (widgets by key; no map on this page)."""

from __future__ import annotations

import pytest

from tests.app.conftest import texts

PAGE = "pages/season.py"


@pytest.fixture(autouse=True)
def db_url(tmp_path, monkeypatch):
    monkeypatch.setenv("DESTINATIONS_DB_URL", f"sqlite:///{tmp_path / 'store.sqlite'}")


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_national_view_with_badges_and_link(page_test):
    at = page_test(PAGE)
    assert not at.exception, at.exception
    assert at.header[0].value == "Denmark · 2019"
    body = texts(at)
    assert ":orange-badge[modelled]" in body and ":blue-badge[compiled]" in body
    cells = " ".join(str(v) for df in at.dataframe for v in df.value.to_numpy().ravel())
    assert "40+ beds" in cells  # the coverage note next to occupancy
    assert dict(at.query_params) == {"scope": "national", "scenario": "today", "year": "2019"}
    # capacity: at a 50 % shortage line July is over it nationally
    at.slider(key="season.shortage").set_value(50).run()
    assert not at.exception, at.exception
    assert metrics(at)["Months with peak shortage"] == "Jul"


def test_company_scope_what_if_moves_the_indices(page_test):
    at = page_test(PAGE, query={"scope": "company", "company": "destination-fyn"})
    assert not at.exception, at.exception
    assert at.header[0].value == "Destination Fyn · 2019"
    assert "Seasonal complementarity (ΔG)" in str(at.dataframe[0].value)
    at.slider(key="season.growth").set_value(0)
    at.slider(key="season.shift").set_value(30).run()
    assert not at.exception, at.exception
    gini = next(m for m in at.metric if m.label == "Gini")
    assert float(gini.value) < 0.368 and str(gini.delta).startswith("-")
    assert at.query_params["company"] == "destination-fyn"


def test_municipality_in_danish(page_test):
    at = page_test(PAGE, query={"scope": "municipality", "municipality": "101", "lang": "da"})
    assert not at.exception, at.exception
    assert at.header[0].value == "København · 2019"
    assert at.title[0].value == "Sæson og kapacitet"
    assert "mod seneste hele år" in texts(at)


def test_bad_link_falls_back_with_a_message(page_test):
    at = page_test(PAGE, query={"scope": "galaxy", "municipality": "999", "year": "2020"})
    assert not at.exception, at.exception
    warnings = "\n".join(w.value for w in at.warning)
    assert "“galaxy”" in warnings and "“999”" in warnings and "“2020”" in warnings
    assert at.query_params["scope"] == "national"


# ------------------------------------------------------------------------------ capacity, locale, store
from tests.app.test_profile_page import chart_locales, shown_text, table_with  # noqa: E402


def test_capacity_unknown_where_no_member_has_a_count(page_test):
    at = page_test(PAGE, query={"scope": "company", "company": "destination-bornholm"})
    assert not at.exception, at.exception
    shown = metrics(at)
    assert shown["Months with peak shortage"] == "unknown"
    assert shown["Overnights above the shortage line"] == "unknown"
    assert shown["Off-season headroom (Oct–Apr)"] == "unknown"
    assert any("cannot be known" in i.value for i in at.info)
    types = table_with(at, "Members with a count")
    assert set(types["Members with a count"]) == {"0 / 1"}


def test_capacity_where_known_with_the_share_of_demand_and_the_basis(page_test):
    at = page_test(PAGE, query={"scope": "company", "company": "destination-fyn"})
    shown = metrics(at)
    assert shown["Months with peak shortage"] == "Jul"
    assert shown["Overnights above the shortage line"] == "16,100"
    body = shown_text(at)
    assert "Read on Camping \\(Kerteminde\\): 4.8% of the overnights" in body
    assert "Kerteminde, Camping:" in body and "664 bed places per campsite" in body


def test_danish_season_tables_and_charts(page_test):
    at = page_test(PAGE, query={"scope": "company", "company": "destination-fyn", "lang": "da"})
    body = shown_text(at)
    assert "4.260.000" in body and "4,264,537" not in body and "4.264.537" not in body
    assert "None" not in body and "nan" not in body
    locales = chart_locales(at)
    assert len(locales) >= 5 and all(loc["number"]["thousands"] == "." for loc in locales)
    assert metrics(at)["Måneder med mangel"] == "jul"


def test_season_keeps_working_when_the_store_is_unreachable(page_test, monkeypatch):
    monkeypatch.setenv("DESTINATIONS_DB_URL", "sqlite:////proc/destinations/store.sqlite")
    at = page_test(PAGE, query={"scope": "company", "company": "destination-fyn"})
    assert not at.exception, at.exception
    assert at.header[0].value == "Destination Fyn · 2019"
    assert sum("cannot be read right now" in w.value for w in at.warning) == 1
