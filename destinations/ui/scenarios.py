"""Streamlit side of the scenario pages: cached context and store, editor state, callbacks, panels.

State lives in namespaced session keys:

* ``scenarios.history`` - :class:`~destinations.scenarios.scenario.History` (undo/redo of the open plan);
* ``scenarios.saved`` - ``{scenario id: stored version}`` the open plan was loaded/saved at
  (the base version of the next save: optimistic concurrency);
* ``scenarios.selected_muni`` - the municipality picked on the map (a domain key, so AppTest can
  set it; a map click cannot be injected);
* ``scenarios.message`` - a one-shot message shown after the rerun that follows a callback.

The whole plan is mirrored into the URL (``?plan=<share link>``) after every change, so the
address bar is always a share link; a damaged link is refused with a message and changes nothing.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pandas as pd
import streamlit as st

from destinations import maps
from destinations.errors import DataError, DestinationsError, ScenarioError
from destinations.scenarios.flows import FlowParams, load_od_matrix
from destinations.scenarios.metrics import (
    COMPANY_METRICS,
    METRIC_BY_KEY,
    PLAN_METRICS,
    EvaluationContext,
    Evaluation,
    evaluate,
    evaluate_after_move,
)
from destinations.scenarios.scenario import History, Scenario
from destinations.scenarios.io import (
    MunicipalityIndex,
    companies_frame,
    decode_share_link,
    encode_share_link,
    parse_plan_csv,
    plan_csv,
    write_companies,
)
from destinations.maps.scenario_maps import add_leaky_borders, leaky_borders_geojson
from destinations.store import ConflictError, ScenarioStore, StoreError
from destinations.ui import data
from destinations.ui.frame import Page, kind_badge

HISTORY_KEY = "scenarios.history"
SAVED_KEY = "scenarios.saved"
SELECTED_KEY = "scenarios.selected_muni"
MESSAGE_KEY = "scenarios.message"
EVAL_KEY = "scenarios.evaluation"
TABLE_REVISION_KEY = "scenarios.table.revision"
LAST_CLICK_KEY = "scenarios.last_click"
PLAN_PARAM = "plan"
NEW = "__new__"
NONE = "__none__"

#: Plan metrics shown as cards in the live panel (the rest are in the table below them).
HEADLINE = ("companies", "unaffiliated", "floor_violation_count", "balance_gini", "flow_cut_share",
            "noncontiguous_count", "lighthouseless_count", "seasonality_gini_mean")

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md(text: object) -> str:
    """Escape text for Streamlit markdown (names may hold markup or markdown)."""
    return _MD_SPECIAL.sub(r"\\\1", str(text))


# ------------------------------------------------------------------------------ cached resources
@st.cache_resource(show_spinner="Loading tourism facts…", max_entries=8)
def facts(year: int):
    from destinations.facts import load_facts

    return load_facts(data.base(), year)


def available_years() -> tuple[int, ...]:
    from destinations.facts import AVAILABLE_YEARS

    return tuple(AVAILABLE_YEARS)


@st.cache_resource(show_spinner="Modelling day trips…", max_entries=8)
def context(year: int, floor: float, lighthouse: float, halflife_min: float, max_minutes: float,
            od_csv: bytes | None = None) -> EvaluationContext:
    """The evaluation context for these assumptions (shared by all sessions)."""
    import math

    base = data.base()
    flows = load_od_matrix(od_csv, base.codes, name="uploaded OD matrix") if od_csv else None
    params = FlowParams(beta_per_minute=math.log(2) / halflife_min, max_minutes=max_minutes)
    return EvaluationContext.from_base(base, facts(year), flow_params=params, flows=flows,
                                       floor=floor, lighthouse_threshold=lighthouse)


@st.cache_resource(show_spinner=False)
def _store(url: str) -> ScenarioStore:
    return ScenarioStore(url, codes=data.base().codes)


def store() -> ScenarioStore | None:
    """The scenario store, or None (with the reason in :func:`store_problem`) when unreachable."""
    from destinations.settings import load_settings

    try:
        # Read the URL now (not from the cached base data) so DESTINATIONS_DB_URL always wins.
        return _store(load_settings().db_url)
    except StoreError as exc:
        st.session_state["scenarios.store_problem"] = str(exc)
        return None


def store_problem() -> str:
    return st.session_state.get("scenarios.store_problem", "")


# ------------------------------------------------------------------------------ state
def flash(kind: str, text: str) -> None:
    st.session_state[MESSAGE_KEY] = (kind, text)


def show_message() -> None:
    message = st.session_state.pop(MESSAGE_KEY, None)
    if message:
        kind, text = message
        {"success": st.success, "error": st.error, "info": st.info, "warning": st.warning}.get(
            kind, st.info)(text)


def init_state(page: Page, base) -> None:
    """First run of a session: the plan from the URL's share link, else today's companies."""
    if HISTORY_KEY in st.session_state:
        return
    scenario = Scenario.from_base(base)
    link = st.query_params.get(PLAN_PARAM)
    if link:
        try:
            scenario = decode_share_link(link, base.codes)
        except ScenarioError as exc:
            flash("error", f"{page.t('io.link.bad')}: {exc}")
    st.session_state[HISTORY_KEY] = History.start(scenario)
    st.session_state.setdefault(SAVED_KEY, {})


def history() -> History:
    return st.session_state[HISTORY_KEY]


def current() -> Scenario:
    return history().present


def push(scenario: Scenario) -> None:
    st.session_state[HISTORY_KEY] = history().push(scenario)


def start(scenario: Scenario, *, version: int | None = None) -> None:
    """Open ``scenario`` as a fresh edit session (clears undo)."""
    st.session_state[HISTORY_KEY] = History.start(scenario)
    saved = st.session_state.setdefault(SAVED_KEY, {})
    if version is not None:
        saved[scenario.id] = version
    st.session_state.pop(SELECTED_KEY, None)
    _bump_table()


def sync_link() -> str:
    """Mirror the open plan into ``?plan=`` (the address bar is the share link)."""
    link = encode_share_link(current())
    if st.query_params.get(PLAN_PARAM) != link:
        st.query_params[PLAN_PARAM] = link
    return link


def saved_version() -> int | None:
    return st.session_state.get(SAVED_KEY, {}).get(current().id)


def evaluation(ctx: EvaluationContext) -> tuple[Evaluation, Evaluation | None]:
    """(evaluation of the open plan, evaluation before the last change) - incremental after a move."""
    scenario = current()
    cached = st.session_state.get(EVAL_KEY)
    previous = None
    if cached is not None and cached[0] is ctx:
        last = cached[1]
        if last.scenario == scenario:
            return last, cached[2]
        previous = last
        changed = [c for c, a, b in zip(scenario.codes, last.scenario.labels, scenario.labels)
                   if a != b] if last.scenario.codes == scenario.codes else []
        if len(changed) == 1:
            result = evaluate_after_move(last, scenario, changed[0],
                                         scenario.company_of(changed[0]), ctx)
        else:
            result = evaluate(scenario, ctx)
    else:
        result = evaluate(scenario, ctx)
    st.session_state[EVAL_KEY] = (ctx, result, previous)
    return result, previous


def _bump_table() -> None:
    st.session_state[TABLE_REVISION_KEY] = st.session_state.get(TABLE_REVISION_KEY, 0) + 1


def handle_map_click(result: dict | None) -> None:
    """Route a clicked municipality into :data:`SELECTED_KEY` (repeats of a click are ignored)."""
    feature = (result or {}).get("last_active_drawing")
    if not feature:
        return
    props = feature.get("properties") or {}
    signature = json.dumps(props, sort_keys=True)
    if st.session_state.get(LAST_CLICK_KEY) == signature:
        return
    st.session_state[LAST_CLICK_KEY] = signature
    code = props.get("code")
    if code and code in current().codes:
        st.session_state[SELECTED_KEY] = code


# ------------------------------------------------------------------------------ callbacks
def sync_pick(selected: str | None) -> None:
    """Show the map's selection in the municipality picker (set before the widget is drawn)."""
    if st.session_state.get("scenarios.pick") != selected:
        st.session_state["scenarios.pick"] = selected


def on_pick() -> None:
    st.session_state[SELECTED_KEY] = st.session_state.get("scenarios.pick")


def _guard(action, *args) -> None:
    try:
        action(*args)
    except DestinationsError as exc:
        flash("error", str(exc))


def on_undo() -> None:
    st.session_state[HISTORY_KEY] = history().undo()
    _bump_table()


def on_redo() -> None:
    st.session_state[HISTORY_KEY] = history().redo()
    _bump_table()


def on_move(page: Page, base) -> None:
    def act():
        code = st.session_state.get(SELECTED_KEY)
        target = st.session_state.get("scenarios.move_to")
        if not code or target is None:
            return
        scenario = current()
        if target == NEW:
            scenario, target = scenario.new_company(st.session_state.get("scenarios.new_name", ""))
        scenario = scenario.move(code, None if target == NONE else target)
        push(scenario)
        _bump_table()
        company = scenario.names[target] if target != NONE else page.t("unaffiliated")
        flash("success", page.t("editor.moved", municipality=md(base.municipality_name(code)),
                                company=md(company)))
    _guard(act)


def on_rename() -> None:
    _guard(lambda: push(current().rename(st.session_state["scenarios.company"],
                                         st.session_state.get("scenarios.rename", ""))))


def on_merge() -> None:
    def act():
        absorb = st.session_state.get("scenarios.merge_with")
        if absorb:
            push(current().merge(st.session_state["scenarios.company"], absorb))
            _bump_table()
    _guard(act)


def on_dissolve() -> None:
    def act():
        push(current().dissolve(st.session_state["scenarios.company"]))
        _bump_table()
    _guard(act)


def on_lock() -> None:
    def act():
        cid = st.session_state["scenarios.company"]
        locked = st.session_state.get(f"scenarios.lock.{cid}", False)
        push(current().lock(cid) if locked else current().unlock(cid))
    _guard(act)


def on_table_apply(page: Page, unaffiliated_label: str) -> None:
    def act():
        key = f"scenarios.table.{st.session_state.get(TABLE_REVISION_KEY, 0)}"
        edits = (st.session_state.get(key) or {}).get("edited_rows", {})
        scenario = current()
        changes = {}
        for row, values in edits.items():
            if "company" in values:
                name = values["company"]
                changes[scenario.codes[int(row)]] = None if name in (None, unaffiliated_label) else name
        moved = scenario.move_by_names(changes)
        count = sum(a != b for a, b in zip(scenario.labels, moved.labels))
        if count:
            push(moved)
            flash("success", page.t("editor.table.applied", count=count))
        else:
            flash("info", page.t("editor.table.none"))
        _bump_table()
    _guard(act)


def on_save(page: Page, *, as_copy: bool = False) -> None:
    def act():
        target = store()
        if target is None:
            raise ScenarioError(f"{page.t('store.unavailable')}: {store_problem()}")
        name = st.session_state.get("scenarios.name") or current().name
        scenario = current()
        if as_copy or scenario.id == "today":
            # The built-in plan is shared by everyone: saving it always makes the user's own copy.
            scenario = scenario.copy(name)
            base_version = None
        else:
            scenario = scenario.renamed(name)
            base_version = saved_version()
        try:
            version = target.save(scenario, base_version=base_version)
        except ConflictError as conflict:
            flash("error", md(str(conflict)))
            return
        st.session_state.setdefault(SAVED_KEY, {})[scenario.id] = version
        if scenario != current():
            push(scenario)
        flash("success", page.t("store.saved", version=version))
    _guard(act)


def on_open() -> None:
    def act():
        key = st.session_state.get("scenarios.open")
        target = store()
        if key and target is not None:
            saved = target.load(key)
            start(saved.scenario, version=saved.version)
    _guard(act)


def on_restore_version() -> None:
    def act():
        target, version = store(), st.session_state.get("scenarios.version")
        if target is None or version is None or saved_version() is None:
            return
        new_version = target.restore_version(current().id, int(version), base_version=saved_version())
        saved = target.load(current().id)
        start(saved.scenario, version=new_version)
    _guard(act)


def on_delete(page: Page) -> None:
    def act():
        target = store()
        if target is not None and saved_version() is not None:
            target.delete(current().id)
            st.session_state[SAVED_KEY].pop(current().id, None)
            flash("info", page.t("store.deleted"))
    _guard(act)


def on_undelete() -> None:
    def act():
        key, target = st.session_state.get("scenarios.trash"), store()
        if key and target is not None:
            target.undelete(key)
            saved = target.load(key)
            start(saved.scenario, version=saved.version)
    _guard(act)


def on_new(base, *, empty: bool, page: Page) -> None:
    today = Scenario.from_base(base)
    start(Scenario.empty(base.codes, name=page.t("store.new_empty")) if empty
          else today.copy(today.name))


def on_import(page: Page, base) -> None:
    def act():
        upload = st.session_state.get("scenarios.import")
        if upload is None:
            return
        raw = upload.getvalue()
        name = Path(upload.name).stem[:80].strip() or "Imported plan"
        try:
            result = parse_plan_csv(raw, MunicipalityIndex.from_base(base), name=name,
                                    label=upload.name, like=current())
        except DataError as exc:
            flash("error", f"{md(exc)} — {page.t('io.import.failed')}")
            return
        if not result.ok:
            lines = "\n".join(f"- {md(e)}" for e in result.errors[:15])
            more = f"\n- … ({len(result.errors) - 15})" if len(result.errors) > 15 else ""
            flash("error", f"{page.t('io.import.failed')}\n\n{lines}{more}")
            return
        start(result.scenario)
        text = page.t("io.import.done", name=md(name),
                      companies=sum(1 for m in result.scenario.companies().values() if m))
        if result.unlisted:
            text += "\n\n" + page.t("io.import.unlisted", codes=", ".join(result.unlisted))
        flash("success", text)
    _guard(act)


# ------------------------------------------------------------------------------ exports (cached)
def deferred_export(base, ctx: EvaluationContext, fmt: str):
    """A no-argument callable for ``st.download_button``: builds the file only when clicked."""
    scenario = current()

    def build() -> bytes:
        frame = companies_frame(base, evaluate(scenario, ctx))
        with tempfile.TemporaryDirectory() as folder:
            return write_companies(frame, Path(folder) / f"plan.{fmt}", fmt).read_bytes()

    return build


def csv_bytes(base) -> bytes:
    return plan_csv(current(), MunicipalityIndex.from_base(base), sep=";")


# ------------------------------------------------------------------------------ rendering helpers
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
    names = result.scenario.names
    problems = result.violations()
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
            st.warning(f"**{labels[reason]}:** " + ", ".join(md(names[c]) for c in ids))
            shown = True
    if not shown:
        st.success(page.t("metrics.none"))
    else:
        st.caption(page.t("metrics.outlined"))


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


# ------------------------------------------------------------------------------ compare page
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
