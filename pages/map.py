"""National map: municipalities by destination company, attractions, a click-to-read side panel."""

import streamlit as st
from streamlit_folium import st_folium

from destinations import maps
from destinations.maps.choropleth import MAP_METRICS, quantile_bins
from destinations.facts import AVAILABLE_YEARS
from destinations.i18n import COMMON
from destinations.data.lookup import parse_selection, search_index
from destinations.ui import data
from destinations.ui.frame import data_errors, start_page
from destinations.ui.map_text import TEXT
from destinations.ui.panels import render_attraction_panel, render_metric_legend, render_municipality_panel
from destinations.ui.selection import SELECTED_KEY, handle_map_click, select

def _index(options: list, value, *, default: int = 0) -> int:
    return options.index(value) if value in options else default


def _int(value) -> int | None:
    return int(value) if str(value or "").isdigit() else None


def _share(params: dict) -> None:
    for key, value in params.items():
        if value is None:
            st.query_params.pop(key, None)
        elif st.query_params.get(key) != value:
            st.query_params[key] = value


page = start_page({**COMMON, **TEXT}, "map.title")
st.caption(page.t("map.intro"))

with data_errors(page):
    base = data.base()

index = search_index(base)
with st.sidebar:
    st.subheader(page.t("map.layers"))
    show_fill = st.toggle(page.t("map.layer.municipalities"), value=True, key="map.layer.fill")
    show_borders = st.toggle(page.t("map.layer.borders"), value=True, key="map.layer.borders")
    show_attractions = st.toggle(page.t("map.layer.attractions"), value=True, key="map.layer.attr")
    show_tiles = st.toggle(page.t("map.layer.tiles"), value=False, key="map.layer.tiles")
    colour_options = ["company", *MAP_METRICS]
    colour_by = st.selectbox(page.t("map.colour_by"), colour_options, key="map.colour_by",
                             index=_index(colour_options, st.query_params.get("colour")),
                             format_func=lambda k: page.t(f"map.colour.{k}"))
    years = list(AVAILABLE_YEARS)
    year = st.selectbox(page.t("map.year"), years, key="map.year",
                        index=_index(years, _int(st.query_params.get("year")), default=years.index(2019)),
                        disabled=colour_by in ("company", "summer_houses"))
    _share({"colour": None if colour_by == "company" else colour_by,
            "year": None if year == 2019 or colour_by == "company" else str(year)})

found = st.selectbox(page.t("map.search"), options=list(index), index=None,
                     placeholder=page.t("map.search.placeholder"), key="map.search")
if found:
    select(index[found])

selection = parse_selection(base, st.session_state.get(SELECTED_KEY) or st.query_params.get("sel"))
assignment, names = base.today_assignment, base.today_company_names
colours = maps.company_colours(assignment, base.graph)
metric = None if colour_by == "company" else data.map_metric(colour_by, year)
bins = quantile_bins(metric.values) if metric else None
fill_json, border_json = data.layers_for(
    assignment, names, page.t("unaffiliated"),
    values={c: metric.formatted(c, page.lang) for c in base.codes} if metric else None)

center, zoom = maps.DENMARK_CENTER, maps.DENMARK_ZOOM
if selection and selection[0] == "a":
    spot = base.attraction_by_id[selection[1]]
    center, zoom = (spot.lat, spot.lon), 10
elif selection:
    point = data.display_geometry().geometry[selection[1]].representative_point()
    center, zoom = (point.y, point.x), 9

fmap = maps.new_map(tiles=show_tiles)
if show_fill:
    maps.add_municipalities(
        fmap, fill_json, colours, name=page.t("map.layer.municipalities"),
        outlined=[selection[1]] if selection and selection[0] == "m" else [],
        fill_by_code={c: bins.colour(metric.values.get(c)) for c in base.codes} if metric else None,
        tooltip_fields=("name", "code", "company", "value") if metric else ("name", "code", "company"),
        tooltip_aliases=("", "", "", "") if metric else ("", "", ""))
if show_borders:
    maps.add_company_borders(fmap, border_json, name=page.t("map.layer.borders"))
if show_attractions:
    maps.add_attractions(
        fmap, maps.attractions_geojson(base.attractions, {c: names.get(i or "", "") for c, i in
                                                          assignment.items()}),
        name=page.t("map.layer.attractions"),
        labels={"name": page.t("tooltip.name"), "category": page.t("tooltip.category"),
                "visitors": page.t("tooltip.visitors")},
        highlighted=[selection[1]] if selection and selection[0] == "a" else [])

map_col, panel_col = st.columns([3, 2], gap="medium")
with map_col:
    result = st_folium(fmap, key="map.national", height=640, use_container_width=True,
                       center=center, zoom=zoom, returned_objects=["last_active_drawing"])
    handle_map_click(result)
    if metric:
        render_metric_legend(page, metric, bins)
    else:
        legend = [(colours[c.id], c.name) for c in base.companies]
        st.html(maps.legend_html(legend + [(maps.UNAFFILIATED_FILL, page.t("unaffiliated"))],
                                 title=page.t("map.legend"),
                                 notes=[page.t("map.legend.unaffiliated"), page.t("map.legend.markers"),
                                        page.t("map.legend.colours")]))

with panel_col:
    selection = parse_selection(base, st.session_state.get(SELECTED_KEY))
    if selection is None:
        st.info(page.t("map.panel.hint"))
    else:
        if st.button(page.t("map.clear"), key="map.clear"):
            select(None)
            st.rerun()
        if selection[0] == "m":
            render_municipality_panel(page, base, selection[1],
                                      facts=data.facts(year if colour_by != "company" else 2019))
        else:
            render_attraction_panel(page, base, selection[1])
