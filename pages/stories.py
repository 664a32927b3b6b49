"""Shared stories: step through story maps, see which companies a story spans, find new ones, edit,
export."""

import streamlit as st

from destinations.ui import data
from destinations.ui import stories as ui
from destinations.ui import story_editor
from destinations.ui.frame import data_errors, start_page
from destinations.ui.stories_text import TEXT

page = start_page(TEXT, "stories.title")
st.caption(page.t("stories.intro"))

with data_errors(page):
    base = data.base()
    shelf = ui.library()
by_id = shelf.by_id
ui.store_notice(page, shelf)
for note in ui.init_state(page, shelf.stories, shelf.scenario_options):
    st.warning(note)

with st.sidebar:
    st.selectbox(page.t("stories.story"), options=list(by_id), key=ui.STORY_KEY,
                 on_change=ui.reset_step, format_func=lambda i: ui.story_label(page, by_id[i]))
    st.selectbox(page.t("stories.scenario"), options=shelf.scenario_options, key=ui.SCENARIO_KEY,
                 format_func=lambda i: ui.scenario_label(page, shelf.scenario_names, i))
    show_tiles = st.toggle(page.t("stories.tiles"), value=False, key="stories.tiles")

story = by_id[st.session_state[ui.STORY_KEY]]
view = ui.story_view(page, base, story)

tab_story, tab_coherence, tab_suggest, tab_editor, tab_export = st.tabs(
    [page.t("stories.tab.story"), page.t("stories.tab.coherence"), page.t("stories.tab.suggest"),
     page.t("stories.tab.editor"), page.t("stories.tab.export")])

with tab_story:
    ui.story_header(view)
    map_col, text_col = st.columns([3, 2], gap="medium")
    with text_col:
        st.selectbox(page.t("stories.step"), options=[s.id for s in story.steps], key=ui.STEP_KEY,
                     format_func=lambda i: ui.step_label(page, story, i))
        index = story.step_index(st.session_state[ui.STEP_KEY])
        prev_col, next_col = st.columns(2)
        prev_col.button(page.t("stories.prev"), key="stories.prev", on_click=ui.go_step,
                        args=(story, -1), disabled=index == 0, width="stretch")
        next_col.button(page.t("stories.next"), key="stories.next", on_click=ui.go_step,
                        args=(story, 1), disabled=index == len(story.steps) - 1,
                        width="stretch")
        ui.step_text(view)
    with map_col:
        ui.step_map(view, tiles=show_tiles)

with tab_coherence:
    ui.coherence_tab(view, shelf.stories)

with tab_suggest:
    ui.suggestions_tab(view, shelf.stories)

with tab_editor:
    story_editor.editor_tab(page, base, story, list(by_id), shelf.saved_versions, shelf.problems,
                            store_down=bool(shelf.store_error))

with tab_export:
    ui.export_tab(view)
