"""Data & sources: every dataset with source, licence, year, rows, kind, coverage and caveats; the
version and method of what the planner computes; the day-trip model checked against the network."""

import streamlit as st

from destinations.ui import data
from destinations.ui import sources as ui
from destinations.ui.data_text import TEXT
from destinations.ui.figures import show_table
from destinations.ui.frame import data_errors, start_page
from destinations.ui.season_text import SHARED

page = start_page({**SHARED, **TEXT}, "data.title")
st.caption(page.t("data.intro"))

with data_errors(page):
    base = data.base()
    catalogue = data.catalogue()
    status = data.status()

st.subheader(page.t("data.datasets"))
ui.show_datasets(page, catalogue)

st.subheader(page.t("data.in_force"))
st.caption(page.t("data.in_force.text"))
show_table(ui.in_force_table(page, status), hide_index=True, width="stretch",
             key="data.in_force", column_config=ui.in_force_columns(page))

st.subheader(page.t("data.caveats"))
st.info(page.t("data.christianso"))
ui.caveats(page, catalogue)

st.subheader(page.t("data.attractions"))
rejected = base.attractions_result.rejected
if rejected.empty:
    st.success(page.t("data.rejected.none"))
else:
    st.markdown(f"**{page.t('data.rejected')}**")
    show_table(rejected, hide_index=True, width="stretch", key="data.rejected")
st.markdown(f"**{page.t('data.mismatches')}**")
mismatches = data.mismatch_table()
show_table(mismatches, key="data.mismatches",
           column_config=ui.labels(page, mismatches.columns, name="data.col.attraction"))

st.subheader(page.t("data.graph"))
summary, assumptions = ui.graph_summary(page, status["travel_graph"])
st.markdown(summary)
st.caption(assumptions)
st.markdown(f"**{page.t('data.graph.links')}**")
links = data.link_edge_table(page.lang)
show_table(links, key="data.links", column_config=ui.labels(page, links.columns))

st.subheader(page.t("data.flows"))
st.caption(page.t("data.flows.text"))
with data_errors(page):
    check, loads = data.flow_check()
    ranked = data.least_certain_pairs(max(data.years()), page.lang)
ui.show_flow_check(page, check, loads)
st.markdown(f"**{page.t('data.flows.uncertain')}**")
st.caption(page.t("data.flows.uncertain.text"))
ui.show_uncertain_pairs(page, ranked)

st.subheader(page.t("data.geometry"))
st.markdown(ui.geometry_text(page, status))

st.subheader(page.t("data.model"))
st.markdown(page.t("data.model.text"))
report, mae = data.facts_validation()
st.metric(page.t("data.model.mae"), ui.percent_text(page, mae), border=True)
ui.show_validation(page, report)
