"""Destination profile: one company of any scenario through its data (map, reasons to go,
overnights, capacity, comparison, cross-border day trips, character, stories)."""

import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from destinations.season import charts
from destinations.i18n import COMMON
from destinations.data.lookup import format_months
from destinations.season.profile import company_options, view_for_bounds
from destinations.ui import data
from destinations.ui import season as ui
from destinations.ui.frame import data_errors, kind_badge, start_page
from destinations.ui.profile_text import TEXT
from destinations.ui.season_text import SHARED

page = start_page({**COMMON, **SHARED, **TEXT}, "profile.title")
st.caption(page.t("profile.intro"))
lang = page.lang

with data_errors(page):
    base = data.base()
    years = ui.years()
    scenario_names, store_problem = ui.scenario_choices()
scenario_names[ui.TODAY] = page.t("scenario.today")

notes = []
for key, param, options, default, what, parse in (
        ("profile.scenario", "scenario", list(scenario_names), ui.TODAY, "what.scenario", str),
        ("profile.year", "year", list(years), 2019 if 2019 in years else years[-1], "what.year",
         int)):
    bad = ui.init_choice(key, param, options, default, parse=parse)
    if bad:
        notes.append((what, bad))

with st.sidebar:
    st.selectbox(page.t("scenario"), list(scenario_names), format_func=scenario_names.get,
                 key="profile.scenario")
    if store_problem:
        st.caption(page.t("scenario.unavailable", problem=ui.md(store_problem)))
    st.selectbox(page.t("profile.year"), list(years), key="profile.year")

with data_errors(page):
    scenario = ui.load_scenario(st.session_state["profile.scenario"])
companies = company_options(scenario)
if not companies:
    st.info(page.t("profile.none"))
    st.stop()
default_company = "destination-fyn" if "destination-fyn" in companies else next(iter(companies))
bad = ui.init_choice("profile.company", "company", list(companies), default_company)
if bad:
    notes.append(("what.company", bad))
with st.sidebar:
    st.selectbox(page.t("profile.company"), list(companies), format_func=companies.get,
                 key="profile.company")
for what, (asked, shown) in notes:
    st.warning(page.t("bad.param", what=page.t(what), value=ui.md(asked), shown=ui.md(shown)))

company_id = st.session_state["profile.company"]
year = int(st.session_state["profile.year"])
link = ui.write_params({"scenario": st.session_state["profile.scenario"], "company": company_id,
                        "year": year})

with data_errors(page), st.spinner(page.t("profile.spinner")):
    profile = ui.profile(scenario, company_id, year)

types = ui.type_names(page)
months = ui.month_names(page)
over_prov = profile.provenance["overnights"]
badge = kind_badge(page, over_prov.kind.value)

st.header(ui.md(profile.name))
st.caption(page.t("profile.scenario_line", name=ui.md(scenario_names.get(
    st.session_state["profile.scenario"], scenario.name))) + " · "
           + page.t("profile.members", n=len(profile.members),
                    names=", ".join(ui.md(n) for _, n in profile.members)))

character = profile.character
label = page.t(f"profile.character.{character.label or 'none'}")
st.markdown(f"**{page.t('profile.character')}:** {label} "
            f"{kind_badge(page, character.kind.value)}")
st.caption(page.t("profile.character.why",
                  leisure=ui.percent(character.leisure_share, lang, 0),
                  leisure_dk=ui.percent(character.national_leisure_share, lang, 0),
                  nature=ui.percent(character.nature_share, lang, 0, gap=page.t("gap")),
                  nature_dk=ui.percent(character.national_nature_share, lang, 0),
                  n_nature=character.nature_attractions, n_city=character.city_attractions,
                  score=ui.number(character.score, lang, 2)))
st.caption(page.t("profile.character.rule"))

map_col, key_col = st.columns([3, 2], gap="medium")
with map_col:
    center, zoom = view_for_bounds(profile.bounds)
    fmap = ui.profile_map(page, base, scenario, profile.codes, center, zoom)
    st_folium(fmap, key="profile.map", height=520, use_container_width=True, center=center,
              zoom=zoom, returned_objects=[])
    st.caption(page.t("profile.map.note"))

with key_col:
    st.subheader(page.t("profile.key", year=year))
    curve = profile.curve
    st.metric(page.t("profile.key.overnights"), ui.number(curve.annual, lang))
    st.metric(page.t("profile.key.foreign"), ui.percent(curve.foreign_share, lang))
    st.metric(page.t("profile.key.gini"), ui.number(curve.indices.gini, lang, 3),
              help=page.t("idx.help"))
    st.metric(page.t("profile.key.beds"), ui.number(profile.peak_bed_places, lang),
              help=page.t("profile.key.beds.help"))
    ui.provenance_line(page, over_prov)
    st.metric(page.t("profile.key.attractions"), str(len(profile.reasons)))
    ui.provenance_line(page, profile.provenance["attractions"])
    ui.page_link("pages/season.py", "season", page.t("profile.season.link"),
                 {"scope": "company", "company": company_id, "year": str(year),
                  "scenario": st.session_state["profile.scenario"],
                  **({"lang": lang} if lang != "en" else {})}, icon=":material/calendar_month:")

stem = ui.file_stem(profile.name, year)
tab_reasons, tab_over, tab_cap, tab_cmp, tab_flows, tab_stories = st.tabs([
    page.t("profile.tab.reasons"), page.t("profile.tab.overnights"), page.t("profile.tab.capacity"),
    page.t("profile.tab.compare"), page.t("profile.tab.flows"), page.t("profile.tab.stories")])

with tab_reasons:
    reasons = profile.reasons
    if reasons.empty:
        st.info(page.t("profile.reasons.none"))
    else:
        st.caption(page.t("profile.reasons.caption"))
        shown = pd.DataFrame({
            page.t("col.rank"): reasons["rank"],
            page.t("col.name"): reasons["name"],
            page.t("col.category"): reasons["category"],
            page.t("col.municipality"): reasons["municipality"],
            page.t("col.visitors"): [ui.number(v, lang, gap=page.t("visitors.unknown"))
                                     for v in reasons["visitors"]],
            page.t("col.visitors_year"): [ui.year_text(v) for v in reasons["visitors_year"]],
            page.t("col.season"): [format_months(m, lang) or page.t("season.unknown")
                                   for m in reasons["open_months"]],
            page.t("col.themes"): [", ".join(t) for t in reasons["themes"]],
            page.t("col.kind"): [page.t(f"kind.{k}") for k in reasons["kind"]],
        })
        st.dataframe(shown, hide_index=True, width="stretch")
        ui.provenance_line(page, profile.provenance["attractions"])
        export = reasons.assign(open_months=reasons["open_months"].map(
            lambda m: " ".join(map(str, m))), themes=reasons["themes"].map(";".join))
        ui.download_csv(page, export, f"{stem}-reasons", "profile.csv.reasons")

with tab_over:
    st.caption(page.t("profile.overnights.caption"))
    cap = ui.caption(page, over_prov)
    chart = charts.curve_chart(curve.type_frame(), title=page.t(
        "season.curve.title", name=profile.name, year=year), caption=cap,
        labels=ui.chart_labels(page), type_names=types, month_names=months)
    st.altair_chart(chart, width="stretch")
    guests = charts.nationality_chart(curve.month_frame(), title=page.t(
        "season.guests.title", name=profile.name, year=year), caption=cap,
        labels=ui.chart_labels(page), month_names=months)
    st.altair_chart(guests, width="stretch")
    ui.provenance_line(page, over_prov)
    table = profile.months.round(0).rename(columns={**types, "month": page.t("lbl.month"),
                                           "danish": page.t("lbl.danish"),
                                           "foreign": page.t("lbl.foreign"),
                                           "total": page.t("lbl.total")})
    table[page.t("lbl.month")] = list(months)
    st.dataframe(table, hide_index=True, width="stretch",
                 column_config={c: st.column_config.NumberColumn(format="localized")
                                for c in table.columns if c != page.t("lbl.month")})
    c1, c2, c3 = st.columns(3)
    with c1:
        ui.download_csv(page, profile.months, f"{stem}-overnights", "profile.csv.months", over_prov)
    with c2:
        ui.download_png(page, chart, f"{stem}-by-type", "profile.png.types",
                        what=page.t("lbl.type"))
    with c3:
        ui.download_png(page, guests, f"{stem}-guests", "profile.png.guests",
                        what=page.t("lbl.guests"))

with tab_cap:
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
        page.t("lbl.overnights"): st.column_config.NumberColumn(format="localized"),
        page.t("lbl.share"): st.column_config.NumberColumn(format="percent"),
        page.t("lbl.bed_places_peak"): st.column_config.NumberColumn(format="localized"),
        page.t("lbl.bed_places_low"): st.column_config.NumberColumn(format="localized"),
        page.t("lbl.houses"): st.column_config.NumberColumn(format="localized"),
    })
    ui.provenance_line(page, profile.provenance["capacity"])
    st.caption(page.t("coverage.modelled"))
    ui.download_csv(page, capacity, f"{stem}-capacity", "profile.csv.capacity",
                    profile.provenance["capacity"])

with tab_cmp:
    st.caption(page.t("profile.compare.caption"))
    comparison = profile.comparison
    if not profile.neighbours:
        st.caption(page.t("profile.neighbours.none"))
    if profile.unaffiliated_neighbours:
        st.caption(page.t("profile.neighbours.loose", names=", ".join(
            ui.md(n) for _, n in profile.unaffiliated_neighbours)))
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
        **{c: st.column_config.NumberColumn(format="percent") for c in percent_cols},
        page.t("idx.overnights"): st.column_config.NumberColumn(format="localized"),
        page.t("col.members"): st.column_config.NumberColumn(format="%.1f"),
        page.t("col.attractions"): st.column_config.NumberColumn(format="%.1f"),
        page.t("idx.gini"): st.column_config.NumberColumn(format="%.3f"),
        page.t("col.per_resident"): st.column_config.NumberColumn(format="%.1f"),
    })
    ui.provenance_line(page, over_prov)
    ui.download_csv(page, comparison, f"{stem}-comparison", "profile.csv.compare", over_prov)

with tab_flows:
    flow_prov = profile.provenance["flows"]
    st.caption(page.t("profile.flows.caption"))
    if profile.flows.empty:
        st.info(page.t("profile.flows.none"))
    else:
        unaffiliated = page.t("unaffiliated")
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
        }), hide_index=True, width="stretch", column_config={
            page.t("col.share"): st.column_config.NumberColumn(format="percent"),
            **{page.t(c): st.column_config.NumberColumn(format="localized")
               for c in ("col.outbound", "col.inbound", "col.total")}})
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
        }), hide_index=True, width="stretch", column_config={
            page.t("col.share"): st.column_config.NumberColumn(format="percent"),
            **{page.t(c): st.column_config.NumberColumn(format="localized")
               for c in ("col.outbound", "col.inbound", "col.total")}})
        ui.provenance_line(page, flow_prov)
        c1, c2 = st.columns(2)
        with c1:
            ui.download_csv(page, by_company, f"{stem}-flow-companies", "profile.csv.flowco",
                            flow_prov, what=page.t("profile.flows.companies"))
        with c2:
            ui.download_csv(page, pairs, f"{stem}-flow-pairs", "profile.csv.flows", flow_prov,
                            what=page.t("profile.flows.pairs"))

with tab_stories:
    st.caption(page.t("profile.stories.caption"))
    if not profile.stories:
        st.info(page.t("profile.stories.none"))
    for item in profile.stories:
        title = item["title_da"] if lang == "da" else item["title"]
        partners = ", ".join(ui.md(p) for p in item["partners"]) or page.t("profile.stories.alone")
        st.markdown(page.t("profile.stories.item", title=ui.md(title),
                           steps=len(item["steps_in_company"]), total=item["steps"],
                           share=ui.percent(item["share"], lang, 0), partners=partners))

st.caption(f"{page.t('link')}: `{link}`")
