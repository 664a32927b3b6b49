"""The national map page's work: its colouring and year (kept in the URL), the search (companies,
municipalities, attractions), and the folium map of today's companies, a metric choropleth and
the attractions (sized by the published count chosen for each)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import streamlit as st

from destinations import maps
from destinations.maps import leaflet
from destinations.data.base import BaseData
from destinations.data.labels import category_label
from destinations.data.lookup import parse_selection, search_index
from destinations.facts import AVAILABLE_YEARS
from destinations.maps.choropleth import MAP_METRICS, quantile_bins
from destinations.scenarios.flows import chosen_counts
from destinations.season.profile import member_bounds, view_for_bounds
from destinations.ui import data
from destinations.ui.figures import visitors_text
from destinations.ui.frame import Page
from destinations.ui.panels import render_metric_legend
from destinations.ui.selection import SELECTED_KEY, select
from destinations.ui.url_state import write_params

#: Colour the municipalities by their company, or by one of the metrics.
COLOUR_OPTIONS = ("company", *MAP_METRICS)
YEARS = tuple(AVAILABLE_YEARS)
DEFAULT_YEAR = 2019


def _index(options, value, *, default: int = 0) -> int:
    return list(options).index(value) if value in options else default


def _int(value) -> int | None:
    return int(value) if str(value or "").isdigit() else None


def colour_index() -> int:
    """The position of ``?colour=`` among the options (the company colours when absent or bad)."""
    return _index(COLOUR_OPTIONS, st.query_params.get("colour"))


def year_index() -> int:
    """The position of ``?year=`` among the years (2019 when absent or bad)."""
    return _index(YEARS, _int(st.query_params.get("year")), default=YEARS.index(DEFAULT_YEAR))


def year_disabled(colour_by: str) -> bool:
    """The year matters only for metrics that change by year."""
    return colour_by in ("company", "summer_houses", "holiday_dwellings")


def share_view(colour_by: str, year: int) -> None:
    """Mirror the colouring and year into the URL (defaults leave it clean)."""
    write_params({"colour": None if colour_by == "company" else colour_by,
                  "year": None if year == DEFAULT_YEAR or colour_by == "company" else str(year)})


def search_options(page: Page, base: BaseData) -> dict[str, str]:
    """``{label: selection}`` for the search box: the destination companies first (``c:<id>``),
    then every municipality and attraction."""
    companies = {page.t("map.search.company" + (".one" if len(c.members) == 1 else ""),
                        name=c.name, n=len(c.members)): f"c:{c.id}"
                 for c in sorted(base.companies, key=lambda c: c.name.lower())}
    return {**companies, **search_index(base)}


def search(options: dict[str, str], found: str | None) -> None:
    """Select what the search box found."""
    if found and found in options:
        select(options[found])


def selection(base: BaseData, *, with_url: bool = True) -> tuple[str, str] | None:
    """The selected ``("c", company id)``, ``("m", code)`` or ``("a", attraction id)``,
    validated; on the first run the URL's ``?sel=`` stands in for a session that has none."""
    raw = st.session_state.get(SELECTED_KEY)
    if with_url:
        raw = raw or st.query_params.get("sel")
    kind, _, ident = str(raw or "").partition(":")
    if kind == "c":
        return ("c", ident) if ident in base.company_by_id else None
    return parse_selection(base, raw)


def attraction_layer(base: BaseData, attractions, company_of: dict[str, str], lang: str) -> dict:
    """Attraction points for :func:`destinations.maps.add_attractions`, sized and labelled by
    the published count chosen for each (the one the lighthouse status uses), in ``lang``."""
    chosen = chosen_counts(base)
    attractions = list(attractions)
    layer = maps.attractions_geojson(attractions, company_of)
    for attraction, feature in zip(attractions, layer["features"]):  # one feature each, in order
        props = feature["properties"]
        count = chosen.get(attraction.name)
        visitors = count.visitors if count is not None else None
        props["visitors"] = maps.esc(visitors_text(count, lang)) if visitors else ""
        props["radius"] = maps.marker_radius(visitors)
        props["category"] = maps.esc(category_label(attraction.category, lang))
        props["known"] = bool(visitors)
    return layer


def clear_selection() -> None:
    select(None)
    st.rerun()


@dataclass(frozen=True)
class NationalMap:
    """The folium map and how to show it: its view, the colours and the metric legend's inputs."""

    fmap: Any
    center: tuple[float, float]
    zoom: int
    colours: dict[str, str]
    metric: Any
    bins: Any


def published_plan(base: BaseData) -> tuple[dict[str, str | None], dict[str, str]]:
    from destinations.ui.account import published_plan as stored

    return stored(base)


def national_map(page: Page, base: BaseData, chosen: tuple[str, str] | None, *, colour_by: str,
                 year: int, fill: bool, borders: bool, attractions: bool,
                 tiles: bool) -> NationalMap:
    """Municipalities by company (or by a metric), company borders and attractions, centred on the
    selected place."""
    # The published plan: today's companies as the data give them, until an applied proposal
    # (destinations.collab) changes a border; with the store down, the data's own plan.
    assignment, names = published_plan(base)
    colours = maps.company_colours(assignment, base.graph)
    metric = None if colour_by == "company" else data.map_metric(colour_by, year)
    bins = quantile_bins(metric.values) if metric else None
    fill_json, border_json = data.layers_for(
        assignment, names, page.t("unaffiliated"),
        values={c: metric.formatted(c, page.lang) for c in base.codes} if metric else None)

    center, zoom = maps.DENMARK_CENTER, maps.DENMARK_ZOOM
    outlined: list[str] = []
    if chosen and chosen[0] == "a":
        spot = base.attraction_by_id[chosen[1]]
        center, zoom = (spot.lat, spot.lon), 10
    elif chosen and chosen[0] == "c":
        outlined = list(base.company_by_id[chosen[1]].members)
        center, zoom = view_for_bounds(member_bounds(base, outlined), width_px=640,
                                       height_px=640)
    elif chosen:
        outlined = [chosen[1]]
        point = data.display_geometry().geometry[chosen[1]].representative_point()
        center, zoom = (point.y, point.x), 9

    fmap = maps.new_map(tiles=tiles)
    # A click that first scrolls the page would reach the map as a drag and be lost.
    leaflet.FocusWithoutScroll().add_to(fmap)
    if fill:
        maps.add_municipalities(
            fmap, fill_json, colours, name=page.t("map.layer.municipalities"),
            outlined=outlined,
            fill_by_code={c: bins.colour(metric.values.get(c)) for c in base.codes}
            if metric else None,
            tooltip_fields=("name", "code", "company", "value") if metric
            else ("name", "code", "company"),
            tooltip_aliases=("", "", "", "") if metric else ("", "", ""))
    if borders:
        maps.add_company_borders(fmap, border_json, name=page.t("map.layer.borders"))
    if attractions:
        maps.add_attractions(
            fmap, attraction_layer(base, base.attractions,
                                   {c: names.get(i or "", "") for c, i in assignment.items()},
                                   page.lang),
            name=page.t("map.layer.attractions"),
            labels={"name": page.t("tooltip.name"), "category": page.t("tooltip.category"),
                    "visitors": page.t("tooltip.visitors")},
            highlighted=[chosen[1]] if chosen and chosen[0] == "a" else [])
    return NationalMap(fmap, center, zoom, colours, metric, bins)


def legend(page: Page, base: BaseData, view: NationalMap) -> None:
    """The metric's classes, or the companies' colours."""
    if view.metric:
        render_metric_legend(page, view.metric, view.bins)
        return
    entries = [(view.colours[c.id], c.name) for c in base.companies]
    st.html(maps.legend_html(entries + [(maps.UNAFFILIATED_FILL, page.t("unaffiliated"))],
                             title=page.t("map.legend"),
                             notes=[page.t("map.legend.unaffiliated"), page.t("map.legend.markers"),
                                    page.t("map.legend.colours")]))


def panel_facts_year(colour_by: str, year: int) -> int:
    """The year of the tourism figures in the side panel: the map's year when it shows a metric."""
    return year if colour_by != "company" else DEFAULT_YEAR
