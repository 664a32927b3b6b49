"""Figures as text in the page's language, chart labels, and the provenance line under a figure."""

from __future__ import annotations

import math
from typing import Any, Iterable

import streamlit as st

from destinations.data.lookup import MONTHS_DA, MONTHS_EN
from destinations.i18n import GAP, fmt_number, fmt_percent, fmt_significant, is_gap, localize
from destinations.model import Provenance
from destinations.season.charts import provenance_text
from destinations.ui.escape import md
from destinations.ui.frame import Page, kind_badge


def number(value: Any, lang: str, decimals: int = 0, *, gap: str = GAP) -> str:
    """1234567.8 -> '1,234,568' (en) / '1.234.568' (da); NaN/None -> the gap text
    (:func:`destinations.i18n.fmt_number`)."""
    return gap if is_gap(value) else fmt_number(value, lang, digits=decimals)


def percent(share: Any, lang: str, decimals: int = 1, *, gap: str = GAP) -> str:
    """0.4567 -> '45.7%' (en) / '45,7 %' (da) (:func:`destinations.i18n.fmt_percent`)."""
    return gap if is_gap(share) else fmt_percent(share, lang, digits=decimals)


def significant(value: Any, lang: str, digits: int = 3, *, gap: str = GAP) -> str:
    """A modelled figure to ``digits`` significant figures: 582037 -> '582,000'
    (:func:`destinations.i18n.fmt_significant`)."""
    return gap if is_gap(value) else fmt_significant(value, lang, digits=digits)


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
                           kind_names=kind_names(page), lang=page.lang)


def provenance_line(page: Page, provenance: Provenance) -> None:
    """Kind badge, source and year under a number, table or chart."""
    year = f" · {provenance.year}" if provenance.year is not None else ""
    st.caption(f"{kind_badge(page, provenance.kind.value)} {page.t('lbl.source')}: "
               f"{md(localize(provenance.source, page.lang))}{year}")
    if provenance.kind.value == "modelled":
        st.caption(page.t("modelled.note"))

