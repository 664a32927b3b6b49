"""Compare 2-4 scenarios: matched labels, what moved, metric changes and the trade-off chart."""

import streamlit as st
from streamlit_folium import st_folium

from destinations.ui import compare as ui
from destinations.ui import data
from destinations.ui import scenario_state as state
from destinations.ui import scenario_views as views
from destinations.ui.escape import md
from destinations.ui.figures import GAP
from destinations.ui.frame import data_errors, start_page
from destinations.ui.scenario_text import TEXT

page = start_page(TEXT, "compare.title")
st.caption(page.t("compare.intro"))

with data_errors(page):
    base = data.base()
    ctx = state.context(**views.assumptions(page, "compare"))
state.check_store()
options = ui.compare_options(page)
state.show_store_problem(page)
default = [key for key in ("today", "editor") if key in options]
if any(key not in options for key in st.session_state.get("compare.selected", [])):
    st.session_state["compare.selected"] = [k for k in st.session_state["compare.selected"]
                                            if k in options]
picked = st.multiselect(page.t("compare.pick"), list(options), default=default,
                        format_func=options.get, max_selections=4, key="compare.selected")
if len(picked) < 2:
    st.info(page.t("compare.need_two"))
    st.stop()

with data_errors(page):
    scenarios = [ui.resolve(option, base) for option in picked]
    evaluations = ui.evaluate_all(scenarios, ctx)
labels = ui.column_labels(options, picked)
reference = scenarios[0]

st.subheader(page.t("compare.table"))
st.caption(page.t("compare.table.help"))
st.dataframe(ui.styled_plan_table(page, evaluations, labels), hide_index=True, width="stretch",
             column_config=ui.plan_table_config(page, labels), placeholder=GAP)
views.kind_line(page, ctx)

st.subheader(page.t("compare.moved"))
others = list(range(1, len(scenarios)))
against = st.selectbox(page.t("compare.against"), others, format_func=lambda i: labels[i],
                       key="compare.against")
other, moved, distance = ui.matched(reference, scenarios[against])
st.markdown(page.t("compare.moved.count", count=len(moved), vi=distance))
fmap, styles = views.plan_map(page, base, other, outlined=moved)
st_folium(fmap, key="compare.map", height=520, use_container_width=True, returned_objects=[])
views.legend(page, other, styles, notes=[page.t("compare.moved.legend")])
if moved:
    st.dataframe(ui.moves_table(page, base, reference, other), hide_index=True, width="stretch", placeholder=GAP)

st.subheader(page.t("compare.tradeoff"))
st.caption(page.t("compare.tradeoff.help"))
axes = ui.trade_off_axes(page)
titles = ui.metric_titles(page, axes)
x_col, y_col, c_col = st.columns(3)
x = x_col.selectbox(page.t("compare.x"), axes, index=axes.index("flow_cut_share"),
                    format_func=titles.get, key="compare.x")
y = y_col.selectbox(page.t("compare.y"), axes, index=axes.index("balance_gini"),
                    format_func=titles.get, key="compare.y")
colour = c_col.selectbox(page.t("compare.colour"), axes, index=axes.index("seasonality_gini_mean"),
                         format_func=titles.get, key="compare.colour")
st.altair_chart(ui.trade_off_chart(page, evaluations, labels, x, y, colour), width="stretch")
st.caption(" · ".join(md(label) for label in labels))
