"""AppTest for the story page: deep links, step navigation, coherence panel, editor, exports.

The page's store is a fresh SQLite file per test (``DESTINATIONS_DB_URL``), never the user's.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from destinations.narratives import builtin_narratives
from destinations.narratives.editor import copy_story
from destinations.store.stories import StoryStore

PAGE = Path(__file__).resolve().parents[2] / "pages" / "stories.py"
EVIL = "<script>alert(1)</script>"


@pytest.fixture
def db_url(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    monkeypatch.setenv("DESTINATIONS_DB_URL", url)
    return url


@pytest.fixture
def open_page(settings, db_url):
    """Factory: run the story page with optional query parameters."""

    def make(**query: str) -> AppTest:
        at = AppTest.from_file(str(PAGE), default_timeout=120)
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
        assert not at.exception, at.exception
        return at

    return make


def _texts(at: AppTest) -> str:
    parts = [str(e.value) for kind in ("markdown", "caption", "subheader", "text", "info",
                                       "warning", "error", "success") for e in getattr(at, kind)]
    return "\n".join(parts)


def test_default_view_and_deep_link_written(open_page):
    at = open_page()
    assert at.selectbox(key="stories.story").value == "wadden-sea"
    assert at.selectbox(key="stories.step").value == "blaavandshuk-fyr"
    assert at.button(key="stories.prev").disabled
    assert at.query_params["story"] == "wadden-sea"
    assert at.query_params["scenario"] == "today"
    assert "?story=wadden-sea&step=blaavandshuk-fyr&scenario=today" in at.code[0].value


def test_deep_link_opens_the_step(open_page):
    at = open_page(story="royal-castles", step="nyborg-slot")
    assert at.subheader[0].value.replace("\\", "") == "Nyborg Slot: the medieval royal castle"
    # The data note is in the step's facts box, apart from the prose.
    assert any("Nyborg Slot: castle/palace in Nyborg Municipality." in t.value for t in at.text)
    companies = {m.label: m.value for m in at.metric}
    assert companies["Companies spanned"] == "6"


def test_bad_deep_link_falls_back_with_a_message(open_page):
    at = open_page(story="atlantis", scenario="nowhere")
    body = _texts(at)
    assert "no story 'atlantis'" in body and "no saved scenario 'nowhere'" in body
    assert at.selectbox(key="stories.story").value == "wadden-sea"


def test_next_and_previous_move_through_steps(open_page):
    at = open_page(story="bornholm")
    at.button(key="stories.next").click().run()
    assert at.selectbox(key="stories.step").value == "helligdomsklipperne-bornholms-kunstmuseum"
    assert at.query_params["step"] == "helligdomsklipperne-bornholms-kunstmuseum"
    assert "Step 2 of 7" in _texts(at)
    at.button(key="stories.prev").click().run()
    assert at.selectbox(key="stories.step").value == "hammershus"


def test_switching_story_starts_at_its_first_step(open_page):
    at = open_page(story="bornholm", step="svaneke")
    at.selectbox(key="stories.story").set_value("limfjord").run()
    assert at.selectbox(key="stories.step").value == "utzon-center"


def test_danish_texts(open_page):
    at = open_page(story="bornholm", lang="da")
    assert any("Hammershus: kulturarv i Bornholm Kommune." in t.value for t in at.text)
    assert "Trin 1 af 7" in _texts(at)


def test_coherence_panel_names_who_must_cooperate(open_page):
    at = open_page(story="energy-esbjerg")
    body = _texts(at)
    assert "Must cooperate to tell this story" in body and "Destination Vadehavskysten" in body
    assert "no destination company: Samsø" in body  # Samsø is unaffiliated today
    assert {m.label: m.value for m in at.metric}["Effective splits (every place equal)"] == "3.00"


def test_single_company_story(open_page):
    at = open_page(story="bornholm")
    assert "within one company" in _texts(at)


def test_exports_are_offered(open_page):
    at = open_page(story="limfjord")
    assert at.get("download_button")[0].key == "stories.export.html"
    assert {b.key for b in at.get("download_button")} >= {"stories.export.html",
                                                           "stories.export.json"}


def test_edit_copy_escape_markup_and_save_versions(open_page):
    at = open_page(story="bornholm")
    at.button(key="stories.edit.start").click().run()
    assert at.session_state["stories.draft"].id == "bornholm-copy"
    at.text_input(key="stories.edit.title_en").set_value(EVIL)
    at.button(key="stories.edit.step_apply").click().run()
    assert not at.exception
    assert any("markup" in w.value for w in at.warning)
    at.button(key="stories.edit.save").click().run()
    assert any("version 1" in s.value for s in at.success)
    # The saved story is now shown, its title escaped (never rendered as HTML).
    assert at.selectbox(key="stories.story").value == "bornholm-copy"
    assert "<script>" not in at.subheader[0].value
    assert at.subheader[0].value.replace("\\", "") == EVIL
    at.button(key="stories.edit.save").click().run()
    assert any("version 2" in s.value for s in at.success)


def test_save_conflict_is_reported(open_page, base, db_url):
    at = open_page(story="bornholm")
    at.button(key="stories.edit.start").click().run()
    # Someone else saves the same id first.
    store = StoryStore(db_url, base=base)
    story = copy_story(builtin_narratives(base)[2], [])
    assert story.id == "bornholm-copy"
    store.save(story, base_version=None)
    at.button(key="stories.edit.save").click().run()
    assert any("already exists" in e.value for e in at.error)


def test_reorder_add_and_delete_steps(open_page):
    at = open_page(story="limfjord")
    at.button(key="stories.edit.start").click().run()
    first = [s.id for s in at.session_state["stories.draft"].steps]
    at.button(key="stories.edit.down").click().run()
    moved = [s.id for s in at.session_state["stories.draft"].steps]
    assert moved[:2] == [first[1], first[0]] and at.session_state["stories.edit.step"] == 1
    at.multiselect(key="stories.edit.add_places").set_value(["hammershus"]).run()
    at.button(key="stories.edit.add").click().run()
    steps = at.session_state["stories.draft"].steps
    assert steps[2].id == "hammershus" and "Hammershus" in steps[2].facts.en
    at.button(key="stories.edit.delete").click().run()
    assert "hammershus" not in [s.id for s in at.session_state["stories.draft"].steps]


def test_new_story_from_picked_attractions(open_page):
    at = open_page()
    at.text_input(key="stories.new.title_en").set_value("Castles north")
    at.multiselect(key="stories.new.attractions").set_value(["kronborg-slot", "rosenborg-slot"])
    at.button(key="stories.new.create").click().run()
    draft = at.session_state["stories.draft"]
    assert draft.id == "castles-north" and [s.id for s in draft.steps] == ["kronborg-slot",
                                                                             "rosenborg-slot"]
    assert "The draft is valid." in _texts(at)


def test_upload_with_unknown_attraction_gives_a_clear_error(open_page):
    at = open_page()
    bad = {"id": "bad", "theme": "t", "title": {"en": "Bad", "da": "Dårlig"},
           "steps": [{"id": "s", "title": {"en": "S", "da": "S"}, "body": {"en": "", "da": ""},
                      "attractions": ["atlantis"]}]}
    at.file_uploader(key="stories.upload").set_value(
        ("bad.json", json.dumps(bad).encode(), "application/json")).run()
    assert not at.exception
    assert any("unknown attraction" in e.value and "atlantis" in e.value for e in at.error)
    at.file_uploader(key="stories.upload").set_value(
        ("broken.json", b"{not json", "application/json")).run()
    assert any("not valid JSON" in e.value for e in at.error)


def test_saved_scenario_from_the_store_changes_the_panel(open_page, base, db_url):
    from destinations.scenarios.scenario import Scenario
    from destinations.store import ScenarioStore

    plan = Scenario.from_base(base).copy("Samsø joins Aarhus").move("741", "visitaarhus")
    ScenarioStore(db_url, codes=base.codes).save(plan, base_version=None)
    at = open_page(story="energy-esbjerg", scenario=plan.id)
    assert at.selectbox(key="stories.scenario").value == plan.id
    assert "no destination company" not in "\n".join(w.value for w in at.warning)
    assert at.query_params["scenario"] == plan.id
