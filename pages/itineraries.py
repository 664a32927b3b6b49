"""Itineraries: plan a multi-day trip across destinations, share it as a link that reopens it
exactly, and see which companies share the guest."""

import streamlit as st

from destinations.ui import data, stores
from destinations.ui import itineraries as ui
from destinations.ui.frame import data_errors, start_page
from destinations.ui.itinerary_text import TEXT

page = start_page(TEXT, "itin.title")
st.caption(page.t("itin.intro"))

with data_errors(page):
    base = data.base()
    facts = ui.latest_facts()
    scenario_names = stores.saved_scenarios()
ui.init_from_link(page, base, scenario_names)
attraction_ids = ui.attraction_ids(base)

with st.sidebar:
    with st.form("itin.form"):
        st.subheader(page.t("itin.form"))
        st.selectbox(page.t("itin.start"), ui.hub_ids(), key="itin.start",
                     format_func=lambda h: ui.hub_name(page, h))
        st.selectbox(page.t("itin.end"), ["", *ui.hub_ids()], key="itin.end",
                     format_func=lambda h: ui.hub_name(page, h))
        st.slider(page.t("itin.days"), 1, 14, key="itin.days")
        st.selectbox(page.t("itin.month"), list(range(1, 13)),
                     format_func=lambda m: page.t(f"itin.month.{m}"), key="itin.month")
        st.multiselect(page.t("itin.themes"), ui.themes(base), key="itin.themes",
                       format_func=lambda t: ui.theme_name(page, t), placeholder=page.t("itin.choose"))
        st.radio(page.t("itin.bases"), ui.BASE_MODES, key="itin.bases",
                 format_func=lambda m: page.t(f"itin.bases.{m}"))
        st.slider(page.t("itin.pace"), 4.0, 12.0, step=0.5, key="itin.pace")
        st.slider(page.t("itin.drive"), 30, 600, step=15, key="itin.drive")
        st.multiselect(page.t("itin.must"), attraction_ids, key="itin.must",
                       format_func=lambda i: ui.attraction_label(base, i),
                       placeholder=page.t("itin.choose"))
        st.multiselect(page.t("itin.exclude"), attraction_ids, key="itin.exclude",
                       format_func=lambda i: ui.attraction_label(base, i),
                       placeholder=page.t("itin.choose"))
        st.number_input(page.t("itin.seed"), min_value=1, max_value=9999, step=1, key="itin.seed")
        submitted = st.form_submit_button(page.t("itin.plan"), type="primary", key="itin.plan")
    with st.expander(page.t("itin.open.title")):
        st.text_input(page.t("itin.open.link"), key="itin.link.text")
        st.button(page.t("itin.open.button"), key="itin.open", on_click=lambda: ui.open_link(
            page, base, st.session_state.get("itin.link.text", "")))
    st.selectbox(page.t("itin.scenario"), stores.scenario_options(scenario_names),
                 key="itin.scenario", format_func=lambda i: ui.scenario_label(page, scenario_names, i))
    show_tiles = st.toggle(page.t("itin.tiles"), value=False, key="itin.tiles")

scenario_id = st.session_state.get("itin.scenario", stores.TODAY)
ui.open_link(page, base)  # a shared trip link: reopen it exactly, no planning
ui.plan_if_asked(page, base, facts, submitted)
planned = ui.planned()
if planned is None:
    st.info(page.t("itin.empty"))
    st.stop()
result, seed = planned
ui.problems(page, base, result)

variants = ui.keep_alternative_valid(result)
st.radio(page.t("itin.alternative"), variants, horizontal=True, key="itin.alt",
         format_func=lambda k: page.t("itin.variant.best" if k == 0 else "itin.variant", n=k + 1))
shown = result.trips[st.session_state["itin.alt"]]
token = ui.link_of(result, st.session_state["itin.alt"])
ui.share_in_url(result, seed, scenario_id, token)
trip, assignment, names = ui.under_scenario(page, base, shown, scenario_id)
ui.headline(page, trip)

ui.trip_map_view(page, trip, assignment, names, tiles=show_tiles)
ui.days_table(page, trip)
ui.visits_table(page, base, trip, result.request)
ui.timeline_table(page, base, trip)
ui.share_and_replan(page, result, token, scenario_id)
ui.benefits(page, base, trip)
ui.alternatives_table(page, result)
ui.downloads(page, result, trip)
