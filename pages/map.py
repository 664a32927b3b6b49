"""National map: municipalities by destination company, attractions, a click-to-read side panel."""

import streamlit as st
from streamlit_folium import st_folium

from destinations.ui import data
from destinations.ui import national_map as ui
from destinations.ui.frame import data_errors, start_page
from destinations.ui.map_text import TEXT
from destinations.ui.panels import (
    render_attraction_panel,
    render_company_panel,
    render_municipality_panel,
)
from destinations.ui.season_text import SHARED
from destinations.ui.selection import handle_map_click

page = start_page({**SHARED, **TEXT}, "map.title")
st.caption(page.t("map.intro"))

with data_errors(page):
    base = data.base()

with st.sidebar:
    st.subheader(page.t("map.layers"))
    show_fill = st.toggle(page.t("map.layer.municipalities"), value=True, key="map.layer.fill")
    show_borders = st.toggle(page.t("map.layer.borders"), value=True, key="map.layer.borders")
    show_attractions = st.toggle(page.t("map.layer.attractions"), value=True, key="map.layer.attr")
    show_tiles = st.toggle(page.t("map.layer.tiles"), value=False, key="map.layer.tiles")
    colour_by = st.selectbox(page.t("map.colour_by"), ui.COLOUR_OPTIONS, key="map.colour_by",
                             index=ui.colour_index(),
                             format_func=lambda k: page.t(f"map.colour.{k}"))
    year = st.selectbox(page.t("map.year"), ui.YEARS, key="map.year", index=ui.year_index(),
                        disabled=ui.year_disabled(colour_by))
    ui.share_view(colour_by, year)

searchable = ui.search_options(page, base)
found = st.selectbox(page.t("map.search"), options=list(searchable), index=None,
                     placeholder=page.t("map.search.placeholder"), key="map.search")
ui.search(searchable, found)

view = ui.national_map(page, base, ui.selection(base), colour_by=colour_by, year=year,
                       fill=show_fill, borders=show_borders, attractions=show_attractions,
                       tiles=show_tiles)
map_col, panel_col = st.columns([3, 2], gap="medium")
with map_col:
    clicked = st_folium(view.fmap, key="map.national", height=640, use_container_width=True,
                        center=view.center, zoom=view.zoom, returned_objects=["last_active_drawing"])
    handle_map_click(clicked)
    ui.legend(page, base, view)

with panel_col:
    chosen = ui.selection(base, with_url=False)
    if chosen is None:
        st.info(page.t("map.panel.hint"))
    else:
        if st.button(page.t("map.clear"), key="map.clear"):
            ui.clear_selection()
        with data_errors(page):
            if chosen[0] == "c":
                render_company_panel(page, base, chosen[1],
                                     year=ui.panel_facts_year(colour_by, year))
            elif chosen[0] == "m":
                render_municipality_panel(page, base, chosen[1],
                                          facts=data.facts(ui.panel_facts_year(colour_by, year)))
            else:
                render_attraction_panel(page, base, chosen[1])
