"""The season and capacity page's work: its choices (kept in the URL), the curves it shows, and one
renderer per tab (seasonality, heatmap, capacity, what-if, source markets)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from destinations.data.base import BaseData
from destinations.model import Provenance
from destinations.scenarios.scenario import Scenario
from destinations.season import charts
from destinations.season.capacity import capacity_view
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
from destinations.season.whatif import (
    PEAK_MONTHS,
    SHOULDER_MONTHS,
    Assumptions,
    SeasonExtension,
    season_whatif,
)
from destinations.i18n import GAP, Message, fmt_number, is_gap, round_significant
from destinations.model import Kind
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
)
from destinations.ui.formatting import (
    caption,
    chart_labels,
    month_names,
    provenance_line,
    type_names,
)
from destinations.ui.frame import Page, data_errors, kind_badge
from destinations.ui.profile import short
from destinations.ui.url_state import init_choice, write_params

TODAY = data.TODAY


def number(value, lang: str, decimals: int = 0) -> str:
    """A figure in the page's locale (gaps "–")."""
    return fmt_number(value, lang, digits=decimals)


def percent(value, lang: str, decimals: int = 1) -> str:
    """A share 0-1 as a percentage in the page's locale (gaps "–")."""
    return share(value, lang, digits=decimals)

__all__ = ["PEAK_MONTHS", "SCOPES", "SHOULDER_MONTHS"]

#: Session keys of the choices, with the URL parameter each is mirrored in.
CHOICE_PARAMS = {"season.scope": "scope", "season.scenario": "scenario", "season.year": "year",
                 "season.company": "company", "season.municipality": "municipality"}
_FIGURE_FORMATS = (("gini", 3), ("offseason_share", None), ("occupancy_offseason_pct", 1),
                   ("offseason_headroom", 0))


def default_year(years: tuple[int, ...]) -> int:
    """2019, the last normal year before the pandemic, when there are facts for it."""
    return 2019 if 2019 in years else years[-1]


def init_choices(scenario_names: dict[str, str], years: tuple[int, ...],
                 codes: list[str]) -> list[tuple[str, tuple[str, str]]]:
    """Fill the scope, scenario, year and municipality choices from the URL once; returns the
    values the link asked for that do not exist (``(what key, (asked, shown))``)."""
    notes = []
    for key, options, default, what, parse in (
            ("season.scope", list(SCOPES), "national", "what.scope", str),
            ("season.scenario", list(scenario_names), TODAY, "what.scenario", str),
            ("season.year", list(years), default_year(years), "what.year", int),
            ("season.municipality", codes, "101" if "101" in codes else codes[0],
             "what.municipality", str)):
        bad = init_choice(key, CHOICE_PARAMS[key], options, default, parse=parse)
        if bad:
            notes.append((what, bad))
    return short(notes)


def init_company(scenario: Scenario) -> tuple[dict[str, str], list[tuple[str, tuple[str, str]]]]:
    """The scenario's companies (``{id: name}``) and the company choice, filled from the URL once."""
    companies = company_options(scenario)
    default = "destination-fyn" if "destination-fyn" in companies else next(iter(companies), None)
    bad = init_choice("season.company", "company", list(companies) or [None], default)
    return companies, short([("what.company", bad)] if bad else [])


@dataclass(frozen=True)
class SeasonView:
    """What the tabs show: the chosen scope's curve in the chosen year and everything around it."""

    page: Page
    base: BaseData
    scenario: Scenario
    scenario_name: str
    scope: str
    scope_key: str | None
    year: int
    years: tuple[int, ...]
    cube: Any
    curve: Any
    curves: dict
    national: Any
    link: str

    @property
    def lang(self) -> str:
        return self.page.lang

    @property
    def stem(self) -> str:
        return file_stem(self.curve.name, self.year)

    @property
    def modelled(self) -> bool:
        """The overnights are modelled (shown to 3 significant figures)."""
        return self.curve.kind is not Kind.OFFICIAL

    def scope_curve(self, year: int):
        return scope_curve(data.cube(year), self.scope, key=self.scope_key, base=self.base,
                           scenario=self.scenario, national_name=self.page.t("denmark"))


def season_view(page: Page, base: BaseData, scenario: Scenario, scenario_names: dict[str, str],
                years: tuple[int, ...]) -> SeasonView:
    """The view of the choices in the session; mirrors them into the URL (a share link)."""
    state = st.session_state
    scope, year = state["season.scope"], int(state["season.year"])
    scope_key = {"company": state["season.company"],
                 "municipality": state["season.municipality"]}.get(scope)
    values = {"scope": scope, "scenario": state["season.scenario"], "year": year,
              "company": scope_key if scope == "company" else None,
              "municipality": scope_key if scope == "municipality" else None}
    write_params(values)
    link = "?" + "&".join(f"{k}={v}" for k, v in
                          {**values, "lang": page.lang if page.lang != "en" else None}.items()
                          if v is not None)
    with data_errors(page), st.spinner(page.t("season.spinner")):
        cube = data.cube(year)
        curve = scope_curve(cube, scope, key=scope_key, base=base, scenario=scenario,
                            national_name=page.t("denmark"))
        curves = data.company_curves(scenario, year)
        national = national_curve(cube, name=page.t("denmark"))
    return SeasonView(page, base, scenario, scenario_names.get(state["season.scenario"],
                                                               scenario.name),
                      scope, scope_key, year, years, cube, curve, curves, national, link)


# ------------------------------------------------------------------------------ seasonality
def curve_tab(view: SeasonView) -> None:
    """The 12-month curve by accommodation type, the indices, and the year against 2019."""
    page, curve, year, lang = view.page, view.curve, view.year, view.lang
    prov = curve.provenance
    months = month_names(page)
    chart = charts.curve_chart(curve.type_frame(), title=page.t(
        "season.curve.title", name=curve.name, year=year), caption=caption(page, prov),
        labels=chart_labels(page), type_names=type_names(page), month_names=months, lang=lang,
        significant=view.modelled)
    st.altair_chart(chart, width="stretch")
    provenance_line(page, prov)
    c1, c2 = st.columns(2)
    with c1:
        download_png(page, chart, f"{view.stem}-curve", "season.png.curve")
    with c2:
        download_csv(page, curve.month_frame(), f"{view.stem}-months", "season.csv.months", prov)

    st.subheader(page.t("season.indices"))
    idx = curve.indices
    rows = [(page.t("idx.overnights"), count(idx.total, lang, modelled=view.modelled)),
            (page.t("idx.foreign_share"), percent(curve.foreign_share, lang))]
    for k in INDEX_KEYS:
        value = getattr(idx, k)
        if k == "peak_month":
            text = months[value - 1] if value else GAP
        elif k in ("peak_quarter_share", "offseason_share"):
            text = percent(value, lang)
        else:
            text = number(value, lang, 3)
        rows.append((page.t(f"idx.{k}"), text))
    if view.scope == "company":
        rows.append((page.t("idx.complementarity"),
                     number(member_complementarity(view.cube, curve.codes), lang, 4)))
    show_table(pd.DataFrame({page.t("lbl.index"): [r[0] for r in rows],
                               page.t("lbl.value"): [r[1] for r in rows],
                               page.t("lbl.kind"): page.t(f"kind.{curve.kind.value}")}),
                 hide_index=True, width="stretch")
    st.caption(page.t("idx.help"))
    provenance_line(page, prov)
    _years_section(view)


def _years_section(view: SeasonView) -> None:
    """The same scope in 2019 and in the latest year, side by side."""
    page, curve, years = view.page, view.curve, view.years
    before_year, after_year = (2019 if 2019 in years else years[0]), years[-1]
    st.subheader(page.t("season.years.heading", before=before_year, after=after_year))
    with data_errors(page):
        pair = [view.scope_curve(y) for y in (before_year, after_year)]
    years_chart = charts.years_chart(
        share_curves(pair), title=page.t("season.years.title", name=curve.name, before=before_year,
                                         after=after_year),
        caption=caption(page, [pair[0].provenance, pair[1].provenance]),
        labels=chart_labels(page), month_names=month_names(page), lang=view.lang,
        significant=view.modelled)
    st.altair_chart(years_chart, width="stretch")
    comparison = year_comparison(*pair)
    show_year_table(page, comparison, before_year, after_year, pair[1].kind.value,
                    modelled=view.modelled)
    provenance_line(page, pair[1].provenance)
    stem = f"{file_stem(curve.name)}-{before_year}-{after_year}"
    prov = curve.provenance
    c1, c2 = st.columns(2)
    with c1:
        download_png(page, years_chart, stem, "season.png.years")
    with c2:
        download_csv(page, comparison, stem, "season.csv.years",
                     Provenance(prov.source, None, prov.kind))


# ------------------------------------------------------------------------------ heatmap
def heatmap_tab(view: SeasonView) -> None:
    """Every company's (and the unaffiliated group's) monthly shares as one heatmap, and indices."""
    page, year = view.page, view.year
    prov = view.curve.provenance
    labels = chart_labels(page)
    group = unaffiliated_curve(view.cube, view.scenario, name=page.t("unaffiliated.group"))
    rows_curves = list(view.curves.values()) + ([group] if group else []) + [view.national]
    heat = heatmap_table(rows_curves)
    heat_chart = charts.heatmap_chart(heat, title=page.t("season.heatmap.title", year=year),
                                      caption=caption(page, prov),
                                      labels={**labels, "share": page.t("lbl.share")},
                                      month_names=month_names(page), lang=page.lang,
                                      significant=view.modelled)
    st.altair_chart(heat_chart)
    st.caption(page.t("season.heatmap.caption", scenario=md(view.scenario_name)))
    provenance_line(page, prov)
    table = indices_table(rows_curves)
    shown = table.drop(columns=["key", "scope"]).rename(columns={
        "name": page.t("lbl.name"), "year": page.t("lbl.year"),
        **{k: page.t(f"idx.{k}") for k in ("overnights", "foreign_share", *INDEX_KEYS)},
        "kind": page.t("lbl.kind")})
    if "kind" in table.columns:
        shown[page.t("lbl.kind")] = [page.t(f"kind.{k}") for k in table["kind"]]
    if "peak_month" in table.columns:
        shown[page.t("idx.peak_month")] = [month_names(page)[int(m) - 1] if m == m and m else GAP
                                           for m in table["peak_month"]]
    show_table(styled(
        shown, page.lang,
        **{"modelled" if view.modelled else "counts": [page.t("idx.overnights")]},
        shares=[page.t(f"idx.{k}") for k in ("foreign_share", "peak_quarter_share",
                                              "offseason_share")],
        decimals={page.t(f"idx.{k}"): 3 for k in ("gini", "peak_mean_ratio", "entropy",
                                                  "relative_redundancy")},
        texts={page.t("lbl.year"): str}), hide_index=True, width="stretch",
        key="season.indices")
    c1, c2, c3 = st.columns(3)
    with c1:
        download_png(page, heat_chart, f"heatmap-{year}", "season.png.heat")
    with c2:
        download_csv(page, heat, f"heatmap-{year}", "season.csv.heat", prov,
                     what=page.t("lbl.share"))
    with c3:
        download_csv(page, table, f"season-indices-{year}", "season.csv.indices", prov,
                     what=page.t("season.indices"))


# ------------------------------------------------------------------------------ capacity
def capacity_tab(view: SeasonView, *, share: float, target: float, basis: str) -> None:
    """Demand against bed places by month where bed places are known: months over the shortage
    line, headroom to a target, the share of demand that reading covers and what the bed places
    rest on; "unknown" where no member has a published count."""
    from destinations.season.capacity import NATIONAL_CAPACITY_NOTE
    from destinations.season.profile import CAPACITY_SOURCE

    page, curve, year, lang = view.page, view.curve, view.year, view.lang
    months, types = month_names(page), type_names(page)
    capacity = capacity_view(curve)
    source = NATIONAL_CAPACITY_NOTE if curve.capacity_kind is Kind.COMPILED else CAPACITY_SOURCE
    cap_prov = Provenance(source=Message("{first}; {second}", first=curve.provenance.source,
                                         second=source), year=year,
                          kind=capacity.kind)
    reading = capacity_reading(page, capacity, share=share, target=target, basis=basis,
                               month_names=months, name_of=view.base.municipality_name)
    m1, m2, m3 = st.columns(3)
    m1.metric(page.t("season.capacity.shortage"), reading["months"])
    m2.metric(page.t("season.capacity.excess"), reading["excess"])
    m3.metric(page.t("season.capacity.headroom"), reading["headroom"])
    if reading["known"]:
        st.caption(page.t("capacity.reading", part=md(reading["part"]),
                          coverage=reading["coverage"]) + " " + reading["note"])
        cap_chart = charts.capacity_chart(
            capacity.month_table(), share=share,
            title=page.t("season.capacity.title", name=curve.name, year=year),
            caption=caption(page, cap_prov),
            labels={**chart_labels(page),
                    "threshold": page.t("lbl.threshold", share=percent(share, lang, 0))},
            month_names=months, lang=lang, significant=view.modelled)
        st.altair_chart(cap_chart, width="stretch")
    else:
        cap_chart = None
        st.info(page.t("capacity.unknown.note"))
    dwellings = holiday_dwellings(year, curve.codes)
    if dwellings is not None:
        st.markdown(f"**{page.t('lbl.dwellings')}:** {count(dwellings, lang)} "
                    f"{kind_badge(page, 'official')} · {page.t('dwellings.note')}")
    with st.expander(page.t("capacity.basis"), expanded=bool(reading["known"])
                     and view.scope != "national"):
        lines = basis_lines(page, view.base, curve)
        if not lines:
            st.markdown(f"- {page.t('capacity.part.none')}")
        for where, inputs in lines:
            st.markdown(f"- **{md(where)}:** {md(inputs)}")
    provenance_line(page, cap_prov)
    st.caption(page.t("coverage.modelled"))

    st.subheader(page.t("season.capacity.by_type"))
    by_type = capacity.type_table()
    members = len(curve.codes)
    shown = pd.DataFrame({
        page.t("lbl.type"): [types[t] for t in by_type["type"]],
        page.t("lbl.overnights"): by_type["overnights"],
        page.t("lbl.members_known"): [f"{n} / {members}" for n in by_type["members_known"]],
        page.t("lbl.coverage"): by_type["coverage"],
        page.t("lbl.known_bed_places"): by_type["peak_bed_places"],
        page.t("lbl.occ_mean"): by_type["occupancy_mean"],
        page.t("lbl.occ_peak"): by_type["occupancy_peak"],
        page.t("lbl.note"): [page.t(f"coverage.{t}") for t in by_type["type"]],
    })
    modelled_counts = [page.t("lbl.overnights")] if view.modelled else []
    bed_counts = [page.t("lbl.known_bed_places")]
    show_table(styled(
        shown, lang, modelled=modelled_counts + (bed_counts if curve.capacity_kind
                                                 is not Kind.COMPILED else []),
        counts=([] if view.modelled else [page.t("lbl.overnights")])
        + (bed_counts if curve.capacity_kind is Kind.COMPILED else []),
        shares=[page.t("lbl.coverage")],
        percent_points=[page.t("lbl.occ_mean"), page.t("lbl.occ_peak")]),
        hide_index=True, width="stretch", key="season.capacity.types")
    if view.scope == "national":
        st.markdown(f"**{page.t('season.capacity.reference')}** {kind_badge(page, 'compiled')}")
        show_reference_table(page, data.gross_reference(year))
        st.caption(page.t("season.capacity.reference.note"))
    with st.expander(page.t("season.capacity.months")):
        month_table = capacity.month_table()
        shown_months = month_table.assign(month=list(months)).rename(columns={
            "month": page.t("lbl.month"), "days": page.t("lbl.days"),
            "overnights": page.t("lbl.overnights"), "demand_covered": page.t("lbl.demand"),
            "bed_places": page.t("lbl.bed_places"), "bed_nights": page.t("lbl.bed_nights"),
            "occupancy_pct": page.t("lbl.occupancy"),
            **{f"occupancy_{t}": f"{page.t('lbl.occupancy')}: {types[t]}" for t in types}})
        counted = [page.t(k) for k in ("lbl.overnights", "lbl.demand", "lbl.bed_places",
                                       "lbl.bed_nights")]
        show_table(styled(shown_months, lang, modelled=counted,
                            counts=[page.t("lbl.days")],
                            percent_points=[c for c in shown_months.columns
                                            if c.startswith(page.t("lbl.occupancy"))]),
                     hide_index=True, width="stretch", key="season.capacity.month_table")
    c1, c2, c3 = st.columns(3)
    if cap_chart is not None:
        with c1:
            download_png(page, cap_chart, f"{view.stem}-capacity", "season.png.capacity")
    with c2:
        download_csv(page, capacity.month_table(), f"{view.stem}-capacity-months",
                     "season.csv.capm", cap_prov, what=page.t("season.capacity.months"))
    with c3:
        download_csv(page, by_type, f"{view.stem}-occupancy-by-type", "season.csv.capt", cap_prov,
                     what=page.t("season.capacity.by_type"))


def holiday_dwellings(year: int, codes) -> float | None:
    """StatBank BOL101 holiday dwellings of ``codes`` (None unless every one has a count)."""
    capacity = data.facts(year).capacity
    rows = capacity[(capacity["type"] == "holiday_home") & (capacity["month"] == 1)]
    values = rows.set_index("code")["dwellings"].reindex(list(codes))
    return float(values.sum()) if len(values) and values.notna().all() else None


# ------------------------------------------------------------------------------ what-if
def whatif_tab(view: SeasonView, *, growth: float, shift_pct: float, shoulder, peak,
               share: float, target: float) -> None:
    """The season extension against the baseline: figures with their change, curves, table.

    ``growth`` and ``shift_pct`` are percentages as the sliders show them; ``share`` and ``target``
    come from the capacity tab."""
    page, curve, year, lang = view.page, view.curve, view.year, view.lang
    prov = curve.provenance
    with data_errors(page), st.spinner(page.t("season.whatif.running")):
        extension = SeasonExtension(growth_pct=float(growth), shift_share=shift_pct / 100.0,
                                    shoulder_months=tuple(shoulder), peak_months=tuple(peak))
        baseline = {**view.curves, "DK": view.national}
        if curve.key not in baseline:
            baseline = {curve.key: curve, **baseline}
        result = season_whatif(baseline, extension,
                               assumptions=Assumptions(shortage_share=share,
                                                       target_occupancy=target))
    if extension.is_neutral:
        st.info(page.t("season.whatif.neutral"))
    what_prov = Provenance(source=Message("{first}; {second}", first=prov.source,
                                          second=Message("what-if: {change}", change=extension.describe())),
                           year=year,
                           kind=result.extended[curve.key].kind)
    before, after = result.figures(curve.key, "baseline"), result.figures(curve.key, "extended")
    for col, (key_name, fmt) in zip(st.columns(4), _FIGURE_FORMATS):
        value, delta = after[key_name], after[key_name] - before[key_name]
        if is_gap(value):  # capacity figures where no bed places are known
            col.metric(page.t(f"fig.{key_name}"), page.t("unknown"))
            continue
        # a change that rounds to nothing reads 0, never "-0.000" or "-8.6e-06"
        shown_delta = round(delta * (100 if fmt is None else 1), 1 if fmt is None else fmt) + 0.0
        if key_name == "offseason_headroom":
            shown_delta = float(round_significant(delta)) + 0.0
            text, delta_text = (count(value, lang, modelled=True),
                                count(shown_delta, lang, modelled=True))
        elif fmt is None:
            text, delta_text = percent(value, lang), number(shown_delta, lang, 1) + " pp"
        else:
            text, delta_text = number(value, lang, fmt), number(shown_delta, lang, fmt)
        col.metric(page.t(f"fig.{key_name}"), text, delta_text,
                   delta_color="off" if shown_delta == 0 else
                   ("inverse" if key_name in ("gini", "offseason_headroom") else "normal"))
    whatif_chart = charts.whatif_chart(
        result.curves_frame(curve.key, baseline_label=page.t("lbl.baseline"),
                            whatif_label=page.t("lbl.whatif")),
        title=page.t("season.whatif.title", name=curve.name, year=year),
        caption=caption(page, what_prov), labels=chart_labels(page),
        month_names=month_names(page), lang=lang, significant=True)
    st.altair_chart(whatif_chart, width="stretch")
    provenance_line(page, what_prov)
    st.subheader(page.t("season.whatif.table"))
    summary = result.summary()
    show_whatif_table(page, summary)
    c1, c2, c3 = st.columns(3)
    with c1:
        download_png(page, whatif_chart, f"{view.stem}-whatif", "season.png.whatif")
    with c2:
        download_csv(page, summary, f"whatif-{year}", "season.csv.whatif", what_prov,
                     what=page.t("season.whatif.table"))
    with c3:
        download_csv(page, result.comparison(), f"whatif-{year}-all-figures",
                     "season.csv.whatif_all", what_prov, what=page.t("season.whatif.all"))


# ------------------------------------------------------------------------------ markets
def markets_tab(view: SeasonView, *, top: int, since: int, log_scale: bool) -> None:
    """Foreign source markets over the years, and each company's foreign share."""
    page, year = view.page, view.year
    labels = chart_labels(page)
    with data_errors(page):
        markets = data.markets(top, since)
    markets_prov = Provenance(source=MARKETS_SOURCE, year=int(markets["year"].max()),
                              kind=MARKETS_KIND)
    markets_chart = charts.markets_chart(
        markets, title=page.t("season.markets.title", top=top),
        caption=caption(page, markets_prov), labels=labels,
        country_names={c: page.t(f"country.{c}") for c in markets["country"].unique()},
        log_scale=log_scale, lang=page.lang)
    st.altair_chart(markets_chart, width="stretch")
    st.caption(page.t("season.markets.note"))
    provenance_line(page, markets_prov)
    c1, c2 = st.columns(2)
    with c1:
        download_png(page, markets_chart, f"source-markets-{since}", "season.png.markets")
    with c2:
        download_csv(page, markets, f"source-markets-{since}", "season.csv.markets")

    prov = view.curve.provenance
    foreign = foreign_share_table(list(view.curves.values()) + [view.national])
    foreign_chart = charts.share_bar_chart(
        foreign, value="foreign_share", title=page.t("season.foreign.title", year=year),
        caption=caption(page, prov),
        labels={"company": page.t("lbl.company"), "value": page.t("idx.foreign_share")},
        highlight=[view.national.name], lang=page.lang)
    st.altair_chart(foreign_chart, width="stretch")
    provenance_line(page, prov)
    c1, c2 = st.columns(2)
    with c1:
        download_png(page, foreign_chart, f"foreign-share-{year}", "season.png.foreign")
    with c2:
        download_csv(page, foreign, f"foreign-share-{year}", "season.csv.foreign", prov)


# ------------------------------------------------------------------------------ tables
def show_whatif_table(page: Page, summary: pd.DataFrame) -> None:
    """The what-if summary (one row per scope, baseline and what-if side by side), every figure
    modelled: counts to 3 significant figures, shares as percentages, gaps "–"."""
    columns = {"name": page.t("lbl.name")}
    counts, shares, points, decimals = [], [], [], {}
    for column in summary.columns:
        if column in ("key", "name"):
            continue
        figure = column.removesuffix("_whatif")
        label = page.t(f"fig.{figure}") + (f" · {page.t('lbl.whatif')}"
                                            if column.endswith("_whatif") else "")
        columns[column] = label
        if figure.endswith("_share"):
            shares.append(label)
        elif figure in ("gini", "peak_mean_ratio", "entropy", "relative_redundancy"):
            decimals[label] = 3
        elif figure.endswith("_pct"):
            points.append(label)
        elif figure == "shortage_months":
            continue
        else:
            counts.append(label)
    shown = summary.drop(columns=["key"]).rename(columns=columns)
    shown[page.t("lbl.kind")] = page.t("kind.modelled")
    show_table(styled(shown, page.lang, modelled=counts, shares=shares, percent_points=points,
                        decimals=decimals), hide_index=True, width="stretch",
                 key="season.whatif.summary")


def show_year_table(page: Page, comparison: pd.DataFrame, before: int, after: int,
                    kind: str, *, modelled: bool = True) -> None:
    """:func:`destinations.season.seasonality.year_comparison` as text: counts (modelled ones to
    3 significant figures), percentages (change in percentage points), indices, month names."""
    lang, months = page.lang, month_names(page)
    rows = []
    for record in comparison.itertuples(index=False):
        key = record.index
        if key == "overnights":
            cells = [count(v, lang, modelled=modelled)
                     for v in (record.before, record.after, record.change)]
        elif key.endswith("_share"):
            cells = [percent(record.before, lang), percent(record.after, lang),
                     number(record.change * 100, lang, 1) + " pp"]
        elif key == "peak_month":
            cells = [months[int(v) - 1] if v else GAP
                     for v in (record.before, record.after)] + [""]
        else:
            cells = [number(v, lang, 3) for v in (record.before, record.after, record.change)]
        rows.append([page.t(f"idx.{key}"), *cells, page.t(f"kind.{kind}")])
    show_table(pd.DataFrame(rows, columns=[page.t("lbl.index"), str(before), str(after),
                                             page.t("lbl.change"), page.t("lbl.kind")]),
                 hide_index=True, width="stretch", key="season.years.table")


def show_reference_table(page: Page, reference: pd.DataFrame) -> None:
    """National gross occupancy (Eurostat both sides): types x months, in percent."""
    wide = reference.pivot_table(index="type", columns="month", values="occupancy_pct")
    names = type_names(page)
    wide.index = [names.get(t, t) for t in wide.index]
    wide.columns = list(month_names(page))[: len(wide.columns)]
    wide.index.name = page.t("lbl.type")
    show_table(styled(wide.reset_index(), page.lang, percent_points=list(wide.columns)),
                 hide_index=True, width="stretch", key="season.capacity.reference")
