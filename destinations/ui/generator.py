"""The plan generator page's work: run the search with live progress and cancel, show the result,
repair a plan move by move, place a plan in an ensemble of valid plans.

Cancel and progress: the search runs inside the script run and reports through ``on_progress``
every 1.5 s; each report updates the progress bar, the preview of the best plan so far, and stores
that plan in ``generator.best``. Clicking *Cancel* (or any other widget) makes Streamlit stop the
running script at its next report; the next run finds ``generator.running`` still set and shows
the best plan so far as the (cancelled) result (:func:`recover_interrupted_run`). The solver's
``cancel`` callable also reads the session flag ``generator.cancel_flag``, for runs where a report
is not interrupted (e.g. tests).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from destinations import maps
from destinations.data.base import BaseData
from destinations.errors import DestinationsError, SolverError, StoreError
from destinations.i18n import GAP, fmt_number
from destinations.regionalize import views
from destinations.regionalize.generate import DEFAULT_BUDGET
from destinations.regionalize.problem import RegionalizationProblem
from destinations.scenarios.io import MunicipalityIndex, parse_plan_csv
from destinations.scenarios.metrics import METRIC_BY_KEY, EvaluationContext, evaluate
from destinations.scenarios.scenario import Scenario
from destinations.ui import data
from destinations.ui.escape import md
from destinations.ui.frame import Page, data_errors
from destinations.ui.scenario_state import (
    HISTORY_KEY,
    current,
    mark_store_down,
    start,
    store,
    store_problem,
)
from destinations.ui.scenario_views import format_value, legend, plan_map, render_plan_metrics

__all__ = ["DEFAULT_BUDGET", "MODES"]

MODES = ("generate", "repair", "ensemble")
RESULT_KEY = "generator.result"
REPAIR_KEY = "generator.repair"
ENSEMBLE_KEY = "generator.ensemble"
_MESSAGE_KEY = "generator.message"
_RUNNING_KEY = "generator.running"
_BEST_KEY = "generator.best"
_CANCEL_KEY = "generator.cancel_flag"
EDITOR_PAGE = "pages/editor.py"


@dataclass(frozen=True)
class Workspace:
    """What every section of the page works on: the page, the data, the assumptions, and the
    plans a section can start from (today's companies, the plan open in the editor)."""

    page: Page
    base: BaseData
    ctx: EvaluationContext
    today: Scenario
    editor_plan: Scenario | None

    def plan_sources(self) -> dict[str, str]:
        """``{option: label}`` of the plans to start from."""
        options = {"today": self.page.t("gen.source.today")}
        if self.editor_plan is not None:
            options["editor"] = self.page.t("gen.source.editor", name=self.editor_plan.name)
        return options

    def source(self, option: str) -> Scenario:
        return self.editor_plan if option == "editor" and self.editor_plan is not None else self.today

    def scenario_of(self, plan, problem, units: str) -> Scenario:
        """A plan as a municipal scenario (a parish plan: each municipality in its majority company)."""
        name = self.page.t("gen.result.name", k=plan.k)
        if units == "parish":
            from destinations.regionalize.parish import summary_scenario

            return summary_scenario(problem, plan, self.base.codes, name=name,
                                    municipality_names=dict(zip(self.base.codes,
                                                                self.base.municipalities["name"])))
        return plan.to_scenario(problem, name=name, reference=self.today)

    def municipality_label(self, code: str) -> str:
        return f"{self.base.municipality_name(code)} ({code})"


def workspace(page: Page, base: BaseData, ctx: EvaluationContext) -> Workspace:
    editor_plan = current() if HISTORY_KEY in st.session_state else None
    return Workspace(page, base, ctx, Scenario.from_base(base), editor_plan)


def open_in_editor(scenario: Scenario) -> None:
    start(scenario)
    st.switch_page(EDITOR_PAGE)


# ------------------------------------------------------------------------------ messages
def _flash(kind: str, text: str) -> None:
    st.session_state[_MESSAGE_KEY] = (kind, text)


def show_message() -> None:
    """The one-shot message a callback left for this run."""
    message = st.session_state.pop(_MESSAGE_KEY, None)
    if message:
        {"success": st.success, "error": st.error, "info": st.info,
         "warning": st.warning}[message[0]](message[1])


# ------------------------------------------------------------------------------ generate
def on_cancel() -> None:
    st.session_state[_CANCEL_KEY] = True


def _result_from(best, scenario, problem, units: str, stopped: str | None = None) -> dict:
    return {"plan": best, "scenario": scenario, "problem": problem, "units": units,
            "stopped": stopped or best.stopped}


def recover_interrupted_run(ws: Workspace) -> None:
    """A run that a click interrupted (cancel or any widget) left its best plan behind: make it
    the (cancelled) result."""
    if st.session_state.pop(_RUNNING_KEY, False):
        best = st.session_state.get(_BEST_KEY)
        if best is not None:
            plan, problem, units = best
            st.session_state[RESULT_KEY] = _result_from(
                plan, ws.scenario_of(plan, problem, units), problem, units, stopped="cancelled")
            _flash("info", ws.page.t("gen.cancelled"))
    st.session_state.pop(_CANCEL_KEY, None)


def lockable_companies(scenario: Scenario) -> dict[str, str]:
    """``{company id: name}`` of the plan's non-empty companies; drops picks the plan lacks (the
    start plan may have changed since they were picked)."""
    members = scenario.companies()
    companies = {cid: name for cid, name in scenario.company_names if members[cid]}
    if "generator.lock" in st.session_state:
        st.session_state["generator.lock"] = [c for c in st.session_state["generator.lock"]
                                              if c in companies]
    return companies


def _parish_units(ws: Workspace, locked_map: dict, groups: list) -> RegionalizationProblem:
    geography = data.parish_geography()
    parents = geography.frame["kommune_code"].tolist()
    codes = geography.frame["parish_code"].astype(str).tolist()

    def parishes(municipalities) -> tuple:
        wanted = set(municipalities)
        return tuple(c for c, p in zip(codes, parents) if p in wanted)

    locked_key = tuple((cid, parishes(m)) for cid, m in sorted(locked_map.items()))
    together_key = tuple(parishes(g) for g in groups)
    return data.parish_problem(ws.ctx, id(ws.ctx), locked_key, together_key)


def generate(ws: Workspace, *, units: str, lock_source: Scenario, locked: list[str],
             together: list[str], start_option: str, k: int, seed: int, seconds: float,
             balance: float | None, rule: str, budget: int | None = None,
             max_units: int | None = None) -> None:
    """Build the problem from the form and run the search (the result lands in the session)."""
    members = lock_source.companies()
    locked_map = {cid: members[cid] for cid in locked}
    groups = [together] if len(together) > 1 else []
    with data_errors(ws.page):
        if units == "parish":
            problem = _parish_units(ws, locked_map, groups)
            start_plan = None
        else:
            problem = RegionalizationProblem.from_context(
                ws.ctx, together=groups, locked=locked_map,
                locked_names={cid: lock_source.names[cid] for cid in locked})
            start_plan = ws.source(start_option) if start_option != "none" else None
        _run_generation(ws, problem, units, k=k, seed=seed, seconds=seconds, balance=balance,
                        rule=rule, start=start_plan, budget=budget, max_units=max_units)


def _run_generation(ws: Workspace, problem, units: str, *, k: int, seed: int, seconds: float,
                    balance, rule: str, start, budget: int | None = None,
                    max_units: int | None = None) -> None:
    from destinations.regionalize.generate import solve

    page = ws.page
    bar = st.progress(0.0, text=page.t("gen.progress.start"))
    status = st.empty()
    preview = st.empty()
    features = data.preview_features()
    st.session_state[_RUNNING_KEY] = True
    st.session_state[_BEST_KEY] = None

    def on_progress(fraction: float, best, value: float) -> None:
        if best is None:
            return
        st.session_state[_BEST_KEY] = (best, problem, units)
        bar.progress(min(1.0, fraction), text=page.t("gen.progress", percent=round(100 * fraction)))
        state = page.t("gen.valid") if best.valid else page.t("gen.invalid")
        status.markdown(page.t("gen.progress.best", value=format_value(page, "flow_cut_share", value),
                               iterations=fmt_number(best.iterations, page.lang), state=state))
        scenario = ws.scenario_of(best, problem, units)
        assignment = scenario.assignment
        preview.altair_chart(views.plan_preview(
            features, assignment, maps.company_colours(assignment, ws.base.graph),
            unaffiliated=page.t("unaffiliated"), company_names=scenario.names, lang=page.lang),
            width="stretch")

    try:
        plan = solve(problem, rng=np.random.default_rng(seed), budget=budget, time_limit=seconds,
                     k=k, floor=ws.ctx.floor, balance_max_ratio=balance, max_units=max_units,
                     require_lighthouse=rule, start=start, on_progress=on_progress,
                     progress_interval=1.5, cancel=lambda: bool(st.session_state.get(_CANCEL_KEY)))
    except SolverError as exc:
        st.session_state[_RUNNING_KEY] = False
        bar.empty()
        st.error(f"{page.t('gen.infeasible')}: {md(exc)}")
        return
    st.session_state[_RUNNING_KEY] = False
    bar.empty()
    status.empty()
    preview.empty()
    st.session_state[RESULT_KEY] = _result_from(plan, ws.scenario_of(plan, problem, units),
                                                problem, units)


def show_result(ws: Workspace) -> None:
    """The generated plan: verdict, metrics, map, parish splits, save and open in the editor."""
    result = st.session_state.get(RESULT_KEY)
    if result is None:
        return
    page, base = ws.page, ws.base
    plan, scenario, units = result["plan"], result["scenario"], result["units"]
    st.subheader(page.t("gen.result"))
    if plan.valid:
        st.success(page.t("gen.result.valid", value=format_value(page, "flow_cut_share", plan.value),
                          k=plan.k, seconds=fmt_number(plan.elapsed_s, page.lang, digits=1),
                          iterations=fmt_number(plan.iterations, page.lang)))
    else:
        st.warning(page.t("gen.result.invalid", problems=md(", ".join(sorted(plan.violations)))))
    show_stop(page, plan, result["stopped"])
    show_binding(page, plan)
    for note in plan.notes:
        st.caption(md(note))
    evaluation = evaluate(scenario, ws.ctx)
    if units == "parish":
        st.info(page.t("gen.parish.note"))
    render_plan_metrics(page, evaluation, None)
    fmap, colours = plan_map(page, base, scenario, result=evaluation)
    st_folium(fmap, key="generator.map", height=520, use_container_width=True, returned_objects=[])
    legend(page, scenario, colours)
    if units == "parish":
        _parish_splits(ws, result["problem"], plan)
    name_col, save_col, open_col = st.columns([3, 1, 1], vertical_alignment="bottom")
    name_col.text_input(page.t("store.name"), value=scenario.name, max_chars=80,
                        key="generator.name")
    save_col.button(page.t("gen.save"), key="generator.save", on_click=_on_save,
                    args=(page, scenario), type="primary")
    if open_col.button(page.t("gen.open"), key="generator.open"):
        open_in_editor(scenario.copy(st.session_state.get("generator.name") or scenario.name))


def show_stop(page: Page, plan, stopped: str | None = None) -> None:
    """Why the search ended: the iteration budget (the plan reproduces on any machine), the time
    limit (it may differ on another machine), or the user."""
    by = "cancelled" if stopped == "cancelled" else plan.stopped_by
    done = fmt_number(plan.iterations, page.lang)
    budget = fmt_number(plan.budget, page.lang) if plan.budget else "–"
    if by == "time":
        st.warning(page.t("gen.stopped.time", iterations=done, budget=budget),
                   icon=":material/timer:")
    elif by == "cancelled":
        st.caption(page.t("gen.result.cancelled"))
    else:
        key = "gen.stopped.budget" if plan.iterations >= plan.budget else "gen.stopped.early"
        st.caption(page.t(key, iterations=done, budget=budget))


def show_binding(page: Page, plan) -> None:
    """Which constraints keep the plan from cutting fewer day trips, each in one sentence."""
    if not plan.binding:
        return
    names = ", ".join(page.t(f"gen.binding.{name}") for name in plan.binding)
    lines = [f"- {md(binding_text(page, plan, detail))}" for detail in plan.binding_detail
             if detail.get("text")]
    st.markdown(f"**{page.t('gen.binding')}:** {names}" + ("\n\n" + "\n".join(lines) if lines else ""))


def binding_text(page: Page, plan, detail) -> str:
    """One binding constraint in a sentence: the domain's English text, or the same in Danish."""
    if page.lang != "da" or not detail.get("example"):
        return str(detail.get("text", ""))
    settings, example = plan.settings, detail["example"]
    ratio, units = settings.get("balance_max_ratio"), settings.get("max_units")
    why = page.t(f"gen.binding.why.{detail['constraint']}",
                 floor=fmt_number(settings.get("floor") or 0, "da"),
                 ratio=fmt_number(ratio, "da", digits=1) if ratio else "–",
                 allowance=settings.get("lighthouse_allowance"), max_units=units)
    count = int(detail.get("alone", 0)) + int(detail.get("jointly", 0))
    return page.t("gen.binding.sentence", constraint=page.t(f"gen.binding.{detail['constraint']}"),
                  municipality=example["municipality"], origin=example["from_zone"],
                  target=example["to_zone"],
                  saving=fmt_number(100 * float(example["saving"]), "da", digits=2), why=why,
                  count=count)


def floor_text(page: Page, ctx: EvaluationContext) -> str:
    return fmt_number(ctx.floor, page.lang)


def default_bounds(ws: Workspace, k: int, units: str = "municipality"):
    """The generator's default balance and size bounds for ``k`` companies, from today's map
    (over parishes the size bound counts parishes)."""
    from destinations.regionalize.defaults import default_bounds as derive

    problem = (_parish_units(ws, {}, []) if units == "parish"
               else RegionalizationProblem.from_context(ws.ctx))
    return derive(problem, ws.today, k=k)


def follow_default(key: str, default: float) -> None:
    """Let an input follow its default (which depends on other inputs) until the user changes it."""
    marker = f"{key}.default"
    if key not in st.session_state or st.session_state.get(key) == st.session_state.get(marker):
        st.session_state[key] = default
    st.session_state[marker] = default


def bounds_basis(page: Page, bounds, units: str = "municipality") -> str:
    """Where the default bounds come from, in the page's language."""
    if page.lang != "da":
        return "; ".join(md(b) for b in bounds.basis) + "."
    name, size = bounds.today_largest
    return page.t("gen.bounds.basis", ratio=fmt_number(bounds.balance_max_ratio, "da", digits=1),
                  today=fmt_number(bounds.today_ratio, "da", digits=1),
                  size=fmt_number(size, "da"), name=md(name),
                  units=page.t(f"gen.units.{units}.plural"))


def _parish_splits(ws: Workspace, problem, plan) -> None:
    """The municipalities a parish plan splits, with the shares of their stays per company."""
    from destinations.regionalize.parish import municipality_summary

    page = ws.page
    summary = municipality_summary(problem, plan)
    rows = [{page.t("editor.table.municipality"): ws.municipality_label(code),
             page.t("gen.parish.shares"): ", ".join(f"{share:.0%}" for share in
                                                    sorted(summary.shares[code].values(),
                                                           reverse=True))}
            for code in summary.split]
    st.markdown(page.t("gen.parish.split", count=len(summary.split)))
    if rows:
        st.dataframe(pd.DataFrame(rows), hide_index=True, placeholder=GAP)


def _on_save(page: Page, scenario: Scenario) -> None:
    """Save the generated plan as a new scenario; when the store fails, say that nothing was
    saved (the plan stays on the page, and can still be opened in the editor)."""
    target = store()
    if target is None:
        _flash("error", page.t("store.not_saved", reason=md(store_problem())))
        return
    try:
        saved = scenario.copy(st.session_state.get("generator.name") or scenario.name)
        version = target.save(saved, base_version=None, note="generated")
    except StoreError as exc:
        mark_store_down(str(exc))
        _flash("error", page.t("store.not_saved", reason=md(exc)))
        return
    except DestinationsError as exc:
        _flash("error", page.t("store.not_saved", reason=md(exc)))
        return
    _flash("success", page.t("gen.saved", name=md(saved.name), version=version))


# ------------------------------------------------------------------------------ repair
def uploaded_plan(ws: Workspace, upload) -> Scenario | None:
    """The scenario of an uploaded plan file, or None (with the problems shown)."""
    parsed = parse_plan_csv(upload.getvalue(), MunicipalityIndex.from_base(ws.base),
                            name=upload.name.rsplit(".", 1)[0][:80] or "Plan", label=upload.name)
    if not parsed.ok:
        st.error(md(parsed.message()))
        return None
    return parsed.scenario


def repair(ws: Workspace, scenario: Scenario) -> None:
    """Find the fewest moves that make ``scenario`` valid (the result lands in the session)."""
    from destinations.regionalize.repair import repair_scenario

    with data_errors(ws.page):
        problem = RegionalizationProblem.from_context(ws.ctx)
        result = repair_scenario(scenario, problem, floor=ws.ctx.floor, time_limit=10)
    st.session_state[REPAIR_KEY] = {"scenario": scenario, "result": result, "accepted": 0}


def _on_accept(count: int) -> None:
    state = st.session_state.get(REPAIR_KEY)
    if state is not None:
        state["accepted"] = max(state["accepted"], min(count, len(state["result"].moves)))


def show_repair(ws: Workspace) -> None:
    """The repair moves, accepted one by one, and the plan as it stands after the accepted ones."""
    from destinations.regionalize.repair import apply_moves

    state = st.session_state.get(REPAIR_KEY)
    if state is None:
        return
    page, base = ws.page, ws.base
    result, accepted = state["result"], state["accepted"]
    names = state["scenario"].names
    if not result.moves:
        if result.valid_after:
            st.success(page.t("repair.none"))
        else:
            st.warning(page.t("repair.impossible"))
    else:
        key = "repair.optimal" if result.optimal else "repair.heuristic"
        st.markdown(page.t(key, count=len(result.moves), bound=result.lower_bound))
    for note in result.notes:
        st.caption(md(note))
    for i, move in enumerate(result.moves):
        text_col, button_col = st.columns([5, 1], vertical_alignment="center")
        origin = names.get(move.from_company, move.from_company) if move.from_company else \
            page.t("unaffiliated")
        done = i < accepted
        text_col.markdown(("~~" if done else "") + page.t(
            "repair.move", n=i + 1, municipality=md(base.municipality_name(move.code)),
            origin=md(origin), target=md(move.new_company or names.get(move.to_company,
                                                                        move.to_company))
            + (f" ({page.t('repair.new')})" if move.new_company else ""))
            + ("~~ ✓" if done else "") + f"  \n:gray[{md(move.reason)}]")
        button_col.button(page.t("repair.accept"), key=f"generator.repair.accept.{i}",
                          disabled=i != accepted, on_click=_on_accept, args=(i + 1,))
    if not result.moves:
        return
    current_plan = apply_moves(state["scenario"], result.moves[:accepted])
    problems = evaluate(current_plan, ws.ctx).violations()
    st.markdown(page.t("repair.status", accepted=accepted, total=len(result.moves),
                       floor=len(problems["below_floor"]), split=len(problems["noncontiguous"])))
    pending = [m.code for m in result.moves[accepted:]]
    fmap, colours = plan_map(page, base, current_plan, outlined=pending)
    st_folium(fmap, key="generator.repair.map", height=460, use_container_width=True,
              returned_objects=[])
    legend(page, current_plan, colours, notes=[page.t("repair.outlined")])
    all_col, open_col = st.columns(2)
    all_col.button(page.t("repair.accept_all"), key="generator.repair.accept_all",
                   on_click=_on_accept, args=(len(result.moves),),
                   disabled=accepted >= len(result.moves))
    if open_col.button(page.t("repair.open"), key="generator.repair.open"):
        open_in_editor(current_plan.copy(page.t("repair.name", name=state["scenario"].name)[:80]))


# ------------------------------------------------------------------------------ ensemble
def ensemble_sources(ws: Workspace) -> dict[str, str]:
    """The plans to place: today's, the editor's and the last generated plan."""
    sources = ws.plan_sources()
    if st.session_state.get(RESULT_KEY) is not None:
        sources["generated"] = ws.page.t("ens.generated")
    return sources


def ensemble_plan(ws: Workspace, option: str) -> Scenario:
    return (st.session_state[RESULT_KEY]["scenario"] if option == "generated"
            else ws.source(option))


def company_count(scenario: Scenario) -> int:
    return sum(1 for members in scenario.companies().values() if members)


def sample(ws: Workspace, chosen: Scenario, *, steps: int, seed: int) -> None:
    """Sample valid plans with as many companies as ``chosen`` and place it among them."""
    from destinations.regionalize.ensemble import sample_ensemble

    page = ws.page
    bar = st.progress(0.0, text=page.t("ens.progress", count=0))
    problem = RegionalizationProblem.from_context(ws.ctx)
    with data_errors(page):
        ensemble = sample_ensemble(
            problem, rng=np.random.default_rng(seed), steps=steps, k=company_count(chosen),
            floor=ws.ctx.floor, ctx=ws.ctx, time_limit=120,
            on_progress=lambda f, n: bar.progress(min(1.0, f), text=page.t("ens.progress", count=n)))
    bar.empty()
    evaluation = evaluate(chosen, ws.ctx)
    st.session_state[ENSEMBLE_KEY] = {
        "name": chosen.name, "ensemble": ensemble, "unaffiliated": len(chosen.unaffiliated()),
        "positions": ensemble.position(evaluation.plan)}


def show_ensemble(ws: Workspace) -> None:
    """Where the plan sits among the sampled ones: headline, table and one histogram a metric."""
    state = st.session_state.get(ENSEMBLE_KEY)
    if state is None:
        return
    page = ws.page
    ensemble, positions = state["ensemble"], state["positions"]
    cut = positions.get("flow_cut_share", {})
    if cut.get("percentile") is not None:
        verdict = views.verdict(cut["percentile"], cut["outlier"])
        st.markdown(page.t("ens.headline", name=md(state["name"]),
                           value=format_value(page, "flow_cut_share", cut["value"]),
                           percentile=f"{cut['percentile']:.0f}", n=ensemble.steps,
                           k=ensemble.k, verdict=page.t(f"ens.verdict.{verdict}")))
    for note in ensemble.notes:
        st.caption(md(note))
    if state["unaffiliated"]:
        st.caption(page.t("ens.unaffiliated", count=state["unaffiliated"]))
    st.dataframe(_positions_table(page, positions), hide_index=True, width="stretch", placeholder=GAP)
    columns = st.columns(2)
    shown = [key for key in ensemble.values if ensemble.values[key].size]
    for i, key in enumerate(shown):
        metric = METRIC_BY_KEY[key]
        with columns[i % 2]:
            st.altair_chart(views.ensemble_histogram(
                ensemble.values[key], positions[key]["value"], title=metric.label(page.lang),
                marker_label=state["name"][:40], share=metric.unit == "share", lang=page.lang),
                width="stretch")
    st.caption(page.t("ens.method"))


def _positions_table(page: Page, positions: dict) -> pd.DataFrame:
    rows = []
    for key, spot in positions.items():
        rows.append({
            page.t("compare.metric"): METRIC_BY_KEY[key].label(page.lang),
            page.t("ens.value"): format_value(page, key, spot["value"]),
            page.t("ens.percentile"): "–" if spot["percentile"] is None
            else f"{spot['percentile']:.0f}",
            page.t("ens.range"): "–" if spot["low"] is None else
            f"{format_value(page, key, spot['low'])} – {format_value(page, key, spot['high'])}",
            page.t("ens.verdict"): page.t("ens.verdict." + views.verdict(spot["percentile"],
                                                                          spot["outlier"])),
        })
    return pd.DataFrame(rows)
