"""Side panels of the national map: what the data says about a company, a municipality or an
attraction, and where that came from. Every text from the data is markdown-escaped; numbers read
in the page's locale (modelled ones to 3 significant figures)."""

from __future__ import annotations

import streamlit as st

from destinations.data.base import BaseData
from destinations.data.lookup import format_months, municipality_facts
from destinations.i18n import fmt_number, localize
from destinations.data.labels import category_label, themes_text
from destinations.model import Fact
from destinations.ui.escape import md
from destinations.ui.figures import count, share, visitors_text
from destinations.ui.frame import Page, kind_badge


def _fact_line(page: Page, label: str, fact: Fact, decimals: int = 0) -> None:
    value = page.t("gap") if fact.is_gap else fmt_number(fact.value, page.lang, digits=decimals)
    p = fact.provenance
    st.markdown(f"**{label}:** {value} {page.t('unit.' + fact.unit)} {kind_badge(page, p.kind.value)}")
    st.caption(f"{page.t('source')}: {md(localize(p.source, page.lang))}" + (f" ({p.year})" if p.year else ""))


def render_metric_legend(page: Page, metric, bins) -> None:
    """Legend of a metric choropleth: class breaks, gaps (named by what they mean), kind badge,
    source and year."""
    from destinations import maps
    from destinations.maps.choropleth import GAP_COLOUR

    entries = [(colour, f"{metric.text(lo, page.lang)} – {metric.text(hi, page.lang)}")
               for colour, lo, hi in zip(bins.colours, bins.edges[:-1], bins.edges[1:])]
    if metric.gaps:
        entries.append((GAP_COLOUR, page.t("map.legend.gaps", gap=metric.gap(page.lang),
                                           n=metric.gaps)))
    st.html(maps.legend_html(entries, title=metric.label(page.lang)))
    st.markdown(kind_badge(page, metric.kind) + f" {page.t('source')}: {md(localize(metric.source, page.lang))}")
    if metric.kind == "modelled":
        st.caption(page.t("map.legend.modelled"))


def _facts_lines(page: Page, facts, code: str) -> None:
    """Overnights and foreign share of a municipality with the model's badge."""
    from destinations.facts import MODEL_VERSION

    kind = facts.kind_of(code)
    annual = facts.annual().get(code)
    foreign = facts.foreign_share().get(code)
    badge = kind_badge(page, kind)
    label = page.t("panel.overnights", year=facts.year)
    st.markdown(f"**{label}:** {count(annual, page.lang, modelled=kind != 'official')} {badge}")
    st.markdown(f"**{page.t('panel.foreign_share')}:** {share(foreign, page.lang, digits=0)} "
                f"{badge}")
    source = (f"Statistics Denmark StatBank ({facts.year})" if kind == "official"
              else f"{MODEL_VERSION} ({page.t('kind.modelled')}; docs/facts-model.md)")
    st.caption(f"{page.t('source')}: {source}")  # the tool's own text, no data in it


def _capacity_lines(page: Page, facts, code: str) -> None:
    """What is known of a municipality's capacity: bed places by type where a local count is
    published (estimated), holiday dwellings (official), "unknown" otherwise."""
    cap = facts.capacity[(facts.capacity["code"] == code)]
    peak = cap.groupby("type")["bed_places"].max().dropna()
    beds = ", ".join(f"{page.t('type.' + t)} {count(v, page.lang, modelled=True)}"
                     for t, v in peak.items())
    st.markdown(f"**{page.t('panel.beds')}:** "
                + (f"{beds} {kind_badge(page, 'estimated')}" if beds else page.t("unknown")))
    dwellings = cap.loc[(cap["type"] == "holiday_home") & (cap["month"] == 1), "dwellings"]
    if len(dwellings) and dwellings.notna().any():
        st.markdown(f"**{page.t('lbl.dwellings')}:** {count(dwellings.iloc[0], page.lang)} "
                    f"{kind_badge(page, 'official')}")
    st.caption(page.t("panel.beds.note") if beds else page.t("capacity.unknown.note"))


def render_municipality_panel(page: Page, base: BaseData, code: str, *, facts=None) -> None:
    tourism = facts
    facts = municipality_facts(base, code)
    st.subheader(md(facts.name))
    st.markdown(f"**{page.t('panel.code')}:** {md(facts.code)} · **{page.t('panel.region')}:** "
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
        _capacity_lines(page, tourism, code)
    if facts.fellow_members:
        st.markdown(f"**{page.t('panel.fellows')}:** "
                    + ", ".join(md(n) for _, n in facts.fellow_members))
    st.markdown(f"**{page.t('panel.attractions')}:**")
    if not facts.attractions:
        st.caption(page.t("panel.none"))
    counts = _counts(base)
    for a in facts.attractions:
        chosen = counts.get(a.name)
        visitors = visitors_text(chosen, page.lang) if chosen else page.t("panel.visitors.gap")
        st.markdown(f"- {md(a.name)} · {md(category_label(a.category, page.lang))} · {visitors}")


def _counts(base: BaseData):
    from destinations.scenarios.flows import chosen_counts

    return chosen_counts(base)


def render_attraction_panel(page: Page, base: BaseData, attraction_id: str) -> None:
    a = base.attraction_by_id[attraction_id]
    st.subheader(md(a.name))
    company = base.company_of(a.kommune_code)
    st.markdown(f"**{page.t('panel.category')}:** {md(category_label(a.category, page.lang))}")
    st.markdown(f"**{page.t('panel.municipality')}:** {md(base.municipality_name(a.kommune_code))} "
                f"({md(a.kommune_code)}) · **{page.t('panel.company')}:** "
                f"{md(company.name) if company else page.t('panel.unaffiliated')}")
    chosen = _counts(base).get(a.name)
    if chosen is not None:
        st.markdown(f"**{page.t('panel.visitors')}:** {visitors_text(chosen, page.lang)} "
                    f"{kind_badge(page, 'compiled')}")
        st.caption(f"{page.t('panel.visitors.rule')}: {md(chosen.rule)}"
                   + (f" · {page.t('panel.visitors.rivals', n=chosen.passed_over)}"
                      if chosen.passed_over else ""))
    else:
        st.markdown(f"**{page.t('panel.visitors')}:** {page.t('panel.visitors.gap')}")
    months = format_months(a.open_months, page.lang)
    st.markdown(f"**{page.t('panel.open')}:** {months or page.t('panel.open.gap')}")
    if a.themes:
        st.markdown(f"**{page.t('panel.themes')}:** " + md(themes_text(a.themes, page.lang)))
    if a.coords_approx:
        st.caption("⚠️ " + page.t("panel.coords_approx"))
    source = chosen.figure.source if chosen is not None else a.source
    st.caption(f"{page.t('source')}: {md(source)}")


def render_company_panel(page: Page, base: BaseData, company_id: str, *, year: int) -> None:
    """A destination company found by the search: members, overnights, lighthouse status with
    the counts behind it, what is known of its capacity, and a link to its profile."""
    from destinations.ui import data
    from destinations.ui.profile import beds_summary, lighthouse_lines
    from destinations.ui.url_state import page_link

    company = base.company_by_id[company_id]
    st.subheader(md(company.name))
    st.caption(page.t("panel.company.kind"))
    st.markdown(f"**{page.t('panel.members', n=len(company.members))}:** "
                + ", ".join(md(base.municipality_name(c)) for c in company.members))
    if company.uncertain_members:
        st.warning(page.t("panel.members.uncertain", names=", ".join(
            md(base.municipality_name(c)) for c in company.uncertain_members)), icon="⚠️")
    profile = data.profile(data.today_scenario(), company_id, year, list(data.builtin_stories()))
    curve = profile.curve
    modelled = curve.kind.value != "official"
    badge = kind_badge(page, curve.kind.value)
    st.markdown(f"**{page.t('panel.overnights', year=year)}:** "
                f"{count(curve.annual, page.lang, modelled=modelled)} {badge}")
    st.markdown(f"**{page.t('panel.foreign_share')}:** "
                f"{share(curve.foreign_share, page.lang, digits=0)} {badge}")
    label, status, why = lighthouse_lines(page, base, profile.lighthouse)
    st.markdown(f"**{label}:** {status} {kind_badge(page, 'compiled')}")
    st.caption(why)
    beds, note = beds_summary(page, profile.capacity)
    dwellings = profile.capacity.loc[profile.capacity["type"] == "holiday_home",
                                     "holiday_dwellings"]
    st.markdown(f"**{page.t('panel.beds')}:** {beds} · **{page.t('lbl.dwellings')}:** "
                f"{count(dwellings.iloc[0] if len(dwellings) else None, page.lang)} "
                f"{kind_badge(page, 'official')}")
    st.caption(note)
    params = {"company": company_id, "year": str(year),
              **({"lang": page.lang} if page.lang != "en" else {})}
    page_link("pages/profile.py", "profile", page.t("panel.profile.link"), params,
              icon=":material/query_stats:")
