"""The scenario editor's panels: the top bar (save, save as, undo, redo, share and export), the map
with its selection and highlight, the assignment panel, the live metrics against a reference,
the details tabs, and the sidebar (saved scenarios, import).

The page runs the main area as one ``st.fragment``: a click on the map, an assignment or an undo
reruns only the fragment. The map is mounted once; each rerun replaces only its plan layer
(``st_folium(feature_group_to_add=...)``), so it neither flickers nor loses its view.
"""

from __future__ import annotations

import networkx as nx
import streamlit as st
from streamlit_folium import st_folium

from destinations.i18n import GAP
from destinations.maps import leaflet
from destinations.maps.scenario_maps import BoxSelect
from destinations.scenarios.metrics import Evaluation, EvaluationContext
from destinations.scenarios.scenario import Scenario
from destinations.ui import data
from destinations.ui import scenario_actions as actions
from destinations.ui import scenario_state as state
from destinations.ui import scenario_views as views
from destinations.ui.escape import md
from destinations.ui.frame import Page

MAP_KEY = "scenarios.map"
REFERENCE_KEY = "scenarios.reference"
NAME_FOR_KEY = "scenarios.name_for"
TODAY = "today"
MAP_HEIGHT = 600
#: The editor map's first view: all of Denmark, Bornholm included, beside the legend.
MAP_CENTER, MAP_ZOOM = (56.3, 11.3), 6.5


# ------------------------------------------------------------------------------ top bar
def top_bar(page: Page, base, ctx: EvaluationContext, link: str) -> None:
    """Scenario name, Save, Save as…, Undo, Redo, Share & export - above everything else."""
    scenario, history = state.current(), state.history()
    if st.session_state.get(NAME_FOR_KEY) != scenario.id:
        st.session_state[actions.NAME] = scenario.name
        st.session_state[NAME_FOR_KEY] = scenario.id
    name_col, save_col, copy_col, undo_col, redo_col, share_col = st.columns(
        [3.2, 1.3, 1.6, 1.35, 1.35, 2], vertical_alignment="bottom")
    version = state.saved_version()
    name_col.text_input(page.t("store.name"), max_chars=80, key=actions.NAME)
    save_col.button(page.t("store.save"), key="scenarios.save", type="primary",
                    icon=":material/save:", on_click=actions.on_save, args=(page,),
                    width="stretch")
    with copy_col.popover(page.t("store.save_as"), width="stretch"):
        st.text_input(page.t("store.copy_name"), max_chars=80, key=actions.COPY_NAME,
                      placeholder=page.t("store.copy_of", name=scenario.name))
        st.button(page.t("store.save_copy"), key="scenarios.save_copy", type="primary",
                  on_click=actions.on_save, args=(page,), kwargs={"as_copy": True})
    undo_col.button(page.t("editor.undo"), key="scenarios.undo", on_click=actions.on_undo,
                    disabled=not history.can_undo, icon=":material/undo:", width="stretch")
    redo_col.button(page.t("editor.redo"), key="scenarios.redo", on_click=actions.on_redo,
                    disabled=not history.can_redo, icon=":material/redo:", width="stretch")
    with share_col.popover(page.t("io.title"), width="stretch"):
        export_panel(page, base, ctx, link)
    st.caption(page.t("editor.version", version=version) if version else page.t("editor.unsaved"))


def export_panel(page: Page, base, ctx: EvaluationContext, link: str) -> None:
    """Download the plan (CSV, GeoJSON, GeoPackage); the share link."""
    st.download_button(page.t("io.csv"), actions.csv_bytes(base), file_name="plan.csv",
                       mime="text/csv", key="scenarios.csv")
    st.download_button(page.t("io.geojson"), actions.deferred_export(base, ctx, "geojson"),
                       file_name="companies.geojson", mime="application/geo+json",
                       key="scenarios.geojson")
    st.download_button(page.t("io.gpkg"), actions.deferred_export(base, ctx, "gpkg"),
                       file_name="companies.gpkg", mime="application/geopackage+sqlite3",
                       key="scenarios.gpkg")
    st.caption(page.t("io.share"))
    st.code(f"?{state.PLAN_PARAM}={link}", language=None, wrap_lines=True)


# ------------------------------------------------------------------------------ the map
@st.cache_resource(show_spinner=False)
def _points() -> dict[str, tuple[float, float]]:
    """A point inside each municipality (lat, lon): what a box selection tests."""
    display = data.display_geometry()
    return {code: (point.y, point.x) for code, point in
            zip(display["code"], display.geometry.representative_point())}


def search_options(page: Page, base, scenario: Scenario) -> dict[str, str]:
    """``{"c:<id>" | "m:<code>": label}`` for the search box: companies first, then municipalities."""
    members = scenario.companies()
    options = {f"c:{cid}": f"{name} · {page.t('editor.search.company', count=len(members[cid]))}"
               for cid, name in sorted(scenario.company_names, key=lambda c: c[1].casefold())
               if members[cid]}
    options.update({f"m:{code}": f"{base.municipality_name(code)} ({code})"
                    for code in sorted(scenario.codes, key=base.municipality_name)})
    return options


def on_map_event() -> None:
    """st_folium's on_change: it has just copied the map's value into :data:`MAP_KEY`."""
    state.handle_map_event(st.session_state.get(MAP_KEY))


def map_panel(page: Page, base, result: Evaluation) -> None:
    """Search, the map (selection, highlight, legend, box selection) and what its marks mean."""
    scenario = state.current()
    options = search_options(page, base, scenario)
    search_col, clear_col = st.columns([4, 1], vertical_alignment="bottom")
    search_col.selectbox(page.t("editor.search"), list(options), index=None,
                         format_func=options.get, placeholder=page.t("editor.search.placeholder"),
                         key=actions.SEARCH, on_change=actions.on_search)
    highlighted = state.highlight()
    clear_col.button(page.t("editor.highlight.clear"), key="scenarios.highlight.clear",
                     on_click=actions.on_clear_highlight, disabled=highlighted is None,
                     width="stretch")
    styles = views.company_styles(scenario, base, remember=True)
    layer = views.plan_layer_for(
        page, base, scenario, styles, result=result, selected=state.selection(),
        outlined=list(result.offending_municipalities()), highlight=highlighted,
        interactive=True, points=_points(), legend_hint=page.t("editor.legend.hint"),
        home=(MAP_CENTER, MAP_ZOOM))
    fmap = leaflet.OfflineMap(location=list(MAP_CENTER), zoom_start=MAP_ZOOM, zoom_snap=0.5,
                              control_scale=True)
    leaflet.FocusWithoutScroll().add_to(fmap)
    BoxSelect(page.t("editor.box")).add_to(fmap)
    out = st_folium(fmap, key=MAP_KEY, height=MAP_HEIGHT, use_container_width=True,
                    returned_objects=["last_active_drawing"], feature_group_to_add=layer,
                    on_change=on_map_event)
    if state.handle_map_event(out):  # a click the callback did not see: draw it now
        st.rerun(scope="fragment")
    st.caption(page.t("editor.map.help"))
    st.caption(page.t("metrics.outlined") + " " + page.t("metrics.leaky.legend"))


# ------------------------------------------------------------------------------ assignment
def target_options(page: Page, base, scenario: Scenario, chosen: list[str]) -> list[str]:
    """The company picker's options: the last company assigned to, then the companies bordering
    the selection, then the others by name; unaffiliated and a new company last."""
    members = scenario.companies()
    names = scenario.names
    last = st.session_state.get(state.LAST_TARGET_KEY)
    assignment = scenario.assignment
    near: set[str] = set()
    for code in chosen:
        for other in nx.all_neighbors(base.graph, code) if code in base.graph else ():
            if assignment.get(other):
                near.add(assignment[other])
        if assignment.get(code):
            near.add(assignment[code])
    ordered = sorted(names, key=lambda c: (c != last, c not in near, not members[c],
                                           names[c].casefold()))
    return ordered + [state.NONE, state.NEW]


def assign_panel(page: Page, base) -> None:
    """The selection (multiselect, add a whole company, clear) and one Assign for all of it."""
    scenario = state.current()
    chosen = state.selection()
    names = scenario.names
    st.session_state[actions.SELECTION_WIDGET] = chosen
    st.multiselect(page.t("editor.selection", count=len(chosen)), list(scenario.codes),
                   format_func=lambda c: f"{base.municipality_name(c)} ({c})",
                   key=actions.SELECTION_WIDGET, on_change=actions.on_selection_widget,
                   placeholder=page.t("editor.selection.placeholder"), wrap=True)
    if chosen:
        now: dict[str, int] = {}
        for code in chosen:
            company = scenario.company_of(code)
            label = names[company] if company else page.t("unaffiliated")
            now[label] = now.get(label, 0) + 1
        st.caption(f"{page.t('editor.now_in')}: "
                   + ", ".join(f"{md(label)} ({count})" for label, count in now.items())
                   + (f" · :lock: {page.t('editor.locked')}"
                      if any(scenario.is_locked(scenario.company_of(c)) for c in chosen) else ""))
    company_col, clear_col = st.columns([3, 1], vertical_alignment="bottom")
    members = scenario.companies()
    whole = [cid for cid, _ in sorted(scenario.company_names, key=lambda c: c[1].casefold())
             if members[cid]] + ([state.NONE] if scenario.unaffiliated() else [])
    company_col.selectbox(page.t("editor.add_company"), whole, index=None,
                          format_func=lambda c: names.get(c) or page.t("unaffiliated"),
                          placeholder=page.t("editor.add_company.placeholder"),
                          key=actions.ADD_COMPANY, on_change=actions.on_add_company)
    clear_col.button(page.t("editor.clear"), key="scenarios.clear", disabled=not chosen,
                     on_click=actions.on_clear_selection, width="stretch")
    options = target_options(page, base, scenario, chosen)
    labels = {**names, state.NONE: page.t("unaffiliated"), state.NEW: page.t("editor.new_company")}
    wanted = st.session_state.get(actions.ASSIGN_TO)
    if wanted not in options:
        last = st.session_state.get(state.LAST_TARGET_KEY)
        st.session_state[actions.ASSIGN_TO] = last if last in options else None
    target = st.selectbox(page.t("editor.move_to"), options, format_func=labels.get,
                          placeholder=page.t("editor.move_to.placeholder"), key=actions.ASSIGN_TO,
                          help=page.t("editor.move_to.help"))
    if target == state.NEW:
        st.text_input(page.t("editor.new_company_name"), max_chars=80, key=actions.NEW_NAME)
    st.button(page.t("editor.assign", count=len(chosen)), key="scenarios.assign", type="primary",
              icon=":material/arrow_forward:", disabled=not chosen or target is None,
              on_click=actions.on_assign, args=(page, base), width="stretch")


# ------------------------------------------------------------------------------ metrics
def reference_options(page: Page) -> dict[str, str]:
    """Plans to compare with: today's companies, and the saved scenarios (when the store answers)."""
    options = {TODAY: page.t("editor.reference.today")}
    options.update(state.from_store(lambda s: {h.key: h.name for h in s.list()}, {}))
    return options


def reference(page: Page, base, ctx: EvaluationContext, options: dict[str, str]
              ) -> tuple[Evaluation, str]:
    """(evaluation of the chosen reference, "vs <its name>")."""
    key = st.session_state.get(REFERENCE_KEY) or TODAY
    scenario = None
    if key != TODAY:
        saved = state.from_store(lambda s: s.load(key), None)
        scenario = saved.scenario if saved is not None else None
    if scenario is None:
        key, scenario = TODAY, Scenario.from_base(base)
    return state.evaluation_of(scenario, ctx), page.t("metrics.vs", name=options.get(key, key))


def metrics_panel(page: Page, base, ctx: EvaluationContext, result: Evaluation,
                  previous: Evaluation | None) -> tuple[Evaluation, str]:
    """The reference picker, the headline cards with their change against it, and the last step.
    Returns the reference's evaluation and its label ("vs …")."""
    options = reference_options(page)
    if st.session_state.get(REFERENCE_KEY) not in options:
        st.session_state[REFERENCE_KEY] = TODAY
    st.selectbox(page.t("editor.reference"), list(options), format_func=options.get,
                 key=REFERENCE_KEY)
    ref, label = reference(page, base, ctx, options)
    views.render_cards(page, result, ref, reference_label=label, columns=2)
    step = state.last_step()
    if step is not None and previous is not None:
        changes = views.step_changes(page, result, previous)
        st.markdown(f"**{page.t('metrics.last_step')}:** {views.describe_step(page, base, *step)}"
                    + ("  \n" + " · ".join(changes) if changes
                       else "  \n" + page.t("metrics.step.none")))
    return ref, label


def details(page: Page, base, ctx: EvaluationContext, result: Evaluation, ref: Evaluation,
            label: str, previous: Evaluation | None) -> None:
    """All metrics, per company, leaky borders, narratives, companies, and the table editor."""
    tabs = st.tabs([page.t("metrics.all"), page.t("metrics.per_company"), page.t("metrics.leaky"),
                    page.t("metrics.themes"), page.t("editor.companies"), page.t("editor.table"),
                    page.t("editor.sharing")])
    with tabs[0]:
        st.dataframe(views.plan_table(page, result, ref, previous, reference_label=label),
                     hide_index=True, width="stretch", placeholder=GAP)
        views.kind_line(page, ctx)
    tabs[1].dataframe(views.company_table(page, result), hide_index=True, placeholder=GAP)
    tabs[2].dataframe(views.leaky_table(page, base, result), hide_index=True, width="stretch", placeholder=GAP)
    tabs[3].dataframe(views.theme_table(page, result), hide_index=True, width="stretch", placeholder=GAP)
    with tabs[4]:
        companies_panel(page)
    with tabs[5]:
        table_panel(page, base)
    with tabs[6]:
        sharing_panel(page)


def sharing_panel(page: Page) -> None:
    """The collaboration widgets (destinations.ui.proposals): who may see a saved plan, its
    history, and "propose this change" against the plan the edits started from."""
    from destinations.errors import DestinationsError
    from destinations.ui import proposals as collab

    if state.store_down():
        st.caption(page.t("store.offline"))
        return
    history = state.history()
    scenario, origin = history.present, (history.past[0] if history.past else history.present)
    try:
        if state.saved_version() is not None:
            collab.visibility_selector(page, scenario.id, key="scenarios.visibility")
            collab.audit_panel(page, scenario.id, key="scenarios.audit")
        source = origin.id if origin.id == TODAY or state.saved_version() is not None else None
        if source is not None and origin.labels != scenario.labels:
            st.markdown(f"**{page.t('editor.propose')}**")
            collab.propose_edit(page, source, scenario, key="scenarios.propose")
        elif state.saved_version() is None:
            st.caption(page.t("editor.sharing.unsaved"))
    except DestinationsError as exc:
        st.caption(md(exc))


def companies_panel(page: Page) -> None:
    """Rename, lock, merge or dissolve a company."""
    scenario = state.current()
    names = scenario.names
    company_ids = [cid for cid, _ in scenario.company_names]
    if not company_ids:
        st.caption(page.t("editor.no_companies"))
        return
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
    st.button(page.t("editor.dissolve.button"), key="scenarios.dissolve",
              on_click=actions.on_dissolve)


def table_panel(page: Page, base) -> None:
    """The plan as a table whose company column can be edited."""
    scenario = state.current()
    st.caption(page.t("editor.table.help"))
    unaffiliated = page.t("unaffiliated")
    st.data_editor(
        views.assignment_frame(base, scenario, unaffiliated),
        column_config={
            "code": st.column_config.TextColumn(page.t("editor.table.code")),
            "municipality": st.column_config.TextColumn(page.t("editor.table.municipality")),
            "company": st.column_config.SelectboxColumn(
                page.t("editor.table.company"), options=list(scenario.names.values()) + [unaffiliated],
                required=True),
        },
        disabled=["code", "municipality"], hide_index=True, height=320,
        key=f"scenarios.table.{st.session_state.get(state.TABLE_REVISION_KEY, 0)}")
    st.button(page.t("editor.table.apply"), key="scenarios.table.apply",
              on_click=actions.on_table_apply, args=(page, unaffiliated))


# ------------------------------------------------------------------------------ sidebar
def store_panel(page: Page, base) -> None:
    """Open a saved plan, restore a version, delete and undelete; start anew."""
    from destinations.ui.scenario_views import saved_heads, version_labels

    st.subheader(page.t("store.title"))
    heads = state.from_store(saved_heads, None)
    if heads is None:
        st.caption(page.t("store.offline"))
    elif heads:
        st.selectbox(page.t("store.open"), list(heads), format_func=heads.get, index=None,
                     key="scenarios.open")
        st.button(page.t("store.open.button"), key="scenarios.open.button",
                  on_click=actions.on_open)
    else:
        st.caption(page.t("store.none"))
    if heads is not None and state.saved_version():
        versions = state.from_store(lambda s: version_labels(s, state.current().id), {})
        if versions:
            st.selectbox(page.t("store.versions"), list(versions), format_func=versions.get,
                         key="scenarios.version")
            st.button(page.t("store.restore_version"), key="scenarios.restore",
                      on_click=actions.on_restore_version)
            st.button(page.t("store.delete"), key="scenarios.delete", on_click=actions.on_delete,
                      args=(page,))
    trash = state.from_store(lambda s: saved_heads(s, deleted=True), {}) if heads is not None else {}
    if trash:
        st.selectbox(page.t("store.trash"), list(trash), format_func=trash.get,
                     key="scenarios.trash")
        st.button(page.t("store.undelete"), key="scenarios.undelete",
                  on_click=actions.on_undelete)
    new_col, empty_col = st.columns(2)
    new_col.button(page.t("store.new_today"), key="scenarios.new_today", on_click=actions.on_new,
                   args=(base,), kwargs={"empty": False, "page": page})
    empty_col.button(page.t("store.new_empty"), key="scenarios.new_empty", on_click=actions.on_new,
                     args=(base,), kwargs={"empty": True, "page": page})


def import_panel(page: Page, base) -> None:
    st.subheader(page.t("io.import.title"))
    st.file_uploader(page.t("io.import"), type=["csv", "txt"], key="scenarios.import",
                     on_change=actions.on_import, args=(page, base))
