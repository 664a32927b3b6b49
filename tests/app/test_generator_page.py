"""AppTest of the plan generator page: generate (an iteration budget, a time cap), the default
bounds from today's map, why the plan looks as it does, save (and a store that is down), repair
one move at a time (also into a new company), ensemble."""

from __future__ import annotations

import pytest

from destinations.errors import StoreUnavailable
from destinations.scenarios.scenario import History, Scenario
from destinations.store import ScenarioStore
from tests.app.conftest import texts

PAGE = "pages/generator.py"


@pytest.fixture(autouse=True)
def store_url(tmp_path, monkeypatch):
    """Every test gets its own SQLite store (never the user's)."""
    url = f"sqlite:///{tmp_path / 'scenarios.sqlite'}"
    monkeypatch.setenv("DESTINATIONS_DB_URL", url)
    return url


def test_page_opens_on_generate_with_defaults_from_todays_map(page_test):
    at = page_test(PAGE)
    assert not at.exception and not at.error
    assert at.slider(key="generator.k").value == 19
    assert at.button(key="generator.cancel") is not None
    assert at.number_input(key="generator.budget").value == 20_000
    assert at.slider(key="generator.time").value == 60  # a cap, not the measure of work
    assert at.number_input(key="generator.balance").value == pytest.approx(9.6)
    assert at.number_input(key="generator.max_units.municipality").value == 23
    basis = texts(at).replace("\\", "")
    assert "Defaults from today's map: balance bound 9.6 = today's 90th / 10th percentile" in basis
    assert "size bound 23 municipalities = today's largest company (Wonderful Copenhagen)" in basis


def test_bounds_follow_their_defaults_until_changed(page_test):
    at = page_test(PAGE)
    at.number_input(key="generator.max_units.municipality").set_value(10).run()
    at.slider(key="generator.k").set_value(15).run()
    assert at.number_input(key="generator.max_units.municipality").value == 10  # the user's value stays
    assert at.number_input(key="generator.balance").value >= 9.6  # follows the default for k=15


def test_generation_within_the_budget_reproduces_and_says_why(page_test, store_url, base):
    at = page_test(PAGE)
    at.number_input(key="generator.budget").set_value(3_000)
    at.selectbox(key="generator.lighthouse_rule").set_value("off")
    at.button(key="generator.run").click().run(timeout=120)
    assert not at.exception and not at.error
    body = texts(at)
    assert any("A valid plan with 19 companies" in s.value for s in at.success)
    assert "Used its budget of 3,000 iterations" in body and "on any machine" in body
    assert "What keeps the plan from cutting fewer day trips" in body
    assert next(m.value for m in at.metric if m.label == "Destination companies") == "19"
    first = at.session_state["generator.result"]["plan"].labels
    at.button(key="generator.run").click().run(timeout=120)  # same seed and settings
    assert at.session_state["generator.result"]["plan"].labels == first
    at.text_input(key="generator.name").input("Generated for the test")
    at.button(key="generator.save").click().run(timeout=120)
    assert "Saved Generated for the test" in texts(at)
    stored = ScenarioStore(store_url, codes=base.codes).list()
    assert [h.name for h in stored] == ["Generated for the test"]


def test_a_run_stopped_by_the_time_limit_says_it_may_differ(page_test):
    at = page_test(PAGE)
    at.number_input(key="generator.budget").set_value(1_000_000)
    at.slider(key="generator.time").set_value(2)
    at.selectbox(key="generator.lighthouse_rule").set_value("off")
    at.button(key="generator.run").click().run(timeout=120)
    assert not at.exception
    assert any("Stopped by the time limit" in w.value and "may differ on another machine" in w.value
               for w in at.warning)


def test_a_failed_save_says_nothing_was_saved(page_test, monkeypatch):
    at = page_test(PAGE)
    at.number_input(key="generator.budget").set_value(500)
    at.selectbox(key="generator.lighthouse_rule").set_value("off")
    at.button(key="generator.run").click().run(timeout=120)

    def down(self, scenario, *, base_version, note=""):
        raise StoreUnavailable("The scenario store is not reachable: nothing was changed.")

    monkeypatch.setattr(ScenarioStore, "save", down)
    at.button(key="generator.save").click().run(timeout=120)
    assert not at.exception
    assert any("Nothing was saved" in e.value for e in at.error)
    assert at.session_state["generator.result"] is not None  # the plan is still there


def test_infeasible_request_is_explained_not_run(page_test):
    at = page_test(PAGE)
    at.number_input(key="generator.floor").set_value(5_000_000)
    at.slider(key="generator.k").set_value(15)
    at.button(key="generator.run").click().run(timeout=120)
    assert not at.exception
    assert any("too large for the floor" in e.value for e in at.error)


def test_repair_moves_are_accepted_one_by_one(page_test):
    at = page_test(PAGE)
    at.segmented_control(key="generator.mode").set_value("repair").run()
    at.button(key="generator.repair.run").click().run(timeout=120)
    assert not at.exception
    assert "**4 moves** repair the plan" in texts(at)
    assert at.button(key="generator.repair.accept.1").disabled
    at.button(key="generator.repair.accept.0").click().run()
    assert "1 of 4 moves accepted" in texts(at)
    assert not at.button(key="generator.repair.accept.1").disabled
    at.button(key="generator.repair.accept_all").click().run()
    assert "4 of 4 moves accepted · companies below the floor: 0 · in several parts: 0" in texts(at)


def test_a_repair_move_into_a_new_company_is_named(page_test, base):
    broken = Scenario.from_base(base).copy("Bornholm in Sønderjylland").merge(
        "destination-soenderjylland", "destination-bornholm")  # no company left to go back to
    at = page_test(PAGE, state={"scenarios.history": History.start(broken)})
    at.segmented_control(key="generator.mode").set_value("repair").run()
    at.selectbox(key="generator.repair.source").set_value("editor").run()
    at.button(key="generator.repair.run").click().run(timeout=120)
    assert not at.exception
    moves = [m.value for m in at.markdown if "**Bornholm**" in m.value]
    assert moves and "(a new company)" in moves[0]
    assert "Destination Sønderjylland →" in moves[0]


def test_ensemble_places_todays_plan(page_test):
    at = page_test(PAGE)
    at.segmented_control(key="generator.mode").set_value("ensemble").run()
    at.slider(key="generator.ensemble.steps").set_value(50)
    at.button(key="generator.ensemble.run").click().run(timeout=120)
    assert not at.exception and not at.error
    assert "percentile** of 50 valid plans with 19 companies" in texts(at)


def test_the_page_says_when_the_store_is_down(page_test, tmp_path, monkeypatch):
    (tmp_path / "file").write_text("a file, not a folder")
    monkeypatch.setenv("DESTINATIONS_DB_URL", f"sqlite:///{tmp_path / 'file' / 'x.sqlite'}")
    at = page_test(PAGE)
    assert not at.exception
    assert any("The scenario store is unavailable" in w.value and "keep working" in w.value
               for w in at.warning)
    at.number_input(key="generator.budget").set_value(500)
    at.selectbox(key="generator.lighthouse_rule").set_value("off")
    at.button(key="generator.run").click().run(timeout=120)
    assert any("A valid plan" in s.value for s in at.success)  # generating works without it
    at.button(key="generator.save").click().run(timeout=120)
    assert any("Nothing was saved" in e.value for e in at.error)


def test_over_parishes_the_size_bound_counts_parishes(page_test):
    at = page_test(PAGE)
    at.radio(key="generator.units").set_value("parish").run(timeout=300)
    assert not at.exception
    assert at.number_input(key="generator.max_units.parish").value > 98  # parishes, not municipalities
    assert "parishes = today's largest company" in texts(at).replace("\\", "")
