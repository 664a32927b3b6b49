"""Views of a scenario: metric values and changes as text, the assumption widgets, metric cards
and tables, the plan's folium map and its legend."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from destinations import maps
from destinations.maps.scenario_maps import add_leaky_borders, leaky_borders_geojson
from destinations.scenarios.metrics import (
    COMPANY_METRICS,
    METRIC_BY_KEY,
    PLAN_METRICS,
    Evaluation,
    EvaluationContext,
)
from destinations.scenarios.scenario import Scenario
from destinations.store import ScenarioStore
from destinations.ui import data
from destinations.ui.escape import md
from destinations.ui.frame import Page, kind_badge
from destinations.ui.scenario_state import available_years

#: Plan metrics shown as cards in the live panel (the rest are in the table below them).
HEADLINE = ("companies", "unaffiliated", "floor_violation_count", "balance_gini", "flow_cut_share",
            "noncontiguous_count", "lighthouseless_count", "seasonality_gini_mean")


def format_value(page: Page, key: str, value) -> str:
    """A metric value as text (percent for shares, thousands separators, gaps named)."""
    if value is None or (isinstance(value, float) and value != value):
        return page.t("metrics.gap")
    if isinstance(value, bool):
        return page.t("metrics.yes") if value else page.t("metrics.no")
    unit = METRIC_BY_KEY[key].unit
    if unit == "share":
        text = f"{value:.1%}"
    elif isinstance(value, int) or float(value).is_integer():
        text = f"{value:,.0f}"
    elif abs(value) >= 100:
        text = f"{value:,.0f}"
    elif abs(value) < 0.01 and value != 0:
        text = f"{value:.2g}"  # keep small indices (e.g. dG 0.00016) from showing as 0.000
    else:
        text = f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
    return text.replace(",", " ") if page.lang == "da" else text


def format_delta(page: Page, key: str, value, before) -> str | None:
    """The change of a metric as shown under a card, or None when there is none to show."""
    if not all(isinstance(v, (int, float)) and v == v for v in (value, before)):
        return None
    change = float(value) - float(before)
    if METRIC_BY_KEY[key].unit == "share":
        text = f"{change * 100:+.1f} pp"
    elif float(change).is_integer():
        text = f"{change:+,.0f}"
    elif abs(change) < 0.01:
        text = f"{change:+.2g}"  # small changes of indices stay visible (e.g. -0.00051)
    else:
        text = f"{change:+.3f}"
    if text.lstrip("+-").strip(" p").replace("0", "").replace(".", "").replace(",", "") == "":
        return None  # rounds to zero
    return text.replace(",", " ") if page.lang == "da" else text


def assumptions(page: Page, prefix: str) -> dict:
    """The assumption widgets (sidebar) of a page; returns the arguments of :func:`context`."""
    years = available_years()
    with st.sidebar:
        st.subheader(page.t("metrics.assumptions"))
        year = st.selectbox(page.t("metrics.year"), years, index=len(years) - 1,
                            key=f"{prefix}.year")
        floor = st.number_input(page.t("metrics.floor"), min_value=0, max_value=50_000_000,
                                value=750_000, step=50_000, key=f"{prefix}.floor")
        lighthouse = st.number_input(page.t("metrics.lighthouse"), min_value=1,
                                     max_value=10_000_000, value=250_000, step=25_000,
                                     key=f"{prefix}.lighthouse")
        halflife = st.number_input(page.t("metrics.halflife"), min_value=5, max_value=240,
                                   value=30, step=5, key=f"{prefix}.halflife")
        max_minutes = st.number_input(page.t("metrics.maxminutes"), min_value=15, max_value=480,
                                      value=120, step=15, key=f"{prefix}.maxminutes")
        od_file = st.file_uploader(page.t("metrics.od"), type=["csv", "txt"], key=f"{prefix}.od")
    return {"year": int(year), "floor": float(floor), "lighthouse": float(lighthouse),
            "halflife_min": float(halflife), "max_minutes": float(max_minutes),
            "od_csv": od_file.getvalue() if od_file is not None else None}


def render_plan_metrics(page: Page, result: Evaluation, previous: Evaluation | None) -> None:
    """Headline cards (with the change since the last edit) and the full plan table."""
    columns = st.columns(4)
    for i, key in enumerate(HEADLINE):
        metric = METRIC_BY_KEY[key]
        value = result.plan[key]
        delta = None
        if previous is not None:
            before = previous.plan[key]
            delta = format_delta(page, key, value, before)
        with columns[i % 4]:
            st.metric(metric.label(page.lang), format_value(page, key, value), delta=delta,
                      delta_color={"lower": "inverse", "higher": "normal"}.get(metric.better, "off"),
                      help=f"{metric.unit} · {page.t('kind.' + result.kind(key).value)}",
                      border=True)
    rows = [{"key": m.key, page.t("compare.metric"): m.label(page.lang),
             page.t("metrics.value"): format_value(page, m.key, result.plan[m.key]),
             page.t("compare.unit"): m.unit,
             page.t("compare.kind"): page.t("kind." + result.kind(m.key).value)}
            for m in PLAN_METRICS if m.key not in HEADLINE]
    st.dataframe(pd.DataFrame(rows).drop(columns="key"), hide_index=True, width="stretch")


def render_violations(page: Page, result: Evaluation, ctx: EvaluationContext) -> None:
    """Companies below the floor, in several parts or without a lighthouse (warnings), and apart
    from them the companies whose lighthouse status is unknown: no published visitor counts is a
    gap in the data, not a violation anyone has shown."""
    names = result.scenario.names
    problems = dict(result.violations())
    unknown = problems.pop("lighthouse_unknown", ())
    lo, hi = ctx.size_band
    k = result.plan["companies"]
    shown = False
    if not lo <= k <= hi:
        st.warning(page.t("metrics.band", count=k))
        shown = True
    labels = {"below_floor": page.t("metrics.below_floor", floor=f"{ctx.floor:,.0f}"),
              "noncontiguous": page.t("metrics.noncontiguous"),
              "no_lighthouse": page.t("metrics.no_lighthouse")}
    for reason, ids in problems.items():
        if ids:
            st.warning(f"**{labels.get(reason, reason)}:** " + ", ".join(md(names[c]) for c in ids))
            shown = True
    if not shown:
        st.success(page.t("metrics.none"))
    else:
        st.caption(page.t("metrics.outlined"))
    if unknown:
        st.info(f"**{page.t('metrics.lighthouse_unknown')}:** "
                + ", ".join(md(names[c]) for c in unknown))


def company_table(page: Page, result: Evaluation) -> pd.DataFrame:
    """Per-company values (formatted) with the company name first."""
    names = result.scenario.names
    rows = []
    for cid, values in result.companies.items():
        row = {page.t("editor.company"): names[cid]}
        for metric in COMPANY_METRICS:
            row[metric.label(page.lang)] = format_value(page, metric.key, values[metric.key])
        rows.append(row)
    return pd.DataFrame(rows)


def theme_table(page: Page, result: Evaluation) -> pd.DataFrame:
    return pd.DataFrame([{page.t("metrics.theme"): t.theme, "companies": t.companies,
                          "unaffiliated": t.unaffiliated,
                          "effective splits": round(t.effective_splits, 2)}
                         for t in sorted(result.themes, key=lambda t: -t.effective_splits)])


def plan_map(page: Page, base, scenario: Scenario, *, outlined=(), result: Evaluation | None = None,
             leaky_name: str = ""):
    """The folium map of a plan: fills by company, company borders, outlines, leaky borders."""
    assignment, names = scenario.assignment, scenario.names
    colours = maps.company_colours(assignment, base.graph)
    fill_json, border_json = data.layers_for(assignment, names, page.t("unaffiliated"))
    fmap = maps.new_map()
    maps.add_municipalities(fmap, fill_json, colours, name=page.t("editor.map"),
                            outlined=list(outlined))
    maps.add_company_borders(fmap, border_json, name=page.t("editor.companies"))
    if result is not None:
        municipality_names = dict(zip(base.municipalities["code"], base.municipalities["name"]))
        add_leaky_borders(fmap, leaky_borders_geojson(
            result, municipality_names, names, unaffiliated_label=page.t("unaffiliated"),
            share_label="of day trips" if page.lang == "en" else "af dagsturene"),
            name=leaky_name or page.t("metrics.leaky"))
    return fmap, colours


def legend(page: Page, scenario: Scenario, colours: dict[str, str], notes=()) -> None:
    entries = [(colours[cid], name) for cid, name in scenario.company_names if cid in colours]
    st.html(maps.legend_html(entries + [(maps.UNAFFILIATED_FILL, page.t("unaffiliated"))],
                             title=page.t("editor.companies"), notes=list(notes)))


def kind_line(page: Page, ctx: EvaluationContext) -> None:
    st.caption(f"{kind_badge(page, ctx.flow_kind.value)} "
               + md(page.t("metrics.od.used", source=ctx.flow_source)))
    st.caption(page.t("metrics.kinds"))


def assignment_frame(base, scenario: Scenario, unaffiliated_label: str) -> pd.DataFrame:
    """code, municipality, company (display name) - the table editor's rows, in plan order."""
    names = scenario.names
    return pd.DataFrame({
        "code": list(scenario.codes),
        "municipality": [base.municipality_name(c) for c in scenario.codes],
        "company": [names[c] if c else unaffiliated_label for c in scenario.labels],
    })


def leaky_table(page: Page, base, result: Evaluation) -> pd.DataFrame:
    names = result.scenario.names

    def owner(company):
        return names[company] if company else page.t("unaffiliated")

    return pd.DataFrame([{
        page.t("compare.from"): f"{base.municipality_name(b.code_a)} ({owner(b.company_a)})",
        page.t("compare.to"): f"{base.municipality_name(b.code_b)} ({owner(b.company_b)})",
        "kind": b.kind,
        "share": format_value(page, "flow_cut_share", b.share),
    } for b in result.leaky_borders])


def saved_heads(target: ScenarioStore, *, deleted: bool = False) -> dict[str, str]:
    """``{scenario id: "name · version · date"}`` of the stored scenarios (or the deleted ones)."""
    return {h.key: f"{h.name} · v{h.version} · {h.updated_at:%Y-%m-%d %H:%M}"
            for h in target.list(deleted=deleted)}


def version_labels(target: ScenarioStore, scenario_id: str) -> dict[int, str]:
    return {v.version: f"v{v.version} · {v.created_at:%Y-%m-%d %H:%M}" + (f" · {v.note}" if v.note else "")
            for v in target.versions(scenario_id)}
