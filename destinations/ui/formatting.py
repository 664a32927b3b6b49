"""Figures as text in the page's language, chart labels, and the provenance line under a figure."""

from __future__ import annotations

import math
from typing import Any, Iterable

import streamlit as st

from destinations.data.lookup import MONTHS_DA, MONTHS_EN
from destinations.model import Provenance
from destinations.season.charts import provenance_text
from destinations.ui.escape import md
from destinations.ui.frame import Page, kind_badge


def number(value: Any, lang: str, decimals: int = 0, *, gap: str = "–") -> str:
    """1234567.8 -> '1,234,568' (en) / '1.234.568' (da); NaN/None -> the gap text."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return gap
    text = f"{float(value):,.{decimals}f}"
    if lang == "da":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def percent(share: Any, lang: str, decimals: int = 1, *, gap: str = "–") -> str:
    """0.4567 -> '45.7 %' (en) / '45,7 %' (da)."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return gap
    return number(float(share) * 100.0, lang, decimals) + " %"


def year_text(value: Any, *, gap: str = "–") -> str:
    """2019.0 -> '2019'; NaN/None -> the gap text."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return gap
    return str(int(value))


def month_names(page: Page) -> tuple[str, ...]:
    return MONTHS_DA if page.lang == "da" else MONTHS_EN


def type_names(page: Page) -> dict[str, str]:
    from destinations.facts.constants import ACCOMMODATION_TYPES

    return {t: page.t(f"type.{t}") for t in ACCOMMODATION_TYPES}


def kind_names(page: Page) -> dict[str, str]:
    return {k: page.t(f"kind.{k}") for k in ("official", "compiled", "modelled")}


def chart_labels(page: Page, **extra: str) -> dict[str, str]:
    keys = ("month", "overnights", "type", "company", "share", "guests", "danish", "foreign",
            "year", "country", "demand", "capacity", "occupancy", "series")
    return {**{k: page.t(f"lbl.{k}") for k in keys}, **extra}


def caption(page: Page, provenance: Provenance | Iterable[Provenance]) -> str:
    """The chart caption: "Source: … · year · kind" in the page's language."""
    return provenance_text(provenance, source_label=page.t("lbl.source"),
                           kind_names=kind_names(page))


def provenance_line(page: Page, provenance: Provenance) -> None:
    """Kind badge, source and year under a number, table or chart."""
    year = f" · {provenance.year}" if provenance.year is not None else ""
    st.caption(f"{kind_badge(page, provenance.kind.value)} {page.t('lbl.source')}: "
               f"{md(provenance.source)}{year}")
    if provenance.kind.value == "modelled":
        st.caption(page.t("modelled.note"))

