"""The destination profile page's work: its choices (kept in the URL), the company's map, and one
renderer per section (character, key figures, reasons to go, overnights, capacity, comparison,
day trips, stories)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

import pandas as pd
import streamlit as st

from destinations import maps
from destinations.data.base import BaseData
from destinations.data.lookup import format_months
from destinations.scenarios.scenario import Scenario
from destinations.season import charts
from destinations.season.profile import company_options, view_for_bounds
from destinations.ui import data
from destinations.ui.escape import md
from destinations.ui.exports import download_csv, download_png, file_stem
from destinations.ui.formatting import (
    caption,
    chart_labels,
    month_names,
    number,
    percent,
    provenance_line,
    type_names,
    year_text,
)
from destinations.ui.frame import Page, kind_badge
from destinations.ui.stores import TODAY, all_stories
from destinations.ui.url_state import init_choice, page_link, write_params


def _localized():
    return st.column_config.NumberColumn(format="localized")


def _percent():
    return st.column_config.NumberColumn(format="percent")


def init_choices(scenario_names: dict[str, str], years: tuple[int, ...]) -> list:
    """Fill the scenario and year choices from the URL once; returns the values the link asked
    for that do not exist (``(what key, (asked, shown))``)."""
    notes = []
    for key, param, options, default, what, parse in (
            ("profile.scenario", "scenario", list(scenario_names), TODAY, "what.scenario", str),
            ("profile.year", "year", list(years), 2019 if 2019 in years else years[-1],
             "what.year", int)):
        bad = init_choice(key, param, options, default, parse=parse)
        if bad:
            notes.append((what, bad))
    return notes


def init_company(scenario: Scenario) -> tuple[dict[str, str], list]:
    """The scenario's companies (``{id: name}``) and the company choice, filled from the URL once
    (nothing to choose, and no note, when the scenario has no company)."""
    companies = company_options(scenario)
    if not companies:
        return companies, []
    default = "destination-fyn" if "destination-fyn" in companies else next(iter(companies))
    bad = init_choice("profile.company", "company", list(companies), default)
    return companies, [("what.company", bad)] if bad else []


@dataclass(frozen=True)
class ProfileView:
    """The chosen company's profile and what the sections need around it."""

    page: Page
    base: BaseData
    scenario: Scenario
    scenario_id: str
    scenario_name: str
    company_id: str
    year: int
    profile: Any
    link: str

    @property
    def lang(self) -> str:
        return self.page.lang

    @property
    def stem(self) -> str:
        return file_stem(self.profile.name, self.year)


def profile_view(page: Page, base: BaseData, scenario: Scenario,
                 scenario_names: dict[str, str]) -> ProfileView:
    """The profile of the choices in the session; mirrors them into the URL (a share link)."""
    state = st.session_state
    scenario_id, company_id = state["profile.scenario"], state["profile.company"]
    year = int(state["profile.year"])
    link = write_params({"scenario": scenario_id, "company": company_id, "year": year})
    with st.spinner(page.t("profile.spinner")):
        profile = data.profile(scenario, company_id, year, all_stories())
    return ProfileView(page, base, scenario, scenario_id,
                       scenario_names.get(scenario_id, scenario.name), company_id, year, profile,
                       link)


# ------------------------------------------------------------------------------ head
def character(view: ProfileView) -> None:
    """Name, members, and the character (city or coast) with the figures behind it."""
    page, profile, lang = view.page, view.profile, view.lang
    st.header(md(profile.name))
    st.caption(page.t("profile.scenario_line", name=md(view.scenario_name)) + " · "
               + page.t("profile.members", n=len(profile.members),
                        names=", ".join(md(n) for _, n in profile.members)))
    trait = profile.character
    label = page.t(f"profile.character.{trait.label or 'none'}")
    st.markdown(f"**{page.t('profile.character')}:** {label} "
                f"{kind_badge(page, trait.kind.value)}")
    st.caption(page.t("profile.character.why",
                      leisure=percent(trait.leisure_share, lang, 0),
                      leisure_dk=percent(trait.national_leisure_share, lang, 0),
                      nature=percent(trait.nature_share, lang, 0, gap=page.t("gap")),
                      nature_dk=percent(trait.national_nature_share, lang, 0),
                      n_nature=trait.nature_attractions, n_city=trait.city_attractions,
                      score=number(trait.score, lang, 2)))
    st.caption(page.t("profile.character.rule"))


def map_view(view: ProfileView) -> tuple[Any, tuple[float, float], int]:
    """(folium map, centre, zoom) of the company: members outlined among all companies."""
    center, zoom = view_for_bounds(view.profile.bounds)
    return profile_map(view.page, view.base, view.scenario, view.profile.codes, center, zoom), \
        center, zoom


def profile_map(page: Page, base, scenario: Scenario, codes: Sequence[str],
                center: tuple[float, float], zoom: int):
    """The company's map: municipalities by company (members outlined), borders, attractions."""
    assignment, names = scenario.assignment, scenario.names
    colours = maps.company_colours(assignment, base.graph)
    fill_json, border_json = data.layers_for(assignment, names, page.t("unaffiliated"))
    fmap = maps.new_map(center=center, zoom=zoom)
    maps.add_municipalities(fmap, fill_json, colours, name=page.t("profile.map.members"),
                            outlined=list(codes))
    maps.add_company_borders(fmap, border_json, name=page.t("profile.map.borders"))
    inside = set(codes)
    company_of = {code: names.get(cid or "", "") for code, cid in assignment.items()}
    maps.add_attractions(
        fmap, maps.attractions_geojson([a for a in base.attractions if a.kommune_code in inside],
                                       company_of),
        name=page.t("profile.map.attractions"),
        labels={"name": page.t("col.name"), "category": page.t("col.category"),
                "visitors": page.t("col.visitors")})
    return fmap


def key_figures(view: ProfileView) -> None:
    """Overnights, foreign share, seasonality, bed places and attractions, with a link to the
    company's season page."""
    page, profile, lang = view.page, view.profile, view.lang
    over_prov = profile.provenance["overnights"]
    st.subheader(page.t("profile.key", year=view.year))
    curve = profile.curve
    st.metric(page.t("profile.key.overnights"), number(curve.annual, lang))
    st.metric(page.t("profile.key.foreign"), percent(curve.foreign_share, lang))
    st.metric(page.t("profile.key.gini"), number(curve.indices.gini, lang, 3),
              help=page.t("idx.help"))
    st.metric(page.t("profile.key.beds"), number(profile.peak_bed_places, lang),
              help=page.t("profile.key.beds.help"))
    provenance_line(page, over_prov)
    st.metric(page.t("profile.key.attractions"), str(len(profile.reasons)))
    provenance_line(page, profile.provenance["attractions"])
    # The link carries the language too: opened in a new tab it starts a new session.
    page_link("pages/season.py", "season", page.t("profile.season.link"),
              {"scope": "company", "company": view.company_id, "year": str(view.year),
               "scenario": view.scenario_id, **({"lang": lang} if lang != "en" else {})},
              icon=":material/calendar_month:")


# ------------------------------------------------------------------------------ tabs
def reasons_tab(view: ProfileView) -> None:
    """The company's reasons to go: its attractions by visitors, with season and themes."""
    page, lang = view.page, view.lang
    reasons = view.profile.reasons
    if reasons.empty:
        st.info(page.t("profile.reasons.none"))
        return
    st.caption(page.t("profile.reasons.caption"))
    shown = pd.DataFrame({
        page.t("col.rank"): reasons["rank"],
        page.t("col.name"): reasons["name"],
        page.t("col.category"): reasons["category"],
        page.t("col.municipality"): reasons["municipality"],
        page.t("col.visitors"): [number(v, lang, gap=page.t("visitors.unknown"))
                                 for v in reasons["visitors"]],
        page.t("col.visitors_year"): [year_text(v) for v in reasons["visitors_year"]],
        page.t("col.season"): [format_months(m, lang) or page.t("season.unknown")
                               for m in reasons["open_months"]],
        page.t("col.themes"): [", ".join(t) for t in reasons["themes"]],
        page.t("col.kind"): [page.t(f"kind.{k}") for k in reasons["kind"]],
    })
    st.dataframe(shown, hide_index=True, width="stretch")
    provenance_line(page, view.profile.provenance["attractions"])
    export = reasons.assign(open_months=reasons["open_months"].map(
        lambda m: " ".join(map(str, m))), themes=reasons["themes"].map(";".join))
    download_csv(page, export, f"{view.stem}-reasons", "profile.csv.reasons")


def overnights_tab(view: ProfileView) -> None:
    """Overnights by month: by accommodation type, Danish and foreign guests, and the table."""
    page, profile, year = view.page, view.profile, view.year
    types, months = type_names(page), month_names(page)
    over_prov = profile.provenance["overnights"]
    curve = profile.curve
    st.caption(page.t("profile.overnights.caption"))
    cap = caption(page, over_prov)
    chart = charts.curve_chart(curve.type_frame(), title=page.t(
        "season.curve.title", name=profile.name, year=year), caption=cap,
        labels=chart_labels(page), type_names=types, month_names=months)
    st.altair_chart(chart, width="stretch")
    guests = charts.nationality_chart(curve.month_frame(), title=page.t(
        "season.guests.title", name=profile.name, year=year), caption=cap,
        labels=chart_labels(page), month_names=months)
    st.altair_chart(guests, width="stretch")
    provenance_line(page, over_prov)
    table = profile.months.round(0).rename(columns={**types, "month": page.t("lbl.month"),
                                                    "danish": page.t("lbl.danish"),
                                                    "foreign": page.t("lbl.foreign"),
                                                    "total": page.t("lbl.total")})
    table[page.t("lbl.month")] = list(months)
    st.dataframe(table, hide_index=True, width="stretch",
                 column_config={c: _localized() for c in table.columns
                                if c != page.t("lbl.month")})
    c1, c2, c3 = st.columns(3)
    with c1:
        download_csv(page, profile.months, f"{view.stem}-overnights", "profile.csv.months",
                     over_prov)
    with c2:
        download_png(page, chart, f"{view.stem}-by-type", "profile.png.types",
                     what=page.t("lbl.type"))
    with c3:
        download_png(page, guests, f"{view.stem}-guests", "profile.png.guests",
                     what=page.t("lbl.guests"))


def capacity_tab(view: ProfileView) -> None:
    """Bed places in the peak and the low season by accommodation type."""
    page, profile = view.page, view.profile
    types = type_names(page)
    st.caption(page.t("profile.capacity.caption"))
    capacity = profile.capacity
    shown = pd.DataFrame({
        page.t("lbl.type"): [types[t] for t in capacity["type"]],
        page.t("lbl.overnights"): capacity["overnights"].round(0),
        page.t("lbl.share"): capacity["share"],
        page.t("lbl.bed_places_peak"): capacity["bed_places_peak"].round(0),
        page.t("lbl.bed_places_low"): capacity["bed_places_low"].round(0),
        page.t("lbl.houses"): capacity["houses_for_rent"].round(0),
        page.t("lbl.note"): [page.t(f"coverage.{t}") for t in capacity["type"]],
    })
    st.dataframe(shown, hide_index=True, width="stretch", column_config={
        page.t("lbl.overnights"): _localized(),
        page.t("lbl.share"): _percent(),
        page.t("lbl.bed_places_peak"): _localized(),
        page.t("lbl.bed_places_low"): _localized(),
        page.t("lbl.houses"): _localized(),
    })
    provenance_line(page, profile.provenance["capacity"])
    st.caption(page.t("coverage.modelled"))
    download_csv(page, capacity, f"{view.stem}-capacity", "profile.csv.capacity",
                 profile.provenance["capacity"])


def compare_tab(view: ProfileView) -> None:
    """The company beside its neighbouring companies, the average company and Denmark."""
    page, profile = view.page, view.profile
    types = type_names(page)
    st.caption(page.t("profile.compare.caption"))
    comparison = profile.comparison
    if not profile.neighbours:
        st.caption(page.t("profile.neighbours.none"))
    if profile.unaffiliated_neighbours:
        st.caption(page.t("profile.neighbours.loose", names=", ".join(
            md(n) for _, n in profile.unaffiliated_neighbours)))
    names = [page.t("role.average") if r == "average" else page.t("role.national")
             if r == "national" else n for n, r in zip(comparison["name"], comparison["role"])]
    shown = pd.DataFrame({
        page.t("lbl.name"): names,
        page.t("col.role"): [page.t(f"role.{r}") for r in comparison["role"]],
        page.t("col.members"): comparison["members"],
        page.t("idx.overnights"): comparison["overnights"].round(0),
        page.t("idx.foreign_share"): comparison["foreign_share"],
        page.t("idx.gini"): comparison["gini"],
        page.t("idx.peak_quarter_share"): comparison["peak_quarter_share"],
        page.t("idx.offseason_share"): comparison["offseason_share"],
        page.t("col.per_resident"): comparison["overnights_per_resident"],
        **{page.t("col.share_type", type=types[t]): comparison[f"{t}_share"] for t in types},
        page.t("col.attractions"): comparison["attractions"],
        page.t("col.kind"): [page.t(f"kind.{k}") for k in comparison["kind"]],
    })
    percent_cols = [page.t("idx.foreign_share"), page.t("idx.peak_quarter_share"),
                    page.t("idx.offseason_share")] + [page.t("col.share_type", type=types[t])
                                                     for t in types]
    st.dataframe(shown, hide_index=True, width="stretch", column_config={
        **{c: _percent() for c in percent_cols},
        page.t("idx.overnights"): _localized(),
        page.t("col.members"): st.column_config.NumberColumn(format="%.1f"),
        page.t("col.attractions"): st.column_config.NumberColumn(format="%.1f"),
        page.t("idx.gini"): st.column_config.NumberColumn(format="%.3f"),
        page.t("col.per_resident"): st.column_config.NumberColumn(format="%.1f"),
    })
    over_prov = profile.provenance["overnights"]
    provenance_line(page, over_prov)
    download_csv(page, comparison, f"{view.stem}-comparison", "profile.csv.compare", over_prov)


def flows_tab(view: ProfileView) -> None:
    """Day trips across the company's border: by neighbouring company and by municipality pair."""
    page, profile = view.page, view.profile
    flow_prov = profile.provenance["flows"]
    st.caption(page.t("profile.flows.caption"))
    if profile.flows.empty:
        st.info(page.t("profile.flows.none"))
        return
    unaffiliated = page.t("unaffiliated")
    counts = {page.t("col.share"): _percent(),
              **{page.t(c): _localized() for c in ("col.outbound", "col.inbound", "col.total")}}
    st.markdown(f"**{page.t('profile.flows.companies')}**")
    by_company = profile.flow_companies
    st.dataframe(pd.DataFrame({
        page.t("col.to_company"): [c if isinstance(c, str) else unaffiliated
                                   for c in by_company["company"]],
        page.t("col.neighbour"): by_company["neighbour"],
        page.t("col.outbound"): by_company["outbound"].round(0),
        page.t("col.inbound"): by_company["inbound"].round(0),
        page.t("col.total"): by_company["total"].round(0),
        page.t("col.share"): by_company["share"],
        page.t("col.kind"): [page.t(f"kind.{k}") for k in by_company["kind"]],
    }), hide_index=True, width="stretch", column_config=counts)
    st.markdown(f"**{page.t('profile.flows.pairs')}**")
    pairs = profile.flows
    st.dataframe(pd.DataFrame({
        page.t("col.from"): pairs["from_name"],
        page.t("col.to"): pairs["to_name"],
        page.t("col.to_company"): [c if isinstance(c, str) else unaffiliated
                                   for c in pairs["to_company"]],
        page.t("col.outbound"): pairs["outbound"].round(0),
        page.t("col.inbound"): pairs["inbound"].round(0),
        page.t("col.total"): pairs["total"].round(0),
        page.t("col.share"): pairs["share"],
    }), hide_index=True, width="stretch", column_config=counts)
    provenance_line(page, flow_prov)
    c1, c2 = st.columns(2)
    with c1:
        download_csv(page, by_company, f"{view.stem}-flow-companies", "profile.csv.flowco",
                     flow_prov, what=page.t("profile.flows.companies"))
    with c2:
        download_csv(page, pairs, f"{view.stem}-flow-pairs", "profile.csv.flows", flow_prov,
                     what=page.t("profile.flows.pairs"))


def stories_tab(view: ProfileView) -> None:
    """The shared stories the company takes part in, and with whom."""
    page, lang = view.page, view.lang
    st.caption(page.t("profile.stories.caption"))
    if not view.profile.stories:
        st.info(page.t("profile.stories.none"))
    for item in view.profile.stories:
        title = item["title_da"] if lang == "da" else item["title"]
        partners = ", ".join(md(p) for p in item["partners"]) or page.t("profile.stories.alone")
        st.markdown(page.t("profile.stories.item", title=md(title),
                           steps=len(item["steps_in_company"]), total=item["steps"],
                           share=percent(item["share"], lang, 0), partners=partners))
