"""Scenario editor: move municipalities between companies on the map and watch the metrics."""

import streamlit as st
from streamlit_folium import st_folium

from destinations.ui import data, editor
from destinations.ui import scenario_actions as actions
from destinations.ui import scenario_state as state
from destinations.ui import scenario_views as views
from destinations.ui.escape import md
from destinations.ui.frame import data_errors, start_page
from destinations.ui.scenario_text import TEXT

page = start_page(TEXT, "editor.title")
st.caption(page.t("editor.intro"))

with data_errors(page):
    base = data.base()
    ctx = state.context(**views.assumptions(page, "scenarios"))
    state.init_state(page, base)
    result, previous = state.evaluation(ctx)
link = state.sync_link()
scenario = state.current()
history = state.history()
names = scenario.names

state.show_message()
version = state.saved_version()
head_left, undo_col, redo_col = st.columns([6, 1, 1], vertical_alignment="bottom")
head_left.markdown(f"**{page.t('editor.scenario')}:** {md(scenario.name)} · "
                   + (page.t("editor.version", version=version) if version else page.t("editor.unsaved")))
undo_col.button(page.t("editor.undo"), key="scenarios.undo", on_click=actions.on_undo,
                disabled=not history.can_undo, icon=":material/undo:", width="stretch")
redo_col.button(page.t("editor.redo"), key="scenarios.redo", on_click=actions.on_redo,
                disabled=not history.can_redo, icon=":material/redo:", width="stretch")

selected = st.session_state.get(state.SELECTED_KEY)
offending = result.offending_municipalities()
map_col, panel_col = st.columns([3, 2], gap="medium")
with map_col:
    outlined = list(offending) + ([selected] if selected else [])
    fmap, colours = views.plan_map(page, base, scenario, result=result, outlined=outlined)
    clicked = st_folium(fmap, key="scenarios.map", height=600, use_container_width=True,
                        returned_objects=["last_active_drawing"])
    state.handle_map_click(clicked)
    views.legend(page, scenario, colours, notes=[page.t("metrics.outlined"),
                                                 page.t("metrics.leaky.legend")])

with panel_col:
    selected = st.session_state.get(state.SELECTED_KEY)
    codes = list(scenario.codes)
    state.sync_pick(selected)
    st.selectbox(page.t("editor.pick"), codes, index=None,
                 format_func=lambda c: f"{base.municipality_name(c)} ({c})",
                 placeholder=page.t("editor.pick.placeholder"), key="scenarios.pick",
                 on_change=state.on_pick)
    if not selected:
        st.info(page.t("editor.hint"))
    else:
        now = scenario.company_of(selected)
        st.markdown(f"**{page.t('editor.now_in')}:** "
                    + (md(names[now]) if now else md(page.t("unaffiliated")))
                    + (f" · :lock: {page.t('editor.locked')}" if scenario.is_locked(now) else ""))
        options = [cid for cid, _ in scenario.company_names] + [state.NONE, state.NEW]
        labels = {**names, state.NONE: page.t("unaffiliated"), state.NEW: page.t("editor.new_company")}
        target = st.selectbox(page.t("editor.move_to"), options, format_func=labels.get,
                              key="scenarios.move_to")
        if target == state.NEW:
            st.text_input(page.t("editor.new_company_name"), max_chars=80, key="scenarios.new_name")
        st.button(page.t("editor.assign"), key="scenarios.move", type="primary",
                  on_click=actions.on_move, args=(page, base))
    st.subheader(page.t("metrics.violations"))
    views.render_violations(page, result, ctx)

with st.expander(page.t("editor.companies")):
    company_ids = [cid for cid, _ in scenario.company_names]
    if company_ids:
        cid = st.selectbox(page.t("editor.company"), company_ids, format_func=names.get,
                           key="scenarios.company")
        st.session_state[f"scenarios.lock.{cid}"] = scenario.is_locked(cid)
        st.toggle(page.t("editor.lock"), key=f"scenarios.lock.{cid}", on_change=actions.on_lock)
        rename_col, merge_col = st.columns(2)
        with rename_col:
            st.text_input(page.t("editor.rename"), max_chars=80, key="scenarios.rename")
            st.button(page.t("editor.rename.button"), key="scenarios.rename.button",
                      on_click=actions.on_rename)
        with merge_col:
            st.selectbox(page.t("editor.merge_with"), [c for c in company_ids if c != cid],
                         format_func=names.get, index=None, key="scenarios.merge_with")
            st.button(page.t("editor.merge.button"), key="scenarios.merge.button",
                      on_click=actions.on_merge)
        st.button(page.t("editor.dissolve.button"), key="scenarios.dissolve", on_click=actions.on_dissolve)

with st.expander(page.t("editor.table")):
    st.caption(page.t("editor.table.help"))
    unaffiliated = page.t("unaffiliated")
    st.data_editor(
        views.assignment_frame(base, scenario, unaffiliated),
        column_config={
            "code": st.column_config.TextColumn(page.t("editor.table.code")),
            "municipality": st.column_config.TextColumn(page.t("editor.table.municipality")),
            "company": st.column_config.SelectboxColumn(
                page.t("editor.table.company"), options=list(names.values()) + [unaffiliated],
                required=True),
        },
        disabled=["code", "municipality"], hide_index=True, height=320,
        key=f"scenarios.table.{st.session_state.get(state.TABLE_REVISION_KEY, 0)}")
    st.button(page.t("editor.table.apply"), key="scenarios.table.apply", on_click=actions.on_table_apply,
              args=(page, unaffiliated))

st.subheader(page.t("metrics.title"))
views.render_plan_metrics(page, result, previous)
views.kind_line(page, ctx)
per_company, leaky, themes = st.tabs([page.t("metrics.per_company"), page.t("metrics.leaky"),
                                      page.t("metrics.themes")])
per_company.dataframe(views.company_table(page, result), hide_index=True)
leaky.dataframe(views.leaky_table(page, base, result), hide_index=True)
themes.dataframe(views.theme_table(page, result), hide_index=True)

with st.sidebar:
    editor.store_panel(page, base, scenario, version)
    editor.io_panel(page, base, ctx, link)
