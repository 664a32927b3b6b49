"""Plan generator: optimised plans (live progress, cancel), minimal-move repair, ensembles.

Cancel and progress: the search runs inside this script run and reports through ``on_progress``
every 1.5 s; each report updates the progress bar, the preview map of the best plan so
far, and stores that plan in ``generator.best``. Clicking *Cancel* (or any other widget) makes
Streamlit stop the running script at its next report; the next run finds ``generator.running``
still set and shows the best plan so far as the (cancelled) result. The solver's ``cancel``
callable also reads the session flag ``generator.cancel_flag``, for runs where a report is not
interrupted (e.g. tests).
"""

import numpy as np
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from destinations import maps
from destinations.errors import DestinationsError, SolverError
from destinations.i18n import COMMON
from destinations.scenarios.metrics import METRIC_BY_KEY, evaluate
from destinations.regionalize import views
from destinations.regionalize.ensemble import sample_ensemble
from destinations.regionalize.generate import solve
from destinations.regionalize.parish import (
    municipality_summary,
    parish_geography,
    parish_problem,
    summary_scenario,
)
from destinations.regionalize.problem import RegionalizationProblem
from destinations.regionalize.repair import apply_moves, repair_scenario
from destinations.scenarios.scenario import Scenario
from destinations.scenarios.io import MunicipalityIndex, parse_plan_csv
from destinations.ui import data
from destinations.ui import scenarios as ui
from destinations.ui.frame import data_errors, start_page
from destinations.ui.generator_text import TEXT
from destinations.ui.scenario_text import TEXT as SCENARIO_TEXT

page = start_page({**COMMON, **SCENARIO_TEXT, **TEXT}, "gen.title")
st.caption(page.t("gen.intro"))

with data_errors(page):
    base = data.base()
    ctx = ui.context(**ui.assumptions(page, "generator"))
today = Scenario.from_base(base)
editor_plan = ui.current() if ui.HISTORY_KEY in st.session_state else None
MODES = ["generate", "repair", "ensemble"]
mode = st.segmented_control(page.t("gen.mode"), MODES, format_func=lambda m: page.t(f"gen.mode.{m}"),
                            default="generate", key="generator.mode", required=True)


@st.cache_resource(show_spinner="Building the parish graph…")
def _parish_geography():
    return parish_geography(data.base())


@st.cache_resource(show_spinner=False, max_entries=4)
def _parish_problem(_ctx, ctx_key: int, locked_key: tuple, together_key: tuple):
    locked = {cid: members for cid, members in locked_key}
    return parish_problem(data.base(), _ctx, geography=_parish_geography(), locked=locked,
                          together=[list(g) for g in together_key])


@st.cache_resource(show_spinner=False)
def _preview_features():
    return views.preview_features(data.display_geometry())


def _plan_sources() -> dict[str, str]:
    options = {"today": page.t("gen.source.today")}
    if editor_plan is not None:
        options["editor"] = page.t("gen.source.editor", name=editor_plan.name)
    return options


def _source(option: str) -> Scenario:
    return editor_plan if option == "editor" and editor_plan is not None else today


def _flash(kind: str, text: str) -> None:
    st.session_state["generator.message"] = (kind, text)


def _show_message() -> None:
    message = st.session_state.pop("generator.message", None)
    if message:
        {"success": st.success, "error": st.error, "info": st.info,
         "warning": st.warning}[message[0]](message[1])


def _on_cancel() -> None:
    st.session_state["generator.cancel_flag"] = True


def _result_from(best, scenario, problem, units: str, stopped: str | None = None) -> dict:
    return {"plan": best, "scenario": scenario, "problem": problem, "units": units,
            "stopped": stopped or best.stopped}


def _scenario_of(plan, problem, units: str) -> Scenario:
    name = page.t("gen.result.name", k=plan.k)
    if units == "parish":
        return summary_scenario(problem, plan, base.codes, name=name,
                                municipality_names=dict(zip(base.codes, base.municipalities["name"])))
    return plan.to_scenario(problem, name=name, reference=today)


# ---------------------------------------------------------------------------------- generate
def generate_section() -> None:
    # A run that a click interrupted (cancel or any widget) left its best plan behind.
    if st.session_state.pop("generator.running", False):
        best = st.session_state.get("generator.best")
        if best is not None:
            plan, problem, units = best
            st.session_state["generator.result"] = _result_from(
                plan, _scenario_of(plan, problem, units), problem, units, stopped="cancelled")
            _flash("info", page.t("gen.cancelled"))
    st.session_state.pop("generator.cancel_flag", None)

    left, right = st.columns(2)
    with left:
        units = st.radio(page.t("gen.units"), ["municipality", "parish"], horizontal=True,
                         format_func=lambda u: page.t(f"gen.units.{u}"), key="generator.units")
        k = st.slider(page.t("gen.k"), 15, 25, 19, key="generator.k")
        seed = st.number_input(page.t("gen.seed"), 0, 1_000_000, 1, key="generator.seed")
        seconds = st.slider(page.t("gen.time"), 2, 120, 20, key="generator.time")
    with right:
        balance = st.number_input(page.t("gen.balance"), 0.0, 1000.0, 0.0, step=1.0,
                                  help=page.t("gen.balance.help"), key="generator.balance")
        rule = st.selectbox(page.t("gen.lighthouse"), ["where_possible", "all", "off"],
                            format_func=lambda r: page.t(f"gen.lighthouse.{r}"),
                            key="generator.lighthouse_rule")
        sources = {"none": page.t("gen.start.none"), **_plan_sources()}
        start_option = st.selectbox(page.t("gen.start"), list(sources), format_func=sources.get,
                                    key="generator.start")
        lock_source = _source(start_option if start_option != "none" else "today")
        companies = {cid: name for cid, name in lock_source.company_names
                     if lock_source.companies()[cid]}
        # The start plan may have changed since companies were picked: keep the ones it has.
        if "generator.lock" in st.session_state:
            st.session_state["generator.lock"] = [c for c in st.session_state["generator.lock"]
                                                  if c in companies]
        locked = st.multiselect(page.t("gen.lock"), list(companies), format_func=companies.get,
                                key="generator.lock")
        together = st.multiselect(page.t("gen.together"), list(base.codes),
                                  format_func=lambda c: f"{base.municipality_name(c)} ({c})",
                                  key="generator.together")
    st.caption(page.t("gen.floor_note", floor=f"{ctx.floor:,.0f}"))
    run_col, cancel_col = st.columns([1, 1])
    run = run_col.button(page.t("gen.run"), type="primary", key="generator.run",
                         icon=":material/auto_awesome:", width="stretch")
    cancel_col.button(page.t("gen.cancel"), key="generator.cancel", on_click=_on_cancel,
                      icon=":material/stop_circle:", width="stretch")
    _show_message()
    if run:
        members = lock_source.companies()
        locked_map = {cid: members[cid] for cid in locked}
        groups = [together] if len(together) > 1 else []
        with data_errors(page):
            if units == "parish":
                problem = _parish_units(locked_map, groups)
                start = None
            else:
                problem = RegionalizationProblem.from_context(
                    ctx, together=groups, locked=locked_map,
                    locked_names={cid: lock_source.names[cid] for cid in locked})
                start = _source(start_option) if start_option != "none" else None
            _run_generation(problem, units, k=int(k), seed=int(seed), seconds=float(seconds),
                            balance=float(balance) or None, rule=rule, start=start)
    result = st.session_state.get("generator.result")
    if result is not None:
        _show_result(result)


def _parish_units(locked_map: dict, groups: list) -> RegionalizationProblem:
    geography = _parish_geography()
    parents = geography.frame["kommune_code"].tolist()
    codes = geography.frame["parish_code"].astype(str).tolist()

    def parishes(municipalities) -> tuple:
        wanted = set(municipalities)
        return tuple(c for c, p in zip(codes, parents) if p in wanted)

    locked_key = tuple((cid, parishes(m)) for cid, m in sorted(locked_map.items()))
    together_key = tuple(parishes(g) for g in groups)
    return _parish_problem(ctx, id(ctx), locked_key, together_key)


def _run_generation(problem, units: str, *, k: int, seed: int, seconds: float, balance,
                    rule: str, start) -> None:
    bar = st.progress(0.0, text=page.t("gen.progress.start"))
    status = st.empty()
    preview = st.empty()
    features = _preview_features()
    st.session_state["generator.running"] = True
    st.session_state["generator.best"] = None

    def on_progress(fraction: float, best, value: float) -> None:
        if best is None:
            return
        st.session_state["generator.best"] = (best, problem, units)
        bar.progress(min(1.0, fraction), text=page.t("gen.progress", percent=round(100 * fraction)))
        state = page.t("gen.valid") if best.valid else page.t("gen.invalid")
        status.markdown(page.t("gen.progress.best", value=f"{value:.1%}", iterations=best.iterations,
                               state=state))
        scenario = _scenario_of(best, problem, units)
        assignment = scenario.assignment
        preview.altair_chart(views.plan_preview(
            features, assignment, maps.company_colours(assignment, base.graph),
            unaffiliated=page.t("unaffiliated"), company_names=scenario.names), width="stretch")

    try:
        plan = solve(problem, rng=np.random.default_rng(seed), time_limit=seconds, k=k,
                     floor=ctx.floor, balance_max_ratio=balance, require_lighthouse=rule,
                     start=start, on_progress=on_progress, progress_interval=1.5,
                     cancel=lambda: bool(st.session_state.get("generator.cancel_flag")))
    except SolverError as exc:
        st.session_state["generator.running"] = False
        bar.empty()
        st.error(f"{page.t('gen.infeasible')}: {exc}")
        return
    st.session_state["generator.running"] = False
    bar.empty()
    status.empty()
    preview.empty()
    st.session_state["generator.result"] = _result_from(plan, _scenario_of(plan, problem, units),
                                                        problem, units)


def _show_result(result: dict) -> None:
    plan, scenario, units = result["plan"], result["scenario"], result["units"]
    st.subheader(page.t("gen.result"))
    if plan.valid:
        st.success(page.t("gen.result.valid", value=f"{plan.value:.1%}", k=plan.k,
                          seconds=f"{plan.elapsed_s:.1f}", iterations=plan.iterations))
    else:
        st.warning(page.t("gen.result.invalid", problems=", ".join(sorted(plan.violations))))
    if result["stopped"] == "cancelled":
        st.caption(page.t("gen.result.cancelled"))
    for note in plan.notes:
        st.caption(ui.md(note))
    evaluation = evaluate(scenario, ctx)
    if units == "parish":
        st.info(page.t("gen.parish.note"))
    ui.render_plan_metrics(page, evaluation, None)
    fmap, colours = ui.plan_map(page, base, scenario, result=evaluation)
    st_folium(fmap, key="generator.map", height=520, use_container_width=True, returned_objects=[])
    ui.legend(page, scenario, colours)
    if units == "parish":
        summary = municipality_summary(result["problem"], plan)
        rows = [{page.t("editor.table.municipality"): f"{base.municipality_name(code)} ({code})",
                 page.t("gen.parish.shares"): ", ".join(f"{share:.0%}" for share in
                                                        sorted(summary.shares[code].values(),
                                                               reverse=True))}
                for code in summary.split]
        st.markdown(page.t("gen.parish.split", count=len(summary.split)))
        if rows:
            st.dataframe(pd.DataFrame(rows), hide_index=True)
    name_col, save_col, open_col = st.columns([3, 1, 1], vertical_alignment="bottom")
    name_col.text_input(page.t("store.name"), value=scenario.name, max_chars=80,
                        key="generator.name")
    save_col.button(page.t("gen.save"), key="generator.save", on_click=_on_save, args=(scenario,),
                    type="primary")
    if open_col.button(page.t("gen.open"), key="generator.open"):
        ui.start(scenario.copy(st.session_state.get("generator.name") or scenario.name))
        st.switch_page("pages/editor.py")


def _on_save(scenario: Scenario) -> None:
    store = ui.store()
    if store is None:
        _flash("error", f"{page.t('store.unavailable')}: {ui.store_problem()}")
        return
    try:
        saved = scenario.copy(st.session_state.get("generator.name") or scenario.name)
        version = store.save(saved, base_version=None, note="generated")
    except DestinationsError as exc:
        _flash("error", ui.md(str(exc)))
        return
    _flash("success", page.t("gen.saved", name=ui.md(saved.name), version=version))


# ---------------------------------------------------------------------------------- repair
def repair_section() -> None:
    st.caption(page.t("repair.intro"))
    sources = {**_plan_sources(), "upload": page.t("repair.upload")}
    option = st.selectbox(page.t("repair.source"), list(sources), format_func=sources.get,
                          key="generator.repair.source")
    scenario = _source(option)
    if option == "upload":
        upload = st.file_uploader(page.t("repair.upload"), type=["csv", "txt"],
                                  key="generator.repair.upload")
        if upload is None:
            return
        parsed = parse_plan_csv(upload.getvalue(), MunicipalityIndex.from_base(base),
                                name=upload.name.rsplit(".", 1)[0][:80] or "Plan", label=upload.name)
        if not parsed.ok:
            st.error(ui.md(parsed.message()))
            return
        scenario = parsed.scenario
    if st.button(page.t("repair.run"), key="generator.repair.run", type="primary"):
        with data_errors(page):
            problem = RegionalizationProblem.from_context(ctx)
            result = repair_scenario(scenario, problem, floor=ctx.floor, time_limit=10)
        st.session_state["generator.repair"] = {"scenario": scenario, "result": result,
                                                "accepted": 0}
    state = st.session_state.get("generator.repair")
    if state is None:
        return
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
        st.caption(ui.md(note))
    for i, move in enumerate(result.moves):
        text_col, button_col = st.columns([5, 1], vertical_alignment="center")
        origin = names.get(move.from_company, move.from_company) if move.from_company else \
            page.t("unaffiliated")
        done = i < accepted
        text_col.markdown(("~~" if done else "") + page.t(
            "repair.move", n=i + 1, municipality=ui.md(base.municipality_name(move.code)),
            origin=ui.md(origin), target=ui.md(names.get(move.to_company, move.to_company)))
            + ("~~ ✓" if done else "") + f"  \n:gray[{ui.md(move.reason)}]")
        button_col.button(page.t("repair.accept"), key=f"generator.repair.accept.{i}",
                          disabled=i != accepted, on_click=_on_accept, args=(i + 1,))
    if result.moves:
        current = apply_moves(state["scenario"], result.moves[:accepted])
        evaluation = evaluate(current, ctx)
        problems = evaluation.violations()
        st.markdown(page.t("repair.status", accepted=accepted, total=len(result.moves),
                           floor=len(problems["below_floor"]),
                           split=len(problems["noncontiguous"])))
        pending = [m.code for m in result.moves[accepted:]]
        fmap, colours = ui.plan_map(page, base, current, outlined=pending)
        st_folium(fmap, key="generator.repair.map", height=460, use_container_width=True,
                  returned_objects=[])
        ui.legend(page, current, colours, notes=[page.t("repair.outlined")])
        all_col, open_col = st.columns(2)
        all_col.button(page.t("repair.accept_all"), key="generator.repair.accept_all",
                       on_click=_on_accept, args=(len(result.moves),),
                       disabled=accepted >= len(result.moves))
        if open_col.button(page.t("repair.open"), key="generator.repair.open"):
            ui.start(current.copy(page.t("repair.name", name=state["scenario"].name)[:80]))
            st.switch_page("pages/editor.py")


def _on_accept(count: int) -> None:
    state = st.session_state.get("generator.repair")
    if state is not None:
        state["accepted"] = max(state["accepted"], min(count, len(state["result"].moves)))


# ---------------------------------------------------------------------------------- ensemble
def ensemble_section() -> None:
    st.caption(page.t("ens.intro"))
    sources = _plan_sources()
    if st.session_state.get("generator.result") is not None:
        sources["generated"] = page.t("ens.generated")
    option = st.selectbox(page.t("ens.plan"), list(sources), format_func=sources.get,
                          key="generator.ensemble.plan")
    chosen = (st.session_state["generator.result"]["scenario"] if option == "generated"
              else _source(option))
    steps_col, seed_col = st.columns(2)
    steps = steps_col.slider(page.t("ens.steps"), 50, 3000, 500, step=50,
                             key="generator.ensemble.steps")
    seed = seed_col.number_input(page.t("gen.seed"), 0, 1_000_000, 1, key="generator.ensemble.seed")
    k = sum(1 for members in chosen.companies().values() if members)
    st.caption(page.t("ens.k", k=k, floor=f"{ctx.floor:,.0f}"))
    if st.button(page.t("ens.run"), key="generator.ensemble.run", type="primary"):
        bar = st.progress(0.0, text=page.t("ens.progress", count=0))
        problem = RegionalizationProblem.from_context(ctx)
        with data_errors(page):
            ensemble = sample_ensemble(
                problem, rng=np.random.default_rng(int(seed)), steps=int(steps), k=k,
                floor=ctx.floor, ctx=ctx, time_limit=120,
                on_progress=lambda f, n: bar.progress(min(1.0, f),
                                                      text=page.t("ens.progress", count=n)))
        bar.empty()
        evaluation = evaluate(chosen, ctx)
        st.session_state["generator.ensemble"] = {
            "name": chosen.name, "ensemble": ensemble, "unaffiliated": len(chosen.unaffiliated()),
            "positions": ensemble.position(evaluation.plan)}
    state = st.session_state.get("generator.ensemble")
    if state is None:
        return
    ensemble, positions = state["ensemble"], state["positions"]
    cut = positions.get("flow_cut_share", {})
    if cut.get("percentile") is not None:
        verdict = views.verdict(cut["percentile"], cut["outlier"])
        st.markdown(page.t("ens.headline", name=ui.md(state["name"]), value=f"{cut['value']:.1%}",
                           percentile=f"{cut['percentile']:.0f}", n=ensemble.steps,
                           k=ensemble.k, verdict=page.t(f"ens.verdict.{verdict}")))
    for note in ensemble.notes:
        st.caption(ui.md(note))
    if state["unaffiliated"]:
        st.caption(page.t("ens.unaffiliated", count=state["unaffiliated"]))
    rows = []
    for key, spot in positions.items():
        metric = METRIC_BY_KEY[key]
        rows.append({
            page.t("compare.metric"): metric.label(page.lang),
            page.t("ens.value"): ui.format_value(page, key, spot["value"]),
            page.t("ens.percentile"): "–" if spot["percentile"] is None
            else f"{spot['percentile']:.0f}",
            page.t("ens.range"): "–" if spot["low"] is None else
            f"{ui.format_value(page, key, spot['low'])} – {ui.format_value(page, key, spot['high'])}",
            page.t("ens.verdict"): page.t("ens.verdict." + views.verdict(spot["percentile"],
                                                                          spot["outlier"])),
        })
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    columns = st.columns(2)
    shown = [key for key in ensemble.values if ensemble.values[key].size]
    for i, key in enumerate(shown):
        metric = METRIC_BY_KEY[key]
        with columns[i % 2]:
            st.altair_chart(views.ensemble_histogram(
                ensemble.values[key], positions[key]["value"], title=metric.label(page.lang),
                marker_label=state["name"][:40], share=metric.unit == "share"), width="stretch")
    st.caption(page.t("ens.method"))


if mode == "repair":
    repair_section()
elif mode == "ensemble":
    ensemble_section()
else:
    generate_section()
