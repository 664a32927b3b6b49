"""The compare page's views: which plans to compare, metrics side by side, moves, trade-offs."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from destinations.scenarios.metrics import METRIC_BY_KEY, PLAN_METRICS, Evaluation
from destinations.scenarios.scenario import Scenario
from destinations.store import ScenarioStore
from destinations.ui.frame import Page
from destinations.ui.scenario_state import HISTORY_KEY, current
from destinations.ui.scenario_views import format_delta, format_value, saved_heads


def compare_options(page: Page, target: ScenarioStore | None) -> dict[str, str]:
    """``{option key: label}``: today's companies, the plan open in the editor, saved plans."""
    options = {"today": page.t("compare.today")}
    if HISTORY_KEY in st.session_state:
        options["editor"] = page.t("compare.current", name=current().name)
    if target is not None:
        options.update({f"saved:{key}": label for key, label in saved_heads(target).items()})
    return options


def resolve(option: str, base, target: ScenarioStore | None) -> Scenario:
    """The scenario an option of :func:`compare_options` stands for."""
    if option == "editor" and HISTORY_KEY in st.session_state:
        return current()
    if option.startswith("saved:") and target is not None:
        return target.load(option.split(":", 1)[1]).scenario
    return Scenario.from_base(base)


def styled_plan_table(page: Page, evaluations: list[Evaluation], labels: list[str]):
    """Plan metrics side by side, deltas coloured green (better) / red (worse) vs the first."""
    from destinations.scenarios.compare import plan_table

    table = plan_table(evaluations, lang=page.lang)
    shown = pd.DataFrame({page.t("compare.metric"): table["metric"],
                          page.t("compare.unit"): table["unit"]})
    colours = pd.DataFrame("", index=table.index, columns=["_"])
    styles = {}
    for i, label in enumerate(labels):
        column = f"{i + 1}. {label}"
        shown[column] = [format_value(page, key, value) + (
            f" ({format_delta(page, key, value, ref) or '±0'})" if i and format_delta(
                page, key, value, ref) is not None else "")
            for key, value, ref in zip(table["key"], table[f"value_{i}"], table["value_0"])]
        if i:
            styles[column] = table[f"verdict_{i}"].map(
                {"better": "background-color: #d4edda", "worse": "background-color: #f8d7da"}
            ).fillna("")
    shown[page.t("compare.kind")] = table["kind"].map(
        lambda kinds: "/".join(page.t("kind." + k) for k in kinds.split("/")))
    del colours

    def paint(frame: pd.DataFrame) -> pd.DataFrame:
        out = pd.DataFrame("", index=frame.index, columns=frame.columns)
        for column, series in styles.items():
            out[column] = series.to_numpy()
        return out

    return shown.style.apply(paint, axis=None)


def moves_table(page: Page, base, reference: Scenario, other: Scenario) -> pd.DataFrame:
    from destinations.scenarios.compare import moved_municipalities

    names_ref = reference.names
    rows = []
    for move in moved_municipalities(reference, other):
        rows.append({
            page.t("editor.table.municipality"): f"{base.municipality_name(move.code)} ({move.code})",
            page.t("compare.from"): names_ref[move.from_company] if move.from_company
            else page.t("unaffiliated"),
            page.t("compare.to"): move.to_name or page.t("unaffiliated"),
        })
    return pd.DataFrame(rows)


def trade_off_chart(page: Page, evaluations: list[Evaluation], labels: list[str], x: str, y: str,
                    colour: str):
    """Altair scatter of two plan metrics (colour: a third); Pareto-optimal plans are diamonds."""
    import altair as alt

    from destinations.scenarios.compare import trade_off_points

    criteria = list(dict.fromkeys([x, y, colour]))
    points = trade_off_points(evaluations, criteria)
    points["scenario"] = [f"{i + 1}. {label}" for i, label in enumerate(labels)]
    points["front"] = points["pareto"].map({True: page.t("compare.pareto"), False: "–"})
    title = {key: METRIC_BY_KEY[key].label(page.lang) for key in criteria}
    base_chart = alt.Chart(points).encode(
        x=alt.X(f"{x}:Q", title=title[x], scale=alt.Scale(zero=False, padding=40)),
        y=alt.Y(f"{y}:Q", title=title[y], scale=alt.Scale(zero=False, padding=30)),
        tooltip=[alt.Tooltip("scenario:N"), *[alt.Tooltip(f"{k}:Q", title=title[k], format=".3f")
                                              for k in criteria], alt.Tooltip("front:N", title="")],
    )
    marks = base_chart.mark_point(size=260, strokeWidth=2).encode(
        shape=alt.Shape("front:N", title="", scale=alt.Scale(
            domain=[page.t("compare.pareto"), "–"], range=["diamond", "circle"])),
        fill=alt.condition("datum.pareto", alt.Color(f"{colour}:Q", title=title[colour],
                                                     scale=alt.Scale(scheme="viridis")),
                           alt.value("transparent")),
        color=alt.Color(f"{colour}:Q", title=title[colour], scale=alt.Scale(scheme="viridis")),
    )
    text = base_chart.mark_text(align="left", dx=12, fontSize=12).encode(text="scenario:N")
    return (marks + text).properties(height=380)


def trade_off_axes(page: Page) -> list[str]:
    """Plan metrics with a better direction (candidates for the chart's axes)."""
    return [m.key for m in PLAN_METRICS if m.better in ("higher", "lower")]


def metric_titles(page: Page, keys: list[str]) -> dict[str, str]:
    """``{metric key: label}`` in the page's language."""
    return {key: METRIC_BY_KEY[key].label(page.lang) for key in keys}


def evaluate_all(scenarios: list[Scenario], ctx) -> list[Evaluation]:
    from destinations.scenarios.metrics import evaluate

    return [evaluate(scenario, ctx) for scenario in scenarios]


def matched(reference: Scenario, other: Scenario) -> tuple[Scenario, list[str], float]:
    """``other`` with its companies relabelled to match ``reference``'s, the codes of the
    municipalities that moved, and the variation of information between the two plans."""
    from destinations.scenarios.compare import moved_municipalities, relabel, variation_of_information

    relabelled = relabel(other, reference)
    moved = [m.code for m in moved_municipalities(reference, relabelled)]
    return relabelled, moved, variation_of_information(reference, relabelled)
