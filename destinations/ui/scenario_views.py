"""Views of a scenario: metric values and changes as text for people, the assumption widgets,
metric cards (with the change against a reference and the last step), tables, and the folium map
of a plan (one layer, patterns where companies share a colour, the legend inside the map)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from destinations.data.labels import theme_label
from destinations.i18n import GAP, fmt_number, fmt_percent, is_gap, localize, round_significant
from destinations.maps import leaflet
from destinations.maps.scenario_maps import leaky_borders_geojson, plan_layer, plan_legend_html
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
from destinations.ui.scenario_state import STYLE_KEY, available_years

#: Plan metrics shown as cards in the live panel (the rest are in the table below them).
HEADLINE = ("companies", "unaffiliated", "floor_violation_count", "balance_gini", "flow_cut_share",
            "noncontiguous_count", "lighthouseless_count", "seasonality_gini_mean")
#: Metric labels wrap instead of being cut off with an ellipsis (cards are narrow, Danish long).
CARD_STYLE = ("<style>[data-testid='stMetricLabel'], [data-testid='stMetricLabel'] *,"
              "[data-testid='stMetricDelta'], [data-testid='stMetricDelta'] *"
              "{white-space:normal !important;overflow:visible !important;"
              "text-overflow:clip !important;height:auto !important}</style>")
#: Soft hyphens in words too long for a card's width (a label breaks there, with a hyphen).
SOFT_HYPHENS = {"Destinationsselskaber": "Destinations\u00adselskaber"}
#: Units read as whole counts (no decimals, no rounding to significant figures).
COUNT_UNITS = frozenset({"companies", "municipalities", "attractions", "parts", "themes"})


# ------------------------------------------------------------------------------ numbers
def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and not is_gap(value)


def _shown(key: str, value: float) -> tuple[float, int]:
    """(the value as displayed, its decimals): shares in percent to 1 decimal, counts whole,
    anything else to 3 significant figures."""
    unit = METRIC_BY_KEY[key].unit
    if unit == "share":
        return round(float(value) * 100.0, 1), 1
    if unit in COUNT_UNITS:
        return float(round(value)), 0
    rounded = round_significant(float(value), 3)
    magnitude = int(math.floor(math.log10(abs(rounded)))) if rounded else 0
    return rounded, max(0, 2 - magnitude)


def format_value(page: Page, key: str, value) -> str:
    """A metric value as text for people: percent for shares, whole counts, other figures to 3
    significant figures in the page's locale; never scientific notation; gaps named."""
    if isinstance(value, bool):
        return page.t("metrics.yes") if value else page.t("metrics.no")
    if not _is_number(value):
        return page.t("metrics.unknown") if key == "has_lighthouse" else page.t("metrics.gap")
    if METRIC_BY_KEY[key].unit == "share":
        return fmt_percent(value, page.lang, digits=1)
    shown, decimals = _shown(key, value)
    return fmt_number(shown, page.lang, digits=decimals)


@dataclass(frozen=True)
class Change:
    """A metric's change as shown: ``text`` ("+0.4 pp", "-2", "±0") and its ``sign``."""

    text: str
    sign: int


def change(page: Page, key: str, value, before) -> Change | None:
    """The change between two values of a metric, computed from the values as displayed (so the
    reader can check it: 0.484 -> 0.485 is +0.001), or None when either is missing."""
    if not (_is_number(value) and _is_number(before)):
        return None
    (after_shown, da), (before_shown, db) = _shown(key, value), _shown(key, before)
    decimals = max(da, db)
    diff = round(after_shown - before_shown, decimals)
    unit = " " + page.t("metrics.pp") if METRIC_BY_KEY[key].unit == "share" else ""
    if diff == 0:
        return Change("±0" + unit, 0)
    sign = "+" if diff > 0 else "-"
    return Change(f"{sign}{fmt_number(abs(diff), page.lang, digits=decimals)}{unit}",
                  1 if diff > 0 else -1)


def format_delta(page: Page, key: str, value, before) -> str | None:
    """The change of a metric as text ("±0" when it rounds to nothing), None when unknown."""
    found = change(page, key, value, before)
    return found.text if found else None


def verdict_colour(key: str, found: Change | None) -> str:
    """'green' / 'red' / 'gray' for a change of ``key`` (better / worse / neutral)."""
    better = METRIC_BY_KEY[key].better
    if found is None or found.sign == 0 or better not in ("higher", "lower"):
        return "gray"
    good = (found.sign > 0) == (better == "higher")
    return "green" if good else "red"


# ------------------------------------------------------------------------------ inputs
def assumptions(page: Page, prefix: str) -> dict:
    """The assumption widgets (sidebar) of a page; returns the arguments of :func:`context`."""
    from destinations.scenarios.flows import FlowParams

    years = available_years()
    defaults = FlowParams()
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
                                   value=int(round(defaults.half_weight_minutes)), step=5,
                                   key=f"{prefix}.halflife")
        max_minutes = st.number_input(page.t("metrics.maxminutes"), min_value=15, max_value=480,
                                      value=int(defaults.max_minutes), step=15,
                                      key=f"{prefix}.maxminutes")
        od_file = st.file_uploader(page.t("metrics.od"), type=["csv", "txt"], key=f"{prefix}.od")
    return {"year": int(year), "floor": float(floor), "lighthouse": float(lighthouse),
            "halflife_min": float(halflife), "max_minutes": float(max_minutes),
            "od_csv": od_file.getvalue() if od_file is not None else None}


# ------------------------------------------------------------------------------ metrics
def render_cards(page: Page, result: Evaluation, reference: Evaluation | None = None, *,
                 reference_label: str = "", columns: int = 4) -> None:
    """Headline cards: the value, and its change against the reference (coloured by better /
    worse) with what it is compared with. Labels wrap instead of being cut off."""
    st.html(CARD_STYLE)
    cols = st.columns(columns)
    for i, key in enumerate(HEADLINE):
        metric = METRIC_BY_KEY[key]
        value = result.plan[key]
        found = change(page, key, value, reference.plan[key]) if reference is not None else None
        if found is not None and found.sign == 0:
            found = None  # unchanged: no delta, so the changes stand out
        label = " ".join(SOFT_HYPHENS.get(word, word) for word in metric.label(page.lang).split(" "))
        with cols[i % columns]:
            st.metric(
                label, format_value(page, key, value),
                delta=found.text if found else None,
                delta_color="off" if found is None else
                {"lower": "inverse", "higher": "normal"}.get(metric.better, "off"),
                delta_description=reference_label if found else None,
                help=f"{metric.label(page.lang)} · {unit_text(page, metric.unit)} · "
                     f"{page.t('kind.' + result.kind(key).value)}",
                border=True)


def render_plan_metrics(page: Page, result: Evaluation, previous: Evaluation | None) -> None:
    """Headline cards (with the change since ``previous``) and the full plan table."""
    render_cards(page, result, previous, reference_label=page.t("metrics.vs_last"))
    st.dataframe(plan_table(page, result), hide_index=True, width="stretch", placeholder=GAP)


def plan_table(page: Page, result: Evaluation, reference: Evaluation | None = None,
               previous: Evaluation | None = None, *, reference_label: str = "") -> pd.DataFrame:
    """Every plan metric: value, change against the reference and the last step, unit, kind."""
    rows = []
    for m in PLAN_METRICS:
        row = {page.t("compare.metric"): m.label(page.lang),
               page.t("metrics.value"): format_value(page, m.key, result.plan[m.key])}
        if reference is not None:
            row[reference_label or page.t("metrics.vs_reference")] = format_delta(
                page, m.key, result.plan[m.key], reference.plan[m.key]) or GAP
        if previous is not None:
            row[page.t("metrics.vs_last")] = format_delta(
                page, m.key, result.plan[m.key], previous.plan[m.key]) or GAP
        row[page.t("compare.unit")] = unit_text(page, m.unit)
        row[page.t("compare.kind")] = page.t("kind." + result.kind(m.key).value)
        rows.append(row)
    return pd.DataFrame(rows)


def step_changes(page: Page, result: Evaluation, previous: Evaluation) -> list[str]:
    """"Label: change" for each headline metric the last step changed (markdown, coloured)."""
    parts = []
    for key in HEADLINE:
        found = change(page, key, result.plan[key], previous.plan[key])
        if found is not None and found.sign != 0:
            parts.append(f"{md(METRIC_BY_KEY[key].label(page.lang))} "
                         f":{verdict_colour(key, found)}[{md(found.text)}]")
    return parts


def describe_step(page: Page, base, before: Scenario, after: Scenario) -> str:
    """The last step in words (markdown-escaped): which municipalities went where."""
    moved: dict[str | None, list[str]] = {}
    for code, a, b in zip(after.codes, before.labels, after.labels):
        if a != b:
            moved.setdefault(b, []).append(base.municipality_name(code))
    if not moved:
        return page.t("metrics.step.other")
    names = after.names
    parts = []
    for target, munis in moved.items():
        shown = ", ".join(munis[:4]) + (f" +{len(munis) - 4}" if len(munis) > 4 else "")
        parts.append(f"{md(shown)} → {md(names.get(target, page.t('unaffiliated')) if target else page.t('unaffiliated'))}")
    return "; ".join(parts)


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
    labels = {"below_floor": page.t("metrics.below_floor",
                                    floor=fmt_number(ctx.floor, page.lang)),
              "noncontiguous": page.t("metrics.noncontiguous"),
              "no_lighthouse": page.t("metrics.no_lighthouse")}
    for reason, ids in problems.items():
        if ids:
            st.warning(f"**{labels.get(reason, md(reason))}:** "
                       + ", ".join(md(names[c]) for c in ids))
            shown = True
    if not shown:
        st.success(page.t("metrics.none"))
    if unknown:
        st.info(f"**{page.t('metrics.lighthouse_unknown')}:** "
                + ", ".join(md(names[c]) for c in unknown), icon=":material/help:")


def company_table(page: Page, result: Evaluation) -> pd.DataFrame:
    """Per-company values (formatted, units in the headers) with the company name first."""
    names = result.scenario.names
    rows = []
    for cid, values in result.companies.items():
        row = {page.t("editor.company"): names[cid]}
        for metric in COMPANY_METRICS:
            row[column_title(page, metric)] = format_value(page, metric.key, values[metric.key])
        rows.append(row)
    return pd.DataFrame(rows)


def unit_text(page: Page, unit: str) -> str:
    """A metric's unit in the page's language."""
    key = f"unit.{unit}"
    return page.t(key) if key in page.table else unit


def column_title(page: Page, metric) -> str:
    """A metric's label with its unit where the unit says more than the label."""
    if metric.unit in ("share", "yes/no", "ratio") or metric.unit in COUNT_UNITS:
        return metric.label(page.lang)
    return f"{metric.label(page.lang)} ({unit_text(page, metric.unit)})"


def theme_table(page: Page, result: Evaluation) -> pd.DataFrame:
    return pd.DataFrame([{page.t("metrics.theme"): theme_label(t.theme, page.lang),
                          page.t("metrics.theme.companies"): t.companies,
                          page.t("metrics.theme.unaffiliated"): t.unaffiliated,
                          page.t("metrics.theme.splits"): fmt_number(t.effective_splits, page.lang,
                                                                     digits=2)}
                         for t in sorted(result.themes, key=lambda t: -t.effective_splits)])


def kind_line(page: Page, ctx: EvaluationContext) -> None:
    st.caption(f"{kind_badge(page, ctx.flow_kind.value)} "
               + md(page.t("metrics.od.used", source=localize(ctx.flow_source, page.lang))))
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
        page.t("metrics.leaky.kind"): b.kind,
        page.t("metrics.leaky.share"): format_value(page, "flow_cut_share", b.share),
    } for b in result.leaky_borders])


# ------------------------------------------------------------------------------ the plan map
def company_styles(scenario: Scenario, base, *, remember: bool = False) -> dict:
    """Fills of the plan's companies; with ``remember`` the session's last fills are kept where
    they still work, so an edit does not repaint the map."""
    previous = st.session_state.get(STYLE_KEY) if remember else None
    styles = leaflet.company_styles(scenario.assignment, base.graph, previous=previous)
    if remember:
        st.session_state[STYLE_KEY] = styles
    return styles


def legend_entries(page: Page, scenario: Scenario, styles: dict) -> list:
    """``(company id, name, style)`` of the companies with members, and the unaffiliated fill."""
    members = scenario.companies()
    entries = [(cid, name, styles[cid]) for cid, name in scenario.company_names
               if members.get(cid) and cid in styles]
    entries.sort(key=lambda e: e[1].casefold())
    if scenario.unaffiliated():
        entries.append((None, page.t("unaffiliated"), leaflet.CompanyStyle(leaflet.UNAFFILIATED_FILL)))
    return entries


def plan_layer_for(page: Page, base, scenario: Scenario, styles: dict, *, result=None,
                   selected=(), outlined=(), highlight=None, interactive=False, points=None,
                   legend_hint: str = "", leaky: bool = True, home=None):
    """The plan as one map layer (fills, borders, leaky borders, legend, selection)."""
    assignment, names = scenario.assignment, scenario.names
    fill_json, border_json = data.layers_for(assignment, names, page.t("unaffiliated"))
    leaky_data = None
    if result is not None and leaky:
        municipality_names = dict(zip(base.municipalities["code"], base.municipalities["name"]))
        leaky_data = leaky_borders_geojson(result, municipality_names, names,
                                           unaffiliated_label=page.t("unaffiliated"),
                                           share_label=page.t("metrics.leaky.of"))
    legend = plan_legend_html(legend_entries(page, scenario, styles),
                              title=page.t("editor.companies"), highlight=highlight,
                              hint=legend_hint)
    return plan_layer(fill_json, border_json, assignment, styles, name=page.t("editor.map"),
                      selected=selected, outlined=outlined, highlight=highlight, leaky=leaky_data,
                      legend=legend, points=points, interactive=interactive, home=home)


def plan_map(page: Page, base, scenario: Scenario, *, outlined=(), result: Evaluation | None = None,
             leaky_name: str = ""):
    """A static folium map of a plan (fills with patterns, borders, leaky borders, legend)."""
    del leaky_name  # the leaky borders are part of the plan layer
    styles = company_styles(scenario, base)
    fmap = leaflet.new_map()
    plan_layer_for(page, base, scenario, styles, result=result, outlined=outlined).add_to(fmap)
    return fmap, styles


def legend(page: Page, scenario: Scenario, styles, notes=()) -> None:
    """What the map's outlines and lines mean (the company legend is on the map)."""
    del scenario, styles
    for note in notes:
        st.caption(note)


# ------------------------------------------------------------------------------ store views
def saved_heads(target: ScenarioStore, *, deleted: bool = False) -> dict[str, str]:
    """``{scenario id: "name · version · date"}`` of the stored scenarios (or the deleted ones)."""
    return {h.key: f"{h.name} · v{h.version} · {h.updated_at:%Y-%m-%d %H:%M}"
            for h in target.list(deleted=deleted)}


def version_labels(target: ScenarioStore, scenario_id: str) -> dict[int, str]:
    return {v.version: f"v{v.version} · {v.created_at:%Y-%m-%d %H:%M}" + (f" · {v.note}" if v.note else "")
            for v in target.versions(scenario_id)}
