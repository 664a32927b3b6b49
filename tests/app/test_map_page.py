"""AppTest for the national map page and the app entry point."""

from __future__ import annotations

import re

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
    message = re.sub(r"\\(.)", r"\1", at.error[0].value)  # shown as text: markdown escaped
    assert "file not found" in message and "DESTINATIONS_DATA_DIR" in message


def test_danish_panel_uses_danish_numbers_and_units(page_test):
    at = page_test("pages/map.py", query={"lang": "da", "sel": "m:101"})
    body = texts(at)
    assert "623.404 indbyggere" in body


# ------------------------------------------------------------------------------ companies, capacity
def _company_label(at, name: str) -> str:
    return next(o for o in at.selectbox(key="map.search").options if o.startswith(f"{name} · "))


def test_search_finds_a_company_and_shows_its_panel(page_test):
    at = page_test("pages/map.py")
    at.selectbox(key="map.search").set_value(_company_label(at, "Destination Bornholm")).run()
    assert not at.exception, at.exception
    body = texts(at)
    assert "Destination company — its municipalities are outlined" in body
    assert "Member municipalities (1):** Bornholm" in body
    # the lighthouse from the evidence: Hammershus' count, with its year (undated) and precision
    assert "Lighthouse (≥ 250,000 visitors a year):** yes" in body
    assert "Hammershus 500,000 (undated, estimate)" in body
    assert "no lighthouse" not in body.lower()
    assert at.query_params["sel"] in ("c:destination-bornholm", ["c:destination-bornholm"])
    # capacity where it cannot be known reads "unknown", with the official dwellings beside it
    assert "**Bed places:** unknown" in body and "4,433" in body


def test_company_search_in_danish_keeps_municipalities_and_attractions(page_test):
    at = page_test("pages/map.py", query={"lang": "da"})
    options = at.selectbox(key="map.search").options
    assert any(o.startswith("Destination Fyn · destinationsselskab, 10 kommuner") for o in options)
    assert "Aarhus (751)" in options and any(o.startswith("Tivoli Gardens") for o in options)
    at.selectbox(key="map.search").set_value(_company_label(at, "Destination Fyn")).run()
    body = texts(at)
    assert "Fyrtårn (≥ 250.000 besøgende om året):** ja" in body
    assert "Odense Zoo 448.361 (2022)" in body
    assert "Overnatninger 2019:** 4.260.000" in body  # modelled: 3 significant figures, Danish


def test_company_from_the_url(page_test):
    at = page_test("pages/map.py", query={"sel": "c:destination-fyn"})
    assert not at.exception and "Destination Fyn" in texts(at)
    at = page_test("pages/map.py", query={"sel": "c:atlantis"})
    assert not at.exception and "Click a municipality" in texts(at)


def test_holiday_dwellings_layer_is_official_and_complete(page_test):
    at = page_test("pages/map.py", query={"colour": "holiday_dwellings"})
    assert not at.exception, at.exception
    body = texts(at)
    assert ":green-badge[official]" in body and "BOL101" in body
    assert "bed places" not in at.selectbox(key="map.colour_by").format_func(
        "holiday_dwellings").lower()


def test_municipality_panel_capacity_and_danish_numbers(page_test):
    at = page_test("pages/map.py", query={"lang": "da", "sel": "m:440"})
    body = texts(at)
    assert "**Sengepladser:** Camping 1.990" in body and ":orange-badge[skønnet]" in body
    assert "**Fritidsboliger (BOL101):** 1.670" in body
    at = page_test("pages/map.py", query={"sel": "m:400"})
    assert "**Bed places:** unknown" in texts(at)


def test_map_serves_while_the_store_is_unreachable(page_test, monkeypatch):
    monkeypatch.setenv("DESTINATIONS_DB_URL", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    at = page_test("pages/map.py", query={"sel": "c:destination-fyn"})
    assert not at.exception and not at.error
    assert "Destination Fyn" in texts(at)


def test_attraction_text_from_the_data_is_escaped(page_test):
    at = page_test("pages/map.py", query={"sel": "a:tivoli-gardens"})
    source = next(c.value for c in at.caption if c.value.startswith("Source:"))
    assert "https\\://" in source or "\\(" in source  # markdown specials shown as typed
