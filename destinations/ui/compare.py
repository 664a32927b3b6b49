"""The compare page's views: which plans to compare, metrics side by side, moves, trade-offs.

While the store is down the page compares today's companies with the plan open in the editor and
says why saved plans are missing (no traceback).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from destinations.i18n import vega_locale
from destinations.scenarios.metrics import METRIC_BY_KEY, PLAN_METRICS, Evaluation
from destinations.scenarios.scenario import Scenario
from destinations.ui.frame import Page
from destinations.ui.scenario_state import HISTORY_KEY, current, from_store
from destinations.ui.scenario_views import format_delta, format_value, saved_heads, unit_text

#: Plan metrics a strategist reads first; the rest follow in the table.
FIRST = ("flow_cut_share", "balance_gini", "max_min_ratio", "floor_violation_count",
         "noncontiguous_count", "companies", "unaffiliated")


def compare_options(page: Page, target=None) -> dict[str, str]:
    """``{option key: label}``: today's companies, the plan open in the editor, saved plans (when
    the store answers)."""
    del target  # the store is asked through from_store (it may be down)
    options = {"today": page.t("compare.today")}
    if HISTORY_KEY in st.session_state:
        options["editor"] = page.t("compare.current", name=current().name)
    options.update({f"saved:{key}": label
                    for key, label in from_store(saved_heads, {}).items()})
    return options


def resolve(option: str, base, target=None) -> Scenario:
    """The scenario an option of :func:`compare_options` stands for (today's companies when a saved
    plan cannot be read)."""
    del target
    if option == "editor" and HISTORY_KEY in st.session_state:
        return current()
    if option.startswith("saved:"):
        saved = from_store(lambda s: s.load(option.split(":", 1)[1]), None)
        if saved is not None:
            return saved.scenario
    return Scenario.from_base(base)


def column_labels(options: dict[str, str], picked: list[str]) -> list[str]:
    """"1. <label>" per compared plan: the option labels tell apart plans of the same name."""
    return [f"{i + 1}. {options.get(key, key).split(' · ')[0]}" for i, key in enumerate(picked)]


def styled_plan_table(page: Page, evaluations: list[Evaluation], labels: list[str]):
    """Plan metrics side by side, changes against the first plan; green better, red worse."""
    from destinations.scenarios.compare import plan_table

    keys = list(FIRST) + [m.key for m in PLAN_METRICS if m.key not in FIRST]
    table = plan_table(evaluations, lang=page.lang, keys=keys)
    shown = pd.DataFrame({page.t("compare.metric"): table["metric"]})
    styles = {}
    for i, label in enumerate(labels):
        column = label
        shown[column] = [format_value(page, key, value) + (
            f"  ({format_delta(page, key, value, ref)})" if i and format_delta(
                page, key, value, ref) is not None else "")
            for key, value, ref in zip(table["key"], table[f"value_{i}"], table["value_0"])]
        if i:
            styles[column] = table[f"verdict_{i}"].map(
                {"better": "background-color: #d4edda", "worse": "background-color: #f8d7da"}
            ).fillna("")
    shown[page.t("compare.unit")] = [unit_text(page, u) for u in table["unit"]]
    shown[page.t("compare.kind")] = table["kind"].map(
        lambda kinds: "/".join(page.t("kind." + k) for k in kinds.split("/")))

    def paint(frame: pd.DataFrame) -> pd.DataFrame:
        out = pd.DataFrame("", index=frame.index, columns=frame.columns)
        for column, series in styles.items():
            out[column] = series.to_numpy()
        return out

    return shown.style.apply(paint, axis=None)


def plan_table_config(page: Page, labels: list[str]) -> dict:
    """Column widths that keep every plan's column on screen (the metric names wrap)."""
    config = {page.t("compare.metric"): st.column_config.TextColumn(width="medium"),
              page.t("compare.unit"): st.column_config.TextColumn(width="small"),
              page.t("compare.kind"): st.column_config.TextColumn(width="small")}
    config.update({label: st.column_config.TextColumn(width="medium") for label in labels})
    return config


def moves_table(page: Page, base, reference: Scenario, other: Scenario) -> pd.DataFrame:
    from destinations.scenarios.compare import moved_municipalities

    names_ref = reference.names
    rows = []
    for move in moved_municipalities(reference, other):
        rows.append({
            page.t("editor.table.municipality"): f"{base.municipality_name(move.code)} ({move.code})",
            page.t("compare.from"): names_ref[move.from_company] if move.from_company
            else page.t("compare.none"),
            page.t("compare.to"): move.to_name or page.t("compare.none"),
        })
    return pd.DataFrame(rows)


def trade_off_chart(page: Page, evaluations: list[Evaluation], labels: list[str], x: str, y: str,
                    colour: str):
    """Altair scatter of two plan metrics (colour: a third). Points are labelled with their
    number only (names in the tooltip and the legend below), so labels never overlap the legend;
    plans on the Pareto front are filled diamonds."""
    import altair as alt

    from destinations.scenarios.compare import trade_off_points

    criteria = list(dict.fromkeys([x, y, colour]))
    points = trade_off_points(evaluations, criteria)
    points["scenario"] = labels
    points["number"] = [str(i + 1) for i in range(len(labels))]
    points["front"] = points["pareto"].map({True: page.t("compare.pareto"),
                                            False: page.t("compare.beaten")})
    title = {key: METRIC_BY_KEY[key].label(page.lang) for key in criteria}
    fmt = {key: number_format(key, points[key]) for key in criteria}
    base_chart = alt.Chart(points).encode(
        x=alt.X(f"{x}:Q", title=title[x], scale=alt.Scale(zero=False, padding=40),
                axis=alt.Axis(format=fmt[x], labelOverlap=True, tickCount=6)),
        y=alt.Y(f"{y}:Q", title=title[y], scale=alt.Scale(zero=False, padding=30),
                axis=alt.Axis(format=fmt[y], labelOverlap=True, tickCount=6)),
        tooltip=[alt.Tooltip("scenario:N", title=page.t("compare.scenario")),
                 *[alt.Tooltip(f"{k}:Q", title=title[k], format=fmt[k]) for k in criteria],
                 alt.Tooltip("front:N", title="")],
    )
    colour_scale = alt.Color(f"{colour}:Q", title=title[colour], scale=alt.Scale(scheme="viridis"),
                             legend=alt.Legend(orient="bottom", format=fmt[colour], type="gradient",
                                               titleLimit=400, gradientLength=220, tickCount=4))
    marks = base_chart.mark_point(size=260, strokeWidth=2).encode(
        shape=alt.Shape("front:N", title="", scale=alt.Scale(
            domain=[page.t("compare.pareto"), page.t("compare.beaten")],
            range=["diamond", "circle"]), legend=alt.Legend(orient="bottom", labelLimit=400)),
        fill=alt.condition("datum.pareto", colour_scale, alt.value("transparent")),
        color=colour_scale,
    )
    text = base_chart.mark_text(align="left", dx=11, dy=-9, fontSize=13,
                                fontWeight="bold").encode(text="number:N")
    return (marks + text).properties(height=380).configure(locale=vega_locale(page.lang))


def number_format(key: str, values) -> str:
    """A d3 format with just enough decimals to tell the plans' values apart on an axis (shares as
    percentages): no two ticks read the same, and no tick reads more than the data can say."""
    import math

    known = [float(v) for v in values if v is not None and v == v]
    share = METRIC_BY_KEY[key].unit == "share"
    spread = (max(known) - min(known)) * (100 if share else 1) if known else 0.0
    least = 1 if share else 0
    decimals = max(least, 1 - math.floor(math.log10(spread))) if spread > 0 else least + 2
    return f".{min(decimals, 6)}{'%' if share else 'f'}"


def trade_off_axes(page: Page) -> list[str]:
    """Plan metrics with a better direction (candidates for the chart's axes)."""
    return [m.key for m in PLAN_METRICS if m.better in ("higher", "lower")]


def metric_titles(page: Page, keys: list[str]) -> dict[str, str]:
    """``{metric key: label}`` in the page's language."""
    return {key: METRIC_BY_KEY[key].label(page.lang) for key in keys}


def evaluate_all(scenarios: list[Scenario], ctx) -> list[Evaluation]:
    from destinations.ui.scenario_state import evaluation_of

    return [evaluation_of(scenario, ctx) for scenario in scenarios]


def matched(reference: Scenario, other: Scenario) -> tuple[Scenario, list[str], float]:
    """``other`` with its companies relabelled to match ``reference``'s, the codes of the
    municipalities that moved, and the variation of information between the two plans."""
    from destinations.scenarios.compare import moved_municipalities, relabel, variation_of_information

    relabelled = relabel(other, reference)
    moved = [m.code for m in moved_municipalities(reference, relabelled)]
    return relabelled, moved, variation_of_information(reference, relabelled)
