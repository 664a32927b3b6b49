"""The map selection: one domain key in session state, mirrored in the URL (``?sel=m:101``).

Map clicks are routed into this key so AppTest can set it directly (a click cannot be injected).
"""

from __future__ import annotations

import json

import streamlit as st

SELECTED_KEY = "map.selected"
_LAST_CLICK_KEY = "map.last_click"


def select(value: str | None) -> None:
    """Select 'm:<code>' / 'a:<id>', or clear with None."""
    st.session_state[SELECTED_KEY] = value
    if value:
        st.query_params["sel"] = value
    elif "sel" in st.query_params:
        del st.query_params["sel"]


def selection_from_feature(feature: dict | None) -> str | None:
    """The selection key a clicked GeoJSON feature stands for."""
    if not feature:
        return None
    props = feature.get("properties") or {}
    if props.get("kind") == "attraction" and props.get("id"):
        return f"a:{props['id']}"
    if props.get("code"):
        return f"m:{props['code']}"
    return None


def handle_map_click(result: dict | None) -> None:
    """Apply a new click from ``st_folium``'s result (repeats of the last click are ignored)."""
    if SELECTED_KEY not in st.session_state and st.query_params.get("sel"):
        st.session_state[SELECTED_KEY] = st.query_params.get("sel")
    feature = (result or {}).get("last_active_drawing")
    if not feature:
        return
    signature = json.dumps(feature.get("properties") or {}, sort_keys=True)
    if st.session_state.get(_LAST_CLICK_KEY) == signature:
        return
    st.session_state[_LAST_CLICK_KEY] = signature
    value = selection_from_feature(feature)
    if value:
        select(value)


# ------------------------------------------------------------------------------ companies (pure)
def company_search_index(company_names, members=None, *, suffix: str = "") -> dict[str, str]:
    """Label -> ``'c:<company id>'`` for a search box that finds companies, e.g. merged into
    :func:`destinations.data.lookup.search_index`'s municipalities and attractions.

    ``company_names`` is ``{company id: name}``; with ``members`` (``{company id: codes}``) only
    companies with members are listed. ``suffix`` tells a company from a municipality of the same
    name (e.g. ``" · company"``; "Bornholm" is both).
    """
    return {f"{name}{suffix}": f"c:{cid}" for cid, name in
            sorted(company_names.items(), key=lambda item: item[1].casefold())
            if members is None or members.get(cid)}


def parse_company(value: object, company_names) -> str | None:
    """The company id of a ``'c:<id>'`` selection key (from a search box or the URL), or None."""
    kind, _, ident = str(value or "").partition(":")
    return ident if kind == "c" and ident in company_names else None


def view_of(bounds: tuple[float, float, float, float], *, width_px: int = 800,
            height_px: int = 600, max_zoom: int = 11) -> tuple[tuple[float, float], int]:
    """(center (lat, lon), zoom) that shows ``bounds`` = (south, west, north, east) on a Web
    Mercator map of the given size: what ``st_folium(center=, zoom=)`` needs to frame a company."""
    import math

    south, west, north, east = bounds

    def y(lat: float) -> float:
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    span_x = max(east - west, 1e-6) / 360.0
    span_y = max(y(north) - y(south), 1e-6) / (2 * math.pi)
    zoom = math.floor(min(math.log2(width_px / 256 / span_x), math.log2(height_px / 256 / span_y)))
    center_y = (y(north) + y(south)) / 2
    center_lat = math.degrees(2 * math.atan(math.exp(center_y)) - math.pi / 2)
    return (center_lat, (west + east) / 2), max(1, min(max_zoom, zoom))


def company_view(display, members, *, width_px: int = 800, height_px: int = 600
                 ) -> tuple[tuple[float, float], int] | None:
    """(center, zoom) framing the municipalities ``members`` (codes) of ``display`` (the map's
    EPSG:4326 geometry indexed by code, :func:`destinations.ui.data.display_geometry`)."""
    codes = [c for c in members if c in display.index]
    if not codes:
        return None
    west, south, east, north = display.loc[codes].total_bounds
    return view_of((south, west, north, east), width_px=width_px, height_px=height_px)
