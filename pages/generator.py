"""Plan generator: optimised plans (live progress, cancel), minimal-move repair, ensembles.

How a run reports progress and how *Cancel* keeps the best plan so far: destinations/ui/generator.py.
"""

import streamlit as st

from destinations.ui import data
from destinations.ui import generator as ui
from destinations.ui import scenario_state as state
from destinations.ui.frame import data_errors, start_page
from destinations.ui.generator_text import TEXT
from destinations.ui.scenario_text import TEXT as SCENARIO_TEXT
from destinations.ui.scenario_views import assumptions

page = start_page({**SCENARIO_TEXT, **TEXT}, "gen.title")
st.caption(page.t("gen.intro"))

with data_errors(page):
    base = data.base()
    ctx = state.context(**assumptions(page, "generator"))
ws = ui.workspace(page, base, ctx)
state.check_store()
state.show_store_problem(page)
mode = st.segmented_control(page.t("gen.mode"), list(ui.MODES),
                            format_func=lambda m: page.t(f"gen.mode.{m}"),
                            default="generate", key="generator.mode", required=True)


def generate_section() -> None:
    ui.recover_interrupted_run(ws)
    left, right = st.columns(2)
    with left:
        units = st.radio(page.t("gen.units"), ["municipality", "parish"], horizontal=True,
                         format_func=lambda u: page.t(f"gen.units.{u}"), key="generator.units")
        k = st.slider(page.t("gen.k"), 15, 25, 19, key="generator.k")
        seed = st.number_input(page.t("gen.seed"), 0, 1_000_000, 1, key="generator.seed")
        budget = st.number_input(page.t("gen.budget"), 0, 1_000_000, ui.DEFAULT_BUDGET,
                                 step=5_000, help=page.t("gen.budget.help"), key="generator.budget")
        seconds = st.slider(page.t("gen.time"), 2, 300, 60, help=page.t("gen.time.help"),
                            key="generator.time")
    with right:
        bounds = ui.default_bounds(ws, int(k), units)
        ui.follow_default("generator.balance", float(bounds.balance_max_ratio))
        ui.follow_default(f"generator.max_units.{units}", int(bounds.max_units))
        balance = st.number_input(page.t("gen.balance"), 0.0, 1000.0, step=0.5, format="%.1f",
                                  help=page.t("gen.balance.help"), key="generator.balance")
        max_units = st.number_input(page.t(f"gen.max_units.{units}"), 0, 5_000, step=1,
                                    help=page.t("gen.max_units.help"),
                                    key=f"generator.max_units.{units}")
        st.caption(page.t("gen.bounds.default") + " " + ui.bounds_basis(page, bounds, units))
        rule = st.selectbox(page.t("gen.lighthouse"), ["where_possible", "all", "off"],
                            format_func=lambda r: page.t(f"gen.lighthouse.{r}"),
                            key="generator.lighthouse_rule")
        sources = {"none": page.t("gen.start.none"), **ws.plan_sources()}
        start_option = st.selectbox(page.t("gen.start"), list(sources), format_func=sources.get,
                                    key="generator.start")
        lock_source = ws.source(start_option if start_option != "none" else "today")
        companies = ui.lockable_companies(lock_source)
        locked = st.multiselect(page.t("gen.lock"), list(companies), format_func=companies.get,
                                placeholder=page.t("gen.choose"), key="generator.lock")
        together = st.multiselect(page.t("gen.together"), list(base.codes),
                                  format_func=ws.municipality_label,
                                  placeholder=page.t("gen.choose"), key="generator.together")
    st.caption(page.t("gen.floor_note", floor=ui.floor_text(page, ctx)))
    run_col, cancel_col = st.columns([1, 1])
    run = run_col.button(page.t("gen.run"), type="primary", key="generator.run",
                         icon=":material/auto_awesome:", width="stretch")
    cancel_col.button(page.t("gen.cancel"), key="generator.cancel", on_click=ui.on_cancel,
                      icon=":material/stop_circle:", width="stretch")
    ui.show_message()
    if run:
        ui.generate(ws, units=units, lock_source=lock_source, locked=locked, together=together,
                    start_option=start_option, k=int(k), seed=int(seed), seconds=float(seconds),
                    balance=float(balance) or None, rule=rule, budget=int(budget),
                    max_units=int(max_units) or None)
    ui.show_result(ws)


def repair_section() -> None:
    st.caption(page.t("repair.intro"))
    sources = {**ws.plan_sources(), "upload": page.t("repair.upload")}
    option = st.selectbox(page.t("repair.source"), list(sources), format_func=sources.get,
                          key="generator.repair.source")
    scenario = ws.source(option)
    if option == "upload":
        upload = st.file_uploader(page.t("repair.upload"), type=["csv", "txt"],
                                  key="generator.repair.upload")
        scenario = ui.uploaded_plan(ws, upload) if upload is not None else None
        if scenario is None:
            return
    if st.button(page.t("repair.run"), key="generator.repair.run", type="primary"):
        ui.repair(ws, scenario)
    ui.show_repair(ws)


def ensemble_section() -> None:
    st.caption(page.t("ens.intro"))
    sources = ui.ensemble_sources(ws)
    option = st.selectbox(page.t("ens.plan"), list(sources), format_func=sources.get,
                          key="generator.ensemble.plan")
    chosen = ui.ensemble_plan(ws, option)
    steps_col, seed_col = st.columns(2)
    steps = steps_col.slider(page.t("ens.steps"), 50, 3000, 500, step=50,
                             key="generator.ensemble.steps")
    seed = seed_col.number_input(page.t("gen.seed"), 0, 1_000_000, 1, key="generator.ensemble.seed")
    st.caption(page.t("ens.k", k=ui.company_count(chosen), floor=ui.floor_text(page, ctx)))
    if st.button(page.t("ens.run"), key="generator.ensemble.run", type="primary"):
        ui.sample(ws, chosen, steps=int(steps), seed=int(seed))
    ui.show_ensemble(ws)


if mode == "repair":
    repair_section()
elif mode == "ensemble":
    ensemble_section()
else:
    generate_section()
