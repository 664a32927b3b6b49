"""AppTest for the itinerary page: plan from the form, reopen a trip from its link exactly (no
planning), a tampered link leaves the trip shown untouched, re-plan, cancel, Danish, bad input.

The solver gets a small iteration budget through a generous time limit (``itin.time_limit``) only
where the test needs a plan; the store is a fresh SQLite file.
"""

from __future__ import annotations

import pytest

from destinations.ui.escape import md
from tests.app.conftest import texts

PAGE = "pages/itineraries.py"
FAST = {"itin.time_limit": 30.0}  # budget-bound: the same trip every run


@pytest.fixture(autouse=True)
def db_url(tmp_path, monkeypatch):
    monkeypatch.setenv("DESTINATIONS_DB_URL", f"sqlite:///{tmp_path / 'store.sqlite'}")


def visits(at) -> list[tuple]:
    """(day, start, place) of every visit in the "why this stop" table."""
    frame = next(f.value for f in at.dataframe if "Why this stop" in f.value.columns
                 or "Derfor dette stop" in f.value.columns)
    return [tuple(row[:3]) for row in frame.iloc[:, [0, 1, 4]].itertuples(index=False)]


def plan_from_form(page_test, **state):
    at = page_test(PAGE, state=FAST)
    assert not at.exception, at.exception
    assert "Plan trip" in texts(at) or at.info  # the empty state asks for a plan
    at.selectbox(key="itin.start").set_value("cph-central")
    at.slider(key="itin.days").set_value(2)
    for key, value in state.items():
        at.session_state[key] = value
    at.button(key="itin.plan").click().run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at


def test_plan_shows_map_days_why_and_a_share_link_with_the_trip(page_test):
    at = plan_from_form(page_test)
    assert at.query_params["from"] == "cph-central" and at.query_params["trip"].startswith("t1.")
    columns = {c for frame in at.dataframe for c in frame.value.columns}
    assert {"Night / end", "Leave", "Arrive", "Why this stop", "Visitors a year (year)",
            "Source of the figure", "Opening hours (assumed)"} <= columns
    places = [place for _, _, place in visits(at)]
    assert "Tivoli Gardens" in places
    why = next(f.value for f in at.dataframe if "Why this stop" in f.value.columns)
    tivoli = why[why["Place"] == "Tivoli Gardens"].iloc[0]
    assert "Copenhagen icon" in tivoli["Why this stop"] and "(2023)" in tivoli["Visitors a year (year)"]
    assert any("trip=t1." in c.value for c in at.code)  # the share link carries the trip
    assert at.button(key="itin.replan")
    assert "Share this trip" in texts(at)


def test_a_trip_link_reopens_exactly_without_planning(page_test):
    first = plan_from_form(page_test)
    token, planned = first.query_params["trip"], visits(first)
    at = page_test(PAGE, query={"from": "cph-central", "days": "2", "month": "7", "trip": token},
                   state={"itin.time_limit": 0.0})  # no time to plan: only reopening can show it
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert visits(at) == planned
    assert "Reopened from its link" in texts(at)
    assert at.query_params["trip"] == token


def test_a_tampered_link_is_one_message_and_the_trip_shown_stays(page_test):
    at = plan_from_form(page_test)
    token, planned = at.query_params["trip"], visits(at)
    prefix, data, check = token.split(".")
    edited = f"{prefix}.{data[:30]}{'B' if data[30] == 'A' else 'A'}{data[31:]}.{check}"
    at.text_input(key="itin.link.text").input(f"http://localhost/itineraries?trip={edited}")
    at.button(key="itin.open").click().run()
    assert not at.exception, at.exception
    assert len(at.error) == 1 and "checksum" in at.error[0].value
    assert "unchanged" in at.error[0].value
    assert visits(at) == planned and at.query_params["trip"] == token
    # a good link pasted in the box opens its trip and clears the message
    at.text_input(key="itin.link.text").input(token)
    at.button(key="itin.open").click().run()
    assert not at.error and visits(at) == planned


def test_a_tampered_link_on_opening_the_page_is_explained(page_test):
    at = page_test(PAGE, query={"trip": "t1.AAAA.000000000000"}, state=FAST)
    assert not at.exception, at.exception
    assert len(at.error) == 1 and "could not be opened" in at.error[0].value
    assert "Traceback" not in at.error[0].value


def test_cancel_keeps_the_trip_shown(page_test):
    at = plan_from_form(page_test)
    planned = visits(at)
    at.session_state["itin.cancelled"] = True  # what the cancel button's callback sets
    at.button(key="itin.plan").click().run()
    assert not at.exception, at.exception
    assert visits(at) == planned
    assert any("cancelled" in i.value for i in at.info)


def test_replan_plans_the_same_request_again(page_test):
    at = plan_from_form(page_test)
    request = at.session_state["itin.result"][0].request
    at.button(key="itin.replan").click().run()
    assert not at.exception, at.exception
    again = at.session_state["itin.result"][0]
    assert again.request.start == request.start and again.stopped_by in ("budget", "time")


def test_shared_link_plans_a_trip_in_danish(page_test):
    at = page_test(PAGE, query={"lang": "da", "from": "cph-airport", "days": "2", "month": "7",
                                "themes": "viking"}, state=FAST)
    assert not at.exception, at.exception
    assert at.title[0].value == "Rejseruter på tværs af destinationer"
    assert at.query_params["from"] == "cph-airport" and at.query_params["themes"] == "viking"
    labels = [m.label for m in at.metric]
    assert "Point" in labels and "Besøg" in labels
    columns = {c for frame in at.dataframe for c in frame.value.columns}
    assert {"Destinationsselskab", "Nat / slut", "Derfor dette stop", "Besøgende om året (år)",
            "Kilde til tallet"} <= columns
    why = next(f.value for f in at.dataframe if "Derfor dette stop" in f.value.columns)
    assert why["Derfor dette stop"].str.contains("tema vikingetiden|forlystelsespark|museum").any()
    assert "Del denne rejse" in texts(at) and at.button(key="itin.replan").label == "Planlæg igen"
    options = at.radio(key="itin.alt").options
    if len(options) > 1:
        at.radio(key="itin.alt").set_value(1).run()
        assert not at.exception, at.exception


def test_bad_link_and_impossible_request_are_explained(page_test):
    at = page_test(PAGE, query={"from": "Atlantis"}, state=FAST)
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


def test_contradictory_request_keeps_the_trip_shown(page_test):
    at = plan_from_form(page_test)
    planned = visits(at)
    at.multiselect(key="itin.must").set_value(["tivoli-gardens"])
    at.multiselect(key="itin.exclude").set_value(["tivoli-gardens"])
    at.button(key="itin.plan").click().run()
    assert not at.exception, at.exception
    assert len(at.error) == 1 and md("both a must-see and excluded") in at.error[0].value
    assert "Tivoli" in at.error[0].value
    assert visits(at) == planned


def test_plans_and_reopens_while_the_store_is_unreachable(page_test, monkeypatch):
    """The store only holds saved scenarios (who benefits): without it the page still plans with
    today's companies and reopens a trip link."""
    monkeypatch.setenv("DESTINATIONS_DB_URL", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    at = page_test(PAGE, query={"from": "cph-central", "days": "1", "month": "7"}, state=FAST)
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    token, planned = at.query_params["trip"], visits(at)
    again = page_test(PAGE, query={"trip": token}, state={"itin.time_limit": 0.0})
    assert not again.exception and not again.error
    assert visits(again) == planned
