"""AppTest for the destination profile page (widgets by key; the store is a fresh SQLite file).

Each run renders one folium map (~1 s), so the tests keep to few reruns.
"""

from __future__ import annotations

import pytest

from tests.app.conftest import texts

PAGE = "pages/profile.py"


@pytest.fixture(autouse=True)
def db_url(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    monkeypatch.setenv("DESTINATIONS_DB_URL", url)
    return url


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_default_profile_shows_figures_with_badges_and_writes_the_link(page_test):
    at = page_test(PAGE)
    assert not at.exception, at.exception
    assert at.header[0].value == "Destination Fyn"
    shown = metrics(at)
    assert shown["Overnight stays"] == "4,260,000"  # modelled: 3 significant figures
    assert shown["Foreign share"] == "45.0%"  # en_GB percent (Danish: 45,0 %)
    body = texts(at)
    assert ":orange-badge[modelled]" in body and ":blue-badge[compiled]" in body
    assert "Profile:** mixed" in body
    assert dict(at.query_params) == {"scenario": "today", "company": "destination-fyn",
                                     "year": "2019"}
    assert "Andersen" in body  # the stories it takes part in (escaped markdown)


def test_deep_link_in_danish_and_switching_company(page_test):
    at = page_test(PAGE, query={"company": "wonderful-copenhagen", "year": "2023", "lang": "da"})
    assert not at.exception, at.exception
    assert at.title[0].value == "Destinationsprofil"
    assert "by og erhverv" in texts(at)
    assert metrics(at)["Udenlandsk andel"].endswith("%")
    at.selectbox(key="profile.company").set_value("destination-vesterhavet").run()
    assert not at.exception, at.exception
    assert at.query_params["company"] == "destination-vesterhavet"
    assert at.query_params["year"] == "2023"
    assert "kyst og natur" in texts(at)


def test_bad_link_falls_back_with_a_message(page_test):
    at = page_test(PAGE, query={"company": "atlantis", "year": "1999"})
    assert not at.exception, at.exception
    warnings = "\n".join(w.value for w in at.warning)
    assert "“atlantis”" in warnings and "“1999”" in warnings
    assert at.query_params["company"] == "destination-fyn"
    assert at.query_params["year"] == "2019"


def test_company_of_a_saved_scenario(page_test, base, db_url):
    from destinations.scenarios.scenario import Scenario
    from destinations.store import ScenarioStore

    plan = Scenario.from_base(base).copy("West coast merged").merge(
        "destination-vesterhavet", "destination-vadehavskysten").rename(
        "destination-vesterhavet", "West <b>coast</b>")
    ScenarioStore(db_url, codes=base.codes).save(plan, base_version=None)
    at = page_test(PAGE, query={"scenario": plan.id, "company": "destination-vesterhavet"})
    assert not at.exception, at.exception
    assert at.selectbox(key="profile.scenario").value == plan.id
    body = texts(at)
    assert "Member municipalities (4)" in body and "Esbjerg" in body
    assert "West coast merged" in body
    assert at.header[0].value == "West \\<b\\>coast\\</b\\>"  # markup shown as typed, escaped


# ------------------------------------------------------------------------------ figures to defend
def shown_tables(at) -> list:
    """Every table as the reader sees it (a Styler's display values where the page formats the
    cells, the raw frame otherwise), in page order."""
    import pyarrow as pa

    tables = []
    for frame in at.dataframe:
        styler = frame.proto.arrow_data.styler
        tables.append(pa.ipc.open_stream(styler.display_values).read_all().to_pandas()
                      if styler.display_values else frame.value)
    return tables


def table_with(at, *columns: str):
    """The first table shown with all of ``columns``."""
    return next(t for t in shown_tables(at) if set(columns) <= set(t.columns))


def shown_text(at) -> str:
    """Every table cell, metric and text as shown."""
    cells = [str(v) for t in shown_tables(at) for v in t.to_numpy().ravel()]
    metrics_ = [f"{m.label} {m.value}" for m in at.metric]
    return "\n".join([texts(at), *metrics_, *cells])


def chart_locales(at) -> list[dict]:
    import json

    return [json.loads(c.proto.spec).get("config", {}).get("locale", {})
            for c in at.get("vega_lite_chart")]


def test_capacity_unknown_reads_unknown_with_what_is_known(page_test):
    at = page_test(PAGE, query={"company": "destination-bornholm"})
    assert not at.exception, at.exception
    shown = metrics(at)
    assert shown["Bed places, busiest month"] == "unknown"  # not an unexplained "–"
    assert shown["Holiday dwellings (BOL101)"] == "4,433"  # official, exact
    assert shown["Months over 90% (where known)"] == "unknown"
    assert shown["Off-season headroom at 60% (Oct–Apr)"] == "unknown"
    body = shown_text(at)
    assert "Bed places unknown: no member has a published local count" in body
    assert "unknown: no member has a published count" in body  # the capacity table's cells
    assert "4,433 holiday dwellings (official)" in body


def test_partial_capacity_shows_shortage_where_known_with_its_share_and_basis(page_test):
    at = page_test(PAGE)  # Destination Fyn: only Kerteminde's campsites have a count
    shown = metrics(at)
    assert shown["Bed places, busiest month"] == "unknown"
    assert shown["Months over 90% (where known)"] == "Jul"
    assert shown["Overnights above that line"] == "16,100"
    body = shown_text(at)
    assert "Camping 1,990 in 1 of 10 members" in body
    assert "Read on Camping \\(Kerteminde\\): 4.8% of the overnights" in body
    assert "**Kerteminde, Camping:** estimated\\: 3 campsites \\(2019" in body
    assert "664 bed places per campsite" in body


def test_bornholm_has_a_lighthouse_from_hammershus(page_test):
    at = page_test(PAGE, query={"company": "destination-bornholm"})
    body = shown_text(at)
    assert "**Lighthouse (≥ 250,000 visitors a year):** yes" in body
    assert "Hammershus 500,000 (undated, estimate)" in body
    counted = table_with(at, "Attraction", "Lighthouse")
    assert counted["Attraction"].tolist() == ["Hammershus"]
    assert counted["Lighthouse"].tolist() == ["yes"]
    uncounted = next(t for t in shown_tables(at) if "Attraction" in t.columns
                     and "Lighthouse" not in t.columns)
    assert "Dueodde" in set(uncounted["Attraction"])  # listed apart, never read as "no"


def test_flow_ranges_and_least_certain_pairs(page_test):
    at = page_test(PAGE)
    pairs = table_with(at, "From (member)", "Both ways")
    assert pairs["Both ways"].iloc[0] == "73,900 day trips a year"
    assert pairs["Range over the model's settings"].iloc[0] == "44,000–100,000 day trips a year"
    companies = table_with(at, "Company there", "Neighbour")
    assert companies["Range over the model's settings"].str.contains("–").all()
    uncertain = table_with(at, "Setting that moves it most")
    assert len(uncertain) >= 1 and uncertain["Setting that moves it most"].str.len().gt(0).all()
    assert "Pairs the model is least sure of" in texts(at)


def test_danish_profile_reads_danish_numbers_in_tables_and_charts(page_test):
    at = page_test(PAGE, query={"lang": "da"})
    body = shown_text(at)
    assert "1,012,182" not in body and "1.012.182" not in body  # modelled hotels: not to the unit
    assert "1.010.000" in body  # 3 significant figures, Danish grouping
    assert "None" not in body and "nan" not in body
    assert metrics(at)["Overnatninger"] == "4.260.000"
    assert metrics(at)["Udenlandsk andel"] == "45,0\xa0%"
    locales = chart_locales(at)
    assert locales and all(loc["number"]["decimal"] == "," for loc in locales)
    assert all("juli" in loc["time"]["months"] for loc in locales)


def test_profile_keeps_working_when_the_store_is_unreachable(page_test, monkeypatch):
    monkeypatch.setenv("DESTINATIONS_DB_URL", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    at = page_test(PAGE, query={"scenario": "a-saved-plan"})
    assert not at.exception, at.exception
    assert at.header[0].value == "Destination Fyn"
    warnings = [w.value for w in at.warning]
    assert sum("cannot be read right now" in w for w in warnings) == 1
    assert not any("127.0.0.1" in w or "psycopg" in w for w in warnings)
    assert at.selectbox(key="profile.scenario").options == ["Destination companies today"]
    assert "Andersen" in texts(at)  # the built-in stories still show


def test_long_link_values_are_cut_and_escaped(page_test):
    at = page_test(PAGE, query={"company": "[Log in again](https://evil.example/login)" + "x" * 300})
    assert not at.exception, at.exception
    warning = next(w.value for w in at.warning if "link asked for" in w.value)
    assert "](" not in warning and len(warning) < 300
