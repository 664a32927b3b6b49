"""AppTest for the scenario editor and compare pages (widgets selected by key)."""

from __future__ import annotations

import pytest

from destinations.scenarios.scenario import History, Scenario
from destinations.scenarios.io import encode_share_link
from destinations.store import ScenarioStore
from tests.app.conftest import texts

EDITOR = "pages/editor.py"
COMPARE = "pages/compare.py"


@pytest.fixture(autouse=True)
def store_url(tmp_path, monkeypatch):
    """Every test gets its own SQLite store (never the user's)."""
    url = f"sqlite:///{tmp_path / 'scenarios.sqlite'}"
    monkeypatch.setenv("DESTINATIONS_DB_URL", url)
    return url


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_editor_shows_today_with_live_metrics(page_test):
    at = page_test(EDITOR)
    assert not at.exception and not at.error
    assert metric(at, "Destination companies") == "19"
    assert metric(at, "Unaffiliated municipalities") == "9"
    assert any("In several parts" in w.value for w in at.warning)
    assert str(at.query_params["plan"]).startswith("p1.")


def test_move_a_municipality_then_undo_and_redo(page_test):
    at = page_test(EDITOR, state={"scenarios.selected_muni": "575"})  # Vejen, unaffiliated
    at.selectbox(key="scenarios.move_to").set_value("destination-trekantomraadet")
    at.button(key="scenarios.move").click().run()
    assert not at.exception
    assert "Vejen moved to Destination Trekantområdet" in texts(at)
    assert metric(at, "Unaffiliated municipalities") == "8"
    at.button(key="scenarios.undo").click().run()
    assert metric(at, "Unaffiliated municipalities") == "9"
    at.button(key="scenarios.redo").click().run()
    assert metric(at, "Unaffiliated municipalities") == "8"


def test_move_into_a_new_company(page_test):
    at = page_test(EDITOR, state={"scenarios.selected_muni": "575"})
    at.selectbox(key="scenarios.move_to").set_value("__new__").run()
    at.text_input(key="scenarios.new_name").input("Sydvestjylland")
    at.button(key="scenarios.move").click().run()
    assert metric(at, "Destination companies") == "20"


def test_empty_company_name_is_refused_and_nothing_changes(page_test):
    at = page_test(EDITOR, state={"scenarios.selected_muni": "575"})
    at.selectbox(key="scenarios.move_to").set_value("__new__").run()
    at.text_input(key="scenarios.new_name").input("   ")
    at.button(key="scenarios.move").click().run()
    assert any("empty" in e.value for e in at.error)
    assert metric(at, "Destination companies") == "19"


def test_names_with_markup_are_escaped(page_test):
    # Destination Sjælland's attractions have no published visitor counts: it is listed among the
    # companies whose lighthouse status is unknown (Bornholm, renamed here before, now has one).
    at = page_test(EDITOR)
    at.selectbox(key="scenarios.company").set_value("destination-sjaelland")
    at.text_input(key="scenarios.rename").input("<b>Bornholm</b> **x**")
    at.button(key="scenarios.rename.button").click().run()
    assert not at.exception
    bodies = [w.value for w in [*at.warning, *at.info] if "lighthouse" in w.value]
    assert any(r"\<b\>Bornholm\</b\> \*\*x\*\*" in body for body in bodies)


def test_merge_dissolve_and_lock(page_test):
    at = page_test(EDITOR)
    at.selectbox(key="scenarios.company").set_value("destination-bornholm")
    at.selectbox(key="scenarios.merge_with").set_value("wonderful-copenhagen")
    at.button(key="scenarios.merge.button").click().run()
    assert metric(at, "Destination companies") == "18"
    at.selectbox(key="scenarios.company").set_value("destination-nord")
    at.button(key="scenarios.dissolve").click().run()
    assert metric(at, "Destination companies") == "17"
    at.selectbox(key="scenarios.company").set_value("destination-fyn").run()
    at.toggle(key="scenarios.lock.destination-fyn").set_value(True).run()
    at.session_state["scenarios.selected_muni"] = "461"  # Odense, in Destination Fyn
    at.run()
    at.selectbox(key="scenarios.move_to").set_value("__none__")
    at.button(key="scenarios.move").click().run()
    assert any("locked" in e.value for e in at.error)


def test_share_link_opens_the_plan(page_test, base):
    plan = Scenario.from_base(base).move("575", None).move("741", "destination-fyn")
    at = page_test(EDITOR, query={"plan": encode_share_link(plan)})
    assert not at.error
    assert metric(at, "Unaffiliated municipalities") == "8"


def test_tampered_share_link_is_refused(page_test, base):
    link = encode_share_link(Scenario.from_base(base).move("741", "destination-fyn"))
    at = page_test(EDITOR, query={"plan": link[:-2] + "zz"})
    assert any("damaged" in e.value for e in at.error)
    assert metric(at, "Unaffiliated municipalities") == "9"  # today's plan, untouched


def test_save_version_and_conflict(page_test, store_url, base):
    at = page_test(EDITOR)
    at.text_input(key="scenarios.name").input("Vest")
    at.button(key="scenarios.save").click().run()
    assert "Saved as version 1" in texts(at)
    store = ScenarioStore(store_url, codes=base.codes)
    saved = store.find("Vest")
    # someone else saves version 2 meanwhile
    store.save(saved.scenario.move("575", None), base_version=1)
    at.session_state["scenarios.selected_muni"] = "575"
    at.run()
    at.selectbox(key="scenarios.move_to").set_value("destination-fyn")
    at.button(key="scenarios.move").click().run()
    at.button(key="scenarios.save").click().run()
    assert any("someone saved version 2" in e.value for e in at.error)
    assert len(store.list()) == 2  # their version and my kept draft
    store.documents.engine.dispose()


def test_danish(page_test):
    at = page_test(EDITOR, query={"lang": "da"})
    assert "Scenarie-editor" in texts(at)
    assert metric(at, "Kommuner uden selskab") == "9"


def test_compare_page_with_the_editor_plan(page_test, base):
    edited = Scenario.from_base(base).copy("Vejen i Trekanten").move("575",
                                                                       "destination-trekantomraadet")
    at = page_test(COMPARE, state={"scenarios.history": History.start(edited)})
    assert not at.exception and not at.error
    assert "1 municipalities moved" in texts(at)
    assert len(at.dataframe) >= 2


def test_compare_needs_two(page_test):
    at = page_test(COMPARE)
    assert "Choose at least two scenarios." in texts(at)
