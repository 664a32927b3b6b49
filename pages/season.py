"""Season and capacity: 12-month curves and indices, all companies as a heatmap, capacity against
demand, a season-extension what-if and the source markets."""

import pandas as pd
import streamlit as st

from destinations.season import charts
from destinations.season.capacity import capacity_view
from destinations.i18n import COMMON
from destinations.model import Provenance
from destinations.season.profile import company_options
from destinations.season.seasonality import (
    INDEX_KEYS,
    MARKETS_KIND,
    MARKETS_SOURCE,
    SCOPES,
    foreign_share_table,
    heatmap_table,
    indices_table,
    member_complementarity,
    national_curve,
    scope_curve,
    share_curves,
    unaffiliated_curve,
    year_comparison,
)
from destinations.ui import data
from destinations.ui import season as ui
from destinations.ui.frame import data_errors, kind_badge, start_page
from destinations.ui.season_text import SHARED, TEXT
from destinations.season.whatif import (
    PEAK_MONTHS,
    SHOULDER_MONTHS,
    Assumptions,
    SeasonExtension,
    season_whatif,
)

page = start_page({**COMMON, **SHARED, **TEXT}, "season.title")
st.caption(page.t("season.intro"))
lang = page.lang
months = ui.month_names(page)
types = ui.type_names(page)

with data_errors(page):
    base = data.base()
    years = ui.years()
    scenario_names, store_problem = ui.scenario_choices()
scenario_names[ui.TODAY] = page.t("scenario.today")
codes = list(base.codes)

notes = []
for key, param, options, default, what, parse in (
        ("season.scope", "scope", list(SCOPES), "national", "what.scope", str),
        ("season.scenario", "scenario", list(scenario_names), ui.TODAY, "what.scenario", str),
        ("season.year", "year", list(years), 2019 if 2019 in years else years[-1], "what.year",
         int),
        ("season.municipality", "municipality", codes, "101" if "101" in codes else codes[0],
         "what.municipality", str)):
    bad = ui.init_choice(key, param, options, default, parse=parse)
    if bad:
        notes.append((what, bad))

with st.sidebar:
    st.radio(page.t("season.scope"), list(SCOPES), key="season.scope",
             format_func=lambda s: page.t(f"season.scope.{s}"))
    st.selectbox(page.t("scenario"), list(scenario_names), format_func=scenario_names.get,
                 key="season.scenario")
    if store_problem:
        st.caption(page.t("scenario.unavailable", problem=ui.md(store_problem)))
    st.selectbox(page.t("season.year"), list(years), key="season.year")

with data_errors(page):
    scenario = ui.load_scenario(st.session_state["season.scenario"])
companies = company_options(scenario)
default_company = ("destination-fyn" if "destination-fyn" in companies
                   else next(iter(companies), None))
bad = ui.init_choice("season.company", "company", list(companies) or [None], default_company)
if bad:
    notes.append(("what.company", bad))
scope = st.session_state["season.scope"]
with st.sidebar:
    if scope == "company" and companies:
        st.selectbox(page.t("season.company"), list(companies), format_func=companies.get,
                     key="season.company")
    elif scope == "municipality":
        st.selectbox(page.t("season.municipality"), codes, key="season.municipality",
                     format_func=lambda c: f"{base.municipality_name(c)} ({c})")
for what, (asked, shown) in notes:
    st.warning(page.t("bad.param", what=page.t(what), value=ui.md(asked), shown=ui.md(shown)))
if scope == "company" and not companies:
    st.info(page.t("season.no_company"))
    st.stop()

year = int(st.session_state["season.year"])
scope_key = {"company": st.session_state["season.company"],
             "municipality": st.session_state["season.municipality"]}.get(scope)
link = ui.write_params({"scope": scope, "scenario": st.session_state["season.scenario"],
                        "year": year,
                        "company": scope_key if scope == "company" else None,
                        "municipality": scope_key if scope == "municipality" else None})

with data_errors(page), st.spinner(page.t("season.spinner")):
    cube = ui.cube(year)
    curve = scope_curve(cube, scope, key=scope_key, base=base, scenario=scenario,
                        national_name=page.t("denmark"))
    curves = ui.company_curves(scenario, year)
    national = national_curve(cube, name=page.t("denmark"))
prov = curve.provenance
cap = ui.caption(page, prov)
labels = ui.chart_labels(page)
stem = ui.file_stem(curve.name, year)

st.header(f"{ui.md(curve.name)} · {year}")
tab_curve, tab_heat, tab_cap, tab_whatif, tab_markets = st.tabs([
    page.t("season.tab.curve"), page.t("season.tab.heatmap"), page.t("season.tab.capacity"),
    page.t("season.tab.whatif"), page.t("season.tab.markets")])

# ----------------------------------------------------------------------------------- seasonality
with tab_curve:
    chart = charts.curve_chart(curve.type_frame(), title=page.t(
        "season.curve.title", name=curve.name, year=year), caption=cap, labels=labels,
        type_names=types, month_names=months)
    st.altair_chart(chart, width="stretch")
    ui.provenance_line(page, prov)
    c1, c2 = st.columns(2)
    with c1:
        ui.download_png(page, chart, f"{stem}-curve", "season.png.curve")
    with c2:
        ui.download_csv(page, curve.month_frame(), f"{stem}-months", "season.csv.months", prov)

    st.subheader(page.t("season.indices"))
    idx = curve.indices
    shown = {k: getattr(idx, k) for k in INDEX_KEYS}
    rows = [(page.t("idx.overnights"), ui.number(idx.total, lang)),
            (page.t("idx.foreign_share"), ui.percent(curve.foreign_share, lang))]
    for k in INDEX_KEYS:
        value = shown[k]
        if k == "peak_month":
            text = months[value - 1] if value else "–"
        elif k in ("peak_quarter_share", "offseason_share"):
            text = ui.percent(value, lang)
        else:
            text = ui.number(value, lang, 3)
        rows.append((page.t(f"idx.{k}"), text))
    if scope == "company":
        rows.append((page.t("idx.complementarity"),
                     ui.number(member_complementarity(cube, curve.codes), lang, 4)))
    st.dataframe(pd.DataFrame({page.t("lbl.index"): [r[0] for r in rows],
                               page.t("lbl.value"): [r[1] for r in rows],
                               page.t("lbl.kind"): page.t(f"kind.{curve.kind.value}")}),
                 hide_index=True, width="stretch")
    st.caption(page.t("idx.help"))
    ui.provenance_line(page, prov)

    before_year, after_year = (2019 if 2019 in years else years[0]), years[-1]
    st.subheader(page.t("season.years.heading", before=before_year, after=after_year))
    with data_errors(page):
        pair = [scope_curve(ui.cube(y), scope, key=scope_key, base=base, scenario=scenario,
                            national_name=page.t("denmark")) for y in (before_year, after_year)]
    years_chart = charts.years_chart(
        share_curves(pair), title=page.t("season.years.title", name=curve.name, before=before_year,
                                         after=after_year),
        caption=ui.caption(page, [pair[0].provenance, pair[1].provenance]), labels=labels,
        month_names=months)
    st.altair_chart(years_chart, width="stretch")
    comparison = year_comparison(*pair)
    ui.show_year_table(page, comparison, before_year, after_year, pair[1].kind.value)
    ui.provenance_line(page, pair[1].provenance)
    c1, c2 = st.columns(2)
    with c1:
        ui.download_png(page, years_chart, f"{ui.file_stem(curve.name)}-{before_year}-{after_year}",
                        "season.png.years")
    with c2:
        ui.download_csv(page, comparison, f"{ui.file_stem(curve.name)}-{before_year}-{after_year}",
                        "season.csv.years", Provenance(prov.source, None, prov.kind))

# --------------------------------------------------------------------------------------- heatmap
with tab_heat:
    group = unaffiliated_curve(cube, scenario, name=page.t("unaffiliated.group"))
    rows_curves = list(curves.values()) + ([group] if group else []) + [national]
    heat = heatmap_table(rows_curves)
    heat_chart = charts.heatmap_chart(heat, title=page.t("season.heatmap.title", year=year),
                                      caption=cap, labels={**labels, "share": page.t("lbl.share")},
                                      month_names=months)
    st.altair_chart(heat_chart)
    st.caption(page.t("season.heatmap.caption", scenario=ui.md(
        scenario_names.get(st.session_state["season.scenario"], scenario.name))))
    ui.provenance_line(page, prov)
    table = indices_table(rows_curves)
    st.dataframe(table.drop(columns=["key", "scope"]).round({"overnights": 0}).rename(columns={
        "name": page.t("lbl.name"), "year": page.t("lbl.year"),
        **{k: page.t(f"idx.{k}") for k in ("overnights", "foreign_share", *INDEX_KEYS)},
        "kind": page.t("lbl.kind")}), hide_index=True, width="stretch", column_config={
        page.t("idx.overnights"): st.column_config.NumberColumn(format="localized"),
        page.t("idx.foreign_share"): st.column_config.NumberColumn(format="percent"),
        page.t("idx.peak_quarter_share"): st.column_config.NumberColumn(format="percent"),
        page.t("idx.offseason_share"): st.column_config.NumberColumn(format="percent"),
        **{page.t(f"idx.{k}"): st.column_config.NumberColumn(format="%.3f")
           for k in ("gini", "peak_mean_ratio", "entropy", "relative_redundancy")},
        page.t("lbl.year"): st.column_config.NumberColumn(format="%d")})
    c1, c2, c3 = st.columns(3)
    with c1:
        ui.download_png(page, heat_chart, f"heatmap-{year}", "season.png.heat")
    with c2:
        ui.download_csv(page, heat, f"heatmap-{year}", "season.csv.heat", prov,
                        what=page.t("lbl.share"))
    with c3:
        ui.download_csv(page, table, f"season-indices-{year}", "season.csv.indices", prov,
                        what=page.t("season.indices"))

# -------------------------------------------------------------------------------------- capacity
with tab_cap:
    view = capacity_view(curve)
    c1, c2, c3 = st.columns(3)
    share = c1.slider(page.t("season.capacity.share"), 50, 100, 90, 5, format="%d%%",
                      key="season.shortage") / 100.0
    target = c2.slider(page.t("season.capacity.target"), 10, 100, 60, 5, format="%d%%",
                       key="season.target") / 100.0
    basis = c3.radio(page.t("season.capacity.basis"), ["open", "all"], key="season.basis",
                     format_func=lambda b: page.t(f"season.capacity.basis.{b}"))
    cap_prov = Provenance(source=prov.source + "; Eurostat tour_cap_nat bed places", year=year,
                          kind=view.kind)
    covered = ", ".join(types[t] for t in view.covered_types) or page.t("season.capacity.none")
    st.caption(page.t("season.capacity.coverage", types=covered,
                      share=ui.percent(view.coverage_share, lang, 0)))
    cap_chart = charts.capacity_chart(
        view.month_table(), share=share,
        title=page.t("season.capacity.title", name=curve.name, year=year),
        caption=ui.caption(page, cap_prov),
        labels={**labels, "threshold": page.t("lbl.threshold", share=ui.percent(share, lang, 0))},
        month_names=months)
    st.altair_chart(cap_chart, width="stretch")
    shortage = view.shortage(share)
    headroom = view.headroom(target, basis=basis)
    m1, m2, m3 = st.columns(3)
    m1.metric(page.t("season.capacity.shortage"),
              ", ".join(months[m - 1] for m in shortage.months) or "–")
    m2.metric(page.t("season.capacity.excess"), ui.number(shortage.total_excess, lang))
    m3.metric(page.t("season.capacity.headroom"), ui.number(headroom.total, lang))
    ui.provenance_line(page, cap_prov)
    st.caption(page.t("coverage.modelled"))

    st.subheader(page.t("season.capacity.by_type"))
    by_type = view.type_table()
    st.dataframe(pd.DataFrame({
        page.t("lbl.type"): [types[t] for t in by_type["type"]],
        page.t("lbl.overnights"): by_type["overnights"].round(0),
        page.t("lbl.bed_places_peak"): by_type["peak_bed_places"].round(0),
        page.t("lbl.occ_mean"): by_type["occupancy_mean"],
        page.t("lbl.occ_peak"): by_type["occupancy_peak"],
        page.t("lbl.covered"): by_type["covered"],
        page.t("lbl.note"): [page.t(f"coverage.{t}") for t in by_type["type"]],
        page.t("lbl.kind"): page.t(f"kind.{view.kind.value}"),
    }), hide_index=True, width="stretch", column_config={
        page.t("lbl.overnights"): st.column_config.NumberColumn(format="localized"),
        page.t("lbl.bed_places_peak"): st.column_config.NumberColumn(format="localized"),
        page.t("lbl.occ_mean"): st.column_config.NumberColumn(format="%.1f"),
        page.t("lbl.occ_peak"): st.column_config.NumberColumn(format="%.1f")})
    if scope == "national":
        st.markdown(f"**{page.t('season.capacity.reference')}** {kind_badge(page, 'compiled')}")
        ui.show_reference_table(page, ui.gross_reference(year))
        st.caption(page.t("season.capacity.reference.note"))
    with st.expander(page.t("season.capacity.months")):
        month_table = view.month_table()
        st.dataframe(month_table.assign(month=list(months)).round(1), hide_index=True,
                     width="stretch")
    c1, c2, c3 = st.columns(3)
    with c1:
        ui.download_png(page, cap_chart, f"{stem}-capacity", "season.png.capacity")
    with c2:
        ui.download_csv(page, view.month_table(), f"{stem}-capacity-months", "season.csv.capm",
                        cap_prov, what=page.t("season.capacity.months"))
    with c3:
        ui.download_csv(page, by_type, f"{stem}-occupancy-by-type", "season.csv.capt", cap_prov,
                        what=page.t("season.capacity.by_type"))

# --------------------------------------------------------------------------------------- what-if
with tab_whatif:
    st.caption(page.t("season.whatif.intro"))
    c1, c2 = st.columns(2)
    growth = c1.slider(page.t("season.whatif.growth"), 0, 50, 10, 1, key="season.growth")
    shift = c2.slider(page.t("season.whatif.shift"), 0, 50, 0, 5, key="season.shift")
    month_ids = list(range(1, 13))
    shoulder = c1.multiselect(page.t("season.whatif.shoulder"), month_ids,
                              default=list(SHOULDER_MONTHS), key="season.shoulder",
                              format_func=lambda m: months[m - 1])
    peak = c2.multiselect(page.t("season.whatif.peak"), month_ids, default=list(PEAK_MONTHS),
                          key="season.peak", format_func=lambda m: months[m - 1])
    with data_errors(page), st.spinner(page.t("season.whatif.running")):
        extension = SeasonExtension(growth_pct=float(growth), shift_share=shift / 100.0,
                                    shoulder_months=tuple(shoulder), peak_months=tuple(peak))
        baseline = {**curves, "DK": national}
        if curve.key not in baseline:
            baseline = {curve.key: curve, **baseline}
        result = season_whatif(baseline, extension,
                               assumptions=Assumptions(shortage_share=share,
                                                       target_occupancy=target))
    if extension.is_neutral:
        st.info(page.t("season.whatif.neutral"))
    what_prov = Provenance(source=f"{prov.source}; what-if: {extension.describe()}", year=year,
                           kind=result.extended[curve.key].kind)
    before, after = result.figures(curve.key, "baseline"), result.figures(curve.key, "extended")
    m = st.columns(4)
    for col, key_name, fmt in ((m[0], "gini", 3), (m[1], "offseason_share", None),
                               (m[2], "occupancy_offseason_pct", 1),
                               (m[3], "offseason_headroom", 0)):
        value, delta = after[key_name], after[key_name] - before[key_name]
        text = ui.percent(value, lang) if fmt is None else ui.number(value, lang, fmt)
        delta_text = (ui.number(delta * 100, lang, 1) + " pp" if fmt is None
                      else ui.number(delta, lang, fmt))
        col.metric(page.t(f"fig.{key_name}"), text, delta_text,
                   delta_color=("inverse" if key_name in ("gini", "offseason_headroom")
                                else "normal"))
    whatif_chart = charts.whatif_chart(
        result.curves_frame(curve.key, baseline_label=page.t("lbl.baseline"),
                            whatif_label=page.t("lbl.whatif")),
        title=page.t("season.whatif.title", name=curve.name, year=year),
        caption=ui.caption(page, what_prov), labels=labels, month_names=months)
    st.altair_chart(whatif_chart, width="stretch")
    ui.provenance_line(page, what_prov)
    st.subheader(page.t("season.whatif.table"))
    summary = result.summary()
    ui.show_whatif_table(page, summary)
    c1, c2, c3 = st.columns(3)
    with c1:
        ui.download_png(page, whatif_chart, f"{stem}-whatif", "season.png.whatif")
    with c2:
        ui.download_csv(page, summary, f"whatif-{year}", "season.csv.whatif", what_prov,
                        what=page.t("season.whatif.table"))
    with c3:
        ui.download_csv(page, result.comparison(), f"whatif-{year}-all-figures",
                        "season.csv.whatif_all", what_prov, what=page.t("season.whatif.all"))

# -------------------------------------------------------------------------------------- markets
with tab_markets:
    c1, c2, c3 = st.columns([2, 2, 1])
    top = c1.slider(page.t("season.markets.top"), 3, 17, 8, key="season.top")
    since = c2.select_slider(page.t("season.markets.since"), list(range(1992, 2024)), value=2008,
                             key="season.since")
    log_scale = c3.toggle(page.t("season.markets.log"), value=False, key="season.log")
    with data_errors(page):
        markets = ui.markets(top, since)
    markets_prov = Provenance(source=MARKETS_SOURCE, year=int(markets["year"].max()),
                              kind=MARKETS_KIND)
    markets_chart = charts.markets_chart(
        markets, title=page.t("season.markets.title", top=top),
        caption=ui.caption(page, markets_prov), labels=labels,
        country_names={c: page.t(f"country.{c}") for c in markets["country"].unique()},
        log_scale=log_scale)
    st.altair_chart(markets_chart, width="stretch")
    st.caption(page.t("season.markets.note"))
    ui.provenance_line(page, markets_prov)
    c1, c2 = st.columns(2)
    with c1:
        ui.download_png(page, markets_chart, f"source-markets-{since}", "season.png.markets")
    with c2:
        ui.download_csv(page, markets, f"source-markets-{since}", "season.csv.markets")

    foreign = foreign_share_table(list(curves.values()) + [national])
    foreign_chart = charts.share_bar_chart(
        foreign, value="foreign_share", title=page.t("season.foreign.title", year=year),
        caption=cap,
        labels={"company": page.t("lbl.company"), "value": page.t("idx.foreign_share")},
        highlight=[national.name])
    st.altair_chart(foreign_chart, width="stretch")
    ui.provenance_line(page, prov)
    c1, c2 = st.columns(2)
    with c1:
        ui.download_png(page, foreign_chart, f"foreign-share-{year}", "season.png.foreign")
    with c2:
        ui.download_csv(page, foreign, f"foreign-share-{year}", "season.csv.foreign", prov)

st.caption(f"{page.t('link')}: `{link}`")
