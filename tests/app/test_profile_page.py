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
    assert shown["Overnight stays"] == "4,264,537"
    assert shown["Foreign share"] == "45.0 %"
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
    assert "4 member municipalities" in body and "Esbjerg" in body
    assert "West coast merged" in body
    assert at.header[0].value == "West \\<b\\>coast\\</b\\>"  # markup shown as typed, escaped
