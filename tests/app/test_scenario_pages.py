"""AppTest for the scenario editor and compare pages (widgets selected by key).

Map clicks cannot be injected into AppTest: the editor routes them into ``scenarios.selection``
(set here directly); the map's event handling is tested on its own with ``AppTest.from_function``.
"""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from destinations.errors import StoreUnavailable
from destinations.scenarios.io import encode_share_link
from destinations.scenarios.scenario import History, Scenario
from destinations.store import ScenarioStore
from tests.app.conftest import texts

EDITOR = "pages/editor.py"
COMPARE = "pages/compare.py"
SELECTION = "scenarios.selection"
TREKANT = "destination-trekantomraadet"
#: Vejen (unaffiliated), Esbjerg and Varde (Destination Vadehavskysten).
THREE = ["575", "561", "573"]


@pytest.fixture(autouse=True)
def store_url(tmp_path, monkeypatch):
    """Every test gets its own SQLite store (never the user's)."""
    url = f"sqlite:///{tmp_path / 'scenarios.sqlite'}"
    monkeypatch.setenv("DESTINATIONS_DB_URL", url)
    return url


@pytest.fixture
def store_down(tmp_path, monkeypatch):
    """A store that cannot be reached: its SQLite file's folder is a plain file."""
    (tmp_path / "file").write_text("a file, not a folder")
    monkeypatch.setenv("DESTINATIONS_DB_URL", f"sqlite:///{tmp_path / 'file' / 'x.sqlite'}")


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def delta(at, label: str) -> str:
    return next(m.proto.delta for m in at.metric if m.label == label)


def assign(at, target: str, codes=THREE):
    at.session_state[SELECTION] = list(codes)
    at.run()
    at.selectbox(key="scenarios.assign_to").set_value(target).run()
    at.button(key="scenarios.assign").click().run()
    return at


# ------------------------------------------------------------------------------ editor
def test_editor_shows_today_with_live_metrics(page_test):
    at = page_test(EDITOR)
    assert not at.exception and not at.error
    assert metric(at, "Destination companies") == "19"
    assert metric(at, "Unaffiliated municipalities") == "9"
    assert any("In several parts" in w.value for w in at.warning)
    assert str(at.query_params["plan"]).startswith("p1.")
    # Save, save as and undo/redo sit at the top, before the map's search and the metrics.
    keys = [b.key for b in at.button]
    assert keys.index("scenarios.save") < keys.index("scenarios.assign")
    assert keys.index("scenarios.undo") < keys.index("scenarios.assign")


def test_three_municipalities_assigned_in_one_undoable_step(page_test, base):
    at = assign(page_test(EDITOR), TREKANT)
    assert not at.exception and not at.error
    assert "Moved to Destination Trekantområdet: Vejen, Esbjerg, Varde." in texts(at)
    assert metric(at, "Unaffiliated municipalities") == "8"
    assert at.session_state[SELECTION] == []  # assigned: the selection is cleared
    plan = at.session_state["scenarios.history"].present
    assert {plan.company_of(code) for code in THREE} == {TREKANT}
    at.button(key="scenarios.undo").click().run()  # one undo takes all three back
    plan = at.session_state["scenarios.history"].present
    today = Scenario.from_base(base)
    assert [plan.company_of(c) for c in THREE] == [today.company_of(c) for c in THREE]
    assert metric(at, "Unaffiliated municipalities") == "9"
    at.button(key="scenarios.redo").click().run()
    assert metric(at, "Unaffiliated municipalities") == "8"


def test_picker_has_no_alphabetical_default_and_offers_the_last_company_first(page_test):
    at = page_test(EDITOR, state={SELECTION: ["575"]})
    picker = at.selectbox(key="scenarios.assign_to")
    assert picker.value is None  # never "Destination Bornholm" because it sorts first
    assert at.button(key="scenarios.assign").disabled
    # companies bordering Vejen come before the rest
    assert picker.options[0] != "Destination Bornholm"
    assign(at, TREKANT, ["575"])
    at.session_state[SELECTION] = ["607"]  # Fredericia
    at.run()
    picker = at.selectbox(key="scenarios.assign_to")
    assert picker.value == TREKANT and picker.options[0] == "Destination Trekantområdet"


def test_a_whole_company_joins_the_selection(page_test, base):
    at = page_test(EDITOR)
    at.selectbox(key="scenarios.add_company").set_value("destination-fyn").run()
    fyn = Scenario.from_base(base).companies()["destination-fyn"]
    assert sorted(at.session_state[SELECTION]) == sorted(fyn)
    assert at.multiselect(key="scenarios.selection.widget").value == list(at.session_state[SELECTION])
    at.button(key="scenarios.clear").click().run()
    assert at.session_state[SELECTION] == []


def test_search_highlights_a_company_and_selects_a_municipality(page_test):
    at = page_test(EDITOR)
    search = at.selectbox(key="scenarios.search")
    assert "c:destination-fyn" in search.options or any("Destination Fyn" in o for o in search.options)
    search.set_value("c:destination-fyn").run()
    assert at.session_state["scenarios.highlight"] == "destination-fyn"
    at.selectbox(key="scenarios.search").set_value("m:575").run()
    assert at.session_state[SELECTION] == ["575"]
    at.button(key="scenarios.highlight.clear").click().run()
    assert at.session_state["scenarios.highlight"] is None


def test_move_into_a_new_company(page_test):
    at = page_test(EDITOR, state={SELECTION: ["575"]})
    at.selectbox(key="scenarios.assign_to").set_value("__new__").run()
    at.text_input(key="scenarios.new_name").input("Sydvestjylland")
    at.button(key="scenarios.assign").click().run()
    assert metric(at, "Destination companies") == "20"


def test_empty_company_name_is_refused_and_nothing_changes(page_test):
    at = page_test(EDITOR, state={SELECTION: ["575"]})
    at.selectbox(key="scenarios.assign_to").set_value("__new__").run()
    at.text_input(key="scenarios.new_name").input("   ")
    at.button(key="scenarios.assign").click().run()
    assert any("empty" in e.value for e in at.error)
    assert metric(at, "Destination companies") == "19"
    assert at.session_state[SELECTION] == ["575"]  # nothing changed: the selection is kept


def test_deltas_against_today_and_the_last_step(page_test):
    at = page_test(EDITOR)
    assert all(not m.proto.delta for m in at.metric)  # today against today: nothing changed
    assign(at, TREKANT, ["575"])  # Vejen joins: one fewer unaffiliated
    assert delta(at, "Unaffiliated municipalities") == "-1"
    assert next(m for m in at.metric if m.label == "Unaffiliated municipalities"
                ).proto.delta_description == "vs today's companies"
    assign(at, TREKANT, ["607"])  # Fredericia is in Trekantområdet already
    assert "They are already there" in texts(at)
    assign(at, "__none__", ["630"])  # Vejle leaves: against today, the two steps add up
    assert delta(at, "Unaffiliated municipalities") in ("±0", "")  # +1 -1: unchanged vs today
    body = texts(at)
    assert "**Last step:** Vejle → Unaffiliated" in body.replace("\\", "")
    assert re.search(r"Unaffiliated municipalities :red\[\\\+1\]", body)
    table = at.dataframe[0].value
    assert list(table.columns[:4]) == ["Metric", "Value", "vs today's companies", "last step"]


def test_deltas_against_a_saved_reference(page_test, store_url, base):
    saved = Scenario.from_base(base).copy("Vejen in Trekanten").move("575", TREKANT)
    store = ScenarioStore(store_url, codes=base.codes)
    store.save(saved, base_version=None)
    store.documents.engine.dispose()
    at = page_test(EDITOR)
    at.selectbox(key="scenarios.reference").set_value(saved.id).run()
    assert delta(at, "Unaffiliated municipalities") == "+1"  # today has Vejen unaffiliated
    assert next(m for m in at.metric if m.label == "Unaffiliated municipalities"
                ).proto.delta_description == "vs Vejen in Trekanten"


def test_numbers_are_for_people(page_test):
    from destinations.ui.frame import Page
    from destinations.ui.scenario_text import TEXT
    from destinations.ui.scenario_views import format_delta, format_value

    en, da = Page("en", TEXT), Page("da", TEXT)
    assert format_delta(en, "complementarity_mean", 0.000151, 0.0001596) == "-0.000009"
    assert format_delta(en, "balance_gini", 0.4840086, 0.4840172) == "±0"
    assert format_value(en, "balance_gini", 0.48433544) == "0.484"
    assert format_value(en, "complementarity_mean", 0.00016) == "0.000160"
    assert format_value(en, "max_min_ratio", 51.2705) == "51.3"
    assert format_value(da, "max_min_ratio", 51.2705) == "51,3"
    assert format_value(en, "flow_cut_share", 0.3702) == "37.0%"
    assert format_delta(en, "flow_cut_share", 0.363, 0.370) == "-0.7 pp"
    assert format_delta(da, "flow_cut_share", 0.363, 0.370) == "-0,7 pct.-point"
    assert format_value(en, "overnights", 582_037.0) == "582,000"  # modelled: 3 significant figures
    assert format_value(da, "overnights", 4_264_537) == "4.260.000"
    assert format_value(en, "has_lighthouse", float("nan")) == "unknown"
    assert format_value(da, "has_lighthouse", float("nan")) == "ukendt"
    at = assign(page_test(EDITOR), TREKANT)
    shown = [m.value for m in at.metric] + [m.proto.delta for m in at.metric]
    for frame in at.dataframe:
        shown += [str(v) for v in frame.value.to_numpy().ravel()]
    assert not [s for s in shown if re.search(r"\de[-+]\d", s)], "scientific notation shown"


def test_companies_with_unknown_lighthouse_status_are_information(page_test):
    at = page_test(EDITOR)
    info = [i.value for i in at.info if "lighthouse" in i.value]
    assert info and "Destination Sjælland" in info[0]
    assert not any("Destination Sjælland" in w.value for w in at.warning)
    table = at.dataframe[1].value  # per company
    assert "unknown" in set(table["Has a lighthouse"])


def test_names_with_markup_are_escaped(page_test):
    at = page_test(EDITOR)
    at.selectbox(key="scenarios.company").set_value("destination-sjaelland")
    at.text_input(key="scenarios.rename").input("<b>Sjælland</b> **x**")
    at.button(key="scenarios.rename.button").click().run()
    assert not at.exception
    bodies = [w.value for w in [*at.warning, *at.info] if "lighthouse" in w.value]
    assert any(r"\<b\>Sjælland\</b\> \*\*x\*\*" in body for body in bodies)


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
    before = metric(at, "Unaffiliated municipalities")
    assign(at, TREKANT, ["461", "575"])  # Odense (in Fyn, locked) and Vejen
    assert any("locked" in e.value for e in at.error)
    assert metric(at, "Unaffiliated municipalities") == before  # all or nothing: Vejen stays put


def test_share_link_opens_the_plan(page_test, base):
    plan = Scenario.from_base(base).move("575", None).move("741", "destination-fyn")
    at = page_test(EDITOR, query={"plan": encode_share_link(plan)})
    assert not at.error
    assert metric(at, "Unaffiliated municipalities") == "8"


def test_tampered_share_link_is_refused_and_echoed_short(page_test, base):
    link = encode_share_link(Scenario.from_base(base).move("741", "destination-fyn"))
    at = page_test(EDITOR, query={"plan": link[:-2] + "<b>zz</b>" + "x" * 300})
    message = next(e.value for e in at.error if "damaged" in e.value)
    assert "x" * 60 not in message and "…" in message  # the echoed link is cut short
    assert "<b>" not in message  # and escaped
    assert metric(at, "Unaffiliated municipalities") == "9"  # today's plan, untouched


def test_save_version_and_conflict(page_test, store_url, base):
    at = page_test(EDITOR)
    at.text_input(key="scenarios.name").input("Vest")
    at.button(key="scenarios.save").click().run()
    assert "Saved Vest as version 1" in texts(at)
    store = ScenarioStore(store_url, codes=base.codes)
    saved = store.find("Vest")
    store.save(saved.scenario.move("575", None), base_version=1)  # someone else saves version 2
    assign(at, "destination-fyn", ["575"])
    at.button(key="scenarios.save").click().run()
    assert any("someone saved version 2" in e.value for e in at.error)
    assert len(store.list()) == 2  # their version and my kept draft
    store.documents.engine.dispose()


def test_save_as_makes_a_copy(page_test, store_url, base):
    at = page_test(EDITOR)
    at.text_input(key="scenarios.copy_name").input("Variant B")
    at.button(key="scenarios.save_copy").click().run()
    assert "Saved Variant B as version 1" in texts(at)
    store = ScenarioStore(store_url, codes=base.codes)
    assert [h.name for h in store.list()] == ["Variant B"]
    store.documents.engine.dispose()


def test_editor_works_read_only_while_the_store_is_down(page_test, store_down):
    at = page_test(EDITOR)
    assert not at.exception
    assert any("The scenario store is unavailable" in w.value and "keep working" in w.value
               for w in at.warning)
    assign(at, TREKANT)  # editing and every figure still work
    assert metric(at, "Unaffiliated municipalities") == "8"
    at.button(key="scenarios.save").click().run()
    assert not at.exception
    assert any("Nothing was saved" in e.value for e in at.error)
    assert metric(at, "Unaffiliated municipalities") == "8"  # the plan is still open


def test_a_store_failing_during_a_save_says_nothing_was_saved(page_test, monkeypatch):
    at = page_test(EDITOR)

    def down(self, scenario, *, base_version, note=""):
        raise StoreUnavailable("The scenario store is not reachable: nothing was changed.")

    monkeypatch.setattr(ScenarioStore, "save", down)
    at.button(key="scenarios.save").click().run()
    assert not at.exception
    assert any("Nothing was saved" in e.value for e in at.error)


def test_map_events_select_toggle_box_and_highlight():
    def script():
        import streamlit as st

        from destinations.scenarios.scenario import History, Scenario
        from destinations.ui import data
        from destinations.ui import scenario_state as state

        if state.HISTORY_KEY not in st.session_state:
            st.session_state[state.HISTORY_KEY] = History.start(Scenario.from_base(data.base()))
        for event in st.session_state.get("events", []):
            state.handle_map_event({"last_active_drawing": {"properties": event}})
        st.session_state["events"] = []
        st.write(state.selection(), state.highlight())

    at = AppTest.from_function(script, default_timeout=120)
    at.session_state["events"] = [{"code": "575", "_n": "1"}, {"code": "530", "_n": "2"},
                                  {"code": "575", "_n": "3"},  # a second click deselects
                                  {"code": "530", "_n": "3"}]  # a repeated event is ignored
    at.run()
    assert at.session_state[SELECTION] == ["530"]
    at.session_state["events"] = [{"kind": "box", "codes": ["621", "530", "nope"], "_n": "4"},
                                  {"kind": "company", "company_id": "destination-fyn", "_n": "5"}]
    at.run()
    assert at.session_state[SELECTION] == ["530", "621"]
    assert at.session_state["scenarios.highlight"] == "destination-fyn"
    at.session_state["events"] = [{"kind": "company", "company_id": "destination-fyn", "_n": "6"}]
    at.run()
    assert at.session_state["scenarios.highlight"] is None  # a second legend click clears it


def test_danish(page_test):
    at = page_test(EDITOR, query={"lang": "da"})
    assert not at.exception
    assert "Scenarie-editor" in texts(at)
    assert metric(at, "Kommuner uden selskab") == "9"
    assign(at, TREKANT)
    assert "Flyttet til Destination Trekantområdet" in texts(at)
    shown = next(m for m in at.metric if m.label == "Dagsture skåret af grænser")
    assert re.fullmatch(r"\d+,\d %", shown.value.replace("\xa0", " "))
    assert re.fullmatch(r"-\d+,\d pct\.-point", shown.proto.delta)


# ------------------------------------------------------------------------------ compare
def test_compare_page_with_the_editor_plan(page_test, base):
    edited = Scenario.from_base(base).copy("Vejen i Trekanten").move("575", TREKANT)
    at = page_test(COMPARE, state={"scenarios.history": History.start(edited)})
    assert not at.exception and not at.error
    assert "1 municipalities moved" in texts(at)
    table = at.dataframe[0].value
    assert list(table.columns) == ["Metric", "1. Today's companies", "2. In the editor: Vejen i Trekanten",
                                   "Unit", "Kind"]
    assert "(-1)" in " ".join(table["2. In the editor: Vejen i Trekanten"])
    assert len(at.dataframe) >= 2


def test_compare_needs_two(page_test):
    at = page_test(COMPARE)
    assert "Choose at least two scenarios." in texts(at)


def test_compare_works_while_the_store_is_down(page_test, store_down, base):
    edited = Scenario.from_base(base).move("575", TREKANT)
    at = page_test(COMPARE, state={"scenarios.history": History.start(edited)})
    assert not at.exception
    assert any("The scenario store is unavailable" in w.value for w in at.warning)
    assert "1 municipalities moved" in texts(at)


def test_an_outage_is_remembered_so_clicks_do_not_wait_for_the_store(page_test, monkeypatch):
    calls = []

    def down(self, *, deleted=False):
        calls.append(deleted)
        raise StoreUnavailable("The scenario store is not reachable: nothing was changed.")

    monkeypatch.setattr(ScenarioStore, "list", down)
    at = page_test(EDITOR)
    assert not at.exception
    assert any("The scenario store is unavailable" in w.value for w in at.warning)
    asked = len(calls)
    assign(at, TREKANT)  # three more runs: none asks the store again
    assert len(calls) == asked <= 1
    assert metric(at, "Unaffiliated municipalities") == "8"


def test_an_edited_plan_of_today_is_no_longer_called_today(page_test):
    at = assign(page_test(EDITOR), TREKANT)
    plan = at.session_state["scenarios.history"].present
    assert plan.id != "today" and plan.name == "Today's companies, edited"
    assert at.text_input(key="scenarios.name").value == "Today's companies, edited"
    at.button(key="scenarios.undo").click().run()
    assert at.session_state["scenarios.history"].present.id == "today"


# ------------------------------------------------------------------------------ national map search
def test_company_search_helpers_for_the_national_map(base):
    from destinations.maps.layers import display_geometry
    from destinations.ui.selection import company_search_index, company_view, parse_company

    today = Scenario.from_base(base)
    index = company_search_index(today.names, today.companies(), suffix=" · company")
    assert index["Destination Bornholm · company"] == "c:destination-bornholm"
    assert len(index) == 19
    assert parse_company("c:destination-fyn", today.names) == "destination-fyn"
    assert parse_company("c:<script>", today.names) is None
    assert parse_company("m:101", today.names) is None
    (lat, lon), zoom = company_view(display_geometry(base), today.companies()["destination-bornholm"])
    assert 55.0 < lat < 55.3 and 14.6 < lon < 15.2 and zoom >= 9


def test_compare_escapes_plan_names(page_test, store_url, base):
    saved = Scenario.from_base(base).copy("<b>Vest</b> **x**").move("575", TREKANT)
    store = ScenarioStore(store_url, codes=base.codes)
    store.save(saved, base_version=None)
    store.documents.engine.dispose()
    at = page_test(COMPARE, state={"compare.selected": ["today", f"saved:{saved.id}"]})
    assert not at.exception
    caption = next(c.value for c in at.caption if "Today's companies" in c.value)
    assert r"\<b\>Vest\</b\> \*\*x\*\*" in caption


def test_sharing_tab_offers_history_visibility_and_a_proposal(page_test):
    at = page_test(EDITOR)
    assert "Save the plan to share it" in texts(at)
    assign(at, TREKANT)  # an edit of today's published plan can be proposed
    assert not at.exception
    assert "Propose these moves" in texts(at)
    at.text_input(key="scenarios.name").input("Vest")
    at.button(key="scenarios.save").click().run()
    assert not at.exception
    assert at.selectbox(key="scenarios.visibility").value == "private"
    assert "History of this plan" in texts(at)
