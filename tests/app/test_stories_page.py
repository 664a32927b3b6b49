"""AppTest for the story page: deep links, step navigation, coherence panel, editor, exports.

The page's store is a fresh SQLite file per test (``DESTINATIONS_DB_URL``), never the user's.
"""

from __future__ import annotations

import io
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from streamlit.testing.v1 import AppTest

from destinations.narratives import LocalText, builtin_narratives
from destinations.narratives.editor import copy_story
from destinations.store.images import ImageStore
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
    parts = [str(e.value) for kind in ("markdown", "caption", "header", "subheader", "text", "info",
                                       "warning", "error", "success") for e in getattr(at, kind)]
    return "\n".join(parts)


def _plain(text: str) -> str:
    """Markdown-escaped text as the reader sees it (the zero-width space that keeps addresses from
    becoming links is invisible)."""
    return text.replace("\\", "").replace("\u200b", "")


def _facts_box(at: AppTest) -> str:
    return "\n".join(_plain(c.value) for c in at.caption if c.value.startswith("- "))


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
    assert _plain(at.subheader[0].value) == "Nyborg Slot: the medieval royal castle"
    # The data note is in the step's facts box, apart from the prose.
    assert "Nyborg Slot: castle/palace in Nyborg Municipality." in _facts_box(at)
    companies = {m.label: m.value for m in at.metric}
    assert companies["Companies spanned"] == "6"


def test_bad_deep_link_falls_back_with_a_message(open_page):
    at = open_page(story="atlantis", scenario="nowhere")
    body = _texts(at)
    assert "no story “atlantis”" in body and "no saved scenario “nowhere”" in body
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
    assert "Hammershus: kulturarv i Bornholm Kommune." in _facts_box(at)
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
    assert steps[2].body == LocalText("", "")  # a new step starts with empty prose
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


# ------------------------------------------------------------------------ the story as told
def test_intro_and_facts_box_shown_without_a_draft_label(open_page, base):
    story = next(s for s in builtin_narratives(base) if s.id == "viking-denmark")
    at = open_page(story="viking-denmark", step="aggersborg-viking-ring-fortress-unesco")
    assert _plain(at.header[0].value) == story.title.en
    assert any(story.intro.en[:60] in _plain(m.value) for m in at.markdown)
    step = story.step("aggersborg-viking-ring-fortress-unesco")
    # The prose is the text; the data notes are in the facts box, line by line.
    assert any(step.body.en[:60] in _plain(m.value) for m in at.markdown)
    box = _facts_box(at)
    assert all(line in box for line in step.fact_lines("en"))
    assert "Visitors: not published in the sources used." in box
    assert "Facts and sources" in _texts(at)
    assert "Draft text generated" not in _texts(at)


def test_danish_intro_and_facts(open_page, base):
    story = next(s for s in builtin_narratives(base) if s.id == "hc-andersen")
    at = open_page(story="hc-andersen", lang="da")
    assert _plain(at.header[0].value) == story.title.da
    assert any(story.intro.da[:60] in _plain(m.value) for m in at.markdown)
    assert story.steps[0].fact_lines("da")[0] in _facts_box(at)


def test_coherence_says_how_places_are_weighed_and_each_companys_part(open_page):
    at = open_page(story="viking-denmark")
    captions = [_plain(c.value) for c in at.caption]
    assert any(c.startswith("Shares give every place the same weight: only 2 of 14 places")
               for c in captions)
    labels = {m.label for m in at.metric}
    assert "Effective splits (visitor-weighted)" not in labels  # the shares are not
    assert "Effective splits (every place equal)" in labels
    table = next(d.value for d in at.dataframe if "Their part" in d.value.columns)
    part = table.set_index("Destination company").loc["Destination Fjordlandet", "Their part"]
    assert part.startswith("Destination Fjordlandet holds 3 of 12 steps, including")
    assert "0.0 %" not in table["Share of the story"].tolist()


# ------------------------------------------------------------------------ pictures
def _photo(colour=(40, 110, 170)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (320, 200), colour).save(out, format="JPEG")
    return out.getvalue()


def test_picture_without_alternative_text_is_refused_then_added_saved_and_shown(open_page, db_url):
    at = open_page(story="bornholm")
    at.button(key="stories.edit.start").click().run()
    at.file_uploader(key="stories.media.file.0").set_value(("hammershus.jpg", _photo(),
                                                            "image/jpeg"))
    at.text_input(key="stories.media.credit").set_value("Jane Doe")
    at.button(key="stories.media.add").click().run()
    assert not at.exception
    assert any("not added" in e.value and "alternative text" in e.value for e in at.error)
    assert at.session_state["stories.draft"].steps[0].media == ()
    assert ImageStore(db_url).stored([]) == {}
    # With a description the picture is stored and added to the step.
    at.text_input(key="stories.media.alt").set_value("The ruin of Hammershus on its cliff")
    at.text_input(key="stories.media.licence").set_value("CC BY 4.0")
    at.button(key="stories.media.add").click().run()
    assert any("Picture added to step 1" in s.value for s in at.success)
    media = at.session_state["stories.draft"].steps[0].media
    assert len(media) == 1 and media[0].alt == "The ruin of Hammershus on its cliff"
    assert ImageStore(db_url).get_image(media[0].image.sha256) is not None
    at.button(key="stories.edit.save").click().run()
    assert any("version 1" in s.value for s in at.success)
    # The saved story shows the picture with its alternative text and credit.
    assert at.selectbox(key="stories.story").value == "bornholm-copy"
    shown = [img.proto.imgs[0] for img in at.get("image")]
    assert any(i.alt == "The ruin of Hammershus on its cliff" and "Jane Doe" in i.caption
               and "CC BY 4\\.0" in i.caption for i in shown)


def test_a_renamed_text_file_is_refused_as_a_picture(open_page, db_url):
    at = open_page(story="bornholm")
    at.button(key="stories.edit.start").click().run()
    at.file_uploader(key="stories.media.file.0").set_value(
        ("photo.jpg", b"<svg onload=alert(1)>", "image/jpeg"))
    at.text_input(key="stories.media.alt").set_value("A picture")
    at.button(key="stories.media.add").click().run()
    assert any("not added" in e.value and "markup" in e.value for e in at.error)
    assert at.session_state["stories.draft"].steps[0].media == ()


# ------------------------------------------------------------------------ exports
def test_pdf_download_offered(open_page):
    pytest.importorskip("playwright")
    from destinations.narratives.pdf import find_chromium

    if find_chromium() is None:
        pytest.skip("no Chromium (apt-get install chromium)")
    at = open_page(story="bornholm")
    assert at.button(key="stories.export.pdf.make")
    at.button(key="stories.export.pdf.make").click().run()
    assert not at.exception and not at.error
    keys = {b.key for b in at.get("download_button")}
    assert {"stories.export.html", "stories.export.pdf", "stories.export.json"} <= keys
    assert any("The PDF is ready" in c.value and "A4 pages" in c.value for c in at.caption)
    # Another step of the same story keeps the PDF; another story needs a new one.
    at.selectbox(key="stories.story").set_value("limfjord").run()
    assert "stories.export.pdf" not in {b.key for b in at.get("download_button")}


def test_pdf_failure_is_a_clear_message(open_page, monkeypatch):
    monkeypatch.setenv("DESTINATIONS_CHROMIUM", "/nonexistent/chromium")
    monkeypatch.setattr("destinations.narratives.pdf.DEFAULT_CHROMIUM", "/nonexistent/chromium")
    monkeypatch.setattr("shutil.which", lambda name: None)
    at = open_page(story="bornholm")
    at.button(key="stories.export.pdf.make").click().run()
    assert not at.exception
    assert any("The PDF could not be made" in e.value and "Chromium" in e.value for e in at.error)


# ------------------------------------------------------------------------ suggestions
def test_a_suggestion_opens_as_a_draft_with_facts_and_no_prose(open_page):
    at = open_page()
    assert "Suggested cross-border stories" in _texts(at)
    at.button(key="stories.suggest.open.0").click().run()
    draft = at.session_state["stories.draft"]
    assert draft.origin == "user" and len(draft.steps) >= 3
    assert all(s.body == LocalText("", "") and s.facts.en for s in draft.steps)
    assert any("open as a draft in the Editor tab" in s.value for s in at.success)
    assert "The draft is valid." in _texts(at)


# ------------------------------------------------------------------------ store outages
@pytest.fixture
def unreachable_store(settings, tmp_path, monkeypatch):
    """DESTINATIONS_DB_URL points into a 'folder' that is a plain file: the store cannot open."""
    (tmp_path / "blocked").write_text("a file, not a folder")
    monkeypatch.setenv("DESTINATIONS_DB_URL", f"sqlite:///{tmp_path / 'blocked' / 'store.sqlite'}")
    return tmp_path


def test_store_down_keeps_the_built_in_stories_with_one_message(unreachable_store, base):
    at = AppTest.from_file(str(PAGE), default_timeout=120)
    at.query_params["story"] = "limfjord"
    at.run()
    assert not at.exception
    assert at.selectbox(key="stories.story").options == [s.title.en + " · built-in"
                                                         for s in builtin_narratives(base)]
    assert at.selectbox(key="stories.story").value == "limfjord"
    messages = [w.value for w in at.warning] + [e.value for e in at.error]
    assert len(messages) == 1 and "cannot be reached right now" in messages[0]
    assert str(unreachable_store) not in messages[0] and "Traceback" not in messages[0]
    at.button(key="stories.next").click().run()
    assert at.selectbox(key="stories.step").index == 1 and not at.exception
    at.button(key="stories.edit.start").click().run()
    assert at.button(key="stories.edit.save").disabled
    assert not at.exception
    # The store comes back: the next run finds it, without a restart.
    (unreachable_store / "blocked").unlink()
    from destinations.ui import data

    data._store_problem.clear()  # the health answer is otherwise reused for 20 s
    at.run()
    assert not at.warning and not at.button(key="stories.edit.save").disabled


def test_a_save_while_the_store_is_down_says_nothing_was_saved(settings, tmp_path, monkeypatch,
                                                               base):
    folder = tmp_path / "stores"
    url = f"sqlite:///{folder / 'store.sqlite'}"
    monkeypatch.setenv("DESTINATIONS_DB_URL", url)
    at = AppTest.from_file(str(PAGE), default_timeout=120)
    at.query_params["story"] = "bornholm"
    at.run()
    at.button(key="stories.edit.start").click().run()
    # The database goes away under the running app (its folder replaced by a plain file).
    shutil.rmtree(folder)
    folder.write_text("not a folder")
    at.button(key="stories.edit.save").click().run()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert any(e.startswith("Nothing was saved") and "not reachable" in e for e in errors)
    assert at.session_state["stories.draft"].id == "bornholm-copy"  # the draft is kept
    assert all(str(tmp_path) not in e for e in errors)


# ------------------------------------------------------------------------ markup stays text
LINK = "[Log in again](https://evil.example/login)"


def test_markup_in_a_saved_title_and_in_the_url_is_shown_as_text(open_page, base, db_url):
    story = copy_story(builtin_narratives(base)[2], [])
    evil = replace(story, id="evil-story", title=LocalText(LINK + " **bold**", EVIL),
                   intro=LocalText("![x](https://evil.example/pixel.png) " + EVIL, ""),
                   steps=(replace(story.steps[0], title=LocalText(LINK, LINK)),) + story.steps[1:])
    StoryStore(db_url, base=base).save(evil, base_version=None)
    at = open_page(story="evil-story")
    assert _plain(at.header[0].value) == LINK + " **bold**"
    assert "](" not in at.header[0].value  # the brackets are escaped: no link
    assert _plain(at.subheader[0].value) == LINK
    intro = next(m.value for m in at.markdown if "evil.example/pixel" in _plain(m.value))
    assert "![" not in intro and "<script>" not in intro and _plain(intro).startswith("![x](")
    at = open_page(story=LINK + "x" * 200)
    warning = at.warning[0].value
    assert "](" not in warning and "evil\\.example" in warning and "x" * 100 not in warning


def test_editor_writes_introduction_and_facts_and_refreshes_only_the_facts(open_page, base):
    at = open_page(story="limfjord")
    at.button(key="stories.edit.start").click().run()
    at.text_area(key="stories.edit.intro_en").set_value("For cyclists in May.")
    at.text_area(key="stories.edit.intro_da").set_value("For cyklister i maj.")
    at.button(key="stories.edit.meta_apply").click().run()
    assert at.session_state["stories.draft"].intro == LocalText("For cyclists in May.",
                                                                "For cyklister i maj.")
    original = at.session_state["stories.draft"].steps[0]
    at.text_area(key="stories.edit.body_en").set_value("Our own words.")
    at.text_area(key="stories.edit.facts_en").set_value("A fact we added (our survey, 2024).")
    at.button(key="stories.edit.step_apply").click().run()
    step = at.session_state["stories.draft"].steps[0]
    assert step.body.en == "Our own words." and step.facts.en == "A fact we added (our survey, 2024)."
    assert at.button(key="stories.edit.redraft").label == "Refresh facts from data"
    at.button(key="stories.edit.redraft").click().run()
    step = at.session_state["stories.draft"].steps[0]
    assert step.body.en == "Our own words."  # the prose stays
    # The facts box is drawn from the data again (the line added by hand is gone).
    assert "A fact we added" not in step.facts.en
    assert step.fact_lines("en")[:2] == original.fact_lines("en")[:2]
    assert at.text_area(key="stories.edit.facts_en").value == step.facts.en
