"""AppTest for the itinerary page: a shared link plans a trip; bad links and impossible requests explain.

The solver gets a fraction of a second (``itin.time_limit``); the store is a fresh SQLite file.
"""

from __future__ import annotations

import pytest

from tests.app.conftest import texts

PAGE = "pages/itineraries.py"


@pytest.fixture(autouse=True)
def db_url(tmp_path, monkeypatch):
    monkeypatch.setenv("DESTINATIONS_DB_URL", f"sqlite:///{tmp_path / 'store.sqlite'}")


def test_shared_link_plans_a_trip_in_danish_and_shows_who_benefits(page_test):
    at = page_test(PAGE, query={"lang": "da", "from": "cph-airport", "days": "2", "month": "7",
                                "themes": "viking"}, state={"itin.time_limit": 0.3})
    assert not at.exception, at.exception
    assert at.title[0].value == "Rejseruter på tværs af destinationer"
    assert at.query_params["from"] == "cph-airport" and at.query_params["themes"] == "viking"
    labels = [m.label for m in at.metric]
    assert "Point" in labels and "Besøg" in labels
    columns = {c for frame in at.dataframe for c in frame.value.columns}
    assert {"Destinationsselskab", "Overnatninger", "Åbne måneder"} <= columns
    assert "Selskaber ruten krydser" in texts(at)
    options = at.radio(key="itin.alt").options
    if len(options) > 1:
        at.radio(key="itin.alt").set_value(1).run()
        assert not at.exception, at.exception


def test_bad_link_and_impossible_request_are_explained(page_test):
    at = page_test(PAGE, query={"from": "Atlantis"}, state={"itin.time_limit": 0.3})
    assert not at.exception, at.exception
    assert "German border at Padborg" in at.error[0].value  # lists the valid hubs
    at.selectbox(key="itin.start").set_value("cph-central")
    at.slider(key="itin.days").set_value(1)
    at.multiselect(key="itin.must").set_value(["grenen-skagen-odde"])
    at.button(key="itin.plan").click().run()
    assert not at.exception, at.exception
    assert not at.error
    assert "Grenen" in at.warning[0].value and "480" in at.warning[0].value
    assert at.query_params["must"] == "grenen-skagen-odde"
