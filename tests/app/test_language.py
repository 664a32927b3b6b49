"""The language outlives a page switch: chosen on one page, kept on the next and in its URL."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from destinations.ui.frame import LANG_PARAM, SWITCH_KEY
from tests.app.conftest import ROOT


def test_danish_chosen_on_the_map_stays_on_the_next_page(settings):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert at.title[0].value == "Denmark's destination companies"
    at.segmented_control(key=SWITCH_KEY).set_value("da").run()
    assert at.title[0].value == "Danmarks destinationsselskaber"
    assert at.query_params[LANG_PARAM] == "da"

    # A click in the sidebar: another page, and a URL without the query string.
    for key in list(at.query_params):
        del at.query_params[key]
    at.switch_page("pages/data.py").run()
    assert not at.exception
    assert at.title[0].value == "Data og kilder"
    assert at.segmented_control(key=SWITCH_KEY).value == "da"
    assert at.query_params[LANG_PARAM] == "da"

    at.segmented_control(key=SWITCH_KEY).set_value("en").run()
    assert at.title[0].value == "Data & sources"
    assert LANG_PARAM not in at.query_params


def test_a_shared_danish_link_opens_in_danish(page_test):
    at = page_test("pages/data.py", query={LANG_PARAM: "da"})
    assert at.title[0].value == "Data og kilder"
    assert at.segmented_control(key=SWITCH_KEY).value == "da"
