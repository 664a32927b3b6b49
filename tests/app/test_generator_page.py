"""AppTest of the plan generator page: generate (2 s), save, repair one move at a time, ensemble."""

from __future__ import annotations

import pytest

from destinations.store import ScenarioStore
from tests.app.conftest import texts

PAGE = "pages/generator.py"


@pytest.fixture(autouse=True)
def store_url(tmp_path, monkeypatch):
    """Every test gets its own SQLite store (never the user's)."""
    url = f"sqlite:///{tmp_path / 'scenarios.sqlite'}"
    monkeypatch.setenv("DESTINATIONS_DB_URL", url)
    return url


def test_page_opens_on_generate(page_test):
    at = page_test(PAGE)
    assert not at.exception and not at.error
    assert at.slider(key="generator.k").value == 19
    assert at.button(key="generator.cancel") is not None


def test_tiny_generation_shows_a_valid_plan_and_saves_it(page_test, store_url, base):
    at = page_test(PAGE)
    at.slider(key="generator.time").set_value(2)
    at.selectbox(key="generator.lighthouse_rule").set_value("off")
    at.button(key="generator.run").click().run(timeout=120)
    assert not at.exception and not at.error
    assert any("A valid plan with 19 companies" in s.value for s in at.success)
    assert next(m.value for m in at.metric if m.label == "Destination companies") == "19"
    at.text_input(key="generator.name").input("Generated for the test")
    at.button(key="generator.save").click().run(timeout=120)
    assert "Saved Generated for the test" in texts(at)
    stored = ScenarioStore(store_url, codes=base.codes).list()
    assert [h.name for h in stored] == ["Generated for the test"]


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


def test_ensemble_places_todays_plan(page_test):
    at = page_test(PAGE)
    at.segmented_control(key="generator.mode").set_value("ensemble").run()
    at.slider(key="generator.ensemble.steps").set_value(50)
    at.button(key="generator.ensemble.run").click().run(timeout=120)
    assert not at.exception and not at.error
    assert "percentile** of 50 valid plans with 19 companies" in texts(at)
