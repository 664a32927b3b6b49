"""Side panels of the national map: what the data says about a place, and where that came from."""

from __future__ import annotations

import streamlit as st

from destinations.data.base import BaseData
from destinations.i18n import number
from destinations.data.lookup import format_months, municipality_facts
from destinations.model import Fact
from destinations.ui.escape import md
from destinations.ui.frame import Page, kind_badge


def _fact_line(page: Page, label: str, fact: Fact, decimals: int = 0) -> None:
    value = page.t("gap") if fact.is_gap else number(fact.value, page.lang, decimals)
    p = fact.provenance
    st.markdown(f"**{label}:** {value} {page.t('unit.' + fact.unit)} {kind_badge(page, p.kind.value)}")
    st.caption(f"{page.t('source')}: {md(p.source)}" + (f" ({p.year})" if p.year else ""))


def render_metric_legend(page: Page, metric, bins) -> None:
    """Legend of a metric choropleth: class breaks, gaps, kind badge, source and year."""
    from destinations import maps
    from destinations.maps.choropleth import GAP_COLOUR

    def fmt(value: float) -> str:
        return f"{value:.0%}" if metric.percent else number(value, page.lang)

    entries = [(colour, f"{fmt(lo)} – {fmt(hi)}") for colour, lo, hi in
               zip(bins.colours, bins.edges[:-1], bins.edges[1:])]
    gaps = sum(v is None for v in metric.values.values())
    if gaps:
        entries.append((GAP_COLOUR, f"{page.t('gap')} ({gaps})"))
    st.html(maps.legend_html(entries, title=metric.label(page.lang)))
    st.markdown(kind_badge(page, metric.kind) + f" {page.t('source')}: {md(metric.source)}")


def _facts_lines(page: Page, facts, code: str) -> None:
    """Overnights and foreign share of a municipality with the model's badge."""
    from destinations.facts import MODEL_VERSION

    kind = facts.kind_of(code)
    annual = float(facts.annual().get(code, float("nan")))
    share = facts.foreign_share().get(code)
    badge = kind_badge(page, kind)
    label = page.t("panel.overnights", year=facts.year)
    st.markdown(f"**{label}:** {number(annual, page.lang)} {badge}")
    if share is not None and share == share:
        st.markdown(f"**{page.t('panel.foreign_share')}:** {share:.0%} {badge}")
    source = (f"Statistics Denmark StatBank ({facts.year})" if kind == "official"
              else f"{MODEL_VERSION} ({page.t('kind.modelled')}; docs/facts-model.md)")
    st.caption(f"{page.t('source')}: {source}")


def render_municipality_panel(page: Page, base: BaseData, code: str, *, facts=None) -> None:
    tourism = facts
    facts = municipality_facts(base, code)
    st.subheader(md(facts.name))
    st.markdown(f"**{page.t('panel.code')}:** {facts.code} · **{page.t('panel.region')}:** "
                f"{md(facts.region_name)}")
    company = md(facts.company_name) if facts.company_name else \
        f"— ({page.t('panel.unaffiliated')})"
    st.markdown(f"**{page.t('panel.company')}:** {company}")
    if facts.membership_uncertain:
        st.warning(page.t("panel.uncertain", source=md(facts.membership_source)), icon="⚠️")
    else:
        st.caption(f"{page.t('panel.membership_source')}: {md(facts.membership_source)}")
    _fact_line(page, page.t("panel.population"), facts.population)
    _fact_line(page, page.t("panel.area"), facts.area_km2, decimals=1)
    if tourism is not None:
        _facts_lines(page, tourism, code)
    if facts.fellow_members:
        st.markdown(f"**{page.t('panel.fellows')}:** "
                    + ", ".join(md(n) for _, n in facts.fellow_members))
    st.markdown(f"**{page.t('panel.attractions')}:**")
    if not facts.attractions:
        st.caption(page.t("panel.none"))
    for a in facts.attractions:
        visitors = f"{number(a.visitors, page.lang)} ({a.visitors_year})" if a.visitors else page.t("panel.visitors.gap")
        st.markdown(f"- {md(a.name)} · {md(a.category)} · {visitors}")


def render_attraction_panel(page: Page, base: BaseData, attraction_id: str) -> None:
    a = base.attraction_by_id[attraction_id]
    st.subheader(md(a.name))
    company = base.company_of(a.kommune_code)
    st.markdown(f"**{page.t('panel.category')}:** {md(a.category)}")
    st.markdown(f"**{page.t('panel.municipality')}:** {md(base.municipality_name(a.kommune_code))} "
                f"({a.kommune_code}) · **{page.t('panel.company')}:** "
                f"{md(company.name) if company else page.t('panel.unaffiliated')}")
    if a.visitors:
        st.markdown(f"**{page.t('panel.visitors')}:** {number(a.visitors, page.lang)} ({a.visitors_year}) "
                    f"{kind_badge(page, 'compiled')}")
    else:
        st.markdown(f"**{page.t('panel.visitors')}:** {page.t('panel.visitors.gap')}")
    months = format_months(a.open_months, page.lang)
    st.markdown(f"**{page.t('panel.open')}:** {months or page.t('panel.open.gap')}")
    if a.themes:
        st.markdown(f"**{page.t('panel.themes')}:** " + ", ".join(md(t) for t in a.themes))
    if a.coords_approx:
        st.caption("⚠️ " + page.t("panel.coords_approx"))
    st.caption(f"{page.t('source')}: {md(a.source)}")
