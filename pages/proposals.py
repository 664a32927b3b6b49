"""Proposals: changes to shared and published plans, consented by every company they touch."""

import streamlit as st
from streamlit_folium import st_folium

from destinations.ui import proposals as ui
from destinations.ui.collab_text import TEXT
from destinations.ui.frame import data_errors, start_page

page = start_page(TEXT, "proposals.title")
st.caption(page.t("proposals.intro"))
ui.flash()

problem = ui.problem(page)
if problem:
    st.info(problem)
    st.stop()

with data_errors(page):
    proposals = ui.all_proposals()

overview, new = st.tabs([page.t("proposals.all"), page.t("proposals.new")])

with new:
    with data_errors(page):
        ui.draft(page)

with overview:
    if not proposals:
        st.info(page.t("proposals.none"))
        st.stop()
    by_id = {p.id: p for p in proposals}
    ids = list(by_id)
    chosen = st.selectbox(page.t("proposals.choose"), ids, index=ids.index(ui.chosen_id(proposals)),
                          format_func=lambda i: ui.label(page, by_id[i]), key="proposals.pick")
    ui.remember(chosen)
    with data_errors(page):
        proposal = ui.load(chosen)
        ui.header(page, proposal)
        stale = ui.staleness(page, proposal)
        left, right = st.columns([3, 2], gap="medium")
        with right:
            ui.decisions(page, proposal)
            ui.actions(page, proposal, stale)
        with left:
            effect = ui.proposal_effect_view(page, proposal)
        if effect is not None:
            st.caption(page.t("proposals.map"))
            st_folium(ui.moves_map(page, effect), key="proposals.map", height=480,
                      use_container_width=True, returned_objects=[])
        ui.comments(page, proposal)
        if proposal.kind == "scenario":
            ui.audit_panel(page, proposal.key)
