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
