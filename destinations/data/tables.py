"""Tables shown on pages, built from domain data (pure pandas)."""

from __future__ import annotations

import pandas as pd

from destinations.data.base import BaseData
from destinations.i18n import gettext, pgettext


def attraction_mismatches(base: BaseData) -> pd.DataFrame:
    frame = base.attractions_result.mismatches.copy()
    frame["stated"] = frame["stated"].map(lambda c: f"{base.municipality_name(c)} ({c})")
    frame["located"] = frame["located"].map(lambda c: f"{base.municipality_name(c)} ({c})")
    return frame


def link_edges(base: BaseData, lang: str = "en") -> pd.DataFrame:
    """One row per graph edge made by a fixed link: kind, municipalities, minutes, estimated?"""
    rows = []
    for a, b, d in base.graph.edges(data=True):
        if d["kind"] == "land":
            continue
        rows.append({
            "kind": d["kind"],
            "from": base.municipality_name(a),
            "to": base.municipality_name(b),
            "links": "; ".join(d["links"]),
            "crossing_min": round(d["crossing_minutes"]),
            "edge_min": round(d["minutes"]),
            "crossing": gettext("estimated", lang) if d["crossing_estimated"]
            else pgettext("crossing time", "source", lang),
            "seasonal": d["seasonal"],
        })
    return pd.DataFrame(rows).sort_values(["kind", "from"]).reset_index(drop=True)
