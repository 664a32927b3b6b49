"""Data & sources: every dataset with source, licence, year, rows, kind, coverage and caveats."""

import pandas as pd
import streamlit as st

from destinations.i18n import COMMON
from destinations.ui import data
from destinations.ui.data_text import TEXT
from destinations.ui.frame import data_errors, start_page

page = start_page({**COMMON, **TEXT}, "data.title")
st.caption(page.t("data.intro"))

with data_errors(page):
    base = data.base()
    catalogue = data.catalogue()
    status = data.status()

st.subheader(page.t("data.datasets"))
st.dataframe(
    pd.DataFrame([{"name": d.name, "kind": page.t("kind." + d.kind.value), "source": d.source,
                   "licence": d.licence, "year": d.year, "rows": d.rows, "coverage": d.coverage,
                   "file": d.path} for d in catalogue]),
    hide_index=True, width="stretch", key="data.table",
)

st.subheader(page.t("data.in_force"))
st.caption(page.t("data.in_force.text"))
checked = {f["path"]: f["ok"] for f in status["files"]}
st.dataframe(
    pd.DataFrame([{"file": row["path"].rsplit("/", 1)[-1],
                   "origin": page.t("data.origin." + row["origin"].replace(" ", "_")),
                   "in_force": row.get("in_force", True), "replaces": row.get("replaces", ""),
                   "checksum": checked.get(row["path"])} for row in status["in_force"]]),
    hide_index=True, width="stretch", key="data.in_force",
    column_config={"in_force": st.column_config.CheckboxColumn(page.t("data.col.in_force")),
                   "checksum": st.column_config.CheckboxColumn(page.t("data.col.checksum"))})

st.subheader(page.t("data.caveats"))
st.info(page.t("data.christianso"))
for d in catalogue:
    for caveat in d.caveats:
        st.markdown(f"- **{d.name}:** {caveat}")

st.subheader(page.t("data.attractions"))
result = base.attractions_result
if result.rejected.empty:
    st.success(page.t("data.rejected.none"))
else:
    st.markdown(f"**{page.t('data.rejected')}**")
    st.dataframe(result.rejected, hide_index=True, width="stretch", key="data.rejected")
st.markdown(f"**{page.t('data.mismatches')}**")
st.dataframe(data.mismatch_table(), hide_index=True, width="stretch", key="data.mismatches")

graph = status["travel_graph"]
st.subheader(page.t("data.graph"))
st.markdown(page.t("data.graph.summary", nodes=graph["nodes"], edges=graph["edges"],
                   links=graph["fixed_links"], components=graph["components"]))
a = graph["assumptions"]
st.caption(page.t("data.graph.assumptions", circuity=a["circuity"], speed=a["road_speed_kmh"],
                  ferry=a["ferry_speed_kmh"], handling=a["ferry_handling_min"]))
st.markdown(f"**{page.t('data.graph.links')}**")
st.dataframe(data.link_edge_table(page.lang), hide_index=True, width="stretch", key="data.links")

geometry = status["map_geometry"]
st.subheader(page.t("data.geometry"))
st.markdown(page.t("data.geometry.text", tol=geometry["tolerance_m"], bytes=status["map_payload_bytes"],
                   raw=geometry["raw_bytes"], err=geometry["max_area_error"],
                   valid=page.t("data.none") if geometry["coverage_valid"] else page.t("data.found")))

st.subheader(page.t("data.model"))
st.markdown(page.t("data.model.text"))
report, mae = data.facts_validation()
st.metric(page.t("data.model.mae"), f"{mae:.1f} %", border=True)
st.dataframe(report, hide_index=True, width="stretch", key="data.validation")
