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
from destinations.data.labels import category_label, themes_text
from destinations.data.lookup import format_months
from destinations.i18n import GAP, fmt_number, fmt_significant
from destinations.model import Kind
from destinations.scenarios.flows import chosen_counts, format_flow, format_flow_range
from destinations.scenarios.scenario import Scenario
from destinations.season import charts
from destinations.season.capacity import capacity_view
from destinations.season.profile import company_options, view_for_bounds
from destinations.ui import data
from destinations.ui.escape import md
from destinations.ui.exports import download_csv, download_png, file_stem
from destinations.ui.figures import (
    basis_lines,
    capacity_reading,
    count,
    share,
    show_table,
    styled,
    visitors_text,
)
from destinations.ui.formatting import (
    caption,
    chart_labels,
    month_names,
    provenance_line,
    type_names,
)
from destinations.ui.frame import Page, kind_badge
from destinations.ui.url_state import init_choice, page_link, write_params

TODAY = data.TODAY
#: Longest value of a link parameter echoed back in a message.
MAX_ECHO = 40
#: The shortage line and off-season target the profile reads capacity at (the season page's
#: defaults; its sliders change them there).
SHORTAGE_SHARE, TARGET_OCCUPANCY = 0.9, 0.6


def short(notes: list) -> list:
    """URL values echoed in a warning, cut to :data:`MAX_ECHO` characters."""
    return [(what, (asked if len(asked) <= MAX_ECHO else asked[:MAX_ECHO] + "…", shown))
            for what, (asked, shown) in notes]


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
    return short(notes)


def init_company(scenario: Scenario) -> tuple[dict[str, str], list]:
    """The scenario's companies (``{id: name}``) and the company choice, filled from the URL once
    (nothing to choose, and no note, when the scenario has no company)."""
    companies = company_options(scenario)
    if not companies:
        return companies, []
    default = "destination-fyn" if "destination-fyn" in companies else next(iter(companies))
    bad = init_choice("profile.company", "company", list(companies), default)
    return companies, short([("what.company", bad)] if bad else [])


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

    @property
    def modelled(self) -> bool:
        """The overnights are modelled (shown to 3 significant figures)."""
        return self.profile.curve.kind is not Kind.OFFICIAL


def profile_view(page: Page, base: BaseData, scenario: Scenario,
                 scenario_names: dict[str, str]) -> ProfileView:
    """The profile of the choices in the session; mirrors them into the URL (a share link)."""
    state = st.session_state
    scenario_id, company_id = state["profile.scenario"], state["profile.company"]
    year = int(state["profile.year"])
    write_params({"scenario": scenario_id, "company": company_id, "year": year})
    link = "?" + "&".join(f"{k}={v}" for k, v in (("scenario", scenario_id), ("company", company_id),
                                                   ("year", year), ("lang", page.lang))
                          if k != "lang" or v != "en")
    with st.spinner(page.t("profile.spinner")):
        profile = data.profile(scenario, company_id, year, data.stories())
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
                      leisure=share(trait.leisure_share, lang, digits=0),
                      leisure_dk=share(trait.national_leisure_share, lang, digits=0),
                      nature=share(trait.nature_share, lang, digits=0),
                      nature_dk=share(trait.national_nature_share, lang, digits=0),
                      n_nature=trait.nature_attractions, n_city=trait.city_attractions,
                      score=fmt_significant(trait.score, lang)))  # 0.0496 is not 0.05
    st.caption(page.t("profile.character.rule"))


def map_view(view: ProfileView) -> tuple[Any, tuple[float, float], int]:
    """(folium map, centre, zoom) of the company: members outlined among all companies."""
    center, zoom = view_for_bounds(view.profile.bounds)
    return profile_map(view.page, view.base, view.scenario, view.profile.codes, center, zoom), \
        center, zoom


def profile_map(page: Page, base, scenario: Scenario, codes: Sequence[str],
                center: tuple[float, float], zoom: int):
    """The company's map: municipalities by company (members outlined), borders, attractions."""
    from destinations.ui.national_map import attraction_layer

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
        fmap, attraction_layer(base, [a for a in base.attractions if a.kommune_code in inside],
                               company_of, page.lang),
        name=page.t("profile.map.attractions"),
        labels={"name": page.t("col.name"), "category": page.t("col.category"),
                "visitors": page.t("col.visitors")})
    return fmap


def beds_summary(page: Page, capacity: pd.DataFrame) -> tuple[str, str]:
    """(the bed-places key figure, the line that says what it is): the company's own bed places
    when every member has a figure; else "unknown" with what is known for whom."""
    lang = page.lang
    whole = capacity["bed_places_peak"]
    if whole.notna().any() and whole.notna().sum() == capacity["known_bed_places_peak"].notna().sum():
        types = ", ".join(page.t(f"type.{t}") for t in capacity.loc[whole.notna(), "type"])
        return (count(whole.sum(min_count=1), lang, modelled=True),
                page.t("beds.all", types=types))
    known = capacity[capacity["known_bed_places_peak"].notna()]
    if known.empty:
        return page.t("unknown"), page.t("beds.none")
    parts = [page.t("beds.part", type=page.t(f"type.{row.type}"),
                    beds=count(row.known_bed_places_peak, lang, modelled=True),
                    n=int(row.members_known), members=int(row.members),
                    coverage=share(row.coverage, lang))
             for row in known.itertuples()]
    return page.t("unknown"), page.t("beds.some", parts="; ".join(parts))


def key_figures(view: ProfileView) -> None:
    """Overnights, foreign share, seasonality, bed places, holiday dwellings, lighthouse and
    attractions, each with what it rests on, and a link to the company's season page."""
    page, profile, lang = view.page, view.profile, view.lang
    over_prov = profile.provenance["overnights"]
    st.subheader(page.t("profile.key", year=view.year))
    curve = profile.curve
    c1, c2 = st.columns(2)
    c1.metric(page.t("profile.key.overnights"), count(curve.annual, lang, modelled=view.modelled))
    c2.metric(page.t("profile.key.foreign"), share(curve.foreign_share, lang))
    c1.metric(page.t("profile.key.gini"), fmt_number(curve.indices.gini, lang, digits=3),
              help=page.t("idx.help"))
    c2.metric(page.t("profile.key.attractions"), str(len(profile.reasons)))
    provenance_line(page, over_prov)
    beds, beds_note = beds_summary(page, profile.capacity)
    dwellings = profile.capacity.loc[profile.capacity["type"] == "holiday_home",
                                     "holiday_dwellings"]
    c1, c2 = st.columns(2)
    c1.metric(page.t("profile.key.beds"), beds, help=page.t("profile.key.beds.help"))
    c2.metric(page.t("lbl.dwellings"), count(dwellings.iloc[0] if len(dwellings) else None, lang),
              help=page.t("profile.key.dwellings.help"))
    st.caption(beds_note)
    lighthouse_summary(view)
    # The link carries the language too: opened in a new tab it starts a new session.
    page_link("pages/season.py", "season", page.t("profile.season.link"),
              {"scope": "company", "company": view.company_id, "year": str(view.year),
               "scenario": view.scenario_id, **({"lang": lang} if lang != "en" else {})},
              icon=":material/calendar_month:")


def _counted(page: Page, base, items) -> str:
    """'Odense Zoo 448.361 (2022)' for (name, label) pairs, in the page's locale."""
    counts = chosen_counts(base)
    return ", ".join(f"{md(name)} {visitors_text(counts.get(name), page.lang)}"
                     for name, _ in items)


def lighthouse_lines(page: Page, base, status) -> tuple[str, str, str]:
    """(label, yes / no / unknown, why) of a :class:`LighthouseStatus`: the counts behind a yes
    or a no with their years; an unknown says how many attractions lack a count (a missing count
    is never read as a small one, so a company is "no" only when every attraction is counted)."""
    label = page.t("lighthouse", threshold=fmt_number(status.threshold, page.lang))
    if status.status == "yes":
        why = page.t("lighthouse.why.yes", items=_counted(page, base, status.lighthouses))
    elif status.status == "no":
        why = page.t("lighthouse.why.no", items=_counted(page, base, status.below))
    elif status.uncounted:
        why = page.t("lighthouse.why.unknown", n=len(status.uncounted))
    else:
        why = page.t("lighthouse.why.none")
    return label, page.t("lighthouse." + status.status), why


def lighthouse_summary(view: ProfileView) -> None:
    """Yes / no / unknown with the counts behind it (never "no" for a missing count)."""
    page, status = view.page, view.profile.lighthouse
    if status is None:
        return
    label, text, why = lighthouse_lines(page, view.base, status)
    st.markdown(f"**{label}:** {text} {kind_badge(page, 'compiled')}")
    st.caption(why)


# ------------------------------------------------------------------------------ tabs
def reasons_tab(view: ProfileView) -> None:
    """The company's reasons to go: its attractions by visitors (the count chosen per attraction,
    with its year), lighthouse status and the attractions without a count listed apart."""
    page, lang = view.page, view.lang
    reasons = view.profile.reasons
    if reasons.empty:
        st.info(page.t("profile.reasons.none"))
        return
    status = view.profile.lighthouse
    if status is not None:
        lighthouse_summary(view)
        if status.below and status.status != "no":
            st.caption(page.t("lighthouse.below", items=_counted(page, view.base, status.below)))
    st.caption(page.t("profile.reasons.caption"))
    counts = chosen_counts(view.base)
    counted = reasons[reasons["visitors"].notna()]
    uncounted = reasons[reasons["visitors"].isna()]
    yes_no = {True: page.t("lighthouse.yes"), False: page.t("lighthouse.no")}
    shown = pd.DataFrame({
        page.t("col.rank"): counted["rank"],
        page.t("col.name"): counted["name"],
        page.t("col.category"): [category_label(c, lang) for c in counted["category"]],
        page.t("col.municipality"): counted["municipality"],
        page.t("col.visitors"): counted["visitors"].astype(float),
        page.t("col.visitors_shown"): [visitors_text(counts.get(n), lang)
                                       for n in counted["name"]],
        page.t("col.lighthouse"): [yes_no.get(v, page.t("lighthouse.unknown"))
                                   for v in counted["lighthouse"]],
        page.t("col.season"): [format_months(m, lang) or page.t("season.unknown")
                               for m in counted["open_months"]],
        page.t("col.themes"): [", ".join(t) for t in counted["themes"]],
    })
    show_table(styled(shown, lang, counts=[page.t("col.visitors")]), hide_index=True,
                 width="stretch", key="profile.reasons")
    if not uncounted.empty:
        st.markdown(f"**{page.t('profile.reasons.uncounted', n=len(uncounted))}**")
        show_table(pd.DataFrame({
            page.t("col.name"): uncounted["name"],
            page.t("col.category"): [category_label(c, lang) for c in uncounted["category"]],
            page.t("col.municipality"): uncounted["municipality"],
            page.t("col.season"): [format_months(m, lang) or page.t("season.unknown")
                                   for m in uncounted["open_months"]],
            page.t("col.themes"): [themes_text(t, lang) for t in uncounted["themes"]],
        }), hide_index=True, width="stretch", key="profile.uncounted")
    st.caption(page.t("lighthouse.rule"))
    provenance_line(page, view.profile.provenance["lighthouse"])
    export = reasons.assign(open_months=reasons["open_months"].map(
        lambda m: " ".join(map(str, m))), themes=reasons["themes"].map(";".join))
    download_csv(page, export, f"{view.stem}-reasons", "profile.csv.reasons")


def overnights_tab(view: ProfileView) -> None:
    """Overnights by month: by accommodation type, Danish and foreign guests, and the table."""
    page, profile, year, lang = view.page, view.profile, view.year, view.lang
    types, months = type_names(page), month_names(page)
    over_prov = profile.provenance["overnights"]
    curve = profile.curve
    st.caption(page.t("profile.overnights.caption"))
    cap = caption(page, over_prov)
    chart = charts.curve_chart(curve.type_frame(), title=page.t(
        "season.curve.title", name=profile.name, year=year), caption=cap,
        labels=chart_labels(page), type_names=types, month_names=months, lang=lang,
        significant=view.modelled)
    st.altair_chart(chart, width="stretch")
    guests = charts.nationality_chart(curve.month_frame(), title=page.t(
        "season.guests.title", name=profile.name, year=year), caption=cap,
        labels=chart_labels(page), month_names=months, lang=lang, significant=view.modelled)
    st.altair_chart(guests, width="stretch")
    provenance_line(page, over_prov)
    table = profile.months.rename(columns={**types, "month": page.t("lbl.month"),
                                           "danish": page.t("lbl.danish"),
                                           "foreign": page.t("lbl.foreign"),
                                           "total": page.t("lbl.total")})
    table[page.t("lbl.month")] = list(months)
    numbers = [c for c in table.columns if c != page.t("lbl.month")]
    show_table(styled(table, lang, **{"modelled" if view.modelled else "counts": numbers}),
                 hide_index=True, width="stretch", key="profile.months")
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


def capacity_cell(page: Page, row) -> str:
    """What is known of one type's capacity, in words: the company's bed places, the part with
    a figure, holiday dwellings, or unknown."""
    lang = page.lang
    kind = page.t("kind.estimated")
    if row.type == "holiday_home" and not pd.isna(row.holiday_dwellings):
        return page.t("capacity.cell.dwellings", dwellings=count(row.holiday_dwellings, lang))
    if not pd.isna(row.bed_places_peak):
        return page.t("capacity.cell.all", beds=count(row.bed_places_peak, lang, modelled=True),
                      kind=kind)
    if not pd.isna(row.known_bed_places_peak):
        return page.t("capacity.cell.some",
                      beds=count(row.known_bed_places_peak, lang, modelled=True),
                      n=int(row.members_known), members=int(row.members), kind=kind)
    return page.t("capacity.cell.unknown")


def capacity_tab(view: ProfileView) -> None:
    """What is known of the company's capacity by accommodation type, and the shortage and
    headroom that can be read where it is known (unknown elsewhere), with the inputs."""
    page, profile, lang = view.page, view.profile, view.lang
    types = type_names(page)
    st.caption(page.t("profile.capacity.caption"))
    capacity = profile.capacity
    shown = pd.DataFrame({
        page.t("lbl.type"): [types[t] for t in capacity["type"]],
        page.t("lbl.overnights"): capacity["overnights"],
        page.t("lbl.share_overnights"): capacity["share"],
        page.t("lbl.capacity_known"): [capacity_cell(page, r) for r in capacity.itertuples()],
        page.t("lbl.coverage"): capacity["coverage"],
    })
    show_table(styled(shown, lang, shares=[page.t("lbl.share_overnights"),
                                             page.t("lbl.coverage")],
                        **{"modelled" if view.modelled else "counts": [page.t("lbl.overnights")]}),
                 hide_index=True, width="stretch", key="profile.capacity")
    st.markdown(f"**{page.t('capacity.basis')}**")
    dwellings = capacity.loc[capacity["type"] == "holiday_home", "basis"]
    for where, inputs in basis_lines(page, view.base, profile.curve) + (
            [(page.t("type.holiday_home"), dwellings.iloc[0])] if len(dwellings)
            and dwellings.iloc[0] else []):
        st.markdown(f"- **{md(where)}:** {md(inputs)}")
    reading = capacity_reading(page, capacity_view(profile.curve), share=SHORTAGE_SHARE,
                               target=TARGET_OCCUPANCY, month_names=month_names(page),
                               name_of=view.base.municipality_name)
    m1, m2, m3 = st.columns(3)
    m1.metric(page.t("profile.capacity.shortage", share=share(SHORTAGE_SHARE, lang, digits=0)),
              reading["months"])
    m2.metric(page.t("profile.capacity.excess"), reading["excess"])
    m3.metric(page.t("profile.capacity.headroom", target=share(TARGET_OCCUPANCY, lang, digits=0)),
              reading["headroom"])
    st.caption((page.t("capacity.reading", part=md(reading["part"]),
                       coverage=reading["coverage"]) + " " if reading["known"] else "")
               + reading["note"])
    provenance_line(page, profile.provenance["capacity"])
    st.caption(page.t("coverage.modelled"))
    download_csv(page, capacity, f"{view.stem}-capacity", "profile.csv.capacity",
                 profile.provenance["capacity"])


def compare_tab(view: ProfileView) -> None:
    """The company beside its neighbouring companies, the average company and Denmark."""
    page, profile, lang = view.page, view.profile, view.lang
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
    share_cols = [page.t("idx.foreign_share"), page.t("idx.peak_quarter_share"),
                  page.t("idx.offseason_share")] + [page.t("col.share_type", type=types[t])
                                                   for t in types]
    shown = pd.DataFrame({
        page.t("lbl.name"): names,
        page.t("col.role"): [page.t(f"role.{r}") for r in comparison["role"]],
        page.t("col.members"): comparison["members"],
        page.t("idx.overnights"): comparison["overnights"],
        page.t("idx.foreign_share"): comparison["foreign_share"],
        page.t("idx.gini"): comparison["gini"],
        page.t("idx.peak_quarter_share"): comparison["peak_quarter_share"],
        page.t("idx.offseason_share"): comparison["offseason_share"],
        page.t("col.per_resident"): comparison["overnights_per_resident"],
        **{page.t("col.share_type", type=types[t]): comparison[f"{t}_share"] for t in types},
        page.t("col.attractions"): comparison["attractions"],
        page.t("col.kind"): [page.t(f"kind.{k}") for k in comparison["kind"]],
    })
    show_table(styled(shown, lang, shares=share_cols,
                        **{"modelled" if view.modelled else "counts": [page.t("idx.overnights")]},
                        decimals={page.t("col.members"): 1, page.t("idx.gini"): 3,
                                  page.t("col.per_resident"): 1, page.t("col.attractions"): 1}),
                 hide_index=True, width="stretch", key="profile.compare")
    over_prov = profile.provenance["overnights"]
    provenance_line(page, over_prov)
    download_csv(page, comparison, f"{view.stem}-comparison", "profile.csv.compare", over_prov)


def _flow_texts(frame: pd.DataFrame, lang: str) -> tuple[list[str], list[str]]:
    """(both ways, range) of flow rows as people read them in ``lang``."""
    totals = [format_flow(v, lang) for v in frame["total"]]
    ranges = [format_flow_range(lo, hi, lang) if pd.notna(lo) and pd.notna(hi) else GAP
              for lo, hi in zip(frame["total_low"], frame["total_high"])]
    return totals, ranges


def flows_tab(view: ProfileView) -> None:
    """Day trips across the company's border, with the range over the model's settings: by
    company reached, by municipality pair, and the pairs the model is least sure of."""
    page, profile, lang = view.page, view.profile, view.lang
    flow_prov = profile.provenance["flows"]
    st.caption(page.t("profile.flows.caption"))
    if profile.flows.empty:
        st.info(page.t("profile.flows.none"))
        return
    unaffiliated = page.t("unaffiliated")
    trips = [page.t(c) for c in ("col.outbound", "col.inbound")]
    st.markdown(f"**{page.t('profile.flows.companies')}**")
    by_company = profile.flow_companies
    totals, ranges = _flow_texts(by_company, lang)
    show_table(styled(pd.DataFrame({
        page.t("col.to_company"): [c if isinstance(c, str) else unaffiliated
                                   for c in by_company["company"]],
        page.t("col.neighbour"): [page.t("lighthouse.yes") if n else page.t("lighthouse.no")
                                  for n in by_company["neighbour"]],
        page.t("col.total"): totals,
        page.t("flow.range"): ranges,
        page.t("col.share"): by_company["share"],
        page.t("col.outbound"): by_company["outbound"],
        page.t("col.inbound"): by_company["inbound"],
    }), lang, modelled=trips, shares=[page.t("col.share")]), hide_index=True, width="stretch",
        key="profile.flow_companies")
    st.markdown(f"**{page.t('profile.flows.pairs')}**")
    pairs = profile.flows
    totals, ranges = _flow_texts(pairs, lang)
    show_table(styled(pd.DataFrame({
        page.t("col.from"): pairs["from_name"],
        page.t("col.to"): pairs["to_name"],
        page.t("col.to_company"): [c if isinstance(c, str) else unaffiliated
                                   for c in pairs["to_company"]],
        page.t("col.total"): totals,
        page.t("flow.range"): ranges,
        page.t("col.share"): pairs["share"],
        page.t("col.outbound"): pairs["outbound"],
        page.t("col.inbound"): pairs["inbound"],
    }), lang, modelled=trips, shares=[page.t("col.share")]), hide_index=True, width="stretch",
        key="profile.flow_pairs")
    uncertain = least_certain(view)
    st.markdown(f"**{page.t('profile.flows.uncertain')}**")
    st.caption(page.t("profile.flows.uncertain.caption"))
    if uncertain.empty:
        st.caption(page.t("profile.flows.uncertain.none"))
    else:
        show_table(uncertain_table(page, uncertain), hide_index=True, width="stretch",
                     key="profile.flow_uncertain")
    provenance_line(page, flow_prov)
    c1, c2 = st.columns(2)
    with c1:
        download_csv(page, by_company, f"{view.stem}-flow-companies", "profile.csv.flowco",
                     flow_prov, what=page.t("profile.flows.companies"))
    with c2:
        download_csv(page, pairs, f"{view.stem}-flow-pairs", "profile.csv.flows", flow_prov,
                     what=page.t("profile.flows.pairs"))


def least_certain(view: ProfileView, *, top: int = 8) -> pd.DataFrame:
    """The cross-border pairs of this company the flow model is least sure of (one end inside)."""
    ranked = data.least_certain_pairs(view.year, view.lang)
    members = set(view.profile.codes)
    inside_from = ranked["from_code"].isin(members)
    inside_to = ranked["to_code"].isin(members)
    return ranked[inside_from != inside_to].head(top).reset_index(drop=True)


def uncertain_table(page: Page, frame: pd.DataFrame):
    """Least-certain pairs: from, to, central flow, range, spread and the setting that moves it."""
    return styled(pd.DataFrame({
        page.t("flow.from"): frame["from_name"],
        page.t("flow.to"): frame["to_name"],
        page.t("flow.one_way"): [format_flow(v, page.lang) for v in frame["flow"]],
        page.t("flow.range"): [format_flow_range(lo, hi, page.lang)
                              for lo, hi in zip(frame["low"], frame["high"])],
        page.t("flow.spread"): frame["spread"],
        page.t("flow.driver"): [page.t(f"driver.{d}") for d in frame["driver"]],
    }), page.lang, shares=[page.t("flow.spread")])


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
                           share=share(item["share"], lang, digits=0), partners=partners))
