"""Season and capacity: 12-month curves and indices, all companies as a heatmap, capacity against
demand, a season-extension what-if and the source markets."""

import streamlit as st

from destinations.ui import data
from destinations.ui import season as ui
from destinations.ui.escape import md
from destinations.ui.formatting import month_names
from destinations.ui.frame import data_errors, start_page
from destinations.ui.season_text import SHARED, TEXT
from destinations.ui.url_state import bad_param_warnings

page = start_page({**SHARED, **TEXT}, "season.title")
st.caption(page.t("season.intro"))

with data_errors(page):
    base = data.base()
    years = data.years()
scenario_names, store_problem = data.scenario_choices()
scenario_names[data.TODAY] = page.t("scenario.today")
codes = list(base.codes)
notes = ui.init_choices(scenario_names, years, codes)
with data_errors(page):
    scenario, load_problem = data.scenario_for("season.scenario")
if store_problem or load_problem:
    st.warning(page.t("store.down", problem=md(store_problem or load_problem)), icon="⚠️")

with st.sidebar:
    st.radio(page.t("season.scope"), list(ui.SCOPES), key="season.scope",
             format_func=lambda s: page.t(f"season.scope.{s}"))
    st.selectbox(page.t("scenario"), list(scenario_names), format_func=scenario_names.get,
                 key="season.scenario")
    st.selectbox(page.t("season.year"), list(years), key="season.year")

companies, company_notes = ui.init_company(scenario)
scope = st.session_state["season.scope"]
with st.sidebar:
    if scope == "company" and companies:
        st.selectbox(page.t("season.company"), list(companies), format_func=companies.get,
                     key="season.company")
    elif scope == "municipality":
        st.selectbox(page.t("season.municipality"), codes, key="season.municipality",
                     format_func=lambda c: f"{base.municipality_name(c)} ({c})")
bad_param_warnings(page, notes + company_notes)
if scope == "company" and not companies:
    st.info(page.t("season.no_company"))
    st.stop()

view = ui.season_view(page, base, scenario, scenario_names, years)
st.header(f"{md(view.curve.name)} · {view.year}")
tab_curve, tab_heat, tab_cap, tab_whatif, tab_markets = st.tabs([
    page.t("season.tab.curve"), page.t("season.tab.heatmap"), page.t("season.tab.capacity"),
    page.t("season.tab.whatif"), page.t("season.tab.markets")])

with tab_curve:
    ui.curve_tab(view)

with tab_heat:
    ui.heatmap_tab(view)

with tab_cap:
    c1, c2, c3 = st.columns(3)
    share = c1.slider(page.t("season.capacity.share"), 50, 100, 90, 5, format="%d%%",
                      key="season.shortage") / 100.0
    target = c2.slider(page.t("season.capacity.target"), 10, 100, 60, 5, format="%d%%",
                       key="season.target") / 100.0
    basis = c3.radio(page.t("season.capacity.basis"), ["open", "all"], key="season.basis",
                     format_func=lambda b: page.t(f"season.capacity.basis.{b}"))
    ui.capacity_tab(view, share=share, target=target, basis=basis)

with tab_whatif:
    st.caption(page.t("season.whatif.intro"))
    months = month_names(page)
    c1, c2 = st.columns(2)
    growth = c1.slider(page.t("season.whatif.growth"), 0, 50, 10, 1, key="season.growth")
    shift = c2.slider(page.t("season.whatif.shift"), 0, 50, 0, 5, key="season.shift")
    shoulder = c1.multiselect(page.t("season.whatif.shoulder"), list(range(1, 13)),
                              default=list(ui.SHOULDER_MONTHS), key="season.shoulder",
                              format_func=lambda m: months[m - 1])
    peak = c2.multiselect(page.t("season.whatif.peak"), list(range(1, 13)),
                          default=list(ui.PEAK_MONTHS), key="season.peak",
                          format_func=lambda m: months[m - 1])
    ui.whatif_tab(view, growth=growth, shift_pct=shift, shoulder=shoulder, peak=peak,
                  share=share, target=target)

with tab_markets:
    c1, c2, c3 = st.columns([2, 2, 1])
    top = c1.slider(page.t("season.markets.top"), 3, 17, 8, key="season.top")
    since = c2.select_slider(page.t("season.markets.since"), list(range(1992, 2024)), value=2008,
                             key="season.since")
    log_scale = c3.toggle(page.t("season.markets.log"), value=False, key="season.log")
    ui.markets_tab(view, top=top, since=since, log_scale=log_scale)

st.caption(f"{page.t('link')}: {md(view.link)}")
