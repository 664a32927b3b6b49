"""Downloads: CSV with provenance columns (Danish spreadsheet conventions) and charts as PNG."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from destinations.model import Provenance
from destinations.scenarios.uploads import neutralize_frame
from destinations.season.charts import chart_png
from destinations.ui.frame import Page


def csv_bytes(frame: pd.DataFrame, lang: str, provenance: Provenance | None = None) -> bytes:
    """CSV with provenance columns (Danish: ';' and decimal comma, for spreadsheets).

    Text cells that start like a formula (``=``, ``+``, ``-``, ``@``, tab, CR) are quoted, so a
    spreadsheet shows a name from the data as text and never runs it (OWASP CSV injection).
    """
    out = frame.copy()
    if provenance is not None:
        if "kind" not in out.columns:
            out["kind"] = provenance.kind.value
        out["source"] = provenance.source
        out["year"] = provenance.year if "year" not in out.columns else out["year"]
    out = neutralize_frame(out)
    if lang == "da":
        return out.to_csv(index=False, sep=";", decimal=",").encode("utf-8-sig")
    return out.to_csv(index=False).encode("utf-8")


def download_csv(page: Page, frame: pd.DataFrame, name: str, key: str,
                 provenance: Provenance | None = None, *, what: str = "") -> None:
    """A CSV button; ``what`` names the table when a section offers several."""
    label = page.t("export.csv") + (f": {what}" if what else "")
    st.download_button(label, data=csv_bytes(frame, page.lang, provenance),
                       file_name=f"{name}.csv", mime="text/csv", key=key, on_click="ignore",
                       icon=":material/table:")


def download_png(page: Page, chart, name: str, key: str, *, what: str = "") -> None:
    """A PNG button that renders only when clicked (vl-convert takes ~0.2-2 s per chart)."""
    label = page.t("export.png") + (f": {what}" if what else "")
    st.download_button(label, data=lambda: chart_png(chart), file_name=f"{name}.png",
                       mime="image/png", key=key, on_click="ignore", icon=":material/image:")


def file_stem(*parts: object) -> str:
    """A safe file name from parts ('Destination Fyn', 2019 -> 'destination-fyn-2019')."""
    from destinations.data.companies import slugify

    return "-".join(slugify(str(p)) for p in parts if str(p))

