"""Charts of the generator page (Altair; no Streamlit): live plan previews and ensemble histograms.

Built here so the page stays thin and the charts can be tested without a browser. Every label that
comes from data is passed to Altair as data (Vega renders it as text, never as HTML).
"""

from __future__ import annotations

import json
import math
from typing import Mapping, Sequence

import numpy as np

from destinations.i18n import gettext, vega_locale


def preview_features(display, *, tolerance_deg: float = 0.01) -> list[dict]:
    """GeoJSON features (EPSG:4326) of the display geometry, with ``code`` and ``name``.

    Simplified further (coverage-preserving, about 1 km) because the live preview is re-sent
    every few seconds while a search runs. Rings are turned clockwise: Vega draws with d3-geo,
    which reads a counter-clockwise ring (the GeoJSON convention) as "the whole globe except this
    polygon".
    """
    import shapely

    frame = display[["code", "name", "geometry"]].copy()
    geoms = shapely.coverage_simplify(frame.geometry.values, tolerance_deg)
    frame["geometry"] = shapely.orient_polygons(geoms, exterior_cw=True)
    data = json.loads(frame.to_json())
    return data["features"]


def plan_preview(features: Sequence[dict], assignment: Mapping[str, str | None],
                 colours: Mapping[str, str], *, unaffiliated: str, company_names=None,
                 height: int = 420, lang: str = "en"):
    """A static map of a plan: municipalities filled by company (a light chart for live updates).

    ``assignment`` maps kommune code to a company id (None = unaffiliated); ``colours`` the id to a
    hex colour; the tooltip shows the municipality and company name.
    """
    import altair as alt

    names = company_names or {}
    values = []
    for feature in features:
        code = feature["properties"]["code"]
        company = assignment.get(code)
        values.append({
            "type": "Feature",
            "geometry": feature["geometry"],
            "properties": {"code": code, "name": feature["properties"]["name"],
                           "company": names.get(company, company) if company else unaffiliated,
                           "fill": colours.get(company, "#BBBBBB") if company else "#BBBBBB"},
        })
    return (alt.Chart(alt.Data(values=values))
            .mark_geoshape(stroke="white", strokeWidth=0.4)
            .encode(color=alt.Color("properties.fill:N", scale=None),
                    tooltip=[alt.Tooltip("properties.name:N", title=gettext("Municipality", lang)),
                             alt.Tooltip("properties.company:N", title=gettext("Company", lang))])
            .project(type="mercator")
            .properties(height=height)
            .configure(locale=vega_locale(lang)))


def ensemble_histogram(sample: Sequence[float], value: float | None, *, title: str,
                       marker_label: str, share: bool = False, bins: int = 30, lang: str = "en"):
    """Histogram of an ensemble metric with the chosen plan as a red rule.

    ``share`` formats the axis as percent. A missing ``value`` draws no rule.
    """
    import altair as alt
    import pandas as pd

    data = np.asarray(sample, dtype=float)
    data = data[np.isfinite(data)]
    frame = pd.DataFrame({"value": data})
    axis = alt.Axis(format=".1%" if share else "~g", title=title)
    bars = alt.Chart(frame).mark_bar(opacity=0.75, color="#4477AA").encode(
        x=alt.X("value:Q", bin=alt.Bin(maxbins=bins), axis=axis),
        y=alt.Y("count():Q", title=gettext("plans", lang)),
        tooltip=[alt.Tooltip("count():Q", title=gettext("plans", lang))])
    layers = [bars]
    if value is not None and math.isfinite(value):
        marker = pd.DataFrame({"value": [value], "label": [marker_label]})
        rule = alt.Chart(marker).mark_rule(color="#CC3311", strokeWidth=3).encode(
            x="value:Q", tooltip=[alt.Tooltip("label:N", title=""),
                                  alt.Tooltip("value:Q", format=".3f")])
        text = alt.Chart(marker).mark_text(align="left", dx=5, dy=-6, color="#CC3311",
                                           fontWeight="bold").encode(
            x="value:Q", y=alt.value(8), text="label:N")
        layers += [rule, text]
    return alt.layer(*layers).properties(height=180).configure(locale=vega_locale(lang))


def verdict(percentile: float | None, outlier: bool | None) -> str:
    """``"gap"`` | ``"low_outlier"`` | ``"high_outlier"`` | ``"typical"`` for a text table."""
    if percentile is None or outlier is None:
        return "gap"
    if outlier:
        return "low_outlier" if percentile < 50 else "high_outlier"
    return "typical"
