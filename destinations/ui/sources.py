"""The data & sources page's tables: every dataset with its provenance, which file is in force,
the caveats, and the travel graph's and the map geometry's figures."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from destinations.ui.escape import md
from destinations.ui.frame import Page


def datasets_table(page: Page, catalogue: list) -> pd.DataFrame:
    """One row a dataset: name, kind, source, licence, year, rows, coverage, file."""
    return pd.DataFrame([{"name": d.name, "kind": page.t("kind." + d.kind.value), "source": d.source,
                          "licence": d.licence, "year": d.year, "rows": d.rows,
                          "coverage": d.coverage, "file": d.path} for d in catalogue])


def in_force_table(page: Page, status: dict) -> pd.DataFrame:
    """Which file is read for each dataset, where it came from, what it replaces, its checksum."""
    checked = {f["path"]: f["ok"] for f in status["files"]}
    return pd.DataFrame([{"file": row["path"].rsplit("/", 1)[-1],
                          "origin": page.t("data.origin." + row["origin"].replace(" ", "_")),
                          "in_force": row.get("in_force", True), "replaces": row.get("replaces", ""),
                          "checksum": checked.get(row["path"])} for row in status["in_force"]])


def in_force_columns(page: Page) -> dict:
    return {"in_force": st.column_config.CheckboxColumn(page.t("data.col.in_force")),
            "checksum": st.column_config.CheckboxColumn(page.t("data.col.checksum"))}


def caveats(catalogue: list) -> None:
    """Every dataset's known caveats, as a list under its name."""
    for d in catalogue:
        for caveat in d.caveats:
            st.markdown(f"- **{md(d.name)}:** {md(caveat)}")


def graph_summary(page: Page, graph: dict) -> tuple[str, str]:
    """(what the travel graph holds, the assumptions of its travel times)."""
    a = graph["assumptions"]
    return (page.t("data.graph.summary", nodes=graph["nodes"], edges=graph["edges"],
                   links=graph["fixed_links"], components=graph["components"]),
            page.t("data.graph.assumptions", circuity=a["circuity"], speed=a["road_speed_kmh"],
                   ferry=a["ferry_speed_kmh"], handling=a["ferry_handling_min"]))


def geometry_text(page: Page, status: dict) -> str:
    """How the map's boundaries were simplified and how much that costs."""
    geometry = status["map_geometry"]
    return page.t("data.geometry.text", tol=geometry["tolerance_m"],
                  bytes=status["map_payload_bytes"], raw=geometry["raw_bytes"],
                  err=geometry["max_area_error"],
                  valid=page.t("data.none") if geometry["coverage_valid"] else page.t("data.found"))
