"""Session state of the scenario pages: the open plan (undo/redo), its share link, its evaluation.

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

import streamlit as st

from destinations.errors import ScenarioError
from destinations.scenarios.io import decode_share_link, encode_share_link
from destinations.scenarios.metrics import Evaluation, EvaluationContext, evaluate, evaluate_after_move
from destinations.scenarios.scenario import History, Scenario
from destinations.store import ScenarioStore, StoreError
from destinations.ui import data
from destinations.ui.frame import Page

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


def available_years() -> tuple[int, ...]:
    from destinations.facts import AVAILABLE_YEARS

    return tuple(AVAILABLE_YEARS)


def context(year: int, floor: float, lighthouse: float, halflife_min: float, max_minutes: float,
            od_csv: bytes | None = None) -> EvaluationContext:
    """The evaluation context for these assumptions (cached, shared by all sessions)."""
    return data.evaluation_context(year, floor, lighthouse, halflife_min, max_minutes, od_csv)


def store() -> ScenarioStore | None:
    """The scenario store, or None (with the reason in :func:`store_problem`) when unreachable."""
    from destinations.settings import load_settings

    try:
        # Read the URL now (not from the cached base data) so DESTINATIONS_DB_URL always wins.
        return data.scenario_store_at(load_settings().db_url)
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
    bump_table()


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


def bump_table() -> None:
    """Give the table editor a new key, so it shows the plan as it is now (not stale edits)."""
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


def sync_pick(selected: str | None) -> None:
    """Show the map's selection in the municipality picker (set before the widget is drawn)."""
    if st.session_state.get("scenarios.pick") != selected:
        st.session_state["scenarios.pick"] = selected


def on_pick() -> None:
    st.session_state[SELECTED_KEY] = st.session_state.get("scenarios.pick")
