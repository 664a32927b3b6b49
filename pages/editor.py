"""Scenario editor: move municipalities between companies on the map and watch the metrics."""

import streamlit as st
from streamlit_folium import st_folium

from destinations.i18n import COMMON
from destinations.ui import data
from destinations.ui import scenarios as ui
from destinations.ui.frame import data_errors, start_page
from destinations.ui.scenario_text import TEXT

page = start_page({**COMMON, **TEXT}, "editor.title")
st.caption(page.t("editor.intro"))

with data_errors(page):
    base = data.base()
    ctx = ui.context(**ui.assumptions(page, "scenarios"))
    ui.init_state(page, base)
    result, previous = ui.evaluation(ctx)
link = ui.sync_link()
scenario = ui.current()
history = ui.history()
names = scenario.names

ui.show_message()
version = ui.saved_version()
head_left, undo_col, redo_col = st.columns([6, 1, 1], vertical_alignment="bottom")
head_left.markdown(f"**{page.t('editor.scenario')}:** {ui.md(scenario.name)} · "
                   + (page.t("editor.version", version=version) if version else page.t("editor.unsaved")))
undo_col.button(page.t("editor.undo"), key="scenarios.undo", on_click=ui.on_undo,
                disabled=not history.can_undo, icon=":material/undo:", width="stretch")
redo_col.button(page.t("editor.redo"), key="scenarios.redo", on_click=ui.on_redo,
                disabled=not history.can_redo, icon=":material/redo:", width="stretch")

selected = st.session_state.get(ui.SELECTED_KEY)
offending = result.offending_municipalities()
map_col, panel_col = st.columns([3, 2], gap="medium")
with map_col:
    outlined = list(offending) + ([selected] if selected else [])
    fmap, colours = ui.plan_map(page, base, scenario, result=result, outlined=outlined)
    clicked = st_folium(fmap, key="scenarios.map", height=600, use_container_width=True,
                        returned_objects=["last_active_drawing"])
    ui.handle_map_click(clicked)
    ui.legend(page, scenario, colours, notes=[page.t("metrics.outlined"),
                                               page.t("metrics.leaky.legend")])

with panel_col:
    selected = st.session_state.get(ui.SELECTED_KEY)
    codes = list(scenario.codes)
    ui.sync_pick(selected)
    st.selectbox(page.t("editor.pick"), codes, index=None,
                 format_func=lambda c: f"{base.municipality_name(c)} ({c})",
                 placeholder=page.t("editor.pick.placeholder"), key="scenarios.pick",
                 on_change=ui.on_pick)
    if not selected:
        st.info(page.t("editor.hint"))
    else:
        now = scenario.company_of(selected)
        st.markdown(f"**{page.t('editor.now_in')}:** "
                    + (ui.md(names[now]) if now else ui.md(page.t("unaffiliated")))
                    + (f" · :lock: {page.t('editor.locked')}" if scenario.is_locked(now) else ""))
        options = [cid for cid, _ in scenario.company_names] + [ui.NONE, ui.NEW]
        labels = {**names, ui.NONE: page.t("unaffiliated"), ui.NEW: page.t("editor.new_company")}
        target = st.selectbox(page.t("editor.move_to"), options, format_func=labels.get,
                              key="scenarios.move_to")
        if target == ui.NEW:
            st.text_input(page.t("editor.new_company_name"), max_chars=80, key="scenarios.new_name")
        st.button(page.t("editor.assign"), key="scenarios.move", type="primary",
                  on_click=ui.on_move, args=(page, base))
    st.subheader(page.t("metrics.violations"))
    ui.render_violations(page, result, ctx)

with st.expander(page.t("editor.companies")):
    company_ids = [cid for cid, _ in scenario.company_names]
    if company_ids:
        cid = st.selectbox(page.t("editor.company"), company_ids, format_func=names.get,
                           key="scenarios.company")
        st.session_state[f"scenarios.lock.{cid}"] = scenario.is_locked(cid)
        st.toggle(page.t("editor.lock"), key=f"scenarios.lock.{cid}", on_change=ui.on_lock)
        rename_col, merge_col = st.columns(2)
        with rename_col:
            st.text_input(page.t("editor.rename"), max_chars=80, key="scenarios.rename")
            st.button(page.t("editor.rename.button"), key="scenarios.rename.button",
                      on_click=ui.on_rename)
        with merge_col:
            st.selectbox(page.t("editor.merge_with"), [c for c in company_ids if c != cid],
                         format_func=names.get, index=None, key="scenarios.merge_with")
            st.button(page.t("editor.merge.button"), key="scenarios.merge.button",
                      on_click=ui.on_merge)
        st.button(page.t("editor.dissolve.button"), key="scenarios.dissolve", on_click=ui.on_dissolve)

with st.expander(page.t("editor.table")):
    st.caption(page.t("editor.table.help"))
    unaffiliated = page.t("unaffiliated")
    st.data_editor(
        ui.assignment_frame(base, scenario, unaffiliated),
        column_config={
            "code": st.column_config.TextColumn(page.t("editor.table.code")),
            "municipality": st.column_config.TextColumn(page.t("editor.table.municipality")),
            "company": st.column_config.SelectboxColumn(
                page.t("editor.table.company"), options=list(names.values()) + [unaffiliated],
                required=True),
        },
        disabled=["code", "municipality"], hide_index=True, height=320,
        key=f"scenarios.table.{st.session_state.get(ui.TABLE_REVISION_KEY, 0)}")
    st.button(page.t("editor.table.apply"), key="scenarios.table.apply", on_click=ui.on_table_apply,
              args=(page, unaffiliated))

st.subheader(page.t("metrics.title"))
ui.render_plan_metrics(page, result, previous)
ui.kind_line(page, ctx)
per_company, leaky, themes = st.tabs([page.t("metrics.per_company"), page.t("metrics.leaky"),
                                      page.t("metrics.themes")])
per_company.dataframe(ui.company_table(page, result), hide_index=True)
leaky.dataframe(ui.leaky_table(page, base, result), hide_index=True)
themes.dataframe(ui.theme_table(page, result), hide_index=True)

with st.sidebar:
    st.subheader(page.t("store.title"))
    saved_store = ui.store()
    if saved_store is None:
        st.warning(f"{page.t('store.unavailable')}: {ui.store_problem()}")
    else:
        st.text_input(page.t("store.name"), value=scenario.name, max_chars=80, key="scenarios.name")
        save_col, copy_col = st.columns(2)
        save_col.button(page.t("store.save"), key="scenarios.save", on_click=ui.on_save,
                        args=(page,), type="primary")
        copy_col.button(page.t("store.save_copy"), key="scenarios.save_copy", on_click=ui.on_save,
                        args=(page,), kwargs={"as_copy": True})
        heads = ui.saved_heads(saved_store)
        if heads:
            st.selectbox(page.t("store.open"), list(heads), format_func=heads.get, index=None,
                         key="scenarios.open")
            st.button(page.t("store.open.button"), key="scenarios.open.button", on_click=ui.on_open)
        else:
            st.caption(page.t("store.none"))
        if version:
            versions = ui.version_labels(saved_store, scenario.id)
            st.selectbox(page.t("store.versions"), list(versions), format_func=versions.get,
                         key="scenarios.version")
            st.button(page.t("store.restore_version"), key="scenarios.restore",
                      on_click=ui.on_restore_version)
            st.button(page.t("store.delete"), key="scenarios.delete", on_click=ui.on_delete,
                      args=(page,))
        trash = ui.saved_heads(saved_store, deleted=True)
        if trash:
            st.selectbox(page.t("store.trash"), list(trash), format_func=trash.get,
                         key="scenarios.trash")
            st.button(page.t("store.undelete"), key="scenarios.undelete", on_click=ui.on_undelete)
    new_col, empty_col = st.columns(2)
    new_col.button(page.t("store.new_today"), key="scenarios.new_today", on_click=ui.on_new,
                   args=(base,), kwargs={"empty": False, "page": page})
    empty_col.button(page.t("store.new_empty"), key="scenarios.new_empty", on_click=ui.on_new,
                     args=(base,), kwargs={"empty": True, "page": page})

    st.subheader(page.t("io.title"))
    st.file_uploader(page.t("io.import"), type=["csv", "txt"], key="scenarios.import",
                     on_change=ui.on_import, args=(page, base))
    st.download_button(page.t("io.csv"), ui.csv_bytes(base), file_name="plan.csv",
                       mime="text/csv", key="scenarios.csv")
    st.download_button(page.t("io.geojson"), ui.deferred_export(base, ctx, "geojson"),
                       file_name="companies.geojson", mime="application/geo+json",
                       key="scenarios.geojson")
    st.download_button(page.t("io.gpkg"), ui.deferred_export(base, ctx, "gpkg"),
                       file_name="companies.gpkg", mime="application/geopackage+sqlite3",
                       key="scenarios.gpkg")
    st.caption(page.t("io.share"))
    st.code(f"?{ui.PLAN_PARAM}={link}", language=None, wrap_lines=True)
