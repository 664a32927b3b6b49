"""Scenario editor: select municipalities on the map, assign them to a company in one step, and
watch the metrics change against today's companies (or another plan) and the last step."""

import streamlit as st

from destinations.ui import data, editor
from destinations.ui import scenario_state as state
from destinations.ui import scenario_views as views
from destinations.ui.frame import data_errors, start_page
from destinations.ui.scenario_text import TEXT

page = start_page(TEXT, "editor.title")
st.caption(page.t("editor.intro"))

with data_errors(page):
    base = data.base()
    ctx = state.context(**views.assumptions(page, "scenarios"))
    state.init_state(page, base)

state.check_store()
with st.sidebar:
    editor.store_panel(page, base)
    editor.import_panel(page, base)
state.show_store_problem(page)


@st.fragment
def workbench() -> None:
    """Everything that changes with the plan or the selection: a click, an assignment or an undo
    reruns only this (the map stays mounted; only its plan layer is replaced)."""
    state.full_rerun_if_requested()
    link = state.sync_link()
    editor.top_bar(page, base, ctx, link)
    state.show_message()
    with data_errors(page):
        result, previous = state.evaluation(ctx)
    map_col, panel_col = st.columns([3, 2], gap="medium")
    with map_col:
        editor.map_panel(page, base, result)
    with panel_col:
        editor.assign_panel(page, base)
        ref, label = editor.metrics_panel(page, base, ctx, result, previous)
    st.subheader(page.t("metrics.violations"))
    views.render_violations(page, result, ctx)
    editor.details(page, base, ctx, result, ref, label, previous)


workbench()
