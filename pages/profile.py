"""Destination profile: one company of any scenario through its data (map, reasons to go,
overnights, capacity, comparison, cross-border day trips, character, stories)."""

import streamlit as st
from streamlit_folium import st_folium

from destinations.ui import data
from destinations.ui import profile as ui
from destinations.ui.escape import md
from destinations.ui.frame import data_errors, start_page
from destinations.ui.profile_text import TEXT
from destinations.ui.season_text import SHARED
from destinations.ui.url_state import bad_param_warnings

page = start_page({**SHARED, **TEXT}, "profile.title")
st.caption(page.t("profile.intro"))

with data_errors(page):
    base = data.base()
    years = data.years()
scenario_names, store_problem = data.scenario_choices()
scenario_names[data.TODAY] = page.t("scenario.today")
notes = ui.init_choices(scenario_names, years)
with data_errors(page):
    scenario, load_problem = data.scenario_for("profile.scenario")
if store_problem or load_problem:
    st.warning(page.t("store.down", problem=md(store_problem or load_problem)), icon="⚠️")

with st.sidebar:
    st.selectbox(page.t("scenario"), list(scenario_names), format_func=scenario_names.get,
                 key="profile.scenario")
    st.selectbox(page.t("profile.year"), list(years), key="profile.year")

companies, company_notes = ui.init_company(scenario)
if not companies:
    st.info(page.t("profile.none"))
    st.stop()
with st.sidebar:
    st.selectbox(page.t("profile.company"), list(companies), format_func=companies.get,
                 key="profile.company")
bad_param_warnings(page, notes + company_notes)

with data_errors(page):
    view = ui.profile_view(page, base, scenario, scenario_names)
ui.character(view)

map_col, key_col = st.columns([3, 2], gap="medium")
with map_col:
    fmap, center, zoom = ui.map_view(view)
    st_folium(fmap, key="profile.map", height=520, use_container_width=True, center=center,
              zoom=zoom, returned_objects=[])
    st.caption(page.t("profile.map.note"))
with key_col:
    ui.key_figures(view)

tab_reasons, tab_over, tab_cap, tab_cmp, tab_flows, tab_stories = st.tabs([
    page.t("profile.tab.reasons"), page.t("profile.tab.overnights"), page.t("profile.tab.capacity"),
    page.t("profile.tab.compare"), page.t("profile.tab.flows"), page.t("profile.tab.stories")])
with tab_reasons:
    ui.reasons_tab(view)
with tab_over:
    ui.overnights_tab(view)
with tab_cap:
    ui.capacity_tab(view)
with tab_cmp:
    ui.compare_tab(view)
with tab_flows:
    ui.flows_tab(view)
with tab_stories:
    ui.stories_tab(view)

st.caption(f"{page.t('link')}: {md(view.link)}")
