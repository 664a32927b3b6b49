"""AppTest for the national map page and the app entry point."""

from __future__ import annotations

from tests.app.conftest import texts


def test_entry_point_runs_the_map(page_test):
    at = page_test("app.py")
    assert not at.exception
    assert "Denmark's destination companies" in texts(at)


def test_map_page_without_selection_shows_hint(page_test):
    at = page_test("pages/map.py")
    assert not at.exception and not at.error
    assert "Click a municipality" in texts(at)


def test_municipality_panel(page_test):
    at = page_test("pages/map.py", state={"map.selected": "m:101"})
    body = texts(at)
    assert "København" in body and "Wonderful Copenhagen" in body
    assert "623,404" in body and "FOLK1A" in body
    assert "Tivoli Gardens" in body and "Frederiksberg" in body


def test_uncertain_membership_is_flagged(page_test):
    at = page_test("pages/map.py", state={"map.selected": "m:151"})
    assert any("uncertain" in w.value.lower() for w in at.warning)


def test_unaffiliated_municipality(page_test):
    at = page_test("pages/map.py", state={"map.selected": "m:741"})
    assert "in no destination company" in texts(at)


def test_attraction_panel_shows_source_and_year(page_test):
    at = page_test("pages/map.py", state={"map.selected": "a:tivoli-gardens"})
    body = texts(at)
    assert "4,031,000 (2023)" in body and "Tivoli annual report" in body


def test_selection_from_url_and_danish(page_test):
    at = page_test("pages/map.py", query={"lang": "da", "sel": "m:400"})
    body = texts(at)
    assert "Bornholm" in body and "Destinationsselskab" in body


def test_tampered_url_is_ignored(page_test):
    at = page_test("pages/map.py", query={"sel": "m:<script>", "lang": "xx"})
    assert not at.exception
    assert "Click a municipality" in texts(at)


def test_search_selects(page_test):
    at = page_test("pages/map.py")
    at.selectbox(key="map.search").set_value("Aarhus (751)").run()
    assert "VisitAarhus" in texts(at)


def test_layer_toggles(page_test):
    at = page_test("pages/map.py")
    at.toggle(key="map.layer.attr").set_value(False).run()
    at.toggle(key="map.layer.fill").set_value(False).run()
    assert not at.exception


def test_colour_by_metric_shows_badge_and_source(page_test):
    at = page_test("pages/map.py", state={"map.selected": "m:101"})
    at.selectbox(key="map.colour_by").set_value("overnights").run()
    body = texts(at)
    assert "modelled" in body and "facts-model" in body
    assert "Overnight stays 2019" in body
    assert at.query_params["colour"] in ("overnights", ["overnights"])


def test_missing_data_gives_one_clear_message(page_test, tmp_path, monkeypatch):
    monkeypatch.setenv("DESTINATIONS_DATA_DIR", str(tmp_path))
    at = page_test("pages/map.py")
    assert not at.exception
    assert len(at.error) == 1
    message = at.error[0].value
    assert "file not found" in message and "DESTINATIONS_DATA_DIR" in message


def test_danish_panel_uses_danish_numbers_and_units(page_test):
    at = page_test("pages/map.py", query={"lang": "da", "sel": "m:101"})
    body = texts(at)
    assert "623.404 indbyggere" in body
