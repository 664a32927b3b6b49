"""The scenario editor's sidebar panels: the store (save, open, versions, trash) and import/export."""

from __future__ import annotations

import streamlit as st

from destinations.scenarios.metrics import EvaluationContext
from destinations.scenarios.scenario import Scenario
from destinations.ui import scenario_actions as actions
from destinations.ui.frame import Page
from destinations.ui.scenario_state import PLAN_PARAM, store, store_problem
from destinations.ui.scenario_views import saved_heads, version_labels


def store_panel(page: Page, base, scenario: Scenario, version: int | None) -> None:
    """Save (or save a copy of) the open plan, open a saved one, restore a version, undelete."""
    st.subheader(page.t("store.title"))
    saved_store = store()
    if saved_store is None:
        st.warning(f"{page.t('store.unavailable')}: {store_problem()}")
    else:
        st.text_input(page.t("store.name"), value=scenario.name, max_chars=80, key="scenarios.name")
        save_col, copy_col = st.columns(2)
        save_col.button(page.t("store.save"), key="scenarios.save", on_click=actions.on_save,
                        args=(page,), type="primary")
        copy_col.button(page.t("store.save_copy"), key="scenarios.save_copy",
                        on_click=actions.on_save, args=(page,), kwargs={"as_copy": True})
        heads = saved_heads(saved_store)
        if heads:
            st.selectbox(page.t("store.open"), list(heads), format_func=heads.get, index=None,
                         key="scenarios.open")
            st.button(page.t("store.open.button"), key="scenarios.open.button",
                      on_click=actions.on_open)
        else:
            st.caption(page.t("store.none"))
        if version:
            versions = version_labels(saved_store, scenario.id)
            st.selectbox(page.t("store.versions"), list(versions), format_func=versions.get,
                         key="scenarios.version")
            st.button(page.t("store.restore_version"), key="scenarios.restore",
                      on_click=actions.on_restore_version)
            st.button(page.t("store.delete"), key="scenarios.delete", on_click=actions.on_delete,
                      args=(page,))
        trash = saved_heads(saved_store, deleted=True)
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


def io_panel(page: Page, base, ctx: EvaluationContext, link: str) -> None:
    """Import a plan file; download the plan (CSV, GeoJSON, GeoPackage); the share link."""
    st.subheader(page.t("io.title"))
    st.file_uploader(page.t("io.import"), type=["csv", "txt"], key="scenarios.import",
                     on_change=actions.on_import, args=(page, base))
    st.download_button(page.t("io.csv"), actions.csv_bytes(base), file_name="plan.csv",
                       mime="text/csv", key="scenarios.csv")
    st.download_button(page.t("io.geojson"), actions.deferred_export(base, ctx, "geojson"),
                       file_name="companies.geojson", mime="application/geo+json",
                       key="scenarios.geojson")
    st.download_button(page.t("io.gpkg"), actions.deferred_export(base, ctx, "gpkg"),
                       file_name="companies.gpkg", mime="application/geopackage+sqlite3",
                       key="scenarios.gpkg")
    st.caption(page.t("io.share"))
    st.code(f"?{PLAN_PARAM}={link}", language=None, wrap_lines=True)
