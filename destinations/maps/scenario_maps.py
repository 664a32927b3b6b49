"""Folium layers of the scenario pages (no Streamlit): leaky borders. Data text is HTML-escaped.

Municipality fills, company borders and the legend come from :mod:`destinations.maps.leaflet`; this module
adds what only scenarios have: the border segments crossed by the most modelled day trips.
"""

from __future__ import annotations

from typing import Mapping

import folium
import shapely

from destinations.maps import esc

LEAKY_COLOUR = "#7B2D8E"


def leaky_borders_geojson(evaluation, municipality_names: Mapping[str, str],
                          company_names: Mapping[str, str], *, unaffiliated_label: str,
                          share_label: str = "of day trips") -> dict:
    """Line features of ``evaluation.leaky_borders`` (EPSG:4326) with escaped tooltip text.

    Properties: ``label`` ("A (company) – B (company)"), ``share`` (formatted percent),
    ``weight`` (line width in px, by flow share).
    """
    features = []
    borders = [b for b in evaluation.leaky_borders if b.geometry is not None
               and not b.geometry.is_empty]
    top = max((b.share for b in borders), default=0.0) or 1.0
    for border in borders:
        def side(code: str, company: str | None) -> str:
            owner = company_names.get(company, company) if company else unaffiliated_label
            return f"{municipality_names.get(code, code)} ({owner})"

        features.append({
            "type": "Feature",
            "geometry": shapely.geometry.mapping(border.geometry),
            "properties": {
                "label": esc(f"{side(border.code_a, border.company_a)} – "
                             f"{side(border.code_b, border.company_b)}"),
                "share": esc(f"{border.share:.1%} {share_label}"),
                "weight": round(3.0 + 9.0 * border.share / top, 1),
            },
        })
    return {"type": "FeatureCollection", "features": features}


def add_leaky_borders(fmap: folium.Map, data: dict, *, name: str) -> folium.GeoJson:
    """Thick purple lines over the borders crossed by the most day trips (width by flow)."""
    layer = folium.GeoJson(
        data,
        name=name,
        style_function=lambda feature: {"color": LEAKY_COLOUR, "opacity": 0.85,
                                        "weight": feature["properties"]["weight"],
                                        "lineCap": "round"},
        tooltip=folium.GeoJsonTooltip(fields=["label", "share"], aliases=["", ""], labels=False,
                                      sticky=True),
        zoom_on_click=False,
    )
    layer.add_to(fmap)
    return layer
